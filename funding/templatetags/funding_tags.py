from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from funding.budget import format_amount
from portal.bidi import isolated

register = template.Library()


@register.filter
def amount(value):
    """1450000 -> '1 450 000' (no-break spaces)."""
    try:
        return format_amount(int(value))
    except (TypeError, ValueError):
        return value


@register.filter(needs_autoescape=True)
def kronor(value, autoescape=True):
    """1450000 -> '1 450 000 kr', in Arabic '1 450 000 كرونة': the one way a page shows an amount
    in kronor. The number is isolated like every other (portal.bidi.isolated: <bdi dir="ltr"> in a
    page and a PDF, LRI … PDI in a plain-text e-mail), the currency word is translated."""
    try:
        number = format_amount(int(value))
    except (TypeError, ValueError):
        return value
    sentence = _("%(amount)s kr")
    amount = isolated(number, html=autoescape)
    if autoescape:
        return mark_safe(conditional_escape(sentence) % {"amount": amount})
    return sentence % {"amount": amount}


@register.filter
def text_dir(value):
    """'ltr' for text without right-to-left letters (a Swedish answer in an Arabic document)."""
    import re

    text = str(value or "")
    if re.search(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]", text):
        return "rtl"
    return "ltr" if re.search(r"[A-Za-zÀ-ÿ0-9]", text) else "auto"


@register.simple_tag
def fund_index():
    """The 'Apply for funding' index in the current language (the empty list of applications
    links to it), or None."""
    from wagtail.models import Locale

    from funding.models import FundIndexPage

    index = FundIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    return index.localized if index else None
