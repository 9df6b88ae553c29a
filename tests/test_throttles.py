"""Issue 11, items 3 and 4: rate limits on bookings and open survey answers (and the forms'
limit), one mechanism for all of them (forms.ratelimit on allauth's), counted per real client
address behind a configured number of trusted proxies."""
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from forms.bookings import services as booking_services
from forms.bookings.models import Booking, Schedule
from forms.models import Submission
from forms.surveys.models import Response, SurveyPage
from tests.test_forms_flow import fill_contact, page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def schedule():
    schedule = Schedule.objects.filter(active=True).first()
    assert len(booking_services.bookable_slots(schedule)) >= 8
    return schedule


def book(client, schedule, email, name="Amina", **extra):
    slot = booking_services.bookable_slots(schedule)[0]
    return client.post(f"/sv/boka/{schedule.pk}/", {"slot": slot.pk, "first_name": name, "phone": "",
                                                    "email": email}, **extra)


def test_bookings_are_limited_per_client_address(client, schedule):
    before = Booking.objects.count()
    for i in range(5):
        assert book(client, schedule, f"person{i}@example.se").status_code == 302
    mail.outbox.clear()
    refused = book(client, schedule, "person6@example.se", name="Sixten")
    text = refused.content.decode()
    assert refused.status_code == 429
    assert "Många bokningar har gjorts" in text and 'class="error-summary"' in text
    assert 'value="Sixten"' in text and 'value="person6@example.se"' in text  # the form is kept
    assert Booking.objects.count() == before + 5 and not mail.outbox  # no sixth calendar file
    other = book(client, schedule, "person7@example.se", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302  # someone else is not affected


def test_bookings_are_limited_per_email_address(client, schedule):
    for i in range(3):
        assert book(client, schedule, "target@example.se", REMOTE_ADDR=f"198.51.100.{i + 1}").status_code == 302
    refused = book(client, schedule, "Target@Example.se", REMOTE_ADDR="198.51.100.9")
    assert refused.status_code == 429 and "Många bokningar har gjorts" in refused.content.decode()
    assert Booking.objects.filter(email__iexact="target@example.se").count() == 3
    assert book(client, schedule, "", REMOTE_ADDR="198.51.100.9").status_code in (200, 400)  # needs phone or e-mail
    ok = client.post(f"/sv/boka/{schedule.pk}/", {"slot": booking_services.bookable_slots(schedule)[0].pk,
                                                  "first_name": "Ali", "phone": "070-123 45 67", "email": ""},
                     REMOTE_ADDR="198.51.100.9")
    assert ok.status_code == 302  # the address limit applies to that address only


def test_a_taken_time_does_not_count(client, schedule, settings):
    settings.LOTSA_RATE_LIMITS = {**settings.LOTSA_RATE_LIMITS, "booking": "1/1h/ip"}
    slot = booking_services.bookable_slots(schedule)[0]
    for seat in range(1, slot.capacity + 1):
        Booking.objects.create(slot=slot, seat=seat, first_name="X", phone="070-123 45 67", language="sv")
    taken = client.post(f"/sv/boka/{schedule.pk}/", {"slot": slot.pk, "first_name": "Amina", "email": "a@example.se"})
    assert taken.status_code == 200
    assert book(client, schedule, "a@example.se").status_code == 302


def open_survey():
    return SurveyPage.objects.get(slug="utcheckning", locale__language_code="sv")


def survey_answer(survey, colour="red"):
    return {f"q_{block.id}": colour for block in survey.questions}


def test_open_survey_answers_are_limited_per_client_address(client):
    survey = open_survey()
    before = Response.objects.filter(survey=survey).count()
    for _i in range(10):
        assert client.post(survey.url, survey_answer(survey)).status_code == 200
    refused = client.post(survey.url, {**survey_answer(survey), "free_text": "Elfte svaret"})
    text = refused.content.decode()
    assert refused.status_code == 429
    assert "Många svar har skickats" in text and 'class="error-summary"' in text
    assert "Elfte svaret" in text and re.search(r'value="red"[^>]*checked', text)  # the answers are kept
    assert Response.objects.filter(survey=survey).count() == before + 10
    assert client.post(survey.url, survey_answer(survey), REMOTE_ADDR="198.51.100.7").status_code == 200


def test_one_time_links_are_not_limited_by_address(client):
    from forms.surveys.models import Invitation

    survey = SurveyPage.objects.get(slug="utcheckning-skolpersonal")
    for _i in range(12):  # a school's staff room: one address, a link each
        token = Invitation.create_token(survey)
        response = client.post(survey.url, {**survey_answer(survey, "green"), "token": token})
        assert response.status_code == 200 and "Tack" in response.content.decode()


def send_forms(client, count):
    base = page("sv", "kontakta").url
    codes = []
    for _i in range(count):
        fill_contact(client, base)
        codes.append(client.post(base + "check/").status_code)
    return codes


def test_behind_a_trusted_proxy_each_resident_has_their_own_limit(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # the proxy appends the address it saw; whatever the resident put in front of it is ignored
    amira = Client(headers={"X-Forwarded-For": "203.0.113.66, 198.51.100.1"}, REMOTE_ADDR="10.0.0.2")
    bo = Client(headers={"X-Forwarded-For": "198.51.100.2"}, REMOTE_ADDR="10.0.0.2")
    before = Submission.objects.count()
    assert send_forms(amira, 10) == [302] * 10
    assert send_forms(bo, 10) == [302] * 10
    assert send_forms(amira, 1) == [429]
    spoofing = Client(headers={"X-Forwarded-For": "203.0.113.99, 198.51.100.1"}, REMOTE_ADDR="10.0.0.2")
    assert send_forms(spoofing, 1) == [429]  # a new made-up first address does not reset Amira's limit
    assert Submission.objects.count() == before + 20


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    before = Submission.objects.count()
    codes = []
    for i in range(11):  # one client making up a new X-Forwarded-For for every form
        codes += send_forms(Client(headers={"X-Forwarded-For": f"198.51.100.{i + 1}"}), 1)
    assert codes == [302] * 10 + [429]
    assert Submission.objects.count() == before + 10


def test_every_limit_uses_the_one_mechanism():
    """Forms, bookings and surveys count through forms.ratelimit (allauth's sliding window, with
    allauth's client address); nothing else keeps counters of its own."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "forms"
    sources = {p: p.read_text() for p in root.rglob("*.py") if p.name != "ratelimit.py"}
    assert not [p for p, text in sources.items() if "REMOTE_ADDR" in text or "cache.incr" in text]
    assert not [p for p, text in sources.items() if "X-Forwarded-For" in text or "HTTP_X_FORWARDED_FOR" in text]
