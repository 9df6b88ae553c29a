"""The coordinators' case form: short and keyboard-friendly - radio buttons for the few choices,
selects for the lists, today as the opened date and the most common answers preselected."""
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from forms.cases.models import Channel, ProblemCategory
from portal.bidi import isolate_numbers

RADIOS = ["channel", "age_group", "outcome", "contacts", "time_spent"]


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class CaseForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from home.models import Place, ServicePage

        default = Locale.get_default()
        for name in RADIOS:
            field = self.fields[name]
            choices = [c for c in field.choices if c[0] != ""]
            if name == "channel" and self.instance.channel != Channel.UNKNOWN:
                choices = [c for c in choices if c[0] != Channel.UNKNOWN]  # only old, imported cases
            field.choices = choices
            # "0–12 سنة", not "12–0 سنة": each number in a label isolated (the labels are ours, escaped);
            # one <span>, as the admin's radio label is a flex box that would drop the space after <bdi>
            field.widget = forms.RadioSelect(choices=[
                (value, format_html("<span>{}</span>", isolate_numbers(str(label)))) for value, label in choices])
        # a new case is about a problem: the main fields are asked for; a web-form case opened
        # automatically may be saved before the coordinator knows them all
        for name in ("age_group", "outcome"):
            self.fields[name].required = self.instance.submission_id is None
        current = self.instance.category_id
        self.fields["category"] = CategoryChoiceField(
            label=_("Main problem"), required=self.instance.submission_id is None,
            queryset=ProblemCategory.objects.filter(locale=default).order_by("sort_order", "name"),
            error_messages={"invalid_choice": _("Choose a problem category from the list."),
                            "required": _("Choose the main problem.")},
            initial=self.instance.category_id,
        )
        if current is None:
            self.fields["category"].queryset = self.fields["category"].queryset.filter(active=True)
        self.fields["drop_in_place"].queryset = Place.objects.filter(locale=default).order_by("name")
        self.fields["referred_service"].queryset = ServicePage.objects.live().filter(locale=default).order_by("title")
        for name in ("opened_on", "closed_on"):
            self.fields[name].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["closed_on"].error_messages["invalid"] = _("Enter the closed date as YYYY-MM-DD.")
        self.fields["opened_on"].error_messages["invalid"] = _("Enter the opened date as YYYY-MM-DD.")
