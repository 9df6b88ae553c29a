"""Survey results: per question the share of green / yellow / red and the number of answers,
per month and for a chosen period, against the question's target. A figure based on fewer than
MIN_ANSWERS answers is withheld so that no single answer can be recognised."""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from forms.surveys.models import Colour, Rating

MIN_ANSWERS = 5


@dataclass
class Cell:
    label: str
    green: int = 0
    yellow: int = 0
    red: int = 0

    @property
    def n(self):
        return self.green + self.yellow + self.red

    @property
    def shown(self):
        return self.n >= MIN_ANSWERS

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
    total: Cell
    months: list = field(default_factory=list)

    @property
    def target_met(self):
        return None if self.total.green_share is None else self.total.green_share >= self.target


def month_range(first, last):
    """First days of every month from `first` to `last` (dates)."""
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        yield date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def compute(survey, first, last):
    """Results for `survey` (its default-language page) for answers dated first..last."""
    source = survey.source_page
    rows = (Rating.objects.filter(response__survey=source, response__answered_on__range=(first, last))
            .values("question_id", "colour", "response__answered_on__year", "response__answered_on__month")
            .annotate(n=Count("id")))
    counts = {}
    for row in rows:
        key = (row["question_id"], row["response__answered_on__year"], row["response__answered_on__month"])
        counts.setdefault(key, {})[row["colour"]] = row["n"]
    results = []
    for block_id, value in source.question_list():
        total = Cell("total")
        months = []
        for month in month_range(first, last):
            c = counts.get((block_id, month.year, month.month), {})
            cell = Cell(month.strftime("%Y-%m"), c.get(Colour.GREEN, 0), c.get(Colour.YELLOW, 0), c.get(Colour.RED, 0))
            months.append(cell)
            total.green += cell.green
            total.yellow += cell.yellow
            total.red += cell.red
        results.append(QuestionResult(block_id, value["text"], value["target"], total, months))
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
