"""Scale data for `manage.py load_scale`: many funding applications, inserted in bulk.

Each application has the demo application's complete answers and budget (so it renders and
prints like a real one), its own title, an applicant among 200 scale project leads, a fund and a
status spread over the whole workflow, and the status changes that led there."""
import copy
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from funding import workflow
from funding.budget import Budget
from funding.demo import DEMO_ANSWERS, DEMO_BUDGET, wizard_data
from funding.models import Application, FundProgrammePage, Transition

SCALE_ORGANISATION = "Skaldata"  # organisation of every scale application
LEADS = 200
STATUSES = [workflow.DRAFT, workflow.SUBMITTED, workflow.SUBMITTED, workflow.IN_REVIEW, workflow.IN_REVIEW,
            workflow.MORE_INFO, workflow.APPROVED, workflow.APPROVED, workflow.REJECTED]
PATHS = {  # the states an application passed through to reach its status
    workflow.DRAFT: [],
    workflow.SUBMITTED: [workflow.SUBMITTED],
    workflow.IN_REVIEW: [workflow.SUBMITTED, workflow.IN_REVIEW],
    workflow.MORE_INFO: [workflow.SUBMITTED, workflow.IN_REVIEW, workflow.MORE_INFO],
    workflow.APPROVED: [workflow.SUBMITTED, workflow.IN_REVIEW, workflow.APPROVED],
    workflow.REJECTED: [workflow.SUBMITTED, workflow.IN_REVIEW, workflow.REJECTED],
}


def existing_applications():
    return Application.objects.filter(organisation__startswith=SCALE_ORGANISATION).count()


def _leads():
    User = get_user_model()
    have = set(User.objects.filter(username__startswith="skala-ledare-").values_list("username", flat=True))
    User.objects.bulk_create([
        User(username=name, email=f"{name}@lotsa.example", password="!", first_name="Skala", last_name=name[-3:])
        for name in (f"skala-ledare-{i:03d}" for i in range(LEADS)) if name not in have
    ])
    return list(User.objects.filter(username__startswith="skala-ledare-").order_by("pk"))


def make_applications(count, *, rng, batch=1000, stdout=None):
    if count <= 0:
        return 0
    funds = list(FundProgrammePage.objects.filter(locale__language_code="sv").prefetch_related("rounds"))
    manager = get_user_model().objects.filter(is_superuser=True).first()
    leads = _leads()
    budget = Budget.from_dict(DEMO_BUDGET)
    now = timezone.now()
    first = existing_applications()
    made = 0
    while made < count:
        apps, paths = [], []
        for n in range(first + made, first + min(made + batch, count)):
            fund = funds[n % len(funds)]
            rounds = list(fund.rounds.all())
            status = rng.choice(STATUSES)
            answers = copy.deepcopy(DEMO_ANSWERS)
            title = f"{DEMO_ANSWERS['project']['title']} {n + 1}"
            answers["project"]["title"] = title
            answers["applicant"]["organisation"] = f"{SCALE_ORGANISATION} {n % 40 + 1}"
            created = now - datetime.timedelta(days=rng.randint(30, 700))
            submitted = created + datetime.timedelta(days=rng.randint(1, 20)) if status != workflow.DRAFT else None
            decided = submitted + datetime.timedelta(days=rng.randint(5, 25)) if status in workflow.DECIDED else None
            granted = {str(y): a for y, a in zip(budget.years, budget.requested_per_year())} if status == workflow.APPROVED else {}
            apps.append(Application(
                user=leads[n % len(leads)], fund=fund, round=rounds[n % len(rounds)] if rounds else None,
                language=rng.choice(["sv", "sv", "sv", "en", "ar"]), status=status, title=title,
                organisation=answers["applicant"]["organisation"],
                data={"wizard": wizard_data(answers, DEMO_BUDGET)}, budget=budget.to_dict(),
                requested_total=budget.requested_total, cost_total=budget.cost_total, granted=granted,
                granted_total=sum(granted.values()), project_start=datetime.date(2026, 1, 1),
                project_end=datetime.date(2028, 12, 31),
                report_due=datetime.date(2029, 3, 31) if status == workflow.APPROVED else None,
                submitted_at=submitted, decided_at=decided,
            ))
            paths.append((status, created, submitted))
        Application.objects.bulk_create(apps)
        if apps[0].pk is None:  # a database that does not return ids from bulk inserts
            ids = list(Application.objects.filter(organisation__startswith=SCALE_ORGANISATION)
                       .order_by("-pk").values_list("pk", flat=True)[:len(apps)])[::-1]
            for app, pk in zip(apps, ids):
                app.pk = pk
        transitions = []
        for app, (status, created, submitted) in zip(apps, paths):
            frm, at = workflow.DRAFT, submitted
            for to in PATHS[status]:
                transitions.append(Transition(application_id=app.pk, from_status=frm, to_status=to,
                                              by=app.user if to == workflow.SUBMITTED else manager, at=at))
                frm, at = to, at + datetime.timedelta(days=2)
        Transition.objects.bulk_create(transitions)
        made += len(apps)
    if stdout:
        stdout.write(f"  applications: {made}")
    return made
