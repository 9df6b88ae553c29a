"""The fund manager's form for recording a payment (in the admin, where the public site's digit
middleware does not run: every field reads digits typed in any script itself)."""
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from funding.forms import AmountField
from funding.payments.services import remaining_message
from portal.digits import normalise


class NormalisedDateField(forms.DateField):
    def to_python(self, value):
        return super().to_python(normalise(value) if isinstance(value, str) else value)


class PaymentForm(forms.Form):
    plan = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, error_messages={
        "required": gettext_lazy("Choose the year the payment is for."),
        "invalid_choice": gettext_lazy("Choose one of the years that still has money to pay.")})
    paid_on = NormalisedDateField(label=gettext_lazy("Payment date"), widget=forms.DateInput(
        attrs={"type": "date"}), error_messages={
        "required": gettext_lazy("Enter the date the money was paid."),
        "invalid": gettext_lazy("Enter the date as year-month-day, for example 2027-02-01.")})
    amount = AmountField(label=gettext_lazy("Amount (kr)"), required=True, error_messages={
        "required": gettext_lazy("Enter the amount paid, in whole kronor.")})
    voucher = forms.CharField(label=gettext_lazy("Voucher reference (verifikationsnummer)"), max_length=40,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr"}),
                              help_text=gettext_lazy("As booked by the finance department, for example V2027-0142."),
                              error_messages={"required": gettext_lazy(
                                  "Enter the voucher reference (verifikationsnummer) of the booking.")})
    # One key per opened form (see Payment.key): sending the same form twice records once.
    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, plan, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("key", uuid.uuid4())
        initial.setdefault("paid_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.lines = {line.pk: line for line in plan.lines if line.remaining > 0}
        choices = [(pk, _("%(year)s (%(remaining)s kr remain)") % {
            "year": line.year, "remaining": line.remaining_display}) for pk, line in self.lines.items()]
        # The year is chosen, not guessed, unless only one year has money left.
        if len(choices) == 1:
            initial.setdefault("plan", choices[0][0])
        else:
            choices.insert(0, ("", _("Choose…")))
        self.fields["plan"].choices = choices

    def clean_voucher(self):
        return normalise(self.cleaned_data["voucher"]).strip()

    def clean(self):
        data = super().clean()
        line = self.lines.get(data.get("plan"))
        amount = data.get("amount")
        if line is not None and amount is not None:
            if amount <= 0:
                self.add_error("amount", _("Enter the amount paid, in whole kronor."))
            elif amount > line.remaining:
                self.add_error("amount", remaining_message(line.year, line.remaining))
        return data
