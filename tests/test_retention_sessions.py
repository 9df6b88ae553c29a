"""Issue 11, item 5: the answers of a form begun and never sent live in the visitor's session;
the daily retention job deletes expired sessions with them (`SessionStore.clear_expired()` of
the configured engine), so they are not kept for ever in django_session."""
import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from forms.models import FormPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]  # rate limits live in the cache

SECRET = "Hyran är obetald sedan mars"


def begin_contact_form(client):
    """Steps 1 and 2 of the contact form, then the visitor leaves."""
    base = FormPage.objects.get(locale__language_code="sv", slug__startswith="kontakta").url
    assert client.post(base, {"arende": "Ekonomi", "meddelande": SECRET}).status_code == 302
    r = client.post(base + "step/2/", {"fornamn": "Amira", "telefon": "070-123 45 67", "e_post": "amira@example.com",
                                      "kontaktsatt": ["SMS"]})
    assert r.status_code == 302
    row = Session.objects.get(session_key=client.cookies["sessionid"].value)
    assert SECRET in str(row.get_decoded())  # the unsent answers are in the session row
    return row


@pytest.mark.parametrize("engine", ["django.contrib.sessions.backends.db",
                                    "django.contrib.sessions.backends.cached_db"])
def test_daily_job_deletes_expired_sessions_with_unsent_answers(settings, engine):
    settings.SESSION_ENGINE = engine
    abandoned, active = begin_contact_form(Client()), begin_contact_form(Client())
    Session.objects.filter(pk=abandoned.pk).update(expire_date=timezone.now() - datetime.timedelta(minutes=1))
    call_command("purge_expired_submissions", verbosity=0)
    assert not Session.objects.filter(pk=abandoned.pk).exists()
    assert Session.objects.filter(pk=active.pk).exists()  # a visitor still filling in keeps theirs
    assert not [s for s in Session.objects.all() if SECRET in str(s.get_decoded()) and s.expire_date < timezone.now()]


def test_the_task_clears_them_too():
    from forms.tasks import purge_expired_submissions

    row = begin_contact_form(Client())
    Session.objects.filter(pk=row.pk).update(expire_date=timezone.now() - datetime.timedelta(days=1))
    purge_expired_submissions.enqueue()  # immediate backend in the tests
    assert not Session.objects.filter(pk=row.pk).exists()
