"""Budget arithmetic, Swedish amounts, giro numbers, the state machine and the final-report rule:
the funding app's domain logic without HTTP."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from funding import workflow
from funding.budget import AmountError, Budget, format_amount, parse_amount
from funding.demo import DEMO_BUDGET
from funding.giro import luhn_valid, normalize_bankgiro, normalize_plusgiro


@pytest.mark.parametrize("text,value", [
    ("1 450 000", 1_450_000), ("1450000 kr", 1_450_000), ("1\u00a0450\u00a0000", 1_450_000),
    ("1.450.000", 1_450_000), ("50 000:-", 50_000), ("25000 SEK", 25_000), ("", 0), ("  ", 0), (None, 0),
    ("0", 0), (" 500 000 kronor", 500_000),
])
def test_swedish_amounts_are_read(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["-5", "1450000,50", "12.5", "abc", "1 45O 000", "10" * 20])
def test_bad_amounts_are_refused_with_a_message(text):
    with pytest.raises(AmountError) as exc:
        parse_amount(text)
    assert str(exc.value)


def test_amounts_are_grouped_with_no_break_spaces():
    assert format_amount(1_500_000) == "1\u00a0500\u00a0000"
    assert format_amount(0) == "0"


def test_source_budget_totals():
    budget = Budget.from_dict(DEMO_BUDGET)
    assert budget.cost_per_year() == [1_500_000] * 3
    assert budget.income_per_year() == [1_500_000] * 3
    assert budget.requested_per_year() == [500_000] * 3
    assert budget.requested_total == 1_500_000
    assert budget.cost_total == 4_500_000
    assert budget.errors(max_amount=500_000, max_per_year=True) == []
    assert Budget.from_dict(budget.to_dict()) == budget


def test_unbalanced_budget_says_which_year():
    data = {**DEMO_BUDGET, "income": [{"key": "requested", "amounts": [500_000, 500_000, 400_000]},
                                      {"key": "own", "amounts": [1_000_000] * 3}]}
    errors = [str(e) for e in Budget.from_dict(data).errors()]
    assert len(errors) == 1 and "2022" in errors[0] and "1\u00a0400\u00a0000" in errors[0]


def test_requested_over_the_fund_maximum():
    budget = Budget.from_dict({"years": ["Hela perioden"], "costs": [{"key": "other", "amounts": [30_000]}],
                               "income": [{"key": "requested", "amounts": [30_000]}]})
    errors = [str(e) for e in budget.errors(max_amount=25_000)]
    assert errors and "25\u00a0000" in errors[0]
    per_year = Budget.from_dict(DEMO_BUDGET).errors(max_amount=400_000, max_per_year=True)
    assert len(per_year) == 3


def test_empty_budget_is_refused():
    assert Budget.from_dict({"years": ["2026"], "costs": [], "income": []}).errors()


@pytest.mark.parametrize("number,formatted", [("5050-1055", "5050-1055"), ("50501055", "5050-1055"),
                                              ("991-2346", "991-2346")])
def test_valid_bankgiro(number, formatted):
    assert normalize_bankgiro(number) == formatted


@pytest.mark.parametrize("number", ["5050-1056", "123", "abcd-efgh", "123456789", ""])
def test_invalid_bankgiro(number):
    with pytest.raises(ValidationError):
        normalize_bankgiro(number)


def test_plusgiro():
    assert normalize_plusgiro("28 65 43-4") == "286543-4"
    assert luhn_valid("2865434") and not luhn_valid("2865435")
    with pytest.raises(ValidationError):
        normalize_plusgiro("286543-5")


# --- the state machine -----------------------------------------------------------------------

def test_state_machine_is_declared_as_data():
    states = {s for s, _label in workflow.STATES}
    assert states == {"draft", "signature", "submitted", "in_review", "more_info", "approved", "rejected"}
    for (frm, to), (who, _label) in workflow.TRANSITIONS.items():
        assert frm in states and to in states and who in (workflow.APPLICANT, workflow.FUND_MANAGER, workflow.SIGNATORY)
    # nothing leaves a decision
    assert not [t for t in workflow.TRANSITIONS if t[0] in workflow.DECIDED]


@pytest.fixture
def demo_application(db):
    from funding.models import Application

    return Application.objects.get(user__username="projektledare")


def test_transitions_follow_the_rules(demo_application, demo_users, mailoutbox, django_capture_on_commit_callbacks):
    app, manager = demo_application, demo_users["Fund managers"]
    assert app.status == "submitted"
    assert workflow.allowed_targets(app, app.user) == []
    assert workflow.allowed_targets(app, manager) == ["in_review", "more_info"]
    with pytest.raises(workflow.TransitionError):
        workflow.transition(app, "approved", manager)  # must be reviewed first
    with pytest.raises(PermissionDenied):
        workflow.transition(app, "in_review", app.user)  # applicants do not review
    with pytest.raises(PermissionDenied):
        workflow.transition(app, "in_review", demo_users["Coordinators"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(app, "in_review", manager)
        workflow.transition(app, "more_info", manager, comment="Bifoga en tidsplan.", internal_note="Ring chefen")
    assert app.status == "more_info" and app.is_editable
    assert workflow.allowed_targets(app, app.user) == ["submitted"]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(app, "submitted", app.user)
        workflow.transition(app, "in_review", manager)
        workflow.transition(app, "approved", manager, granted={"2020": "500 000", "2021": 500_000, "2022": 400_000})
    assert app.status == "approved" and app.granted_total == 1_400_000
    assert app.report_due == datetime.date(2023, 2, 28)  # LUM: 28 February after the project ends
    log = list(app.transitions.values_list("from_status", "to_status", "by__username"))
    assert log[-1] == ("in_review", "approved", "fondforvaltare") and len(log) == 6
    # every change e-mailed the applicant, without the answers or the internal note
    assert len(mailoutbox) == 5
    assert all(m.to == ["projektledare@lotsa.example"] for m in mailoutbox)
    for m in mailoutbox:
        assert "Ring chefen" not in m.body and "Hässelby" not in m.body and "1 450 000" not in m.body
    from django.utils import translation

    with translation.override("sv"):
        assert str(workflow.STATE_LABELS["approved"]) in mailoutbox[-1].subject


def test_final_report_due_rules(db):
    from funding.models import FundProgrammePage

    fund = FundProgrammePage(report_due_rule="months", report_due_months=3)
    assert fund.report_due_date(datetime.date(2022, 11, 30)) == datetime.date(2023, 2, 28)
    fixed = FundProgrammePage(report_due_rule="fixed", report_due_month=2, report_due_day=28)
    assert fixed.report_due_date(datetime.date(2022, 12, 31)) == datetime.date(2023, 2, 28)
    assert fixed.report_due_date(datetime.date(2022, 1, 31)) == datetime.date(2022, 2, 28)


def test_budget_field_names_join_line_and_year_with_the_languages_comma():
    """The error summary names a cell "Other costs, 2026"; in Arabic "تكاليف أخرى، 2026"."""
    from django.utils import translation

    from funding.forms import BudgetForm

    with translation.override("sv"):
        assert BudgetForm(years=["2026"]).fields["x0_0"].label == "Kostnadsrad 1, 2026"
    with translation.override("ar"):
        label = BudgetForm(years=["2026"]).fields["x0_0"].label
    assert label.endswith("، 2026") and ", " not in label
