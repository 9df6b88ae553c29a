from django import template

from portal.bidi import isolate as _isolate

register = template.Library()


@register.filter
def isolate(value):
    """{{ booking.first_name|isolate }}: escaped, bidi controls removed, in <bdi> (portal.bidi)."""
    return _isolate(value)
