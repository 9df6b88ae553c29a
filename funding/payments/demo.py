"""Demo: one approved project at the payments stage, run by its own project lead (so that the
other demo leads keep one application each): a two-year grant whose first year has been paid
(with its voucher) and whose second year remains. Idempotent."""
import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from funding import workflow
from funding.budget import Budget
from funding.models import Application
from funding.payments import services

TITLE = "Läxhjälp och föräldrastöd i Vällingby"
FUND_MANAGER = "fondforvaltare"
LEAD = "projektledare-vallingby"


def ensure_lead():
    from allauth.account.models import EmailAddress

    User = get_user_model()
    password = f"lotsa-{LEAD}-demo"
    user = User.objects.filter(username=LEAD).first()
    if user is None:
        user = User.objects.create_user(username=LEAD, email=f"{LEAD}@lotsa.example", password=password,
                                        first_name="Projektledare")
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user, [(LEAD, password, "(project lead with payments, /sv/funding/my/)")]


def load(fund, wizard_data, answers):
    lead, users = ensure_lead()
    manager = get_user_model().objects.filter(username=FUND_MANAGER).first()
    if manager is None or Application.objects.filter(user=lead, title=TITLE).exists():
        return users
    today = timezone.localdate()
    decided = today - datetime.timedelta(days=300)
    years = [str(decided.year), str(decided.year + 1)]
    budget = {"years": years,
              "costs": [{"key": "personnel", "name": "", "amounts": [300_000, 300_000]},
                        {"key": "other", "name": "", "amounts": [0, 0]}],
              "income": [{"key": "requested", "name": "", "amounts": [200_000, 200_000]},
                         {"key": "own", "name": "", "amounts": [100_000, 100_000]},
                         {"key": "external", "name": "", "amounts": [0, 0]}]}
    project = {**answers["project"], "title": TITLE, "start": f"{years[0]}-01-01", "end": f"{years[1]}-12-31"}
    applicant = {**answers["applicant"], "contact_email": lead.email}
    parsed = Budget.from_dict(budget)
    app = Application.objects.create(
        user=lead, fund=fund, language="sv", title=TITLE, organisation=answers["applicant"]["organisation"],
        data={"wizard": wizard_data({**answers, "project": project, "applicant": applicant}, budget)}, budget=parsed.to_dict(),
        requested_total=parsed.requested_total, cost_total=parsed.cost_total,
        project_start=datetime.date(int(years[0]), 1, 1), project_end=datetime.date(int(years[1]), 12, 31))
    workflow.transition(app, workflow.SUBMITTED, lead, notify=False)
    workflow.transition(app, workflow.IN_REVIEW, manager, notify=False)
    workflow.transition(app, workflow.APPROVED, manager, notify=False, granted={y: 200_000 for y in years})
    # Decided ten months ago, so that the first year is already paid.
    when = timezone.now() - datetime.timedelta(days=300)
    Application.objects.filter(pk=app.pk).update(created_at=when, updated_at=when, submitted_at=when,
                                                 decided_at=when)
    app.transitions.update(at=when)
    for line in app.payment_plan.all():
        line.planned_on = services.planned_date(line.year, timezone.localdate(when))
        line.save(update_fields=["planned_on"])
    first = app.payment_plan.order_by("year").first()
    if first is not None and first.planned_on <= today:
        services.record_payment(first.pk, paid_on=first.planned_on, amount=first.amount,
                                voucher=f"V{years[0]}-0142", user=manager, key=uuid.uuid4())
    return users
