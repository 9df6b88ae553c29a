"""The school's reports of concern per month by outcome, entered by hand, as a table with row
and column totals computed."""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from forms.cases.models import SchoolConcernMonth

OUTCOMES = [("not_investigated", _("Did not lead to an investigation")),
            ("investigated", _("Led to an investigation")),
            ("linked", _("Linked to an ongoing investigation"))]


@dataclass
class ConcernTable:
    months: list          # the SchoolConcernMonth rows
    rows: list            # [(label, [per month], row total)]
    column_totals: list   # per month
    total: int


def concern_table(first, last):
    months = list(SchoolConcernMonth.objects.filter(month__range=(first.replace(day=1), last)))
    if not months:
        return None
    rows = []
    for name, label in OUTCOMES:
        values = [getattr(m, name) for m in months]
        rows.append((label, values, sum(values)))
    columns = [m.total for m in months]
    return ConcernTable(months, rows, columns, sum(columns))
