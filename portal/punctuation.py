"""Punctuation that differs by language: Arabic separates list items with "،" and clauses with
"؛", not the Latin "," and ";". Every list or date-and-time joined in code goes through here, so
an Arabic page does not read "ديسمبر 2026, 10:00"."""
from django.utils import formats
from django.utils.timezone import localtime
from django.utils.translation import pgettext


def list_separator():
    return pgettext("list separator", ", ")


def clause_separator():
    return pgettext("clause separator", "; ")


def join_list(items):
    return list_separator().join(str(item) for item in items if item not in (None, ""))


def day_and_time(value, date_format="l j F"):
    """'torsdag 3 december, 10:00' / 'الخميس 3 ديسمبر، 10:00'."""
    if value is None:
        return ""
    if getattr(value, "tzinfo", None) is not None:
        value = localtime(value)
    return formats.date_format(value, date_format) + list_separator() + formats.time_format(value, "H:i")
