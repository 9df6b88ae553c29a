"""The public booking forms: pick a time and give minimal contact details."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from forms.bookings.models import Slot


class SlotChoiceField(forms.ModelChoiceField):
    widget = forms.RadioSelect

    def label_from_instance(self, slot):
        local = timezone.localtime(slot.starts_at)
        return f"{date_format(local, 'l j F')} {local:%H:%M}"


class PickTimeMixin(forms.Form):
    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = list(slots)
        self.fields["slot"] = SlotChoiceField(
            queryset=Slot.objects.filter(pk__in=[s.pk for s in self.slots]), label=_("Time"),
            empty_label=None, error_messages={"required": _("Choose a time."),
                                              "invalid_choice": _("This time was just booked – pick another.")})
        self.order_fields(["slot"])


class BookingForm(PickTimeMixin):
    first_name = forms.CharField(label=_("First name"), max_length=60,
                                 error_messages={"required": _("Enter your first name.")})
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False,
                            help_text=_("A phone number or an e-mail address, so that we can reach you."))
    email = forms.EmailField(label=_("E-mail"), required=False,
                             help_text=_("We send the confirmation, a calendar file and your link to rebook or cancel here."),
                             error_messages={"invalid": _("Enter an e-mail address like name@example.se.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["phone"].widget = forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (sum(ch.isdigit() for ch in phone) < 6
                      or any(not (ch.isdigit() or ch in " +-()") for ch in phone)):
            raise ValidationError(_("Enter a phone number with digits only, e.g. 070-123 45 67."))
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors and "email" not in self.errors:
            self.add_error("phone", _("Enter a phone number or an e-mail address."))
        return data


class RebookForm(PickTimeMixin):
    pass


class CoordinatorCancelForm(forms.Form):
    message = forms.CharField(label=_("Message to the person"), widget=forms.Textarea(attrs={"rows": 3}),
                              max_length=1000, required=False,
                              help_text=_("Sent by e-mail with the cancellation. Do not write sensitive details."))
