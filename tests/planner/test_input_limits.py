"""The plan is bounded: every list holds at most its `MaxItems`, every text at most its length.
Validation names what goes past (the file still loads), and the JSON Schema states every bound.

The commands run in this process (through `planner.cli.main`); none needs a process."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from planner.cli import main
from planner.model import MaxItems, Phone, Plan, text_limit
from planner.plan_file import parse_plan_text
from planner.validation import check, has_errors
from tests.conftest import TODAY, RunCommand, example_plan


def parts(model: type[BaseModel] = Plan) -> Iterator[type[BaseModel]]:
    """Every kind of part a plan holds, once each."""
    seen: set[type[BaseModel]] = set()
    pending = [model]
    while pending:
        part = pending.pop()
        if part in seen:
            continue
        seen.add(part)
        yield part
        for info in part.model_fields.values():
            pending.extend(_parts_in(info.annotation))


def _parts_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for argument in get_args(annotation) for found in _parts_in(argument)]


def items_limit(info: FieldInfo) -> int | None:
    return next((m.limit for m in info.metadata if isinstance(m, MaxItems)), None)


def schema_of(part: type[BaseModel], schema: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = schema if part is Plan else schema["$defs"][part.__name__]
    return found


@pytest.fixture(scope="module")
def printed_schema() -> dict[str, Any]:
    """What `planner schema` prints (read once for the module, so not through `cli`)."""
    printed = io.StringIO()
    with redirect_stdout(printed):
        assert main(["schema"]) == 0
    schema: dict[str, Any] = json.loads(printed.getvalue())
    return schema


def test_the_schema_states_every_text_length_and_every_list_bound(
    printed_schema: dict[str, Any],
) -> None:
    lengths = bounds = 0
    for schema in (Plan.model_json_schema(), printed_schema):
        for part in parts():
            properties = schema_of(part, schema)["properties"]
            for name, info in part.model_fields.items():
                where = f"{part.__name__}.{name}"
                limit, most = text_limit(info), items_limit(info)
                if limit is not None:
                    assert properties[name].get("maxLength") == limit, where
                    lengths += 1
                if most is not None:
                    assert properties[name].get("maxItems") == most, where
                    bounds += 1
    assert lengths > 100 and bounds > 15


def test_a_list_of_names_bounds_each_entry_too(printed_schema: dict[str, Any]) -> None:
    refused = printed_schema["$defs"]["Child"]["properties"]["must_not_be_released_to"]
    assert refused["items"]["maxLength"] == 300


def test_the_schema_refuses_what_validation_refuses(printed_schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(printed_schema)
    plan = example_plan("small-ca.json").model_dump(mode="json")
    assert validator.is_valid(plan)
    plan["children"][0]["given_names"] = "Sofía" * 21
    assert not validator.is_valid(plan)
    plan = example_plan("small-ca.json").model_dump(mode="json")
    plan["adults"][0]["phones"] = [{"number": "+12135550143"}] * 7
    assert not validator.is_valid(plan)


# --- validation ---------------------------------------------------------------------------------


def test_a_list_longer_than_its_bound_is_named_and_the_file_still_loads() -> None:
    data = example_plan("small-ca.json").model_dump(mode="json")
    data["adults"][0]["phones"] = [{"number": "+12135550143"}] * 7
    child = data["children"][0]
    data["children"] = [{**child, "id": f"child-{n}"} for n in range(26)]
    reading = parse_plan_text(json.dumps(data))
    assert reading.plan is not None and reading.problems == []
    found = {p.path: p for p in check(reading.plan, TODAY) if p.key == "list.too_many"}
    assert set(found) == {"adults[0].phones", "children"}
    assert found["adults[0].phones"].message("en") == (
        "This list is too long: at most 6 entries, far more than a family needs. "
        "Remove the extra ones."
    )
    assert "como máximo 25" in found["children"].message("es")
    assert has_errors(list(found.values()))


def test_a_list_at_its_bound_is_fine() -> None:
    plan = example_plan("small-ca.json")
    plan.adults[0].phones = [Phone(number="+12135550143")] * 6
    assert not [p for p in check(plan, TODAY) if p.key == "list.too_many"]


def test_an_entry_of_a_list_of_names_that_is_too_long_is_named() -> None:
    plan = example_plan("small-ca.json")
    plan.children[0].must_not_be_released_to = ["Pat Ejemplo", "x" * 301]
    found = [(p.path, p.key) for p in check(plan, TODAY) if p.key == "text.too_long"]
    assert found == [("children[0].must_not_be_released_to[1]", "text.too_long")]


def test_validate_names_the_list_and_fails(cli: RunCommand, tmp_path: Path) -> None:
    data = example_plan("small-ca.json").model_dump(mode="json")
    data["local_hotlines"] = [{"name": "Línea", "phone": "+12135550143"}] * 31
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("validate", "--errors-only", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "local_hotlines: This list is too long: at most 30 entries, far more than a family "
        "needs. Remove the extra ones."
    ]
