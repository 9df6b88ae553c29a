from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def payment_plan(context, application):
    """The plan of the visitor's own application (through PlannedPayment.objects.for_applicant)."""
    from funding.payments.models import PlannedPayment
    from funding.payments.services import plan_for

    return plan_for(application, PlannedPayment.objects.for_applicant(context["request"].user))
