"""Fund programmes (pages with rounds and rules) and applications with their transition log.

An approved application is a project: `granted` holds the money per year and `report_due` the
date its final report is due, computed from the fund's rule (used by the final-reports feature).
"""
import calendar
import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from funding import workflow
from funding.budget import Budget, grant_total, parse_amount
from portal import private_files

RICH = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

# Sections an application may have besides the ones every application has
# (applicant, project, budget, review).
OPTIONAL_SECTIONS = [
    ("effects", _("Effects")),
    ("method", _("Method, phases and follow-up")),
    ("equality", _("Gender equality and cohesive support")),
    ("attachments", _("Attachments")),
]


class FundIndexPage(Page):
    """'Sök medel': lists the fund programmes and links to 'My applications'."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), features=RICH, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["funding.FundProgrammePage"]
    template = "funding/fund_index_page.html"

    class Meta:
        verbose_name = _("fund index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["funds"] = FundProgrammePage.objects.live().child_of(self).specific()
        return context


def topic_choices():
    """The knowledge bank's topics (a callable: reports is loaded after funding)."""
    from reports.models import Topic

    return Topic.choices


class FundProgrammeForm(WagtailAdminPageForm):
    topics = forms.MultipleChoiceField(
        label=_("topics"), choices=topic_choices, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("The knowledge-bank page drafted from a project's final report gets these topics, and the "
                    "ones the application chose."))
    sections = forms.MultipleChoiceField(
        label=_("sections of the application"), choices=OPTIONAL_SECTIONS, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Applicant, project, budget and review are always included."))


class FundProgrammePage(Page):
    class DueRule(models.TextChoices):
        FIXED = "fixed", _("on a fixed date after the project ends")
        MONTHS = "months", _("a number of months after the project ends")

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("description"), features=RICH, blank=True)
    who_may_apply = RichTextField(_("who may apply"), features=RICH, blank=True)
    max_amount = models.PositiveIntegerField(_("maximum amount (kr)"), null=True, blank=True,
                                             help_text=_("Leave empty for no maximum."))
    max_per_year = models.BooleanField(_("the maximum applies to each year"), default=False)
    budget_per_year = models.BooleanField(_("budget per year"), default=True)
    max_years = models.PositiveSmallIntegerField(_("longest project (years)"), default=1)
    open_all_year = models.BooleanField(_("open all year"), default=False)
    report_due_rule = models.CharField(_("final report due"), max_length=10, choices=DueRule.choices,
                                       default=DueRule.MONTHS)
    report_due_month = models.PositiveSmallIntegerField(_("month of the fixed date"), default=2)
    report_due_day = models.PositiveSmallIntegerField(_("day of the fixed date"), default=28)
    report_due_months = models.PositiveSmallIntegerField(_("months after the project ends"), default=3)
    report_deviation_threshold = models.PositiveSmallIntegerField(
        _("explain deviations above (%)"), default=10,
        help_text=_("In the final report's economic report, a line whose outcome deviates from the granted "
                    "budget by more than this percentage must be explained."))
    sections = models.JSONField(_("sections of the application"), default=list, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    allow_copy = models.BooleanField(
        _("applicants may copy an earlier application"), default=True,
        help_text=_("Offer \"Copy as a new application\" on the project lead's earlier applications of this fund."))
    archive_years = models.PositiveSmallIntegerField(
        _("keep refused applications (years)"), default=10,
        help_text=_("Refused applications, with their attachments, are deleted this many years after the "
                    "decision, as the archive rules for the fund say. Approved applications are never deleted "
                    "automatically."))
    # Issue 13 item 2 (funding/signatures): how the department head signs before the fund gets it.
    SIGNATURE_CHOICES = [
        ("link", _("The head of department signs through a link sent by e-mail")),
        ("upload", _("The project lead uploads the application signed by the head of department (PDF)")),
        ("none", _("No signature: the application reaches the fund when the lead submits it")),
    ]
    signature = models.CharField(_("signature of the head of department"), max_length=10,
                                 choices=SIGNATURE_CHOICES, default="link")
    # Interim reports (funding/interim/): how often an approved project reports during its period.
    interim_schedule = models.CharField(
        _("interim reports"), max_length=10, default="none", choices=[
            ("none", _("none")),
            ("tertial", _("per tertial (due 15 May, 15 September and 15 January)")),
            ("half_year", _("per half year (due 15 August and 15 February)"))],
        help_text=_("Approved projects report their progress per goal and their spending so far for each period "
                    "that ends after the decision and before the project ends (the final report covers the "
                    "last one)."))
    # The committee's decision (funding/committee): the delegation to fund managers.
    decide_alone_max = models.PositiveIntegerField(
        _("a fund manager decides alone up to (kr)"), null=True, blank=True,
        help_text=_("Applications asking for more than this (or granted more) are decided by the committee at a "
                    "decision meeting. Leave empty when fund managers decide every application of this fund."))

    base_form_class = FundProgrammeForm
    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("body"), FieldPanel("who_may_apply"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("max_amount"), FieldPanel("max_per_year")]),
            FieldRowPanel([FieldPanel("budget_per_year"), FieldPanel("max_years")]),
            FieldPanel("sections"),
            FieldPanel("topics"),
        ], heading=_("Rules")),
        MultiFieldPanel([FieldPanel("open_all_year"), InlinePanel("rounds", label=_("rounds")),
                         FieldPanel("allow_copy")],
                        heading=_("Rounds")),
        MultiFieldPanel([
            FieldPanel("report_due_rule"),
            FieldRowPanel([FieldPanel("report_due_month"), FieldPanel("report_due_day")]),
            FieldPanel("report_due_months"),
            FieldPanel("report_deviation_threshold"),
        ], heading=_("Final report")),
        MultiFieldPanel([FieldPanel("archive_years")], heading=_("Archive and deletion")),
        MultiFieldPanel([FieldPanel("signature")], heading=_("Signature")),
        # funding/assessment: the criteria each reviewer scores 1-5
        MultiFieldPanel([InlinePanel("assessment_criteria", label=_("assessment criteria"))],
                        heading=_("Assessment")),
        MultiFieldPanel([FieldPanel("interim_schedule")], heading=_("Interim reports")),
        MultiFieldPanel([FieldPanel("decide_alone_max")], heading=_("Decision")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["funding.FundIndexPage"]
    subpage_types = []
    template = "funding/fund_programme_page.html"

    class Meta:
        verbose_name = _("fund programme")

    @property
    def source(self):
        """The page in the default language (applications always point there)."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def has_section(self, name):
        return name in (self.sections or [])

    def open_round(self, today=None):
        today = today or timezone.localdate()
        return self.rounds.filter(opens__lte=today, closes__gte=today).order_by("closes").first()

    def next_round(self, today=None):
        today = today or timezone.localdate()
        return self.rounds.filter(opens__gt=today).order_by("opens").first()

    def is_open(self, today=None):
        return self.open_all_year or self.open_round(today) is not None

    def report_due_date(self, project_end):
        """When the final report of a project ending `project_end` is due."""
        if project_end is None:
            return None
        if self.report_due_rule == self.DueRule.FIXED:
            year = project_end.year
            month = min(max(self.report_due_month, 1), 12)
            day = min(max(self.report_due_day, 1), calendar.monthrange(year, month)[1])
            due = datetime.date(year, month, day)
            if due <= project_end:
                year += 1
                due = datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))
            return due
        months = project_end.month - 1 + self.report_due_months
        year, month = project_end.year + months // 12, months % 12 + 1
        return datetime.date(year, month, min(project_end.day, calendar.monthrange(year, month)[1]))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_round"] = self.open_round()
        context["next_round"] = self.next_round()
        context["is_open"] = self.is_open()
        if request.user.is_authenticated:
            # "N days left" for the visitor's own drafts in this fund (nobody else's).
            context["my_drafts"] = list(self.source.applications.filter(
                user=request.user, status=workflow.DRAFT).select_related("fund", "round"))
        return context


class FundRound(TranslatableMixin, Orderable):
    page = ParentalKey(FundProgrammePage, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("name"), max_length=100)
    opens = models.DateField(_("opens"))
    closes = models.DateField(_("closes"))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("round")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.name} ({self.opens:%Y-%m-%d} – {self.closes:%Y-%m-%d})"

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return self.opens <= today <= self.closes


class ApplicationQuerySet(models.QuerySet):
    def for_reviewers(self):
        """The applications staff may see (every admin view reads through this): submitted ones.
        A draft is the applicant's own business until they submit it, and so is one waiting for
        the department head's signature (funding/signatures)."""
        return self.exclude(status__in=[workflow.DRAFT, workflow.SIGNATURE])


class Application(models.Model):
    objects = ApplicationQuerySet.as_manager()

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("applicant"), on_delete=models.CASCADE,
                             related_name="funding_applications")
    fund = models.ForeignKey(FundProgrammePage, verbose_name=_("fund"), on_delete=models.PROTECT,
                             related_name="applications")
    round = models.ForeignKey(FundRound, verbose_name=_("round"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="applications")
    language = models.CharField(_("language"), max_length=10, default="sv")
    status = models.CharField(_("status"), max_length=20, choices=workflow.STATES, default=workflow.DRAFT,
                              db_index=True)
    title = models.CharField(_("project title"), max_length=200, blank=True)
    organisation = models.CharField(_("administration or organisation"), max_length=200, blank=True)
    data = models.JSONField(_("answers"), default=dict, blank=True,
                            help_text="The wizard's step data, saved at every step.")
    budget = models.JSONField(_("budget"), default=dict, blank=True)
    requested_total = models.PositiveBigIntegerField(_("requested (kr)"), default=0)
    cost_total = models.PositiveBigIntegerField(_("costs (kr)"), default=0)
    granted = models.JSONField(_("granted per year"), default=dict, blank=True)
    granted_total = models.PositiveBigIntegerField(_("granted (kr)"), default=0)
    project_start = models.DateField(_("project starts"), null=True, blank=True)
    project_end = models.DateField(_("project ends"), null=True, blank=True)
    report_due = models.DateField(_("final report due"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Deadlines and locks (funding/deadlines.py): a fund manager may give one draft a later last
    # day than its round's, or open a project's final report before the project ends; `version`
    # grows at every save, so a decision typed on a stale page is refused instead of overwriting.
    deadline_extended_to = models.DateField(_("may be submitted until"), null=True, blank=True)
    final_report_opened_early = models.BooleanField(_("final report opened before the project ends"),
                                                    default=False)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at"]
        permissions = [("review_application", "Can review and decide on funding applications")]

    def __str__(self):
        return f"#{self.pk} {self.title or _('(untitled)')}"

    @property
    def reference(self):
        return f"{self.created_at:%Y}-{self.pk:05d}" if self.pk and self.created_at else ""

    @property
    def is_editable(self):
        return self.status in workflow.EDITABLE

    @property
    def status_label(self):
        return workflow.STATE_LABELS.get(self.status, self.status)

    def get_absolute_url(self):
        return reverse("funding:application_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    # --- deadlines (the rules live in funding/deadlines.py) ------------------------------------
    @property
    def last_day(self):
        from funding import deadlines

        return deadlines.last_day(self)

    @property
    def days_left(self):
        from funding import deadlines

        return deadlines.days_left(self)

    @property
    def may_submit_now(self):
        from funding import deadlines

        return deadlines.may_submit(self)

    @property
    def final_report_opens(self):
        from funding import deadlines

        return deadlines.final_report_opens(self)

    @property
    def final_report_open(self):
        from funding import deadlines

        return deadlines.final_report_open(self)

    def answers(self, step):
        """The saved answers of one wizard step as {field: value} (first value of each)."""
        raw = (self.data.get("wizard") or {}).get("step_data", {}).get(step) or {}
        prefix = f"{step}-"
        return {k[len(prefix):]: (v[0] if isinstance(v, list) and len(v) == 1 else v)
                for k, v in raw.items() if k.startswith(prefix)}

    def budget_obj(self):
        return Budget.from_dict(self.budget)

    def requested_per_year(self):
        budget = self.budget_obj()
        return dict(zip(budget.years, budget.requested_per_year()))

    def set_granted(self, granted):
        self.granted = {str(k): parse_amount(v) for k, v in (granted or {}).items()}
        self.granted_total = grant_total(self.granted)

    def applicant_comments(self):
        return self.transitions.exclude(comment="").order_by("at")


class Transition(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=workflow.STATES)
    to_status = models.CharField(_("to"), max_length=20, choices=workflow.STATES)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)
    comment = models.TextField(_("comment to the applicant"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        ordering = ["at", "pk"]

    @property
    def to_label(self):
        return workflow.STATE_LABELS.get(self.to_status, self.to_status)

    @property
    def from_label(self):
        return workflow.STATE_LABELS.get(self.from_status, self.from_status)


def attachment_path(instance, filename):
    """A random name in the private storage; the original name is kept in `Attachment.name`."""
    return private_files.random_name("applications", filename)


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_files.private_storage, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


@receiver(post_delete, sender=Attachment)
def delete_attachment_file(sender, instance, **kwargs):
    """Also for cascades (an application or its user deleted) and bulk deletes."""
    private_files.delete_on_commit(instance.file.storage, instance.file.name)


class AttachmentDownload(models.Model):
    """Who downloaded which attachment (of an application or a final report) and when. Holds the
    application's reference and the attachment's id, never the file name or content; kept after
    the application is deleted."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("application")
        FINAL_REPORT = "final_report", _("final report")
        MESSAGE = "message", _("message")  # a message in the application's thread

    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("attachment of"), max_length=20, choices=Kind.choices)
    reference = models.CharField(_("application"), max_length=20)
    attachment_id = models.PositiveIntegerField(_("attachment number"))
    as_owner = models.BooleanField(_("by the applicant"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("attachment download")
        verbose_name_plural = _("attachment downloads")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.reference} #{self.attachment_id}"


class ApplicantProfile(models.Model):
    """The project lead's organisation, kept once on the account: it prefills the applicant step of
    every new application (changed per application there without touching the profile)."""

    GIRO_TYPES = [("bankgiro", _("Bankgiro")), ("plusgiro", _("Plusgiro"))]

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="applicant_profile")
    organisation = models.CharField(_("administration or organisation"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    kst = models.CharField(_("cost centre (KST)"), max_length=10, blank=True)
    giro_type = models.CharField(_("payment account"), max_length=10, choices=GIRO_TYPES, default="bankgiro")
    giro_number = models.CharField(_("bankgiro or plusgiro number"), max_length=20, blank=True)
    head_name = models.CharField(_("responsible head of department"), max_length=200, blank=True)
    head_title = models.CharField(_("title of the head of department"), max_length=200, blank=True)
    head_email = models.EmailField(_("e-mail of the head of department"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact person's e-mail"), blank=True)
    contact_phone = models.CharField(_("contact person's phone"), max_length=30, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The applicant step's fields that the profile fills in (same names in both).
    FIELDS = ["organisation", "unit", "kst", "giro_type", "giro_number", "head_name", "head_title", "head_email",
              "contact_name", "contact_email", "contact_phone"]

    class Meta:
        verbose_name = _("applicant profile")

    def __str__(self):
        return self.organisation or str(self.user)

    def initial(self):
        """The applicant step's initial values (empty ones left out, so the form's own stay)."""
        return {name: getattr(self, name) for name in self.FIELDS if getattr(self, name)}


class DeadlineReminder(models.Model):
    """One row per draft reminded before its round closes: the daily job never sends one twice."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    closes = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "closes"], name="one_deadline_reminder")]
