"""Payments of approved applications: the plan made from the decision, and recording a payment.

The plan has one line per granted year, planned for PLANNED_DAY of that year (or the day of the
decision, when that day has passed). A payment is refused when it is more than what remains of
its year; the check is made under a row lock, so two fund managers recording at the same moment
cannot together pay more than planned. The form's one-time key makes a double submit record one
payment. Every payment is written to Wagtail's log (who, when) and shown on the payments page.
"""
import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from funding import workflow
from funding.budget import isolated_amount
from funding.payments.models import Payment, PlannedPayment

PLANNED_DAY = (2, 1)  # (month, day): 1 February of each granted year
LOG_ACTION = "lotsa_payments.record"


class PaymentError(ValueError):
    """A payment that cannot be recorded, with a message for the fund manager."""


def planned_date(year, decided_on):
    """1 February of `year`; the decision day when that has passed (or the year is not a year)."""
    try:
        planned = datetime.date(int(year), *PLANNED_DAY)
    except (TypeError, ValueError):
        return decided_on
    return max(planned, decided_on)


def create_plan(application):
    """The plan of an approved application from its granted amounts (idempotent: years already
    planned are left as they are, with their edited dates)."""
    if application.status != workflow.APPROVED:
        return []
    decided_on = timezone.localdate(application.decided_at) if application.decided_at else timezone.localdate()
    lines = []
    for year, amount in sorted((application.granted or {}).items()):
        if int(amount or 0) <= 0:
            continue
        line, _created = PlannedPayment.objects.get_or_create(
            application=application, year=str(year),
            defaults={"amount": int(amount), "planned_on": planned_date(year, decided_on)})
        lines.append(line)
    return lines


def plan_on_approval(sender, instance, created, **kwargs):
    """post_save of funding.Transition (see apps.py)."""
    if created and instance.to_status == workflow.APPROVED:
        create_plan(instance.application)


@dataclass
class Plan:
    """An application's plan as the pages show it: lines with payments, and the totals."""

    lines: list = field(default_factory=list)

    @property
    def planned(self):
        return sum(line.amount for line in self.lines)

    @property
    def paid(self):
        return sum(line.paid for line in self.lines)

    @property
    def remaining(self):
        return sum(line.remaining for line in self.lines)

    @property
    def payments(self):
        return sorted((p for line in self.lines for p in line.payments.all()), key=lambda p: (p.paid_on, p.pk))

    def __bool__(self):
        return bool(self.lines)


def with_payments(queryset):
    return queryset.select_related("application").prefetch_related(
        Prefetch("payments", queryset=Payment.objects.select_related("recorded_by")))


def plan_for(application, queryset):
    """The plan of `application` read through `queryset` (the caller's visibility rule:
    PlannedPayment.objects.for_reviewers() or .for_applicant(user)). An application approved
    before payments existed gets its plan the first time it is shown."""
    lines = list(with_payments(queryset.filter(application=application)))
    if not lines and application.status == workflow.APPROVED and application.granted:
        create_plan(application)
        lines = list(with_payments(queryset.filter(application=application)))
    return Plan(lines)


def record_payment(plan_id, *, paid_on, amount, voucher, user, key):
    """Record one payment against the plan line `plan_id`. Returns (payment, created): a key
    already used returns the payment it recorded and False. Raises PaymentError."""
    existing = Payment.objects.filter(key=key).first()
    if existing is not None:
        return existing, False
    if amount <= 0:
        raise PaymentError(_("Enter the amount paid, in whole kronor."))
    with transaction.atomic():
        line = PlannedPayment.objects.for_reviewers().select_for_update().select_related("application").get(
            pk=plan_id)
        remaining = line.amount - sum(line.payments.values_list("amount", flat=True))
        if amount > remaining:
            raise PaymentError(remaining_message(line.year, remaining))
        try:
            with transaction.atomic():
                payment = Payment.objects.create(plan=line, paid_on=paid_on, amount=amount, voucher=voucher,
                                                 recorded_by=user, key=key)
        except IntegrityError:  # the same form sent twice at the same moment
            return Payment.objects.get(key=key), False
        log(instance=line, action=LOG_ACTION, user=user, data={
            "payment": payment.pk, "amount": amount, "paid_on": paid_on.isoformat(), "voucher": voucher})
    return payment, True


def remaining_message(year, remaining):
    if remaining <= 0:
        return _("Everything planned for %(year)s has been paid; nothing remains to pay.") % {"year": year}
    return _("Only %(remaining)s kr remain to pay for %(year)s. Enter at most that amount, or choose "
             "another year.") % {"remaining": isolated_amount(remaining), "year": year}
