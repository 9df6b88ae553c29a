"""E-mails to the person who booked, in their language, with an iCalendar file.

The body holds the time, the place and the personal link; no name or phone number (the
person knows them, and mail servers keep copies)."""
from datetime import datetime, timezone as dt_timezone

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from forms.bookings.services import make_token
from portal.punctuation import join_list


def manage_url(booking):
    with translation.override(booking.language):
        path = reverse("bookings:manage", args=[make_token(booking)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def ical(booking, cancelled=False):
    """A one-event calendar file; a cancellation carries the same UID with STATUS:CANCELLED.
    The icalendar library does RFC 5545's escaping and line folding."""
    import icalendar

    schedule = booking.slot.schedule
    with translation.override(booking.language):
        summary = str(schedule.display_title)
        location = str(_("Digital meeting")) if schedule.is_digital else join_list(
            [schedule.where, schedule.where_address])
        description = _("Rebook or cancel: %(url)s") % {"url": manage_url(booking)}
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Lotsa//Bookings//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"{booking.public_id}@lotsa")
    event.add("sequence", booking.rebooked_count + (1 if cancelled else 0))
    event.add("dtstamp", datetime.now(dt_timezone.utc))
    event.add("dtstart", booking.slot.starts_at.astimezone(dt_timezone.utc))
    event.add("dtend", booking.slot.ends_at.astimezone(dt_timezone.utc))
    event.add("summary", summary)
    event.add("location", location)
    event.add("description", description)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical().decode()


def send(booking, kind, message=""):
    """kind: 'confirmed', 'rebooked', 'cancelled' (by the person) or 'cancelled_by_us'."""
    if not booking.email:
        return False
    with translation.override(booking.language):
        context = {
            "booking": booking, "schedule": booking.slot.schedule, "kind": kind, "message": message,
            "starts": timezone.localtime(booking.slot.starts_at), "manage_url": manage_url(booking),
        }
        subject = {
            "confirmed": _("Your booking is confirmed"),
            "rebooked": _("Your booking has been moved"),
            "cancelled": _("Your booking is cancelled"),
            "cancelled_by_us": _("Your booking has been cancelled by us"),
        }[kind]
        body = render_to_string("bookings/email.txt", context)
    email = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [booking.email])
    email.attach("lotsa.ics", ical(booking, cancelled=kind.startswith("cancelled")), "text/calendar")
    email.send()
    return True
