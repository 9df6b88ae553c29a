"""The payment plan of an approved application (one line per granted year) and the payments
recorded against it. Who may see which line is decided in one place: PlannedPaymentQuerySet."""
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding import workflow
from funding.budget import format_amount
from funding.models import Application


class PlannedPaymentQuerySet(models.QuerySet):
    def for_reviewers(self):
        """Staff (the admin's list, export, edit, the payments page): approved applications only."""
        return self.filter(application__status=workflow.APPROVED)

    def for_applicant(self, user):
        """A project lead: the lines of their own applications, nobody else's."""
        return self.for_reviewers().filter(application__user=user)


class PlannedPayment(models.Model):
    """What the fund plans to pay for one year of an approved application. The amount is the
    decision's granted amount for that year; fund managers may move the planned date."""

    objects = PlannedPaymentQuerySet.as_manager()

    application = models.ForeignKey(Application, verbose_name=_("application"), on_delete=models.CASCADE,
                                    related_name="payment_plan")
    year = models.CharField(_("year"), max_length=10)
    planned_on = models.DateField(_("planned payment date"))
    amount = models.PositiveBigIntegerField(_("planned (kr)"))

    class Meta:
        verbose_name = _("planned payment")
        verbose_name_plural = _("payment plan")
        ordering = ["application_id", "year"]
        constraints = [models.UniqueConstraint(fields=["application", "year"], name="one_plan_line_per_year")]

    def __str__(self):
        return f"{self.application.reference} {self.year}"

    # --- what the admin's list and the finance export show (payments prefetched) ---------------
    @property
    def paid(self):
        return sum(p.amount for p in self.payments.all())

    @property
    def remaining(self):
        return max(self.amount - self.paid, 0)

    @property
    def vouchers(self):
        return ", ".join(p.voucher for p in self.payments.all())

    @property
    def reference(self):
        return self.application.reference

    @property
    def organisation(self):
        return self.application.organisation

    def _applicant(self, name):
        return self.application.answers("applicant").get(name, "")

    @property
    def kst(self):
        return self._applicant("kst")

    @property
    def giro_type(self):
        from funding.models import ApplicantProfile

        kind = self._applicant("giro_type")
        return str(dict(ApplicantProfile.GIRO_TYPES).get(kind, kind))

    @property
    def giro_number(self):
        return self._applicant("giro_number")

    @property
    def remaining_display(self):
        return format_amount(self.remaining)


class Payment(models.Model):
    """One payment made (as booked by the finance department). Never changed or deleted in the
    admin: a wrong booking is corrected in the ledger, and the plan shows what was paid."""

    plan = models.ForeignKey(PlannedPayment, verbose_name=_("planned payment"), on_delete=models.PROTECT,
                             related_name="payments")
    paid_on = models.DateField(_("payment date"))
    amount = models.PositiveBigIntegerField(_("amount (kr)"))
    voucher = models.CharField(_("voucher reference"), max_length=40,
                               help_text=_("The finance department's verifikationsnummer."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    # The form's one-time key: the same form sent twice (a double click, a reload) records once.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["paid_on", "pk"]

    def __str__(self):
        return f"{self.plan} {format_amount(self.amount)} kr ({self.voucher})"
