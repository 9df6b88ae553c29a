"""The forms app's data: form pages built by communicators (Wagtail's form builder with steps),
their translatable fields, and what residents and schools send (submissions, coordinators'
notes, the audit log of who looked at what)."""
import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES

STEP = "step"
FIELD_TYPES = (
    ((STEP, _("Start of a new step (the label is the step's heading)")),)
    + tuple(FORM_FIELD_CHOICES)
    + (
        ("phone", _("Phone number (Swedish)")),
        ("futuredate", _("Date today or later")),
        ("consent", _("Consent (must be ticked)")),
    )
)


# What an answer is, for the input's `autocomplete` attribute (WCAG 1.3.5: browsers and assistive
# technology fill in and label fields of a known purpose). E-mail and phone fields get theirs by
# their type (forms.fields.default_autocomplete).
AUTOCOMPLETE_CHOICES = [
    ("", _("No known purpose")),
    ("name", _("Full name")),
    ("given-name", _("First name")),
    ("family-name", _("Last name")),
    ("organization", _("Organisation, school or company")),
    ("organization-title", _("Job title or role")),
    ("email", _("E-mail address")),
    ("work email", _("E-mail address at work")),
    ("tel", _("Phone number")),
    ("street-address", _("Street address")),
    ("postal-code", _("Postal code")),
    ("address-level2", _("City")),
    ("bday", _("Date of birth")),
    ("url", _("Web address")),
    ("off", _("Never fill in (e.g. a one-time code)")),
]


class FormField(TranslatableMixin, AbstractFormField):
    """One field of a form page. Translatable: labels, help texts and choices are translated with
    wagtail-localize, while `clean_name` (the key answers are stored under), the type and
    'required' stay the same in every language."""

    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=FIELD_TYPES)
    autocomplete = models.CharField(
        _("what the answer is (autocomplete)"), max_length=40, blank=True, choices=AUTOCOMPLETE_CHOICES,
        help_text=_("Lets browsers fill in the answer. E-mail and phone fields have it without choosing."),
    )
    required_message = models.CharField(
        _("message when left empty"), max_length=255, blank=True,
        help_text=_("Say what to do, for example \"Skriv ditt förnamn\". Left empty, it is made from the label: "
                    "\"Skriv …\", \"Välj …\" or \"Kryssa i rutan …\"."),
    )

    panels = AbstractFormField.panels + [FieldPanel("autocomplete"), FieldPanel("required_message")]

    override_translatable_fields = [
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("default_value"),
        SynchronizedField("autocomplete"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    @property
    def is_step(self):
        return self.field_type == STEP


class FormPage(RoutablePageMixin, AbstractForm):
    """A multi-step form built in the admin. The public side (one step at a time, check your
    answers, confirmation) is in forms.flow and forms.views; answers become Submissions."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    privacy_notice = RichTextField(
        _("privacy notice"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("Shown on the first step and on the check-your-answers page."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page about personal data"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Linked under the privacy notice, in the visitor's language."),
    )
    thank_you_text = RichTextField(_("text on the confirmation page"), features=RICH_TEXT_FEATURES, blank=True)
    reference_prefix = models.CharField(
        _("reference prefix"), max_length=6, default="LOT",
        help_text=_("Letters before the reference number, e.g. KON for contact requests."),
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days after closing)"), default=90,
        help_text=_("Closed submissions are deleted this many days after they were closed."),
    )
    confirm_email_field = models.CharField(
        _("confirm by e-mail (field name)"), max_length=255, blank=True,
        help_text=_("Name of an e-mail field. If set, the sender must confirm the request through a link sent "
                    "to that address before coordinators see it."),
    )
    receipt_email_field = models.CharField(
        _("receipt to (field name)"), max_length=255, blank=True,
        help_text=_("Name of an e-mail field. A receipt with the reference number is sent there when filled in."),
    )
    category_field = models.CharField(
        _("category (field name)"), max_length=255, blank=True,
        help_text=_("Name of the field whose answer is the category in the coordinators' inbox."),
    )
    one_of_fields = models.CharField(
        _("at least one of (field names)"), max_length=255, blank=True,
        help_text=_("Comma-separated field names of which at least one must be filled in, "
                    "e.g. a phone number or an e-mail address."),
    )
    notify_mailbox = models.BooleanField(
        _("notify the shared mailbox"), default=True,
        help_text=_("The notice holds a link and the reference number only, never the answers."),
    )

    offer_booking = models.BooleanField(
        _("offer bookable times"), default=False,
        help_text=_("Show the first free meeting times on the first step and the confirmation page, "
                    "for those who would rather book a meeting."),
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        FieldPanel("offer_booking"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("privacy_notice"),
        FieldPanel("privacy_page"),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = AbstractForm.settings_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("reference_prefix"), FieldPanel("retention_days")]),
            FieldPanel("notify_mailbox"),
            FieldPanel("confirm_email_field"),
            FieldPanel("receipt_email_field"),
            FieldPanel("category_field"),
            FieldPanel("one_of_fields"),
        ], heading=_("Submissions")),
    ]
    override_translatable_fields = [
        SynchronizedField("reference_prefix"),
        SynchronizedField("confirm_email_field"),
        SynchronizedField("receipt_email_field"),
        SynchronizedField("category_field"),
        SynchronizedField("one_of_fields"),
    ]
    # The introduction says what the form is for: site search finds the form by it.
    search_fields = AbstractForm.search_fields + [index.SearchField("intro")]
    template = "forms/form_page.html"
    landing_page_template = "forms/form_page.html"

    class Meta:
        verbose_name = _("form page")

    def get_form_fields(self):
        return self.form_fields.all()

    def serve(self, request, *args, **kwargs):  # the routes in forms.views do the work
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    @property
    def source_page(self):
        """The page in the default language: submissions from every translation point at it."""
        from wagtail.models import Locale

        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    # Routes (kept thin; see forms.views)
    @path("")
    def step_first(self, request):
        from forms import views
        return views.step(request, self, 1)

    @path("step/<int:number>/")
    def step_view(self, request, number):
        from forms import views
        return views.step(request, self, number)

    @path("check/")
    def check_view(self, request):
        from forms import views
        return views.check(request, self)

    @path("sent/")
    def sent_view(self, request):
        from forms import views
        return views.sent(request, self)

    @path("confirm/")
    def confirm_view(self, request):
        from forms import views
        return views.confirm(request, self, request.POST.get("t") or request.GET.get("t", ""))


REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference(prefix):
    while True:
        ref = f"{prefix}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Submission.objects.filter(reference=ref).exists():
            return ref


class SubmissionQuerySet(models.QuerySet):
    def visible_to_staff(self):
        """The one rule for what staff may see in the admin: a school request whose sender has
        not clicked the e-mail confirmation link yet (`confirmed_at` empty) is nobody's to read.
        Every inbox view (list, export, inspect, edit, history, usage, delete) goes through it."""
        return self.filter(confirmed_at__isnull=False)


class Submission(ClusterableModel):
    """What someone sent through a form page. No IP address or user agent is stored. Answers are
    stored under the form fields' clean names; choice answers in the form's default language so
    that submissions in every language combine."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        CLOSED = "closed", _("closed")

    UNCONFIRMED_DAYS = 7  # an unconfirmed school request is deleted after this many days

    reference = models.CharField(_("reference number"), max_length=20, unique=True, editable=False)
    form_page = models.ForeignKey(
        "forms.FormPage", verbose_name=_("form"), on_delete=models.PROTECT, related_name="submissions",
    )
    language = models.CharField(_("language"), max_length=10, editable=False)
    data = models.JSONField(_("answers"), default=dict, editable=False)
    category = models.CharField(_("category"), max_length=255, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned to"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_submissions",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("deleted after"), null=True, blank=True, editable=False, db_index=True)
    notified_at = models.DateTimeField(_("mailbox notified"), null=True, blank=True, editable=False)
    receipt_sent_at = models.DateTimeField(_("receipt sent"), null=True, blank=True, editable=False)
    confirm_link_sent_at = models.DateTimeField(_("confirmation link sent"), null=True, blank=True, editable=False)

    objects = SubmissionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("status"), FieldPanel("assigned_to")]),
        InlinePanel("notes", label=_("Internal notes"), heading=_("Internal notes")),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return self.reference

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def save(self, *args, **kwargs):
        """Keep closing time and deletion date in step with the status."""
        now = timezone.now()
        if self.status == self.Status.CLOSED:
            if self.closed_at is None:
                self.closed_at = now
            self.expires_at = self.closed_at + datetime.timedelta(days=self.form_page.retention_days)
        else:
            self.closed_at = None
            if self.confirmed_at is None:
                self.expires_at = self.created_at + datetime.timedelta(days=self.UNCONFIRMED_DAYS)
            else:
                self.expires_at = None
        super().save(*args, **kwargs)


class SubmissionNote(models.Model):
    """An internal note by a coordinator (never shown to the sender)."""

    submission = ParentalKey(Submission, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now, editable=False)

    panels = [FieldPanel("text")]

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return self.text[:60]


class AuditEvent(models.Model):
    """Who viewed, changed or exported which submissions and when. Kept after the submission is
    deleted (it holds the reference number only, never answers)."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        EDIT = "edit", _("changed")
        EXPORT = "export", _("exported")
        DELETE = "delete", _("deleted")
        PURGE = "purge", _("deleted after the retention period")

    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    references = models.TextField(_("submissions"), blank=True)
    count = models.PositiveIntegerField(_("number of submissions"), default=1)
    detail = models.CharField(_("detail"), max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.count}"

    @classmethod
    def record(cls, user, action, submissions, detail=""):
        refs = [s.reference if hasattr(s, "reference") else str(s) for s in submissions]
        return cls.objects.create(
            user=user if user is not None and user.is_authenticated else None, action=action,
            references=" ".join(refs), count=len(refs), detail=detail[:255],
        )
