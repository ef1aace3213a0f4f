"""Every answer of the plan as a person reads it, grouped by the section where it is changed; no Qt.

Each group is read from the declarations its page is built from (`ui.questions`), so an answer
asked on a page is always on Review. What the family typed stands in an isolate (FSI … PDI) beside
our words, so an Arabic or Hebrew name keeps its order and cannot turn our line around."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from planner.flow import SectionId
from planner.jurisdictions import load_jurisdiction
from planner.people import isolate
from ui.answers import Box, Items, Part, Reading, facts, value_at
from ui.questions.attorney import ATTORNEYS, CASES, HOTLINES
from ui.questions.caregivers import CARE, PERIOD
from ui.questions.children import CHILDREN, SCHOOLS
from ui.questions.contacts import CONTACTS
from ui.questions.household import ADULTS, HOME, LANGUAGES, NOTES
from ui.questions.money import MONEY, MONEY_NOTES
from ui.questions.papers import PAPERS
from ui.questions.welcome import WELCOME

LISTS = (ADULTS, SCHOOLS, CHILDREN, CONTACTS, CARE, ATTORNEYS, CASES, HOTLINES, PAPERS, MONEY)
_SUBJECT = re.compile(r"^([a-z_]+)\[(\d+)\]")


@dataclass
class Entry:
    """One person or thing: a heading and its facts as (label, value), empty values left out."""

    heading: str
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Group:
    key: str
    """`review.group.<key>` names it."""
    section: SectionId
    entries: list[Entry]


class Reader:
    """Reads a plan aloud in the interface's language."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.plan = reading.plan

    def groups(self) -> list[Group]:
        cases = [a for a in self.plan.adults if a.case is not None]
        attorney = self.entries(ATTORNEYS) + self.entries(CASES, cases) + self.entries(HOTLINES)
        return [
            Group("household", SectionId.HOUSEHOLD, [self.own(*WELCOME, HOME, LANGUAGES, NOTES)]),
            Group("parents", SectionId.HOUSEHOLD, self.entries(ADULTS)),
            Group("schools", SectionId.CHILDREN, self.entries(SCHOOLS)),
            Group("children", SectionId.CHILDREN, self.entries(CHILDREN)),
            Group("contacts", SectionId.CONTACTS, self.entries(CONTACTS, numbered=True)),
            Group("caregivers", SectionId.CAREGIVERS, self.care()),
            Group("attorney", SectionId.ATTORNEY, attorney),
            Group("papers", SectionId.PAPERS, self.entries(PAPERS)),
            Group("money", SectionId.MONEY, [*self.entries(MONEY), self.own(MONEY_NOTES)]),
        ]

    def own(self, *parts: Part | Box) -> Entry:
        """The plan's own answers (not a list's), under no heading."""
        return Entry("", facts(parts, self.plan, self.reading))

    def entries(
        self, items: Items, only: Sequence[Any] | None = None, numbered: bool = False
    ) -> list[Entry]:
        """Each entry of a declared list (or `only` some of them), headed by its name."""
        listed: list[Any] = value_at(self.plan, items.path) if only is None else list(only)
        return [
            Entry(
                f"{number}. " * numbered + items.heading(entry, self.reading),
                facts(items.parts, entry, self.reading),
            )
            for number, entry in enumerate(listed, start=1)
        ]

    def care(self) -> list[Entry]:
        """Each child's care; the paper's period only where the state's paper states one."""
        if load_jurisdiction(self.plan.household.state).has_period:
            return self.entries(CARE)
        without = tuple(p for p in CARE.parts if p not in PERIOD)
        return self.entries(replace(CARE, parts=without))

    def subject(self, path: str) -> str:
        """Whom a problem at `path` is about: "Mateo" for `children[1].school_id` (a name in
        right-to-left letters in an isolate, to stand before our sentence)."""
        match = _SUBJECT.match(path)
        items = next((i for i in LISTS if match and i.path == match.group(1)), None)
        listed: list[Any] = value_at(self.plan, items.path) if items is not None else []
        if match is None or items is None or int(match.group(2)) >= len(listed):
            return ""
        entry = listed[int(match.group(2))]
        name = getattr(entry, "full_name", "")  # a person: the name alone
        return isolate(name) if name else items.heading(entry, self.reading)
