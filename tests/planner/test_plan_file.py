"""The plan file: round trips, old versions, and files that are not plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from planner.model import SCHEMA_VERSION, Plan
from planner.plan_file import (
    PlanFileError,
    load_plan,
    parse_plan_text,
    plan_from_json,
    plan_to_json,
    read_plan,
)
from tests.strategies import valid_plans, whole_plans

FIXTURES = Path(__file__).parent / "fixtures"


@given(valid_plans() | whole_plans())
def test_any_valid_plan_survives_a_round_trip_through_json(plan: Plan) -> None:
    text = plan_to_json(plan)
    reading = parse_plan_text(text)
    assert reading.problems == []
    assert reading.plan == plan
    assert plan_to_json(reading.plan) == text  # same plan, same bytes


def _states_the_same(written: object, loaded: object) -> bool:
    """True when every value written in the file is the value the loaded plan holds."""
    if isinstance(written, dict) and isinstance(loaded, dict):
        return all(k in loaded and _states_the_same(v, loaded[k]) for k, v in written.items())
    if isinstance(written, list) and isinstance(loaded, list):
        return len(written) == len(loaded) and all(map(_states_the_same, written, loaded))
    return written == loaded


def test_every_example_is_already_in_canonical_form(examples: list[Path]) -> None:
    for path in examples:
        written = json.loads(path.read_text(encoding="utf-8"))
        loaded = json.loads(plan_to_json(load_plan(path)))
        assert _states_the_same(written, loaded), path.name


def test_a_version_0_plan_is_migrated_without_losing_anyone() -> None:
    plan = load_plan(FIXTURES / "plan-v0.json")
    assert plan.schema_version == SCHEMA_VERSION
    assert [a.given_names for a in plan.adults] == ["Marisol"]
    assert plan.adults[0].phones[0].number == "+13125550110"
    assert [c.id for c in plan.emergency_contacts] == ["contact-1", "contact-2"]
    assert plan.emergency_contacts[0].phones[0].number == "+13125550111"
    assert plan.emergency_contacts[0].may_pick_up_children is True
    assert plan.emergency_contacts[1].phones == []
    assert plan.children[0].care.primary_caregiver_id == "contact-1"


def test_migration_does_not_change_the_callers_data() -> None:
    data = json.loads((FIXTURES / "plan-v0.json").read_text(encoding="utf-8"))
    before = json.dumps(data, sort_keys=True)
    plan_from_json(data)
    assert json.dumps(data, sort_keys=True) == before


def test_unknown_keys_are_named_and_the_rest_is_still_read() -> None:
    text = json.dumps(
        {
            "schema_version": 1,
            "household": {"display_name": "X", "state": "CA", "colour": "blue"},
            "children": [{"id": "c", "given_names": "Ana", "nickname": "Anita"}],
            "extra": 1,
        }
    )
    reading = parse_plan_text(text)
    assert [(p.path, p.key, dict(p.params)) for p in reading.problems] == [
        ("household.colour", "field.unknown", {"name": "colour"}),
        ("children[0].nickname", "field.unknown", {"name": "nickname"}),
        ("extra", "field.unknown", {"name": "extra"}),
    ]
    assert reading.plan is not None
    assert reading.plan.children[0].given_names == "Ana"


def test_a_wrong_type_is_reported_with_its_path_and_no_plan() -> None:
    text = json.dumps(
        {"schema_version": 1, "household": {"display_name": "X", "state": "CA"},
         "children": [{"id": "c", "given_names": "Ana", "date_of_birth": "soon"}]}
    )  # fmt: skip
    reading = parse_plan_text(text)
    assert reading.plan is None
    assert [(p.path, p.key) for p in reading.problems] == [
        ("children[0].date_of_birth", "date.invalid")
    ]


def test_a_missing_required_field_is_named() -> None:
    reading = parse_plan_text('{"schema_version": 1, "household": {"state": "CA"}}')
    assert [(p.path, p.key) for p in reading.problems] == [
        ("household.display_name", "field.required")
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("not json {", "file.not_json"),
        ("[1, 2]", "file.not_a_plan"),
        ('"a string"', "file.not_a_plan"),
        ("{}", "file.no_version"),
        ('{"schema_version": "1"}', "file.no_version"),
        ('{"schema_version": true}', "file.no_version"),
        ('{"schema_version": 99}', "file.newer_version"),
        ('{"schema_version": -1}', "file.unknown_version"),
    ],
)
def test_a_file_that_is_not_a_plan_gets_a_plain_error(text: str, key: str) -> None:
    with pytest.raises(PlanFileError) as raised:
        parse_plan_text(text)
    assert raised.value.key == key
    assert raised.value.message("es") != raised.value.message("en")


def test_file_errors_name_no_personal_data(tmp_path: Path) -> None:
    path = tmp_path / "Familia Secreta.json"
    path.write_text('{"schema_version": 1, "household": {"display_name": "Secreta", ', "utf-8")
    with pytest.raises(PlanFileError) as raised:
        read_plan(path)
    assert "Secreta" not in str(raised.value)


@pytest.mark.parametrize("kind", ["missing", "folder", "binary"])
def test_unreadable_files_get_a_plain_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "plan.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(PlanFileError) as raised:
        read_plan(path)
    assert raised.value.key == {"missing": "file.missing", "folder": "file.is_folder",
                                "binary": "file.not_text"}[kind]  # fmt: skip
