"""Multi-step forms: steps, errors, check-your-answers, sending, confirmation links, e-mails,
spam protection, and retention."""
import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from forms.models import AuditEvent, FormPage, Submission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]  # rate limits live in the cache

MESSAGE = "Jag behöver hjälp med <b>ekonomin</b> och räkningarna"


def page(lang, slug_start):
    return FormPage.objects.get(locale__language_code=lang, slug__startswith=slug_start)


def fill_contact(client, base, *, lang="sv"):
    r = client.post(base, {"arende": "Ekonomi" if lang == "sv" else "الاقتصاد والديون", "meddelande": MESSAGE})
    assert r.status_code == 302, r.content.decode()[:2000]
    r = client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67", "e_post": "amira@example.com",
                                      "kontaktsatt": ["SMS" if lang == "sv" else "رسالة نصية"]})
    assert r.status_code == 302 and r["Location"].endswith("/check/"), r.content.decode()[:3000]
    return r


def test_contact_form_end_to_end_with_error_change_and_receipt(client):
    base = page("sv", "kontakta").url
    r = client.get(base)
    assert "Steg 1 av 2" in r.content.decode()
    # An empty step: error summary linking to the fields, message beside them, nothing saved.
    r = client.post(base, {"meddelande": MESSAGE})  # the topic missing
    html = r.content.decode()
    assert r.status_code == 400
    assert 'class="error-summary"' in html and 'href="#id_arende_0"' in html
    assert 'id="arende-error"' in html
    assert "&lt;b&gt;ekonomin&lt;/b&gt;" in html  # what the user typed is kept, escaped
    fill_contact(client, base)
    r = client.get(base + "check/")
    html = r.content.decode()
    assert "Kontrollera dina svar" in html and "Amira" in html and "&lt;b&gt;ekonomin" in html
    # Change link: back to step 2, then straight back to the check page.
    r = client.get(base + "step/2/?change=1")
    assert 'value="Amira"' in r.content.decode()
    r = client.post(base + "step/2/?change=1", {"fornamn": "Amina", "telefon": "+46 70 123 45 67",
                                                "kontaktsatt": ["SMS"]})
    assert r["Location"].endswith("/check/")
    r = client.post(base + "check/")
    assert r["Location"].endswith("/sent/")
    sub = Submission.objects.get(form_page=page("sv", "kontakta"))
    assert sub.data["fornamn"] == "Amina" and sub.data["arende"] == "Ekonomi" and sub.category == "Ekonomi"
    assert sub.data["meddelande"] == MESSAGE and sub.language == "sv"
    assert not any(f.name in ("ip", "ip_address", "user_agent") for f in Submission._meta.fields)
    r = client.get(base + "sent/")
    assert sub.reference in r.content.decode()
    # Replaying the final POST creates no second submission.
    r = client.post(base + "check/")
    assert r["Location"].endswith("/sent/")
    assert Submission.objects.filter(form_page=sub.form_page).count() == 1


def test_mailbox_notice_holds_no_answers(client, django_capture_on_commit_callbacks, settings):
    base = page("sv", "kontakta").url
    fill_contact(client, base)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(base + "check/")
    sub = Submission.objects.latest("created_at")
    notice = [m for m in mail.outbox if settings.LOTSA_SHARED_MAILBOX in m.to][0]
    receipt = [m for m in mail.outbox if "amira@example.com" in m.to][0]
    for message in (notice, receipt):
        text = message.subject + message.body
        assert sub.reference in text
        for answer in ("Amira", "070", "ekonomin", "Ekonomi", "amira@example.com"):
            assert answer not in text
    assert f"/admin/inbox/inspect/{sub.pk}/" in notice.body
    sub.refresh_from_db()
    assert sub.notified_at is not None and sub.receipt_sent_at is not None


def test_arabic_answers_land_under_the_same_keys_in_swedish(client):
    base = page("ar", "contact").url
    assert base.startswith("/ar/")
    fill_contact(client, base, lang="ar")
    client.post(base + "check/")
    sub = Submission.objects.latest("created_at")
    assert sub.language == "ar" and sub.form_page == page("sv", "kontakta")
    assert sub.data["arende"] == "Ekonomi" and sub.data["kontaktsatt"] == ["SMS"]


@pytest.mark.parametrize("data,message", [
    ({"fornamn": "A", "telefon": "12345", "kontaktsatt": ["SMS"]}, "svenskt telefonnummer"),
    ({"fornamn": "A", "e_post": "not-an-address", "kontaktsatt": ["SMS"]}, "e-postadress"),
    ({"fornamn": "A", "kontaktsatt": ["SMS"]}, "Fyll i minst ett av"),
    ({"fornamn": "x" * 100_000, "telefon": "0701234567", "kontaktsatt": ["SMS"]}, "200"),
])
def test_bad_input_is_rejected_with_a_message(client, data, message):
    base = page("sv", "kontakta").url
    client.post(base, {"arende": "Ekonomi", "meddelande": "Hej"})
    r = client.post(base + "step/2/", data)
    assert r.status_code == 400 and message in r.content.decode()


def test_out_of_order_tampered_and_expired_steps_do_not_break(client):
    base = page("sv", "kontakta").url
    assert client.get(base + "step/2/")["Location"] == base  # not yet: back to step 1
    assert client.get(base + "step/3/").status_code == 404  # two steps only
    assert client.get(base + "step/99/").status_code == 404
    assert client.get(base + "check/")["Location"] == base
    # A later step posted without a session (it expired): kept, and the user is told.
    r = client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "0701234567", "kontaktsatt": ["SMS"]})
    assert r["Location"] == base + "?expired=1"
    r = client.get(r["Location"])
    assert "Din session har upphört" in r.content.decode()
    r = client.post(base, {"arende": "Ekonomi", "meddelande": "Hej"})
    assert 'value="Amira"' in client.get(base + "step/2/").content.decode()
    assert client.get(base + "check/").status_code == 200  # both steps are done now
    # Sending with a step missing goes to that step and sends nothing.
    client.cookies.clear()
    client.post(base, {"arende": "Ekonomi"})
    before = Submission.objects.count()
    r = client.post(base + "check/")
    assert r["Location"] == base + "step/2/" and Submission.objects.count() == before


def test_honeypot_and_rate_limit(client, settings):
    base = page("sv", "kontakta").url
    r = client.post(base, {"arende": "Ekonomi", "meddelande": "Hej", "website": "http://spam"})
    assert r.status_code == 400 and "skräppost" in r.content.decode()
    settings.LOTSA_FORMS_RATE_LIMIT = (1, 3600)
    fill_contact(client, base)
    assert client.post(base + "check/").status_code == 302
    fill_contact(client, base)
    r = client.post(base + "check/")
    assert r.status_code == 429 and "Vänta en timme" in r.content.decode()
    assert Submission.objects.count() == 1


def test_school_request_waits_for_the_confirmation_link(client, client_as, django_capture_on_commit_callbacks):
    base = page("sv", "boka").url
    client.post(base, {"skola": "Västra skolan", "namn": "Lena", "roll": "Kurator", "arbetsmejl": "lena@skola.example"})
    r = client.post(base + "step/2/", {"arskurs": "Årskurs 4–6", "oro": "Hög frånvaro"})
    assert r.status_code == 400 and "vardnadshavare" in r.content.decode()  # guardians' consent is required
    client.post(base + "step/2/", {"arskurs": "Årskurs 4–6", "oro": "Hög frånvaro", "vardnadshavare": "on"})
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    r = client.post(base + "step/3/", {"plats": "Digitalt", "datum": yesterday})
    assert r.status_code == 400 and "dagens datum eller ett senare" in r.content.decode()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    client.post(base + "step/3/", {"plats": "Digitalt", "datum": tomorrow})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(base + "check/")
    sub = Submission.objects.get(form_page=page("sv", "boka"))
    assert sub.confirmed_at is None and sub.expires_at is not None
    link_mail = [m for m in mail.outbox if "lena@skola.example" in m.to][0]
    assert "Hög frånvaro" not in link_mail.body
    url = [line for line in link_mail.body.splitlines() if "/confirm/" in line][0].replace("http://testserver", "")
    coordinator = client_as("Coordinators")
    assert coordinator.get(f"/admin/inbox/inspect/{sub.pk}/").status_code in (302, 404)  # not before confirmation
    assert b"Bekr" in coordinator.get(url).content  # GET shows a button only
    sub.refresh_from_db()
    assert sub.confirmed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(url)
    sub.refresh_from_db()
    assert sub.confirmed_at is not None and sub.expires_at is None and sub.notified_at is not None
    assert coordinator.get(f"/admin/inbox/inspect/{sub.pk}/").status_code == 200
    assert client.get(base + "confirm/?t=bogus").status_code == 400


def test_retention_deletes_exactly_the_expired_submissions():
    form = page("sv", "kontakta")
    now = timezone.now()

    def make(status, closed_days_ago=None, confirmed=True, created_days_ago=0):
        sub = Submission(reference=f"T-{Submission.objects.count()}{status[:2]}{closed_days_ago}", form_page=form,
                         language="sv", data={"fornamn": "X"}, status=status,
                         created_at=now - datetime.timedelta(days=created_days_ago),
                         confirmed_at=now if confirmed else None,
                         closed_at=now - datetime.timedelta(days=closed_days_ago) if closed_days_ago is not None else None)
        sub.save()
        return sub

    old_closed = make("closed", closed_days_ago=91)
    recent_closed = make("closed", closed_days_ago=89)
    open_old = make("in_progress", created_days_ago=400)
    unconfirmed_old = make("new", confirmed=False, created_days_ago=8)
    unconfirmed_new = make("new", confirmed=False, created_days_ago=1)
    call_command("purge_expired_submissions", verbosity=0)
    left = set(Submission.objects.values_list("pk", flat=True))
    assert old_closed.pk not in left and unconfirmed_old.pk not in left
    assert {recent_closed.pk, open_old.pk, unconfirmed_new.pk} <= left
    assert AuditEvent.objects.filter(action="purge", count=2).exists()
    call_command("purge_expired_submissions", verbosity=0)  # idempotent
    assert {recent_closed.pk, open_old.pk, unconfirmed_new.pk} <= set(Submission.objects.values_list("pk", flat=True))


def test_accessibility_statement_links_the_barrier_form(client):
    for lang in ("sv", "ar"):
        from home.models import AccessibilityStatementPage

        statement = AccessibilityStatementPage.objects.get(locale__language_code=lang)
        assert statement.report_barrier_page.specific.locale.language_code == lang
