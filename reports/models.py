"""The knowledge bank (kunskapsbank): an index page with search and facets, and one page per
report. Reports are ordinary Wagtail pages, so they are translated with wagtail-localize, go
through the moderation workflow and appear in the sitemap."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal import private_files
from reports.blocks import ReportBodyBlock


class ReportType(models.TextChoices):
    FINAL = "final", _("Final report")
    INTERIM = "interim", _("Interim report")
    EVALUATION = "evaluation", _("Evaluation")
    ANNUAL = "annual", _("Annual report")
    PLAN = "plan", _("Plan")


class Topic(models.TextChoices):
    CHILDREN = "children", _("Children and young people")
    EARLY_SUPPORT = "early-support", _("Early support")
    SCHOOL = "school", _("School")
    MENTAL_HEALTH = "mental-health", _("Mental health")
    ECONOMY = "economy", _("Economy and cost")
    ACCESSIBILITY = "access", _("Access to services")
    DIGITAL = "digital", _("Digital services")
    COLLABORATION = "collaboration", _("Collaboration")


def language_choices():
    """Callable, so that adding a language (LOTSA_EXTRA_LANGUAGES) needs no migration."""
    return list(settings.LANGUAGES)


class KnowledgeBankIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["reports.ReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("knowledge bank")

    def get_context(self, request, *args, **kwargs):
        from reports.search import search_reports

        context = super().get_context(request, *args, **kwargs)
        context.update(search_reports(self, request))
        url = self.get_url(request)
        context.update({"rss_url": url + "rss/", "atom_url": url + "atom/"})
        return context

    @path("")
    def index_view(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss(self, request):
        from reports.feeds import ReportsRssFeed

        return ReportsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from reports.feeds import ReportsAtomFeed

        return ReportsAtomFeed(self)(request)


class ReportPage(Page):
    summary = models.TextField(_("summary"))
    authors = models.CharField(_("authors"), max_length=250, blank=True, help_text=_("Separate names with semicolons."))
    organisation = models.CharField(_("organisation"), max_length=200)
    administration = models.CharField(_("administration or district"), max_length=200, blank=True)
    fund = models.CharField(_("fund"), max_length=200, blank=True)
    project = models.CharField(_("project"), max_length=200, blank=True)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    report_type = models.CharField(_("report type"), max_length=20, choices=ReportType.choices, default=ReportType.FINAL)
    language = models.CharField(
        _("language of the report"), max_length=10, choices=language_choices, default=settings.LANGUAGE_CODE,
        help_text=_("The language the report itself (and its PDF) is written in."),
    )
    report_number = models.CharField(_("report number"), max_length=60, blank=True)
    body = StreamField(ReportBodyBlock(), blank=True, verbose_name=_("report"))
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("report as PDF"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Upload an existing PDF: its text is read and made searchable."),
    )
    document_text = models.TextField(_("text read from the PDF"), blank=True, editable=False)
    document_text_source = models.CharField(max_length=300, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([
            FieldPanel("authors"), FieldPanel("organisation"), FieldPanel("administration"),
            FieldRowPanel([FieldPanel("fund"), FieldPanel("project")]),
        ], heading=_("Who")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            FieldRowPanel([FieldPanel("publication_date"), FieldPanel("report_type")]),
            FieldRowPanel([FieldPanel("language"), FieldPanel("report_number")]),
        ], heading=_("What and when")),
        InlinePanel("topics", label=_("Topics")),
        FieldPanel("body"),
        FieldPanel("document"),
        InlinePanel("related", label=_("Related reports")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("authors"),
        index.SearchField("organisation"),
        index.SearchField("administration"),
        index.SearchField("fund"),
        index.SearchField("project"),
        index.SearchField("body"),
        index.SearchField("document_text"),
        index.FilterField("publication_date"),
        index.FilterField("report_type"),
        index.FilterField("organisation"),
        index.FilterField("fund"),
        index.FilterField("language"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        TranslatableField("title"), TranslatableField("slug"), TranslatableField("seo_title"),
        TranslatableField("search_description"), TranslatableField("summary"),
        TranslatableField("organisation"), TranslatableField("administration"), TranslatableField("fund"),
        TranslatableField("project"), TranslatableField("body"),
        SynchronizedField("authors"), SynchronizedField("period_start"), SynchronizedField("period_end"),
        SynchronizedField("publication_date"), SynchronizedField("report_type"), SynchronizedField("language"),
        SynchronizedField("report_number"), SynchronizedField("document"), SynchronizedField("document_text"),
        SynchronizedField("document_text_source"), SynchronizedField("topics"), SynchronizedField("related"),
    ]
    parent_page_types = ["reports.KnowledgeBankIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge-bank report")
        indexes = [models.Index(fields=["publication_date"])]

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    def save(self, *args, **kwargs):
        self.refresh_document_text()
        return super().save(*args, **kwargs)

    def refresh_document_text(self):
        """Read the PDF's text once per document file, so search finds words inside it."""
        from reports.pdftext import extract_text

        if not self.document_id:
            self.document_text, self.document_text_source = "", ""
            return
        document = self.document
        key = f"{document.pk}:{document.file.name}"
        if key == self.document_text_source:
            return
        self.document_text = extract_text(document.file)
        self.document_text_source = key

    def get_context(self, request, *args, **kwargs):
        from reports import citation

        context = super().get_context(request, *args, **kwargs)
        context.update({
            "dublin_core": citation.dublin_core(self, request),
            "highwire": citation.highwire(self, request),
            "json_ld": citation.json_ld(self, request),
            "citation": citation.suggested_citation(self, request),
            "stable_url": citation.stable_url(self, request),
            "related_reports": self.related_reports(),
            "knowledge_bank": self.get_parent(),
        })
        return context

    def related_reports(self):
        """The related reports in this page's language (two queries however many there are)."""
        keys = ReportPage.objects.filter(pk__in=[r.report_id for r in self.related.all()]).values("translation_key")
        return list(ReportPage.objects.live().public().filter(translation_key__in=keys, locale_id=self.locale_id)
                    .order_by("-publication_date"))

    # --- Presentation helpers ------------------------------------------------------------
    @property
    def author_list(self):
        return [name.strip() for name in self.authors.split(";") if name.strip()]

    @property
    def year(self):
        return self.publication_date.year if self.publication_date else None

    def topic_labels(self):
        return [Topic(t.topic).label for t in self.topics.all() if t.topic in Topic.values]


class ReportTopic(Orderable):
    page = ParentalKey(ReportPage, related_name="topics", on_delete=models.CASCADE)
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        indexes = [models.Index(fields=["topic"])]


class RelatedReport(Orderable):
    page = ParentalKey(ReportPage, related_name="related", on_delete=models.CASCADE)
    report = models.ForeignKey(ReportPage, verbose_name=_("report"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("report", "reports.ReportPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related report")


# --- Final reports of funded projects -------------------------------------------------------------

class FinalReportQuerySet(models.QuerySet):
    def for_reviewers(self):
        """The final reports staff may see (every admin view reads through this): submitted at
        least once. A draft is the project lead's own business."""
        return self.exclude(status=FinalReport.Status.DRAFT)


class FinalReport(models.Model):
    """The final report of an approved funding application (a project). Fund managers approve or
    return it; approval drafts a knowledge-bank page for communicators to publish."""

    objects = FinalReportQuerySet.as_manager()

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")

    application = models.OneToOneField("funding.Application", verbose_name=_("application"),
                                       on_delete=models.CASCADE, related_name="final_report")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    summary = models.TextField(_("summary"), blank=True)
    what_was_done = models.TextField(_("what was done"), blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True,
                             help_text="[{goal, assessment: achieved|partly|not_achieved, analysis}]")
    effect_targets = models.JSONField(_("effect targets"), default=list, blank=True,
                                      help_text="[{label, target, outcome, unit}]")
    key_figures = models.JSONField(_("key figures"), default=list, blank=True,
                                   help_text="[{caption, unit, columns: [...], rows: [{label, values: [...]}]}]")
    economic_outcome = models.JSONField(_("economic outcome"), default=dict, blank=True,
                                        help_text="{line: {year: outcome}} and explanations")
    benefit = models.JSONField(_("benefit realisation"), default=dict, blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    next_steps = models.TextField(_("what happens next"), blank=True)
    review_comment = models.TextField(_("comment from the fund manager"), blank=True)
    wizard = models.JSONField(default=dict, blank=True, editable=False,
                              help_text="The final-report wizard's step data, saved at every step.")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    knowledge_bank_page = models.ForeignKey(ReportPage, verbose_name=_("knowledge-bank page"), null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")

    def __str__(self):
        return f"{self.application}"


class FinalReportReminder(models.Model):
    """One row per reminder sent, so that the scheduled job never sends the same one twice."""

    application = models.ForeignKey("funding.Application", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    due = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "kind", "due"], name="one_reminder_per_kind")]


def final_report_attachment_path(instance, filename):
    """A random name in the private storage; the original name is kept in `name`."""
    return private_files.random_name("final-reports", filename)


class FinalReportAttachment(models.Model):
    report = models.ForeignKey(FinalReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=final_report_attachment_path, storage=private_files.private_storage,
                            max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(max_length=120, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


@receiver(post_delete, sender=FinalReportAttachment)
def delete_final_report_attachment_file(sender, instance, **kwargs):
    """Also for cascades (the report or its application deleted) and bulk deletes."""
    private_files.delete_on_commit(instance.file.storage, instance.file.name)
