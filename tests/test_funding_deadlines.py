"""Deadlines and locks (issue 13, items 8 and 11): "N days left", the reminder a week before a round
closes (sent once, a link only), no submit after closing unless a fund manager extends the day
for one application, two fund managers deciding at once, and the final report that opens when
the project ends."""
import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from funding.models import Application, DeadlineReminder, FundProgrammePage, FundRound
from tests.factories import ApplicantFactory
from tests.test_funding_wizard import APPLICANT, BUDGET, EFFECTS, EQUALITY, METHOD, PROJECT, post_step, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    return ApplicantFactory(username="kim", email="kim@example.org")


@pytest.fixture
def lum():
    return FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")


@pytest.fixture
def round_lum(lum):
    """LUM with one round, closing in five days."""
    today = timezone.localdate()
    FundProgrammePage.objects.filter(pk=lum.pk).update(open_all_year=False)
    lum.refresh_from_db()
    return FundRound.objects.create(page=lum, locale=lum.locale, name="Vinter",
                                    opens=today - datetime.timedelta(days=10),
                                    closes=today + datetime.timedelta(days=5))


def fill_all(client, app):
    for step, fields in [("applicant", APPLICANT), ("project", PROJECT), ("effects", EFFECTS), ("method", METHOD),
                         ("equality", EQUALITY), ("budget", BUDGET), ("attachments", {})]:
        assert post_step(client, app, step, fields).status_code == 302, step


def submit(client, app):
    r = post_step(client, app, "review", {"confirm": "on"})
    while r.status_code == 302 and "/apply/" in r["Location"]:
        r = client.get(r["Location"])
    app.refresh_from_db()
    return r


def test_days_left_on_the_leads_pages_and_the_fund_page(client, lead, lum, round_lum):
    client.force_login(lead)
    app = start(client, lum)
    assert app.round == round_lum
    for url in [reverse("funding:my_applications"), app.get_absolute_url(),
                reverse("funding:apply", args=[app.pk, "applicant"]), lum.url]:
        html = client.get(url).content.decode()
        assert "5 dagar kvar" in html, url
    html = client.get(app.get_absolute_url()).content.decode()
    assert (timezone.localdate() + datetime.timedelta(days=5)).isoformat() in html
    # the fund page shows only the visitor's own drafts
    client.force_login(ApplicantFactory(username="someone"))
    assert "dagar kvar" not in client.get(lum.url).content.decode()


def test_reminder_a_week_before_closing_is_sent_once_and_holds_a_link_only(client, lead, lum, round_lum, mailoutbox):
    from funding.deadlines import send_reminders

    client.force_login(lead)
    app = start(client, lum)
    post_step(client, app, "applicant", APPLICANT)
    post_step(client, app, "project", PROJECT)
    closes = round_lum.closes
    assert send_reminders(closes - datetime.timedelta(days=8)) == 0
    assert send_reminders(closes - datetime.timedelta(days=7)) == 1
    assert send_reminders(closes - datetime.timedelta(days=6)) == 0  # not twice
    assert send_reminders(closes) == 0
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["kim@example.org"] and closes.isoformat() in mail.subject
    assert reverse("funding:application_detail", args=[app.pk]) in mail.body
    for personal in [PROJECT["title"], APPLICANT["organisation"], APPLICANT["head_name"], "5050-1055"]:
        assert personal not in mail.body and personal not in mail.subject
    # submitted applications are not reminded; the daily command runs the same job (idempotent)
    DeadlineReminder.objects.all().delete()
    Application.objects.filter(pk=app.pk).update(status="submitted")
    assert send_reminders(closes - datetime.timedelta(days=7)) == 0
    Application.objects.filter(pk=app.pk).update(status="draft")
    call_command("send_deadline_reminders")
    call_command("send_deadline_reminders")
    assert len(mailoutbox) == 2 and DeadlineReminder.objects.filter(application=app).count() == 1


def test_after_closing_a_draft_cannot_be_submitted_until_a_fund_manager_extends_it(client, lead, lum, round_lum,
                                                                                 client_as):
    from django.test import Client

    lead_client = Client()
    lead_client.force_login(lead)
    app = start(lead_client, lum)
    fill_all(lead_client, app)
    FundRound.objects.filter(pk=round_lum.pk).update(closes=timezone.localdate() - datetime.timedelta(days=1))
    html = lead_client.get(app.get_absolute_url()).content.decode()
    assert "Omgången stängde" in html and app.reference in html
    r = submit(lead_client, app)
    assert app.status == "draft"
    assert "Omgången stängde" in lead_client.get(r["Location"]).content.decode()

    # a fund manager extends the deadline for this application only (knowing only its reference)
    manager = client_as("Fund managers")
    url = reverse("funding_extend_deadline")
    assert manager.get(url).status_code == 200
    until = timezone.localdate() + datetime.timedelta(days=3)
    r = manager.post(url, {"reference": "1999-99999", "until": until.isoformat()})
    assert r.status_code == 200 and "Det finns inget utkast" in r.content.decode()
    r = manager.post(url, {"reference": app.reference, "until": until.isoformat()})
    assert r.status_code == 302
    page = manager.get(url).content.decode()
    assert app.reference in page and PROJECT["title"] not in page  # nothing of the draft is shown
    app.refresh_from_db()
    assert app.deadline_extended_to == until
    assert "3 dagar kvar" in lead_client.get(app.get_absolute_url()).content.decode()
    submit(lead_client, app)
    assert app.status == "signature"  # in time: now the head's signature (test_funding_signatures.py)


def test_extend_deadline_is_for_fund_managers_only(client_as):
    for role in ["Editors", "Moderators", "Coordinators"]:
        assert client_as(role).get(reverse("funding_extend_deadline")).status_code == 302


def test_two_fund_managers_deciding_at_once_do_not_overwrite_each_other(client_as, demo_users):
    from django.test import Client

    app = Application.objects.get(user__username="projektledare")
    url = reverse("funding_applications:inspect", args=[app.pk])
    first, second = Client(), Client()
    first.force_login(demo_users["Fund managers"])
    second.force_login(demo_users["Administrators"])
    import re

    version = lambda html: re.search(r'name="version" value="(\d+)"', html).group(1)  # noqa: E731
    v1 = version(first.get(url).content.decode())
    v2 = version(second.get(url).content.decode())
    assert v1 == v2
    r = first.post(url, {"to": "more_info", "comment": "Bifoga tidsplanen.", "version": v1})
    assert r.status_code == 302
    r = second.post(url, {"to": "in_review", "internal_note": "Min långa anteckning om budgeten", "version": v2})
    html = r.content.decode()
    assert r.status_code == 200 and "En annan fondförvaltare" in html
    assert "Min långa anteckning om budgeten" in html  # nothing typed is lost
    app.refresh_from_db()
    assert app.status == "more_info" and app.transitions.count() == 2  # the first decision stands


def test_the_decision_must_be_chosen(client_as):
    app = Application.objects.get(user__username="projektledare")
    manager = client_as("Fund managers")
    url = reverse("funding_applications:inspect", args=[app.pk])
    html = manager.get(url).content.decode()
    import re

    select = re.search(r'<select name="to"[^>]*>(.*?)</select>', html, re.S)
    assert "required" in select.group(0)
    first = re.search(r"<option[^>]*>", select.group(1)).group(0)
    assert 'value=""' in first and "selected" in first
    r = manager.post(url, {"to": "", "comment": "x"})
    assert r.status_code == 200
    app.refresh_from_db()
    assert app.status == "submitted"


def approved_project(user, start, end):
    from funding import workflow

    app = Application.objects.create(user=user, fund=FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel"),
                                     language="sv", title="Framtidsprojektet", project_start=start, project_end=end,
                                     status=workflow.APPROVED, submitted_at=timezone.now(), decided_at=timezone.now())
    return app


def test_final_report_opens_when_the_project_ends(client, lead, client_as):
    from reports.models import FinalReport

    app = approved_project(lead, datetime.date(2027, 1, 1), datetime.date(2029, 12, 31))
    client.force_login(lead)
    html = client.get(reverse("reports:final_report", args=[app.pk])).content.decode()
    assert "2029-12-31" in html and "Slutrapporten öppnar" in html
    assert reverse("reports:final_report_step", args=[app.pk, "summary"]) not in html
    r = client.get(reverse("reports:final_report_step", args=[app.pk, "summary"]))
    assert r.status_code == 302 and r["Location"] == reverse("reports:final_report", args=[app.pk])
    r = client.post(reverse("reports:final_report_step", args=[app.pk, "review"]), {"review-confirm": "on"})
    assert r.status_code == 302
    assert not FinalReport.objects.filter(application=app, status="submitted").exists()
    assert "2029-12-31" in client.get(app.get_absolute_url()).content.decode()

    # a fund manager opens it early for this one project
    manager = client_as("Fund managers")
    url = reverse("funding_applications:inspect", args=[app.pk])
    assert "Öppna slutrapporten nu" in manager.get(url).content.decode()
    assert manager.post(url, {"open_final_report": "1"}).status_code == 302
    app.refresh_from_db()
    assert app.final_report_opened_early
    client.force_login(lead)
    assert client.get(reverse("reports:final_report_step", args=[app.pk, "summary"])).status_code == 200


def test_final_report_of_an_ended_project_is_open(client, lead):
    app = approved_project(lead, datetime.date(2020, 1, 1), timezone.localdate())
    client.force_login(lead)
    assert client.get(reverse("reports:final_report_step", args=[app.pk, "summary"])).status_code == 200
