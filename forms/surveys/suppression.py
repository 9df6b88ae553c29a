"""Small-number suppression with complementary suppression, for any table of counts whose totals
are sums of other cells (survey results by month, quarter and year; coordinators' case
statistics). Pure: no database, no Django.

    hidden = suppress({"jan": 4, "feb": 5, "q1": 9}, [("q1", ["jan", "feb"])])
    # {"jan", "q1"}: January has fewer than 5; Q1 minus February would give it back.

The rules, applied until nothing changes:

1. *Primary*: a cell with 1 to `minimum - 1` answers is hidden. An empty cell (0) is shown: it
   is about nobody, and hiding it would only make the others easier to pin down.
2. *Complementary*: in every group (a total and its parts, i.e. one equation total = sum of
   parts) either nothing is hidden or at least two members are, and when the total is shown,
   the parts hidden in it must add up to at least `minimum` and be impossible to pin down one by
   one (not all 1, not all `minimum - 1`). Otherwise one more member is hidden: the total when
   `prefer_totals` (what is shown never changes when a period is added later), else the
   smallest part still shown (the total if none is left).

What an attacker can then work out by subtracting shown cells from shown totals is at most the
sum of two or more hidden cells, itself at least `minimum` answers - never one hidden cell.
"""


def _pinned(residual, count, minimum):
    """True when hidden parts adding up to `residual` could be worked out one by one: too few
    answers in all, or every part forced to 1 or to minimum - 1 (each hidden part holds 1 to
    minimum - 1 answers as far as anyone outside knows)."""
    return residual < minimum or residual == count or residual == count * (minimum - 1)


def suppress(values, groups, minimum=5, prefer_totals=True):
    """The set of keys of `values` ({key: count}) to hide, given `groups`, a list of
    (total key, [part keys]) where values[total] == sum(values[part] for part in parts)."""
    hidden = {key for key, n in values.items() if 0 < n < minimum}
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            members = [total, *parts]
            hidden_members = [m for m in members if m in hidden]
            if not hidden_members:
                continue
            hidden_parts = [p for p in parts if p in hidden]
            unsafe = len(hidden_members) == 1 or (
                total not in hidden and _pinned(sum(values[p] for p in hidden_parts), len(hidden_parts), minimum))
            if not unsafe:
                continue
            visible_parts = sorted((p for p in parts if p not in hidden and values[p] > 0), key=lambda p: values[p])
            if total not in hidden and (prefer_totals or not visible_parts):
                hidden.add(total)
            elif visible_parts:
                hidden.add(visible_parts[0])
            else:
                continue  # the total and every non-empty part are hidden already
            changed = True
    return hidden
