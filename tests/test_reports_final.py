"""Final reports: economic report from the granted budget, benefit realisation, reminders sent
once, and approval that drafts a knowledge-bank page a moderator then publishes."""
import datetime
import re

import pytest
from django.core import mail
from django.db import connection  # noqa: F401 (used by skipif)
from django.utils import timezone

from funding import workflow
from funding.models import Application
from reports import final_reports as fr
from reports.models import FinalReport, ReportPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    """The demo LUM application, approved: a project with a final report due."""
    app = Application.objects.filter(title__isnull=False).exclude(budget={}).order_by("pk").first()
    app.status = workflow.APPROVED
    app.report_due = app.fund.report_due_date(app.project_end)
    app.save()
    return app


def test_report_due_follows_the_funds_rule(project):
    assert project.report_due == datetime.date(2023, 2, 28)  # LUM: 28 February after the project ends


def test_economic_report_prefills_granted_lines_and_computes_deviation(project):
    lines = fr.granted_lines(project)
    assert ("personnel", "2020", 1_450_000) in lines and len(lines) == 6
    outcome = {f"{line}|{year}": {"outcome": budget} for line, year, budget in lines}
    outcome["personnel|2021"] = {"outcome": 1_300_000}
    outcome["other|2022"] = {"outcome": 52_000}
    rows, errors = fr.economic_report(lines, outcome)
    row = next(r for r in rows if r.line == "personnel" and r.year == "2021")
    assert row.deviation == -150_000 and str(row.deviation_percent) == "-10.3"
    assert len(errors) == 1 and "personnel 2021" in errors[0]
    small = next(r for r in rows if r.line == "other" and r.year == "2022")
    assert small.deviation == 2_000 and not small.needs_explanation()
    outcome["personnel|2021"]["explanation"] = "En tjänst var vakant i fyra månader."
    assert fr.economic_report(lines, outcome)[1] == []


def test_benefit_realisation_reproduces_the_source():
    benefit = fr.BenefitRealisation(service_cost=800_000, cases=164, alternative_cost=20_000, avoided=7)
    assert benefit.cost_per_case == 4_800
    assert benefit.saving_per_avoided == 15_200
    assert benefit.savings == 106_400
    assert fr.BenefitRealisation(800_000, 0, 20_000, 7).savings is None


def test_reminders_are_sent_once_each(project):
    due = project.report_due
    assert fr.send_reminders(due - datetime.timedelta(days=31)) == 0
    assert fr.send_reminders(due - datetime.timedelta(days=30)) == 1
    assert fr.send_reminders(due - datetime.timedelta(days=29)) == 0
    assert fr.send_reminders(due - datetime.timedelta(days=7)) == 1
    assert fr.send_reminders(due) == 0
    assert fr.send_reminders(due + datetime.timedelta(days=1)) == 1
    assert fr.send_reminders(due + datetime.timedelta(days=5)) == 0
    assert [m.to for m in mail.outbox] == [[project.user.email]] * 3
    assert "2023-02-28" in mail.outbox[0].subject


def test_no_reminder_once_the_report_is_submitted(project):
    fr.submit(FinalReport.objects.create(application=project, summary="Klart."))
    assert fr.send_reminders(project.report_due + datetime.timedelta(days=1)) == 0


def test_approval_drafts_a_knowledge_bank_page_that_a_moderator_publishes(project, demo_users, client):
    report = FinalReport.objects.create(
        application=project, summary="Modellen för tidigt stöd har införts i hela stadsdelen.",
        what_was_done="Processtöd och utbildning för alla handläggare i utredningar av barn.",
        goals=[{"goal": "Färre barn utreds mer än en gång", "assessment": "partly", "analysis": "Andelen minskade."}],
        key_figures=[{"caption": "Förhandsbedömningar", "unit": "antal", "columns": ["2020", "2021", "2022"],
                      "rows": [{"label": "Antal", "values": [410, 388, 351]}]}],
    )
    fr.submit(report)
    fr.return_with_comments(report, "Lägg till analysen av målet.")
    assert report.status == FinalReport.Status.RETURNED
    page = fr.approve(report, demo_users["Fund managers"])
    assert page is not None and not page.live
    assert page.get_parent().specific.__class__.__name__ == "KnowledgeBankIndexPage"
    assert client.get(page.get_parent().url, {"q": "handläggare"}).content.decode().count("kb-title") == 0
    # A communicator (moderator) publishes the draft.
    page.get_latest_revision().publish(user=demo_users["Moderators"])
    page = ReportPage.objects.get(pk=page.pk)
    assert page.live and page.report_type == "final"
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200 and "Färre barn utreds mer än en gång" in html
    assert re.search(r"410", html)
    found = client.get(page.get_parent().url, {"q": "handläggare"}).content.decode()
    assert project.title in found
    assert fr.approve(report) == page  # approving again does not make a second page


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="Swedish stemming needs PostgreSQL")
def test_resident_finds_the_published_final_report_by_an_inflected_word(project, demo_users, client):
    report = FinalReport.objects.create(application=project, summary="Vi har kortat utredningen för barn.")
    page = fr.approve(report)
    page.get_latest_revision().publish()
    found = client.get(page.get_parent().url, {"q": "utredningar"}).content.decode()
    assert project.title in found
