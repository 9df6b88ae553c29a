"""Values drawn inside text of another direction, isolated so that neither reorders the other.

Names and titles typed by residents, schools and project leads (issue 11): the bidi control
characters are removed (U+202A-U+202E embeddings/overrides, U+2066-U+2069 isolates) and the
escaped value is wrapped in <bdi>, which isolates it the way the browser isolates a value of
unknown direction.

Numbers, phone numbers, references, dates, periods and giro numbers (issue 15): a value without
a letter has no direction of its own, so <bdi> would take the Arabic page's and draw
`070-111 22 33` as `33 22 070-111`; such a value is isolated left to right (<bdi dir="ltr">).
One filter for every medium (the `isolate` template filter):
- HTML pages: <bdi> / <bdi dir="ltr">;
- plain-text e-mails (autoescape off): the Unicode isolates FSI/LRI ... PDI;
- PDFs: xhtml2pdf draws <bdi> like <span> but runs the Unicode algorithm with isolates on the
  text, so `marks_for_pdf` turns each <bdi> of the rendered HTML into LRI/FSI ... PDI.
Numbers inside translated sentences (error examples, hints) go in through a placeholder with
`ltr_marks` (LRI ... PDI work in pages, e-mails and PDFs alike).
"""
import copy
import logging
import re

from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def strip_bidi_controls(value):
    return str(value).translate(BIDI_CONTROLS)


LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"

# A letter of any script (a strong direction); digits, signs and punctuation are weak or neutral.
_LETTER = re.compile(r"[^\W\d_]")
# A number inside a sentence: digits with the signs and separators that belong to them
# ("1 450 000", "070-123 45 67", "+46 70", "66+", "2026-00005", "73,3 %").
_NUMBER = re.compile(r"(?:(?<!\w)[+\-−]|(?<!\w))\d+(?:(?:[.,:]|[\u00a0\u202f \-–/]+)\d+)*(?:\u00a0?%|\s%|\+)?(?!\w)")
# A right-to-left letter (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms): only in such a
# text do the numbers inside need isolating; in a left-to-right one (a reference "KON-2026-0001",
# "Older people 66+") they are already drawn in order, and the value stays one piece to copy.
_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def direction(value):
    """'ltr' for a value without letters (numbers, phones, references, dates, periods), else
    None: a text's direction is found by the browser from its first letter (dir=auto)."""
    return None if _LETTER.search(str(value)) else "ltr"


def ltr_marks(value):
    """A number for a translated sentence: LRI … PDI around it (pages, e-mails and PDFs)."""
    return f"{LRI}{strip_bidi_controls(value)}{PDI}"


def isolate_text(value, dir=None):
    """Plain text (e-mails): LRI … PDI for a value without letters, else FSI … PDI (with each
    number inside isolated left to right in a right-to-left text)."""
    if value is None or value == "":
        return ""
    text = strip_bidi_controls(value)
    if (dir or direction(text)) == "ltr":
        return ltr_marks(text)
    return f"{FSI}{isolate_numbers_text(text) if _RTL_LETTER.search(text) else text}{PDI}"


def isolate(value, dir=None):
    """Escaped, without bidi controls, in <bdi>: left to right when it has no letters (or when
    dir="ltr" says so: a URL, an e-mail address), else of its own direction, with each number in
    a right-to-left text left to right ("0–12 سنة", not "12–0 سنة"). Empty values stay empty."""
    if value is None or value == "":
        return ""
    text = strip_bidi_controls(value)
    dir = dir or direction(text)
    if dir:
        return format_html('<bdi dir="{}">{}</bdi>', dir, text)
    return format_html("<bdi>{}</bdi>", isolate_numbers(text) if _RTL_LETTER.search(text) else text)


def isolated(value, html=True, dir=None):
    """The one rule for isolating a value (the `isolate` filter, the `kronor` filter and every
    amount in a sentence built in code go through here): <bdi> in an HTML page (PDFs turn it into
    the marks), the Unicode isolates LRI/FSI … PDI in plain text and in strings that are escaped
    later (error messages, a translated sentence built in Python)."""
    return isolate(value, dir) if html else isolate_text(value, dir)


def isolate_numbers(value):
    """Each number in a sentence (an editor's hint, a choice label) isolated left to right; the
    sentence is escaped. Text already marked safe (HTML an editor or a view built) is left alone."""
    if isinstance(value, SafeData):
        # Markup a view or {% translate … as x %} made: numbers only in the text between its tags.
        return mark_safe("".join(
            piece if i % 2 else _NUMBER.sub(lambda m: f'<bdi dir="ltr">{m.group()}</bdi>', piece)
            for i, piece in enumerate(_MARKUP.split(strip_bidi_controls(value)))))
    text = strip_bidi_controls(value or "")
    parts, last = [], 0
    for match in _NUMBER.finditer(text):
        parts.append(conditional_escape(text[last:match.start()]))
        parts.append(format_html('<bdi dir="ltr">{}</bdi>', match.group()))
        last = match.end()
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(parts))


_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")


def isolate_numbers_text(value):
    """isolate_numbers for plain text: LRI … PDI around each number."""
    return _NUMBER.sub(lambda m: ltr_marks(m.group()), strip_bidi_controls(value or ""))


# An innermost <bdi> (its content holds no other): replaced first, then the ones around it.
_BDI = re.compile(r'<bdi(?: dir="(ltr|rtl|auto)")?>((?:(?!<bdi[ >]).)*?)</bdi>', re.S)


def marks_for_pdf(html):
    """The rendered HTML of a PDF with each <bdi> as Unicode isolates, which xhtml2pdf honours
    (it ignores the element and its dir)."""
    def marks(match):
        opening = {"ltr": LRI, "rtl": "\u2067"}.get(match.group(1), FSI)
        return f"{opening}{match.group(2)}{PDI}"

    html = str(html)
    while True:
        html, count = _BDI.subn(marks, html)
        if not count:
            return html


class _NoIsolateGlyphWarning(logging.Filter):
    """xhtml2pdf warns that the font has no glyph for LRI/FSI/PDI, which it never draws."""

    def filter(self, record):
        return not any(mark in str(record.getMessage()) for mark in ("U+2066", "U+2068", "U+2069"))


logging.getLogger("xhtml2pdf").addFilter(_NoIsolateGlyphWarning())
logging.getLogger("xhtml2pdf.context").addFilter(_NoIsolateGlyphWarning())


class IsolatedColumnsMixin:
    """For a Wagtail IndexView: every text cell of the listing (the title column too) is
    isolated; dates, numbers, translated labels and HTML the view built itself are left alone."""

    @cached_property
    def columns(self):
        columns = []
        for column in super().columns:
            column = copy.copy(column)  # the list_display columns are shared by every request
            column.get_value = _isolating(column.get_value)
            columns.append(column)
        return columns

    def get_list_buttons(self, instance):
        """The row's buttons name the record in attributes ("More options for '…'"): no controls there."""
        buttons = super().get_list_buttons(instance)
        for button in buttons + [b for button in buttons for b in getattr(button, "dropdown_buttons", [])]:
            for name, value in list((getattr(button, "attrs", None) or {}).items()):
                if isinstance(value, str):
                    button.attrs[name] = strip_bidi_controls(value)
        return buttons


def _isolating(get_value):
    def wrapped(instance):
        value = get_value(instance)
        if isinstance(value, str) and not isinstance(value, (SafeData, Promise)):
            return isolate(value)
        return value
    return wrapped


class IsolatedFieldsMixin:
    """For a Wagtail InspectView: every text value of its field list is isolated."""

    def get_field_display_value(self, field_name, field):
        return _isolating(lambda _instance: super(IsolatedFieldsMixin, self).get_field_display_value(
            field_name, field))(None)
