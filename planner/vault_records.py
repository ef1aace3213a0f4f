"""What a household's rows hold once decrypted: the summary the list shows, and the saved plan.

Also the associated data each ciphertext is bound to. A data key is bound to its vault and
household; a plan or summary to its vault, household, revision and the format version — so a row
moved to another household, or an old revision copied over a newer one, no longer decrypts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from pydantic import ValidationError

from planner.caseload import (
    PaperState,
    fold,
    lacks_alternate,
    paper_states,
    search_text,
    with_code,
)
from planner.keys import context
from planner.model import Plan
from planner.plan_file import plan_from_json, plan_to_json
from planner.validation import completeness
from planner.vault_header import FORMAT_VERSION


@dataclass(slots=True)
class HouseholdSummary:
    """One line of the household list, readable without decrypting the plan.

    A `damaged` summary carries only the id: the household's key or summary cannot be read.
    Read-only by agreement, not `frozen`: every unlock makes one a household, and a frozen
    dataclass takes five times as long to make (17 ms of 10,000, bench/caseload.py)."""

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
    state: str = ""
    papers: tuple[PaperState, ...] = ()
    """Each child's caregiver paper (signed when, renew by), in the children's order."""
    no_alternate: bool = False
    """Some child has no alternate caregiver."""
    child_ids: tuple[str, ...] = ()
    """The children's plan ids, in the children's order, so a reminder stays the same child's
    when another child is removed (`reminders.Reminder.uid`). Empty for a summary saved before
    they were kept, until the household is saved again."""
    search: str = ""
    """What a search matches: folded names, phone digits, A-numbers (`caseload.search_text`),
    and the short code. A summary saved before these four were kept (`summary_from`) has no
    state, no missing alternate, each child's paper not signed (no plan could record one then)
    and its name and children's names to search, until the household is saved again."""

    sort_name: str = field(default="", compare=False, repr=False)
    """The name as the list sorts it (`caseload.fold`: "Álvarez" beside "Alvarez")."""
    sort_children: str = field(default="", compare=False, repr=False)
    """The children's names as the list sorts them. Both are worked out once, when the summary
    is read, and kept in the vault's summary cache: every unlock sorts every household by name,
    and a click on a column sorts them all again."""

    def __post_init__(self) -> None:
        if self.display_name and not self.sort_name:
            self.sort_name = fold(self.display_name)
        if self.children and not self.sort_children:
            self.sort_children = fold(" ".join(self.children))


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
            "state": plan.household.state.strip().upper(),
            "papers": [
                [_iso(paper.signed_on), _iso(paper.renew_by)] for paper in paper_states(plan)
            ],
            "no_alternate": lacks_alternate(plan),
            "child_ids": [child.id for child in plan.children],
            "search": search_text(plan),
        },
        ensure_ascii=False,
    ).encode()


_JSON = json.JSONDecoder()


def summary_from(household_id: str, revision: int, raw: bytes) -> HouseholdSummary:
    """Raises ValueError (or KeyError, TypeError) if the decrypted bytes are not a summary.

    Listing runs this for every household at each unlock (10,000 in well under a second is the
    aim), so it does no more than it must: `json.loads` costs a third more, finding the encoding
    and the white space around the object, where these bytes are UTF-8 we wrote without any."""
    text = raw.decode()
    data, end = _JSON.raw_decode(text)
    if end != len(text) or not isinstance(data, dict):
        raise ValueError("not a summary")
    review = data["next_review"]
    children = tuple(map(str, data["children"]))
    display_name = str(data["display_name"])
    papers = data["papers"] if "papers" in data else [[None, None]] * len(children)
    child_ids = tuple(map(str, data.get("child_ids", ())))
    search = data["search"] if "search" in data else fold(" ".join([display_name, *children]))
    day = date.fromisoformat
    return HouseholdSummary(
        household_id=household_id,
        revision=revision,
        display_name=display_name,
        children=children,
        missing_items=int(data["missing_items"]),
        next_review=day(review) if review else None,
        updated_at=datetime.fromisoformat(data["updated_at"]),
        state=str(data.get("state", "")),
        papers=tuple(
            [PaperState(day(on) if on else None, day(by) if by else None) for on, by in papers]
        ),
        no_alternate=bool(data.get("no_alternate", False)),
        child_ids=child_ids if len(child_ids) == len(children) else (),
        search=with_code(str(search), household_id),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


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
