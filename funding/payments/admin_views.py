"""The fund managers' payment screens in the Wagtail admin: the payment plan of every approved
application (list, filters, the finance department's CSV/XLSX export, the planned date's edit)
and one application's payments page, where payments are recorded. Every view reads plan lines
through PlannedPayment.objects.for_reviewers()."""
import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.models import Locale

from funding import workflow
from funding.budget import isolated_amount
from funding.models import Application, FundProgrammePage
from funding.payments import services
from funding.payments.forms import PaymentForm
from funding.payments.models import PlannedPayment
from portal.bidi import IsolatedColumnsMixin
from portal.exports import SafeSpreadsheetExportMixin
from portal.visibility import ReviewerIndexMixin

VIEW_PERM = "funding_payments.view_plannedpayment"
RECORD_PERM = "funding_payments.add_payment"


class PlanFilterSet(WagtailFilterSet):
    fund = django_filters.ModelChoiceFilter(
        label=gettext_lazy("fund"), field_name="application__fund",
        queryset=lambda request: FundProgrammePage.objects.filter(locale=Locale.get_default()).order_by("title"))
    year = django_filters.CharFilter(label=gettext_lazy("year"))
    remaining = django_filters.ChoiceFilter(label=gettext_lazy("payments"), method="filter_remaining", choices=[
        ("open", gettext_lazy("money remains to pay")), ("paid", gettext_lazy("fully paid"))])

    class Meta:
        model = PlannedPayment
        fields = ["fund", "year", "remaining"]

    def filter_remaining(self, queryset, name, value):
        queryset = queryset.annotate(paid_sum=Coalesce(Sum("payments__amount"), Value(0)))
        if value == "open":
            return queryset.filter(paid_sum__lt=F("amount"))
        if value == "paid":
            return queryset.filter(paid_sum__gte=F("amount"))
        return queryset


class PlanIndexView(SafeSpreadsheetExportMixin, IsolatedColumnsMixin, ReviewerIndexMixin, IndexView):
    def get_base_queryset(self):
        return services.with_payments(super().get_base_queryset()).select_related("application__fund")


def application_payments(request, pk):
    """One approved application's plan, payments and the form to record one (Fund managers and
    Administrators; anyone else in the admin is sent back to the dashboard by Wagtail)."""
    if not request.user.has_perm(VIEW_PERM):
        raise PermissionDenied
    # the rule of PlannedPayment.objects.for_reviewers(): approved applications only (else 404)
    application = get_object_or_404(Application.objects.for_reviewers().filter(status=workflow.APPROVED), pk=pk)
    plan = services.plan_for(application, PlannedPayment.objects.for_reviewers())
    may_record = request.user.has_perm(RECORD_PERM)
    form = None
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        form = PaymentForm(request.POST, plan=plan)
        if form.is_valid():
            data = form.cleaned_data
            try:
                payment, created = services.record_payment(
                    data["plan"], paid_on=data["paid_on"], amount=data["amount"], voucher=data["voucher"],
                    user=request.user, key=data["key"])
            except services.PaymentError as exc:  # someone else recorded a payment meanwhile
                form.add_error("amount", str(exc))
            else:
                if created:
                    messages.success(request, _("Payment of %(amount)s kr for %(year)s recorded (voucher "
                                                "%(voucher)s).") % {
                        "amount": isolated_amount(payment.amount), "year": payment.plan.year,
                        "voucher": payment.voucher})
                else:
                    messages.info(request, _("This payment was already recorded; it was not recorded twice."))
                return redirect(request.path)
        plan = services.plan_for(application, PlannedPayment.objects.for_reviewers())
    if form is None and may_record and plan.remaining > 0:
        form = PaymentForm(plan=plan)
    return TemplateResponse(request, "funding/payments/admin/application.html", {
        "application": application, "plan": plan, "form": form, "may_change": request.user.has_perm(
            "funding_payments.change_plannedpayment"),
        "page_title": _("Payments of application %(reference)s") % {"reference": application.reference},
    })


def inspect_context(application, request):
    """The payment section of the application's inspect page (ApplicationInspectView)."""
    if application.status != workflow.APPROVED or not request.user.has_perm(VIEW_PERM):
        return {"payment_plan": None}
    return {"payment_plan": services.plan_for(application, PlannedPayment.objects.for_reviewers()),
            "payments_url": reverse("funding_payments_application", args=[application.pk])}
