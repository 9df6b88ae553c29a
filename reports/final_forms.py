"""The final report's steps (one form per wizard step) and the fund manager's decision form.

Table steps (effect targets, key figures) have a variable number of rows: a hidden count field and
"add a row" buttons that work without JavaScript, as in the application's budget table."""
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from funding.budget import COST_LINES, INCOME_LINES
from funding.forms import AmountField, RemovableAttachmentsMixin, textarea
from portal import private_files
from portal.required_messages import say_what_to_do
from reports import final_reports as fr

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10
MAX_ROWS = 30
MAX_TABLES = 5
# The extensions accepted (PDF, OOXML/ODF zip, old Office OLE) and the bytes each starts with; the
# full check of what a file is, is portal.private_files.check_upload.
ALLOWED_FILES = {
    ".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",), ".ods": (b"PK\x03\x04",), ".odp": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",), ".xls": (b"\xd0\xcf\x11\xe0",), ".ppt": (b"\xd0\xcf\x11\xe0",),
}
ACCEPT = ",".join(ALLOWED_FILES)

ASSESSMENTS = [("achieved", _("Achieved")), ("partly", _("Partly achieved")), ("not_achieved", _("Not achieved"))]
ASSESSMENT_LABELS = dict(ASSESSMENTS)


def line_label(key):
    return str((dict(COST_LINES) | dict(INCOME_LINES)).get(key, key))


def parse_number(text):
    """'73,3', '73.3 %', '1 200' -> Decimal; '' -> None. Raises ValidationError for other text."""
    s = str(text or "").strip().rstrip("%").strip()
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("\u2212", "-")
    if not s:
        return None
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValidationError(_("Enter a number, for example 73,3."), code="number") from None
    if not value.is_finite() or abs(value) >= 10**12:
        raise ValidationError(_("Enter a number, for example 73,3."), code="number")
    return value


def number_text(value):
    """Decimal -> the shortest text ('73.3', '410'), stored as a string in JSON."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


class NumberField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "number", "autocomplete": "off", "dir": "ltr"})

    def clean(self, value):
        return parse_number(super().clean(value))


class Form(forms.Form):
    """Text typed in another script than the page's (Swedish in the Arabic wizard) keeps its own
    direction: every text box is dir="auto" unless a field says otherwise (numbers are ltr).
    Required fields say what to do when left empty (portal.required_messages)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(self)

    def __getitem__(self, name):
        widget = self.fields[name].widget
        if isinstance(widget, (forms.TextInput, forms.Textarea)) and "dir" not in widget.attrs:
            widget.attrs["dir"] = "auto"
        return super().__getitem__(name)


def _count(form, name, default, maximum):
    try:
        return max(1, min(maximum, int(form.data.get(form.add_prefix(name)) or default)))
    except (TypeError, ValueError):
        return default


class SummaryForm(Form):
    required_messages = {"summary": _("Write a summary of the project and its results.")}
    summary = textarea(_("Summary of the project and its results"),
                       help_text=_("A few sentences. It is published in the knowledge bank when the report is "
                                   "approved."))


class DoneForm(Form):
    required_messages = {"what_was_done": _("Describe what was done.")}
    what_was_done = textarea(_("What was done"),
                             help_text=_("The activities, who took part, and what changed on the way."))


class GoalsForm(Form):
    """One assessment and analysis per goal of the application. The interim report asks the same
    about progress so far (funding/interim/forms.py): the choices and wording are class attributes."""

    assessments = ASSESSMENTS
    assessment_label = _("Assessment of goal %(n)s")
    assessment_required = _("Choose how far goal %(n)s was achieved.")
    analysis_label = _("Analysis of goal %(n)s")
    analysis_help = _("Why the goal was or was not reached.")
    analysis_required = _("Write an analysis of goal %(n)s.")

    def __init__(self, *args, goals=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals or []
        for i, goal in enumerate(self.goals, start=1):
            self.fields[f"g{i}_assessment"] = forms.ChoiceField(
                label=self.assessment_label % {"n": i}, choices=self.assessments, widget=forms.RadioSelect,
                error_messages={"required": self.assessment_required % {"n": i}})
            self.fields[f"g{i}_analysis"] = textarea(self.analysis_label % {"n": i}, help_text=self.analysis_help)
            self.fields[f"g{i}_analysis"].error_messages["required"] = self.analysis_required % {"n": i}

    def goal_groups(self):
        return [{"n": i, "goal": goal, "assessment": self[f"g{i}_assessment"], "analysis": self[f"g{i}_analysis"]}
                for i, goal in enumerate(self.goals, start=1)]

    def to_goals(self):
        return [{"goal": goal, "assessment": self.cleaned_data[f"g{i}_assessment"],
                 "analysis": self.cleaned_data[f"g{i}_analysis"]} for i, goal in enumerate(self.goals, start=1)]


class EffectTargetsForm(Form):
    rows = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_ROWS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.n_rows = _count(self, "rows", 3, MAX_ROWS) if self.data else max(3, len(self.initial_rows()))
        for i in range(self.n_rows):
            n = i + 1
            self.fields[f"r{i}_label"] = forms.CharField(label=_("Effect target %(n)s") % {"n": n},
                                                         max_length=300, required=False)
            self.fields[f"r{i}_target"] = NumberField(label=_("Target value, target %(n)s") % {"n": n})
            self.fields[f"r{i}_outcome"] = NumberField(label=_("Outcome, target %(n)s") % {"n": n})
            self.fields[f"r{i}_unit"] = forms.CharField(label=_("Unit, target %(n)s") % {"n": n}, max_length=30,
                                                        required=False, widget=forms.TextInput(attrs={"size": 6}))

    def initial_rows(self):
        return [k for k in (self.initial or {}) if k.endswith("_label")]

    def table(self):
        return [{"n": i + 1, "label": self[f"r{i}_label"], "target": self[f"r{i}_target"],
                 "outcome": self[f"r{i}_outcome"], "unit": self[f"r{i}_unit"]} for i in range(self.n_rows)]

    def clean(self):
        data = super().clean()
        for i in range(self.n_rows):
            label = data.get(f"r{i}_label")
            target, outcome = data.get(f"r{i}_target"), data.get(f"r{i}_outcome")
            if f"r{i}_target" in self.errors or f"r{i}_outcome" in self.errors:
                continue
            if (target is not None or outcome is not None) and not label:
                self.add_error(f"r{i}_label", _("Describe the effect target."))
            elif label and target is None:
                self.add_error(f"r{i}_target", _("Enter the target value."))
            elif label and outcome is None:
                self.add_error(f"r{i}_outcome", _("Enter the outcome."))
        if not self.errors and not self.to_targets():
            self.add_error(None, _("Enter at least one effect target with its target value and outcome."))
        return data

    def to_targets(self):
        data = self.cleaned_data
        return [{"label": data[f"r{i}_label"], "target": number_text(data[f"r{i}_target"]),
                 "outcome": number_text(data[f"r{i}_outcome"]), "unit": data.get(f"r{i}_unit", "")}
                for i in range(self.n_rows) if data.get(f"r{i}_label")]


class KeyFiguresForm(Form):
    """Tables of key figures: rows (a label each) by columns (the project's years)."""

    tables = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_TABLES)

    def __init__(self, *args, years=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years or []
        initial = self.initial or {}
        if self.data:
            self.n_tables = _count(self, "tables", 1, MAX_TABLES)
        else:
            self.n_tables = max(1, int(initial.get("tables") or 1))
        self.layout = []
        for t in range(self.n_tables):
            n = t + 1
            self.fields[f"t{t}_rows"] = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1,
                                                           max_value=MAX_ROWS)
            rows = _count(self, f"t{t}_rows", 4, MAX_ROWS) if self.data else max(
                4, int(initial.get(f"t{t}_rows") or 4))
            self.fields[f"t{t}_caption"] = forms.CharField(label=_("Title of table %(n)s") % {"n": n},
                                                           max_length=200, required=False)
            self.fields[f"t{t}_unit"] = forms.CharField(label=_("Unit of table %(n)s") % {"n": n}, max_length=40,
                                                        required=False, help_text=_("For example: number, %, kr."))
            table = {"n": n, "t": t, "rows": []}
            for r in range(rows):
                self.fields[f"t{t}_r{r}_label"] = forms.CharField(
                    label=_("Table %(t)s, row %(r)s") % {"t": n, "r": r + 1}, max_length=200, required=False)
                cells = []
                for c, year in enumerate(self.years):
                    name = f"t{t}_r{r}_c{c}"
                    self.fields[name] = NumberField(label=_("Table %(t)s, row %(r)s, %(col)s") % {
                        "t": n, "r": r + 1, "col": year})
                    cells.append(name)
                table["rows"].append({"label": f"t{t}_r{r}_label", "cells": cells})
            self.layout.append(table)

    def bound_tables(self):
        out = []
        for table in self.layout:
            t = table["t"]
            out.append({"n": table["n"], "t": t, "caption": self[f"t{t}_caption"], "unit": self[f"t{t}_unit"],
                        "rows_field": self[f"t{t}_rows"],
                        "rows": [{"label": self[row["label"]], "cells": [self[c] for c in row["cells"]]}
                                 for row in table["rows"]]})
        return out

    def clean(self):
        data = super().clean()
        for table in self.layout:
            t = table["t"]
            caption = data.get(f"t{t}_caption")
            has_value = False
            for row in table["rows"]:
                values = [data.get(c) for c in row["cells"]]
                if any(v is not None for v in values):
                    has_value = True
                    if not data.get(row["label"]) and row["label"] not in self.errors:
                        self.add_error(row["label"], _("Give the row a name."))
            if caption and not has_value and not any(c in self.errors for row in table["rows"]
                                                     for c in row["cells"]):
                self.add_error(f"t{t}_caption", _("The table “%(caption)s” has no figures. Enter them, or "
                                                  "empty the title to leave the table out.") % {"caption": caption})
            elif has_value and not caption:
                self.add_error(f"t{t}_caption", _("Give the table a title."))
        return data

    def to_tables(self):
        data = self.cleaned_data
        tables = []
        for table in self.layout:
            t = table["t"]
            if not data.get(f"t{t}_caption"):
                continue
            rows = []
            for row in table["rows"]:
                if data.get(row["label"]):
                    rows.append({"label": data[row["label"]],
                                 "values": [number_text(data.get(c)) if data.get(c) is not None else ""
                                            for c in row["cells"]]})
            tables.append({"caption": data[f"t{t}_caption"], "unit": data.get(f"t{t}_unit", ""),
                           "columns": list(self.years), "rows": rows})
        return tables


class EconomyForm(Form):
    """The granted budget's lines by year: the outcome of each, and an explanation where the
    deviation exceeds the fund's threshold."""

    # The interim report's "spent so far" uses the same table (funding/interim/forms.py).
    outcome_label = _("Outcome %(line)s %(year)s (kr)")
    outcome_required = _("Enter the outcome of %(line)s %(year)s in kronor.")

    def __init__(self, *args, lines=None, threshold=fr.DEFAULT_EXPLANATION_THRESHOLD, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines or []
        self.threshold = Decimal(threshold)
        for i, (line, year, budget) in enumerate(self.lines):
            label = line_label(line)
            self.fields[f"o{i}"] = AmountField(label=self.outcome_label % {"line": label, "year": year},
                                               required=True, error_messages={"required": self.outcome_required % {
                                                   "line": label, "year": year}})
            self.fields[f"e{i}"] = forms.CharField(
                label=_("Explanation %(line)s %(year)s") % {"line": label, "year": year}, required=False,
                max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def _shown_rows(self):
        """Deviations for display: from the checked data, else from what is typed or saved."""
        from funding.budget import AmountError, parse_amount

        rows = getattr(self, "economic_rows", None)
        if rows is not None:
            return rows
        rows = []
        for i, (line, year, budget) in enumerate(self.lines):
            raw = self.data.get(self.add_prefix(f"o{i}")) if self.is_bound else self.initial.get(f"o{i}")
            try:
                value = None if raw in (None, "") else parse_amount(raw)
            except AmountError:
                value = None
            rows.append(fr.EconomicRow(line, year, int(budget), value))
        return rows

    def table(self):
        rows = self._shown_rows()
        out = []
        for i, (line, year, budget) in enumerate(self.lines):
            row = rows[i]
            out.append({"line": line_label(line), "year": year, "budget": budget, "outcome": self[f"o{i}"],
                        "explanation": self[f"e{i}"], "row": row if row.outcome is not None else None})
        return out

    def outcome_dict(self):
        data = self.cleaned_data
        return {f"{line}|{year}": {"outcome": data.get(f"o{i}"), "explanation": (data.get(f"e{i}") or "").strip()}
                for i, (line, year, _b) in enumerate(self.lines)}

    def needs_explanation(self, row):
        return row.needs_explanation(self.threshold)

    def clean(self):
        data = super().clean()
        if any(f"o{i}" in self.errors for i in range(len(self.lines))):
            return data
        rows, _errors = fr.economic_report(self.lines, self.outcome_dict(), self.threshold)
        self.economic_rows = rows
        for i, row in enumerate(rows):
            if self.needs_explanation(row) and not row.explanation:
                if row.deviation_percent is None:
                    message = _("There was no budget for this line: explain the outcome.")
                else:
                    message = _("The outcome deviates %(pct)s %% from the budget, more than the fund's limit of "
                                "%(limit)s %%. Explain the deviation.") % {
                        "pct": str(row.deviation_percent).replace(".", ","), "limit": self.threshold}
                self.add_error(f"e{i}", message)
        return data


class BenefitForm(Form):
    """Optional: what the service cost per case and what the avoided alternatives would have cost."""

    service_cost = AmountField(label=_("Cost of the service for the period (kr)"))
    cases = AmountField(label=_("Number of cases in the period"))
    alternative_cost = AmountField(label=_("Cost of the alternative avoided, per case (kr)"),
                                   help_text=_("For example an investigation at 20 000 kr."))
    alternative = forms.CharField(label=_("The alternative avoided"), max_length=200, required=False,
                                  help_text=_("For example: investigation by the social services."))
    avoided = AmountField(label=_("Number of alternatives avoided"))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        numbers = ["service_cost", "cases", "alternative_cost", "avoided"]
        if any(data.get(n) for n in numbers) or data.get("alternative"):
            for name in numbers:
                if not data.get(name) and name != "avoided":
                    self.add_error(name, _("Fill in this figure too, or leave the whole section empty."))
        return data

    def to_benefit(self):
        data = self.cleaned_data
        if not data.get("service_cost"):
            return {}
        return {"service_cost": data["service_cost"], "cases": data["cases"],
                "alternative_cost": data["alternative_cost"], "avoided": data.get("avoided") or 0,
                "alternative": data.get("alternative", "")}


class LessonsForm(Form):
    required_messages = {"lessons": _("Describe the lessons learned."),
                         "next_steps": _("Describe what happens next.")}
    lessons = textarea(_("Lessons learned"))
    next_steps = textarea(_("What happens next"),
                          help_text=_("How the work continues after the project, and who is responsible."))


class AttachmentsForm(RemovableAttachmentsMixin, Form):
    file = forms.FileField(label=_("Add an attachment (PDF, Word, Excel, PowerPoint or OpenDocument, at most "
                                   "10 MB)"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))

    def __init__(self, *args, report=None, **kwargs):
        self.report = report
        super().__init__(*args, **kwargs)
        self.add_remove_checkboxes(report)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        name = upload.name.lower()
        ext = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        if ext not in ALLOWED_FILES:
            raise ValidationError(_("“%(name)s” cannot be attached: attach PDF, Word, Excel, PowerPoint or "
                                    "OpenDocument files.") % {"name": upload.name})
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("“%(name)s” is larger than 10 MB. Make it smaller or split it.") % {
                "name": upload.name})
        # The type read from the file (the browser's is never trusted): a PDF that parses, an Office
        # ZIP with its manifest or an OLE document with its stream.
        upload.content_type = private_files.check_upload(upload, set(ALLOWED_FILES)).content_type
        if self.report is not None and self.report.attachments.count() >= MAX_ATTACHMENTS:
            raise ValidationError(_("You can attach at most %(n)s files.") % {"n": MAX_ATTACHMENTS})
        return upload


class ReviewForm(Form):
    required_messages = {"confirm": _("Tick the box to confirm that the report may be sent.")}
    confirm = forms.BooleanField(label=_("I have checked the answers and the report may be sent to the fund "
                                         "managers."))


STEPS = [
    ("summary", SummaryForm, _("Summary")),
    ("done", DoneForm, _("What was done")),
    ("goals", GoalsForm, _("Results per goal")),
    ("effects", EffectTargetsForm, _("Effect targets")),
    ("figures", KeyFiguresForm, _("Key figures")),
    ("economy", EconomyForm, _("Economic report")),
    ("benefit", BenefitForm, _("Benefit realisation")),
    ("lessons", LessonsForm, _("Lessons and next steps")),
    ("attachments", AttachmentsForm, _("Attachments")),
    ("review", ReviewForm, _("Check your answers")),
]
STEP_TITLES = {name: title for name, _form, title in STEPS}


class DecisionForm(Form):
    required_messages = {"decision": _("Choose a decision.")}
    choices = [("approve", _("Approve the final report")), ("return", _("Return it to the project lead with comments"))]
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = self.choices  # no initial: a decision is chosen, never defaulted
    comment = forms.CharField(label=_("Comment to the project lead"), required=False, max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Tell the project lead what to complete or change."))
        return data
