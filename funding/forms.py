"""The application's steps (one form per wizard step) and the fund manager's decision form."""
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from funding import giro
from funding.budget import COST_LINES, INCOME_LINES, AmountError, Budget, format_amount, parse_amount
from portal import private_files
from portal.punctuation import list_separator

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENTS = 5
TEXT = {"rows": 5}


def textarea(label, required=True, help_text=""):
    return forms.CharField(label=label, required=required, help_text=help_text, max_length=5000,
                           widget=forms.Textarea(attrs=TEXT))


class AmountField(forms.CharField):
    """Whole kronor as Swedes write them: '1 450 000', '1450000 kr'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "class": "amount", "autocomplete": "off", "dir": "ltr"})

    def clean(self, value):
        text = super().clean(value)  # a string of at most max_length characters
        try:
            return parse_amount(text)
        except AmountError as exc:
            raise ValidationError(str(exc), code="amount") from exc

    def prepare_value(self, value):
        return format_amount(value, " ") if isinstance(value, int) else value


class ApplicantForm(forms.Form):
    required_messages = {
        "organisation": _("Enter the administration or organisation."),
        "giro_type": _("Choose bankgiro or plusgiro."),
        "giro_number": _("Enter the bankgiro or plusgiro number."),
        "contact_name": _("Enter the contact person's name."),
        "contact_email": _("Enter the contact person's e-mail address."),
        "head_name": _("Enter the name of the responsible head of department."),
    }
    organisation = forms.CharField(label=_("Administration or organisation"), max_length=200,
                                   widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    unit = forms.CharField(label=_("Unit"), max_length=200, required=False)
    kst = forms.CharField(label=_("Cost centre (KST)"), max_length=10, required=False,
                          help_text=_("City administrations: digits only, for example 1002."))
    giro_type = forms.ChoiceField(label=_("Payment account"), widget=forms.RadioSelect,
                                  choices=[("bankgiro", _("Bankgiro")), ("plusgiro", _("Plusgiro"))],
                                  initial="bankgiro")
    giro_number = forms.CharField(label=_("Bankgiro or plusgiro number"), max_length=20,
                                  help_text=_("For example 5050-1055."))
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, widget=forms.TextInput(
        attrs={"autocomplete": "name"}))
    contact_email = forms.EmailField(label=_("Contact person's e-mail"), widget=forms.EmailInput(
        attrs={"autocomplete": "email"}))
    contact_phone = forms.CharField(label=_("Contact person's phone"), max_length=30, required=False,
                                    widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    head_name = forms.CharField(label=_("Responsible head of department (signs)"), max_length=200)
    head_title = forms.CharField(label=_("Title of the head of department"), max_length=200, required=False,
                                 help_text=_("For example Head of the social services department."))
    head_email = forms.EmailField(label=_("E-mail of the head of department"), required=False)
    sign_place = forms.CharField(label=_("Place of signing"), max_length=100, required=False)

    def __init__(self, *args, head_email_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        if head_email_required:  # the fund's signature is given through an e-mailed link
            self.fields["head_email"].required = True
            self.fields["head_email"].error_messages["required"] = _(
                "Enter the e-mail address of the head of department: the link to sign the application is sent "
                "there.")
            self.fields["head_email"].help_text = _("When you submit, the head of department gets a link here to "
                                                    "sign the application.")

    def clean_kst(self):
        kst = self.cleaned_data["kst"].strip()
        if kst and not (kst.isdigit() and 3 <= len(kst) <= 10):
            raise ValidationError(_("A cost centre (KST) is 3 to 10 digits, for example 1002."))
        return kst

    def clean(self):
        data = super().clean()
        if data.get("giro_type") and data.get("giro_number"):
            try:
                data["giro_number"] = giro.normalize_giro(data["giro_type"], data["giro_number"])
            except ValidationError as exc:
                self.add_error("giro_number", exc)
        return data


class ProfileForm(ApplicantForm):
    """"My organisation": the applicant step's organisation fields, kept on the account to prefill
    new applications. Nothing is required here (the application asks for what it needs)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["sign_place"]
        for field in self.fields.values():
            field.required = False

    def clean(self):
        data = super().clean()
        if not data.get("giro_type"):
            data["giro_type"] = "bankgiro"
        return data


class DateInput(forms.DateInput):
    input_type = "date"


class ProjectForm(forms.Form):
    required_messages = {
        "title": _("Enter the project's title."),
        "start": _("Enter the date the project starts."),
        "end": _("Enter the date the project ends."),
        "background": _("Describe the background."),
        "purpose": _("Describe the purpose."),
        "target_group": _("Describe the target group."),
    }
    title = forms.CharField(label=_("Project title"), max_length=200)
    start = forms.DateField(label=_("Project starts"), widget=DateInput())
    end = forms.DateField(label=_("Project ends"), widget=DateInput())
    background = textarea(_("Background"))
    purpose = textarea(_("Purpose"))
    target_group = textarea(_("Target group"))
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=lambda: __import__("reports.models", fromlist=["Topic"]).Topic.choices,
        help_text=_("What the project is about; the knowledge bank files its final report under these."))

    def __init__(self, *args, fund=None, **kwargs):
        self.fund = fund
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The project cannot end before it starts."))
            elif self.fund and end.year - start.year + 1 > self.fund.max_years:
                self.add_error("end", _("This fund supports projects of at most %(n)s years.") % {
                    "n": self.fund.max_years})
        return data


class EffectsForm(forms.Form):
    required_messages = {
        "residents": _("Describe the expected impact for residents."),
        "employees": _("Describe the expected impact for employees."),
        "administration": _("Describe the expected impact for the administration."),
        "city": _("Describe the expected impact for the city as a whole."),
    }
    residents = textarea(_("Effects for residents"))
    employees = textarea(_("Effects for employees"))
    administration = textarea(_("Effects for the administration"))
    city = textarea(_("Effects for the city as a whole"))


class MethodForm(forms.Form):
    required_messages = {
        "method": _("Describe the method."),
        "phases": _("Describe the phases and their periods."),
        "activities": _("Describe the main activities."),
        "follow_up": _("Describe the follow-up and evaluation."),
    }
    method = textarea(_("Method"))
    phases = textarea(_("Phases, with their periods"))
    activities = textarea(_("Main activities"))
    follow_up = textarea(_("Follow-up and evaluation"))


class EqualityForm(forms.Form):
    required_messages = {
        "gender_equality": _("Describe how the project works with gender equality."),
        "cohesive_support": _("Describe how the project works with cohesive support."),
    }
    gender_equality = textarea(_("Gender equality"))
    cohesive_support = textarea(_("Cohesive support"),
                                help_text=_("How the project works with other services around the same person."))


def budget_years(start, end, fund):
    """Column labels of the budget: one per calendar year of the project, or one for the period."""
    if fund is not None and not fund.budget_per_year:
        return [str(_("Whole period"))]
    if start and end and end >= start:
        years = list(range(start.year, end.year + 1))
    else:
        this = datetime.date.today().year
        years = list(range(this, this + (fund.max_years if fund else 1)))
    if fund is not None:
        years = years[: max(fund.max_years, 1)]
    return [str(y) for y in years]


class BudgetForm(forms.Form):
    """A table: cost lines and income lines (rows) by year (columns). Extra named cost lines
    can be added (a button that works without JavaScript)."""

    extra_lines = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=20, initial=1,
                                     required=False)

    def __init__(self, *args, years=None, fund=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years or [str(datetime.date.today().year)]
        self.fund = fund
        extra = 1
        if self.data:
            try:
                extra = max(0, min(20, int(self.data.get(self.add_prefix("extra_lines")) or 1)))
            except (TypeError, ValueError):
                extra = 1
        self.n_extra = extra
        self.cost_rows, self.income_rows = [], []
        for key, label in COST_LINES:
            self.cost_rows.append(self._row(f"c_{key}", label, key))
        for i in range(extra):
            self.fields[f"x{i}_name"] = forms.CharField(label=_("Name of cost line %(n)s") % {"n": i + 1},
                                                        max_length=100, required=False)
            self.cost_rows.append(self._row(f"x{i}", _("Cost line %(n)s") % {"n": i + 1}, "extra",
                                            name_field=f"x{i}_name"))
        for key, label in INCOME_LINES:
            self.income_rows.append(self._row(f"i_{key}", label, key))

    def _row(self, prefix, label, key, name_field=None):
        names = []
        for y, year in enumerate(self.years):
            name = f"{prefix}_{y}"
            # "Personal, 2026" / "الموظفون، 2026" (the form is built in the request's language)
            self.fields[name] = AmountField(label=f"{label}{list_separator()}{year}")
            names.append(name)
        return {"prefix": prefix, "label": label, "key": key, "fields": names, "name_field": name_field}

    def rows(self, kind):
        rows = self.cost_rows if kind == "costs" else self.income_rows
        out = []
        for row in rows:
            out.append({**row, "bound": [self[name] for name in row["fields"]],
                        "name_bound": self[row["name_field"]] if row["name_field"] else None})
        return out

    def cost_table(self):
        return self.rows("costs")

    def income_table(self):
        return self.rows("income")

    def to_budget(self):
        data = self.cleaned_data
        costs = []
        for row in self.cost_rows:
            name = data.get(row["name_field"], "") if row["name_field"] else ""
            amounts = [data.get(f) or 0 for f in row["fields"]]
            if row["key"] == "extra" and not name and not any(amounts):
                continue
            costs.append({"key": row["key"], "name": name, "amounts": amounts})
        income = [{"key": row["key"], "name": "", "amounts": [data.get(f) or 0 for f in row["fields"]]}
                  for row in self.income_rows]
        return Budget.from_dict({"years": self.years, "costs": costs, "income": income})

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        for row in self.cost_rows:
            if row["name_field"] and not data.get(row["name_field"]) and any(data.get(f) for f in row["fields"]):
                self.add_error(row["name_field"], _("Give the cost line a name."))
        budget = self.to_budget()
        for message in budget.errors(max_amount=getattr(self.fund, "max_amount", None),
                                     max_per_year=getattr(self.fund, "max_per_year", False)):
            self.add_error(None, message)
        self.budget = budget
        return data


class RemovableAttachmentsMixin:
    """An upload step that lists what is already attached: one "Remove <name>" checkbox per
    attachment of `owner` (an application or a final report; both have `.attachments`)."""

    def add_remove_checkboxes(self, owner):
        if owner is not None:
            for att in owner.attachments.all():
                self.fields[f"delete_{att.pk}"] = forms.BooleanField(
                    label=_("Remove %(name)s") % {"name": att.name}, required=False)

    def delete_fields(self):
        return [self[name] for name in self.fields if name.startswith("delete_")]


class AttachmentsForm(RemovableAttachmentsMixin, forms.Form):
    file = forms.FileField(label=_("Add an attachment (PDF, at most 5 MB)"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))

    def __init__(self, *args, application=None, **kwargs):
        self.application = application
        super().__init__(*args, **kwargs)
        self.add_remove_checkboxes(application)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if not upload.name.lower().endswith(".pdf"):
            raise ValidationError(_("“%(name)s” cannot be attached: attach PDF files only.") % {"name": upload.name})
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("“%(name)s” is larger than 5 MB.") % {"name": upload.name})
        # A real PDF that parses, with pages and no HTML, scripts or launch actions.
        upload.content_type = private_files.check_upload(upload, {".pdf"}).content_type
        if self.application is not None and self.application.attachments.count() >= MAX_ATTACHMENTS:
            raise ValidationError(_("You can attach at most %(n)s files.") % {"n": MAX_ATTACHMENTS})
        return upload


class ReviewForm(forms.Form):
    required_messages = {"confirm": _("Tick the box to confirm that you have checked the answers.")}
    confirm = forms.BooleanField(label=_("I have checked the answers, and the responsible head of department "
                                         "knows about the application."))


STEPS = [
    ("applicant", ApplicantForm, _("Applicant")),
    ("project", ProjectForm, _("Project")),
    ("effects", EffectsForm, _("Effects")),
    ("method", MethodForm, _("Method and follow-up")),
    ("equality", EqualityForm, _("Gender equality")),
    ("budget", BudgetForm, _("Budget")),
    ("attachments", AttachmentsForm, _("Attachments")),
    ("review", ReviewForm, _("Review and submit")),
]
STEP_TITLES = {name: title for name, _form, title in STEPS}
OPTIONAL_STEPS = {"effects", "method", "equality", "attachments"}
