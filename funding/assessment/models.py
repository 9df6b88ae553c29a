"""Assessment of applications by reviewers (issue 13, item 4).

A fund declares its criteria (`Criterion`, an ordered list on the fund page). A fund manager
assigns reviewers: each assignment is one `Assessment` (the reviewer's recommendation and
comment) with one `Score` per criterion. Who may see which assessment is one rule,
`Assessment.objects.visible_to(user)`; the life of an assessment is declared in
`funding/assessment/services.py`.
"""
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from funding import workflow

REVIEWERS = "Reviewers"  # the group (created by migrations/0002_reviewers_group.py)


class Criterion(Orderable):
    """One assessment criterion of a fund, scored 1-5 by each reviewer."""

    fund = ParentalKey("funding.FundProgrammePage", on_delete=models.CASCADE, related_name="assessment_criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what the reviewer looks for"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")

    def __str__(self):
        return self.name


class AssessmentQuerySet(models.QuerySet):
    def active(self):
        """Assignments that count: not withdrawn for a conflict of interest, on a submitted application."""
        return self.exclude(status=Assessment.Status.CONFLICT).exclude(application__status=workflow.DRAFT)

    def visible_to(self, user):
        """The one rule for who sees which assessment. Fund managers: every active one. A reviewer:
        their own, and the others' submitted ones on an application only once their own is
        submitted. Nobody else (project leads, other staff) sees any."""
        if user is None or not user.is_authenticated:
            return self.none()
        active = self.active()
        if user.has_perm("funding.review_application"):
            return active
        mine = active.filter(reviewer=user)
        done = mine.filter(status=Assessment.Status.SUBMITTED).values("application_id")
        return active.filter(Q(reviewer=user) | Q(application_id__in=done, status=Assessment.Status.SUBMITTED))


class Assessment(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("To assess")
        SUBMITTED = "submitted", _("Submitted")
        CONFLICT = "conflict", _("Conflict of interest declared")

    class Recommendation(models.TextChoices):
        APPROVE = "approve", _("Approve")
        APPROVE_LOWER = "approve_lower", _("Approve with a lower amount")
        REJECT = "reject", _("Reject")

    objects = AssessmentQuerySet.as_manager()

    application = models.ForeignKey("funding.Application", verbose_name=_("application"), on_delete=models.CASCADE,
                                    related_name="assessments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE,
                                 related_name="funding_assessments")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED)
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices,
                                      blank=True)
    lower_amount = models.PositiveBigIntegerField(_("proposed amount (kr)"), null=True, blank=True)
    comment = models.TextField(_("overall comment"), blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assigned by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    conflict_at = models.DateTimeField(_("conflict of interest declared"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # grows at every save: a save typed on a stale page is refused instead of overwriting (as Application.version)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["assigned_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_assessment_per_reviewer")]

    def __str__(self):
        return f"{self.application.reference} – {self.reviewer}"

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    @property
    def reviewer_name(self):
        return self.reviewer.get_full_name() or self.reviewer.get_username()


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    # a criterion removed from the fund later leaves its scores without one (kept, not summarised)
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), null=True, on_delete=models.SET_NULL,
                                  related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True,
                                             validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        ordering = ["criterion__sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="one_score_per_criterion")]
