"""Test set-up shared by every package: hypothesis profiles, Qt offscreen, invented households."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from planner.model import Address, Adult, Plan
from planner.resources import resource

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

EXAMPLES = sorted(resource("examples").glob("*.json"))
TODAY = date(2026, 11, 25)
"""Rules that depend on the date are tested against this fixed day."""


@pytest.fixture
def examples() -> list[Path]:
    assert EXAMPLES, "resources/examples/ has no plans"
    return EXAMPLES


def example_plan(name: str) -> Plan:
    return Plan.model_validate_json(resource("examples", name).read_text(encoding="utf-8"))


def parent_elsewhere(family_violence_order: bool = False) -> Adult:
    """An invented other parent who lives in El Paso, apart from the household."""
    return Adult(
        id="adult-elsewhere",
        given_names="Tobías",
        family_names="Lejano",
        lives_in_household=False,
        family_violence_order=family_violence_order,
        address=Address(street="77 Far Rd", city="El Paso", state="TX", postal_code="79901"),
    )
