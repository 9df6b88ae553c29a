"""The interim report's steps: the final report's goals and economic-report forms
(reports/final_forms.py) asking about progress and spending so far, free text on deviations, and
the final report's check-your-answers step. The fund manager's decision form likewise."""
from django import forms
from django.utils.translation import gettext_lazy as _

from funding.forms import textarea
from reports.final_forms import DecisionForm, EconomyForm, Form, GoalsForm, ReviewForm

PROGRESS = [("on_track", _("On track")), ("partly", _("Partly on track")), ("behind", _("Behind plan"))]
PROGRESS_LABELS = dict(PROGRESS)


class ProgressForm(GoalsForm):
    assessments = PROGRESS
    assessment_label = _("Progress on goal %(n)s")
    assessment_required = _("Choose how goal %(n)s is progressing.")
    analysis_label = _("What was done towards goal %(n)s")
    analysis_help = _("What was done in the period, and what remains.")
    analysis_required = _("Describe the progress on goal %(n)s.")


class SpendingForm(EconomyForm):
    """The year's budget per row beside what was spent so far. Spending less than the year's budget
    is expected during the year: only spending more than the fund's limit above it is explained."""

    outcome_label = _("Spent so far %(line)s %(year)s (kr)")
    outcome_required = _("Enter what was spent so far on %(line)s %(year)s in kronor (0 if nothing).")

    def needs_explanation(self, row):
        if row.outcome is None:
            return False
        if not row.budget:
            return bool(row.outcome)
        return row.deviation_percent > self.threshold


class DeviationsForm(Form):
    deviations = textarea(_("Deviations from the plan"), required=False,
                          help_text=_("What did not go as planned in the period, and what you do about it. Leave "
                                      "it empty if nothing deviated."))


STEPS = [
    ("goals", ProgressForm, _("Progress per goal")),
    ("economy", SpendingForm, _("Spending so far")),
    ("deviations", DeviationsForm, _("Deviations")),
    ("review", ReviewForm, _("Check your answers")),
]
STEP_TITLES = {name: title for name, _form, title in STEPS}


class InterimDecisionForm(DecisionForm):
    choices = [("approve", _("Approve the interim report")),
               ("return", _("Ask the project lead to complete it"))]
