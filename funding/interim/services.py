"""The interim reports' domain logic (no HTTP): the rows of a project's schedule, the budget lines
a report asks about, submitting and the fund manager's decision."""
from django.db import transaction
from django.utils import timezone

from funding.interim import schedule
from funding.interim.models import EDITABLE, InterimReport, Status


def sync(application):
    """The project's interim reports, one per scheduled period (missing ones are created; an
    untouched draft of a period no longer scheduled, after the fund changed its schedule, goes)."""
    periods = schedule.periods(application)
    existing = {r.period_start: r for r in application.interim_reports.all()}
    wanted = {p.start for p in periods}
    for start, report in existing.items():
        if start not in wanted and report.status == Status.DRAFT and not report.wizard:
            report.delete()
    for p in periods:
        if p.start not in existing:
            InterimReport.objects.get_or_create(application=application, period_start=p.start,
                                                defaults={"period_end": p.end, "due": p.due})
    return list(application.interim_reports.filter(period_start__in=wanted))


def lines(report):
    """The granted budget rows of the period's year [(line, year, amount)]: the year's budget beside
    what was spent so far. A budget not given per year: every row."""
    from reports import final_reports as fr

    granted = fr.granted_lines(report.application)
    year = str(report.period_end.year)
    return [row for row in granted if row[1] == year] or granted


def submit(report):
    """Once: a second submit (double click, replay) changes nothing."""
    now = timezone.now()
    if InterimReport.objects.filter(pk=report.pk, status__in=EDITABLE).update(status=Status.SUBMITTED,
                                                                             submitted_at=now) != 1:
        return False
    # The wizard's storage saves this object after the response: it must not write the old status back.
    report.status, report.submitted_at = Status.SUBMITTED, now
    return True


def decide(report, approve, comment, user):
    """Approve, or ask for completion with a comment the lead sees. Only a submitted report, and
    only once: two fund managers deciding at the same moment cannot both."""
    with transaction.atomic():
        changed = InterimReport.objects.filter(pk=report.pk, status=Status.SUBMITTED).update(
            status=Status.APPROVED if approve else Status.RETURNED, review_comment=comment,
            decided_at=timezone.now(), decided_by=user)
    report.refresh_from_db()
    return changed == 1
