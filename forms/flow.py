"""Steps of a form page and the answers kept in the session while someone fills it in.

A field of type "step" starts a new step (its label is the step's heading, its help text the
step's introduction); fields before the first marker form step 1 under the page title. Answers
are kept server side in the session under the fields' clean names, keyed by the page's
translation key, so that switching language keeps them."""
import dataclasses
import datetime
import decimal

import django.forms
from django.utils import formats
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from forms.fields import LotsaFormBuilder
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


class FormSession:
    """The in-progress answers of one form in the user's session."""

    def __init__(self, request, page):
        self.session = request.session
        self.key = f"lotsa_form_{page.translation_key}"

    @property
    def state(self):
        return self.session.get(self.key) or {}

    @property
    def started(self):
        return bool(self.state)

    @property
    def answers(self):
        return self.state.get("answers", {})

    @property
    def done_steps(self):
        return set(self.state.get("done", []))

    def save_step(self, step, cleaned_data):
        state = self.state or {"answers": {}, "done": []}
        for name in (f.clean_name for f in step.fields):
            if name in cleaned_data:
                state["answers"][name] = to_json(cleaned_data[name])
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
