"""Recording answers. One-time links count once: marking the link used and saving the answer
happen in one transaction, and the conditional update lets only one of two posts through."""
from django.db import transaction
from django.utils import timezone

from forms.surveys.models import Invitation, Rating, Response


class LinkUsed(Exception):
    pass


def invitation_for(survey, token):
    if not token:
        return None
    return Invitation.objects.filter(survey=survey.source_page, token_hash=Invitation.hash(token)).first()


def record(survey, ratings, *, language, free_text="", token=None, today=None):
    """Save one anonymous answer. `ratings` maps question id -> colour."""
    source = survey.source_page
    with transaction.atomic():
        if token or source.require_link:
            used = Invitation.objects.filter(survey=source, token_hash=Invitation.hash(token or ""), used=False).update(used=True)
            if used != 1:
                raise LinkUsed
        response = Response.objects.create(survey=source, answered_on=today or timezone.localdate(),
                                           language=language, free_text=free_text.strip())
        Rating.objects.bulk_create(Rating(response=response, question_id=q, colour=c) for q, c in ratings.items())
    return response
