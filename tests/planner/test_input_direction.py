"""Invisible characters that override or isolate the direction of text (U+202E …) are refused
beside their field: with a right-to-left letter in the same name, the sheet's title and its body
showed the name in different orders, and the vCard passed the override to phones as it was.

The commands run in this process (`cli`, through `planner.cli.main`); none needs a process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.model import Address, Adult, Child, Plan
from planner.validation import Severity, check, has_errors
from tests.conftest import TODAY, RunCommand, example_plan
from tests.strategies import DIRECTION_CONTROLS, right_to_left_names

MARKS = "\u200e\u200f\u061c"
"""Left-to-right, right-to-left and Arabic letter marks."""
MESSAGE = "invisible character that changes the direction of the text"


def plan_with_child(**child: object) -> Plan:
    plan = example_plan("small-ca.json")
    plan.children[0] = plan.children[0].model_copy(update=child)
    return Plan.model_validate(plan.model_dump())


def direction_problems(plan: Plan) -> list[tuple[str, Severity]]:
    return [(p.path, p.severity) for p in check(plan, TODAY) if p.key == "text.direction_control"]


@pytest.mark.parametrize("control", DIRECTION_CONTROLS)
def test_each_control_in_an_arabic_name_is_an_error_at_its_field(control: str) -> None:
    plan = plan_with_child(given_names=f"محمد {control}علي", family_names="Ruiz")
    assert direction_problems(plan) == [("children[0].given_names", Severity.ERROR)]


def test_an_override_anywhere_in_the_plan_is_named_where_it_is() -> None:
    plan = plan_with_child(must_not_be_released_to=["Pat Ejemplo", "\u202eلينا ordep"])
    plan.household.display_name = "Familia \u2067حسن\u2069 Ejemplo"
    plan.adults[0].address = Address(street="12 Elm St\u202d", city="Fresno", state="CA")
    plan.notes = "Llamar a \u202bفاطمة"
    assert [path for path, _ in direction_problems(plan)] == [
        "household.display_name",
        "adults[0].address.street",
        "children[0].must_not_be_released_to[1]",
        "notes",
    ]


@pytest.mark.parametrize("mark", MARKS)
def test_a_plain_direction_mark_is_accepted(mark: str) -> None:
    """A mark moves no letter: it only tells a bracket or a space beside it which way to go, and
    Arabic and Hebrew keyboards type it; a name typed correctly is not refused for it."""
    plan = plan_with_child(given_names=f"(محمد){mark}", family_names=f"Ruiz{mark}")
    assert direction_problems(plan) == []


def test_the_message_says_what_to_do_in_both_languages() -> None:
    plan = plan_with_child(given_names="\u202eAna")
    (problem,) = [p for p in check(plan, TODAY) if p.key == "text.direction_control"]
    assert MESSAGE in problem.message("en")
    assert "cambia la dirección del texto" in problem.message("es")


@given(
    right_to_left_names,
    st.sampled_from(DIRECTION_CONTROLS),
    st.integers(min_value=0),
    st.sampled_from(["given_names", "family_names"]),
)
def test_a_control_anywhere_in_a_right_to_left_name_is_an_error(
    name: str, control: str, where: int, field: str
) -> None:
    at = where % (len(name) + 1)
    names = {"given_names": "Ana", field: name[:at] + control + name[at:]}
    adult = Adult(id="adult-x", **names)
    plan = example_plan("small-ca.json")
    plan.adults.append(adult)
    problems = check(plan, TODAY)
    assert (f"adults[{len(plan.adults) - 1}].{field}", Severity.ERROR) in direction_problems(plan)
    assert has_errors(problems)


# --- the command ---------------------------------------------------------------------------------


def test_validate_fails_and_render_refuses(cli: RunCommand, tmp_path: Path) -> None:
    plan = plan_with_child(given_names="علي\u202e Ruiz")
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan.model_dump(mode="json")), encoding="utf-8")
    validated = cli("validate", "--errors-only", path)
    assert validated.returncode == 1
    assert validated.stdout.startswith("children[0].given_names: This holds an " + MESSAGE)
    rendered = cli("render", path, "--out", tmp_path / "out", "--lang", "en")
    assert rendered.returncode == 1
    assert "children[0].given_names: This holds an " + MESSAGE in rendered.stderr
    assert not (tmp_path / "out").exists()


def test_a_child_can_still_be_made_with_one_for_the_window_to_point_at() -> None:
    """The model keeps it (the window shows the problem beside the field); validation refuses."""
    assert Child(id="c", given_names="\u202eAna").given_names == "\u202eAna"
