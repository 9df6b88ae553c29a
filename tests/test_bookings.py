"""Bookings: weekly pattern in Stockholm time, booking/rebooking/cancelling through the personal
link, the coordinators' list, retention. The concurrency proof is in test_bookings_concurrency.py."""
import csv
import io
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from forms.bookings import services
from forms.bookings.models import AuditEntry, Booking, Schedule, ScheduleException, Slot, WeeklyRule
from forms.bookings.slots import generate_slots, pattern_times

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]  # rate limits live in the cache
STHLM = ZoneInfo("Europe/Stockholm")


def make_schedule(capacity=1, **kw):
    return Schedule.objects.create(kind=Schedule.Kind.MEETING, place_name="Testhuset", capacity=capacity,
                                   length_minutes=45, valid_from=date(2020, 1, 1), **kw)


def make_slot(schedule, days=2, hour=10):
    start = datetime.combine(timezone.localdate() + timedelta(days=days), time(hour), tzinfo=STHLM)
    return Slot.objects.create(schedule=schedule, starts_at=start, ends_at=start + timedelta(minutes=45),
                               capacity=schedule.capacity)


@pytest.fixture
def slot():
    return make_slot(make_schedule())


# --- The weekly pattern -----------------------------------------------------------------------

def test_pattern_keeps_local_time_across_summer_time_changes():
    schedule = make_schedule()
    WeeklyRule.objects.create(schedule=schedule, weekday=6, start=time(10), end=time(10, 45))  # Sundays
    times = list(pattern_times(schedule, date(2026, 3, 22), date(2026, 4, 5)))
    assert [s.strftime("%Y-%m-%d %H:%M") for s, _e in times] == ["2026-03-22 10:00", "2026-03-29 10:00", "2026-04-05 10:00"]
    utc = [s.astimezone(ZoneInfo("UTC")).hour for s, _e in times]
    assert utc == [9, 8, 8]  # winter time UTC+1, summer time UTC+2 from 29 March
    autumn = list(pattern_times(schedule, date(2026, 10, 18), date(2026, 10, 25)))
    assert [s.astimezone(ZoneInfo("UTC")).hour for s, _e in autumn] == [8, 9]
    assert all(s.hour == 10 for s, _e in autumn)


def test_time_that_does_not_exist_in_spring_is_skipped():
    schedule = make_schedule()
    schedule.length_minutes = 60
    WeeklyRule.objects.create(schedule=schedule, weekday=6, start=time(1), end=time(4))
    local = [s.strftime("%H:%M") for s, _e in pattern_times(schedule, date(2026, 3, 29), date(2026, 3, 29))]
    assert local == ["01:00", "03:00"]  # 02:00 does not exist that night


def test_exceptions_close_a_day_or_part_of_it():
    schedule = make_schedule()
    WeeklyRule.objects.create(schedule=schedule, weekday=1, start=time(9), end=time(12))  # Tuesdays, 4 slots
    ScheduleException.objects.create(schedule=schedule, date=date(2026, 12, 22))
    ScheduleException.objects.create(schedule=schedule, date=date(2026, 12, 29), start=time(9), end=time(10))
    days = {}
    for s, _e in pattern_times(schedule, date(2026, 12, 15), date(2026, 12, 29)):
        days.setdefault(s.date().isoformat(), []).append(s.strftime("%H:%M"))
    assert days == {"2026-12-15": ["09:00", "09:45", "10:30", "11:15"], "2026-12-29": ["10:30", "11:15"]}


def test_generate_slots_is_idempotent_and_keeps_booked_times():
    schedule = make_schedule(weeks_ahead=2)
    rule = WeeklyRule.objects.create(schedule=schedule, weekday=timezone.localdate().weekday(), start=time(23), end=time(23, 45))
    created, _ = generate_slots(schedule)
    assert created >= 2 and generate_slots(schedule) == (0, 0)
    booked = schedule.slots.order_by("starts_at").last()
    services.book(booked.pk, first_name="Ali", phone="0701234567")
    rule.delete()
    generate_slots(schedule)
    assert list(schedule.slots.all()) == [booked]


# --- Booking on the public site ---------------------------------------------------------------

def test_book_in_swedish_sends_ical_and_personal_link(client, slot):
    page = client.get(f"/sv/boka/{slot.schedule.pk}/")
    assert page.status_code == 200 and "Boka" in page.content.decode()
    response = client.post(f"/sv/boka/{slot.schedule.pk}/", {"slot": slot.pk, "first_name": "Amina", "email": "amina@example.se"})
    assert response.status_code == 302 and "/sv/boka/hantera/" in response["Location"]
    booking = Booking.objects.get(slot=slot)
    assert (booking.first_name, booking.email, booking.language, booking.seat) == ("Amina", "amina@example.se", "sv", 1)
    message = mail.outbox[-1]
    assert message.to == ["amina@example.se"] and "bekräftad" in message.subject
    assert "Amina" not in message.body  # no personal data beyond what is needed
    # the e-mailed link leads to the same booking (the token holds the second it was signed in,
    # so it need not be the very string of the redirect)
    emailed = re.search(r"/sv/boka/hantera/([^/\s]+)/", message.body).group(1)
    shown = re.search(r"/sv/boka/hantera/([^/]+)/", response["Location"]).group(1)
    assert services.booking_for_token(emailed) == services.booking_for_token(shown) == booking
    name, ics, mimetype = message.attachments[0]
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in ics
    assert f"DTSTART:{slot.starts_at.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}" in ics
    manage = client.get(response["Location"])
    assert "Din bokning" in manage.content.decode()


def test_missing_details_show_errors_and_keep_what_was_typed(client, slot):
    response = client.post(f"/sv/boka/{slot.schedule.pk}/", {"slot": slot.pk, "first_name": "Amina", "phone": "", "email": ""})
    text = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in text
    assert "Ange ett telefonnummer eller en e-postadress." in text
    assert 'value="Amina"' in text and f'value="{slot.pk}" id="slot-{slot.pk}" checked' in text
    assert not Booking.objects.filter(slot=slot).exists()


def test_time_taken_meanwhile_asks_to_pick_another_with_the_form_kept(client, slot):
    other = make_slot(slot.schedule, days=3)
    services.book(slot.pk, first_name="Erik", phone="0701112233")
    response = client.post(f"/ar/boka/{slot.schedule.pk}/", {"slot": slot.pk, "first_name": "ليلى", "phone": "0731234567"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "تم حجز هذا الموعد للتو" in text  # "this time was just booked – pick another"
    assert 'value="ليلى"' in text and 'value="0731234567"' in text
    assert f'id="slot-{other.pk}"' in text and f'id="slot-{slot.pk}"' not in text
    assert Booking.objects.filter(slot=slot).count() == 1


def test_rebook_frees_the_old_time_at_once_and_cancel_frees_the_new(client, slot):
    later = make_slot(slot.schedule, days=4)
    booking = services.book(slot.pk, first_name="Sara", email="sara@example.se", language="ar")
    token = services.make_token(booking)
    response = client.post(f"/ar/boka/hantera/{token}/", {"slot": later.pk})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.slot == later and services.free_seats(slot) == [1]
    assert "تم نقل" in mail.outbox[-1].subject  # Arabic e-mail: "has been moved"
    # someone else can have the old time straight away
    services.book(slot.pk, first_name="Erik", phone="0701112233")
    response = client.post(f"/ar/boka/hantera/{token}/avboka/")
    assert response.status_code == 200 and "تم إلغاء حجزك" in response.content.decode()
    assert services.free_seats(later) == [1]
    # the link no longer works
    assert client.get(f"/ar/boka/hantera/{token}/").status_code == 404


@pytest.mark.parametrize("case", ["forged", "expired", "other"])
def test_bad_links_give_a_clear_message_never_someone_elses_booking(client, slot, case):
    booking = services.book(slot.pk, first_name="Sara", phone="0701234567")
    token = services.make_token(booking)
    if case == "forged":
        token = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    elif case == "expired":
        Slot.objects.filter(pk=slot.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    else:
        token = services.signing.dumps("00000000-0000-0000-0000-000000000000", salt=services.TOKEN_SALT)
    response = client.get(f"/sv/boka/hantera/{token}/")
    text = response.content.decode()
    assert response.status_code == 404 and "Länken fungerar inte" in text
    assert "Sara" not in text and "0701234567" not in text


def test_capacity_counts_places_in_a_group(slot):
    group = make_slot(make_schedule(capacity=2), days=5)
    a = services.book(group.pk, first_name="A", phone="0701111111")
    b = services.book(group.pk, first_name="B", phone="0702222222")
    assert {a.seat, b.seat} == {1, 2}
    with pytest.raises(services.SlotTaken):
        services.book(group.pk, first_name="C", phone="0703333333")


def test_the_database_refuses_a_second_person_on_a_seat(slot):
    from django.db import IntegrityError, transaction

    services.book(slot.pk, first_name="A", phone="0701111111")
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(slot=slot, seat=1, first_name="B", phone="0702222222")


# --- Coordinators ---------------------------------------------------------------------------

def test_coordinators_see_week_cancel_with_message_and_export(client_as, slot):
    booking = services.book(slot.pk, first_name="Amina", email="amina@example.se")
    client = client_as("Coordinators")
    day = timezone.localtime(slot.starts_at).date()
    week = client.get(f"/admin/bookings/?date={day}&span=week")
    assert week.status_code == 200 and "Amina" in week.content.decode()
    export = client.get(f"/admin/bookings/export/?date={day}&span=day")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert ["Amina", "", "amina@example.se"] in [row[5:8] for row in rows[1:]]
    response = client.post(f"/admin/bookings/{booking.pk}/cancel/", {"message": "Samordnaren är sjuk, boka gärna en ny tid."})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.cancelled_by == Booking.CancelledBy.COORDINATOR and services.free_seats(slot) == [1]
    assert "Samordnaren är sjuk" in mail.outbox[-1].body and "STATUS:CANCELLED" in mail.outbox[-1].attachments[0][1]
    assert list(AuditEntry.objects.values_list("action", flat=True)[:3]) == ["cancel", "export", "view"]


@pytest.mark.parametrize("group", ["Fund managers", "Editors"])
def test_other_roles_cannot_see_bookings(client_as, slot, group):
    services.book(slot.pk, first_name="Amina", email="amina@example.se")
    client = client_as(group)
    for url in ["/admin/bookings/", "/admin/bookings/export/"]:
        response = client.get(url)
        assert response.status_code in (302, 403) and b"Amina" not in response.content


def test_retention_deletes_bookings_after_the_meeting(slot):
    booking = services.book(slot.pk, first_name="A", phone="0701111111")
    assert services.purge_expired() == 0
    later = slot.ends_at + timedelta(days=slot.schedule.retention_days + 1)
    assert services.purge_expired(now=later) >= 1
    assert not Booking.objects.filter(pk=booking.pk).exists()


# --- Query parameters (issue 11, item 6) ----------------------------------------------------------

@pytest.mark.parametrize("value", ["99999999999999999999", "9223372036854775808", "²", "-1", "0", "abc", ""])
def test_service_parameter_that_is_no_service_shows_every_meeting(client, value):
    response = client.get("/sv/boka/", {"service": value})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vi hittade inte den insatsen" in text and "booking-choice" in text


def test_huge_ids_in_booking_urls_are_404_or_ignored(client, client_as):
    assert client.get("/sv/boka/99999999999999999999/").status_code == 404
    staff = client_as("Coordinators")
    for value in ("99999999999999999999", "²"):
        assert staff.get("/admin/bookings/", {"schedule": value}).status_code == 200
        assert staff.get("/admin/bookings/export/", {"schedule": value}).status_code == 200


def test_calendar_file_is_valid_icalendar_with_long_and_special_text(slot):
    """The calendar file is written by the icalendar library: long lines folded at 75 octets,
    commas, semicolons and newlines escaped, and it reads back to the same event."""
    import icalendar

    from forms.bookings import notify

    schedule = slot.schedule
    schedule.is_digital, schedule.place = False, None
    schedule.place_name = "Träffpunkt Norrby, plan 2; ingång från gården\\baksidan " + "å" * 60
    schedule.save()
    booking = services.book(slot.pk, first_name="Amina", email="amina@example.se")
    text = notify.ical(booking)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["location"]).startswith("Träffpunkt Norrby, plan 2; ingång från gården\\baksidan")
    assert event["dtstart"].dt == slot.starts_at and str(event["status"]) == "CONFIRMED"
    cancelled = icalendar.Calendar.from_ical(notify.ical(booking, cancelled=True))
    assert str(cancelled["method"]) == "CANCEL" and str(cancelled.walk("VEVENT")[0]["uid"]) == str(event["uid"])
