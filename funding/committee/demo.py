"""Demo: the social investment fund's committee (Socialnämnden) decides above 25 000 kr, and one
application is on the agenda of its next decision meeting with the fund manager's proposal."""
import copy
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from funding import workflow
from funding.budget import Budget

LEAD = "projektledare-namnd"
TITLE = "Familjecentral i Tensta"
BUDGET = {
    "years": ["2027", "2028", "2029"],
    "costs": [{"key": "personnel", "name": "", "amounts": [1_000_000] * 3},
              {"key": "other", "name": "", "amounts": [50_000] * 3}],
    "income": [{"key": "requested", "name": "", "amounts": [800_000] * 3},
               {"key": "own", "name": "", "amounts": [250_000] * 3},
               {"key": "external", "name": "", "amounts": [0] * 3}],
}


def load(funds, answers):
    """`funds`: funding/demo.py's {key: fund}; `answers`: its demo answers (copied, retitled)."""
    from allauth.account.models import EmailAddress

    from funding.committee import services
    from funding.committee.models import DecisionMeeting
    from funding.demo import wizard_data
    from funding.models import Application, FundProgrammePage

    social, check = funds["social"], funds["check"]
    FundProgrammePage.objects.filter(pk=social.pk, decide_alone_max=None).update(decide_alone_max=25_000)
    FundProgrammePage.objects.filter(pk=check.pk, decide_alone_max=None).update(decide_alone_max=25_000)
    social.refresh_from_db()
    User = get_user_model()
    manager = User.objects.filter(username="fondforvaltare").first()
    if manager is None:
        return []
    password = f"lotsa-{LEAD}-demo"
    user = User.objects.filter(username=LEAD).first()
    if user is None:
        user = User.objects.create_user(username=LEAD, email=f"{LEAD}@lotsa.example", password=password,
                                        first_name="Projektledare")
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    meeting = DecisionMeeting.objects.filter(reference="SN 2026/0412").first()
    if meeting is None:
        meeting = DecisionMeeting.objects.create(
            committee="Socialnämnden", date=timezone.localdate() + datetime.timedelta(days=14),
            place="Stadshuset, sammanträdesrum 3", reference="SN 2026/0412")
    if not Application.objects.filter(user=user).exists():
        data = copy.deepcopy(answers)
        data["project"].update(title=TITLE, start="2027-01-01", end="2029-12-31")
        data["applicant"].update(organisation="Rinkeby-Kista stadsdelsförvaltning", unit="Familjeenheten",
                                 contact_name="Projektledare Nämnd", contact_email=user.email)
        budget = Budget.from_dict(BUDGET)
        app = Application.objects.create(
            user=user, fund=social, language="sv", title=TITLE, organisation=data["applicant"]["organisation"],
            data={"wizard": wizard_data(data, BUDGET)}, budget=budget.to_dict(),
            requested_total=budget.requested_total, cost_total=budget.cost_total,
            project_start=datetime.date(2027, 1, 1), project_end=datetime.date(2029, 12, 31))
        workflow.transition(app, workflow.SUBMITTED, user, notify=False)
        workflow.transition(app, workflow.IN_REVIEW, manager, notify=False)
        services.mark_ready(app, manager, meeting=meeting, proposal="approve",
                            amounts={"2027": 600_000, "2028": 600_000, "2029": 600_000})
    return [(LEAD, password, "(project lead, application on the committee's agenda)")]
