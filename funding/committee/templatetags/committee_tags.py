from django import template

register = template.Library()


@register.simple_tag
def committee_item(application):
    """The application's decided agenda item (meeting, §), or None."""
    from funding.committee.models import AgendaItem

    item = AgendaItem.objects.filter(application=application).select_related("meeting").first()
    return item if item is not None and item.is_decided else None
