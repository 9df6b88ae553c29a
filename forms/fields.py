"""Wagtail's form builder with Lotsa's extra field types and stricter checks: Swedish phone
numbers, dates today or later, consent boxes, length limits on every text field."""
import datetime
import re

import django.forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.required_messages import CHOOSE, TICK, WRITE, message_for

SINGLE_LINE_MAX = 200
MULTI_LINE_MAX = 5000
_PHONE_STRIP = re.compile(r"[\s\-()./]")
_PHONE_OK = re.compile(r"^(?:\+46|0046|0)[1-9]\d{6,9}$")


def normalise_phone(value):
    return _PHONE_STRIP.sub("", value or "")


def validate_swedish_phone(value):
    if not _PHONE_OK.match(normalise_phone(value)):
        raise ValidationError(
            _("Enter a Swedish phone number, for example 070-123 45 67 or +46 70 123 45 67."), code="phone"
        )


class PhoneField(django.forms.CharField):
    default_validators = [validate_swedish_phone]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"inputmode": "tel"})  # autocomplete: from the field (default_autocomplete)


class DateInput(django.forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FutureDateField(django.forms.DateField):
    widget = DateInput

    def validate(self, value):
        super().validate(value)
        if value and value < timezone.localdate():
            raise ValidationError(_("Choose today's date or a later one."), code="past")
        if value and value > timezone.localdate() + datetime.timedelta(days=366):
            raise ValidationError(_("Choose a date within the coming year."), code="far")


class StepForm(BaseForm):
    """The form for one step. Fields with errors get aria-invalid and aria-describedby that points
    at their error message and help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field.widget, (django.forms.RadioSelect, django.forms.CheckboxSelectMultiple)):
                continue  # described through their fieldset
            ids = []
            if field.help_text:
                ids.append(f"{name}-help")
            if self.is_bound and name in self.errors:
                ids.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


CHOICE_TYPES = {"radio", "dropdown", "multiselect", "checkboxes", "date", "futuredate", "datetime"}
TICK_TYPES = {"consent", "checkbox"}
AUTOCOMPLETE_BY_TYPE = {"email": "email", "phone": "tel", "url": "url"}


def default_autocomplete(field):
    """The field's `autocomplete` token: chosen in the editor, or given by its type."""
    return getattr(field, "autocomplete", "") or AUTOCOMPLETE_BY_TYPE.get(field.field_type, "")


def required_message(field):
    """The editor's own 'left empty' text, or one made from the field's type and label."""
    own = (getattr(field, "required_message", "") or "").strip()
    if own:
        return own
    kind = TICK if field.field_type in TICK_TYPES else CHOOSE if field.field_type in CHOICE_TYPES else WRITE
    return message_for(field.label, kind)


class LotsaFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 6}))
        return django.forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return django.forms.EmailField(**options)

    def create_date_field(self, field, options):
        options.setdefault("widget", DateInput)
        return django.forms.DateField(**options)

    def create_futuredate_field(self, field, options):
        return FutureDateField(**options)

    def create_phone_field(self, field, options):
        return PhoneField(**options)

    def create_consent_field(self, field, options):
        options["required"] = True
        return django.forms.BooleanField(**options)

    def create_dropdown_field(self, field, options):
        # An empty first option, so that nothing is chosen for the user.
        options["choices"] = [("", "–")] + self.get_formatted_field_choices(field)
        return django.forms.ChoiceField(**options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in ("futuredate", "date", "consent", "checkbox", "phone"):
            options.pop("initial", None)
        options["error_messages"] = {"required": required_message(field)}
        return options

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            token = default_autocomplete(field)
            form_field = formfields.get(field.clean_name)
            if token and form_field is not None:
                form_field.widget.attrs["autocomplete"] = token
        return formfields

    def get_form_class(self):
        return type("StepForm", (StepForm,), self.formfields)
