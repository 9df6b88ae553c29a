"""Interim reports (issue 13, item 7) as the project lead and the fund managers meet them: the
fund's schedule per tertial, the reports due on the lead's page, the wizard (a draft kept at every
step that resumes on another device, bad input named per field), the fund manager's review with a
comment the lead reads, read-only after approval, reminders with a link only, the numbers in the
PDF, and 404 for anyone but the project's lead."""
import datetime
import re
import subprocess
import tempfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from funding import workflow
from funding.budget import Budget
from funding.demo import DEMO_ANSWERS, DEMO_BUDGET, wizard_data
from funding.interim import schedule, services
from funding.interim.models import InterimReport, Status
from funding.models import Application, FundProgrammePage
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db


def text(response):
    """The page as read: isolated numbers (<bdi>, bidi marks) as plain text."""
    page = re.sub(r"</?bdi[^>]*>|[\u2066-\u2069\u200e\u200f]", "", response.content.decode())
    return re.sub(r"\s+", " ", page.replace("\u00a0", " "))


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        out = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, check=True).stdout
    return out.decode().replace("\u00a0", " ")


def sv(msgid):
    with translation.override("sv"):
        return gettext(msgid)


@pytest.fixture
def lum():
    return FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")


def approved_project(fund, start, end, decided, user=None):
    """An approved LUM project with the source's budget (1 450 000 + 50 000 a year) over its years."""
    years = [str(y) for y in range(start.year, end.year + 1)]
    spec = {**DEMO_BUDGET, "years": years, "costs": [{**c, "amounts": c["amounts"][:1] * len(years)}
                                                     for c in DEMO_BUDGET["costs"]],
            "income": [{**c, "amounts": c["amounts"][:1] * len(years)} for c in DEMO_BUDGET["income"]]}
    budget = Budget.from_dict(spec)
    app = Application.objects.create(
        user=user or ApplicantFactory(), fund=fund, language="sv", title="Tidigt stöd i Rinkeby",
        data={"wizard": wizard_data(DEMO_ANSWERS, spec)}, budget=budget.to_dict(),
        requested_total=budget.requested_total, cost_total=budget.cost_total, project_start=start,
        project_end=end, status=workflow.APPROVED, decided_at=decided, submitted_at=decided)
    app.set_granted(app.requested_per_year())
    app.save()
    return app


@pytest.fixture
def running(lum):
    """A project that started 200 days ago and runs another 400: some tertials have ended."""
    today = timezone.localdate()
    start = today - datetime.timedelta(days=200)
    return approved_project(lum, start, today + datetime.timedelta(days=400),
                            timezone.now() - datetime.timedelta(days=210))


def open_draft(app):
    return next(r for r in services.sync(app) if r.is_open() and r.status == Status.DRAFT)


# --- the schedule ---------------------------------------------------------------------------

def test_tertials_of_a_three_year_project_leave_the_last_one_to_the_final_report(lum):
    app = approved_project(lum, datetime.date(2027, 1, 1), datetime.date(2029, 12, 31),
                           timezone.make_aware(datetime.datetime(2026, 12, 1)))
    assert lum.interim_schedule == "tertial"  # the demo's LUM follows up per tertial, as the source
    periods = schedule.periods(app)
    assert [(p.start, p.end, p.due) for p in periods[:3]] == [
        (datetime.date(2027, 1, 1), datetime.date(2027, 4, 30), datetime.date(2027, 5, 15)),
        (datetime.date(2027, 5, 1), datetime.date(2027, 8, 31), datetime.date(2027, 9, 15)),
        (datetime.date(2027, 9, 1), datetime.date(2027, 12, 31), datetime.date(2028, 1, 15))]
    assert len(periods) == 8 and periods[-1].end == datetime.date(2029, 8, 31)
    lum.interim_schedule = "half_year"
    assert [(p.end, p.due) for p in schedule.periods(app)[:2]] == [
        (datetime.date(2027, 6, 30), datetime.date(2027, 8, 15)), (datetime.date(2027, 12, 31),
                                                                  datetime.date(2028, 2, 15))]
    lum.interim_schedule = "none"
    assert schedule.periods(app) == []


def test_no_interim_reports_for_periods_before_the_decision_or_before_approval(lum):
    app = approved_project(lum, datetime.date(2020, 1, 1), datetime.date(2022, 12, 31),
                           timezone.make_aware(datetime.datetime(2021, 6, 1)))
    assert schedule.periods(app)[0].start == datetime.date(2021, 5, 1)
    app.status = workflow.IN_REVIEW
    assert schedule.periods(app) == []


# --- the lead's side, end to end ------------------------------------------------------------

def test_lead_writes_an_interim_report_and_the_fund_manager_reviews_it(
        running, demo_users, mailoutbox, django_capture_on_commit_callbacks):
    lead = Client()
    lead.force_login(running.user)
    page = text(lead.get(f"/en/funding/my/{running.pk}/"))
    report = open_draft(running)
    assert "Interim reports" in page and report.period in page and "Not started" in page
    base = f"/en/funding/my/{running.pk}/interim/{report.pk}/"
    year = str(report.period_end.year)

    # Progress per goal: the application's four goals, each needs a choice and a text.
    r = lead.get(base + "goals/")
    assert "Barn och unga får rätt stöd i rätt tid" in text(r)
    r = lead.post(base + "goals/", {"interim_report-current_step": "goals", "goals-g1_assessment": "on_track"})
    page = text(r)
    assert r.status_code == 200 and "Describe the progress on goal 1." in page
    assert "Choose how goal 2 is progressing." in page
    goals = {"interim_report-current_step": "goals"}
    for n in range(1, 5):
        goals |= {f"goals-g{n}_assessment": "partly" if n == 2 else "on_track", f"goals-g{n}_analysis": f"Mål {n} går framåt."}
    r = lead.post(base + "goals/", goals)
    assert r.status_code == 302 and r.url.endswith("/economy/")

    # Spending so far beside the year's budget: Swedish notation is read; spending more than 10 %
    # above the year's budget on a row needs an explanation.
    other = Client()  # another device: the draft is there
    other.force_login(running.user)
    assert "Mål 3 går framåt." in text(other.get(base + "goals/"))
    page = text(other.get(base + "economy/"))
    assert "1 450 000" in page and year in page and "Spent so far" in page
    economy = {"interim_report-current_step": "economy", "economy-o0": "480 000", "economy-o1": "60 000"}
    r = other.post(base + "economy/", economy)
    assert r.status_code == 200 and "deviates 20,0 %" in text(r)
    r = other.post(base + "economy/", economy | {"economy-o1": "", "economy-e1": "Ny dator."})
    assert f"Enter what was spent so far on Other costs {year} in kronor (0 if nothing)." in text(r)
    r = other.post(base + "economy/", economy | {"economy-e1": "Två datorer köptes tidigare än planerat."})
    assert r.status_code == 302
    r = other.post(base + "deviations/", {"interim_report-current_step": "deviations",
                                          "deviations-deviations": "Rekryteringen blev försenad."})
    assert r.status_code == 302

    # Check the answers, then submit once: a second submit changes nothing.
    page = text(other.get(base + "review/"))
    assert "480 000" in page and "Rekryteringen blev försenad." in page and "Partly on track" in page
    r = other.post(base + "review/", {"interim_report-current_step": "review", "review-confirm": "on"})
    assert r.status_code == 302 and r.url == base + "done-submit/"
    r = other.get(r.url)
    assert r.status_code == 302 and r.url == base
    report.refresh_from_db()
    submitted_at = report.submitted_at
    assert report.status == Status.SUBMITTED and report.economic_outcome[f"personnel|{year}"]["outcome"] == 480_000
    r = other.post(base + "review/", {"interim_report-current_step": "review", "review-confirm": "on"})
    report.refresh_from_db()
    assert r.status_code == 302 and report.submitted_at == submitted_at
    page = text(lead.get(base))
    assert "The interim report has been submitted" in page and "Write the interim report" not in page

    # The fund manager asks for completion; the comment reaches the lead, the e-mail holds a link only.
    manager = Client()
    manager.force_login(demo_users["Fund managers"])
    inspect = reverse("interim_reports:inspect", args=[report.pk])
    assert running.title in text(manager.get(reverse("interim_reports:index")))
    page = text(manager.get(inspect))
    assert "480 000" in page and "Två datorer köptes" in page and "Mål 2 går framåt." in page
    r = manager.post(inspect, {"decision": "return", "comment": ""})
    assert r.status_code == 200 and InterimReport.objects.get(pk=report.pk).status == Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        r = manager.post(inspect, {"decision": "return", "comment": "Beskriv hur vakansen påverkar mål 1."})
    assert r.status_code == 302 and InterimReport.objects.get(pk=report.pk).status == Status.RETURNED
    message = mailoutbox[-1]
    assert message.to == [running.user.email] and f"/funding/my/{running.pk}/interim/{report.pk}/" in message.body
    assert "vakansen" not in message.body and running.title not in message.body and "480" not in message.body
    assert "Beskriv hur vakansen påverkar mål 1." in text(lead.get(base))
    assert "Beskriv hur vakansen påverkar mål 1." in text(lead.get(base + "goals/"))

    # Completed and sent again; approved; from then on read-only.
    r = lead.post(base + "review/", {"interim_report-current_step": "review", "review-confirm": "on"})
    lead.get(r.url)
    assert InterimReport.objects.get(pk=report.pk).status == Status.SUBMITTED
    r = manager.post(inspect, {"decision": "approve"})
    assert r.status_code == 302 and InterimReport.objects.get(pk=report.pk).status == Status.APPROVED
    r = manager.post(inspect, {"decision": "return", "comment": "Igen"})  # a replay of a decision
    assert InterimReport.objects.get(pk=report.pk).status == Status.APPROVED
    r = lead.get(base + "goals/")
    assert r.status_code == 302 and r.url == base
    r = lead.post(base + "deviations/", {"interim_report-current_step": "deviations",
                                         "deviations-deviations": "Ändrat efteråt"})
    assert r.status_code == 302
    assert InterimReport.objects.get(pk=report.pk).deviations == "Rekryteringen blev försenad."
    page = text(lead.get(f"/en/funding/my/{running.pk}/"))
    assert "Approved" in page

    # The PDF holds the year's budget beside the spending and the deviations.
    content = pdf_text(lead.get(base + "pdf/").content)
    # in the language the lead applied in (Swedish)
    for expected in (sv("Interim report"), "1 450 000", "480 000", "60 000", "Rekryteringen blev försenad.",
                     "Två datorer köptes", sv("Partly on track")):
        assert expected in content, expected


def test_a_period_not_yet_ended_cannot_be_written(running):
    report = next(r for r in services.sync(running) if not r.is_open())
    client = Client()
    client.force_login(running.user)
    r = client.get(f"/en/funding/my/{running.pk}/interim/{report.pk}/goals/")
    assert r.status_code == 302 and r.url == f"/en/funding/my/{running.pk}/interim/{report.pk}/"
    assert "opens on" in text(client.get(r.url))


def test_another_lead_staff_and_anonymous_get_nothing(running, demo_users):
    report = open_draft(running)
    urls = [f"/sv/funding/my/{running.pk}/interim/{report.pk}/{tail}" for tail in ("", "pdf/", "goals/")]
    anon = Client()
    assert all(anon.get(url).status_code == 302 for url in urls)
    for user in [ApplicantFactory(), Application.objects.get(user__username="projektledare").user,
                 *demo_users.values()]:
        client = Client()
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
        r = client.post(urls[2], {"interim_report-current_step": "goals", "goals-g1_analysis": "Intrång"})
        assert r.status_code == 404
    # the report's id under another of the lead's applications is no way in either
    assert "Intrång" not in str(InterimReport.objects.get(pk=report.pk).wizard)
    # a draft is the lead's own business: 404 in the admin too
    manager = Client()
    manager.force_login(demo_users["Fund managers"])
    assert manager.get(reverse("interim_reports:inspect", args=[report.pk])).status_code == 404
    assert manager.get(reverse("interim_report_admin_pdf", args=[report.pk])).status_code == 404


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Coordinators"])
def test_other_staff_cannot_review(demo_users, group):
    report = InterimReport.objects.get(application__user__username="projektledare4", status=Status.SUBMITTED)
    client = Client()
    client.force_login(demo_users[group])
    assert client.get(reverse("interim_reports:index")).status_code in (302, 403)
    client.post(reverse("interim_reports:inspect", args=[report.pk]), {"decision": "approve"})
    assert InterimReport.objects.get(pk=report.pk).status == Status.SUBMITTED


def test_reminders_before_the_due_date_once_each_with_a_link_only(running, mailoutbox):
    from funding.interim.reminders import send_reminders

    report = open_draft(running)
    assert send_reminders(today=report.due - datetime.timedelta(days=15)) == 0 or True  # earlier ones may be due
    mailoutbox.clear()
    sent = send_reminders(today=report.due - datetime.timedelta(days=14))
    mine = [m for m in mailoutbox if m.to == [running.user.email] and report.due.isoformat() in m.subject]
    assert sent >= 1 and len(mine) == 1
    assert f"/funding/my/{running.pk}/interim/{report.pk}/" in mine[0].body and running.title not in mine[0].body
    mailoutbox.clear()
    send_reminders(today=report.due - datetime.timedelta(days=14))
    assert not [m for m in mailoutbox if m.to == [running.user.email] and report.due.isoformat() in m.subject]
    send_reminders(today=report.due + datetime.timedelta(days=1))  # overdue: one more
    assert len([m for m in mailoutbox if m.to == [running.user.email]
                and report.due.isoformat() in m.subject]) == 1
    services.submit(report)
    mailoutbox.clear()
    send_reminders(today=report.due + datetime.timedelta(days=30))
    assert not [m for m in mailoutbox if report.due.isoformat() in m.subject and m.to == [running.user.email]]


def test_demo_project_has_reports_at_every_stage_and_the_fund_manager_sees_them(demo_users):
    app = Application.objects.get(user__username="projektledare4")
    statuses = [r.status for r in services.sync(app)]
    assert Status.APPROVED in statuses and statuses.count(Status.SUBMITTED) == 1 and Status.DRAFT in statuses
    manager = Client()
    manager.force_login(demo_users["Fund managers"])
    page = text(manager.get(reverse("funding_applications:inspect", args=[app.pk])))
    submitted = app.interim_reports.get(status=Status.SUBMITTED)
    assert reverse("interim_reports:inspect", args=[submitted.pk]) in page
    lead = Client()
    lead.force_login(app.user)
    page = text(lead.get(f"/sv/funding/my/{app.pk}/"))
    assert sv("Interim reports") in page and submitted.period in page


def test_arabic_pages_are_right_to_left(running):
    report = open_draft(running)
    client = Client()
    client.force_login(running.user)
    for tail in ("", "goals/", "economy/"):
        r = client.get(f"/ar/funding/my/{running.pk}/interim/{report.pk}/{tail}")
        assert r.status_code == 200 and 'dir="rtl"' in r.content.decode()
    from funding.interim.pdf import render

    assert "1 450 000" in pdf_text(render(report, language="ar"))
