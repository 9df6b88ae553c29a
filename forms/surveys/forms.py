"""The survey form, built from the page's questions."""
from django import forms
from django.utils.translation import gettext_lazy as _

from forms.surveys.models import SYMBOLS, Colour


class SurveyForm(forms.Form):
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = page.question_list()
        for block_id, value in self.questions:
            self.fields[f"q_{block_id}"] = forms.ChoiceField(
                label=value["text"], help_text=value.get("help_text") or "", choices=Colour.choices,
                widget=forms.RadioSelect, error_messages={"required": _("Choose an answer to this question.")})
        if page.free_text_label:
            self.fields["free_text"] = forms.CharField(
                label=page.free_text_label, required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Optional. Do not write your name or anything that can identify you."))

    def ratings(self):
        return {block_id: self.cleaned_data[f"q_{block_id}"] for block_id, _v in self.questions}

    def scales(self):
        """[(bound field, [(radio, colour, symbol)])] for the template."""
        out = []
        for block_id, _v in self.questions:
            field = self[f"q_{block_id}"]
            out.append((field, [(radio, radio.data["value"], SYMBOLS[radio.data["value"]]) for radio in field]))
        return out
