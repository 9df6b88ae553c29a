"""Names and titles typed by residents, schools and project leads, shown to staff so that they
cannot reorder the text around them (issue 11): the bidi control characters are removed
(U+202A-U+202E embeddings/overrides, U+2066-U+2069 isolates) and the escaped value is wrapped
in <bdi>, which isolates it the way the browser isolates a value of unknown direction.
"""
import copy

from django.utils.functional import Promise, cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeData

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def strip_bidi_controls(value):
    return str(value).translate(BIDI_CONTROLS)


def isolate(value):
    """Escaped, without bidi controls, in <bdi>. Empty values stay empty."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", strip_bidi_controls(value))


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
