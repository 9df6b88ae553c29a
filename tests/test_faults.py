"""Faults: the database goes away in the middle of a multi-step form or an application, and the
e-mail server is down when a form is sent.

The outage is real, not a mock: on PostgreSQL, Django talks to the server through a small TCP
proxy in this process (`TcpProxy`) that the test cuts (every open connection is closed and new
ones are dropped at once) and restores; on SQLite, the only thing changed is the database NAME
(an unopenable file) while the in-memory test database is kept alive by a second handle. Both
are shown to the app exactly as an outage is in production: `OperationalError` from the driver.

These tests run outside the per-test transaction (a cut connection cannot roll a test
transaction back), so they commit their rows and remove exactly those rows afterwards instead of
flushing the shared demo database.
"""
import logging
import socket
import sqlite3
import threading
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forms.models import FormPage, Submission

MESSAGE = "Jag behöver hjälp med ekonomin, Amira Testsson 19800101-1234"
PERSONAL = ["Amira", "Testsson", "19800101-1234", "070-123 45 67", "amira.faults@example.com", "Kim Fel"]


# --- The outage ---------------------------------------------------------------------------------

class TcpProxy:
    """127.0.0.1:<port> -> target. `cut()` closes every connection and drops new ones until
    `restore()`; a client sees "server closed the connection unexpectedly"."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, int(target_port))
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.stopped = False
        self.lock = threading.Lock()
        self.sockets = set()
        self.thread = threading.Thread(target=self._accept_loop, daemon=True)
        self.thread.start()

    def _accept_loop(self):
        while not self.stopped:
            try:
                client, _addr = self.listener.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            if not self.up:
                client.close()  # the "server" is down: the connection ends at once
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, upstream))
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            self._close(src)
            self._close(dst)

    def _close(self, sock):
        with self.lock:
            self.sockets.discard(sock)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def cut(self):
        self.up = False
        with self.lock:
            open_sockets = list(self.sockets)
        for sock in open_sockets:
            self._close(sock)

    def restore(self):
        self.up = True

    def stop(self):
        self.stopped = True
        self.cut()
        self.listener.close()
        self.thread.join(2)


class PostgresOutage:
    def __init__(self):
        self.settings = connection.settings_dict
        self.saved = (self.settings["HOST"], self.settings["PORT"])
        self.proxy = TcpProxy(self.settings["HOST"] or "127.0.0.1", self.settings["PORT"] or 5432)
        connection.close()
        self.settings["HOST"], self.settings["PORT"] = "127.0.0.1", self.proxy.port

    def cut(self):
        self.proxy.cut()

    def restore(self):
        self.proxy.restore()

    def stop(self):
        connection.close()
        self.proxy.stop()
        self.settings["HOST"], self.settings["PORT"] = self.saved


class SqliteOutage:
    """Only the database NAME changes (to a file that cannot be opened); a second handle keeps
    the shared in-memory test database alive meanwhile."""

    UNREACHABLE = "/nonexistent-lotsa-fault-dir/db.sqlite3"

    def __init__(self):
        self.settings = connection.settings_dict
        self.name = self.settings["NAME"]
        self.keepalive = None
        if connection.is_in_memory_db():
            self.keepalive = sqlite3.connect(self.name, uri=True, check_same_thread=False)

    def cut(self):
        self.settings["NAME"] = self.UNREACHABLE
        connection.close()  # not in memory any more (by NAME), so this really closes

    def restore(self):
        self.settings["NAME"] = self.name
        connection.close()
        connection.connection = None

    def stop(self):
        self.restore()
        connection.ensure_connection()  # hold the in-memory database before letting go of ours
        if self.keepalive is not None:
            self.keepalive.close()


@pytest.fixture
def outage(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ctl = PostgresOutage() if connection.vendor == "postgresql" else SqliteOutage()
        try:
            yield ctl
        finally:
            ctl.stop()
            connections.close_all() if connection.vendor == "postgresql" else None


@pytest.fixture
def cleanup(outage, django_db_blocker):
    """Rows these tests commit, removed afterwards (the demo database is shared)."""
    made = {"sessions": [], "submissions_after": None, "users": [], "applications": []}
    yield made
    outage.restore()  # a test that failed half-way may have left the database cut
    with django_db_blocker.unblock():
        if made["submissions_after"] is not None:
            Submission.objects.filter(pk__gt=made["submissions_after"]).delete()
        Session.objects.filter(session_key__in=[k for k in made["sessions"] if k]).delete()
        from funding.models import Application

        for app in Application.objects.filter(pk__in=made["applications"]):
            for att in app.attachments.all():
                att.file.delete(save=False)
            app.delete()
        from django.contrib.auth import get_user_model

        get_user_model().objects.filter(pk__in=made["users"]).delete()


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@pytest.fixture
def all_logs():
    """Every log line from every logger (the "lotsa" logger does not propagate to the root)."""
    handler = _Capture()
    loggers = [logging.getLogger(), logging.getLogger("lotsa"), logging.getLogger("django")]
    for lg in loggers:
        lg.addHandler(handler)
    yield handler.lines
    for lg in loggers:
        lg.removeHandler(handler)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def form_page(lang, slug_start):
    return FormPage.objects.get(locale__language_code=lang, slug__startswith=slug_start)


def assert_try_again_page(response, text, lang):
    html = response.content.decode()
    assert response.status_code == 503, html[:1000]
    assert response["Retry-After"] and "no-store" in response["Cache-Control"]
    assert text in html and f'lang="{lang}"' in html
    assert "Traceback" not in html and "OperationalError" not in html and "psycopg" not in html
    assert "site.css" in html  # the site's look, without touching the database
    for value in PERSONAL:
        assert value not in html
    return html


SV_TEXT = "Försök igen om en stund"
EN_TEXT = "Please try again in a moment"
AR_TEXT = "يرجى المحاولة مرة أخرى بعد قليل"


# --- The multi-step contact form ----------------------------------------------------------------

def test_contact_form_survives_a_database_outage_between_steps(outage, cleanup, all_logs):
    sv = form_page("sv", "kontakta")
    base = sv.url
    en_url, ar_url = form_page("en", "contact").url, form_page("ar", "contact").url
    cleanup["submissions_after"] = Submission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before = Submission.objects.count()
    client = Client(raise_request_exception=False)  # the real answer, also from handler500

    r = client.post(base, {"arende": "Ekonomi", "meddelande": MESSAGE})
    assert r.status_code == 302
    cleanup["sessions"].append(client.session.session_key)
    r = client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67",
                                      "e_post": "amira.faults@example.com", "kontaktsatt": ["SMS"]})
    assert r.status_code == 302 and r["Location"].endswith("/check/")

    # The database goes away while the resident is on the check-your-answers page.
    outage.cut()
    assert_try_again_page(client.get(base + "check/"), SV_TEXT, "sv")
    assert_try_again_page(client.get(base + "step/2/"), SV_TEXT, "sv")
    assert_try_again_page(client.get(en_url), EN_TEXT, "en")
    html = assert_try_again_page(client.get(ar_url), AR_TEXT, "ar")
    assert 'dir="rtl"' in html
    assert_try_again_page(client.post(base + "check/"), SV_TEXT, "sv")  # not even a half submission

    # It comes back: the same browser finds steps 1 and 2 as they were typed.
    outage.restore()
    assert Submission.objects.count() == before
    r = client.get(base + "check/")
    assert r.status_code == 200, r.get("Location")  # not sent back to step 1: steps 1-2 are done
    r = client.get(base + "step/2/")
    html = r.content.decode()
    assert 'value="Amira"' in html and 'value="amira.faults@example.com"' in html
    assert "ekonomin, Amira Testsson" in client.get(base).content.decode()

    r = client.post(base + "check/")
    assert r["Location"].endswith("/sent/")
    sub = Submission.objects.get(pk__gt=cleanup["submissions_after"], form_page=sv)
    assert sub.data["fornamn"] == "Amira" and sub.data["meddelande"] == MESSAGE
    assert Submission.objects.count() == before + 1
    assert sub.reference in client.get(base + "sent/").content.decode()

    # The logs say what happened, with no personal data in them.
    assert any("Database unavailable" in line for line in all_logs)
    joined = "\n".join(all_logs)
    for value in PERSONAL:
        assert value not in joined


def test_outage_during_the_final_send_stores_nothing_and_the_retry_stores_one(outage, cleanup, all_logs):
    if connection.vendor != "postgresql":
        pytest.skip("cutting an open connection in the middle of a statement needs the PostgreSQL proxy; "
                    "an SQLite file cannot be taken away from an open handle by settings alone")
    sv = form_page("sv", "kontakta")
    base = sv.url
    cleanup["submissions_after"] = Submission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before = Submission.objects.count()
    client = Client(raise_request_exception=False)  # the real answer, also from handler500
    client.post(base, {"arende": "Ekonomi", "meddelande": MESSAGE})
    cleanup["sessions"].append(client.session.session_key)
    r = client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67", "kontaktsatt": ["SMS"]})
    assert r["Location"].endswith("/check/")  # two steps, then the check-your-answers page

    # The connection breaks exactly when the submission is being written: after every read of the
    # request has succeeded.
    def cut_on_insert(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and "forms_submission" in sql:
            outage.cut()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(cut_on_insert):
        r = client.post(base + "check/")
    assert_try_again_page(r, SV_TEXT, "sv")
    outage.restore()
    assert Submission.objects.count() == before  # no partial record

    r = client.get(base + "check/")
    assert r.status_code == 200 and "Amira" in r.content.decode()  # every answer still there
    assert client.post(base + "check/")["Location"].endswith("/sent/")
    assert Submission.objects.count() == before + 1
    joined = "\n".join(all_logs)
    for value in PERSONAL:
        assert value not in joined


def test_outage_right_after_the_send_stores_it_once(outage, cleanup, all_logs):
    """The submission is committed, then the connection breaks before the session is saved: the
    user sees the 503 page, sends again when it is back, and still only one submission exists."""
    if connection.vendor != "postgresql":
        pytest.skip("cutting an open connection after a statement needs the PostgreSQL proxy")
    sv = form_page("sv", "kontakta")
    base = sv.url
    cleanup["submissions_after"] = Submission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before = Submission.objects.count()
    client = Client(raise_request_exception=False)  # the real answer, also from handler500
    client.post(base, {"arende": "Ekonomi", "meddelande": MESSAGE})
    cleanup["sessions"].append(client.session.session_key)
    client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67", "kontaktsatt": ["SMS"]})
    assert client.get(base + "check/").status_code == 200  # the reference number is chosen here

    def cut_after_insert(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith("INSERT") and "forms_submission" in sql:
            outage.cut()
        return result

    with connection.execute_wrapper(cut_after_insert):
        r = client.post(base + "check/")
    assert_try_again_page(r, SV_TEXT, "sv")
    outage.restore()
    assert Submission.objects.count() == before + 1  # stored before the break

    r = client.post(base + "check/")  # the user tries again
    assert r.status_code == 302 and r["Location"].endswith("/sent/")
    assert Submission.objects.count() == before + 1  # ... and it is not stored twice
    sub = Submission.objects.get(pk__gt=cleanup["submissions_after"], form_page=sv)
    assert sub.reference in client.get(base + "sent/").content.decode()
    joined = "\n".join(all_logs)
    for value in PERSONAL:
        assert value not in joined


def test_outage_raised_in_a_middleware_is_a_503_too():
    """A database error outside the view (here: loading the session in a middleware-rendered
    response) goes through handler500, which answers with the same 503 page."""
    from portal.views import server_error
    from django.db import OperationalError
    from django.test import RequestFactory

    request = RequestFactory().get("/sv/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


# --- The funding application wizard -------------------------------------------------------------

APPLICANT = {"organisation": "Hässelby-Vällingby stadsdelsförvaltning", "unit": "Barn och unga", "kst": "1002",
             "giro_type": "bankgiro", "giro_number": "5050-1055", "contact_name": "Kim Fel",
             "contact_email": "kim.fel@example.org", "contact_phone": "", "head_name": "Alex Chef",
             "head_email": "alex.chef@example.org", "sign_place": "Stockholm"}
PROJECT = {"title": "Modell för tidigt socialt stöd", "start": "2020-01-01", "end": "2022-12-31",
           "background": "Bakgrund", "purpose": "Syfte", "target_group": "Barn och unga"}
EFFECTS = {"residents": "a", "employees": "b", "administration": "c", "city": "d"}


def post_step(client, app, step, fields):
    data = {f"{step}-{k}": v for k, v in fields.items()}
    data[f"application_{app.pk}-current_step"] = step
    return client.post(reverse("funding:apply", args=[app.pk, step]), data)


def test_application_wizard_step_during_an_outage_keeps_the_earlier_steps(outage, cleanup, all_logs):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from funding.models import Application, FundProgrammePage

    lead = get_user_model().objects.create_user("kim-faults", "kim.faults@example.org", "a-long-password-123")
    cleanup["users"].append(lead.pk)
    EmailAddress.objects.create(user=lead, email=lead.email, verified=True, primary=True)
    lum = FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel")
    client = Client(raise_request_exception=False)  # the real answer, also from handler500
    client.force_login(lead)
    cleanup["sessions"].append(client.session.session_key)
    assert client.post(reverse("funding:start", args=[lum.pk])).status_code == 302
    app = Application.objects.filter(fund=lum, user=lead).latest("pk")
    cleanup["applications"].append(app.pk)
    assert post_step(client, app, "applicant", APPLICANT)["Location"].endswith("/project/")
    assert post_step(client, app, "project", PROJECT)["Location"].endswith("/effects/")

    outage.cut()
    assert_try_again_page(post_step(client, app, "effects", EFFECTS), SV_TEXT, "sv")
    assert_try_again_page(client.get(reverse("funding:apply", args=[app.pk, "method"])), SV_TEXT, "sv")
    outage.restore()

    app.refresh_from_db()
    assert app.title == PROJECT["title"] and app.organisation == APPLICANT["organisation"]
    saved = app.data["wizard"]["step_data"]
    assert set(saved) == {"applicant", "project"}  # the failed step left nothing half-written
    r = client.get(reverse("funding:apply", args=[app.pk, "applicant"]))
    assert r.status_code == 200 and 'value="5050-1055"' in r.content.decode()  # same session, same answers
    assert post_step(client, app, "effects", EFFECTS)["Location"].endswith("/method/")
    joined = "\n".join(all_logs)
    for value in PERSONAL:
        assert value not in joined


# --- E-mail failing -----------------------------------------------------------------------------

def _closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here now: connecting is refused
    return port


@pytest.mark.django_db
def test_a_failing_mail_server_never_loses_a_submission_and_the_retry_sends_it(
        client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    sv = form_page("sv", "kontakta")
    base = sv.url
    client.post(base, {"arende": "Ekonomi", "meddelande": MESSAGE})
    client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67",
                                   "e_post": "amira.faults@example.com", "kontaktsatt": ["SMS"]})
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(base + "check/")
    assert r.status_code == 302 and r["Location"].endswith("/sent/")  # the resident sees the receipt page
    sub = Submission.objects.get(form_page=sv)
    assert sub.reference in client.get(base + "sent/").content.decode()
    assert sub.data["meddelande"] == MESSAGE and sub.notified_at is None and sub.receipt_sent_at is None

    # A retry while the server is still down changes nothing and loses nothing.
    Submission.objects.filter(pk=sub.pk).update(confirmed_at=timezone.now() - timedelta(minutes=10))
    call_command("purge_expired_submissions", verbosity=0)
    sub.refresh_from_db()
    assert sub.notified_at is None

    # The mail server is back: the scheduled retry sends the notice and the receipt, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    call_command("purge_expired_submissions", verbosity=0)
    sub.refresh_from_db()
    assert sub.notified_at is not None and sub.receipt_sent_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([settings.LOTSA_SHARED_MAILBOX, "amira.faults@example.com"])
    assert all(sub.reference in m.body and MESSAGE not in m.body for m in mail.outbox)
    call_command("purge_expired_submissions", verbosity=0)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_failing_backend_class_from_settings_is_retried_too(client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.test_faults.BrokenEmailBackend"
    sv = form_page("sv", "kontakta")
    base = sv.url
    client.post(base, {"arende": "Ekonomi", "meddelande": MESSAGE})
    client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67", "kontaktsatt": ["SMS"]})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(base + "check/")["Location"].endswith("/sent/")
    sub = Submission.objects.get(form_page=sv)
    assert sub.notified_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Submission.objects.filter(pk=sub.pk).update(confirmed_at=timezone.now() - timedelta(minutes=10))
    call_command("purge_expired_submissions", verbosity=0)
    sub.refresh_from_db()
    assert sub.notified_at is not None and [m.to for m in mail.outbox] == [[settings.LOTSA_SHARED_MAILBOX]]


@pytest.mark.django_db
def test_a_school_request_whose_confirmation_link_failed_gets_it_from_the_retry(
        client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.test_faults.BrokenEmailBackend"
    school = form_page("sv", "boka")
    base = school.url
    client.post(base, {"skola": "Västra skolan", "namn": "Lena", "roll": "Kurator", "arbetsmejl": "lena@skola.example"})
    client.post(base + "step/2/", {"arskurs": "Årskurs 4–6", "oro": "Hög frånvaro", "vardnadshavare": "on"})
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    client.post(base + "step/3/", {"plats": "Digitalt", "datum": tomorrow})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(base + "check/")["Location"].endswith("/sent/")  # stored, link not sent
    sub = Submission.objects.get(form_page=school)
    assert sub.confirmed_at is None and sub.confirm_link_sent_at is None and sub.data["oro"] == "Hög frånvaro"

    # The mail server is back: the daily command sends the link, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Submission.objects.filter(pk=sub.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    call_command("purge_expired_submissions", verbosity=0)
    sub.refresh_from_db()
    assert sub.confirm_link_sent_at is not None
    assert [m.to for m in mail.outbox] == [["lena@skola.example"]]
    assert "/confirm/?t=" in mail.outbox[0].body and "Hög frånvaro" not in mail.outbox[0].body
    call_command("purge_expired_submissions", verbosity=0)
    assert len(mail.outbox) == 1

    # The link from the retry confirms the request, which then reaches the coordinators.
    url = [line for line in mail.outbox[0].body.splitlines() if "/confirm/" in line][0].replace("http://testserver", "")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    sub.refresh_from_db()
    assert sub.confirmed_at is not None and sub.notified_at is not None


class BrokenEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class ReceiptFailsBackend:
    """The shared mailbox gets its notice; the resident's mail server is down."""

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.inner = EmailBackend()

    def send_messages(self, messages):
        from django.conf import settings

        if any(to != settings.LOTSA_SHARED_MAILBOX for m in messages for to in m.to):
            raise ConnectionRefusedError("the resident's mail server is down")
        return self.inner.send_messages(messages)


@pytest.mark.django_db
def test_a_failed_receipt_is_retried_without_a_second_mailbox_notice(client, settings,
                                                                     django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.test_faults.ReceiptFailsBackend"
    sv = form_page("sv", "kontakta")
    base = sv.url
    client.post(base, {"arende": "Ekonomi", "meddelande": MESSAGE})
    client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67",
                                   "e_post": "amira.faults@example.com", "kontaktsatt": ["SMS"]})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(base + "check/")["Location"].endswith("/sent/")
    sub = Submission.objects.get(form_page=sv)
    assert sub.notified_at is not None and sub.receipt_sent_at is None
    assert [m.to for m in mail.outbox] == [[settings.LOTSA_SHARED_MAILBOX]]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Submission.objects.filter(pk=sub.pk).update(confirmed_at=timezone.now() - timedelta(minutes=10))
    call_command("purge_expired_submissions", verbosity=0)
    sub.refresh_from_db()
    assert sub.receipt_sent_at is not None
    assert [m.to for m in mail.outbox] == [[settings.LOTSA_SHARED_MAILBOX], ["amira.faults@example.com"]]
    call_command("purge_expired_submissions", verbosity=0)
    assert len(mail.outbox) == 2
