"""Upgrades old plan files, one version step at a time, so a plan saved years ago still opens.

Each entry takes the JSON object of version N and returns the object of version N+1. Add a step here
(and a hand-written fixture of the old version under tests/) whenever `SCHEMA_VERSION` goes up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner.model import SCHEMA_VERSION

PlanJson = dict[str, Any]


def _people_have_phone_lists(person: PlanJson) -> PlanJson:
    phone = person.pop("phone", None)
    if phone:
        person.setdefault("phones", []).insert(0, {"number": phone, "kind": "mobile"})
    return person


def _v0_to_v1(plan: PlanJson) -> PlanJson:
    """Version 0, the pre-release draft, kept one `phone` string per person and called the adults
    `parents` and the contacts `contacts`."""
    plan["adults"] = [_people_have_phone_lists(p) for p in plan.pop("parents", [])]
    plan["emergency_contacts"] = [_people_have_phone_lists(p) for p in plan.pop("contacts", [])]
    plan["schema_version"] = 1
    return plan


MIGRATIONS: dict[int, Callable[[PlanJson], PlanJson]] = {0: _v0_to_v1}
"""Version N → the step that makes it version N+1."""


def migrate(plan: PlanJson, version: int) -> PlanJson:
    """The plan brought from `version` up to the current schema version."""
    while version < SCHEMA_VERSION:
        plan = MIGRATIONS[version](plan)
        version += 1
    return plan
