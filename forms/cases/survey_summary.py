"""The check-out survey beside the case statistics: per question the share satisfied over the
period, against its target. Built from the survey results' own month cells
(forms.surveys.results.year_cells): only whole, ended months inside the period, and only those
the survey results show (a withheld month is left out and said so), so this never reveals more
than the survey results page does."""
import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale

from forms.surveys.models import Rating, SurveyPage
from forms.surveys.results import year_cells


@dataclass
class QuestionSummary:
    text: str
    target: int
    n: int
    green: int
    months: int
    left_out: int

    @property
    def share(self):
        return round(100 * self.green / self.n, 1) if self.n else None

    @property
    def target_met(self):
        return None if self.share is None else self.share >= self.target


def resident_survey():
    """The residents' check-out survey: the open one (school staff answer through links)."""
    qs = SurveyPage.objects.filter(locale=Locale.get_default()).order_by("pk")
    return qs.filter(require_link=False).first() or qs.first()


def summarise(first, last, survey=None, today=None):
    survey = survey or resident_survey()
    if survey is None:
        return None, []
    today = today or timezone.localdate()
    source = survey.source_page
    months = [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)
              if _whole_month_inside(y, m, first, last)]
    out = []
    for block_id, value in source.question_list():
        # the survey results' cells (with their suppression) need every answer of the year
        all_counts = _year_counts(source, block_id, {y for y, _m in months})
        n = green = used = left = 0
        by_year = {y: year_cells(all_counts, y, today) for y in {y for y, _m in months}}
        for y, m in months:
            cell = by_year[y].get(("m", y, m))
            if cell is None or cell.n == 0:
                continue
            if cell.shown:
                n, green, used = n + cell.n, green + cell.green, used + 1
            else:
                left += 1
        out.append(QuestionSummary(value["text"], value["target"], n, green, used, left))
    return survey, out


def _whole_month_inside(y, m, first, last):
    return date(y, m, 1) >= first and date(y, m, calendar.monthrange(y, m)[1]) <= last


def _year_counts(source, block_id, years):
    rows = (Rating.objects.filter(response__survey=source, question_id=block_id, response__answered_on__year__in=years)
            .values("colour", "response__answered_on__year", "response__answered_on__month")
            .annotate(n=Count("id")).order_by())
    counts = {}
    for row in rows:
        key = (row["response__answered_on__year"], row["response__answered_on__month"])
        counts.setdefault(key, {})[row["colour"]] = row["n"]
    return counts
