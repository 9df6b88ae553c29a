"""Bookable times and bookings.

A `Schedule` is what coordinators publish: a place (or "digital"), a length, a capacity and a
weekly pattern (`WeeklyRule` rows) with exceptions (`ScheduleException` rows). `Slot` rows are
the concrete times generated from it (see `forms.bookings.slots`), stored as aware datetimes so
that summer time is handled by the time-zone database. A `Booking` takes one seat of a slot; a
partial unique constraint on (slot, seat) among active bookings makes the database itself refuse
a second person on the same seat, so the last place can never be sold twice.
"""
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

WEEKDAYS = [
    (0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
    (4, _("Friday")), (5, _("Saturday")), (6, _("Sunday")),
]


class Schedule(ClusterableModel):
    """A bookable kind of meeting at one place (or digital), repeating weekly."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting with a coordinator")
        SCHOOL = "school", _("Meeting at school with a coordinator")
        GROUP = "group", _("Group (drop-in)")
        PARENT_GROUP = "parent_group", _("Parent group")

    kind = models.CharField(_("kind of meeting"), max_length=20, choices=Kind.choices, default=Kind.MEETING,
                            help_text=_("Its name is shown in the visitor's language."))
    title = models.CharField(_("own title"), max_length=120, blank=True,
                             help_text=_("Optional; replaces the name of the kind in every language."))
    place = models.ForeignKey("home.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              help_text=_("Leave empty for a digital meeting."))
    place_name = models.CharField(_("other place"), max_length=120, blank=True,
                                  help_text=_("Only if the place is not in the list of places."))
    address = models.CharField(_("address"), max_length=200, blank=True)
    is_digital = models.BooleanField(_("digital meeting"), default=False)
    length_minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=45)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=1, help_text=_("1 for a meeting, more for a drop-in group."))
    valid_from = models.DateField(_("first day"), default=timezone.localdate)
    valid_until = models.DateField(_("last day"), null=True, blank=True)
    weeks_ahead = models.PositiveSmallIntegerField(_("bookable weeks ahead"), default=6)
    retention_days = models.PositiveSmallIntegerField(
        _("delete bookings after (days)"), default=90,
        help_text=_("Bookings (personal data) are deleted this many days after the meeting."))
    active = models.BooleanField(_("open for booking"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        MultiFieldPanel([FieldPanel("is_digital"), FieldPanel("place"), FieldPanel("place_name"), FieldPanel("address")],
                        heading=_("Where")),
        FieldRowPanel([FieldPanel("length_minutes"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until"), FieldPanel("weeks_ahead")]),
        InlinePanel("rules", label=_("Weekly times"), min_num=1),
        InlinePanel("exceptions", label=_("Exceptions (closed)")),
        FieldPanel("retention_days"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("bookable time")
        verbose_name_plural = _("bookable times")
        ordering = ["is_digital", "kind", "place_name"]

    def __str__(self):
        return f"{self.display_title} – {self.where}"

    @property
    def display_title(self):
        return self.title or self.get_kind_display()

    @property
    def where(self):
        if self.is_digital:
            return str(_("Digital"))
        if self.place_id:
            return self.place.localized.name
        return self.place_name

    @property
    def where_address(self):
        if self.is_digital:
            return ""
        if self.place_id:
            return self.place.address_line
        return self.address


class WeeklyRule(Orderable):
    """Every `weekday`, back-to-back slots of the schedule's length from `start` until `end`."""

    schedule = ParentalKey(Schedule, on_delete=models.CASCADE, related_name="rules")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("weekly time")
        constraints = [models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="bookings_rule_end_after_start")]


class ScheduleException(Orderable):
    """A day (or part of a day) when the pattern does not apply: a holiday, a training day."""

    schedule = ParentalKey(Schedule, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    start = models.TimeField(_("from"), null=True, blank=True, help_text=_("Empty: the whole day."))
    end = models.TimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("start"), FieldPanel("end")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("exception")

    def covers(self, local_start, local_end):
        if local_start.date() != self.date:
            return False
        if self.start is None or self.end is None:
            return True
        return local_start.time() < self.end and local_end.time() > self.start


class Slot(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveSmallIntegerField(_("capacity"))

    class Meta:
        verbose_name = _("time")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "starts_at"], name="bookings_slot_unique_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="bookings_slot_capacity_positive"),
        ]

    def __str__(self):
        return f"{self.schedule} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class ActiveBookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Booking(models.Model):
    """One person's place on a slot. Personal data: first name and phone or e-mail only."""

    class CancelledBy(models.TextChoices):
        PERSON = "person", _("the person who booked")
        COORDINATOR = "coordinator", _("a coordinator")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    seat = models.PositiveSmallIntegerField(_("place number"))
    first_name = models.CharField(_("first name"), max_length=60)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="sv")
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)
    rebooked_count = models.PositiveSmallIntegerField(default=0)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.CharField(max_length=20, choices=CancelledBy.choices, blank=True)

    objects = ActiveBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["slot__starts_at", "seat"]
        constraints = [
            # The heart of it: one active booking per seat. Seats run 1..capacity (see book()).
            models.UniqueConstraint(fields=["slot", "seat"], condition=Q(cancelled_at__isnull=True),
                                    name="bookings_one_person_per_seat"),
            models.CheckConstraint(condition=Q(seat__gte=1), name="bookings_seat_positive"),
            models.CheckConstraint(condition=~Q(phone="", email=""), name="bookings_phone_or_email"),
        ]

    def __str__(self):
        return f"{self.slot} #{self.seat}"

    @property
    def is_active(self):
        return self.cancelled_at is None


class AuditEntry(models.Model):
    """Who looked at, exported or cancelled bookings (no personal data in the entry itself)."""

    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=40)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("booking audit entry")
