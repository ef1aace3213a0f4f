"""A lone surrogate ("\\ud800" in a JSON file) is no character: no plan may hold one, so every
command names the field that does, in one line, instead of failing later with a traceback.

The commands run in this process (`cli` and `vault_cli`, through `planner.cli.main`); none
needs a process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.model import Child, Plan
from planner.plan_file import PlanFileError, load_plan, parse_plan_text, plan_from_json
from planner.validation import format_path
from tests.conftest import Ran, RunCommand
from tests.strategies import surrogate_text, valid_plans

MESSAGE = "This holds a broken character that is not text"
HALF = "\ud800"


def plan_data(**household: object) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "household": {"display_name": "Familia Prueba", "state": "CA", **household},
        "children": [{"id": "child-a", "given_names": "Ana",
                      "must_not_be_released_to": ["Pat Ejemplo", f"Sam {HALF}Ejemplo"]}],
    }  # fmt: skip


def written(tmp_path: Path, data: object) -> Path:
    """The plan as JSON with its lone surrogates escaped, as another program writes them."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    assert "\\ud800" in path.read_text(encoding="ascii")
    return path


def test_validate_names_each_field_and_fails(cli: RunCommand, tmp_path: Path) -> None:
    path = written(tmp_path, plan_data(display_name=f"Familia {HALF}Prueba"))
    result = cli("validate", path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "household.display_name",
        "children[0].must_not_be_released_to[1]",
    ]
    assert all(MESSAGE in line for line in lines)


def test_validate_json_and_spanish_name_it_too(cli: RunCommand, tmp_path: Path) -> None:
    path = written(tmp_path, plan_data(display_name=HALF))
    result = cli("validate", "--json", "--lang", "es", path)
    assert result.returncode != 0, result.stderr
    (report,) = json.loads(result.stdout)["files"]
    assert report["problems"][0]["path"] == "household.display_name"
    assert report["problems"][0]["key"] == "text.unpaired_surrogate"
    assert "carácter roto" in report["problems"][0]["message"]


def test_render_refuses_in_lines_and_writes_nothing(cli: RunCommand, tmp_path: Path) -> None:
    path = written(tmp_path, plan_data(display_name=HALF))
    result = cli("render", path, "--out", tmp_path / "out", "--lang", "en")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert f"household.display_name: {MESSAGE}" in result.stderr
    assert not (tmp_path / "out").exists()


def test_loading_for_the_vault_refuses_with_the_path(tmp_path: Path) -> None:
    path = written(tmp_path, plan_data(address={"city": HALF}))
    with pytest.raises(PlanFileError) as raised:
        load_plan(path)
    assert "household.address.city" in raised.value.message("en")


def test_a_key_with_a_lone_surrogate_is_named_by_its_section(
    cli: RunCommand, tmp_path: Path
) -> None:
    data = plan_data()
    data["household"][f"colo{HALF}r"] = "blue"
    result = cli("validate", "--errors-only", written(tmp_path, data))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(f"household: {MESSAGE}")


def test_a_phone_number_with_one_is_refused_not_repaired_silently() -> None:
    data = plan_data()
    data["adults"] = [
        {"id": "a", "given_names": "Eva", "phones": [{"number": f"213{HALF}5550143"}]}
    ]
    reading = plan_from_json(data)
    assert [(p.path, p.key) for p in reading.problems] == [
        ("adults[0].phones[0].number", "text.unpaired_surrogate"),
        ("children[0].must_not_be_released_to[1]", "text.unpaired_surrogate"),
    ]


def test_no_plan_object_can_hold_one_whichever_way_it_is_made() -> None:
    data = plan_data(display_name=HALF)
    with pytest.raises(ValidationError):
        Plan.model_validate(data)
    with pytest.raises(ValidationError):
        Plan.model_validate_json(json.dumps(data))  # the vault's fast path
    child = Child(id="child-a", given_names="Ana")
    with pytest.raises(ValidationError):
        child.given_names = f"Ana{HALF}"
    with pytest.raises(ValidationError):
        child.must_not_be_released_to = [HALF]


def test_paths_with_one_are_printable() -> None:
    assert format_path(("household", f"x{HALF}")) == "household.x\\ud800"


# --- anywhere in any plan -----------------------------------------------------------------------


def text_leaves(data: object, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The location of every text value in the JSON of a plan."""
    if isinstance(data, dict):
        return [loc for k, v in data.items() for loc in text_leaves(v, (*at, k))]
    if isinstance(data, list):
        return [loc for i, v in enumerate(data) for loc in text_leaves(v, (*at, i))]
    return [at] if isinstance(data, str) and at[0] != "schema_version" else []


def put(data: Any, at: tuple[str | int, ...], value: str) -> None:
    for part in at[:-1]:
        data = data[part]
    data[at[-1]] = value


@given(valid_plans(), st.data())
def test_a_lone_surrogate_anywhere_never_raises_and_is_named_at_its_path(
    plan: Plan, data: st.DataObject
) -> None:
    dumped = plan.model_dump(mode="json")
    at = data.draw(st.sampled_from(text_leaves(dumped)))
    put(dumped, at, data.draw(surrogate_text))
    reading = parse_plan_text(json.dumps(dumped))
    assert reading.plan is None
    assert (format_path(at), "text.unpaired_surrogate") in [
        (p.path, p.key) for p in reading.problems
    ]
    for problem in reading.problems:
        problem.message("en").encode("utf-8")
        problem.message("es").encode("utf-8")
        problem.path.encode("utf-8")


def test_vault_save_refuses_in_one_line(vault_cli: Callable[..., Ran], tmp_path: Path) -> None:
    from tests.planner.test_vault_cli import PASSPHRASE, assert_one_line_error

    home = tmp_path / "vault"
    made = vault_cli(home, "init", "--passphrase-stdin", stdin=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    path = written(tmp_path, plan_data(display_name=HALF))
    saved = vault_cli(home, "save", str(path), "--passphrase-stdin", stdin=PASSPHRASE)
    assert "household.display_name" in assert_one_line_error(saved, 2)
