"""The period a caregiver paper states: checked against each state's limits; its renew-by date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.jurisdictions import available_states, load_jurisdiction
from planner.model import PaperEnd, PaperPeriod, PaperStart, Plan
from planner.paper_period import end_day, period_problems
from planner.validation import Severity, check
from tests.conftest import example_plan

TODAY = date(2026, 12, 6)


def keys(state: str, period: PaperPeriod) -> list[str]:
    return [p.key for p in period_problems(load_jurisdiction(state), period, TODAY)]


def on_dates(start: date | None, end: date | None) -> PaperPeriod:
    return PaperPeriod(
        starts=PaperStart.ON_DATE if start else PaperStart.WHEN_SIGNED,
        start_date=start,
        ends=PaperEnd.ON_DATE,
        end_date=end,
    )


def test_the_longest_the_law_allows_is_never_a_problem() -> None:
    for state in available_states():
        assert keys(state, PaperPeriod()) == []


@pytest.mark.parametrize(
    ("state", "last_allowed"),
    [
        ("WA", date(2028, 12, 5)),  # RCW 11.130.145: not exceeding twenty-four months
        ("NJ", date(2027, 12, 5)),  # N.J.S.A. 3B:12-39: one year from its effective date
        ("NY", date(2027, 12, 4)),  # GOL §5-1552(1): a period "less than twelve months"
    ],
)
def test_an_end_past_the_states_limit_is_an_error_and_the_last_allowed_day_is_not(
    state: str, last_allowed: date
) -> None:
    assert keys(state, on_dates(None, last_allowed)) == []
    too_long = keys(state, on_dates(None, last_allowed + timedelta(days=1)))
    assert too_long in (["period.too_long_months"], ["period.too_long_days"])


def test_an_end_before_the_start_and_missing_dates_are_named() -> None:
    assert keys("NY", on_dates(date(2027, 3, 1), date(2027, 2, 1))) == ["period.end_before_start"]
    missing = PaperPeriod(starts=PaperStart.ON_DATE, ends=PaperEnd.ON_DATE)
    assert keys("NY", missing) == ["period.start_date_missing", "period.end_date_missing"]


def test_a_start_on_an_event_only_where_the_law_allows_it() -> None:
    event = PaperPeriod(starts=PaperStart.ON_EVENT)
    assert keys("NY", event) == []  # GOL §5-1552(2): "the date or contingent event"
    assert keys("GA", event) == ["period.no_event_start"]


def test_a_state_whose_paper_states_no_period_ignores_the_choice() -> None:
    assert keys("CA", on_dates(None, TODAY + timedelta(days=5000))) == []


def test_the_last_day_is_the_longest_term_or_the_chosen_end() -> None:
    ny = load_jurisdiction("NY")
    assert end_day(ny, PaperPeriod(), TODAY) == date(2027, 12, 4)
    chosen = on_dates(date(2027, 1, 1), date(2027, 6, 30))
    assert end_day(ny, chosen, TODAY) == date(2027, 6, 30)
    assert end_day(ny, PaperPeriod(starts=PaperStart.ON_EVENT), TODAY) is None


@given(st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=900))
def test_any_chosen_period_is_an_error_exactly_when_it_passes_the_limit(
    offset: int, length: int
) -> None:
    rules = load_jurisdiction("WA")
    start = TODAY + timedelta(days=offset)
    period = on_dates(start, start + timedelta(days=length))
    longest = rules.longest_end(start)
    assert longest is not None
    too_long = "period.too_long_months" in [p.key for p in period_problems(rules, period, TODAY)]
    assert too_long == (period.end_date is not None and period.end_date > longest)


def plan_with(period: PaperPeriod, state: str = "NY") -> Plan:
    plan = example_plan("small-ca.json")
    plan.household.state = state
    plan.children[0].care.paper_period = period
    return plan


def test_validation_puts_the_problem_beside_the_field() -> None:
    problems = check(plan_with(on_dates(None, date(2030, 1, 1))), TODAY)
    found = [p for p in problems if "paper_period" in p.path]
    assert [(p.path, p.severity) for p in found] == [
        ("children[0].care.paper_period.end_date", Severity.ERROR)
    ]
    assert "12 months" in found[0].message("en")
    assert "12 meses" in found[0].message("es")


def test_a_start_date_that_has_passed_is_only_a_warning() -> None:
    period = on_dates(date(2026, 11, 1), date(2027, 6, 1))
    found = [p for p in check(plan_with(period), TODAY) if "paper_period" in p.path]
    assert [(p.key, p.severity) for p in found] == [("period.start_in_past", Severity.WARNING)]
