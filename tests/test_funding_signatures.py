"""The department head signs the application digitally (issue 13, item 2): on submit it waits for
the signature, the head gets a link only, signs on a page the link opens, and only then the fund
managers see it; the signature is on the PDF and in the status log. Bad links, replays, the
reminder's limit, another lead's application, the signed-PDF alternative and the completion
after "more information requested"."""
import datetime
import io
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from funding.models import Application, FundProgrammePage
from funding.signatures.models import SignatureRequest
from tests.factories import ApplicantFactory
from tests.test_funding_wizard import APPLICANT, BUDGET, EFFECTS, EQUALITY, METHOD, PROJECT, post_step, start

pytestmark = pytest.mark.django_db

HEAD_EMAIL = "alex.chef@example.org"
SHOTS = Path("/tmp/signature-shots")
LINK = re.compile(r"https?://[^/\s]+(/\w\w/funding/sign/[\w-]+/)")


@pytest.fixture
def lead():
    return ApplicantFactory(username="kim", email="kim@example.org")


@pytest.fixture
def lum():
    return FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")


def fill_and_submit(client, app, applicant=None):
    for step, fields in [("applicant", applicant or APPLICANT), ("project", PROJECT),
                         ("effects", EFFECTS), ("method", METHOD), ("equality", EQUALITY), ("budget", BUDGET),
                         ("attachments", {})]:
        assert post_step(client, app, step, fields).status_code == 302, step
    r = post_step(client, app, "review", {"confirm": "on"})
    while r.status_code == 302:
        r = client.get(r["Location"])
    app.refresh_from_db()
    return r


def link_in(mail):
    return LINK.search(mail.body).group(1)


def pdf_text(content):
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).replace("\u00a0", " ")


def waiting_application(client, lead, lum, mailoutbox, capture):
    client.force_login(lead)
    app = start(client, lum)
    with capture(execute=True):
        fill_and_submit(client, app)
    assert app.status == "signature"
    return app, link_in(mailoutbox[-1])


def test_the_head_signs_and_only_then_the_fund_gets_it(client, lead, lum, mailoutbox, demo_users,
                                                      django_capture_on_commit_callbacks):
    client.force_login(lead)
    app = start(client, lum)
    # the head's e-mail is needed: the link goes there
    r = post_step(client, app, "applicant", {**APPLICANT, "head_email": ""})
    assert r.status_code == 200 and "Skriv avdelningschefens e-postadress" in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = fill_and_submit(client, app)
    assert app.status == "signature" and app.submitted_at is None
    page = r.content.decode()
    assert "Väntar på underskrift" in page and "avdelningschefen har fått en länk" in page
    assert HEAD_EMAIL in page

    # the head's e-mail: the link and when it expires, nothing of the application
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [HEAD_EMAIL]
    row = SignatureRequest.objects.get(application=app)
    expires = timezone.localtime(row.expires_at)
    assert expires.date() == timezone.localdate() + datetime.timedelta(days=14)
    assert expires.strftime("%Y-%m-%d %H:%M") in mail.body
    for personal in [PROJECT["title"], APPLICANT["organisation"], APPLICANT["head_name"], APPLICANT["contact_name"],
                     "5050-1055", "500 000"]:
        assert personal not in mail.body and personal not in mail.subject
    path = link_in(mail)
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in row.token_hash and len(row.token_hash) == 64  # stored hashed

    # not yet the fund managers' business: not in their list, a 404 on its page
    manager = Client()
    manager.force_login(demo_users["Fund managers"])
    listing = manager.get("/admin/funding_applications/?q=" + PROJECT["title"].split()[0]).content.decode()
    assert f"/inspect/{app.pk}/" not in listing
    assert manager.get(reverse("funding_applications:inspect", args=[app.pk])).status_code == 404

    # the head opens the link (no account): the application read-only, its PDF, the sign step
    head = Client()
    r = head.get(path)
    html = r.content.decode()
    assert r.status_code == 200 and PROJECT["title"] in html and "Skriv under och skicka in till fonden" in html
    assert 'value="Alex Chef"' in html and 'value="Stockholm"' in html
    assert "no-store" in r["Cache-Control"]
    r = head.get(path + "pdf/")
    assert r["Content-Type"] == "application/pdf" and "1 500 000" in pdf_text(r.content)
    # without the confirmation nothing happens, and nothing typed is lost
    r = head.post(path, {"name": "Alex Chef", "place": "Vällingby", "date": timezone.localdate().isoformat()})
    html = r.content.decode()
    assert r.status_code == 200 and "Kryssa i rutan för att bekräfta att du är ansvarig avdelningschef" in html
    assert 'value="Vällingby"' in html
    app.refresh_from_db()
    assert app.status == "signature"
    # a date in the future is refused
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    r = head.post(path, {"name": "Alex Chef", "place": "Vällingby", "date": tomorrow, "confirm": "on"})
    assert "Skriv dagens datum" in r.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        r = head.post(path, {"name": "Alex Chef", "place": "Vällingby", "date": timezone.localdate().isoformat(),
                             "confirm": "on"})
    assert r.status_code == 200 and "Tack! Ansökan är underskriven" in r.content.decode()
    app.refresh_from_db()
    assert app.status == "submitted" and app.submitted_at
    logged = app.transitions.get(from_status="signature", to_status="submitted")
    assert logged.by is None and "Alex Chef" in logged.internal_note and HEAD_EMAIL in logged.internal_note
    assert mailoutbox[-1].to == ["kim@example.org"]  # the lead hears that it reached the fund

    # a double submit (or a replay) changes nothing and says so
    count = app.transitions.count()
    r = head.post(path, {"name": "Someone Else", "place": "X", "date": timezone.localdate().isoformat(),
                         "confirm": "on"})
    assert r.status_code == 200 and "Ansökan är redan underskriven" in r.content.decode()
    row.refresh_from_db()
    assert row.signed_name == "Alex Chef" and row.signed_place == "Vällingby"
    assert app.transitions.count() == count
    assert head.get(path + "pdf/").status_code == 200 and "redan underskriven" in head.get(path).content.decode()

    # who signed, when, where and the address the link went to are on the PDF (in Arabic too)
    content = client.get(reverse("funding:application_pdf", args=[app.pk])).content
    text = pdf_text(content)
    from funding.pdf import render_application

    arabic = render_application(app, language="ar")
    assert HEAD_EMAIL in pdf_text(arabic) and "Vällingby" in pdf_text(arabic)
    SHOTS.mkdir(exist_ok=True)  # to look at: pdftoppm -png -r 60
    (SHOTS / "signed-sv.pdf").write_bytes(content)
    (SHOTS / "signed-ar.pdf").write_bytes(arabic)
    assert "Underskriven digitalt av Alex Chef" in text
    assert f"Vällingby, {timezone.localdate().isoformat()}" in text
    assert HEAD_EMAIL in text and timezone.localtime(row.signed_at).strftime("%Y-%m-%d %H:%M") in text
    # the lead's page says so; the fund managers now see it, with the signature
    assert "Underskriven digitalt av Alex Chef" in client.get(app.get_absolute_url()).content.decode()
    inspect = manager.get(reverse("funding_applications:inspect", args=[app.pk]))
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "Avdelningschefens underskrift" in html and HEAD_EMAIL in html and "Vällingby" in html


def test_forged_expired_and_replaced_links_show_a_clear_page_and_change_nothing(
        client, lead, lum, mailoutbox, django_capture_on_commit_callbacks):
    app, path = waiting_application(client, lead, lum, mailoutbox, django_capture_on_commit_callbacks)
    today = timezone.localdate().isoformat()
    sign = {"name": "Alex Chef", "place": "Vällingby", "date": today, "confirm": "on"}
    head = Client()

    r = head.get("/sv/funding/sign/forged-token/")
    assert r.status_code == 404 and "Länken fungerar inte" in r.content.decode()
    assert head.post("/sv/funding/sign/" + "x" * 43 + "/", sign).status_code == 404
    assert head.get("/sv/funding/sign/forged-token/pdf/").status_code == 404

    # expired
    SignatureRequest.objects.filter(application=app).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    r = head.post(path, sign)
    assert r.status_code == 410 and "Länken har slutat gälla" in r.content.decode()
    assert head.get(path + "pdf/").status_code == 410
    app.refresh_from_db()
    assert app.status == "signature"
    assert "Länken slutade gälla" in client.get(app.get_absolute_url()).content.decode()

    # the lead names another signatory: the old link dies, the new one works
    manage = reverse("funding:signatures:manage", args=[app.pk])
    r = client.post(manage, {"action": "change", "name": "Robin Chef", "title": "Avdelningschef", "email": "nej"})
    assert r.status_code == 400 and 'value="Robin Chef"' in r.content.decode()  # nothing typed is lost
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(manage, {"action": "change", "name": "Robin Chef", "title": "Avdelningschef",
                                 "email": "robin.chef@example.org"})
    assert r.status_code == 302
    assert mailoutbox[-1].to == ["robin.chef@example.org"]
    new_path = link_in(mailoutbox[-1])
    assert new_path != path
    r = head.get(path)
    assert r.status_code == 410 and "Den här länken fungerar inte längre" in r.content.decode()
    assert 'value="Robin Chef"' in head.get(new_path).content.decode()

    # the lead takes it back to change it: that link dies too, the answers stay
    r = client.post(manage, {"action": "withdraw"})
    app.refresh_from_db()
    assert app.status == "draft" and app.title == PROJECT["title"]
    assert head.post(new_path, sign).status_code == 410
    app.refresh_from_db()
    assert app.status == "draft" and not SignatureRequest.objects.filter(application=app, signed_at__isnull=False)


def test_a_reminder_sends_a_new_link_at_most_once_a_day(client, lead, lum, mailoutbox,
                                                        django_capture_on_commit_callbacks):
    app, path = waiting_application(client, lead, lum, mailoutbox, django_capture_on_commit_callbacks)
    manage = reverse("funding:signatures:manage", args=[app.pk])
    r = client.post(manage, {"action": "remind"}, follow=True)
    assert "Du kan skicka en påminnelse från" in r.content.decode()
    assert len(mailoutbox) == 1 and SignatureRequest.objects.filter(application=app).count() == 1
    SignatureRequest.objects.filter(application=app).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(manage, {"action": "remind"}, follow=True)
    assert "En ny länk skickades till" in r.content.decode()
    assert len(mailoutbox) == 2 and mailoutbox[-1].to == [HEAD_EMAIL]
    assert Client().get(path).status_code == 410  # the earlier link stops working
    assert Client().get(link_in(mailoutbox[-1])).status_code == 200


def test_another_leads_application_is_a_404(client, lead, lum, mailoutbox, django_capture_on_commit_callbacks):
    app, _path = waiting_application(client, lead, lum, mailoutbox, django_capture_on_commit_callbacks)
    other = Client()
    other.force_login(ApplicantFactory(username="other-lead"))
    manage = reverse("funding:signatures:manage", args=[app.pk])
    assert other.get(manage).status_code == 404
    for action in ["remind", "withdraw"]:
        assert other.post(manage, {"action": action}).status_code == 404
    r = other.post(manage, {"action": "change", "name": "Mallory", "email": "mallory@example.org"})
    assert r.status_code == 404
    assert len(mailoutbox) == 1 and SignatureRequest.objects.filter(application=app).count() == 1
    app.refresh_from_db()
    assert app.status == "signature"
    assert Client().get(manage).status_code == 302  # anonymous: to the login page


def test_a_fund_may_take_a_signed_pdf_instead(client, lead, mailoutbox, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from funding.demo import demo_pdf

    fund = FundProgrammePage.objects.get(slug="sociala-investeringsfonden")
    assert fund.signature == "upload"
    client.force_login(lead)
    app = start(client, fund)
    with django_capture_on_commit_callbacks(execute=True):
        r = fill_and_submit(client, app, {**APPLICANT, "head_email": ""})  # no head e-mail needed for a signed PDF
    assert app.status == "signature" and not mailoutbox
    assert "Ladda upp den underskrivna ansökan" in r.content.decode()
    manage = reverse("funding:signatures:manage", args=[app.pk])
    page = client.get(manage).content.decode()
    assert reverse("funding:application_pdf", args=[app.pk]) in page
    r = client.post(manage, {"action": "upload", "file": SimpleUploadedFile("signerad.pdf", b"<html>not a pdf",
                                                                             content_type="application/pdf")})
    assert r.status_code == 400 and "signerad.pdf" in r.content.decode()
    assert Application.objects.get(pk=app.pk).status == "signature"
    signed = demo_pdf(["Underskriven av Alex Chef, Stockholm"])
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(manage, {"action": "upload", "file": SimpleUploadedFile("signerad.pdf", signed,
                                                                                 content_type="application/pdf")})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.status == "submitted"
    copy = app.attachments.get(name="signerad.pdf")
    assert not copy.file.name.endswith("signerad.pdf") and copy.file.read() == signed  # private, random name
    text = pdf_text(client.get(reverse("funding:application_pdf", args=[app.pk])).content)
    assert "Underskriven på papper av Alex Chef" in text
    # a second upload changes nothing
    r = client.post(manage, {"action": "upload", "file": SimpleUploadedFile("igen.pdf", signed)})
    assert r.status_code == 302 and not app.attachments.filter(name="igen.pdf").exists()


def test_completion_after_more_information_goes_back_without_a_new_signature(
        client, lead, lum, mailoutbox, client_as, django_capture_on_commit_callbacks):
    from funding import workflow
    from funding.signatures import services

    app, path = waiting_application(client, lead, lum, mailoutbox, django_capture_on_commit_callbacks)
    row = SignatureRequest.objects.get(application=app)
    assert services.sign(row, name="Alex Chef", place="Vällingby", date=timezone.localdate())
    manager = client_as("Fund managers")
    manager.post(reverse("funding_applications:inspect", args=[app.pk]),
                 {"to": "more_info", "comment": "Bifoga tidsplanen."})
    app.refresh_from_db()
    assert app.status == "more_info"
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(lead)
        r = post_step(client, app, "review", {"confirm": "on"})
        while r.status_code == 302 and "/apply/" in r["Location"]:
            r = client.get(r["Location"])
    app.refresh_from_db()
    assert app.status == "submitted" and SignatureRequest.objects.filter(application=app).count() == 1
    assert app.transitions.filter(from_status=workflow.MORE_INFO, to_status=workflow.SUBMITTED).exists()
    text = pdf_text(client.get(reverse("funding:application_pdf", args=[app.pk])).content)
    assert "Underskriven digitalt av Alex Chef" in text and "Kompletterad av projektledaren" in text
    assert Client().get(path).status_code == 200  # the used link says it was signed


def test_only_the_signature_proof_makes_the_signatory_transition(lead, lum):
    from django.core.exceptions import PermissionDenied

    from funding import workflow

    app = Application.objects.create(user=lead, fund=lum, status=workflow.SIGNATURE, title="X")
    with pytest.raises(PermissionDenied):
        workflow.transition(app, workflow.SUBMITTED, lead)  # the lead cannot sign for the head
    with pytest.raises(PermissionDenied):
        workflow.transition(app, workflow.DRAFT, None, as_signatory=True)  # the proof signs, nothing else


def test_an_application_never_signed_is_deleted_like_an_abandoned_draft(lead, lum):
    from funding import retention, workflow

    app = Application.objects.create(user=lead, fund=lum, status=workflow.SIGNATURE, title="X")
    SignatureRequest.objects.create(application=app, name="Alex Chef", email=HEAD_EMAIL, token_hash="0" * 64)
    recent = Application.objects.create(user=lead, fund=lum, status=workflow.SIGNATURE, title="Y")
    Application.objects.filter(pk=app.pk).update(updated_at=timezone.now() - datetime.timedelta(days=731))
    retention.purge_expired_applications()
    assert not Application.objects.filter(pk=app.pk).exists()
    assert not SignatureRequest.objects.filter(application_id=app.pk).exists()
    assert Application.objects.filter(pk=recent.pk).exists()


def test_signature_pages_are_valid_html(client, lead, lum, mailoutbox, tmp_path, django_capture_on_commit_callbacks):
    import json
    import subprocess

    from tests.test_html_validity import VNU

    app, path = waiting_application(client, lead, lum, mailoutbox, django_capture_on_commit_callbacks)
    head = Client()
    pages = {"detail": client.get(app.get_absolute_url()),
             "manage": client.get(reverse("funding:signatures:manage", args=[app.pk])),
             "manage-error": client.post(reverse("funding:signatures:manage", args=[app.pk]),
                                         {"action": "change", "name": "", "email": "x"}),
             "sign": head.get(path), "sign-ar": head.get(path.replace("/sv/", "/ar/", 1)),
             "sign-error": head.post(path, {"name": "", "place": "", "date": ""}),
             "forged": head.get("/sv/funding/sign/forged/")}
    row = SignatureRequest.objects.get(application=app)
    assert services_sign(row)
    pages["signed"] = head.get(path)
    files = []
    for name, response in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    errors = [f"{m.get('url')}: {m['message']}" for m in json.loads(result.stderr or result.stdout)["messages"]
              if m["type"] == "error"]
    assert not errors, "\n".join(errors)


def services_sign(row):
    from funding.signatures import services

    return services.sign(row, name="Alex Chef", place="Vällingby", date=timezone.localdate())
