"""The coordinators' case log: one row per contact with Advice & Support (a phone call, a drop-in
visit, a referral from another official, a web-form submission…), holding statistical fields
only - no name, phone number or free text. A web-form submission gets its case when it arrives
(forms.cases.services.open_for_submission); when the submission is deleted after its retention
period the case stays, anonymised (forms.cases.retention).

Key figures the portal cannot count (the school's reports of concern) and the inputs of the
benefit-realisation calculation are entered by hand, per month and per period."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    OFFICIAL = "official", _("Referred by another city official")
    MAILBOX = "mailbox", _("Shared mailbox / web form")
    DROP_IN = "drop_in", _("Drop-in")
    SMS = "sms", _("SMS")
    OTHER = "other", _("Other (event, family member…)")
    UNKNOWN = "unknown", _("Not registered")


class AgeGroup(models.TextChoices):
    CHILD = "0-12", _("0–12 years")
    TEEN = "13-18", _("13–18 years")
    ADULT = "19-65", _("19–65 years")
    SENIOR = "66+", _("66 years or older")


class Outcome(models.TextChoices):
    ADVICE = "advice", _("Advice only")
    SERVICE = "service", _("Referred to a service without needs assessment")
    APPLICATION = "application", _("Led to an application for needs-assessed support")
    EXTERNAL = "external", _("Referred to the region or an external organisation")


class Administration(models.TextChoices):
    SOF = "sof", _("Social services administration (SOF)")
    AMF = "amf", _("Labour market administration (AMF)")
    VOF = "vof", _("Health and social care administration (VOF)")
    OTHER = "other", _("Other administration")


class Contacts(models.TextChoices):
    FEW = "1-2", _("1–2 contacts")
    SOME = "3-5", _("3–5 contacts")
    MANY = "6+", _("More than 5 contacts")


class TimeSpent(models.TextChoices):
    SHORT = "lt1h", _("Under 1 hour")
    MEDIUM = "le3h", _("1 to 3 hours")
    LONG = "gt3h", _("More than 3 hours")


class ProblemCategory(TranslatableMixin, models.Model):
    """The main problem a case is about: the coordinators' configurable list."""

    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True, help_text=_("Only categories in use are offered for new cases."))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")])]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name in the active language (the category's translation, if there is one)."""
        return self.localized.name


def _today():
    return timezone.localdate()


class Case(models.Model):
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.PHONE)
    drop_in_place = models.ForeignKey(
        "home.Place", verbose_name=_("drop-in place"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Only for drop-in."))
    opened_on = models.DateField(_("opened"), default=_today)
    closed_on = models.DateField(_("closed"), null=True, blank=True, help_text=_("Empty while the case is open."))
    returning = models.BooleanField(_("returning resident"), default=False)
    age_group = models.CharField(
        _("age group"), max_length=5, choices=AgeGroup.choices, blank=True,
        help_text=_("Of the person the case is about: the child's, when a parent asks about their child."))
    category = models.ForeignKey(
        ProblemCategory, verbose_name=_("main problem"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="cases")
    from_school = models.BooleanField(_("came from a school"), default=False)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    referred_service = models.ForeignKey(
        "home.ServicePage", verbose_name=_("referred to service"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+")
    administration = models.CharField(
        _("administration"), max_length=5, choices=Administration.choices, blank=True,
        help_text=_("Where the application was made, or which administration runs the service."))
    contacts = models.CharField(_("number of contacts"), max_length=4, choices=Contacts.choices, blank=True)
    time_spent = models.CharField(_("time spent"), max_length=4, choices=TimeSpent.choices, blank=True)
    follow_up_offered = models.BooleanField(_("follow-up contact offered"), default=False)
    submission = models.OneToOneField(
        "forms.Submission", verbose_name=_("web-form submission"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="case")
    anonymised = models.BooleanField(_("anonymised"), default=False, editable=False,
                                     help_text=_("The submission was deleted; dates are kept to the month."))
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("drop_in_place")]),
        FieldRowPanel([FieldPanel("opened_on"), FieldPanel("closed_on")]),
        FieldRowPanel([FieldPanel("age_group"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("returning"), FieldPanel("from_school"), FieldPanel("follow_up_offered")]),
        MultiFieldPanel([
            FieldPanel("outcome"),
            FieldRowPanel([FieldPanel("referred_service"), FieldPanel("administration")]),
        ], heading=_("Outcome")),
        FieldRowPanel([FieldPanel("contacts"), FieldPanel("time_spent")]),
    ]

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-pk"]
        indexes = [models.Index(fields=["closed_on"]), models.Index(fields=["opened_on"])]
        permissions = [("view_statistics", "Can view case statistics"),
                       ("make_report", "Can make a knowledge-bank report from the statistics")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.opened_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("The closed date cannot be before the opened date.")})
        if self.channel != Channel.DROP_IN:
            self.drop_in_place = None
        if self.outcome not in (Outcome.SERVICE, Outcome.APPLICATION):
            self.administration = ""
        if self.outcome != Outcome.SERVICE:
            self.referred_service = None


def first_of_month(day):
    return day.replace(day=1) if day else day


class SchoolConcernMonth(models.Model):
    """The school's reports of concern in one month, by what they led to (from the social
    services' own register: the portal cannot count them)."""

    month = models.DateField(_("month"), unique=True, help_text=_("Any day of the month; the first is stored."))
    not_investigated = models.PositiveIntegerField(_("did not lead to an investigation"), default=0)
    investigated = models.PositiveIntegerField(_("led to an investigation"), default=0)
    linked = models.PositiveIntegerField(_("linked to an ongoing investigation"), default=0)

    panels = [FieldPanel("month"),
              FieldRowPanel([FieldPanel("not_investigated"), FieldPanel("investigated"), FieldPanel("linked")])]

    class Meta:
        verbose_name = _("school reports of concern (month)")
        verbose_name_plural = _("school reports of concern")
        ordering = ["month"]

    def __str__(self):
        return f"{self.month:%Y-%m}"

    def save(self, *args, **kwargs):
        self.month = first_of_month(self.month)
        super().save(*args, **kwargs)

    @property
    def total(self):
        return self.not_investigated + self.investigated + self.linked


class BenefitInputs(models.Model):
    """The inputs of the benefit-realisation calculation for one period (forms.cases.benefit)."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    service_cost = models.DecimalField(_("cost of the service in the period (SEK)"), max_digits=12, decimal_places=0,
                                       help_text=_("Staff, manager and equipment."))
    investigation_cost = models.DecimalField(_("average cost of a child investigation (SEK)"), max_digits=12,
                                             decimal_places=0, default=20000)
    investigation_share = models.DecimalField(
        _("share of school cases assumed to have led to an investigation"), max_digits=4, decimal_places=3,
        default=0.5, help_text=_("Between 0 and 1; 0.5 is half."))
    round_to = models.PositiveIntegerField(_("round the cost per case down to"), default=100,
                                           help_text=_("100: whole hundreds. 1: whole kronor."))

    panels = [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
              FieldPanel("service_cost"),
              FieldRowPanel([FieldPanel("investigation_cost"), FieldPanel("investigation_share")]),
              FieldPanel("round_to")]

    class Meta:
        verbose_name = _("benefit-realisation inputs")
        verbose_name_plural = _("benefit-realisation inputs")
        ordering = ["-period_start"]
        constraints = [models.UniqueConstraint(fields=["period_start", "period_end"], name="cases_one_input_per_period")]

    def __str__(self):
        # the admin's title and breadcrumb: left to right also in Arabic (not "2023-06-30 – 2023-01-01")
        from portal.bidi import ltr_marks

        return ltr_marks(f"{self.period_start:%Y-%m-%d} – {self.period_end:%Y-%m-%d}")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end of the period cannot be before its start.")})
        if self.investigation_share is not None and not 0 <= self.investigation_share <= 1:
            raise ValidationError({"investigation_share": _("Give a share between 0 and 1.")})
        if self.round_to == 0:
            raise ValidationError({"round_to": _("Give 1 or more.")})
