"""The rules a plan's values meet, and what is still missing from it.

Two questions, kept apart because they are answered differently:
- `check(plan)`: is anything *wrong*? (a phone that cannot be dialled, a birth date in the future,
  a caregiver who is not in the plan). Errors stop a document from being trusted; some are warnings.
- `completeness(plan)`: what would a caregiver *miss*? (no alternate caregiver, no school for a
  child, no attorney). Always warnings: a family may leave things out on purpose.

Each problem names the field by its path (`children[1].date_of_birth`) and carries a message key, so
the wizard can put it beside the field and show it in the family's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

import phonenumbers
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from planner.direction import OVERRIDE_RANGES
from planner.formats import (
    DEFAULT_REGION,
    a_number_digits,
    canonical_a_number,
    canonical_phone,
    parse_phone,
)
from planner.i18n import translate
from planner.jurisdictions import load_jurisdiction
from planner.model import (
    Address,
    Adult,
    Child,
    Contact,
    Person,
    Plan,
    entry_limit,
    list_limit,
    text_limit,
)
from planner.paper_period import period_problems
from planner.places import is_country, is_language, is_us_state

ADULTHOOD_AGE = 18
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_US_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
_COUNTRY_FIELDS = frozenset({"country", "country_of_birth"})
_LANGUAGE_LISTS = frozenset({"languages", "family_languages"})
_DIRECTION_CONTROLS = re.compile(f"[{OVERRIDE_RANGES}]")
"""The invisible embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
PDI). They reorder the letters around them: with a right-to-left letter in the same name, a
sheet's title and body showed the name in different orders, and a vCard passes them to phones.
The program sets the direction of names itself, so typed text needs none.

The marks (LRM U+200E, RLM U+200F, ALM U+061C) are allowed: a mark is a strong character of
no width that moves no letter, only tells a neutral beside it (a bracket, a space, a final
full stop) which way to go, and Arabic and Hebrew keyboards type it; refusing it would refuse
a name typed correctly."""

Path = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing to fix or consider, anchored to a field of the plan."""

    path: str
    key: str
    severity: Severity = Severity.ERROR
    params: Mapping[str, str | int] = field(default_factory=dict)

    def message(self, language: str = "en") -> str:
        return translate(self.key, language, self.params)


def format_path(path: Path) -> str:
    """`("children", 1, "date_of_birth")` → `children[1].date_of_birth`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return visible(text) or "(plan)"


def visible(text: str) -> str:
    """Text that can be printed: a lone surrogate (an unknown key of a file can hold one) shown
    as its escape, `\\ud800`, instead of failing to print."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _problem(path: Path, key: str, severity: Severity = Severity.ERROR, **params: Any) -> Problem:
    return Problem(format_path(path), key, severity, params)


# --- walking the plan ---------------------------------------------------------------------------


def _walk(model: BaseModel, path: Path = ()) -> Iterator[tuple[Path, object, FieldInfo]]:
    """Every field of every nested part of the plan, with its path and its declaration."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        here = (*path, name)
        yield here, value, info
        if isinstance(value, BaseModel):
            yield from _walk(value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, (*here, index))


def _declared_as(info: FieldInfo, canonicaliser: object) -> bool:
    return any(isinstance(m, AfterValidator) and m.func is canonicaliser for m in info.metadata)


def _field_problems(path: Path, value: object, info: FieldInfo) -> Iterator[Problem]:
    if isinstance(value, list):
        yield from _list_problems(path, value, info)
    elif isinstance(value, str):
        yield from _value_problems(path, value, info)


def _list_problems(path: Path, entries: list[object], info: FieldInfo) -> Iterator[Problem]:
    """The list's length, and each entry of a list of codes or of typed text (a list of parts
    is walked part by part)."""
    most = list_limit(info)
    if most is not None and len(entries) > most:
        yield _problem(path, "list.too_many", limit=most)
    for i, entry in enumerate(entries):
        if path[-1] in _LANGUAGE_LISTS:
            if not isinstance(entry, str) or not is_language(entry):
                yield _problem((*path, i), "language.invalid")
        elif isinstance(entry, str):
            yield from _text_problems((*path, i), entry, entry_limit(info))


def _value_problems(path: Path, value: str, info: FieldInfo) -> Iterator[Problem]:
    name = path[-1]
    if name == "document_language" and not is_language(value):
        yield _problem(path, "language.invalid")
        return
    if not value:
        return
    found = list(_text_problems(path, value, text_limit(info)))
    if found:
        yield from found
    elif _declared_as(info, canonical_phone) and parse_phone(value) is None:
        yield _problem(path, "phone.invalid")
    elif _declared_as(info, canonical_a_number) and a_number_digits(value) is None:
        yield _problem(path, "a_number.invalid")
    elif name == "email" and not _EMAIL.match(value):
        yield _problem(path, "email.invalid")
    elif name in _COUNTRY_FIELDS and not is_country(value):
        yield _problem(path, "country.invalid")


def _text_problems(path: Path, text: str, limit: int | None) -> Iterator[Problem]:
    """What is wrong with any typed text, whatever its field: its length, then its characters."""
    if limit is not None and len(text) > limit:
        yield _problem(path, "text.too_long", limit=limit)
    elif _DIRECTION_CONTROLS.search(text):
        yield _problem(path, "text.direction_control")


def _address_problems(path: Path, address: Address) -> Iterator[Problem]:
    if address.country != "US":
        return
    if address.postal_code and not _US_ZIP.match(address.postal_code):
        yield _problem((*path, "postal_code"), "zip.invalid")
    if address.state and not is_us_state(address.state):
        yield _problem((*path, "state"), "state.invalid")


def _birth_problems(path: Path, born: date | None, today: date, child: bool) -> Iterator[Problem]:
    if born is None:
        return
    if born > today:
        yield _problem((*path, "date_of_birth"), "date.birth_in_future")
    elif child and _age(born, today) >= ADULTHOOD_AGE:
        yield _problem(
            (*path, "date_of_birth"), "child.is_adult", Severity.WARNING, age=ADULTHOOD_AGE
        )


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


# --- the plan as a whole ------------------------------------------------------------------------


def _duplicate_ids(plan: Plan) -> Iterator[Problem]:
    """Ids must be unique across everyone: a caregiver id has to point at exactly one person.

    The first holder keeps the id; every later one is flagged, since that is the entry to change."""
    groups: Sequence[tuple[str, Sequence[Any]]] = (
        ("adults", plan.adults),
        ("emergency_contacts", plan.emergency_contacts),
        ("children", plan.children),
        ("attorneys", plan.attorneys),
        ("schools", plan.schools),
    )
    seen: set[str] = set()
    for name, items in groups:
        for index, item in enumerate(items):
            if item.id in seen:
                yield _problem((name, index, "id"), "id.duplicate")
            seen.add(item.id)


def _reference_problems(plan: Plan) -> Iterator[Problem]:
    """Every id a plan points at (caregiver, school, attorney, owner of a paper) must exist."""
    people = {p.id for p in [*plan.adults, *plan.emergency_contacts]}
    children = {c.id for c in plan.children}
    owners = people | children

    def person_problem(path: Path, ref: str) -> Iterator[Problem]:
        # A child's id is "in the plan", so saying "not in the plan" would puzzle: say what it is.
        if ref in children and ref not in people:
            yield _problem(path, "reference.is_a_child")
        elif ref not in people:
            yield _problem(path, "reference.person_missing")

    for i, child in enumerate(plan.children):
        here: Path = ("children", i)
        if child.school_id is not None and plan.school(child.school_id) is None:
            yield _problem((*here, "school_id"), "reference.school_missing")
        for role in ("primary_caregiver_id", "alternate_caregiver_id"):
            ref = getattr(child.care, role)
            if ref is not None:
                yield from person_problem((*here, "care", role), ref)
        care = child.care
        if care.primary_caregiver_id and care.primary_caregiver_id == care.alternate_caregiver_id:
            yield _problem((*here, "care", "alternate_caregiver_id"), "caregiver.same_person")
        for j, ref in enumerate(child.may_be_released_to):
            yield from person_problem((*here, "may_be_released_to", j), ref)
    for i, adult in enumerate(plan.adults):
        ref = adult.case.attorney_id if adult.case else None
        if ref is not None and plan.attorney(ref) is None:
            yield _problem(("adults", i, "case", "attorney_id"), "reference.attorney_missing")
    for i, paper in enumerate(plan.documents):
        if paper.belongs_to is not None and paper.belongs_to not in owners:
            yield _problem(("documents", i, "belongs_to"), "reference.person_missing")


def _name_problems(plan: Plan) -> Iterator[Problem]:
    if not plan.household.display_name.strip():
        yield _problem(("household", "display_name"), "household.name_missing")
    if not is_us_state(plan.household.state):
        yield _problem(("household", "state"), "state.invalid")
    named = (
        ("adults", plan.adults),
        ("children", plan.children),
        ("emergency_contacts", plan.emergency_contacts),
        ("attorneys", plan.attorneys),
    )
    for group, people in named:
        for i, person in enumerate(people):
            if not person.given_names.strip():
                yield _problem((group, i, "given_names"), "name.missing")
    for i, school in enumerate(plan.schools):
        if not school.name.strip():
            yield _problem(("schools", i, "name"), "school.name_missing")


def _phones_abroad(plan: Plan) -> Iterator[Problem]:
    """A US number for someone who lives abroad: often a local number typed without its country
    code ("55 1234 5678" in Mexico City reads as a valid New Jersey number)."""
    groups: Sequence[tuple[str, Sequence[Person]]] = (
        ("adults", plan.adults),
        ("emergency_contacts", plan.emergency_contacts),
    )
    for group, people in groups:
        for i, person in enumerate(people):
            country = person.address.country if person.address else "US"
            if country in ("", DEFAULT_REGION) or not is_country(country):
                continue
            for j, phone in enumerate(person.phones):
                number = parse_phone(phone.number)
                if number and phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
                    path = (group, i, "phones", j, "number")
                    yield _problem(path, "phone.us_number_abroad", Severity.WARNING)


def _date_problems(plan: Plan, today: date) -> Iterator[Problem]:
    people: Sequence[tuple[str, Sequence[Adult | Child | Contact]]] = (
        ("adults", plan.adults),
        ("children", plan.children),
        ("emergency_contacts", plan.emergency_contacts),
    )
    for group, members in people:
        for i, person in enumerate(members):
            yield from _birth_problems((group, i), person.date_of_birth, today, group == "children")
    for i, adult in enumerate(plan.adults):
        hearing = adult.case.next_hearing if adult.case else None
        if hearing is not None and hearing < today:
            yield _problem(("adults", i, "case", "next_hearing"), "hearing.past", Severity.WARNING)
    if plan.review.next_review is not None and plan.review.next_review < today:
        yield _problem(("review", "next_review"), "review.overdue", Severity.WARNING)
    yield from _young_caregivers(plan, today)
    yield from _paper_periods(plan, today)
    yield from _papers_signed(plan, today)


def _paper_periods(plan: Plan, today: date) -> Iterator[Problem]:
    """A caregiver paper's period the state's law does not allow (too long, ending before it
    starts, starting on an event where the law names none): the paper could be refused."""
    rules = load_jurisdiction(plan.household.state)
    for i, child in enumerate(plan.children):
        for problem in period_problems(rules, child.care.paper_period, today):
            if problem.key == "period.start_in_past" and child.care.paper_signed_on:
                continue  # a signed paper's start has rightly passed: nothing to change
            path = ("children", i, "care", "paper_period", problem.part)
            severity = Severity.WARNING if problem.warning else Severity.ERROR
            yield _problem(path, problem.key, severity, **problem.params)


def _papers_signed(plan: Plan, today: date) -> Iterator[Problem]:
    """A signing day that has not come, or came before the child was born: a typing slip, and
    the caseload would count the paper's "renew by" from it."""
    for i, child in enumerate(plan.children):
        signed, born = child.care.paper_signed_on, child.date_of_birth
        path = ("children", i, "care", "paper_signed_on")
        if signed is not None and signed > today:
            yield _problem(path, "paper.signed_in_future")
        elif signed is not None and born is not None and signed < born:
            yield _problem(path, "paper.signed_before_birth")


def _young_caregivers(plan: Plan, today: date) -> Iterator[Problem]:
    """A caregiver younger than the state's caregiver paper allows (or a minor, where the rules
    name no age): the paper would not give them authority, and the family should know now."""
    instrument = load_jurisdiction(plan.household.state).instrument
    state_age = instrument.caregiver_min_age if instrument else None
    age, key = (
        (state_age, "caregiver.under_state_age")
        if state_age
        else (ADULTHOOD_AGE, "caregiver.minor")
    )
    for i, child in enumerate(plan.children):
        for role in ("primary_caregiver_id", "alternate_caregiver_id"):
            chosen = getattr(child.care, role)
            person = plan.person(chosen) if chosen else None
            born = person.date_of_birth if person else None
            if born is not None and born <= today and _age(born, today) < age:
                yield _problem(("children", i, "care", role), key, Severity.WARNING, age=age)


def check(plan: Plan, today: date | None = None) -> list[Problem]:
    """Everything wrong with the plan's values, in the order a person reads the plan."""
    today = today or date.today()
    problems: list[Problem] = []
    for path, value, info in _walk(plan):
        problems.extend(_field_problems(path, value, info))
        if isinstance(value, Address):
            problems.extend(_address_problems(path, value))
    problems.extend(_name_problems(plan))
    problems.extend(_phones_abroad(plan))
    problems.extend(_date_problems(plan, today))
    problems.extend(_duplicate_ids(plan))
    problems.extend(_reference_problems(plan))
    return problems


# --- completeness -------------------------------------------------------------------------------


def _warn(path: Path, key: str, **params: Any) -> Problem:
    return _problem(path, key, Severity.WARNING, **params)


def _caregiver_gaps(plan: Plan) -> Iterator[Problem]:
    for i, child in enumerate(plan.children):
        if child.care.primary_caregiver_id is None:
            yield _warn(("children", i, "care", "primary_caregiver_id"), "caregiver.no_primary")
        if child.care.alternate_caregiver_id is None:
            yield _warn(("children", i, "care", "alternate_caregiver_id"), "caregiver.no_alternate")
    chosen = {
        ref
        for child in plan.children
        for ref in (child.care.primary_caregiver_id, child.care.alternate_caregiver_id)
        if ref is not None
    }
    for i, adult in enumerate(plan.adults):
        if adult.id in chosen and not adult.phones:
            yield _warn(("adults", i, "phones"), "caregiver.no_phone")
    for i, contact in enumerate(plan.emergency_contacts):
        if contact.id not in chosen:
            if not contact.phones:
                yield _warn(("emergency_contacts", i, "phones"), "contact.no_phone")
            continue
        if not contact.phones:
            yield _warn(("emergency_contacts", i, "phones"), "caregiver.no_phone")
        if not contact.knows_the_plan:
            yield _warn(("emergency_contacts", i, "knows_the_plan"), "caregiver.unaware")
    # No warning that the school is not told about the caregivers: the school letter lists them
    # on its release list whether or not the family ticked them (forms/pickup.py).
    for i, child in enumerate(plan.children):
        care = child.care
        both = (care.primary_caregiver_id, care.alternate_caregiver_id)
        homes = [_home(plan, ref) for ref in both if ref is not None]
        if len(homes) == 2 and homes[0] is not None and homes[0] == homes[1]:
            path = ("children", i, "care", "alternate_caregiver_id")
            yield _warn(path, "caregiver.same_household")


def _home(plan: Plan, person_id: str) -> tuple[str, ...] | None:
    """Where someone lives, comparable; None when not known. A contact's missing address is
    taken as unknown (the family may just not have typed it), never as "lives with us"."""
    person = plan.person(person_id)
    if person is None:
        return None
    address = person.address
    if address is None and isinstance(person, Adult) and person.lives_in_household:
        address = plan.household.address
    if address is None or not address.street.strip():
        return None
    parts = (address.street, address.unit, address.city, address.postal_code[:5], address.country)
    return tuple(" ".join(part.casefold().split()) for part in parts)


def _adult_gaps(plan: Plan) -> Iterator[Problem]:
    for i, adult in enumerate(plan.adults):
        if not adult.country_of_birth:
            yield _warn(("adults", i, "country_of_birth"), "adult.no_country_of_birth")
        if not adult.lives_in_household and adult.address is None:
            yield _warn(("adults", i, "address"), "adult.elsewhere_no_address")


def completeness(plan: Plan) -> list[Problem]:
    """What a caregiver would miss if the plan were used today. Warnings only."""
    gaps: list[Problem] = []
    if not plan.adults:
        gaps.append(_warn(("adults",), "plan.no_adults"))
    if not plan.children:
        gaps.append(_warn(("children",), "plan.no_children"))
    if len(plan.emergency_contacts) < 2:
        gaps.append(_warn(("emergency_contacts",), "plan.few_contacts", minimum=2))
    if not plan.attorneys:
        gaps.append(_warn(("attorneys",), "plan.no_attorney"))
    for i, attorney in enumerate(plan.attorneys):
        if not attorney.phone and not attorney.phone_24h:
            gaps.append(_warn(("attorneys", i, "phone"), "attorney.no_phone"))
    for i, child in enumerate(plan.children):
        if child.school_id is None:
            gaps.append(_warn(("children", i, "school_id"), "child.no_school"))
    gaps.extend(_caregiver_gaps(plan))
    gaps.extend(_adult_gaps(plan))
    if plan.review.next_review is None:
        gaps.append(_warn(("review", "next_review"), "review.not_scheduled"))
    return gaps


def has_errors(problems: Sequence[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
