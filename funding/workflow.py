"""The life of an application, declared as data: its states, the transitions between them and who
may make each. Views and the admin ask this module; nothing else changes `Application.status`."""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DRAFT = "draft"
# Issue 13 item 2 (funding/signatures): sent by the lead, waiting for the department head's signature.
SIGNATURE = "signature"
SUBMITTED = "submitted"
IN_REVIEW = "in_review"
MORE_INFO = "more_info"
APPROVED = "approved"
REJECTED = "rejected"

STATES = [
    (DRAFT, _("Draft")),
    (SIGNATURE, _("Waiting for signature")),
    (SUBMITTED, _("Submitted")),
    (IN_REVIEW, _("In review")),
    (MORE_INFO, _("More information requested")),
    (APPROVED, _("Approved")),
    (REJECTED, _("Rejected")),
]
STATE_LABELS = dict(STATES)

APPLICANT = "applicant"      # the user who owns the application
FUND_MANAGER = "fund_manager"  # a user with funding.review_application (Fund managers, Administrators)
# The named department head: no account, proven by the signature link or the signed PDF the lead
# uploads (funding/signatures/services.py is the only caller that acts as them).
SIGNATORY = "signatory"

# (from, to): (who may do it, the button label)
TRANSITIONS = {
    # straight to the fund only when the fund asks for no signature (FundProgrammePage.signature);
    # the wizard asks funding.signatures.services.submit_target which one applies
    (DRAFT, SUBMITTED): (APPLICANT, _("Submit")),
    (DRAFT, SIGNATURE): (APPLICANT, _("Send for signature")),
    (SIGNATURE, SUBMITTED): (SIGNATORY, _("Sign")),
    (SIGNATURE, DRAFT): (APPLICANT, _("Take back to change")),
    (MORE_INFO, SUBMITTED): (APPLICANT, _("Submit again")),
    (SUBMITTED, IN_REVIEW): (FUND_MANAGER, _("Start review")),
    (IN_REVIEW, MORE_INFO): (FUND_MANAGER, _("Ask for more information")),
    (SUBMITTED, MORE_INFO): (FUND_MANAGER, _("Ask for more information")),
    (IN_REVIEW, APPROVED): (FUND_MANAGER, _("Approve")),
    (IN_REVIEW, REJECTED): (FUND_MANAGER, _("Reject")),
}
# States in which the applicant may change the answers.
EDITABLE = {DRAFT, MORE_INFO}
# States that end the application (a decision was made).
DECIDED = {APPROVED, REJECTED}


class TransitionError(Exception):
    pass


def role_of(user, application):
    if user is None or not user.is_authenticated:
        return None
    if user.has_perm("funding.review_application"):
        return FUND_MANAGER
    if application.user_id == user.pk:
        return APPLICANT
    return None


def allowed_targets(application, user):
    """The states `user` may move `application` to now, in declaration order."""
    roles = {role_of(user, application)}
    if application.user_id == getattr(user, "pk", None):
        roles.add(APPLICANT)
    return [to for (frm, to), (who, _label) in TRANSITIONS.items() if frm == application.status and who in roles]


def label(frm, to):
    return TRANSITIONS[(frm, to)][1]


def transition(application, to, user, *, comment="", internal_note="", granted=None, notify=True,
               as_signatory=False):
    """Move `application` to state `to` as `user`, log it, and e-mail the applicant.
    Raises TransitionError for a transition that does not exist, PermissionDenied for one the
    user may not make. `as_signatory`: the caller has proven the department head's signature
    (funding/signatures), the only way to make a SIGNATORY transition."""
    from funding.models import Application, Transition

    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        frm = locked.status
        if (frm, to) not in TRANSITIONS:
            raise TransitionError(f"{frm} -> {to}")
        if as_signatory:
            if TRANSITIONS[(frm, to)][0] != SIGNATORY:
                raise PermissionDenied
        elif to not in allowed_targets(locked, user):
            raise PermissionDenied
        now = timezone.now()
        locked.status = to
        if to == SUBMITTED:
            locked.submitted_at = now
        if to in DECIDED:
            locked.decided_at = now
        if to == APPROVED:
            locked.set_granted(granted if granted is not None else locked.requested_per_year())
            locked.report_due = locked.fund.report_due_date(locked.project_end)
        if to == REJECTED:
            locked.set_granted({})
        locked.save()
        logged = Transition.objects.create(application=locked, from_status=frm, to_status=to, by=user,
                                           comment=comment or "", internal_note=internal_note or "")
        if logged.comment:
            # The comment to the applicant (e.g. "Ask for more information") is a message in the
            # application's thread (issue 13 item 3); the internal note is not.
            from funding.threads.services import post_decision_comment

            post_decision_comment(logged)
        if notify:
            from funding.tasks import notify_status_change

            transaction.on_commit(lambda: notify_status_change.enqueue(locked.pk, to))
    application.refresh_from_db()
    return application
