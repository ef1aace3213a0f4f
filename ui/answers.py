"""Each answer of the plan declared once (docs/DESIGN.md, "Adding a field or a section"): the pages
build their fields from these declarations (`ui.pages.form`) and Review reads the plan aloud from
the same ones, so an answer asked on a page cannot be forgotten on Review. No Qt here, so reading a
plan is testable without a screen; what a field *is* (type, maximum length) stays the model's."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, get_args

from pydantic import BaseModel

from planner.formats import display_a_number, display_phone
from planner.i18n import translate
from planner.model import Phone, PhoneKind, Plan
from planner.people import address_text, date_text, isolate, phone_line
from planner.places import country_name, language_name

Say = Callable[..., str]
"""The interface's words (`ui.i18n.Words`): a key, and the names it fills in."""


class Editor(StrEnum):
    """How a person gives an answer."""

    TEXT = "text"
    NOTES = "notes"
    """Several lines."""
    PHONE = "phone"
    A_NUMBER = "a_number"
    DATE = "date"
    CHOICE = "choice"
    """One of a list, as a drop-down (a `Choices` says which)."""
    CHECK = "check"
    """A yes/no box: False unless ticked."""
    TICKS = "ticks"
    """Several of a list, as check boxes (languages, people)."""
    LINES = "lines"
    """One entry a line (names), stored as a list."""
    MEDICATIONS = "medications"


@dataclass(frozen=True)
class Reading:
    """What reading an answer needs: the plan (names behind ids), the interface's words and
    catalogue language, and the pseudo-locale's mark on text from the planner's catalogues."""

    plan: Plan
    say: Say
    language: str
    own: Callable[[str], str] = lambda text: text


class Choices:
    """The values a choice offers and how one reads (a label, a name behind an id). `shown` and
    `stored` turn the plan's value into the text shown and back (a yes/no: True, False, None)."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        """(value, label) pairs; a `current` value the list no longer has is kept, named so."""
        raise NotImplementedError

    def read(self, reading: Reading, value: str) -> str:
        raise NotImplementedError

    def shown(self, value: Any) -> str:
        return "" if value is None else str(value)

    def stored(self, choice: str) -> Any:
        return choice or None


@dataclass(frozen=True)
class Answer:
    """One answer: its plan path below its entry (`health.insurance` of a child), the catalogue
    keys of its label and of why we ask (a sensitive one), how it is given, its share of a row."""

    path: str
    label: str
    editor: Editor = Editor.TEXT
    why: str = ""
    choices: Choices | None = None
    width: int = 1


@dataclass(frozen=True)
class Row:
    """Answers side by side (short ones: a name and a date of birth)."""

    answers: tuple[Answer, ...]

    def __init__(self, *answers: Answer) -> None:
        object.__setattr__(self, "answers", answers)


@dataclass(frozen=True)
class Postal:
    """An address at `path`, the same editor wherever the plan holds one. `local` shows the
    household's state in an empty one, kept only once something else is typed."""

    path: str = "address"
    local: bool = False
    label: str = "address.heading"
    """Its heading, which Review shows too: "Address", or whose ("Employer's address")."""


@dataclass(frozen=True)
class Phones:
    """A person's first two phones (`<path>[0]`, `<path>[1]`) as two phone fields labelled by
    `first` and `second`. A number typed where there was none is a mobile, then another phone;
    each number keeps its kind and note when retyped, and any further phones stay as they are."""

    first: str
    second: str
    path: str = "phones"


def merged_phones(old: list[Phone], numbers: Sequence[str]) -> list[Phone]:
    """The first two phones as typed, as `Phones` says."""
    phones: list[Phone] = []
    for slot, number in enumerate(numbers[:2]):
        if number and slot < len(old):
            phones.append(old[slot].model_copy(update={"number": number}))
        elif number:
            phones.append(Phone(number=number, kind=(PhoneKind.MOBILE, PhoneKind.OTHER)[slot]))
    return phones + old[2:]


@dataclass(frozen=True)
class Note:
    """A quiet line that explains the questions below it."""

    key: str


Part = Answer | Row | Postal | Phones | Note


@dataclass(frozen=True)
class Box:
    """A titled group of answers."""

    title: str
    parts: tuple[Part, ...]

    def __init__(self, title: str, *parts: Part) -> None:
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "parts", parts)


@dataclass(frozen=True)
class Items:
    """A list of the plan (children, schools …), its selected entry's parts shown below it.
    `words` is the catalogue key of its name (`<words>_why`, `_add`, `_remove`: its why-line and
    buttons); `title` names a box around it all. `heading` names an entry in the list and on
    Review; `new` makes an empty one; `removed` forgets what pointed to a removed entry (a child's
    school); `empty` says what to do while the list is empty. A `fixed` list's entries are made in
    another section (each parent's case): it only selects, and needs no add or remove words."""

    path: str
    words: str
    parts: tuple[Part | Box, ...]
    heading: Callable[[Any, Reading], str]
    new: Callable[[], BaseModel]
    removed: Callable[[Plan, Any], None] = lambda plan, entry: None
    title: str = ""
    empty: str = ""
    fixed: bool = False


def leaves(parts: Sequence[Part | Box]) -> Iterator[Answer | Postal | Phones]:
    """The answers, addresses and phones of some boxes and rows, in reading order."""
    for part in parts:
        if isinstance(part, Box):
            yield from leaves(part.parts)
        elif isinstance(part, Row):
            yield from part.answers
        elif not isinstance(part, Note):
            yield part


def answers_of(parts: Sequence[Part | Box]) -> list[Answer]:
    return [part for part in leaves(parts) if isinstance(part, Answer)]


def value_at(owner: object, path: str) -> Any:
    """The value at a dotted path below `owner`; None where an optional part is absent."""
    value: Any = owner
    for name in path.split("."):
        if value is None:
            return None
        value = getattr(value, name)
    return value


def shown_at(owner: BaseModel, path: str) -> Any:
    """The value a field shows for `path`: inside an optional part the plan does not hold yet
    (a parent's `case`), the default an empty part would have."""
    *parents, name = path.split(".")
    holder = owner
    for part in parents:
        inner = getattr(holder, part)
        holder = inner if inner is not None else _part_type(holder, part)()
    return getattr(holder, name)


def put_at(owner: BaseModel, path: str, value: object) -> None:
    """Set the value at a dotted path, making an absent optional part (an employer) only when
    the value says something; a part left empty is dropped again (`prune`)."""
    *parents, name = path.split(".")
    holder: BaseModel = owner
    for part in parents:
        inner = getattr(holder, part)
        if inner is None:
            inner = _part_type(holder, part)()
            if value in (None, "", []) or getattr(inner, name, None) == value:
                return  # nothing said: no part made (a G-28 "No" is something said)
            setattr(holder, part, inner)
        holder = inner
    if getattr(holder, name) != value:
        setattr(holder, name, value)


def prune(owner: BaseModel, path: str) -> None:
    """An optional part (`employer`, `case`) that holds nothing but defaults becomes None."""
    *parents, name = path.split(".")
    holder = value_at(owner, ".".join(parents)) if parents else owner
    if not isinstance(holder, BaseModel):
        return
    optional = type(None) in get_args(type(holder).model_fields[name].annotation)
    part = getattr(holder, name)
    if optional and isinstance(part, BaseModel):
        fresh = type(part).model_construct()
        if all(getattr(part, n) == getattr(fresh, n, object()) for n in type(part).model_fields):
            setattr(holder, name, None)


def _part_type(holder: BaseModel, name: str) -> type[BaseModel]:
    """A plan's optional parts have no required answer: each can be made empty."""
    annotation = type(holder).model_fields[name].annotation
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    raise TypeError(f"{type(holder).__name__}.{name} is not an optional part of the plan")


def read_answer(answer: Answer, value: Any, reading: Reading) -> str:
    """An answer as a person reads it on Review: a phone as it prints, a date in words, a choice
    by its label, a person by name; "" for no answer."""
    if value is None or value == "" or value == []:
        return ""
    kind = answer.editor
    if kind is Editor.PHONE:
        return display_phone(value)
    if kind is Editor.A_NUMBER:
        return display_a_number(value)
    if kind is Editor.DATE:
        assert isinstance(value, date)
        return date_text(value, reading.language)
    if kind is Editor.CHECK:
        return reading.say("review.yes") if value else ""
    if kind is Editor.MEDICATIONS:
        rows = ((m.name, m.dose, m.schedule) for m in value)
        return "\n".join(" — ".join(isolate(part) for part in row if part) for row in rows)
    if answer.choices is not None:
        values = value if isinstance(value, list) else [value]
        return ", ".join(answer.choices.read(reading, str(v)) for v in values)
    if isinstance(value, list):
        return "\n".join(isolate(str(v)) for v in value)
    return isolate(str(value))


def facts(parts: Sequence[Part | Box], owner: object, reading: Reading) -> list[tuple[str, str]]:
    """(label, value) for each answered question of `parts` below `owner`, in reading order."""
    found: list[tuple[str, str]] = []
    for part in leaves(parts):
        value = value_at(owner, part.path)
        if isinstance(part, Postal):
            label, text = part.label, address_text(value, reading.language).replace("\n", ", ")
        elif isinstance(part, Phones):
            # Every phone of the list, not only the two the page shows, as the papers print them.
            label = "answer.phones"
            text = "\n".join(phone_line(p, reading.language, reading.own) for p in value)
        else:
            label, text = part.label, read_answer(part, value, reading)
        if text.strip():
            found.append((_plain(reading.say(label)), text.strip()))
    return found


def _plain(label: str) -> str:
    """A field's label without its mnemonic mark, as Review shows it."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


@dataclass(frozen=True)
class Labels(Choices):
    """One of the plan's fixed choices (an enum), named from the planner's `labels` catalogue
    (`relationship.godparent`), as the printed documents name it. With `unset` (the words of
    an answer not given), the family may leave it unrecorded: None in the plan."""

    table: str
    values: tuple[str, ...]
    unset: str = ""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        first = [("", reading.say(self.unset))] if self.unset else []
        return first + [(value, self.read(reading, value)) for value in self.values]

    def read(self, reading: Reading, value: str) -> str:
        if value not in self.values:
            return ""
        return reading.own(translate(f"{self.table}.{value}", reading.language, domain="labels"))

    def stored(self, choice: str) -> Any:
        return choice or (None if self.unset else self.values[0])


@dataclass(frozen=True)
class Named(Choices):
    """A choice whose values are named by the interface's own words (`<prefix><value>`), and
    "" for an answer not given (`unset`)."""

    prefix: str
    values: tuple[str, ...]
    unset: str = ""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        first = [("", reading.say(self.unset))] if self.unset else []
        return first + [(v, reading.say(f"{self.prefix}{v}")) for v in self.values]

    def read(self, reading: Reading, value: str) -> str:
        return reading.say(f"{self.prefix}{value}") if value in self.values else ""


class YesNo(Choices):
    """A yes/no question a family may leave unanswered: None, True, False; the words of each
    answer may be the question's own ("Not decided yet")."""

    def __init__(
        self, unset: str = "answer.not_recorded", yes: str = "answer.yes", no: str = "answer.no"
    ) -> None:
        self.words = (unset, yes, no)

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        return [(v, reading.say(key)) for v, key in zip(("", "yes", "no"), self.words, strict=True)]

    def read(self, reading: Reading, value: str) -> str:
        return reading.say("review.yes" if value in ("yes", "True") else "review.no")

    def shown(self, value: Any) -> str:
        return "" if value is None else ("yes" if value else "no")

    def stored(self, choice: str) -> Any:
        return None if not choice else choice == "yes"


@dataclass(frozen=True)
class Countries(Choices):
    """Every country by name, after `unset`, the words of none chosen yet ("" in the plan)."""

    unset: str = "item.choose"

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        from ui.pages.choices import country_choices

        return [("", reading.say(self.unset)), *country_choices(reading.language, *current)]

    def read(self, reading: Reading, value: str) -> str:
        return country_name(value, reading.language)

    def stored(self, choice: str) -> Any:
        return choice


@dataclass(frozen=True)
class Languages(Choices):
    """The household's languages and the common ones first, then `extra` ones, then any the
    entry holds."""

    extra: tuple[str, ...] = ()

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        from ui.pages.choices import language_choices

        codes = [*reading.plan.household.family_languages, *self.extra, *current]
        return language_choices(list(dict.fromkeys(codes)), reading.language)

    def read(self, reading: Reading, value: str) -> str:
        return language_name(value, reading.language)


class Schools(Choices):
    """A child's school or child care, among the plan's schools; "" for none."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        say, plan = reading.say, reading.plan
        found = [("", say("children.no_school"))]
        found += [(s.id, s.name or say("children.unnamed_school")) for s in plan.schools]
        missing = [v for v in current if v and plan.school(v) is None]
        return found + [(v, say("children.school_missing")) for v in missing]

    def read(self, reading: Reading, value: str) -> str:
        school = reading.plan.school(value)
        return isolate(school.name) if school is not None else reading.say("review.not_in_plan")


class People(Choices):
    """The plan's parents and emergency contacts, by name; someone a list still names but the
    plan no longer has stays, until the family unticks them."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        say, plan = reading.say, reading.plan
        unnamed = say("children.unnamed_person")
        found = [(a.id, say("children.parent", name=a.full_name or unnamed)) for a in plan.adults]
        contacts = plan.emergency_contacts
        found += [(c.id, say("children.contact", name=c.full_name or unnamed)) for c in contacts]
        missing = [v for v in current if plan.person(v) is None]
        return found + [(v, say("children.person_missing")) for v in missing]

    def read(self, reading: Reading, value: str) -> str:
        person = reading.plan.person(value)
        return isolate(person.full_name) if person else reading.say("review.not_in_plan")
