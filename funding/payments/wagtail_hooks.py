"""Payments in the admin: "Payments" (the plan lines of approved applications, with the finance
export) and each application's payments page. Only Fund managers and Administrators have the
permissions (home/roles.py); nobody adds or deletes plan lines by hand (the decision makes them)."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy

from funding.budget import format_amount
from funding.payments import admin_views
from funding.payments.models import PlannedPayment
from funding.payments.services import LOG_ACTION
from portal.visibility import ReviewerViewSet


class PlanPermissionPolicy(ModelPermissionPolicy):
    """View and change (the planned date) only: lines come from the decision, payments stay."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


def kr(name):
    return lambda line: format_amount(getattr(line, name))


class PaymentPlanViewSet(ReviewerViewSet):
    model = PlannedPayment
    icon = "table"
    menu_label = _("Payments")
    menu_order = 254
    add_to_admin_menu = True
    url_prefix = "funding-payments"
    index_view_class = admin_views.PlanIndexView
    inspect_view_enabled = False
    filterset_class = admin_views.PlanFilterSet
    form_fields = ["planned_on"]
    list_display = [
        TitleColumn("reference", label=_("Application"), accessor="reference", get_url=lambda line: reverse(
            "funding_payments_application", args=[line.application_id])),
        Column("organisation", label=_("Organisation"), accessor="organisation"),
        "year", "planned_on",
        Column("amount", label=_("planned (kr)"), accessor=kr("amount"), sort_key="amount"),
        Column("paid", label=_("paid (kr)"), accessor=kr("paid")),
        Column("remaining", label=_("remaining (kr)"), accessor=kr("remaining")),
    ]
    # the finance department's file: who is paid, to which account, for which year, what is booked
    list_export = ["reference", "organisation", "kst", "giro_type", "giro_number", "year", "planned_on", "amount",
                   "paid", "remaining", "vouchers"]
    export_headings = {"reference": _("Reference"), "organisation": _("Organisation"),
                       "kst": _("Cost centre (KST)"), "giro_type": _("Payment account"),
                       "giro_number": _("Bankgiro or plusgiro number"), "year": _("Year"),
                       "planned_on": _("Planned payment date"), "amount": _("Planned (kr)"),
                       "paid": _("Paid (kr)"), "remaining": _("Remaining (kr)"),
                       "vouchers": _("Voucher references")}
    export_filename = "payments"
    ordering = ["planned_on", "application_id", "year"]

    @property
    def permission_policy(self):
        return PlanPermissionPolicy(self.model)


payment_plan_viewset = PaymentPlanViewSet("funding_payments")


@hooks.register("register_admin_viewset")
def register_viewset():
    return payment_plan_viewset


@hooks.register("register_admin_urls")
def register_urls():
    return [path("funding-payments/application/<int:pk>/", admin_views.application_payments,
                 name="funding_payments_application")]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(LOG_ACTION, _("Record a payment"), _("Payment recorded"))
