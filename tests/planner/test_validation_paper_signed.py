"""The day a child's caregiver paper was signed: a day to come, or one before the child was born,
is named at its field in English and Spanish; a signed paper's start that has passed is fine."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from planner.model import PaperEnd, PaperStart
from planner.validation import Severity, check
from tests.conftest import TODAY, example_plan

PATH = "children[0].care.paper_signed_on"


def problems_at_the_signing_day(signed: date) -> list[tuple[str, Severity, str, str]]:
    plan = example_plan("small-ca.json")
    plan.children[0].care.paper_signed_on = signed
    return [
        (p.key, p.severity, p.message("en"), p.message("es"))
        for p in check(plan, TODAY)
        if p.path == PATH
    ]


@given(st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2100, 1, 1)))
def test_a_day_that_has_not_come_is_an_error(signed: date) -> None:
    [(key, severity, english, spanish)] = problems_at_the_signing_day(signed)
    assert (key, severity) == ("paper.signed_in_future", Severity.ERROR)
    assert english.startswith("This day has not come yet.")
    assert spanish.startswith("Este día todavía no ha llegado.")


def test_a_day_before_the_child_was_born_is_an_error() -> None:
    born = example_plan("small-ca.json").children[0].date_of_birth
    assert born is not None
    [(key, severity, english, spanish)] = problems_at_the_signing_day(born - timedelta(days=1))
    assert (key, severity) == ("paper.signed_before_birth", Severity.ERROR)
    assert "before the child was born" in english
    assert "anterior al nacimiento" in spanish


@given(st.sampled_from([TODAY, date(2026, 3, 9)]))
def test_today_or_a_past_day_after_the_birth_is_fine(signed: date) -> None:
    assert problems_at_the_signing_day(signed) == []


def test_a_child_without_a_date_of_birth_may_have_any_past_signing_day() -> None:
    plan = example_plan("small-ca.json")
    plan.children[0].date_of_birth = None
    plan.children[0].care.paper_signed_on = date(2001, 1, 1)
    assert [p for p in check(plan, TODAY) if p.path == PATH] == []


def test_a_signed_papers_start_date_that_has_passed_is_not_a_warning() -> None:
    plan = example_plan("small-ca.json")
    plan.household.state = "NY"
    period = plan.children[0].care.paper_period
    period.starts, period.start_date = PaperStart.ON_DATE, date(2026, 3, 9)
    period.ends, period.end_date = PaperEnd.ON_DATE, date(2026, 12, 31)
    start = "children[0].care.paper_period.start_date"
    assert "period.start_in_past" in [p.key for p in check(plan, TODAY) if p.path == start]
    plan.children[0].care.paper_signed_on = date(2026, 3, 9)
    assert [p.key for p in check(plan, TODAY) if p.path == start] == []
