"""Demo: the LUM fund asks for interim reports per tertial (as the source's follow-up), and a third
project lead runs an approved LUM project from January last year to December next year. Its
earlier interim reports are approved, the latest one waits for the fund managers, and the next
ones open as their periods end. Idempotent."""
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

LEAD = "projektledare4"


def spending(report, share):
    """Spent so far: `share` of the year's budget per row, the source's numbers."""
    from funding.interim import services

    return {f"{line}|{year}": {"outcome": int(amount * share), "explanation": ""}
            for line, year, amount in services.lines(report)}


def load(fund):
    """Returns the demo user's login line (see home/management/commands/load_demo.py)."""
    from allauth.account.models import EmailAddress

    from funding import demo as funding_demo
    from funding import workflow
    from funding.budget import Budget
    from funding.interim import services
    from funding.interim.models import Status
    from funding.models import Application
    from reports.final_wizard import application_goals

    if fund.interim_schedule == "none":
        fund.interim_schedule = "tertial"
        fund.save_revision().publish()
    User = get_user_model()
    password = f"lotsa-{LEAD}-demo"
    user = User.objects.filter(username=LEAD).first()
    if user is None:
        user = User.objects.create_user(username=LEAD, email=f"{LEAD}@lotsa.example", password=password,
                                        first_name="Projektledare")
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    app = Application.objects.filter(user=user).first()
    if app is None:
        year = timezone.localdate().year
        years = [str(y) for y in (year - 1, year, year + 1)]
        spec = {**funding_demo.DEMO_BUDGET, "years": years}
        answers = {**funding_demo.DEMO_ANSWERS, "project": {**funding_demo.DEMO_ANSWERS["project"],
                                                          "start": f"{years[0]}-01-01", "end": f"{years[-1]}-12-31"}}
        budget = Budget.from_dict(spec)
        decided = timezone.make_aware(datetime.datetime(year - 1, 1, 1, 10, 0))
        app = Application.objects.create(
            user=user, fund=fund, language="sv", title=answers["project"]["title"],
            organisation=answers["applicant"]["organisation"],
            data={"wizard": funding_demo.wizard_data(answers, spec)}, budget=budget.to_dict(),
            requested_total=budget.requested_total, cost_total=budget.cost_total,
            project_start=datetime.date(year - 1, 1, 1), project_end=datetime.date(year + 1, 12, 31),
            status=workflow.APPROVED, submitted_at=decided, decided_at=decided)
        app.set_granted(app.requested_per_year())
        app.report_due = fund.report_due_date(app.project_end)
        app.save()
        today = timezone.localdate()
        ended = [r for r in services.sync(app) if r.period_end < today]
        goals = application_goals(app)
        for i, report in enumerate(ended):
            latest = i == len(ended) - 1
            report.goals = [{"goal": goal, "assessment": "on_track" if n != 1 else "partly",
                             "analysis": "Samordnarna har haft ärendedragningar med skolan varje månad."
                             if n == 0 else "Arbetet går enligt planen."} for n, goal in enumerate(goals)]
            share = (report.period_end.month / 12) * (0.9 if latest else 1)
            report.economic_outcome = spending(report, share)
            report.deviations = ("En samordnartjänst var vakant i två månader; rekryteringen är klar."
                                 if latest else "")
            report.status = Status.SUBMITTED if latest else Status.APPROVED
            report.submitted_at = timezone.make_aware(datetime.datetime.combine(report.due, datetime.time(9)))
            if not latest:
                report.decided_at = report.submitted_at + datetime.timedelta(days=5)
            report.save()
    return [(LEAD, password, "(project lead with interim reports, /sv/funding/my/)")]
