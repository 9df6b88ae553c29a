"""When an approved project owes interim reports (delrapporter): the fund's schedule cut to the
project period. Per tertial (the source's follow-up) Jan–Apr is due 15 May, May–Aug 15 September and
Sep–Dec 15 January; per half year Jan–Jun is due 15 August and Jul–Dec 15 February. A period is
owed when it ends after the decision and before the project ends: the final report covers the
project's last period."""
import calendar
import datetime
from dataclasses import dataclass

NONE, TERTIAL, HALF_YEAR = "none", "tertial", "half_year"
# (first month, last month, due month, due day, due in the next year)
PERIODS = {
    TERTIAL: [(1, 4, 5, 15, False), (5, 8, 9, 15, False), (9, 12, 1, 15, True)],
    HALF_YEAR: [(1, 6, 8, 15, False), (7, 12, 2, 15, True)],
}


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    due: datetime.date


def periods(application):
    """The interim periods of `application` in order (none unless approved with a project period)."""
    from funding import workflow

    rule = PERIODS.get(getattr(application.fund, "interim_schedule", NONE))
    start, end = application.project_start, application.project_end
    if not rule or application.status != workflow.APPROVED or not start or not end:
        return []
    decided = (application.decided_at.date() if application.decided_at else start)
    out = []
    for year in range(start.year, end.year + 1):
        for first, last, due_month, due_day, next_year in rule:
            natural_start = datetime.date(year, first, 1)
            natural_end = datetime.date(year, last, calendar.monthrange(year, last)[1])
            if natural_end < start or natural_end >= end or natural_end < decided:
                continue
            due = datetime.date(year + 1 if next_year else year, due_month, due_day)
            out.append(Period(max(natural_start, start), natural_end, due))
    return out
