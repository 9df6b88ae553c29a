"""Demo: one application waiting for the department head's signature (a link e-mailed to the
demo head; in development the console mail backend prints it). Its own project lead, so the
other demo leads keep exactly one application each. Idempotent."""
import datetime

from django.contrib.auth import get_user_model

from funding import workflow
from funding.budget import Budget
from funding.models import ApplicantProfile, Application

LEAD = "projektledare3"
HEAD = ("Avdelningschef Demo", "Avdelningschef", "avdelningschef@lotsa.example")


def load(fund, answers, budget, wizard_data):
    """`answers`, `budget` and `wizard_data` are funding/demo.py's source application and helper."""
    from allauth.account.models import EmailAddress

    from funding.signatures import services

    User = get_user_model()
    password = f"lotsa-{LEAD}-demo"
    user = User.objects.filter(username=LEAD).first()
    if user is None:
        user = User.objects.create_user(username=LEAD, email=f"{LEAD}@lotsa.example", password=password,
                                        first_name="Projektledare")
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    applicant = {**answers["applicant"], "contact_name": "Projektledare Signatur", "contact_email": user.email,
                 "head_name": HEAD[0], "head_title": HEAD[1], "head_email": HEAD[2]}
    ApplicantProfile.objects.get_or_create(user=user, defaults={
        k: v for k, v in applicant.items() if k in ApplicantProfile.FIELDS})
    if not Application.objects.filter(user=user).exists():
        b = Budget.from_dict(budget)
        project = {**answers["project"], "title": "Familjecentral i Vällingby", "start": "2027-01-01",
                   "end": "2029-12-31"}
        demo_budget = {**budget, "years": ["2027", "2028", "2029"]}
        app = Application.objects.create(
            user=user, fund=fund, language="sv", title=project["title"], organisation=applicant["organisation"],
            data={"wizard": wizard_data({**answers, "applicant": applicant, "project": project}, demo_budget)},
            budget=Budget.from_dict(demo_budget).to_dict(), requested_total=b.requested_total,
            cost_total=b.cost_total, project_start=datetime.date(2027, 1, 1), project_end=datetime.date(2029, 12, 31))
        workflow.transition(app, workflow.SIGNATURE, user, notify=False)
        services.submitted_by_lead(app, user)
    sign_submitted_demo()
    return [(LEAD, password, "(project lead, application waiting for the head's signature)")]


def sign_submitted_demo():
    """The source application (projektledare's, submitted) was signed by its head through the
    link: its PDF and inspect page show the signature."""
    from funding.signatures.models import SignatureRequest

    app = Application.objects.filter(user__username="projektledare", fund__signature="link",
                                     submitted_at__isnull=False).first()
    if app is None or app.signature_requests.exists():
        return
    SignatureRequest.objects.create(
        application=app, name=HEAD[0], title=HEAD[1], email=HEAD[2], created_at=app.submitted_at,
        expires_at=app.submitted_at + datetime.timedelta(days=14), sent_at=app.submitted_at,
        signed_at=app.submitted_at, signed_name=HEAD[0], signed_place="Stockholm",
        signed_date=app.submitted_at.date())
