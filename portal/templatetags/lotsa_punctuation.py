"""{% load lotsa_punctuation %}: the language's own separators in templates (portal.punctuation)."""
from django import template

from portal import punctuation

register = template.Library()


@register.simple_tag
def list_sep():
    """Between list items written out in a loop: ', ' or '، '."""
    return punctuation.list_separator()


@register.simple_tag
def clause_sep():
    """Between two parts of a sentence: '; ' or '؛ '."""
    return punctuation.clause_separator()


@register.filter
def join_list(items):
    return punctuation.join_list(items)


@register.filter
def day_and_time(value, date_format="l j F"):
    return punctuation.day_and_time(value, date_format)
