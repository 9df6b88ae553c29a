"""What a required field says when it is left empty. GOV.UK's pattern: say what to do ("Skriv
ditt förnamn", "Välj din roll"), never "Det här fältet är obligatoriskt".

One rule for every form: the form builder's fields (forms.fields), the wizards' steps and the
school form. A form may name its own message per field (`required_messages = {name: text}`);
other required fields get one made from the label and the kind of answer: a question is
answered, a choice or a date is chosen, a box is ticked, anything else is written."""
from django import forms
from django.utils.translation import gettext_lazy as _

WRITE, CHOOSE, TICK = "write", "choose", "tick"
_DJANGO_DEFAULT = forms.Field.default_error_messages["required"]


def _label_in_sentence(label):
    """'Förnamn' → 'förnamn' inside 'Skriv förnamn.' (but 'SMS' and 'KST' stay as they are)."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def message_for(label, kind):
    label = str(label or "").strip().rstrip(".:")
    question = label.endswith("?")
    if kind == TICK:
        return _("Tick the box: %(label)s") % {"label": label}
    if kind == CHOOSE:
        if question:
            return _("Choose an answer to the question: %(label)s") % {"label": label}
        return _("Choose %(label)s.") % {"label": _label_in_sentence(label)}
    if question:
        return _("Answer the question: %(label)s") % {"label": label}
    return _("Enter %(label)s.") % {"label": _label_in_sentence(label)}


def kind_of(field):
    if isinstance(field, forms.BooleanField):
        return TICK
    if isinstance(field, (forms.ChoiceField, forms.DateField, forms.DateTimeField, forms.FileField)):
        return CHOOSE
    return WRITE


def say_what_to_do(form):
    """Give every required field of `form` a message that says what to do, unless the field
    already has its own (not Django's default)."""
    own = getattr(form, "required_messages", {})
    for name, field in form.fields.items():
        if not field.required:
            continue
        if name in own:
            field.error_messages["required"] = own[name]
        elif str(field.error_messages.get("required", "")) == str(_DJANGO_DEFAULT):
            field.error_messages["required"] = message_for(field.label or name, kind_of(field))
    return form


class SayWhatToDoWizardMixin:
    """For django-formtools wizards: every step's form gets the messages."""

    def get_form(self, *args, **kwargs):
        return say_what_to_do(super().get_form(*args, **kwargs))


class SayWhatToDoFormMixin:
    """For forms that are not built here (allauth's): the messages once the fields exist."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_what_to_do(self)
