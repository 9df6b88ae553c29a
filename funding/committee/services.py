"""The committee's rules in one place: which applications a fund manager may decide alone (the
fund's delegation), marking an application ready for decision, and recording the meeting's
decision. Views call these; the application's status only changes through funding/workflow.py.
"""
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from funding import workflow
from funding.budget import format_amount, grant_total
from funding.committee.models import AgendaItem


class CommitteeError(Exception):
    """A step the committee's rules refuse; the message says what to do instead."""


def decides_alone(application, granted=None):
    """True when a fund manager may approve `application` without a meeting: the fund has no
    committee (no limit set), or both the requested and the granted money are within the limit."""
    limit = application.fund.decide_alone_max
    if limit is None:
        return True
    granted_total = grant_total(granted) if granted is not None else 0
    return max(application.requested_total, granted_total) <= limit


def direct_approval_problem(application, granted=None):
    """The message refusing a fund manager's direct approval, or None when it is allowed."""
    if decides_alone(application, granted):
        return None
    return _("Above %(limit)s kr the committee decides, not a fund manager alone. Mark the application ready "
             "for decision (under “Committee decision” on this page) and record the decision from the "
             "meeting.") % {"limit": format_amount(application.fund.decide_alone_max)}


def item_of(application):
    return AgendaItem.objects.filter(application=application).select_related("meeting").first()


def mark_ready(application, user, *, meeting, proposal, amounts):
    """Put `application` on `meeting`'s agenda with the proposed decision and amounts per year
    (again: the proposal is replaced, or the item moved to another meeting, until it is decided)."""
    if application.status != workflow.IN_REVIEW:
        raise CommitteeError(_("Only an application in review can be marked ready for decision."))
    with transaction.atomic():
        item = AgendaItem.objects.select_for_update().filter(application=application).first()
        if item is not None and item.is_decided:
            raise CommitteeError(_("The committee has already decided on this application."))
        item = item or AgendaItem(application=application)
        item.meeting = meeting
        item.proposal = proposal
        item.set_proposed(amounts if proposal == AgendaItem.Decision.APPROVE else {})
        item.proposed_by = user
        item.save()
    return item


def record_decision(item, user, *, decision, paragraph, granted):
    """Record the meeting's decision on one item and move the application to approved or
    rejected. Returns False (and changes nothing) when the item was already decided: a second
    post of the same form, or two fund managers at once."""
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().select_related("meeting", "application").get(pk=item.pk)
        if locked.is_decided:
            return False
        meeting = locked.meeting
        if meeting.date > timezone.localdate():
            raise CommitteeError(_("The meeting is on %(date)s: its decisions can be recorded from that day.") % {
                "date": meeting.date.isoformat()})
        if AgendaItem.objects.filter(meeting=meeting, paragraph=paragraph).exclude(pk=locked.pk).exists():
            raise CommitteeError(_("§ %(paragraph)s of this meeting is already recorded for another application.") % {
                "paragraph": paragraph})
        to = workflow.APPROVED if decision == AgendaItem.Decision.APPROVE else workflow.REJECTED
        # The comment is the applicant's: written in the language they applied in.
        with translation.override(locked.application.language):
            comment = _("Decided by %(committee)s on %(date)s, § %(paragraph)s (reference %(reference)s).") % {
                "committee": meeting.committee, "date": meeting.date.isoformat(), "paragraph": paragraph,
                "reference": meeting.reference}
        try:
            workflow.transition(locked.application, to, user, comment=comment,
                                granted=granted if to == workflow.APPROVED else None)
        except workflow.TransitionError:
            raise CommitteeError(_("The application is no longer in review (it is now “%(status)s”); nothing was "
                                   "recorded.") % {"status": locked.application.status_label})
        locked.decision = decision
        locked.paragraph = paragraph
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.save()
    item.refresh_from_db()
    return True
