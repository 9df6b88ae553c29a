"""Interim reports (delrapporter) of approved projects, one per period of the fund's schedule
(funding/interim/schedule.py). The lead writes one in a wizard (progress per goal, spending so far
against the year's budget, deviations); fund managers approve it or ask for completion."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.models import FinalReport

# The final report's statuses: draft, submitted, returned with comments, approved.
Status = FinalReport.Status
EDITABLE = {Status.DRAFT, Status.RETURNED}


class InterimReportQuerySet(models.QuerySet):
    def for_reviewers(self):
        """What staff may see (every admin view reads through this): reports submitted at least
        once. A draft is the project lead's own business."""
        return self.exclude(status=Status.DRAFT)

    def for_lead(self, user):
        """What a project lead may see (every public view reads through this): the reports of
        their own approved projects. Anyone else's is a 404."""
        from funding import workflow

        if not user.is_authenticated:
            return self.none()
        return self.filter(application__user=user, application__status=workflow.APPROVED)


class InterimReport(models.Model):
    objects = InterimReportQuerySet.as_manager()

    application = models.ForeignKey("funding.Application", verbose_name=_("application"), on_delete=models.CASCADE,
                                    related_name="interim_reports")
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    due = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    goals = models.JSONField(_("progress per goal"), default=list, blank=True,
                             help_text="[{goal, assessment: on_track|partly|behind, analysis}]")
    economic_outcome = models.JSONField(_("spent so far"), default=dict, blank=True,
                                        help_text='{"line|year": {outcome, explanation}}')
    deviations = models.TextField(_("deviations from the plan"), blank=True)
    review_comment = models.TextField(_("comment from the fund manager"), blank=True)
    wizard = models.JSONField(default=dict, blank=True, editable=False,
                              help_text="The interim-report wizard's step data, saved at every step.")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("interim report")
        verbose_name_plural = _("interim reports")
        ordering = ["application", "period_start"]
        constraints = [models.UniqueConstraint(fields=["application", "period_start"],
                                               name="one_interim_report_per_period")]

    def __str__(self):
        return f"{self.application} {self.period}"

    @property
    def period(self):
        return f"{self.period_start:%Y-%m-%d} – {self.period_end:%Y-%m-%d}"

    @property
    def editable(self):
        return self.status in EDITABLE

    def is_open(self, today=None):
        """The lead may write it from the last day of its period."""
        return (today or timezone.localdate()) >= self.period_end

    @property
    def opens(self):
        return self.period_end
