from django import template

from funding.signatures import display

register = template.Library()


@register.filter
def signature_state(application):
    """What the lead's page shows about the signature (see funding/signatures/display.py)."""
    return display.lead_state(application)
