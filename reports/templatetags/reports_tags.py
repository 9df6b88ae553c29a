from django import template

from reports import charts

register = template.Library()


@register.filter
def keyfigure(value):
    """A key figure in the active language's number format (Swedish: 3 080, 93,3)."""
    return charts.fmt(value)


@register.simple_tag(takes_context=True)
def facet_url(context, **changes):
    """The current knowledge-bank URL with some parameters changed (e.g. page=2)."""
    request = context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"
