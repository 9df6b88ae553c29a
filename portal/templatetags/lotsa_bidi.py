from django import template
from django.utils.html import conditional_escape

from portal import bidi

register = template.Library()


@register.filter(needs_autoescape=True)
def isolate(value, mode=None, autoescape=True):
    """The one filter for a value drawn inside text of another direction (portal.bidi):
    {{ booking.first_name|isolate }}, {{ application.reference|isolate }} — in <bdi>, left to
    right when the value has no letters (numbers, phones, references, dates, periods, giros);
    {{ url|isolate:"ltr" }} forces left to right; {{ help_text|isolate:"numbers" }} isolates each
    number in an editor's sentence; {{ label|isolate:"marks" }} writes the Unicode isolates in an
    HTML page too, for an <option> (which holds text only, no <bdi>). In a plain-text template (autoescape off) the same filter
    writes the Unicode isolates FSI/LRI … PDI; PDFs turn <bdi> into them (bidi.marks_for_pdf)."""
    if mode == "numbers":
        return bidi.isolate_numbers(value) if autoescape else bidi.isolate_numbers_text(value)
    dir = "ltr" if mode == "ltr" else None
    if mode == "marks":
        return conditional_escape(bidi.isolate_text(value)) if autoescape else bidi.isolate_text(value)
    return bidi.isolated(value, html=autoescape, dir=dir)


@register.filter
def period(start, end):
    """{{ a.project_start|period:a.project_end|isolate }}: '2020-01-01 – 2022-12-31' (plain text,
    to be isolated like any other value)."""
    from django.utils.dateformat import format as date_format

    if not start and not end:
        return ""
    return " – ".join(date_format(d, "Y-m-d") if d else "…" for d in (start, end))
