"""The wizard's sections as data: their order, what each edits, when a question applies, its state.

The window draws what this module decides, so the flow can be tested without Qt: which section comes
after which, whether a section is not started, has problems or is complete, and which questions the
family's state brings in (Texas asks for the other parent's address, for the 10-day notice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner.jurisdictions import load_jurisdiction
from planner.model import Plan
from planner.validation import Problem, Severity


class SectionId(StrEnum):
    WELCOME = "welcome"
    HOUSEHOLD = "household"
    CHILDREN = "children"
    CONTACTS = "contacts"
    CAREGIVERS = "caregivers"
    ATTORNEY = "attorney"
    PAPERS = "papers"
    MONEY = "money"
    REVIEW = "review"
    DOCUMENTS = "documents"


class SectionState(StrEnum):
    NOT_STARTED = "not_started"
    HAS_PROBLEMS = "has_problems"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Section:
    """One step of the wizard and the parts of the plan it edits (as problem-path prefixes)."""

    id: SectionId
    edits: tuple[str, ...]
    started: Callable[[Plan], bool]
    """Whether the family has entered anything here yet."""


def _any(*values: object) -> bool:
    return any(bool(v) for v in values)


def _cases(plan: Plan) -> bool:
    return _any(plan.attorneys, *(a.case for a in plan.adults))


def _caregivers(plan: Plan) -> bool:
    return any(c.care.primary_caregiver_id or c.care.alternate_caregiver_id for c in plan.children)


SECTIONS: tuple[Section, ...] = (
    Section(SectionId.WELCOME, ("household.state", "household.display_name"), lambda p: True),
    # Done only with a parent or guardian entered: an address alone is not a household's answer.
    Section(SectionId.HOUSEHOLD, ("household", "adults"), lambda p: _any(p.adults)),
    Section(SectionId.CHILDREN, ("children", "schools"), lambda p: _any(p.children)),
    Section(SectionId.CONTACTS, ("emergency_contacts",), lambda p: _any(p.emergency_contacts)),
    Section(SectionId.CAREGIVERS, ("children[*].care",), _caregivers),
    Section(SectionId.ATTORNEY, ("attorneys", "adults[*].case", "local_hotlines"), _cases),
    Section(SectionId.PAPERS, ("documents",), lambda p: _any(p.documents)),
    Section(
        SectionId.MONEY,
        ("money_and_property", "money_notes"),
        lambda p: _any(p.money_and_property, p.money_notes),
    ),
    Section(SectionId.REVIEW, ("review",), lambda p: p.review.last_reviewed is not None),
    Section(SectionId.DOCUMENTS, (), lambda p: False),
)
ORDER = tuple(section.id for section in SECTIONS)


def section(section_id: SectionId) -> Section:
    return SECTIONS[ORDER.index(section_id)]


def next_section(current: SectionId) -> SectionId | None:
    index = ORDER.index(current)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def previous_section(current: SectionId) -> SectionId | None:
    index = ORDER.index(current)
    return ORDER[index - 1] if index > 0 else None


def _matches(path: str, prefix: str) -> bool:
    """Whether a problem at `path` belongs to a section that edits `prefix` (`[*]`: any index)."""
    if "[*]" in prefix:
        head, tail = prefix.split("[*]", 1)
        if not path.startswith(head + "["):
            return False
        rest = path[len(head) :].split("]", 1)
        return len(rest) == 2 and _matches(rest[1], tail) if tail else True
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def _owned_by(path: str, owner: Section) -> bool:
    """The most specific section wins: `children[0].care` is the Caregivers section's."""
    best: tuple[int, SectionId] | None = None
    for candidate in SECTIONS:
        for prefix in candidate.edits:
            if _matches(path, prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), candidate.id)
    return best is not None and best[1] is owner.id


def problems_in(section_id: SectionId, problems: Iterable[Problem]) -> list[Problem]:
    """The problems a section shows beside its fields."""
    owner = section(section_id)
    return [p for p in problems if _owned_by(p.path, owner)]


def section_state(section_id: SectionId, plan: Plan, problems: Iterable[Problem]) -> SectionState:
    """Not started, has problems (an error in it), or complete. Warnings do not block: a family
    may leave things out on purpose; the review page lists them."""
    mine = problems_in(section_id, problems)
    if any(p.severity is Severity.ERROR for p in mine):
        return SectionState.HAS_PROBLEMS
    if not section(section_id).started(plan):
        return SectionState.NOT_STARTED
    return SectionState.COMPLETE


# --- questions that depend on the state -----------------------------------------------------------


def asks_other_parent_address(plan: Plan) -> bool:
    """Whether the state's law requires notice to the other parent (Texas: a copy within 10 days),
    so the wizard asks where a parent who lives elsewhere can be reached."""
    rules = load_jurisdiction(plan.household.state)
    return rules.other_parent.notice_days is not None


def asks_about_family_violence(plan: Plan) -> bool:
    """Whether the state excuses mailing a copy to a parent whose family violence a protective
    order or a conviction shows (Tex. Fam. Code §34.005(a-2)), so the wizard may ask."""
    rules = load_jurisdiction(plan.household.state)
    return rules.other_parent.exception == "family_violence_no_court_access"


def asks_whether_other_parent_is_available(plan: Plan) -> bool:
    """Whether the state asks an available other parent to sign or consent (IL, NJ)."""
    rules = load_jurisdiction(plan.household.state)
    return rules.other_parent.rule == "when_available"
