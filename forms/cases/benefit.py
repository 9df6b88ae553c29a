"""The benefit-realisation calculation (source 000, section 4c), with the arithmetic of
reports.final_reports.BenefitRealisation:

    cost per case   = the service's cost in the period / cases handled in it, rounded DOWN to
                      whole hundreds (800 000 / 164 = 4 878.05 -> 4 800)
    saving          = average cost of a child investigation - cost per case (20 000 - 4 800 = 15 200)
    total saving    = cases from a school in the period x the share assumed to have led to an
                      investigation x saving (14 x 0.5 x 15 200 = 106 400)

Decimal throughout; the counts come from the case log (cases closed in the period)."""
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from forms.cases.models import Case
from forms.surveys.results import MIN_ANSWERS
from reports.final_reports import BenefitRealisation


@dataclass
class Calculation:
    inputs: object
    cases: int
    school_cases: int
    exact_cost_per_case: Decimal | None
    cost_per_case: int | None
    saving_per_avoided: int | None
    avoided: Decimal | None
    savings: Decimal | None

    @property
    def school_shown(self):
        """Fewer than MIN_ANSWERS school cases are not shown (nor the saving that gives them away)."""
        return self.school_cases == 0 or self.school_cases >= MIN_ANSWERS


def calculate(inputs, cases=None, school_cases=None):
    if cases is None or school_cases is None:
        qs = Case.objects.filter(closed_on__range=(inputs.period_start, inputs.period_end))
        cases, school_cases = qs.count(), qs.filter(from_school=True).count()
    avoided = Decimal(school_cases) * Decimal(inputs.investigation_share)
    model = BenefitRealisation(service_cost=Decimal(inputs.service_cost), cases=cases,
                               alternative_cost=int(inputs.investigation_cost), avoided=avoided,
                               round_to=int(inputs.round_to))
    exact = (Decimal(inputs.service_cost) / Decimal(cases)).quantize(Decimal("0.01")) if cases else None
    savings = model.savings
    return Calculation(inputs, cases, school_cases, exact, model.cost_per_case, model.saving_per_avoided, avoided,
                       None if savings is None else Decimal(savings).quantize(Decimal("1"), ROUND_DOWN))
