"""Background jobs (django-tasks): e-mails about submissions and the retention clean-up.

E-mails hold a link and the reference number only, never the answers. A send that fails leaves
`notified_at`, `receipt_sent_at` or `confirm_link_sent_at` empty; the scheduled
`purge_expired_submissions` command sends it again."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

logger = logging.getLogger("lotsa")


def _absolute(url):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _page_in(submission, language):
    from wagtail.models import Locale

    page = submission.form_page
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None:
        page = page.get_translation_or_none(locale) or page
    return page.specific


def _send(template, to, context, language):
    with translation.override(language):
        subject = render_to_string(f"forms/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"forms/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [to])


@task()
def send_notifications(submission_id):
    """The shared mailbox's notice and (when the sender gave an address) the sender's receipt."""
    from forms.models import Submission

    submission = Submission.objects.select_related("form_page").filter(pk=submission_id).first()
    if submission is None or submission.confirmed_at is None:
        return "skipped"
    source = submission.form_page.specific
    if submission.notified_at is None:
        if source.notify_mailbox:
            url = _absolute(reverse("forms_submission:inspect", args=[submission.pk]))
            _send("mailbox_notice", settings.LOTSA_SHARED_MAILBOX,
                  {"reference": submission.reference, "form_title": source.title, "url": url},
                  settings.LANGUAGE_CODE)
        Submission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
    address = submission.data.get(source.receipt_email_field) if source.receipt_email_field else None
    if address and submission.receipt_sent_at is None:
        page = _page_in(submission, submission.language)
        _send("receipt", address, {"reference": submission.reference, "form_title": page.title,
                                   "url": _absolute(page.url)}, submission.language)
        Submission.objects.filter(pk=submission.pk).update(receipt_sent_at=timezone.now())
    return "sent"


@task()
def send_confirmation_link(submission_id):
    """Ask the sender of a school request to confirm it from their work e-mail."""
    from forms.models import Submission
    from forms.services import confirmation_token

    submission = Submission.objects.select_related("form_page").filter(pk=submission_id).first()
    if submission is None or submission.confirmed_at is not None or submission.confirm_link_sent_at is not None:
        return "skipped"
    source = submission.form_page.specific
    address = submission.data.get(source.confirm_email_field)
    if not address:
        return "no address"
    page = _page_in(submission, submission.language)
    url = _absolute(page.url + page.reverse_subpage("confirm_view") + "?t=" + confirmation_token(submission))
    _send("confirm_link", address, {"reference": submission.reference, "form_title": page.title, "url": url,
                                    "days": Submission.UNCONFIRMED_DAYS}, submission.language)
    # Only after a send that went through: a failed one is sent again by the daily command.
    Submission.objects.filter(pk=submission.pk).update(confirm_link_sent_at=timezone.now())
    return "sent"


@task()
def purge_expired_submissions():
    from forms.services import clear_expired_sessions, purge_expired
    from funding import retention

    retention.run()  # funding: old refused applications, abandoned drafts, orphaned private files
    clear_expired_sessions()  # the answers of forms begun and never sent
    return purge_expired()
