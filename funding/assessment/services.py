"""The life of an assessment, declared as data, and the services the admin views call.

    assigned --(reviewer: submit)--> submitted
    assigned --(reviewer: conflict of interest)--> conflict
    submitted --(reviewer: conflict of interest)--> conflict

A submitted assessment is final: its reviewer has then seen the others' scores. A conflict of
interest removes the reviewer from the application (their scores are deleted; the row stays so
the fund managers see who withdrew and when, and so they are not assigned again).
Assessments are open while the application is undecided.
"""
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from funding import workflow
from funding.assessment.models import REVIEWERS, Assessment, Score

A = Assessment.Status
TRANSITIONS = {
    (A.ASSIGNED, A.SUBMITTED),
    (A.ASSIGNED, A.CONFLICT),
    (A.SUBMITTED, A.CONFLICT),
}
# Application states in which reviewers may be assigned and may assess.
OPEN = {workflow.SUBMITTED, workflow.IN_REVIEW, workflow.MORE_INFO}


class Stale(Exception):
    """The assessment was saved elsewhere (another tab, another person) after the page was opened."""

    def __init__(self, current):
        super().__init__()
        self.current = current


class Closed(Exception):
    """The application was decided, or the assessment is no longer open to this change."""


def is_open(application):
    return application.status in OPEN


def candidates(application):
    """Who may be assigned: active members of Reviewers, not the applicant, not already assigned
    (nor withdrawn for a conflict of interest) on this application."""
    taken = application.assessments.values("reviewer_id")
    return (get_user_model().objects.filter(groups__name=REVIEWERS, is_active=True)
            .exclude(pk=application.user_id).exclude(pk__in=taken).order_by("first_name", "username").distinct())


def assign(application, reviewers, by):
    """Assign each reviewer (once); returns the new assessments. E-mails each reviewer a link."""
    if not is_open(application):
        raise Closed
    allowed = set(candidates(application).values_list("pk", flat=True))
    created = []
    with transaction.atomic():
        for reviewer in reviewers:
            if reviewer.pk in allowed:
                created.append(Assessment.objects.create(application=application, reviewer=reviewer, assigned_by=by))
        ids = [a.pk for a in created]
        if ids:
            from funding.assessment.tasks import notify_assigned

            transaction.on_commit(lambda: [notify_assigned.enqueue(pk) for pk in ids])
    return created


def unassign(assessment):
    """A fund manager takes back an assignment not yet submitted."""
    if assessment.status != A.ASSIGNED:
        raise Closed
    assessment.delete()


def _move(locked, to):
    if (locked.status, to) not in TRANSITIONS or not is_open(locked.application):
        raise Closed


def save(assessment, *, version, scores, recommendation, lower_amount, comment, submit):
    """Save the reviewer's answers; `submit` makes them final. `scores` is {criterion: (score, comment)}.
    Raises Stale when `version` is not the saved one (nothing is saved), Closed when the
    assessment can no longer change."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().select_related("application").get(pk=assessment.pk)
        if locked.version != version:
            raise Stale(locked)
        if locked.status != A.ASSIGNED or not is_open(locked.application):
            raise Closed
        if submit:
            _move(locked, A.SUBMITTED)
            locked.status = A.SUBMITTED
            locked.submitted_at = timezone.now()
        locked.recommendation = recommendation or ""
        locked.lower_amount = lower_amount if recommendation == Assessment.Recommendation.APPROVE_LOWER else None
        locked.comment = comment or ""
        locked.save()
        for criterion, (score, text) in scores.items():
            Score.objects.update_or_create(assessment=locked, criterion=criterion,
                                           defaults={"score": score, "comment": text or ""})
    return locked


def declare_conflict(assessment):
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().select_related("application").get(pk=assessment.pk)
        _move(locked, A.CONFLICT)
        locked.status = A.CONFLICT
        locked.conflict_at = timezone.now()
        locked.recommendation, locked.lower_amount, locked.comment = "", None, ""
        locked.save()
        locked.scores.all().delete()
    return locked


def summary(application, assessments):
    """The submitted assessments of `application` among `assessments` (already filtered by
    visible_to) as the table fund managers read: per criterion the mean and each reviewer's score,
    and each reviewer's recommendation."""
    criteria = list(application.fund.assessment_criteria.all())
    done = [a for a in assessments if a.status == A.SUBMITTED]
    by_assessment = {a.pk: {s.criterion_id: s for s in a.scores.all()} for a in done}
    rows = []
    for criterion in criteria:
        cells = [by_assessment[a.pk].get(criterion.pk) for a in done]
        values = [c.score for c in cells if c is not None and c.score]
        rows.append({"criterion": criterion, "cells": cells,
                     "mean": round(sum(values) / len(values), 1) if values else None})
    counts = {}
    for a in done:
        counts[a.recommendation] = counts.get(a.recommendation, 0) + 1
    return {"criteria": criteria, "rows": rows, "submitted": done,
            "recommendations": [(Assessment.Recommendation(k).label, n) for k, n in counts.items() if k]}
