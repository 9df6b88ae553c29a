"""Coordinators' views in the Wagtail admin: the day's or week's bookings per place, cancel
with a message, and CSV export. Every view and export is written to the audit log."""
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forms.bookings import notify, services
from forms.bookings.forms import CoordinatorCancelForm
from forms.bookings.models import Booking, Schedule
from forms.bookings.slots import ZONE
from portal.exports import csv_writer
from forms.params import positive_int


def _period(request):
    try:
        day = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = timezone.localdate()
    span = "week" if request.GET.get("span") == "week" else "day"
    first = day - timedelta(days=day.weekday()) if span == "week" else day
    last = first + timedelta(days=7 if span == "week" else 1)
    return day, span, first, last


def _bookings(request):
    day, span, first, last = _period(request)
    start = datetime.combine(first, datetime.min.time(), tzinfo=ZONE)
    end = datetime.combine(last, datetime.min.time(), tzinfo=ZONE)
    qs = (Booking.objects.active().select_related("slot__schedule")
          .filter(slot__starts_at__gte=start, slot__starts_at__lt=end).order_by("slot__starts_at", "seat"))
    schedule_id = request.GET.get("schedule", "")
    if positive_int(schedule_id) is not None:
        qs = qs.filter(slot__schedule_id=positive_int(schedule_id))
    return qs, {"day": day, "span": span, "first": first, "last": last - timedelta(days=1),
                "schedule_id": schedule_id}


@permission_required("bookings.view_booking", raise_exception=True)
def overview(request):
    bookings, period = _bookings(request)
    services.audit(request.user, "view", f"{period['span']} {period['first']}")
    step = timedelta(days=7 if period["span"] == "week" else 1)
    return render(request, "bookings/admin/overview.html", {
        **period, "bookings": bookings, "schedules": Schedule.objects.all(),
        "previous": period["day"] - step, "next": period["day"] + step,
        "query": request.GET.urlencode(),
    })


@permission_required("bookings.view_booking", raise_exception=True)
def export(request):
    bookings, period = _bookings(request)
    services.audit(request.user, "export", f"{period['span']} {period['first']}")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bookings-{period["first"]}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv_writer(response)  # names and e-mail addresses as typed: never a formula
    writer.writerow([_("Date"), _("Time"), _("What"), _("Place"), _("Place number"), _("First name"),
                     _("Phone"), _("E-mail"), _("Language")])
    for b in bookings:
        local = timezone.localtime(b.slot.starts_at)
        writer.writerow([local.date().isoformat(), local.strftime("%H:%M"), b.slot.schedule.display_title,
                         b.slot.schedule.where, b.seat, b.first_name, b.phone, b.email, b.language])
    return response


@permission_required("bookings.change_booking", raise_exception=True)
def cancel(request, pk):
    booking = get_object_or_404(Booking.objects.active().select_related("slot__schedule"), pk=pk)
    form = CoordinatorCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.cancel(booking, by=Booking.CancelledBy.COORDINATOR, user=request.user)
        sent = notify.send(booking, "cancelled_by_us", message=form.cleaned_data["message"])
        messages.success(request, _("The booking is cancelled.") + " " + (
            _("The person has been e-mailed.") if sent else _("No e-mail address: call the person.")))
        day = timezone.localtime(booking.slot.starts_at).date()
        return redirect(f"{reverse('bookings_overview')}?date={day}")
    return render(request, "bookings/admin/cancel.html", {"booking": booking, "form": form,
                                                          "starts": timezone.localtime(booking.slot.starts_at)})
