"""What a household's rows hold once decrypted: the summary the list shows, and the saved plan.

Also the associated data each ciphertext is bound to. A data key is bound to its vault and
household; a plan or summary to its vault, household, revision and the format version — so a row
moved to another household, or an old revision copied over a newer one, no longer decrypts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from pydantic import ValidationError

from planner.keys import context
from planner.model import Plan
from planner.plan_file import plan_from_json, plan_to_json
from planner.validation import completeness
from planner.vault_header import FORMAT_VERSION


@dataclass(frozen=True)
class HouseholdSummary:
    """One line of the household list, readable without decrypting the plan.

    A `damaged` summary carries only the id: the household's key or summary cannot be read."""

    household_id: str
    revision: int
    display_name: str = ""
    children: tuple[str, ...] = ()
    """The children's given names, so a navigator can tell two "Familia García" apart."""
    missing_items: int = 0
    """How many completeness warnings the plan has (0: nothing a caregiver would miss)."""
    next_review: date | None = None
    updated_at: datetime | None = None
    damaged: bool = False


@dataclass(frozen=True)
class Revision:
    """One saved version of a household; the last 20 are kept, so an edit can be undone."""

    household_id: str
    revision: int
    saved_at: datetime | None
    """None when this revision cannot be decrypted."""


def data_key_context(vault_id: str, household_id: str) -> bytes:
    return context("data-key", vault_id, household_id, FORMAT_VERSION)


def summary_context(vault_id: str, household_id: str, revision: int) -> bytes:
    return context("summary", vault_id, household_id, revision, FORMAT_VERSION)


def plan_context(vault_id: str, household_id: str, revision: int) -> bytes:
    return context("plan", vault_id, household_id, revision, FORMAT_VERSION)


def summary_bytes(plan: Plan, saved_at: datetime) -> bytes:
    return json.dumps(
        {
            "display_name": plan.household.display_name,
            "children": [child.given_names for child in plan.children],
            "missing_items": len(completeness(plan)),
            "next_review": plan.review.next_review.isoformat() if plan.review.next_review else None,
            "updated_at": saved_at.isoformat(),
        },
        ensure_ascii=False,
    ).encode()


def summary_from(household_id: str, revision: int, raw: bytes) -> HouseholdSummary:
    """Raises ValueError (or KeyError, TypeError) if the decrypted bytes are not a summary."""
    data = json.loads(raw)
    review = data["next_review"]
    return HouseholdSummary(
        household_id=household_id,
        revision=revision,
        display_name=str(data["display_name"]),
        children=tuple(str(name) for name in data["children"]),
        missing_items=int(data["missing_items"]),
        next_review=date.fromisoformat(review) if review else None,
        updated_at=datetime.fromisoformat(data["updated_at"]),
    )


def payload_bytes(plan: Plan, saved_at: datetime) -> bytes:
    """The saved time, a newline, then the plan's canonical JSON."""
    return saved_at.astimezone(UTC).isoformat().encode() + b"\n" + plan_to_json(plan).encode()


def saved_at_from(raw: bytes) -> datetime:
    return datetime.fromisoformat(raw.split(b"\n", 1)[0].decode())


def plan_from(raw: bytes) -> Plan:
    """Raises ValueError if the bytes are not a sound plan (only damage or a bug could do that)."""
    _, text = raw.split(b"\n", 1)
    try:
        return Plan.model_validate_json(text)  # saved by this version: no migration, fast
    except ValidationError:
        pass  # an older format (migrated below) or damage (reported below)
    reading = plan_from_json(json.loads(text))
    if reading.plan is None or reading.problems:
        raise ValueError("the saved plan does not read back")
    return reading.plan
