"""The wizard's flow without a window: order, section states, and questions the state brings in."""

from __future__ import annotations

import pytest

from planner.flow import (
    ORDER,
    SectionId,
    SectionState,
    asks_other_parent_address,
    asks_whether_other_parent_is_available,
    next_section,
    previous_section,
    problems_in,
    section_state,
)
from planner.model import Household, Plan
from planner.validation import Problem, Severity, check, completeness
from tests.conftest import TODAY, example_plan


def test_the_sections_come_in_the_order_a_family_fills_them() -> None:
    assert ORDER == (
        SectionId.WELCOME, SectionId.HOUSEHOLD, SectionId.CHILDREN, SectionId.CONTACTS,
        SectionId.CAREGIVERS, SectionId.ATTORNEY, SectionId.PAPERS, SectionId.MONEY,
        SectionId.REVIEW, SectionId.DOCUMENTS,
    )  # fmt: skip
    assert next_section(SectionId.WELCOME) is SectionId.HOUSEHOLD
    assert next_section(SectionId.DOCUMENTS) is None
    assert previous_section(SectionId.WELCOME) is None
    assert previous_section(SectionId.CAREGIVERS) is SectionId.CONTACTS


def empty_plan() -> Plan:
    return Plan(household=Household(display_name="Nueva", state="CA"))


def test_a_new_plan_has_nothing_started_but_the_welcome() -> None:
    plan = empty_plan()
    problems = check(plan, TODAY)
    assert section_state(SectionId.WELCOME, plan, problems) is SectionState.COMPLETE
    for section_id in ORDER[1:]:
        assert section_state(section_id, plan, problems) is SectionState.NOT_STARTED


def test_the_large_example_is_complete_everywhere_it_has_data() -> None:
    plan = example_plan("large-tx.json")
    problems = check(plan, TODAY) + completeness(plan)
    states = {s: section_state(s, plan, problems) for s in ORDER}
    assert states[SectionId.DOCUMENTS] is SectionState.NOT_STARTED
    assert all(
        state is SectionState.COMPLETE
        for s, state in states.items()
        if s is not SectionId.DOCUMENTS
    )


@pytest.mark.parametrize(
    ("path", "owner"),
    [
        ("household.state", SectionId.WELCOME),
        ("household.address.postal_code", SectionId.HOUSEHOLD),
        ("adults[1].phones[0].number", SectionId.HOUSEHOLD),
        ("adults[0].case.a_number", SectionId.ATTORNEY),
        ("children[2].date_of_birth", SectionId.CHILDREN),
        ("children[2].care.alternate_caregiver_id", SectionId.CAREGIVERS),
        ("emergency_contacts[3].email", SectionId.CONTACTS),
        ("documents[0].belongs_to", SectionId.PAPERS),
        ("money_and_property", SectionId.MONEY),
        ("local_hotlines[0].phone", SectionId.ATTORNEY),
    ],
)
def test_each_problem_shows_in_the_section_that_edits_its_field(
    path: str, owner: SectionId
) -> None:
    problem = Problem(path, "phone.invalid")
    assert [s for s in ORDER if problems_in(s, [problem])] == [owner]


def test_an_error_marks_its_section_but_a_warning_does_not() -> None:
    plan = example_plan("large-tx.json")
    error = Problem("children[0].date_of_birth", "date.birth_in_future")
    warning = Problem("children[0].school_id", "child.no_school", Severity.WARNING)
    assert section_state(SectionId.CHILDREN, plan, [error]) is SectionState.HAS_PROBLEMS
    assert section_state(SectionId.CHILDREN, plan, [warning]) is SectionState.COMPLETE


@pytest.mark.parametrize(
    ("state", "address", "available"),
    [("TX", True, False), ("GA", True, False), ("CA", False, False), ("IL", False, True),
     ("NJ", False, True), ("OH", False, False)],
)  # fmt: skip
def test_the_state_decides_which_questions_about_the_other_parent_appear(
    state: str, address: bool, available: bool
) -> None:
    plan = empty_plan()
    plan.household.state = state
    assert asks_other_parent_address(plan) is address
    assert asks_whether_other_parent_is_available(plan) is available


def test_the_household_is_not_done_without_a_parent() -> None:
    """A ✓ beside "Household and parents" with no parent entered told a family they were done."""
    from planner.flow import SectionState, section_state
    from planner.model import Address, Adult, Household, Plan

    plan = Plan(household=Household(display_name="Familia", state="CA"))
    plan.household.address = Address(street="12 Calle Uno", city="Fresno", postal_code="93702")
    assert section_state(SectionId.HOUSEHOLD, plan, []) is SectionState.NOT_STARTED
    plan.adults.append(Adult(id="adult-1", given_names="Ana"))
    assert section_state(SectionId.HOUSEHOLD, plan, []) is SectionState.COMPLETE
