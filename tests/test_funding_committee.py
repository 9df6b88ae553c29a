"""The committee's decision (issue 13, item 5), as the fund manager and the project lead live it:
above the fund's delegation a fund manager cannot approve alone; the application is marked ready
for a decision meeting with a proposal; the agenda PDF lists it with the totals; the decision is
recorded with § and the meeting's reference (once); the lead downloads the decision letter in the
language they applied in. Small grants are still decided by a fund manager alone."""
import datetime
import re
import unicodedata
import subprocess
import tempfile

import pytest
from django.urls import reverse
from django.utils import timezone

from funding import workflow
from funding.committee.models import AgendaItem, DecisionMeeting
from funding.models import Application, FundProgrammePage

pytestmark = pytest.mark.django_db


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        out = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, check=True).stdout
    # Arabic comes out shaped (presentation forms) and with the bidi marks of the layout
    text = unicodedata.normalize("NFKC", out.decode()).replace("\u00a0", " ")
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)


def pdf_of(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


@pytest.fixture
def lum_app():
    """The demo's LUM application (500 000 kr a year for three years, submitted), in a fund whose
    committee decides above 25 000 kr."""
    app = Application.objects.get(user__username="projektledare")
    FundProgrammePage.objects.filter(pk=app.fund_id).update(decide_alone_max=25_000)
    app.refresh_from_db()
    return app


@pytest.fixture
def committee_app():
    """The demo's application on Socialnämnden's agenda (800 000 kr a year proposed 600 000)."""
    return Application.objects.get(user__username="projektledare-namnd")


def inspect_url(app):
    return reverse("funding_applications:inspect", args=[app.pk])


def record_data(item, **values):
    data = {"item_id": item.pk, f"item{item.pk}-item": item.pk}
    data.update({f"item{item.pk}-{k}": v for k, v in values.items()})
    return data


def test_the_committee_decides_and_the_lead_gets_the_letter(client_as, lum_app, committee_app, mailoutbox,
                                                            django_capture_on_commit_callbacks):
    manager = client_as("Fund managers")
    url = inspect_url(lum_app)
    manager.post(url, {"to": "in_review"})

    # 1. Approving 1 500 000 kr alone is refused, with the way to the meeting; nothing typed is lost
    r = manager.post(url, {"to": "approved", "comment": "Beviljas delvis.", "granted_2020": "400 000",
                           "granted_2021": "400 000", "granted_2022": "400 000"})
    page = r.content.decode()
    assert r.status_code == 200 and "Över 25\u00a0000 kr beslutar nämnden" in page
    assert "Beviljas delvis." in page
    lum_app.refresh_from_db()
    assert lum_app.status == workflow.IN_REVIEW and lum_app.granted_total == 0
    assert "Markera som klar för beslut" in page

    # 2. A decision meeting today, added in the admin
    r = manager.post(reverse("funding_committee_meetings:add"), {
        "committee": "Socialnämnden", "date": timezone.localdate().isoformat(),
        "place": "Stadshuset", "reference": "SN 2026/0099"})
    assert r.status_code == 302
    meeting = DecisionMeeting.objects.get(reference="SN 2026/0099")

    # 3. Marked ready: a proposal must be chosen; Arabic digits in an amount are read
    ready = reverse("funding_committee_ready", args=[lum_app.pk])
    assert "Socialnämnden 20" in manager.get(ready).content.decode()  # the meeting to choose
    r = manager.post(ready, {"meeting": meeting.pk, "proposal": "", "amount_2020": "400 000"})
    assert r.status_code == 200 and "Välj förslaget till beslut." in r.content.decode()
    assert 'value="400 000"' in r.content.decode()
    assert not AgendaItem.objects.filter(application=lum_app).exists()
    r = manager.post(ready, {"meeting": meeting.pk, "proposal": "approve", "amount_2020": "400 000",
                             "amount_2021": "400000", "amount_2022": "٤٠٠ ٠٠٠"})
    assert r.status_code == 302
    item = AgendaItem.objects.get(application=lum_app)
    assert item.meeting == meeting and item.proposed == {"2020": 400_000, "2021": 400_000, "2022": 400_000}
    # the other demo application goes on the same agenda (moved from the coming meeting)
    other = committee_app.agenda_item
    other.meeting = meeting
    other.save()
    assert "På föredragningslistan för Socialnämnden" in manager.get(url).content.decode()

    # 4. The agenda PDF: one table per item and the totals
    text = pdf_of(manager.get(reverse("funding_committee_agenda", args=[meeting.pk])))
    assert "Föredragningslista" in text and "SN 2026/0099" in text and "Stadshuset" in text
    for expected in [lum_app.reference, "Modell för tidigt socialt stöd", "Hässelby-Vällingby stadsdelsförvaltning",
                     "1 500 000", "1 200 000", committee_app.reference, "Familjecentral i Tensta",
                     "Rinkeby-Kista stadsdelsförvaltning", "2 400 000", "1 800 000"]:
        assert expected in text, expected
    totals = text[text.index("Summor"):]
    assert re.search(r"2\s+3 900 000\s+3 000 000", totals), totals

    # 5. The decision from the meeting: § 12, granted as proposed; the lead is told by e-mail (a link)
    meeting_url = reverse("funding_committee_meetings:inspect", args=[meeting.pk])
    r = manager.post(meeting_url, record_data(item, decision="", paragraph="12"))
    assert "Välj nämndens beslut." in r.content.decode()
    data = record_data(item, decision="approve", paragraph="§ 12", amount_2020="400 000", amount_2021="400 000",
                       amount_2022="400 000")
    with django_capture_on_commit_callbacks(execute=True):
        r = manager.post(meeting_url, data)
    assert r.status_code == 302
    lum_app.refresh_from_db()
    item.refresh_from_db()
    assert lum_app.status == workflow.APPROVED and lum_app.granted_total == 1_200_000
    assert item.decision == "approve" and item.paragraph == "12"
    assert "Modell" not in mailoutbox[-1].body and f"/funding/my/{lum_app.pk}/" in mailoutbox[-1].body
    log = list(lum_app.transitions.values_list("to_status", "comment"))
    assert log[-1] == ("approved", "Beslutat av Socialnämnden %s, § 12 (diarienummer SN 2026/0099)."
                       % timezone.localdate().isoformat())

    # 6. Recording twice changes nothing (a second click, a colleague's stale page)
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        r = manager.post(meeting_url, {**data, f"item{item.pk}-decision": "reject", f"item{item.pk}-paragraph": "13"})
    assert r.status_code == 302
    lum_app.refresh_from_db()
    item.refresh_from_db()
    assert lum_app.status == workflow.APPROVED and lum_app.granted_total == 1_200_000 and item.paragraph == "12"
    assert lum_app.transitions.count() == len(log) and len(mailoutbox) == sent
    assert "redan registrerat" in manager.get(meeting_url).content.decode()

    # 7. The lead's page names the decision; the letter holds §, reference and the amounts
    lead = client_as("Fund managers")
    lead.force_login(lum_app.user)
    page = lead.get(lum_app.get_absolute_url()).content.decode()
    assert "Socialnämnden beslutade vid sitt sammanträde" in page and "Ladda ner beslutsbrevet" in page
    text = pdf_of(lead.get(reverse("funding:committee:decision_letter", args=[lum_app.pk])))
    assert "Beslut om din ansökan om medel" in text and lum_app.reference in text
    assert re.search(r"Beslutssammanträde\s+Socialnämnden \d{4}-\d\d-\d\d", text)
    assert re.search(r"Paragraf \(§\)\s+§ 12", text)
    assert re.search(r"Diarienummer\s+SN 2026/0099", text)
    assert "Din ansökan beviljas 1 200 000 kr." in text and re.search(r"2021\s+400 000", text)


def test_a_small_grant_is_decided_by_a_fund_manager_alone(client_as, demo_users):
    from tests.factories import ApplicationFactory

    check = FundProgrammePage.objects.get(slug="innovationscheck")
    budget = {"years": ["2026"], "costs": [{"key": "other", "name": "", "amounts": [20_000]}],
              "income": [{"key": "requested", "name": "", "amounts": [20_000]}]}
    app = ApplicationFactory(fund=check, budget=budget, requested_total=20_000, cost_total=20_000)
    workflow.transition(app, workflow.SUBMITTED, app.user, notify=False)
    manager = client_as("Fund managers")
    page = manager.get(inspect_url(app)).content.decode()
    plain = re.sub(r"[\u2066-\u2069]|</?bdi[^>]*>", "", page)  # amounts are isolated (marks or <bdi>)
    assert "En fondförvaltare beslutar ensam upp till 25\u00a0000 kr" in plain and "Markera som klar för beslut" not in page
    manager.post(inspect_url(app), {"to": "in_review"})
    r = manager.post(inspect_url(app), {"to": "approved", "granted_2026": "20 000"})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.status == workflow.APPROVED and app.granted_total == 20_000
    manager.force_login(app.user)
    text = pdf_of(manager.get(reverse("funding:committee:decision_letter", args=[app.pk])))
    assert "En fondförvaltare beslutade" in text and "20 000 kr" in text and "§" not in text


def test_decisions_are_recorded_from_the_meeting_day_with_one_paragraph_each(client_as, committee_app, lum_app):
    manager = client_as("Fund managers")
    item = committee_app.agenda_item
    meeting_url = reverse("funding_committee_meetings:inspect", args=[item.meeting_id])
    data = record_data(item, decision="approve", paragraph="7", amount_2027="600 000", amount_2028="600 000",
                       amount_2029="600 000")
    # the demo meeting is in two weeks: nothing can be decided there yet
    r = manager.post(meeting_url, data)
    assert "beslut kan registreras från den dagen" in r.content.decode()
    committee_app.refresh_from_db()
    assert committee_app.status == workflow.IN_REVIEW
    # on the day, § 7 once: a second application cannot get the same paragraph
    DecisionMeeting.objects.filter(pk=item.meeting_id).update(date=timezone.localdate())
    manager.post(inspect_url(lum_app), {"to": "in_review"})
    lum_app.refresh_from_db()
    from funding.committee import services

    second = services.mark_ready(lum_app, demo_users_manager(), meeting=item.meeting, proposal="reject", amounts={})
    assert manager.post(meeting_url, data).status_code == 302
    r = manager.post(meeting_url, record_data(second, decision="reject", paragraph="7"))
    assert "§ 7 i det här sammanträdet är redan registrerad" in r.content.decode()
    lum_app.refresh_from_db()
    assert lum_app.status == workflow.IN_REVIEW
    committee_app.refresh_from_db()
    assert committee_app.status == workflow.APPROVED and committee_app.granted_total == 1_800_000
    # a meeting in the past takes no new items
    DecisionMeeting.objects.filter(pk=item.meeting_id).update(date=timezone.localdate() - datetime.timedelta(days=1))
    r = manager.post(reverse("funding_committee_ready", args=[lum_app.pk]),
                     {"meeting": item.meeting_id, "proposal": "reject"})
    assert "Välj ett av de kommande sammanträdena." in r.content.decode()


def demo_users_manager():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="fondforvaltare")


def test_arabic_letter_prints_paragraph_reference_and_amounts_in_order(client_as, committee_app):
    from funding.committee import services

    Application.objects.filter(pk=committee_app.pk).update(language="ar")
    item = committee_app.agenda_item
    DecisionMeeting.objects.filter(pk=item.meeting_id).update(date=timezone.localdate())
    item.refresh_from_db()
    services.record_decision(item, demo_users_manager(), decision="approve", paragraph="34",
                             granted={"2027": 600_000, "2028": 600_000, "2029": 600_000})
    lead = client_as("Fund managers")
    lead.force_login(committee_app.user)
    # the page is Swedish, the letter is in the language of the application
    text = pdf_of(lead.get(reverse("funding:committee:decision_letter", args=[committee_app.pk])))
    ref = committee_app.reference
    assert "قرار بشأن طلب التمويل" in text and "كرونة" in text
    assert ref in text and "-".join(reversed(ref.split("-"))) not in text
    assert "SN 2026/0412" in text and "1 800 000" in text and "000 800 1" not in text
    assert "34" in text and "600 000" in text
    # the transition's comment (read on the lead's page) is in Arabic too
    assert "قررته Socialnämnden" in committee_app.transitions.last().comment


def test_arabic_agenda_keeps_numbers_in_order(committee_app):
    from funding.committee.pdf import render_agenda

    text = pdf_text(render_agenda(committee_app.agenda_item.meeting, language="ar"))
    ref = committee_app.reference
    assert "جدول الأعمال" in text and ref in text and "-".join(reversed(ref.split("-"))) not in text
    assert "2 400 000" in text and "1 800 000" in text and "SN 2026/0412" in text


@pytest.mark.parametrize("role", ["Editors", "Moderators", "Coordinators"])
def test_only_fund_managers_reach_the_committee(client_as, role, committee_app):
    client = client_as(role)
    item = committee_app.agenda_item
    for url in [reverse("funding_committee_meetings:index"),
                reverse("funding_committee_meetings:inspect", args=[item.meeting_id]),
                reverse("funding_committee_agenda", args=[item.meeting_id]),
                reverse("funding_committee_ready", args=[committee_app.pk])]:
        r = client.get(url)
        assert r.status_code in (302, 403), url
        assert "Familjecentral" not in r.content.decode()
    client.post(reverse("funding_committee_meetings:inspect", args=[item.meeting_id]),
                record_data(item, decision="approve", paragraph="1"))
    client.post(reverse("funding_committee_ready", args=[committee_app.pk]),
                {"meeting": item.meeting_id, "proposal": "reject"})
    item.refresh_from_db()
    assert not item.is_decided and item.proposal == "approve"


def test_the_letter_is_the_leads_own_and_only_after_the_decision(client, committee_app, lum_app):
    letter = reverse("funding:committee:decision_letter", args=[committee_app.pk])
    assert client.get(letter).status_code == 302  # to the login page
    client.force_login(committee_app.user)
    assert client.get(letter).status_code == 404  # in review: no decision yet
    assert "beslutsbrevet" not in client.get(committee_app.get_absolute_url()).content.decode()
    Application.objects.filter(pk=lum_app.pk).update(status=workflow.APPROVED)
    assert client.get(reverse("funding:committee:decision_letter", args=[lum_app.pk])).status_code == 404
    # a draft application's reference cannot be put on an agenda (404 in the admin)
    from tests.factories import ApplicationFactory

    draft = ApplicationFactory()
    assert client_get_as_manager(draft).status_code == 404


def client_get_as_manager(app):
    from django.test import Client

    c = Client()
    c.force_login(demo_users_manager())
    return c.get(reverse("funding_committee_ready", args=[app.pk]))
