from django import template

from django.utils.translation import gettext as _

from funding.budget import format_amount, isolated_amount

register = template.Library()


@register.filter
def amount(value):
    """1450000 -> '1 450 000' (no-break spaces)."""
    try:
        return format_amount(int(value))
    except (TypeError, ValueError):
        return value


@register.filter
def kronor(value):
    """1450000 -> '1 450 000 kr', in Arabic '1 450 000 كرونة' (the number kept left-to-right)."""
    try:
        return _("%(amount)s kr") % {"amount": isolated_amount(int(value))}
    except (TypeError, ValueError):
        return value


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
