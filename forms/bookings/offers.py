"""Bookable times offered where residents already are: on a service page, on the contact form
and on the school meeting request. One query for the schedules and one per schedule for its
first free time; a handful of schedules at most."""
from forms.bookings import services
from forms.bookings.models import Schedule


def schedules_for(service=None):
    """Active schedules; for a service, those at its places plus the digital ones."""
    schedules = Schedule.objects.filter(active=True).select_related("place").order_by("pk")
    if service is None:
        return list(schedules)
    keys = {row.place.translation_key for row in service.service_places.select_related("place")}
    return [s for s in schedules if s.is_digital or (s.place_id and s.place.translation_key in keys)]


def offers(service=None, limit=None):
    """[(schedule, first free slot or None)], schedules with a free time first."""
    rows = []
    for schedule in schedules_for(service):
        slots = services.bookable_slots(schedule)
        rows.append((schedule, slots[0] if slots else None))
    rows.sort(key=lambda row: row[1] is None)
    return rows[:limit] if limit else rows
