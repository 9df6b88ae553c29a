"""Survey results: per question the share of green / yellow / red and the number of answers, for
fixed calendar periods only - months, quarters or years, never a free range of dates - against
the question's target.

Two rules keep a single answer from being recognised (forms.surveys.suppression):
- a period is shown only once it has ended, so a figure never changes from one day to the next
  (yesterday's total minus today's would otherwise give today's answers);
- a figure from fewer than MIN_ANSWERS answers is hidden, and so is every total from which a
  hidden figure could be worked out by subtraction (a quarter or year with exactly one hidden
  month, say). The months, quarters and year of a calendar year are suppressed together, so the
  month, quarter and year views of it never contradict each other."""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Min

from forms.surveys.models import Colour, Rating, Response
from forms.surveys.suppression import suppress

MIN_ANSWERS = 5
PERIODS = ("month", "quarter", "year")


@dataclass
class Cell:
    label: str
    green: int = 0
    yellow: int = 0
    red: int = 0
    hidden: bool = False  # set by the suppression
    short: str = ""  # the label under a bar of the chart

    @property
    def n(self):
        return self.green + self.yellow + self.red

    @property
    def shown(self):
        """The shares are shown (a non-empty period that is not suppressed)."""
        return self.n > 0 and not self.hidden

    def share(self, colour):
        if not self.shown:
            return None
        return round(100 * getattr(self, colour) / self.n, 1)

    @property
    def green_share(self):
        return self.share("green")

    @property
    def yellow_share(self):
        return self.share("yellow")

    @property
    def red_share(self):
        return self.share("red")


@dataclass
class QuestionResult:
    question_id: str
    text: str
    target: int
    total: Cell = None  # the whole year (None: the year has not ended, or the year view)
    months: list = field(default_factory=list)  # the rows: months, quarters or years

    @property
    def target_met(self):
        if self.total is None or self.total.green_share is None:
            return None
        return self.total.green_share >= self.target


def _next_month(y, m):
    return (y + 1, 1) if m == 12 else (y, m + 1)


def month_ended(y, m, today):
    return date(*_next_month(y, m), 1) <= today


def year_cells(counts, year, today, minimum=MIN_ANSWERS):
    """{key: Cell} for the ended months ("m", y, m), quarters ("q", y, q) and the year ("y", y) of
    `year`, with `.hidden` set. `counts` maps (y, m) to {colour: n}. Pure."""
    cells, groups = {}, []
    for m in range(1, 13):
        if month_ended(year, m, today):
            c = counts.get((year, m), {})
            cells[("m", year, m)] = Cell(f"{year}-{m:02d}", c.get(Colour.GREEN, 0), c.get(Colour.YELLOW, 0),
                                         c.get(Colour.RED, 0), short=f"{year % 100:02d}-{m:02d}")
    for q in range(1, 5):
        parts = [("m", year, m) for m in range(3 * q - 2, 3 * q + 1)]
        if all(p in cells for p in parts):
            cells[("q", year, q)] = _sum(f"{year} Q{q}", [cells[p] for p in parts], short=f"Q{q} {year % 100:02d}")
            groups.append((("q", year, q), parts))
    quarters = [("q", year, q) for q in range(1, 5)]
    if all(q in cells for q in quarters):
        cells[("y", year)] = _sum(str(year), [cells[q] for q in quarters], short=str(year))
        groups.append((("y", year), quarters))
        groups.append((("y", year), [("m", year, m) for m in range(1, 13)]))  # the month view's total row
    hidden = suppress({key: cell.n for key, cell in cells.items()}, groups, minimum=minimum)
    for key in hidden:
        cells[key].hidden = True
    return cells


def _sum(label, parts, short=""):
    return Cell(label, sum(p.green for p in parts), sum(p.yellow for p in parts), sum(p.red for p in parts),
                short=short)


def view(cells_by_year, period, year):
    """(rows, total) of one view: the ended months or quarters of `year` and the year's total
    (None until it has ended), or (period "year") every ended year and no total."""
    if period == "year":
        rows = [cells[("y", y)] for y, cells in sorted(cells_by_year.items()) if ("y", y) in cells]
        return rows, None
    cells = cells_by_year.get(year, {})
    kind = "q" if period == "quarter" else "m"
    rows = [cell for key, cell in cells.items() if key[0] == kind]
    return rows, cells.get(("y", year))


def answer_years(survey, today):
    """The calendar years one can choose: from the first answer's to this year."""
    first = Response.objects.filter(survey=survey.source_page).aggregate(first=Min("answered_on"))["first"]
    return list(range(first.year if first else today.year, today.year + 1))


def compute(survey, period, year, today):
    """Results for `survey` (its default-language page): one QuestionResult per question with the
    rows and total of the chosen view."""
    source = survey.source_page
    years = answer_years(survey, today) if period == "year" else [year]
    rows = (Rating.objects.filter(response__survey=source, response__answered_on__year__in=years)
            .values("question_id", "colour", "response__answered_on__year", "response__answered_on__month")
            .annotate(n=Count("id")))
    counts = {}
    for row in rows:
        key = (row["response__answered_on__year"], row["response__answered_on__month"])
        counts.setdefault(row["question_id"], {}).setdefault(key, {})[row["colour"]] = row["n"]
    results = []
    for block_id, value in source.question_list():
        by_year = {y: year_cells(counts.get(block_id, {}), y, today) for y in years}
        cells, total = view(by_year, period, year)
        results.append(QuestionResult(block_id, value["text"], value["target"], total, cells))
    return results


def comments(survey, first, last, limit=200):
    """The free-text comments for answers dated first..last, newest month first, shown by month
    only (not the day), and only when the period has at least MIN_ANSWERS answers in all, so that
    a comment cannot be tied to one person's visit."""
    from forms.surveys.models import Response

    answers = Response.objects.filter(survey=survey.source_page, answered_on__range=(first, last))
    if answers.count() < MIN_ANSWERS:
        return None
    rows = answers.exclude(free_text="").order_by("-answered_on", "?").values_list("answered_on", "language", "free_text")
    return [(f"{day:%Y-%m}", language, text) for day, language, text in rows[:limit]]
