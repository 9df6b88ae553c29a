"""Demo of the assessment: the issue's five criteria on the social investment fund and LUM, and
the demo project lead's LUM application being assessed: "granskare2" has submitted (scores and a
recommendation), the demo user "granskare" has it in "My assessments" still to do, so they see
granskare2's scores only after submitting their own. Idempotent."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from funding.assessment import services
from funding.assessment.models import REVIEWERS, Assessment, Criterion

CRITERIA = [
    ("Stämmer med nämndens mål", "Bidrar projektet till de mål nämnden har satt för fonden?"),
    ("Effekt för invånarna", "Blir det bättre för invånarna, och går det att följa upp?"),
    ("Genomförbarhet", "Är tidsplan, organisation och arbetssätt realistiska?"),
    ("Rimlig budget", "Står kostnaderna i proportion till det projektet ska uppnå?"),
    ("Jämställdhet", "Tar projektet hänsyn till flickors och pojkars, kvinnors och mäns olika behov?"),
]
SECOND_REVIEWER = "granskare2"
SCORES = [(5, "Ligger mitt i nämndens mål om tidigt stöd."), (4, "Tydliga effekter för barn och familjer."),
          (4, "Processtödet är väl beskrivet."), (3, "Egen finansiering är hög; personalkostnaden kan motiveras bättre."),
          (4, "Uppföljningen redovisas för flickor och pojkar.")]


def ensure_criteria(fund):
    if fund.assessment_criteria.exists():
        return
    # through a revision, as an editor would: the page editor shows the latest revision's criteria
    for order, (name, description) in enumerate(CRITERIA):
        fund.assessment_criteria.add(Criterion(name=name, description=description, sort_order=order))
    fund.save_revision().publish()


def ensure_reviewer(username, first_name):
    from allauth.account.models import EmailAddress

    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, email=f"{username}@lotsa.example",
                                        password=f"lotsa-{username}-demo", first_name=first_name)
        user.groups.add(Group.objects.get_or_create(name=REVIEWERS)[0])
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def load(funds, with_users=False):
    for key in ("social", "lum"):
        ensure_criteria(funds[key])
    if not with_users:
        return []
    from funding.models import Application

    app = Application.objects.filter(user__username="projektledare", fund=funds["lum"]).first()
    User = get_user_model()
    first = User.objects.filter(username="granskare").first()
    if app is None or first is None or app.assessments.exists() or not services.is_open(app):
        return [(SECOND_REVIEWER, f"lotsa-{SECOND_REVIEWER}-demo", f"{REVIEWERS} (has assessed the LUM application)")]
    second = ensure_reviewer(SECOND_REVIEWER, "Granskare Två")
    manager = User.objects.filter(username="fondforvaltare").first()
    done, _todo = [Assessment.objects.create(application=app, reviewer=r, assigned_by=manager) for r in (second, first)]
    criteria = list(Criterion.objects.filter(fund_id=funds["lum"].pk).order_by("sort_order"))
    services.save(done, version=done.version, scores=dict(zip(criteria, SCORES)),
                  recommendation=Assessment.Recommendation.APPROVE, lower_amount=None,
                  comment="Väl förberett; beviljas enligt ansökan.", submit=True)
    return [(SECOND_REVIEWER, f"lotsa-{SECOND_REVIEWER}-demo", f"{REVIEWERS} (has assessed the LUM application)")]
