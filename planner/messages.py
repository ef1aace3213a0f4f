"""What to send when a parent is detained: to the caregiver, a school, the employer.

They are plain text, ready to copy into a text message or an e-mail or to print, in the language
chosen from `languages_for` (the reader's, or the family's). Each says only what its reader
needs: the caregiver hears what happened and which children to pick up where; a school hears who
picks up which child today and nothing about immigration; the employer is asked for the last
paycheck. The navigator reads and sends them: nothing here sends anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from planner.direction import OVERRIDE_RANGES
from planner.formats import display_phone
from planner.i18n import SUPPORTED_LANGUAGES, translate
from planner.model import Adult, Child, Contact, MoneyKind, PaperKind, Plan, School
from planner.people import date_text, isolate

DOMAIN: Final = "detained_messages"

NOTE_CHARS: Final = 400
"""How much of a note a message carries: enough for a payroll note or a list of allergies,
short enough for a text message. A longer note ends in "…"."""

_UNSENDABLE = re.compile(f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f{OVERRIDE_RANGES}]")
"""Control characters and the direction overrides a family's text may carry (a plan with
problems can hold them): a phone would show a name in a different order."""


@dataclass(frozen=True)
class Arrest:
    """What the family knows of the arrest, as much as they choose to record: all optional."""

    taken_at: datetime | None = None
    place: str = ""
    what_was_seen: str = ""
    """Agency, badges, vehicle …, in the family's words."""


@dataclass(frozen=True)
class Message:
    """One message ready to copy or print: whom it is for, a subject line and plain text."""

    recipient: str
    subject: str
    body: str


# --- the family's words, as a message carries them ------------------------------------------------


def plain(text: str) -> str:
    """The family's text for a plain-text message: no control characters or overrides, and a
    line with right-to-left letters isolated so it keeps its order inside our sentence."""
    return isolate(_UNSENDABLE.sub("", text.replace("\r\n", "\n").replace("\t", " ")))


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word when one ends near there, with "…"
    so a reader sees something was left out (the full text stays in the plan)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.—-") + "…"


def time_text(moment: datetime, language: str) -> str:
    """A time of day on a 12-hour clock ("2:05 pm", "2:05 p. m."), as families in the US say it."""
    half = "when.half_pm" if moment.hour >= 12 else "when.half_am"
    hour = moment.hour % 12 or 12
    minute = f"{moment.minute:02d}"
    return _say("when.clock", language, hour=hour, minute=minute, half=_say(half, language))


def moment_text(moment: datetime, language: str) -> str:
    """A date in words and its time: "November 25, 2026, at 2:05 pm"."""
    day = date_text(moment.date(), language)
    return _say("when.at", language, date=day, time=time_text(moment, language))


def _say(key: str, language: str, **params: object) -> str:
    return translate(key, language, params, domain=DOMAIN)


def _joined(names: list[str], language: str) -> str:
    """ "Ana, Luis and Sofía": names in a sentence."""
    if len(names) < 2:
        return "".join(names)
    return _say("when.and", language, first=", ".join(names[:-1]), last=names[-1])


def _lines(*parts: str | Iterable[str]) -> str:
    """A message body: its paragraphs, a blank line between them, empty ones left out."""
    blocks = [
        part if isinstance(part, str) else "\n".join(line for line in part if line)
        for part in parts
    ]
    return "\n\n".join(block for block in blocks if block.strip())


# --- who is who -----------------------------------------------------------------------------------


def _adult(plan: Plan, adult_id: str) -> Adult:
    adult = next((a for a in plan.adults if a.id == adult_id), None)
    if adult is None:
        raise ValueError("a message is written about one parent or guardian of the plan")
    return adult


def _children(plan: Plan, child_ids: Iterable[str]) -> list[Child]:
    """The plan's children with these ids, in the plan's order."""
    wanted = set(child_ids)
    return [child for child in plan.children if child.id in wanted]


def who_picks_up(plan: Plan, child: Child, detained_id: str = "") -> Adult | Contact | None:
    """The person who takes this child today: the primary caregiver, else the alternate; never
    the parent who was detained."""
    for person_id in (child.care.primary_caregiver_id, child.care.alternate_caregiver_id):
        person = plan.person(person_id) if person_id and person_id != detained_id else None
        if person is not None:
            return person
    return None


def pickups(
    plan: Plan, detained_id: str, child_ids: Iterable[str] | None = None
) -> dict[str, list[str]]:
    """Each caregiver's id with the ids of the children they pick up (all children, or these),
    so a window writes one message to each caregiver."""
    children = plan.children if child_ids is None else _children(plan, child_ids)
    groups: dict[str, list[str]] = {}
    for child in children:
        person = who_picks_up(plan, child, detained_id)
        if person is not None:
            groups.setdefault(person.id, []).append(child.id)
    return groups


def first_phone(person: Adult | Contact | None) -> str:
    """The number to call first, as a person reads it; empty when the plan has none."""
    return display_phone(person.phones[0].number) if person and person.phones else ""


def languages_for(plan: Plan, recipient_id: str | None) -> tuple[str, ...]:
    """The languages a message to this recipient can be written in, the reader's first: a person
    of the plan (a caregiver) reads their own languages; a school in the US, an employer or
    anyone else (`None`) reads English; then the family's. Only languages with a catalogue."""
    person = plan.person(recipient_id) if recipient_id else None
    school = plan.school(recipient_id) if recipient_id else None
    if person is not None:
        theirs = list(person.languages)
    elif school is not None and school.address is not None and school.address.country != "US":
        theirs = []
    else:
        theirs = ["en"]
    family = [plan.household.document_language, *plan.household.family_languages]
    chosen = [code.split("-")[0] for code in (*theirs, *family)]
    supported = [code for code in dict.fromkeys(chosen) if code in SUPPORTED_LANGUAGES]
    return tuple(supported) or ("en",)


# --- to the caregiver -----------------------------------------------------------------------------


def to_caregiver(
    plan: Plan, parent_id: str, arrest: Arrest, child_ids: Iterable[str], language: str
) -> Message:
    """To the person who picks up the first of these children (see `pickups`): what happened,
    which children to pick up where, their medicines and allergies, the lawyer's number."""
    parent = _adult(plan, parent_id)
    children = _children(plan, child_ids)
    if not children:
        raise ValueError("a message to a caregiver names at least one child of the plan")
    caregiver = next((p for c in children if (p := who_picks_up(plan, c, parent_id))), None)
    name = plain(caregiver.full_name) if caregiver else ""
    parent_name = plain(parent.full_name)
    greeting = "caregiver.greeting" if name else "caregiver.greeting_no_name"
    return Message(
        recipient=name,
        subject=_say("caregiver.subject", language, parent=parent_name),
        body=_lines(
            _say(greeting, language, name=name),
            _what_happened(parent_name, arrest, language),
            _pickup_lines(plan, children, caregiver, parent_id, language),
            _health_lines(children, language),
            _attorney_line(plan, parent, language),
            _papers_line(plan, language),
            _say("caregiver.closing", language),
        ),
    )


def _what_happened(parent: str, arrest: Arrest, language: str) -> list[str]:
    lines = [_say("caregiver.detained", language, parent=parent)]
    if arrest.taken_at is not None:
        lines.append(_say("caregiver.when", language, when=moment_text(arrest.taken_at, language)))
    if arrest.place.strip():
        lines.append(_say("caregiver.where", language, place=plain(arrest.place.strip())))
    return lines


def _school_place(school: School | None) -> str:
    if school is None:
        return ""
    phone = display_phone(school.phone) if school.phone else ""
    return f"{plain(school.name)} ({phone})" if phone else plain(school.name)


def _pickup_lines(
    plan: Plan,
    children: list[Child],
    caregiver: Adult | Contact | None,
    parent_id: str,
    language: str,
) -> list[str]:
    lines = [_say("caregiver.pick_up", language)]
    for child in children:
        name = plain(child.full_name)
        place = _school_place(plan.school(child.school_id) if child.school_id else None)
        person = who_picks_up(plan, child, parent_id)
        if person is not None and (caregiver is None or person.id != caregiver.id):
            other, phone = plain(person.full_name), first_phone(person)
            lines.append(
                _say("caregiver.child_other", language, child=name, other=other, phone=phone)
            )
        elif place:
            lines.append(_say("caregiver.child_at", language, child=name, place=place))
        else:
            lines.append(_say("caregiver.child", language, child=name))
    return lines


def _health_lines(children: list[Child], language: str) -> list[str]:
    """Each child's medicines and allergies: what cannot wait for the caregiver's papers."""
    lines: list[str] = []
    for child in children:
        name = plain(child.full_name)
        for medicine in child.health.medications:
            what = ", ".join(
                plain(p) for p in (medicine.name, medicine.dose, medicine.schedule) if p
            )
            lines.append(_say("caregiver.medicine", language, child=name, medicine=what))
        if child.health.allergies.strip():
            allergies = plain(shorten(child.health.allergies, NOTE_CHARS))
            lines.append(_say("caregiver.allergies", language, child=name, allergies=allergies))
    return [_say("caregiver.health", language), *lines] if lines else []


def _attorney_line(plan: Plan, parent: Adult, language: str) -> str:
    case = parent.case
    attorney = plan.attorney(case.attorney_id) if case and case.attorney_id else None
    if attorney is None:
        return ""
    name = plain(attorney.full_name)
    if attorney.phone_24h:
        phone = display_phone(attorney.phone_24h)
        return _say("caregiver.attorney_24h", language, name=name, phone=phone)
    if attorney.phone:
        return _say("caregiver.attorney", language, name=name, phone=display_phone(attorney.phone))
    return ""


def _papers_line(plan: Plan, language: str) -> str:
    """Where the signed caregiver papers are kept, when the plan says."""
    places = [
        plain(paper.location)
        for paper in plan.documents
        if paper.kind is PaperKind.CAREGIVER_AUTHORIZATION and paper.location.strip()
    ]
    return _say("caregiver.papers", language, place="; ".join(places)) if places else ""


# --- to a school or child care --------------------------------------------------------------------


def to_school(plan: Plan, school_id: str, parent_id: str, language: str) -> Message:
    """To a school or child care: who picks up which of its children today, with the
    caregiver's phone, and whom not to release a child to. Nothing about immigration or a case."""
    school = plan.school(school_id)
    if school is None:
        raise ValueError("a message to a school is written for one school of the plan")
    parent = _adult(plan, parent_id)
    children = [child for child in plan.children if child.school_id == school_id]
    names = _joined([plain(child.full_name) for child in children], language)
    lines = [_say("school.pick_up", language)]
    for child in children:
        lines.append(_school_child_line(plan, child, parent_id, language))
    refused = [
        _refused_line(child, language) for child in children if child.must_not_be_released_to
    ]
    return Message(
        recipient=plain(school.name),
        subject=_say("school.subject", language, children=names),
        body=_lines(
            _say("school.greeting", language),
            _say("school.intro", language, children=names, parent=plain(parent.full_name)),
            lines,
            refused,
            _say("school.closing", language),
        ),
    )


def _school_child_line(plan: Plan, child: Child, parent_id: str, language: str) -> str:
    name = plain(child.full_name)
    if child.grade.strip():
        name = _say("school.child_grade", language, child=name, grade=plain(child.grade.strip()))
    person = who_picks_up(plan, child, parent_id)
    if person is None:
        return _say("school.nobody_yet", language, child=name)
    caregiver, phone = plain(person.full_name), first_phone(person)
    key = "school.child" if phone else "school.child_no_phone"
    return _say(key, language, child=name, caregiver=caregiver, phone=phone)


def _refused_line(child: Child, language: str) -> str:
    names = "; ".join(plain(name) for name in child.must_not_be_released_to if name.strip())
    return _say("school.do_not_release", language, child=plain(child.full_name), names=names)


# --- to the employer ------------------------------------------------------------------------------


def to_employer(plan: Plan, parent_id: str, language: str) -> Message:
    """To the parent's employer: the parent cannot come to work for now (a family emergency,
    nothing more), and please prepare the last paycheck for the person the plan names, going by
    the family's notes on the employer."""
    parent = _adult(plan, parent_id)
    employer = parent.employer
    name = plain(employer.name) if employer and employer.name.strip() else ""
    parent_name = plain(parent.full_name)
    notes = employer.notes.strip() if employer else ""
    who = [
        plain(item.who_can_access)
        for item in plan.money_and_property
        if item.kind is MoneyKind.PAYCHECK and item.who_can_access.strip()
    ]
    return Message(
        recipient=name or _say("employer.unnamed", language),
        subject=_say("employer.subject", language, parent=parent_name),
        body=_lines(
            _say("employer.greeting", language),
            _say("employer.intro", language, parent=parent_name),
            [
                _say("employer.paycheck", language, parent=parent_name),
                _say("employer.to_whom", language, who="; ".join(who)) if who else "",
            ],
            _say("employer.notes", language, notes=plain(shorten(notes, NOTE_CHARS)))
            if notes
            else "",
            _say("employer.closing", language),
        ),
    )
