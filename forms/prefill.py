"""Answers a form may start with, carried from where the visitor came: the guide's topic or a
service page's topic (`?topic=<slug>`) chooses the matching answer of the form's category field,
so that what was already answered is not asked again.

A choice matches a topic when, in the form's default language, the choice is the topic's name
(case and spacing aside); the same position in the translated list of choices is the answer in
the visitor's language, as forms.services.normalise_answers assumes."""
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.models import Locale


def _choices(field):
    return [c for c, _label in FormBuilder([]).get_formatted_field_choices(field)] if field and field.choices else []


def _key(text):
    return " ".join(str(text).split()).casefold()


def topic_choice(page, slug):
    """The answer of `page`'s category field that stands for topic `slug`, or None."""
    from home.models import Topic

    name = page.source_page.category_field
    if not name or not slug:
        return None
    topic = Topic.objects.filter(locale=Locale.get_default(), slug=slug).first()
    if topic is None:
        return None
    source_field = page.source_page.form_fields.filter(clean_name=name).first()
    here = page.form_fields.filter(clean_name=name).first()
    source_choices, choices = _choices(source_field), _choices(here)
    wanted = _key(topic.name)
    for position, choice in enumerate(source_choices):
        if _key(choice) == wanted and position < len(choices):
            return choices[position]
    return None


def initial_answers(request, page, answers):
    """The answers to show on step 1: those in the session, else the topic it came with."""
    name = page.source_page.category_field
    if not name or answers.get(name):
        return answers
    choice = topic_choice(page, (request.GET.get("topic") or "").strip()[:60])
    return {**answers, name: choice} if choice else answers
