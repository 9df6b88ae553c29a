from django import template

from funding import workflow
from funding.threads import services

register = template.Library()


@register.simple_tag
def lead_thread(application, user):
    """The lead's page: how many messages, how many new to them, the newest (None for a draft)."""
    if application.status == workflow.DRAFT:
        return None
    items = services.thread(application, user)
    return {"count": items.count(), "new": services.unread_count(application, user, services.LEAD),
            "last": items.last()}
