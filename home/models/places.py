"""Places where services are given (a library, a neighbourhood office, a family centre), shared
by many services, with opening and drop-in hours per weekday and exceptions such as holidays.
"Open now / next drop-in" is computed in home.opening_hours."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

__all__ = ["Area", "Place", "OpeningHours", "PlaceException", "WEEKDAYS"]

WEEKDAYS = [
    (0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
    (4, _("Friday")), (5, _("Saturday")), (6, _("Sunday")),
]


class Area(TranslatableMixin, models.Model):
    """A district of the city. Translatable like topics (an Arabic page says "المركز", not
    "Centrum"); the slug is the same in every language, so finder links keep their filter."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in finder links; the same in every language."))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Place(TranslatableMixin, index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in the place's web address."))
    street_address = models.CharField(_("street address"), max_length=150, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    area = models.ForeignKey(Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="places")
    directions = models.CharField(_("how to find it"), max_length=250, blank=True)
    accessibility = models.TextField(_("accessibility notes"), blank=True,
                                     help_text=_("Step-free entrance, hearing loop, accessible toilet…"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    panels = [
        FieldPanel("name"), FieldPanel("slug"),
        MultiFieldPanel([FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city"),
                         FieldPanel("area"), FieldPanel("directions")], heading=_("Address")),
        FieldPanel("accessibility"), FieldPanel("phone"),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Position")),
        InlinePanel("hours", label=_("Opening and drop-in hours")),
        InlinePanel("exceptions", label=_("Exceptions (holidays, closed days)")),
    ]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("postal_code"),
                                    SynchronizedField("phone")]
    search_fields = [index.SearchField("name"), index.SearchField("street_address"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address_line(self):
        return ", ".join(p for p in [self.street_address, " ".join(x for x in [self.postal_code, self.city] if x)] if p)


class OpeningHours(Orderable):
    class Kind(models.TextChoices):
        OPEN = "open", _("open")
        DROP_IN = "drop_in", _("drop-in")

    place = ParentalKey(Place, related_name="hours", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OPEN)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("kind"), FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})


class PlaceException(TranslatableMixin, Orderable):
    """A day that differs from the weekly pattern: closed, or other hours."""

    place = ParentalKey(Place, related_name="exceptions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=120, blank=True, help_text=_("For example: Midsummer Eve"))

    panels = [FieldPanel("date"), FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")

    def clean(self):
        if not self.closed and not (self.opens and self.closes):
            raise ValidationError(_("Give the opening and closing time, or mark the day as closed."))
