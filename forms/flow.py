"""Steps of a form page and the answers kept in the session while someone fills it in.

A field of type "step" starts a new step (its label is the step's heading, its help text the
step's introduction); fields before the first marker form step 1 under the page title. Answers
are kept server side in the session under the fields' clean names, keyed by the page's
translation key, so that switching language keeps them. Choice answers are kept in the form's
default language (the same position in the translated list of choices: labels are the values of
Wagtail's choice fields) and shown in the page's language, so a switch keeps them chosen."""
import dataclasses
import datetime
import decimal

import django.forms
from django.utils import formats
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import FormBuilder

from forms.fields import MULTI_LINE_MAX, SINGLE_LINE_MAX, LotsaFormBuilder
from portal.punctuation import join_list

HONEYPOT = "website"


@dataclasses.dataclass
class Step:
    number: int
    title: str
    intro: str
    fields: list

    def form_class(self):
        return LotsaFormBuilder(self.fields).get_form_class()


def build_steps(page):
    steps = []
    current = None
    for field in page.get_form_fields():
        if field.is_step:
            if current is not None and not current.fields:
                steps.pop()  # an empty step (two markers in a row) is skipped
            current = Step(len(steps) + 1, field.label, field.help_text, [])
            steps.append(current)
            continue
        if current is None:
            current = Step(1, page.title, "", [])
            steps.append(current)
        current.fields.append(field)
    if current is not None and not current.fields:
        steps.pop()
    for number, step in enumerate(steps, start=1):
        step.number = number
    return steps


def to_json(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


def answers_to_data(form_class, answers):
    """Stored answers as the POST data that would produce them (to re-validate or re-display)."""
    data = MultiValueDict()
    for name, field in form_class.base_fields.items():
        if name not in answers:
            continue
        value = answers[name]
        if isinstance(field, django.forms.MultipleChoiceField):
            data.setlist(name, list(value or []))
        elif isinstance(field, django.forms.BooleanField):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    return data


def display_value(field, value):
    """An answer as the check-your-answers page and the inbox show it."""
    if value in (None, "", []):
        return ""
    if isinstance(value, list):
        return join_list(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field is not None and field.field_type in ("date", "futuredate"):
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def _choice_values(field):
    return [c for c, _label in FormBuilder([]).get_formatted_field_choices(field)] if field.choices else []


class ChoiceMap:
    """Choice answers between a form page's language and its default-language source page (by
    position in the list of choices). Values it does not know pass unchanged."""

    def __init__(self, page):
        self.to_source, self.from_source = {}, {}
        source = page.source_page
        if source.pk == page.pk:
            return
        there = {f.clean_name: f for f in source.get_form_fields()}
        for field in page.get_form_fields():
            other = there.get(field.clean_name)
            if other is None or not field.choices:
                continue
            mine, theirs = _choice_values(field), _choice_values(other)
            pairs = list(zip(mine, theirs))
            self.to_source[field.clean_name] = dict(pairs)
            self.from_source[field.clean_name] = {b: a for a, b in pairs}

    @staticmethod
    def _map(mapping, name, value):
        table = mapping.get(name)
        if not table:
            return value
        if isinstance(value, list):
            return [table.get(v, v) for v in value]
        return table.get(value, value) if isinstance(value, str) else value

    def canonical(self, values):
        return {name: self._map(self.to_source, name, value) for name, value in values.items()}

    def localised(self, values):
        return {name: self._map(self.from_source, name, value) for name, value in values.items()}


class FormSession:
    """The in-progress answers of one form in the user's session, shared by its translations."""

    def __init__(self, request, page):
        self.session = request.session
        self.page = page
        self.key = f"lotsa_form_{page.translation_key}"

    @property
    def state(self):
        return self.session.get(self.key) or {}

    @property
    def started(self):
        return bool(self.state.get("done"))

    @property
    def choices(self):
        if not hasattr(self, "_choices"):
            self._choices = ChoiceMap(self.page)
        return self._choices

    @property
    def answers(self):
        """The answers given so far, choices in this page's language."""
        return self.choices.localised(self.state.get("answers", {}))

    @property
    def shown_answers(self):
        """What a step shows: the answers, and over them what was typed but not yet sent when the
        visitor switched language (see save_unsent)."""
        state = self.state
        return self.choices.localised({**state.get("answers", {}), **state.get("unsent", {})})

    def save_unsent(self, step, data):
        """Keep what a step holds, valid or not, without sending the step: on the way to the
        same step in another language. Shown again on that step only (never sent as is: the
        step is validated when the visitor goes on)."""
        state = self.state or {"answers": {}, "done": []}
        typed = {}
        for name, field in step.form_class().base_fields.items():
            value = field.widget.value_from_datadict(data, {}, name)
            if isinstance(value, str):
                value = value[:MULTI_LINE_MAX]  # unchecked input: no more than a field takes
            elif isinstance(value, (list, tuple)):
                value = [str(v)[:SINGLE_LINE_MAX] for v in value[:len(getattr(field, "choices", ())) or 1]]
            typed[name] = to_json(value) if value is not None else ""
        state.setdefault("unsent", {}).update(self.choices.canonical(typed))
        self.session[self.key] = state
        self.session.modified = True

    @property
    def done_steps(self):
        return set(self.state.get("done", []))

    def save_step(self, step, cleaned_data):
        state = self.state or {"answers": {}, "done": []}
        answers = self.choices.canonical({name: to_json(cleaned_data[name])
                                          for name in (f.clean_name for f in step.fields) if name in cleaned_data})
        state["answers"].update(answers)
        for name in (f.clean_name for f in step.fields):
            state.get("unsent", {}).pop(name, None)
        if step.number not in state["done"]:
            state["done"].append(step.number)
        self.session[self.key] = state
        self.session.modified = True

    def first_missing(self, steps):
        done = self.done_steps
        for step in steps:
            if step.number not in done:
                return step.number
        return None

    def clear(self):
        self.session.pop(self.key, None)

    # The reference number is chosen when the check-your-answers page is shown and kept in the
    # session, so that sending is idempotent: if the database stored the submission but the
    # request then failed (the connection broke before the session was saved, and the user saw
    # the 503 page), sending again finds that submission instead of storing a second one.
    def pending_reference(self, prefix):
        from forms.models import new_reference

        state = self.state
        if state and not state.get("reference"):
            state["reference"] = new_reference(prefix)
            self.session[self.key] = state
            self.session.modified = True
        return state.get("reference")

    # After sending: remember the reference so the confirmation page (and a replayed POST) can
    # show it without a second submission.
    @property
    def sent_reference(self):
        return self.session.get(self.key + "_sent")

    def mark_sent(self, reference):
        self.clear()
        self.session[self.key + "_sent"] = reference

    def forget_sent(self):
        self.session.pop(self.key + "_sent", None)
