"""Demo bookable times: a coordinator meeting at two places, a digital meeting and a drop-in
group, with a few bookings so that the coordinators' week view has rows. Idempotent."""
from datetime import date, time, timedelta

from django.utils import timezone

from wagtail.models import Locale

from forms.bookings.models import Booking, Schedule, ScheduleException, WeeklyRule
from forms.bookings.slots import generate_slots

SCHEDULES = [
    # kind, place (a demo Place's Swedish name), digital, minutes, capacity, [(weekday, start, end)]
    (Schedule.Kind.MEETING, "Stadsbiblioteket", False, 45, 1, [(1, time(9), time(12)), (3, time(13), time(16))]),
    (Schedule.Kind.MEETING, "Träffpunkt Norrby", False, 45, 1, [(2, time(9), time(11, 15))]),
    (Schedule.Kind.MEETING, "", True, 30, 1, [(0, time(10), time(12)), (4, time(13), time(15))]),
    (Schedule.Kind.PARENT_GROUP, "Familjecentralen Norrby", False, 90, 8, [(2, time(17), time(18, 30))]),
]
DEMO_PEOPLE = [("Amina", "070-111 22 33", ""), ("Erik", "", "erik@example.se"), ("Sara", "073-444 55 66", "sara@example.se")]


def load(stdout, with_users=False):
    today = timezone.localdate()
    from home.models import Place

    sv = Locale.get_default()
    for kind, place_name, digital, minutes, capacity, rules in SCHEDULES:
        place = Place.objects.filter(locale=sv, name=place_name).first() if place_name else None
        schedule, created = Schedule.objects.get_or_create(
            kind=kind, place=place, is_digital=digital, place_name="" if place or digital else place_name,
            defaults={"length_minutes": minutes, "capacity": capacity,
                      "valid_from": date(today.year, 1, 1), "weeks_ahead": 4})
        if created:
            for order, (weekday, start, end) in enumerate(rules):
                WeeklyRule.objects.create(schedule=schedule, weekday=weekday, start=start, end=end, sort_order=order)
            # Christmas Eve and New Year's Eve are closed (an exception to the weekly pattern).
            for day in (date(today.year, 12, 24), date(today.year, 12, 31)):
                ScheduleException.objects.create(schedule=schedule, date=day, reason="Helgdag")
        generate_slots(schedule)
        if created and not schedule.is_digital:
            slots = list(schedule.slots.filter(starts_at__gt=timezone.now() + timedelta(days=1))[:6:2])
            for slot, (first_name, phone, email) in zip(slots, DEMO_PEOPLE):
                Booking.objects.get_or_create(slot=slot, seat=1, defaults={
                    "first_name": first_name, "phone": phone, "email": email, "language": "sv"})
    return []
