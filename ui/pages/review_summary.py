"""Every answer of the plan as a person reads it (names, phones as they print, dates in words),
grouped by the section where it is changed. No Qt here: the review page draws these groups.

What the family typed is set in an isolate (`isolate`, FSI … PDI) wherever it stands beside our
words, so that an Arabic or Hebrew name keeps its own order and cannot turn a Spanish or English
line around ("عمر حداد (Amigo)" stays name first, label after)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planner.flow import SectionId
from planner.formats import display_a_number, display_phone
from planner.i18n import translate
from planner.model import Address, Adult, Attorney, Child, Contact, Plan
from planner.people import address_text, date_text, isolate, label, languages_text
from planner.places import US_STATES, country_name, language_name
from ui.answers import Items, Reading, facts, value_at
from ui.questions.children import CHILDREN, SCHOOLS

Say = Callable[..., str]
"""The interface's words (`ui.i18n.Words`)."""

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

    def __init__(self, plan: Plan, say: Say, language: str, own: Callable[[str], str]) -> None:
        self.plan = plan
        self.say = say
        self.language = language
        self.own = own
        """Marks text from the planner's catalogues (in the pseudo locale, stretched as well)."""

    # --- small pieces -----------------------------------------------------------------------------

    def choice(self, value: StrEnum | None) -> str:
        return self.own(label(value, self.language)) if value is not None else ""

    def labelled(self, table: str, value: str) -> str:
        return self.own(translate(f"{table}.{value}", self.language, domain="labels"))

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.say("review.yes" if value else "review.no")

    def date(self, value: object) -> str:
        return date_text(value, self.language)  # type: ignore[arg-type]

    def person(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        found = self.plan.person(person_id)
        return isolate(found.full_name) if found else self.say("review.not_in_plan")

    def address(self, address: Address | None, language: str) -> str:
        return address_text(address, language).replace("\n", ", ")

    def fact(self, entry: Entry, key: str, value: str) -> None:
        """A fact shown as "label: value", each line of the value in an isolate of its own."""
        if value.strip():
            entry.facts.append((self.say(f"review.f.{key}"), isolate(value.strip())))

    def name_and_phone(self, name: str, phone: str) -> str:
        parts = (isolate(name), display_phone(phone) if phone else "")
        return ", ".join(part for part in parts if part)

    def subject(self, path: str) -> str:
        """Whom a problem at `path` is about: "Mateo" for `children[1].school_id` (a name in
        right-to-left letters in an isolate, to stand before our sentence)."""
        match = _SUBJECT.match(path)
        if match is None:
            return ""
        items = getattr(self.plan, match.group(1), None)
        index = int(match.group(2))
        if not isinstance(items, list) or index >= len(items):
            return ""
        item = items[index]
        if isinstance(item, Adult | Child | Contact | Attorney):
            return isolate(item.full_name)
        name = getattr(item, "name", "") or getattr(item, "description", "")
        kind = getattr(item, "kind", None)
        if name:
            return isolate(str(name))
        return self.choice(kind) if isinstance(kind, StrEnum) else ""

    # --- the groups -------------------------------------------------------------------------------

    def groups(self) -> list[Group]:
        return [
            Group("household", SectionId.HOUSEHOLD, [self.household()]),
            Group("parents", SectionId.HOUSEHOLD, [self.adult(a) for a in self.plan.adults]),
            Group("schools", SectionId.CHILDREN, self.declared(SCHOOLS)),
            Group("children", SectionId.CHILDREN, self.declared(CHILDREN)),
            Group("contacts", SectionId.CONTACTS, self.contacts()),
            Group("caregivers", SectionId.CAREGIVERS, [self.care(c) for c in self.plan.children]),
            Group("attorney", SectionId.ATTORNEY, self.attorney_and_cases()),
            Group("papers", SectionId.PAPERS, self.papers()),
            Group("money", SectionId.MONEY, self.money()),
        ]

    def household(self) -> Entry:
        home = self.plan.household
        entry = Entry("")
        self.fact(entry, "plan_name", home.display_name)
        self.fact(entry, "address", self.address(home.address, self.language))
        self.fact(entry, "state", US_STATES.get(home.state, home.state))
        self.fact(entry, "home_phone", display_phone(home.home_phone))
        self.fact(entry, "languages", languages_text(home.family_languages, self.language))
        self.fact(entry, "document_language", language_name(home.document_language, self.language))
        return entry

    def adult(self, adult: Adult) -> Entry:
        entry = Entry(f"{isolate(adult.full_name)} ({self.choice(adult.role)})")
        self.fact(entry, "other_names", adult.other_names)
        self.fact(entry, "date_of_birth", self.date(adult.date_of_birth))
        if adult.country_of_birth:
            self.fact(
                entry, "country_of_birth", country_name(adult.country_of_birth, self.language)
            )
        self.fact(entry, "phones", self.phones(adult.phones))
        self.fact(entry, "email", adult.email)
        if not adult.lives_in_household:
            self.fact(entry, "lives_elsewhere", self.say("review.yes"))
        self.fact(entry, "address", self.address(adult.address, self.language))
        self.fact(entry, "languages", languages_text(adult.languages, self.language))
        if adult.employer:
            employer = adult.employer
            self.fact(entry, "employer", self.name_and_phone(employer.name, employer.phone))
        if adult.consulate:
            consulate = adult.consulate
            self.fact(entry, "consulate", self.name_and_phone(consulate.name, consulate.phone))
        return entry

    def phones(self, phones: list) -> str:  # type: ignore[type-arg]
        return "\n".join(
            f"{display_phone(p.number)} ({self.labelled('phone_kind', p.kind.value)})"
            + (f" — {isolate(p.note)}" if p.note else "")
            for p in phones
        )

    def declared(self, items: Items) -> list[Entry]:
        """The entries of a declared list, each answer read as its page asks it."""
        reading = Reading(self.plan, self.say, self.language, self.own)
        entries: list[Any] = value_at(self.plan, items.path)
        return [
            Entry(isolate(items.heading(entry, self.say)), facts(items.parts, entry, reading))
            for entry in entries
        ]

    def contacts(self) -> list[Entry]:
        entries = []
        for number, contact in enumerate(self.plan.emergency_contacts, start=1):
            relation = self.choice(contact.relationship)
            if contact.relationship_detail:
                relation = f"{relation} — {isolate(contact.relationship_detail)}"
            entry = Entry(f"{number}. {isolate(contact.full_name)} ({relation})")
            self.fact(entry, "phones", self.phones(contact.phones))
            self.fact(entry, "email", contact.email)
            self.fact(entry, "address", self.address(contact.address, self.language))
            self.fact(entry, "may_pick_up", self.yes_no(contact.may_pick_up_children))
            self.fact(entry, "knows_the_plan", self.yes_no(contact.knows_the_plan))
            self.fact(entry, "has_a_copy", self.yes_no(contact.has_a_copy))
            self.fact(entry, "notes", contact.notes)
            entries.append(entry)
        return entries

    def care(self, child: Child) -> Entry:
        care = child.care
        entry = Entry(isolate(child.full_name))
        self.fact(entry, "primary_caregiver", self.person(care.primary_caregiver_id))
        self.fact(entry, "alternate_caregiver", self.person(care.alternate_caregiver_id))
        self.fact(entry, "term", self.labelled("care_term", care.term))
        self.fact(entry, "who_pays", care.who_pays)
        self.fact(entry, "child_told", self.yes_no(care.child_has_been_told))
        return entry

    def attorney_and_cases(self) -> list[Entry]:
        entries = []
        for attorney in self.plan.attorneys:
            heading = isolate(attorney.full_name)
            if attorney.organization:
                heading = f"{heading} ({isolate(attorney.organization)})"
            entry = Entry(heading)
            self.fact(entry, "phone", display_phone(attorney.phone))
            self.fact(entry, "phone_24h", display_phone(attorney.phone_24h))
            self.fact(entry, "email", attorney.email)
            self.fact(entry, "bar_id", attorney.bar_or_eoir_id)
            if attorney.is_accredited_representative:
                self.fact(entry, "accredited", self.say("review.yes"))
            entries.append(entry)
        for adult in self.plan.adults:
            if adult.case is not None:
                entries.append(self.case(adult))
        for hotline in self.plan.local_hotlines:
            entry = Entry(isolate(hotline.name))
            self.fact(entry, "phone", display_phone(hotline.phone))
            self.fact(entry, "hotline_kind", self.labelled("hotline_kind", hotline.kind))
            self.fact(entry, "hours", hotline.hours)
            entries.append(entry)
        return entries

    def case(self, adult: Adult) -> Entry:
        case = adult.case
        assert case is not None
        entry = Entry(self.say("review.case_of", name=isolate(adult.full_name)))
        self.fact(entry, "a_number", display_a_number(case.a_number) if case.a_number else "")
        self.fact(entry, "status", self.choice(case.immigration_status))
        self.fact(entry, "court", case.immigration_court)
        self.fact(entry, "next_hearing", self.date(case.next_hearing))
        self.fact(entry, "pending", case.pending_applications)
        attorney = self.plan.attorney(case.attorney_id) if case.attorney_id else None
        self.fact(entry, "attorney", attorney.full_name if attorney else "")
        self.fact(entry, "g28_signed", self.yes_no(case.g28_signed))
        self.fact(entry, "g28_held_by", case.g28_held_by)
        self.fact(entry, "notes", case.notes)
        return entry

    def papers(self) -> list[Entry]:
        entries = []
        owners = {p.id: isolate(p.full_name) for p in [*self.plan.adults, *self.plan.children]}
        for paper in self.plan.documents:
            heading = self.choice(paper.kind)
            if paper.description:
                heading = f"{heading}: {isolate(paper.description)}"
            entry = Entry(heading)
            if paper.belongs_to is None:
                whose = self.say("review.household")
            else:
                whose = owners.get(paper.belongs_to, self.say("review.not_in_plan"))
            self.fact(entry, "whose", whose)
            self.fact(entry, "kept", paper.location)
            self.fact(entry, "paper_status", self.choice(paper.status))
            entries.append(entry)
        return entries

    def money(self) -> list[Entry]:
        entries = []
        for item in self.plan.money_and_property:
            heading = self.choice(item.kind)
            description = isolate(item.description)
            entry = Entry(f"{heading}: {description}" if description else heading)
            self.fact(entry, "who_can_access", item.who_can_access)
            self.fact(entry, "where_papers_are", item.where_papers_are)
            entries.append(entry)
        if self.plan.money_notes:
            notes = Entry(self.say("review.f.money_notes"))
            notes.facts.append(("", isolate(self.plan.money_notes)))
            entries.append(notes)
        return entries
