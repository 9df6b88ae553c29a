from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

from funding.budget import format_amount

register = template.Library()


@register.filter
def num(value):
    """A figure as the report's language writes it: '73,3' in Swedish, '1 200' grouped with no-break
    spaces; '–' for a missing value. Signed amounts keep their minus sign."""
    if value in (None, ""):
        return "–"
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return value
    sign = "−" if d < 0 else ""
    d = abs(d)
    whole = int(d)
    frac = d - whole
    text = format_amount(whole)
    if frac:
        decimals = format(frac.normalize(), "f").split(".")[1]
        text += ("," if (get_language() or "sv") != "en" else ".") + decimals
    return sign + text


@register.filter
def signed(value):
    """+2 000 / −150 000 for deviations."""
    if value in (None, ""):
        return "–"
    text = num(value)
    return text if str(text).startswith("−") or Decimal(str(value)) == 0 else "+" + text
