"""What happens to answers once they are sent: submissions, e-mail confirmation links, the rate
limit, and deletion after the retention period. No HTTP here; views and commands call it."""
import logging

from django.core import signing
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.forms.forms import FormBuilder

from forms.cases.services import open_for_submission
from forms.models import Submission, new_reference

logger = logging.getLogger("lotsa")

CONFIRM_SALT = "lotsa.forms.confirm"
CONFIRM_MAX_AGE = Submission.UNCONFIRMED_DAYS * 24 * 60 * 60


def _choices(field):
    return [c for c, _label in FormBuilder([]).get_formatted_field_choices(field)] if field.choices else []


def normalise_answers(page, answers):
    """Choice answers translated back to the form's default language (same position in the
    list of choices), so that exports and statistics combine every language."""
    source = page.source_page
    if source.pk == page.pk:
        return dict(answers)
    here = {f.clean_name: f for f in page.get_form_fields()}
    there = {f.clean_name: f for f in source.get_form_fields()}
    out = {}
    for name, value in answers.items():
        mine, theirs = here.get(name), there.get(name)
        if mine is not None and theirs is not None and mine.choices:
            src, dst = _choices(mine), _choices(theirs)
            mapping = {c: dst[i] for i, c in enumerate(src) if i < len(dst)}
            if isinstance(value, list):
                value = [mapping.get(v, v) for v in value]
            else:
                value = mapping.get(value, value)
        out[name] = value
    return out


def submission_with_reference(page, reference):
    """The submission of this form already stored under `reference`, or None."""
    if not reference:
        return None
    return Submission.objects.filter(reference=reference, form_page=page.source_page).first()


def create_submission(page, answers, language, reference=None):
    """Store a finished form and queue its e-mails (after commit). Returns the submission.

    The row is stored first and the e-mails are tasks run after the commit: a mail server that
    is down never loses a submission (the task fails, `notified_at` stays empty and
    `manage.py purge_expired_submissions` sends it again)."""
    from forms import tasks

    source = page.source_page
    data = normalise_answers(page, answers)
    category = data.get(source.category_field, "") if source.category_field else ""
    if isinstance(category, list):
        category = ", ".join(category)
    needs_confirmation = bool(source.confirm_email_field and data.get(source.confirm_email_field))
    submission = Submission(
        reference=reference or new_reference(source.reference_prefix or "LOT"), form_page=source, language=language,
        data=data, category=str(category)[:255],
        confirmed_at=None if needs_confirmation else timezone.now(),
    )
    submission.save()
    open_for_submission(submission)  # every submission is a case (forms.cases)
    pk = submission.pk
    if needs_confirmation:
        transaction.on_commit(lambda: tasks.send_confirmation_link.enqueue(pk))
    else:
        transaction.on_commit(lambda: tasks.send_notifications.enqueue(pk))
    logger.info("Form submission %s received", submission.reference)
    return submission


def confirmation_token(submission):
    return signing.dumps(submission.reference, salt=CONFIRM_SALT)


def submission_for_token(token):
    """The unconfirmed or confirmed submission a link points at, or None if it is invalid or old."""
    try:
        reference = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return Submission.objects.filter(reference=reference).first()


def confirm(submission):
    """Mark a request confirmed (idempotent) and notify the coordinators."""
    from forms import tasks

    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.confirmed_at is not None:
            return False
        locked.confirmed_at = timezone.now()
        locked.save()
        open_for_submission(locked)
        pk = locked.pk
        transaction.on_commit(lambda: tasks.send_notifications.enqueue(pk))
    return True


# --- Rate limit ---------------------------------------------------------------------------------

def consume_rate_limit(request):
    """Count one finished form for this client (forms.ratelimit, action "form": 10 an hour per
    address by default; LOTSA_FORMS_RATE_LIMIT = (count, seconds) still overrides it). Returns the
    usage (give it back with `.rollback()`), or None when the client has sent too many."""
    from forms import ratelimit

    return ratelimit.consume(request, "form")


# --- Retention ----------------------------------------------------------------------------------

def purge_expired(now=None):
    """Delete every submission whose deletion date has passed (closed longer than the form's
    retention period, or never confirmed). Safe to run on several servers at once: one
    transaction, rows that another server is deleting are skipped. Returns how many it deleted.
    Each submission's case stays as an anonymous statistical row (forms.cases.retention)."""
    from forms.models import AuditEvent

    now = now or timezone.now()
    with transaction.atomic():
        qs = Submission.objects.filter(expires_at__lte=now)
        if transaction.get_connection().features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True)
        expired = list(qs.only("pk", "reference"))
        if not expired:
            return 0
        Submission.objects.filter(pk__in=[s.pk for s in expired]).delete()
        AuditEvent.record(None, AuditEvent.Action.PURGE, expired)
    logger.info("Retention: deleted %d expired form submissions", len(expired))
    return len(expired)


def clear_expired_sessions():
    """Delete expired sessions: the answers of a form someone began and never sent live in their
    session (forms.flow.FormSession) and must not outlive it. Uses the configured engine's
    `SessionStore.clear_expired()` (the db and cached_db engines delete the rows; the cache
    engine expires on its own). Returns how many rows went, where the engine can tell."""
    from importlib import import_module

    from django.conf import settings

    engine = import_module(settings.SESSION_ENGINE)
    model = getattr(engine.SessionStore, "get_model_class", None)
    deleted = model().objects.filter(expire_date__lt=timezone.now()).count() if model else 0
    engine.SessionStore.clear_expired()
    logger.info("Retention: deleted %d expired sessions", deleted)
    return deleted


RECEIPT_RETRY_DAYS = 7


def pending_notifications(older_than_minutes=5):
    """Confirmed submissions whose mailbox notice, or whose receipt to the sender (on a form that
    sends receipts, for RECEIPT_RETRY_DAYS), has not gone out yet: a failed send. The task skips
    what was sent already and submissions without an address, so a retry never mails twice."""
    from django.db.models import Q

    now = timezone.now()
    cutoff = now - timezone.timedelta(minutes=older_than_minutes)
    receipt_missing = (Q(receipt_sent_at__isnull=True) & ~Q(form_page__receipt_email_field="")
                       & Q(confirmed_at__gte=now - timezone.timedelta(days=RECEIPT_RETRY_DAYS)))
    return Submission.objects.filter(Q(notified_at__isnull=True) | receipt_missing,
                                     confirmed_at__isnull=False, confirmed_at__lte=cutoff)


def pending_confirmation_links(older_than_minutes=5):
    """School requests whose confirmation link never went out (the mail server was down): still
    unconfirmed and not yet expired, so the sender can confirm once the link arrives."""
    now = timezone.now()
    return Submission.objects.filter(
        confirmed_at__isnull=True, confirm_link_sent_at__isnull=True, expires_at__gt=now,
        created_at__lte=now - timezone.timedelta(minutes=older_than_minutes),
    ).exclude(form_page__confirm_email_field="")
