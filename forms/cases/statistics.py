"""The case statistics for a period - the source's tables: cases handled, returning, advice only;
per channel, problem category, age group, outcome (and, of the applications, per
administration), contacts per case and time spent. A case counts in the period in which it was
closed, as in the source ("the cases closed between 2022-08-01 and 2023-08-24").

Small numbers are withheld with the surveys' rule (forms.surveys.suppression): a count of 1-4
is hidden, and so is whatever would let it be worked out from a table's total. The total (cases
handled) is shared by every table, so all the tables are suppressed together, preferring to hide
one more part over hiding the total."""
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from forms.cases.models import Administration, AgeGroup, Case, Channel, Contacts, Outcome, ProblemCategory, TimeSpent
from forms.surveys.results import MIN_ANSWERS
from forms.surveys.suppression import suppress

TOTAL = ("total",)
NOT_REGISTERED = _("Not registered")


@dataclass
class Row:
    key: tuple
    label: str
    n: int
    hidden: bool = False

    @property
    def shown(self):
        return not self.hidden


@dataclass
class Table:
    slug: str
    title: str
    rows: list = field(default_factory=list)
    total: Row = None  # the cases the rows split (None for the summary)

    @property
    def withheld(self):
        """The rows not shown: the page and the report say why under the table."""
        return [r for r in self.rows if r.hidden]


@dataclass
class Statistics:
    first: object
    last: object
    summary: Table
    tables: list
    still_open: int = 0

    @property
    def handled(self):
        return self.summary.rows[0]

    def table(self, slug):
        return next(t for t in self.tables if t.slug == slug)


def _counts(qs, name):
    return {row[name]: row["n"] for row in qs.values(name).annotate(n=Count("id")).order_by()}


def _choice_rows(prefix, counts, choices, always=True):
    rows = [Row((prefix, value), label, counts.get(value, 0)) for value, label in choices
            if always or counts.get(value, 0)]
    if counts.get("", 0) or counts.get(None, 0):
        rows.append(Row((prefix, ""), NOT_REGISTERED, counts.get("", 0) + counts.get(None, 0)))
    return rows


def compute(first, last, minimum=MIN_ANSWERS):
    qs = Case.objects.filter(closed_on__range=(first, last))
    total = qs.count()
    total_row = Row(TOTAL, _("Cases handled"), total)
    summary = Table("summary", _("Cases handled"), [
        total_row,
        Row(("returning",), _("Returning residents"), qs.filter(returning=True).count()),
        Row(("outcome", Outcome.ADVICE), _("Advice only"), qs.filter(outcome=Outcome.ADVICE).count()),
        Row(("from_school",), _("Came from a school"), qs.filter(from_school=True).count()),
    ])
    channels = [(v, label) for v, label in Channel.choices if v != Channel.UNKNOWN]
    channel_counts = _counts(qs, "channel")
    channel_rows = _choice_rows("channel", channel_counts, channels)
    if channel_counts.get(Channel.UNKNOWN):
        channel_rows.append(Row(("channel", Channel.UNKNOWN), Channel.UNKNOWN.label, channel_counts[Channel.UNKNOWN]))
    category_counts = _counts(qs, "category")
    used = ProblemCategory.objects.filter(pk__in=[k for k in category_counts if k])
    categories = sorted(used, key=lambda c: (-category_counts[c.pk], c.sort_order, c.name))
    category_rows = [Row(("category", c.pk), c.display_name, category_counts[c.pk]) for c in categories]
    if category_counts.get(None):
        category_rows.append(Row(("category", None), NOT_REGISTERED, category_counts[None]))
    outcome_rows = _choice_rows("outcome", _counts(qs, "outcome"), Outcome.choices)
    applications = next(r for r in outcome_rows if r.key == ("outcome", Outcome.APPLICATION))
    admin_counts = _counts(qs.filter(outcome=Outcome.APPLICATION), "administration")
    tables = [
        Table("channel", _("Cases per channel"), channel_rows, total_row),
        Table("category", _("Cases per main problem"), category_rows, total_row),
        Table("age_group", _("Cases per age group"), _choice_rows("age", _counts(qs, "age_group"), AgeGroup.choices), total_row),
        Table("outcome", _("Cases per outcome"), outcome_rows, total_row),
        Table("administration", _("Applications for needs-assessed support per administration"),
              _choice_rows("administration", admin_counts, Administration.choices), applications),
        Table("contacts", _("Contacts per case"), _choice_rows("contacts", _counts(qs, "contacts"), Contacts.choices), total_row),
        Table("time_spent", _("Time spent per case"), _choice_rows("time", _counts(qs, "time_spent"), TimeSpent.choices), total_row),
    ]
    _suppress(summary, tables, minimum)
    still_open = Case.objects.filter(opened_on__range=(first, last), closed_on__isnull=True).count()
    return Statistics(first, last, summary, tables, still_open)


def _suppress(summary, tables, minimum):
    rows = {r.key: r for r in summary.rows}
    groups = []
    for table in tables:
        for r in table.rows:
            rows.setdefault(r.key, r)
        groups.append((table.total.key, [r.key for r in table.rows]))
    hidden = suppress({k: r.n for k, r in rows.items()}, groups, minimum=minimum, prefer_totals=False)
    for table in [summary, *tables]:
        for r in table.rows:
            r.hidden = r.key in hidden
