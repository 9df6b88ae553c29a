"""Opening cases. Every web-form submission is a case: it is opened when the submission reaches
the coordinators (at once, or when a school confirms its request by e-mail); the coordinators
fill in the statistical fields while they handle it."""
from django.utils import timezone

from forms.cases.models import Case, Channel


def open_for_submission(submission):
    """The submission's case, created if missing. Idempotent."""
    if submission.confirmed_at is None:
        return None  # an unconfirmed school request is nobody's to read, nor to count
    opened = timezone.localtime(submission.confirmed_at).date()
    case, _created = Case.objects.get_or_create(
        submission=submission, defaults={"channel": Channel.MAILBOX, "opened_on": opened})
    return case


def sync_closed(submission):
    """Closing a submission closes its case on the same day (a coordinator can change the date)."""
    case = getattr(submission, "case", None)
    if case is None or submission.closed_at is None or case.closed_on is not None:
        return
    case.closed_on = max(timezone.localtime(submission.closed_at).date(), case.opened_on)
    case.save(update_fields=["closed_on"])
