"""Reading and writing a plan as a JSON file: versions, migrations and readable errors.

`read_plan` never raises for a problem inside the plan: unknown keys and wrong values come back as
`Problem`s with their paths. Only a file that cannot be a plan at all (not JSON, not an object,
from a newer program) raises `PlanFileError`, whose message names no personal data.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from planner.files import NotRegular, TooLarge, read_regular
from planner.i18n import translate
from planner.migrations import MIGRATIONS, PlanJson, migrate
from planner.model import SCHEMA_VERSION, Plan
from planner.validation import Problem, format_path, visible

_ERROR_KEYS = {
    "missing": "field.required",
    "extra_forbidden": "field.unknown",
    "date_parsing": "date.invalid",
    "date_from_datetime_parsing": "date.invalid",
    "date_from_datetime_inexact": "date.invalid",
    "date_type": "date.invalid",
    "enum": "choice.invalid",
    "literal_error": "choice.invalid",
    "bool_parsing": "yes_no.invalid",
    "bool_type": "yes_no.invalid",
    "string_pattern_mismatch": "code.invalid",
    "string_type": "text.invalid",
    "text_unpaired_surrogate": "text.unpaired_surrogate",
    "string_unicode": "text.unpaired_surrogate",  # in a key: pydantic names the section
    "list_type": "list.invalid",
    "model_type": "section.invalid",
    "model_attributes_type": "section.invalid",
    "dict_type": "section.invalid",
}


MAX_FILE_BYTES: Final = 5_000_000
"""A plan is a few kilobytes; five megabytes is far beyond any household and keeps a wrong file
(a video, a disk image, /dev/zero) from filling the memory."""

MAX_DEPTH: Final = 16
"""A plan nests about six levels deep (plan → adults → case …). Deeper JSON is not a plan, and
nesting thousands deep would exhaust Python's stack in the JSON parser or in `copy.deepcopy`."""

_BOMS: Final = (
    ("\ufeff".encode("utf-8"), "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
"""Editors on Windows save UTF-8 with a byte-order mark, or "Unicode" (UTF-16) with one."""


class PlanFileError(Exception):
    """The file cannot be read as a plan at all. `str()` is English; `message(lang)` translates."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        return translate(self.key, language, self.params)


@dataclass
class PlanReading:
    """A plan read from JSON: the plan (None if its structure is broken) and what was wrong."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)


def _problem_from(error: ErrorDetails) -> Problem:
    key = _ERROR_KEYS.get(error["type"], "field.invalid")
    params: dict[str, str | int] = {}
    if key == "field.unknown":
        params["name"] = visible(str(error["loc"][-1]))
    return Problem(format_path(error["loc"]), key, params=params)


def _without(data: PlanJson, locations: list[tuple[int | str, ...]]) -> PlanJson:
    """A copy of the JSON with the unknown keys at `locations` removed, to check the rest."""
    trimmed = copy.deepcopy(data)
    for loc in locations:
        parent: Any = trimmed
        for part in loc[:-1]:
            parent = parent[part]
        parent.pop(loc[-1], None)
    return trimmed


def _schema_version(data: PlanJson) -> int:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PlanFileError("file.no_version")
    if version > SCHEMA_VERSION:
        raise PlanFileError("file.newer_version", found=version, supported=SCHEMA_VERSION)
    if version < SCHEMA_VERSION and version not in MIGRATIONS:
        raise PlanFileError("file.unknown_version", found=version)
    return version


def _too_deep(data: object) -> bool:
    """True when lists and objects nest deeper than any plan does (checked without recursion)."""
    level: list[object] = [data]
    for _ in range(MAX_DEPTH):
        below: list[object] = []
        for item in level:
            if isinstance(item, dict):
                below.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                below.extend(v for v in item if isinstance(v, dict | list))
        if not below:
            return False
        level = below
    return True


def plan_from_json(data: object) -> PlanReading:
    """Build the plan from parsed JSON, migrating old versions; report every structural problem."""
    if not isinstance(data, dict) or _too_deep(data):
        raise PlanFileError("file.not_a_plan")
    data = migrate(copy.deepcopy(data), _schema_version(data))
    try:
        return PlanReading(Plan.model_validate(data))
    except ValidationError as invalid:
        errors = invalid.errors()
    problems = [_problem_from(e) for e in errors]
    unknown = [e["loc"] for e in errors if e["type"] == "extra_forbidden"]
    if len(unknown) < len(errors):
        return PlanReading(None, problems)
    # Only unknown keys: check the rest of the plan too, so every problem is reported at once.
    try:
        return PlanReading(Plan.model_validate(_without(data, unknown)), problems)
    except ValidationError:
        return PlanReading(None, problems)


def parse_plan_text(text: str) -> PlanReading:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as bad:
        raise PlanFileError("file.not_json", line=bad.lineno) from None
    except (RecursionError, ValueError):
        # Nesting too deep for the parser, or an integer thousands of digits long.
        raise PlanFileError("file.not_a_plan") from None
    return plan_from_json(data)


def _decode(raw: bytes) -> str:
    """UTF-8, or UTF-8 / UTF-16 with the byte-order mark that says so."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in raw:
        raise PlanFileError("file.not_text")  # UTF-16 without its mark, or binary: JSON has no NUL
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise PlanFileError("file.not_text") from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; a pipe or a device (a FIFO would block, /dev/zero never ends) is
    refused at once, before it is opened (planner.files)."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except NotRegular:
        raise PlanFileError("file.is_folder" if path.is_dir() else "file.not_regular") from None
    except TooLarge:
        raise PlanFileError("file.too_large", megabytes=MAX_FILE_BYTES // 1_000_000) from None
    except FileNotFoundError:
        raise PlanFileError("file.missing") from None
    except IsADirectoryError:
        raise PlanFileError("file.is_folder") from None
    except PermissionError:
        raise PlanFileError("file.no_permission") from None
    except OSError:
        raise PlanFileError("file.unreadable") from None


def read_plan(path: Path) -> PlanReading:
    """Read a plan file. Missing or unreadable files raise `PlanFileError` with a plain message."""
    return parse_plan_text(_decode(_read_bytes(path)))


def plan_to_json(plan: Plan) -> str:
    """The canonical text of a plan: the same plan always gives the same bytes."""
    return plan.model_dump_json(indent=2) + "\n"


def load_plan(path: Path) -> Plan:
    """A plan whose structure is sound, or `PlanFileError` naming the first problem's path."""
    reading = read_plan(path)
    if reading.plan is None or reading.problems:
        first = reading.problems[0]
        raise PlanFileError("file.invalid_plan", path=first.path)
    return reading.plan
