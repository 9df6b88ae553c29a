"""All budget arithmetic of the funding app, in one place and free of HTTP and the database.

A budget is a plain dict (stored as JSON on the application)::

    {"years": ["2026", "2027", "2028"],
     "costs": [{"key": "personnel", "name": "", "amounts": [1450000, 1450000, 1450000]}, ...],
     "income": [{"key": "requested", "name": "", "amounts": [500000, 500000, 500000]}, ...]}

Amounts are whole kronor (int). `parse_amount` reads amounts the way Swedes write them.
"""
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

NBSP = "\u00a0"
# Fixed lines every budget has; named extra cost lines come after the fixed cost lines.
COST_LINES = [("personnel", _("Personnel incl. social fees")), ("other", _("Other costs"))]
INCOME_LINES = [("requested", _("Requested from this fund")), ("own", _("Own budget")),
                ("external", _("Other funding"))]
REQUESTED = "requested"
MAX_AMOUNT = 10**12  # a sanity bound: no line over a thousand billion kronor

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_CURRENCY = re.compile(r"(kr\.?|kronor|sek|:-)$", re.IGNORECASE)


class AmountError(ValueError):
    pass


def parse_amount(text):
    """'1 450 000', '1450000 kr', '1.450.000', '1 450 000:-' -> 1450000. Empty -> 0.
    Raises AmountError (with a message for the user) for decimals, negatives and non-numbers."""
    if text is None:
        return 0
    if isinstance(text, int):
        value = text
    else:
        from portal.digits import normalise

        s = normalise(str(text)).strip()
        s = _CURRENCY.sub("", s).strip()
        s = _SPACES.sub("", s)
        if s == "":
            return 0
        if s.startswith(("-", "\u2212")):
            raise AmountError(_("Amounts cannot be negative."))
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):  # 1.450.000: dots as thousands separators
            s = s.replace(".", "")
        if re.fullmatch(r"\d+([.,]\d+)", s):
            raise AmountError(_("Enter whole kronor, without öre."))
        if not s.isdigit():
            raise AmountError(_("Enter an amount in kronor, for example 1 450 000."))
        value = int(s)
    if value < 0:
        raise AmountError(_("Amounts cannot be negative."))
    if value > MAX_AMOUNT:
        raise AmountError(_("The amount is too large."))
    return value


def format_amount(value, sep=NBSP):
    """1450000 -> '1 450 000' grouped with no-break spaces (Swedish style, safe in Arabic PDFs)."""
    return f"{int(value or 0):,}".replace(",", sep)


def isolated_amount(value):
    """An amount for a sentence built in code (an error message, escaped later): isolated left to
    right (LRI … PDI), so that it reads '1 500 000' and not '000 500 1' inside Arabic text. Pages
    use `kronor` or `amount|isolate`; all three isolate through portal.bidi.isolated."""
    from portal.bidi import isolated

    return isolated(format_amount(value), html=False)


@dataclass
class Line:
    key: str
    name: str
    amounts: list

    @property
    def total(self):
        return sum(self.amounts)


@dataclass
class Budget:
    years: list
    costs: list = field(default_factory=list)
    income: list = field(default_factory=list)

    @classmethod
    def from_dict(cls, data):
        data = data or {}
        years = [str(y) for y in data.get("years", [])]
        n = len(years)

        def lines(items):
            out = []
            for item in items or []:
                amounts = [parse_amount(a) for a in (item.get("amounts") or [])][:n]
                amounts += [0] * (n - len(amounts))
                out.append(Line(item.get("key", ""), item.get("name", ""), amounts))
            return out

        return cls(years=years, costs=lines(data.get("costs")), income=lines(data.get("income")))

    def to_dict(self):
        return {
            "years": list(self.years),
            "costs": [{"key": line.key, "name": line.name, "amounts": list(line.amounts)} for line in self.costs],
            "income": [{"key": line.key, "name": line.name, "amounts": list(line.amounts)} for line in self.income],
        }

    # --- totals ---------------------------------------------------------------------------
    def cost_per_year(self):
        return [sum(line.amounts[i] for line in self.costs) for i in range(len(self.years))]

    def income_per_year(self):
        return [sum(line.amounts[i] for line in self.income) for i in range(len(self.years))]

    @property
    def cost_total(self):
        return sum(self.cost_per_year())

    @property
    def income_total(self):
        return sum(self.income_per_year())

    def requested_per_year(self):
        line = next((line for line in self.income if line.key == REQUESTED), None)
        return list(line.amounts) if line else [0] * len(self.years)

    @property
    def requested_total(self):
        return sum(self.requested_per_year())

    # --- validation -----------------------------------------------------------------------
    def errors(self, max_amount=None, max_per_year=False):
        """Messages for the user (empty when the budget is acceptable)."""
        errors = []
        if self.cost_total == 0:
            errors.append(_("Enter the project's costs."))
        for year, cost, income in zip(self.years, self.cost_per_year(), self.income_per_year()):
            if cost != income:
                errors.append(_("%(year)s: costs (%(cost)s kr) and income (%(income)s kr) must be equal.") % {
                    "year": year, "cost": isolated_amount(cost), "income": isolated_amount(income)})
        if self.requested_total == 0 and self.cost_total:
            errors.append(_("Enter the amount you request from this fund."))
        if max_amount:
            if max_per_year:
                for year, amount in zip(self.years, self.requested_per_year()):
                    if amount > max_amount:
                        errors.append(_("%(year)s: you may request at most %(max)s kr a year from this fund.") % {
                            "year": year, "max": isolated_amount(max_amount)})
            elif self.requested_total > max_amount:
                errors.append(_("You request %(total)s kr in total; this fund gives at most %(max)s kr.") % {
                    "total": isolated_amount(self.requested_total), "max": isolated_amount(max_amount)})
        return errors


def grant_total(granted):
    """Sum of a {year: amount} dict of granted money."""
    return sum(parse_amount(v) for v in (granted or {}).values())
