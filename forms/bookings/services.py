"""Booking, rebooking and cancelling: the rules, independent of HTTP.

The database decides who gets a seat: `book()` tries to insert a booking on each free seat of
the slot inside a savepoint, and the partial unique constraint on (slot, seat) turns a
concurrent taker into an IntegrityError, so it moves on to the next seat or reports the slot
as full. No lock is needed and it works the same on SQLite and PostgreSQL.
"""
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from forms.bookings.models import AuditEntry, Booking, Slot

TOKEN_SALT = "lotsa.bookings.manage"


class SlotTaken(Exception):
    """The time was booked by someone else in the meantime (or is no longer bookable)."""


class LinkInvalid(Exception):
    """A forged, unknown, cancelled or expired rebook/cancel link."""


def free_seats(slot):
    taken = set(slot.bookings.active().values_list("seat", flat=True))
    return [n for n in range(1, slot.capacity + 1) if n not in taken]


def bookable_slots(schedule, now=None, days=None):
    """Future slots of a schedule with at least one free seat, with `.free` set."""
    now = now or timezone.now()
    qs = Slot.objects.filter(schedule=schedule, starts_at__gt=now)
    if days:
        qs = qs.filter(starts_at__lt=now + timedelta(days=days))
    from django.db.models import Count, Q

    qs = qs.annotate(taken=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True))).order_by("starts_at")
    slots = []
    for slot in qs:
        slot.free = slot.capacity - slot.taken
        if slot.free > 0:
            slots.append(slot)
    return slots


def _take_seat(slot_id, save):
    """Run `save(slot, seat)` on the first seat the database lets us have."""
    slot = Slot.objects.select_related("schedule").get(pk=slot_id)
    if slot.starts_at <= timezone.now() or not slot.schedule.active:
        raise SlotTaken
    for seat in free_seats(slot):
        try:
            with transaction.atomic():
                return save(slot, seat)
        except IntegrityError:
            continue  # someone took this seat a moment ago: try the next one
    raise SlotTaken


def book(slot_id, *, first_name, phone="", email="", language="sv"):
    def save(slot, seat):
        return Booking.objects.create(slot=slot, seat=seat, first_name=first_name.strip(),
                                      phone=phone.strip(), email=email.strip(), language=language)
    try:
        return _take_seat(slot_id, save)
    except Slot.DoesNotExist:
        raise SlotTaken from None


def rebook(booking, slot_id):
    """Move a booking to another slot of the same schedule; the old seat is free at once."""
    if not Slot.objects.filter(pk=slot_id, schedule_id=booking.slot.schedule_id).exists():
        raise SlotTaken

    def save(slot, seat):
        booking.slot, booking.seat = slot, seat
        booking.rebooked_count += 1
        booking.save(update_fields=["slot", "seat", "rebooked_count"])
        return booking
    old = (booking.slot_id, booking.seat)
    try:
        return _take_seat(slot_id, save)
    except SlotTaken:
        booking.slot_id, booking.seat = old
        raise


def cancel(booking, by=Booking.CancelledBy.PERSON, user=None, detail=""):
    booking.cancelled_at = timezone.now()
    booking.cancelled_by = by
    booking.save(update_fields=["cancelled_at", "cancelled_by"])
    if user is not None:
        audit(user, "cancel", f"booking {booking.pk} {detail}".strip())
    return booking


# --- The personal link ------------------------------------------------------------------------

def make_token(booking):
    return signing.dumps(str(booking.public_id), salt=TOKEN_SALT, compress=True)


def booking_for_token(token, now=None):
    """The active, future booking a link points to, or LinkInvalid. Never anyone else's."""
    try:
        public_id = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        raise LinkInvalid("forged") from None
    booking = Booking.objects.select_related("slot__schedule").filter(public_id=public_id).first()
    if booking is None or not booking.is_active:
        raise LinkInvalid("gone")
    if booking.slot.starts_at <= (now or timezone.now()):
        raise LinkInvalid("expired")
    return booking


# --- Retention and audit ----------------------------------------------------------------------

def purge_expired(now=None):
    """Delete bookings whose meeting ended more than the schedule's retention days ago, and
    empty past slots. Returns the number of bookings deleted."""
    now = now or timezone.now()
    deleted = 0
    from forms.bookings.models import Schedule

    for schedule in Schedule.objects.all():
        cutoff = now - timedelta(days=schedule.retention_days)
        count, _ = Booking.objects.filter(slot__schedule=schedule, slot__ends_at__lt=cutoff).delete()
        deleted += count
        Slot.objects.filter(schedule=schedule, ends_at__lt=cutoff, bookings__isnull=True).delete()
    return deleted


def audit(user, action, detail=""):
    AuditEntry.objects.create(user=user if getattr(user, "pk", None) else None, action=action, detail=detail[:200])
