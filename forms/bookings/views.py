"""Public booking pages: choose what to book, pick a time and confirm; rebook or cancel through
the personal link. No login; the signed link is the only key to a booking."""
from itertools import groupby

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forms import ratelimit
from forms.params import positive_int
from forms.bookings import notify, services
from forms.bookings.forms import BookingForm, RebookForm
from forms.bookings.models import Schedule
from home import language_links

UNSENT = "lotsa_booking_unsent_{}"


def _days(slots, chosen=None):
    """[(day label, [(slot, label, checked)])] for the radio groups."""
    out = []
    for day, items in groupby(slots, key=lambda s: timezone.localtime(s.starts_at).date()):
        out.append((date_format(day, "l j F"), [
            (s, timezone.localtime(s.starts_at).strftime("%H:%M"), str(s.pk) == str(chosen)) for s in items]))
    return out


def start(request):
    """Every bookable schedule, or (?service=<page id>) those at a service's places."""
    from home.models import ServicePage

    from forms.bookings.offers import offers

    service = None
    asked = "service" in request.GET
    service_id = positive_int(request.GET.get("service"))
    if service_id is not None:
        service = ServicePage.objects.live().public().filter(pk=service_id).first()
    return render(request, "bookings/start.html", {"rows": offers(service), "service": service,
                                                   "unknown_service": asked and service is None})


def book(request, pk):
    schedule = get_object_or_404(Schedule, pk=pk, active=True)
    slots = services.bookable_slots(schedule)
    switch_to = request.POST.get(language_links.SWITCH_FIELD, "") if request.method == "POST" else ""
    if language_links.is_language(switch_to):
        # The language switcher (language-switch.js): what was typed, in the session until the
        # same page opens in the other language (shown there once, never stored as a booking).
        request.session[UNSENT.format(schedule.pk)] = {
            name: request.POST.get(name, "")[:254] for name in ("slot", "first_name", "phone", "email")}
        return redirect(language_links.url_for_language(request, None, switch_to))
    unsent = request.session.pop(UNSENT.format(schedule.pk), None) if request.method == "GET" else None
    form = BookingForm(request.POST or None, slots=slots, initial=unsent)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Each booking mails a calendar file to the address typed in: a few an hour per client
        # and a few a day per address (LOTSA_RATE_LIMITS["booking"]).
        usage = ratelimit.consume(request, "booking", key=data["email"])
        if usage is None:
            form.add_error(None, _("Many bookings have been made from your connection or for this e-mail address "
                                   "in a short time. Please try again later, or call us to book."))
            return render(request, "bookings/book.html", {
                "schedule": schedule, "form": form, "days": _days(slots, form.data.get("slot")),
            }, status=429)
        try:
            booking = services.book(data["slot"].pk, first_name=data["first_name"], phone=data["phone"],
                                    email=data["email"], language=translation.get_language())
        except services.SlotTaken:
            usage.rollback()
            form.add_error("slot", _("This time was just booked – pick another."))
            form.slots = slots = services.bookable_slots(schedule)
        else:
            notify.send(booking, "confirmed")
            messages.success(request, _("Your booking is confirmed."))
            return redirect("bookings:manage", services.make_token(booking))
    return render(request, "bookings/book.html", {
        "schedule": schedule, "form": form, "days": _days(slots, form.data.get("slot") or (unsent or {}).get("slot")),
    }, status=200)


def _invalid(request, reason):
    return render(request, "bookings/link_invalid.html", {"reason": reason}, status=404)


def manage(request, token):
    try:
        booking = services.booking_for_token(token)
    except services.LinkInvalid as exc:
        return _invalid(request, str(exc))
    slots = [s for s in services.bookable_slots(booking.slot.schedule) if s.pk != booking.slot_id]
    form = RebookForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        old_start = booking.slot.starts_at
        try:
            services.rebook(booking, form.cleaned_data["slot"].pk)
        except services.SlotTaken:
            form.add_error("slot", _("This time was just booked – pick another."))
            slots = [s for s in services.bookable_slots(booking.slot.schedule) if s.pk != booking.slot_id]
        else:
            notify.send(booking, "rebooked")
            messages.success(request, _("Your booking has been moved from %(old)s.") % {
                "old": date_format(timezone.localtime(old_start), "j F H:i")})
            return redirect("bookings:manage", token)
    return render(request, "bookings/manage.html", {
        "booking": booking, "schedule": booking.slot.schedule, "token": token, "form": form,
        "starts": timezone.localtime(booking.slot.starts_at), "days": _days(slots, form.data.get("slot")),
        "manage_url": request.build_absolute_uri(),
    })


@require_POST
def cancel(request, token):
    try:
        booking = services.booking_for_token(token)
    except services.LinkInvalid as exc:
        return _invalid(request, str(exc))
    services.cancel(booking)
    notify.send(booking, "cancelled")
    return render(request, "bookings/cancelled.html", {
        "schedule": booking.slot.schedule, "starts": timezone.localtime(booking.slot.starts_at)})
