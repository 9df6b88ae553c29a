"""The department head's signature (issue 13, item 2): the rules, without HTTP.

- On submit an application of a fund that asks for a signature (`FundProgrammePage.signature`)
  goes to "waiting for signature" instead of the fund (`submit_target`). With "link" the named
  head gets an e-mail with a link only; with "upload" the lead uploads the signed PDF.
- A link is a random token (256 bits) of which only the SHA-256 is stored; it works once, for
  `LINK_DAYS` days, and only until a newer link (a reminder, another signatory) replaces it. Holding
  it proves the address it was sent to, as the school form's confirmation link does.
- Signing (or uploading the signed copy) submits the application to the fund: one transition
  SIGNATURE -> SUBMITTED made as the signatory, logged with who signed and the address.
- A completion after "more information requested" goes back to the fund without a new
  signature: the head signed the application once; the PDF shows that signature with its date.
"""
import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from funding import workflow
from funding.signatures.models import SignatureRequest

logger = logging.getLogger("lotsa")

LINK_DAYS = 14
REMINDER_INTERVAL = datetime.timedelta(hours=24)  # one reminder a day at most
MAX_LINKS_PER_DAY = 5  # new links (reminders and changed signatories) per application and day


class SignatureError(Exception):
    """A step that is not possible now; the message says why, for the user."""


def method(application):
    """"link", "upload" or "none": how this application's fund wants it signed."""
    return getattr(application.fund, "signature", "none") or "none"


def submit_target(application):
    """The state the lead's submit moves the application to: the fund itself, or first the
    department head's signature. A completion after "more information requested" is not signed
    again."""
    if application.status == workflow.DRAFT and method(application) != "none":
        return workflow.SIGNATURE
    return workflow.SUBMITTED


def log_text(message, **values):
    """A line for the status log, in the site's default language (fund managers read it)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message) % values


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def named_signatory(application):
    """(name, title, e-mail) of the head as given on the applicant step."""
    answers = application.answers("applicant")
    return (answers.get("head_name") or "").strip(), (answers.get("head_title") or "").strip(), \
        (answers.get("head_email") or "").strip()


def current(application):
    """The latest link or upload of the application (signed or not), or None."""
    return application.signature_requests.order_by("-created_at", "-pk").first()


def signature_of(application):
    """The signature the application was submitted with, or None."""
    return application.signature_requests.signed().order_by("-signed_at").first()


def request_for_token(token):
    """The row a link points at (used, expired or replaced ones too: the page says which), or None."""
    if not token or len(token) > 100:
        return None
    return (SignatureRequest.objects.select_related("application", "application__fund")
            .filter(token_hash=hash_token(token)).first())


# --- the lead's side -------------------------------------------------------------------------

def submitted_by_lead(application, user):
    """After the wizard's submit moved the application to SIGNATURE: send the link to the named
    head (fund setting "link"); with "upload" the lead now uploads the signed copy."""
    if method(application) == "link":
        name, title, email = named_signatory(application)
        new_link(application, user, name, title, email, check_limit=False)


def _close_open(application, now):
    application.signature_requests.open().update(closed_at=now)


def new_link(application, user, name, title, email, *, check_limit=True):
    """Close any open link and send a new one to `email`. Returns the new row."""
    now = timezone.now()
    with transaction.atomic():
        from funding.models import Application

        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != workflow.SIGNATURE:
            raise SignatureError(_("This application is not waiting for a signature."))
        if check_limit and locked.signature_requests.filter(
                created_at__gt=now - datetime.timedelta(days=1)).count() >= MAX_LINKS_PER_DAY:
            raise SignatureError(_("Too many links were sent for this application today. Try again tomorrow."))
        _close_open(locked, now)
        token = secrets.token_urlsafe(32)
        row = SignatureRequest.objects.create(
            application=locked, method=SignatureRequest.Method.LINK, name=name, title=title, email=email,
            token_hash=hash_token(token), created_at=now, created_by=user,
            expires_at=now + datetime.timedelta(days=LINK_DAYS))
        # Sent right after the commit, not queued: the token exists only in this process and
        # in the e-mail (a queued task would keep it in the task table).
        transaction.on_commit(lambda: send_link(row.pk, token))
    return row


def remind(application, user):
    """Send the same signatory a new link (the earlier one stops working), once a day at most."""
    last = current(application)
    if last is None or last.method != SignatureRequest.Method.LINK or last.signed_at:
        raise SignatureError(_("There is no link to remind about."))
    wait_until = last.created_at + REMINDER_INTERVAL
    if timezone.now() < wait_until and last.sent_at is not None:
        raise SignatureError(_("A link was sent less than a day ago. You can send a reminder from %(time)s.") % {
            "time": timezone.localtime(wait_until).strftime("%Y-%m-%d %H:%M")})
    return new_link(application, user, last.name, last.title, last.email)


def take_back(application, user):
    """The lead takes the application back to change it: the link dies, the answers stay."""
    with transaction.atomic():
        workflow.transition(application, workflow.DRAFT, user, notify=False)
        _close_open(application, timezone.now())


def upload_signed_copy(application, user, upload):
    """The lead uploads the application signed on paper (fund setting "upload"): it becomes a
    private attachment and the application goes to the fund."""
    from funding.models import Application, Attachment

    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != workflow.SIGNATURE or method(locked) != "upload":
            raise SignatureError(_("This application is not waiting for a signed copy."))
        now = timezone.now()
        name, title, _email = named_signatory(locked)
        copy = Attachment.objects.create(application=locked, file=upload, name=upload.name[-200:], size=upload.size)
        SignatureRequest.objects.create(
            application=locked, method=SignatureRequest.Method.UPLOAD, name=name, title=title, created_at=now,
            created_by=user, signed_at=now, signed_name=name, signed_date=timezone.localdate(), signed_copy=copy)
        workflow.transition(locked, workflow.SUBMITTED, None, as_signatory=True,
                            internal_note=log_text(gettext_lazy("Signed copy uploaded by the project lead: %(file)s"),
                                                  file=copy.name))
    application.refresh_from_db()
    return application


def send_link(request_id, token):
    """The e-mail to the head: the link and when it expires, nothing of the application."""
    row = SignatureRequest.objects.select_related("application").filter(pk=request_id).first()
    if row is None or not row.email or not row.is_usable:
        return "skipped"
    app = row.application
    with translation.override(app.language):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("funding:signatures:sign", args=[token])
        context = {"reference": app.reference, "url": url, "days": LINK_DAYS,
                   "expires": timezone.localtime(row.expires_at).strftime("%Y-%m-%d %H:%M")}
        subject = render_to_string("funding/signatures/email/link_subject.txt", context).strip()
        body = render_to_string("funding/signatures/email/link_body.txt", context)
    try:
        send_mail(subject, body, None, [row.email])
    except Exception as exc:  # noqa: BLE001 - the lead's page offers to send it again
        # the exception's text may hold the address: only its kind goes into the log
        logger.error("Signature link for application %s could not be sent (%s)", app.reference,
                     type(exc).__name__)
        return "failed"
    SignatureRequest.objects.filter(pk=row.pk).update(sent_at=timezone.now())
    return "sent"


# --- the head's side -------------------------------------------------------------------------

def problem(row):
    """Why a link cannot be used now ("used", "replaced", "expired"), or "" when it can."""
    if row.signed_at is not None:
        return "used"
    if row.closed_at is not None or row.application.status != workflow.SIGNATURE:
        return "replaced"
    if row.is_expired:
        return "expired"
    return ""


def sign(row, *, name, place, date):
    """The head signs through the link: record it and submit the application to the fund. Returns
    False (and changes nothing) when the link was used, replaced or has expired meanwhile."""
    try:
        with transaction.atomic():
            locked = SignatureRequest.objects.select_for_update().select_related("application").get(pk=row.pk)
            if problem(locked):
                return False
            now = timezone.now()
            locked.signed_at, locked.signed_name, locked.signed_place, locked.signed_date = now, name, place, date
            locked.save(update_fields=["signed_at", "signed_name", "signed_place", "signed_date"])
            workflow.transition(locked.application, workflow.SUBMITTED, None, as_signatory=True,
                                internal_note=log_text(gettext_lazy("Signed by %(name)s through the link sent to "
                                                                    "%(email)s"), name=name, email=locked.email))
    except workflow.TransitionError:  # the lead took it back at the same moment: nothing is saved
        return False
    logger.info("Application %s signed by the head of department", locked.application.reference)
    return True
