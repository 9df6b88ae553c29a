"""The committee's decision (issue 13, item 5): a decision meeting (the committee, the date, the
place, the meeting's reference) and its agenda items, one per application a fund manager marked
ready for decision with a proposed decision and proposed amounts per year. The decision recorded
from the meeting keeps its paragraph (§); the application itself moves through funding/workflow.py.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from funding import workflow
from funding.budget import grant_total


class DecisionMeeting(models.Model):
    committee = models.CharField(_("committee"), max_length=200,
                                 help_text=_("The committee that decides, for example Socialnämnden."))
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    reference = models.CharField(_("reference (diarienummer)"), max_length=50,
                                 help_text=_("The meeting's reference in the registry, for example SN 2026/123. "
                                             "Decision letters quote it."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision meeting")
        verbose_name_plural = _("decision meetings")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.committee} {self.date:%Y-%m-%d}"


class AgendaItemQuerySet(models.QuerySet):
    def for_reviewers(self):
        """Items of applications staff may see at all (never a draft's)."""
        return self.exclude(application__status=workflow.DRAFT)


class AgendaItem(models.Model):
    class Decision(models.TextChoices):
        APPROVE = "approve", _("grant")
        REJECT = "reject", _("refuse")

    objects = AgendaItemQuerySet.as_manager()

    meeting = models.ForeignKey(DecisionMeeting, verbose_name=_("meeting"), on_delete=models.PROTECT,
                                related_name="items")
    application = models.OneToOneField("funding.Application", verbose_name=_("application"),
                                       on_delete=models.CASCADE, related_name="agenda_item")
    proposal = models.CharField(_("proposed decision"), max_length=10, choices=Decision.choices)
    proposed = models.JSONField(_("proposed per year"), default=dict, blank=True)
    proposed_total = models.PositiveBigIntegerField(_("proposed (kr)"), default=0)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    # Filled in once, from the meeting (funding/committee/services.py record_decision).
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    paragraph = models.CharField(_("paragraph (§)"), max_length=20, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        ordering = ["meeting", "proposed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "paragraph"], condition=~models.Q(paragraph=""),
                                               name="one_item_per_paragraph")]

    def __str__(self):
        return f"{self.meeting} – {self.application.reference}"

    @property
    def is_decided(self):
        return bool(self.decision)

    def set_proposed(self, amounts):
        self.proposed = {str(year): int(amount or 0) for year, amount in amounts.items()}
        self.proposed_total = grant_total(self.proposed)
