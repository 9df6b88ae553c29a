"""The fund manager's two committee forms: mark an application ready for decision (a proposal),
and record the meeting's decision on one agenda item. A decision is chosen, never defaulted."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from funding.committee.models import AgendaItem, DecisionMeeting
from funding.forms import AmountField
from portal.digits import normalise

DECISION_CHOICES = AgendaItem.Decision.choices


def _choices():
    return [("", _("Choose…"))] + [(value, str(label)) for value, label in DECISION_CHOICES]


class _AmountsMixin:
    """One amount field per project year (`amount_<year>`), labelled with the year."""

    def add_amounts(self, years, initial, label):
        self.years = list(years)
        for year in self.years:
            self.fields[f"amount_{year}"] = AmountField(
                label=label % {"year": year}, initial=initial.get(str(year), initial.get(year, 0)),
                help_text=_("Only used when granting."))

    def amounts(self):
        return {str(year): self.cleaned_data.get(f"amount_{year}") or 0 for year in self.years}

    def check_amounts(self, data):
        if data.get(self.decision_field) == AgendaItem.Decision.APPROVE and not any(self.amounts().values()):
            self.add_error(None, _("Enter the amount for at least one year, or choose “refuse”."))


class ReadyForm(_AmountsMixin, forms.Form):
    decision_field = "proposal"
    meeting = forms.ModelChoiceField(
        label=gettext_lazy("Decision meeting"), queryset=DecisionMeeting.objects.none(),
        empty_label=gettext_lazy("Choose…"),
        error_messages={"required": gettext_lazy("Choose the meeting that decides."),
                        "invalid_choice": gettext_lazy("Choose one of the coming meetings.")})
    proposal = forms.ChoiceField(label=gettext_lazy("Proposed decision"),
                                 error_messages={"required": gettext_lazy("Choose the proposed decision.")})

    def __init__(self, *args, application, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only meetings still to be held (today's included) take new items.
        self.fields["meeting"].queryset = DecisionMeeting.objects.filter(date__gte=timezone.localdate()).order_by(
            "date", "pk")
        self.fields["proposal"].choices = _choices()
        initial = application.requested_per_year()
        if item is not None:
            self.initial.setdefault("meeting", item.meeting_id)
            self.initial.setdefault("proposal", item.proposal)
            initial = item.proposed or initial
        self.add_amounts(application.requested_per_year().keys(), initial, _("Proposed %(year)s (kr)"))

    def clean(self):
        data = super().clean()
        self.check_amounts(data)
        return data


class RecordForm(_AmountsMixin, forms.Form):
    """One agenda item's decision (the form's prefix is the item's: several on one page)."""

    decision_field = "decision"
    item = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label=gettext_lazy("Decision"),
                                 error_messages={"required": gettext_lazy("Choose the committee's decision.")})
    paragraph = forms.CharField(label=gettext_lazy("Paragraph (§)"), max_length=20,
                                help_text=gettext_lazy("The number in the minutes, for example 12."),
                                error_messages={"required": gettext_lazy("Enter the paragraph (§) of the minutes.")})

    def __init__(self, *args, item, **kwargs):
        kwargs.setdefault("prefix", f"item{item.pk}")
        kwargs.setdefault("initial", {})["item"] = item.pk
        super().__init__(*args, **kwargs)
        self.item_obj = item
        self.fields["decision"].choices = _choices()
        self.fields["paragraph"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "dir": "ltr"})
        self.add_amounts(item.application.requested_per_year().keys(), item.proposed or {},
                         _("Granted %(year)s (kr)"))

    def clean_paragraph(self):
        text = normalise(self.cleaned_data["paragraph"]).strip().lstrip("§").strip()
        if not text:
            raise forms.ValidationError(_("Enter the paragraph (§) of the minutes."))
        return text

    def clean(self):
        data = super().clean()
        self.check_amounts(data)
        return data
