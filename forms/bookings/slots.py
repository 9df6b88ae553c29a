"""Turn a schedule's weekly pattern into concrete `Slot` rows, in Europe/Stockholm time.

Wall-clock times are combined with each date in the local zone, so a 10:00 meeting stays at
10:00 on both sides of the change to and from summer time (its UTC time moves instead). A time
that does not exist on the spring-forward night is skipped.
"""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from forms.bookings.models import Schedule, Slot

ZONE = ZoneInfo(settings.TIME_ZONE)


def _exists(local):
    """False for wall-clock times skipped when the clocks go forward."""
    round_trip = local.astimezone(ZoneInfo("UTC")).astimezone(ZONE)
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


def pattern_times(schedule, first_day, last_day):
    """(local start, local end) of every time the pattern gives between two dates (inclusive)."""
    rules = list(schedule.rules.all())
    exceptions = list(schedule.exceptions.all())
    length = timedelta(minutes=schedule.length_minutes)
    day = max(first_day, schedule.valid_from)
    if schedule.valid_until:
        last_day = min(last_day, schedule.valid_until)
    while day <= last_day:
        for rule in sorted((r for r in rules if r.weekday == day.weekday()), key=lambda r: r.start):
            start = datetime.combine(day, rule.start, tzinfo=ZONE)
            limit = datetime.combine(day, rule.end, tzinfo=ZONE)
            while start + length <= limit:
                end = start + length
                if _exists(start) and not any(e.covers(start, end) for e in exceptions):
                    yield start, end
                start = end  # wall-clock arithmetic: stays on the local grid
        day += timedelta(days=1)


def generate_slots(schedule, today=None):
    """Create the missing slots for the bookable weeks ahead and remove future slots that no
    longer match the pattern (only those without active bookings). Returns (created, removed)."""
    today = today or timezone.localdate()
    last_day = today + timedelta(weeks=schedule.weeks_ahead)
    wanted = {start.astimezone(ZoneInfo("UTC")): end for start, end in pattern_times(schedule, today, last_day)}
    with transaction.atomic():
        existing = {s.starts_at: s for s in schedule.slots.filter(starts_at__gte=timezone.now())}
        created = 0
        for start, end in wanted.items():
            slot = existing.get(start)
            if slot is None:
                Slot.objects.get_or_create(schedule=schedule, starts_at=start,
                                           defaults={"ends_at": end, "capacity": schedule.capacity})
                created += 1
            elif slot.capacity != schedule.capacity and slot.capacity < schedule.capacity:
                slot.capacity = schedule.capacity  # capacity can grow; shrinking keeps taken seats
                slot.save(update_fields=["capacity"])
        stale = [s.pk for start, s in existing.items() if start not in wanted]
        removed, _ = Slot.objects.filter(pk__in=stale, bookings__isnull=True).delete() if stale else (0, None)
    return created, removed


def generate_all(today=None):
    total = 0
    for schedule in Schedule.objects.filter(active=True).prefetch_related("rules", "exceptions"):
        total += generate_slots(schedule, today)[0]
    return total
