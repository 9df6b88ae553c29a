"""`{% interim_reports_of application as reports %}`: the lead's interim reports of an approved
project, on their application page (funding/interim/section.html), without a change to its view."""
from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def interim_reports_of(context, application):
    from funding.interim import services
    from funding.interim.models import InterimReport

    request = context.get("request")
    if request is None or application.user_id != getattr(request.user, "pk", None):
        return []
    services.sync(application)
    # Through the one rule for leads (InterimReport.objects.for_lead), like every public view.
    return list(InterimReport.objects.for_lead(request.user).filter(application=application))
