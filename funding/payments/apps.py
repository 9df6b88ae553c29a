from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "funding.payments"
    label = "funding_payments"
    verbose_name = _("Payments")

    def ready(self):
        from django.db.models.signals import post_save

        from funding.models import Transition
        from funding.payments.services import plan_on_approval

        # Every approval (the fund manager's decision, a committee's) is a Transition row written
        # by funding/workflow.py inside its transaction: the payment plan is made in the same one.
        post_save.connect(plan_on_approval, sender=Transition, dispatch_uid="payments_plan_on_approval")
