"""The application wizard over HTTP: saved in the database at every step (resume on another
device), validation messages, submit, PDF with the totals, and 404 for another user's id."""
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from funding.models import Application, FundProgrammePage
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db

APPLICANT = {"organisation": "Hässelby-Vällingby stadsdelsförvaltning", "unit": "Barn och unga", "kst": "1002",
             "giro_type": "bankgiro", "giro_number": "5050-1055", "contact_name": "Kim Projekt",
             "contact_email": "kim@example.org", "contact_phone": "", "head_name": "Alex Chef",
             "head_email": "alex.chef@example.org", "sign_place": "Stockholm"}
PROJECT = {"title": "Modell för tidigt socialt stöd", "start": "2020-01-01", "end": "2022-12-31",
           "background": "Bakgrund", "purpose": "Syfte", "target_group": "Barn och unga"}
EFFECTS = {"residents": "a", "employees": "b", "administration": "c", "city": "d"}
METHOD = {"method": "a", "phases": "b", "activities": "c", "follow_up": "d"}
EQUALITY = {"gender_equality": "a", "cohesive_support": "b"}
BUDGET = {"extra_lines": "1", "c_personnel_0": "1 450 000", "c_personnel_1": "1450000 kr",
          "c_personnel_2": "1 450 000", "c_other_0": "50 000", "c_other_1": "50000", "c_other_2": "50 000 kr",
          "x0_name": "", "x0_0": "", "x0_1": "", "x0_2": "",
          "i_requested_0": "500 000", "i_requested_1": "500 000", "i_requested_2": "500 000",
          "i_own_0": "1 000 000", "i_own_1": "1 000 000", "i_own_2": "1 000 000"}


def post_step(client, app, step, fields, **extra):
    data = {f"{step}-{k}": v for k, v in fields.items()}
    data[f"application_{app.pk}-current_step"] = step  # prefix of the management form
    data.update(extra)
    return client.post(reverse("funding:apply", args=[app.pk, step]), data)


@pytest.fixture
def lead():
    return ApplicantFactory(username="kim", email="kim@example.org")


@pytest.fixture
def lum():
    return FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")


def start(client, fund):
    response = client.post(reverse("funding:start", args=[fund.pk]))
    assert response.status_code == 302
    return Application.objects.filter(fund=fund).latest("pk")


def test_start_needs_an_account(client, lum):
    response = client.post(reverse("funding:start", args=[lum.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_wizard_resumes_on_another_device_and_submits(client, lead, lum, django_capture_on_commit_callbacks,
                                                      mailoutbox):
    from django.test import Client

    client.force_login(lead)
    app = start(client, lum)
    assert app.status == "draft" and app.user == lead
    r = post_step(client, app, "applicant", APPLICANT)
    assert r.status_code == 302 and r["Location"].endswith("/project/")
    r = post_step(client, app, "project", PROJECT)
    assert r["Location"].endswith("/effects/")
    app.refresh_from_db()
    assert app.title == PROJECT["title"]  # saved in the database, not the session

    # Another device: a fresh session finds every answer
    other = Client()
    other.force_login(lead)
    r = other.get(reverse("funding:apply", args=[app.pk, "project"]))
    assert r.status_code == 200 and 'value="Modell för tidigt socialt stöd"' in r.content.decode()
    for step, fields in [("effects", EFFECTS), ("method", METHOD), ("equality", EQUALITY)]:
        assert post_step(other, app, step, fields).status_code == 302
    r = other.get(reverse("funding:apply", args=[app.pk, "budget"]))
    html = r.content.decode()
    assert "2020" in html and "2022" in html and "Personal inkl. sociala avgifter" in html

    # unbalanced: a clear message, and what was typed is still there
    bad = {**BUDGET, "i_own_2": "900 000"}
    r = post_step(other, app, "budget", bad)
    html = r.content.decode()
    assert r.status_code == 200 and "error-summary" in html and "2022" in html
    assert 'value="900 000"' in html
    r = post_step(other, app, "budget", BUDGET)
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.requested_total == 1_500_000 and app.cost_total == 4_500_000

    assert post_step(other, app, "attachments", {}).status_code == 302
    r = other.get(reverse("funding:apply", args=[app.pk, "review"]))
    assert "1\u00a0500\u00a0000" in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = post_step(other, app, "review", {"confirm": "on"})
        while r.status_code == 302 and "/apply/" in r["Location"]:
            r = other.get(r["Location"])
    app.refresh_from_db()
    # LUM asks for the department head's signature (tests/test_funding_signatures.py): sent to them
    assert app.status == "signature"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["alex.chef@example.org"]
    # a double submit changes nothing and loses nothing
    r = post_step(other, app, "review", {"confirm": "on"})
    assert r.status_code == 302 and r["Location"] == app.get_absolute_url()
    assert app.transitions.count() == 1

    # the PDF has the totals
    r = client.get(reverse("funding:application_pdf", args=[app.pk]))
    assert r["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
    text = text.replace("\u00a0", " ")
    assert "1 500 000" in text and "4 500 000" in text and "1 450 000" in text
    assert "5050-1055" in text and "Alex Chef" in text


def test_validation_messages(client, lead, lum):
    client.force_login(lead)
    app = start(client, lum)
    r = post_step(client, app, "applicant", {**APPLICANT, "giro_number": "5050-1056", "kst": "12a"})
    html = r.content.decode()
    assert r.status_code == 200 and "error-summary" in html
    assert 'href="#id_applicant-giro_number"' in html and 'href="#id_applicant-kst"' in html
    assert 'value="Hässelby-Vällingby stadsdelsförvaltning"' in html  # nothing typed is lost
    r = post_step(client, app, "project", {**PROJECT, "end": "2024-12-31"})  # five years: too long for LUM
    assert "error-summary" in r.content.decode()
    over = {**BUDGET, "i_requested_0": "600 000", "i_own_0": "900 000"}
    r = post_step(client, app, "budget", over)
    assert "500\u00a0000" in r.content.decode()  # the fund's maximum a year is named


def test_attachments_must_be_small_pdfs(client, lead, lum):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(lead)
    app = start(client, lum)
    step = "attachments"
    mgmt = {f"application_{app.pk}-current_step": step}
    exe = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    r = client.post(reverse("funding:apply", args=[app.pk, step]), {**mgmt, "attachments-file": exe})
    assert r.status_code == 200 and "PDF" in r.content.decode() and not app.attachments.exists()
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 1))
    r = client.post(reverse("funding:apply", args=[app.pk, step]), {**mgmt, "attachments-file": big})
    assert r.status_code == 200 and not app.attachments.exists()
    from tests.files import real_pdf

    ok = SimpleUploadedFile("tidsplan.pdf", real_pdf(), content_type="application/pdf")
    r = client.post(reverse("funding:apply", args=[app.pk, step]), {**mgmt, "attachments-file": ok})
    assert r.status_code == 302 and app.attachments.get().name == "tidsplan.pdf"


def test_save_draft_keeps_invalid_answers(client, lead, lum):
    client.force_login(lead)
    app = start(client, lum)
    r = post_step(client, app, "applicant", {**APPLICANT, "giro_number": "12"}, save_draft="1")
    assert r.status_code == 302 and r["Location"] == app.get_absolute_url()
    r = client.get(reverse("funding:apply", args=[app.pk, "applicant"]))
    assert 'value="12"' in r.content.decode()


def test_another_users_application_is_404(client, lead):
    demo = Application.objects.get(user__username="projektledare")
    client.force_login(lead)
    for name, args in [("application_detail", [demo.pk]), ("application_pdf", [demo.pk]),
                       ("apply", [demo.pk, "applicant"])]:
        assert client.get(reverse(f"funding:{name}", args=args)).status_code == 404
    assert client.get(reverse("funding:application_detail", args=[999999])).status_code == 404


def test_closed_fund_cannot_be_started(client, lead):
    fund = FundProgrammePage.objects.get(slug="sociala-investeringsfonden")
    fund.rounds.all().delete()
    client.force_login(lead)
    r = client.post(reverse("funding:start", args=[fund.pk]))
    assert r.status_code == 302 and not Application.objects.filter(fund=fund, user=lead).exists()


def test_arabic_pdf_has_shaped_text_and_totals(client):
    from funding.pdf import render_application

    demo = Application.objects.get(user__username="projektledare")
    content = render_application(demo, language="ar")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).replace("\u00a0", " ")
    assert "1 500 000" in text and "4 500 000" in text
    assert re.search(r"[\u0600-\u06FF\uFE70-\uFEFF]", text)  # Arabic letters, not boxes
    fonts = {str(f) for p in PdfReader(io.BytesIO(content)).pages
             for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts


def test_pages_in_three_languages(client):
    for url, text in [("/sv/sok-medel/", "Lokala utvecklingsmedel"), ("/en/apply-for-funding/", "Innovation check"),
                      ("/ar/apply-for-funding-ar/", "صندوق الاستثمار الاجتماعي")]:
        r = client.get(url)
        assert r.status_code == 200 and text in r.content.decode()
    r = client.get("/sv/sok-medel/innovationscheck/")
    assert "25\u00a0000" in r.content.decode()


def test_round_that_closes_before_submit_keeps_the_answers(client, lead, lum):
    import datetime

    from funding.models import FundRound

    today = datetime.date.today()
    FundProgrammePage.objects.filter(pk=lum.pk).update(open_all_year=False)
    FundRound.objects.create(page=lum, locale=lum.locale, name="Vinter", opens=today - datetime.timedelta(days=10),
                             closes=today + datetime.timedelta(days=10))
    client.force_login(lead)
    app = start(client, lum)
    for step, fields in [("applicant", APPLICANT), ("project", PROJECT), ("effects", EFFECTS), ("method", METHOD),
                         ("equality", EQUALITY), ("budget", BUDGET), ("attachments", {})]:
        assert post_step(client, app, step, fields).status_code == 302, step
    app.refresh_from_db()
    assert app.round.name == "Vinter"
    app.round.closes = today - datetime.timedelta(days=1)
    app.round.save()

    r = post_step(client, app, "review", {"confirm": "on"})
    while r.status_code == 302 and "/apply/" in r["Location"]:
        r = client.get(r["Location"])
    assert r.status_code == 302 and r["Location"] == app.get_absolute_url()
    page = client.get(r["Location"]).content.decode()
    assert "Omgången stängde" in page and "Dina svar finns kvar" in page
    app.refresh_from_db()
    assert app.status == "draft" and app.submitted_at is None
    assert app.title == PROJECT["title"] and app.requested_total == 1_500_000
