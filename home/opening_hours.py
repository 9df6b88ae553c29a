"""'Open now' and 'next drop-in' for a place, in the city's time zone (Europe/Stockholm),
from its weekly hours and its exceptions (holidays, other hours). Pure functions over the
place's prefetched rows: no queries of their own when `hours` and `exceptions` are prefetched."""
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
LOOKAHEAD_DAYS = 14
OPEN, DROP_IN = "open", "drop_in"


@dataclass
class Interval:
    kind: str
    start: datetime.datetime
    end: datetime.datetime


@dataclass
class Status:
    has_hours: bool
    open_now: bool = False
    closes_at: datetime.datetime | None = None
    next_open: datetime.datetime | None = None
    drop_in_now: bool = False
    drop_in_ends: datetime.datetime | None = None
    next_drop_in: datetime.datetime | None = None
    exception_today: object = None


def now_local():
    return datetime.datetime.now(STOCKHOLM)


def _at(day, time):
    return datetime.datetime.combine(day, time, tzinfo=STOCKHOLM)


def intervals_on(place, day):
    """The place's open and drop-in intervals on `day` (a date), exceptions applied: a closed
    exception removes everything; an exception with hours replaces the day's hours (drop-in
    continues only within them)."""
    exception = next((e for e in place.exceptions.all() if e.date == day), None)
    weekly = [Interval(h.kind, _at(day, h.opens), _at(day, h.closes)) for h in place.hours.all() if h.weekday == day.weekday()]
    if exception is None:
        return weekly, None
    if exception.closed or not (exception.opens and exception.closes):
        return [], exception
    start, end = _at(day, exception.opens), _at(day, exception.closes)
    special = [Interval(OPEN, start, end)]
    for interval in weekly:
        if interval.kind == DROP_IN and interval.start < end and interval.end > start:
            special.append(Interval(DROP_IN, max(start, interval.start), min(end, interval.end)))
    return special, exception


def place_status(place, now=None):
    now = (now or now_local()).astimezone(STOCKHOLM)
    status = Status(has_hours=bool(place.hours.all()))
    if not status.has_hours:
        return status
    today = now.date()
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        intervals, exception = intervals_on(place, day)
        if offset == 0:
            status.exception_today = exception
        for iv in sorted(intervals, key=lambda i: i.start):
            if iv.kind == OPEN:
                if iv.start <= now < iv.end:
                    status.open_now = True
                    status.closes_at = max(status.closes_at or iv.end, iv.end)
                elif iv.start > now and status.next_open is None and not status.open_now:
                    status.next_open = iv.start
            else:
                if iv.start <= now < iv.end:
                    status.drop_in_now = True
                    status.drop_in_ends = iv.end
                elif iv.start > now and status.next_drop_in is None:
                    status.next_drop_in = iv.start
        if (status.open_now or status.next_open) and (status.drop_in_now or status.next_drop_in):
            break
    return status


def weekly_hours(place):
    """[(weekday number, [open intervals as (opens, closes)], [drop-in intervals])] Monday first."""
    week = []
    for weekday in range(7):
        rows = sorted((h for h in place.hours.all() if h.weekday == weekday), key=lambda h: h.opens)
        week.append((weekday, [(h.opens, h.closes) for h in rows if h.kind == OPEN],
                     [(h.opens, h.closes) for h in rows if h.kind == DROP_IN]))
    return week


def upcoming_exceptions(place, today=None, days=60):
    today = today or now_local().date()
    last = today + datetime.timedelta(days=days)
    return sorted((e for e in place.exceptions.all() if today <= e.date <= last), key=lambda e: e.date)
