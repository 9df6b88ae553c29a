"""Issue 11, item 2: survey results under 5 answers cannot be recovered by subtraction.

Property-based: hypothesis generates answer counts (satisfied / less satisfied / dissatisfied)
for the months of two calendar years and a "today", computes every view the results page offers
(months of each year, quarters of each year, years) and plays the attacker, independently of
forms.surveys.suppression: everything shown in any view is known; the calendar says which sums
hold (a quarter is its three months, a year its four quarters and its twelve months). Then

- no hidden period's figures are determined by those equations (exact linear algebra over the
  rationals: its unit vector is not in the row space of the equations over the hidden periods),
  so no "total minus the visible cells" and no difference of overlapping periods gives one back;
- what subtraction does give - the sum of the hidden parts of a shown total - is at least 5
  answers, and even knowing that each hidden month holds 1 to 4 answers none of them can be
  pinned down;
- a period is shown or hidden alike in every view, and only periods that have ended are shown.
"""
from datetime import date
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from forms.surveys.results import MIN_ANSWERS, PERIODS, Cell, view, year_cells
from forms.surveys.suppression import suppress

YEARS = (2024, 2025)
COLOURS = ("green", "yellow", "red")


def parse_label(label):
    """The attacker reads the period from the row's label: 2025-03, 2025 Q1, 2025."""
    if "Q" in label:
        y, q = label.split(" Q")
        return ("q", int(y), int(q))
    if "-" in label:
        y, m = label.split("-")
        return ("m", int(y), int(m))
    return ("y", int(label))


def every_view(counts, today):
    """{view name: [(period key, Cell)]} for every choice the page offers."""
    by_year = {y: year_cells(counts, y, today) for y in YEARS}
    views = {}
    for period in PERIODS:
        for year in (YEARS if period != "year" else YEARS[:1]):
            rows, total = view(by_year, period, year)
            views[(period, year)] = [(parse_label(c.label), c) for c in rows + ([total] if total else [])]
    return views


def calendar_equations(periods):
    """(total, [parts]) that hold by the calendar, for the periods that appear on the page."""
    eqs = []
    for y in YEARS:
        for q in range(1, 5):
            months = [("m", y, m) for m in range(3 * q - 2, 3 * q + 1)]
            if ("q", y, q) in periods and all(m in periods for m in months):
                eqs.append((("q", y, q), months))
        quarters = [("q", y, q) for q in range(1, 5)]
        months = [("m", y, m) for m in range(1, 13)]
        if ("y", y) in periods:
            eqs.append((("y", y), quarters))
            eqs.append((("y", y), months))
    return eqs


def in_row_space(rows, target):
    """Is `target` a rational linear combination of `rows`? (Gaussian elimination.)"""
    basis = []  # (pivot, row) in echelon form
    for row in rows:
        row = [Fraction(x) for x in row]
        for pivot, b in basis:
            if row[pivot]:
                factor = row[pivot] / b[pivot]
                row = [x - factor * y for x, y in zip(row, b)]
        pivot = next((i for i, x in enumerate(row) if x), None)
        if pivot is not None:
            basis.append((pivot, row))
    target = [Fraction(x) for x in target]
    for pivot, b in basis:
        if target[pivot]:
            factor = target[pivot] / b[pivot]
            target = [x - factor * y for x, y in zip(target, b)]
    return not any(target)


def attack(counts, today):
    views = every_view(counts, today)
    seen = {}
    for rows in views.values():
        for key, cell in rows:
            status = "empty" if cell.n == 0 else ("shown" if cell.shown else "hidden")
            assert seen.setdefault(key, (status, cell))[0] == status, f"{key} differs between views"
            if status == "shown":  # shares of n: the counts themselves are known
                assert [cell.green_share, cell.yellow_share, cell.red_share] == [
                    round(100 * getattr(cell, c) / cell.n, 1) for c in COLOURS]
            if status == "hidden":
                assert cell.green_share is None and cell.yellow_share is None and cell.red_share is None
    for key, (_status, cell) in seen.items():  # only ended periods
        y, rest = key[1], key[2:]
        last_month = {"m": rest[0] if rest else 12, "q": 3 * rest[0] if rest else 12, "y": 12}[key[0]]
        end = date(y + 1, 1, 1) if last_month == 12 else date(y, last_month + 1, 1)
        assert end <= today, f"{key} shown before it ended"
    known = {k: c for k, (s, c) in seen.items() if s != "hidden"}
    hidden = [k for k, (s, _c) in seen.items() if s == "hidden"]
    for key in hidden:
        assert 0 < seen[key][1].n  # empty periods are shown as 0, never hidden
    months_hidden = [k for k in hidden if k[0] == "m"]
    for key in months_hidden:
        assert seen[key][1].n < MIN_ANSWERS  # a month is hidden only for being small
    index = {k: i for i, k in enumerate(hidden)}
    eqs = calendar_equations(set(seen))
    rows = []
    for total, parts in eqs:
        row = [0] * len(hidden)
        for member, sign in [(total, 1)] + [(p, -1) for p in parts]:
            if member in index:
                row[index[member]] += sign
        if any(row):
            rows.append(row)
    for key in hidden:
        unit = [1 if k == key else 0 for k in hidden]
        assert not in_row_space(rows, unit), f"{key} ({seen[key][1].n} answers) can be worked out by subtraction"
    # What a shown total minus its shown parts gives: at least MIN_ANSWERS answers, spread so that
    # no hidden month is pinned even by its bounds (1..4 answers).
    for total, parts in eqs:
        if total not in known:
            continue
        missing = [p for p in parts if p not in known]
        if not missing:
            continue
        residual = known[total].n - sum(known[p].n for p in parts if p in known)
        assert residual >= MIN_ANSWERS and len(missing) >= 2, (total, missing, residual)
        bounds = {p: (1, MIN_ANSWERS - 1) if p[0] == "m" else (1, residual) for p in missing}
        for p in missing:
            others_low = sum(bounds[o][0] for o in missing if o != p)
            others_high = sum(bounds[o][1] for o in missing if o != p)
            low, high = max(bounds[p][0], residual - others_high), min(bounds[p][1], residual - others_low)
            assert low < high, f"{p} pinned to {low} by {total} minus the shown parts"


small = st.one_of(st.integers(0, 2), st.integers(0, 4), st.integers(0, 15), st.integers(0, 80))
month_counts = st.lists(st.tuples(small, small, small), min_size=24, max_size=24)
todays = st.one_of(st.sampled_from([date(2025, 1, 15), date(2025, 4, 1), date(2025, 12, 31), date(2026, 1, 1),
                                    date(2026, 3, 5)]), st.dates(date(2024, 1, 1), date(2026, 6, 30)))


def as_counts(values):
    counts = {}
    for i, (g, y, r) in enumerate(values):
        counts[(YEARS[i // 12], i % 12 + 1)] = {"green": g, "yellow": y, "red": r}
    return counts


FOUR_FIVE = [(2, 1, 1), (3, 1, 1)] + [(0, 0, 0)] * 22  # January 4 answers, February 5


@settings(max_examples=300, deadline=None)
@given(values=month_counts, today=todays)
@example(values=FOUR_FIVE, today=date(2026, 1, 1))  # the report's example: Q1 and 2024 would show 9
@example(values=[(1, 0, 0)] * 24, today=date(2026, 1, 1))  # every month one answer
@example(values=[(2, 1, 1)] + [(10, 5, 5)] * 23, today=date(2026, 1, 1))  # one small month in a big year
def test_no_hidden_figure_can_be_recovered(values, today):
    attack(as_counts(values), today)


def test_the_reported_example_hides_the_quarter_and_the_year():
    cells = year_cells(as_counts(FOUR_FIVE), 2024, date(2025, 1, 1))
    assert cells[("m", 2024, 1)].hidden and cells[("m", 2024, 1)].green_share is None
    assert cells[("m", 2024, 2)].shown and cells[("m", 2024, 2)].n == 5
    assert cells[("q", 2024, 1)].hidden and cells[("y", 2024)].hidden


def test_periods_that_have_not_ended_are_not_computed():
    cells = year_cells(as_counts([(5, 5, 5)] * 24), 2025, date(2025, 4, 30))
    assert set(cells) == {("m", 2025, 1), ("m", 2025, 2), ("m", 2025, 3), ("q", 2025, 1)}


# --- the pure function on its own, as coordinator case statistics will call it ------------------

def test_suppress_examples():
    assert suppress({"jan": 4, "feb": 5, "q1": 9}, [("q1", ["jan", "feb"])]) == {"jan", "q1"}
    # smallest part instead of the total: the next smallest part goes too, until the hidden rest is >= 5
    assert suppress({"a": 4, "b": 7, "c": 9, "t": 20}, [("t", ["a", "b", "c"])], prefer_totals=False) == {"a", "b"}
    assert suppress({"a": 1, "b": 1, "c": 30, "t": 32}, [("t", ["a", "b", "c"])], prefer_totals=False) == {"a", "b", "c"}
    assert suppress({"a": 0, "b": 6, "t": 6}, [("t", ["a", "b"])]) == set()  # zeros are about nobody


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(small, min_size=1, max_size=12), prefer_totals=st.booleans())
def test_one_table_of_parts_and_total(parts, prefer_totals):
    """Any table of parts with a total: subtracting the shown parts from a shown total never
    gives one hidden part, nor a rest under 5 answers."""
    values = {i: n for i, n in enumerate(parts)} | {"total": sum(parts)}
    hidden = suppress(values, [("total", list(range(len(parts))))], prefer_totals=prefer_totals)
    assert all(values[k] > 0 for k in hidden)
    assert {k for k, n in values.items() if 0 < n < MIN_ANSWERS} <= hidden
    hidden_parts = [k for k in hidden if k != "total"]
    if "total" not in hidden:
        assert len(hidden_parts) in (0,) or (len(hidden_parts) >= 2
                                             and sum(values[k] for k in hidden_parts) >= MIN_ANSWERS)
    else:
        assert hidden_parts  # a hidden total of shown parts is just their sum


def test_cell_shares_are_withheld_when_hidden():
    cell = Cell("2024-01", 3, 1, 1, hidden=True)
    assert cell.n == 5 and not cell.shown and cell.green_share is None
