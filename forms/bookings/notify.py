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


def manage_url(booking):
    with translation.override(booking.language):
        path = reverse("bookings:manage", args=[make_token(booking)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _ics_escape(text):
    return str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """RFC 5545: lines longer than 75 octets are folded with CRLF + space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    out, chunk = [], b""
    for ch in line:
        enc = ch.encode()
        if len(chunk) + len(enc) > (75 if not out else 74):
            out.append(chunk.decode())
            chunk = b""
        chunk += enc
    out.append(chunk.decode())
    return "\r\n ".join(out)


def _utc(dt):
    return dt.astimezone(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def ical(booking, cancelled=False):
    """A one-event calendar file; a cancellation carries the same UID with STATUS:CANCELLED."""
    schedule = booking.slot.schedule
    with translation.override(booking.language):
        summary = schedule.display_title
        location = str(_("Digital meeting")) if schedule.is_digital else ", ".join(
            p for p in [schedule.where, schedule.where_address] if p)
        description = _("Rebook or cancel: %(url)s") % {"url": manage_url(booking)}
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lotsa//Bookings//SV",
        "METHOD:" + ("CANCEL" if cancelled else "PUBLISH"),
        "BEGIN:VEVENT",
        f"UID:{booking.public_id}@lotsa",
        f"SEQUENCE:{booking.rebooked_count + (1 if cancelled else 0)}",
        f"DTSTAMP:{_utc(datetime.now(dt_timezone.utc))}",
        f"DTSTART:{_utc(booking.slot.starts_at)}",
        f"DTEND:{_utc(booking.slot.ends_at)}",
        f"SUMMARY:{_ics_escape(summary)}",
        f"LOCATION:{_ics_escape(location)}",
        f"DESCRIPTION:{_ics_escape(description)}",
        "STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"),
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


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
