""" "A parent was detained": the plan turned into the next hour's steps, and the log of them.

`Detention` is what the family or navigator records (who was taken, when, where, what was seen)
and when each step was ticked; the vault keeps it, sealed with the household's key. `checklist`
reads the plan afresh each time it is shown, so a number corrected in the plan shows at once,
while a tick stays with its step: step ids name what the step is about ("pickup:<child id>"),
never its place in the list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Final

from pydantic import AwareDatetime, Field, StringConstraints, model_validator

from planner.formats import display_a_number, display_phone
from planner.i18n import translate
from planner.jurisdictions import load_jurisdiction
from planner.model import (
    Adult,
    Attorney,
    CaseInfo,
    Child,
    Contact,
    LongText,
    MaxItems,
    PersonId,
    Plan,
    PlanPart,
)
from planner.packet import PacketDocumentKind, PlannedDocument, planned_documents
from planner.people import address_text, date_text, isolate, label, phone_line, relationship_text
from planner.places import country_name
from planner.public_numbers import public_numbers

DOMAIN = "detained"

StepId = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}(:[A-Za-z0-9_-]{1,64})?$")]
"""What a step is about, never where it stands: "locate", "pickup:child-ana"."""

PLACE_CHARS: Final = 300
"""Where it happened: as long as the plan's other short texts."""
SEEN_CHARS: Final = 10_000
"""What was seen: as long as the plan's notes."""
MAX_STEPS: Final = 200


class Detention(PlanPart):
    """What happened, as the family chooses to record it, and when each step was done.

    Times carry their time zone: a log read on another laptop still says when things happened."""

    parent_id: PersonId
    """The adult of the plan who was taken."""
    started_at: AwareDatetime
    """When this mode was opened for the household."""
    taken_at: AwareDatetime | None = None
    place: str = ""
    what_was_seen: LongText = ""
    """Agency, badges, vehicle: only what the family chooses to record."""
    steps: Annotated[dict[StepId, AwareDatetime], MaxItems(MAX_STEPS)] = Field(default_factory=dict)
    """Step id → when it was ticked, in the order the ticks were made."""

    @model_validator(mode="after")
    def _within_limits(self) -> Detention:
        """A log read from the vault or an export file is held to what the screen lets anyone
        write: a hostile file's 5-million-character place would freeze the screen for half a
        minute, mid-detention."""
        if (
            len(self.place) > PLACE_CHARS
            or len(self.what_was_seen) > SEEN_CHARS
            or len(self.steps) > MAX_STEPS
        ):
            raise ValueError("the detention log is longer than anyone can write on the screen")
        return self

    @property
    def latest(self) -> datetime:
        """When the log last changed: its start or its latest tick."""
        return max([self.started_at, *self.steps.values()])

    def ticked(self, step_id: str, at: datetime) -> Detention:
        """This detention with the step ticked at `at` (a step ticked again keeps its first time:
        the log says when it was done, not when someone last touched it)."""
        if step_id in self.steps:
            return self
        return self.model_copy(update={"steps": {**self.steps, step_id: at}})

    def unticked(self, step_id: str) -> Detention:
        """This detention without the step's tick (ticked by mistake)."""
        return self.model_copy(
            update={"steps": {k: v for k, v in self.steps.items() if k != step_id}}
        )


class StepKind(StrEnum):
    """The kinds of step, in the order the checklist puts them."""

    LOCATE = "locate"
    CALL_ATTORNEY = "call_attorney"
    CALL_RAPID_RESPONSE = "call_rapid_response"
    CALL_CONSULATE = "call_consulate"
    PICKUP = "pickup"
    MESSAGE_CAREGIVER = "message_caregiver"
    MESSAGE_SCHOOL = "message_school"
    MESSAGE_EMPLOYER = "message_employer"
    CASE = "case"
    MONEY = "money"


@dataclass(frozen=True)
class Step:
    """One step as a screen shows it, every sentence already in the reader's language."""

    id: str
    kind: StepKind
    title: str
    facts: tuple[str, ...] = ()
    """The numbers, names and places to use, from the plan and resources/public/."""
    missing: tuple[str, ...] = ()
    """What the plan lacks for this step, each in one sentence."""
    recipient: str | None = None
    """For a message: the id of the person, school or employer's adult it goes to."""
    papers: tuple[PlannedDocument, ...] = ()
    """Caregiver papers to print pre-filled and sign now."""
    done_at: datetime | None = None
    """When it was ticked; None while it is not."""


@dataclass
class _Words:
    """The catalogue in one language; each fact and gap collected as it is said."""

    language: str
    facts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def __call__(self, key: str, **params: object) -> str:
        return translate(key, self.language, params or None, domain=DOMAIN)

    def fact(self, key: str, **params: object) -> None:
        self.facts.append(self(f"fact.{key}", **params))

    def lack(self, key: str, **params: object) -> None:
        self.missing.append(self(f"missing.{key}", **params))

    def step(
        self,
        step_id: str,
        kind: StepKind,
        title: str,
        recipient: str | None = None,
        papers: tuple[PlannedDocument, ...] = (),
    ) -> Step:
        """The step made of what was said since the last one."""
        made = Step(step_id, kind, title, tuple(self.facts), tuple(self.missing), recipient, papers)
        self.facts, self.missing = [], []
        return made


def checklist(plan: Plan, detention: Detention, language: str) -> list[Step]:
    """The steps for this household, in the order they matter: find the parent, call for help,
    the children, the messages, the case, the money. Each step carries its tick time."""
    words = _Words(language)
    parent = next((a for a in plan.adults if a.id == detention.parent_id), None)
    steps = [
        _locate(parent, words),
        _call_attorney(plan, parent, words),
        _call_rapid_response(plan, words),
        _call_consulate(parent, words),
        *_children(plan, detention, words),
        *_messages(plan, detention, words),
        _case(parent, detention, words),
        _money(plan, words),
    ]
    return [replace(s, done_at=detention.steps.get(s.id)) for s in steps]


def _name(person: Adult | Contact | Attorney | Child) -> str:
    return isolate(person.full_name)


def _locate(parent: Adult | None, w: _Words) -> Step:
    numbers = public_numbers()
    w.fact(
        "locator", url=numbers.detainee_locator.url, checked=date_text(numbers.checked, w.language)
    )
    if parent is None:
        w.lack("parent_gone")
        return w.step("locate", StepKind.LOCATE, w("title.locate_nobody"))
    a_number = parent.case.a_number if parent.case else ""
    country = parent.country_of_birth
    if a_number and country:
        w.fact("search_by_a_number")
    elif country:
        w.fact("search_by_name")
    w.fact("exact_name", value=_name(parent))
    if parent.other_names:
        w.fact("other_names", value=isolate(parent.other_names))
    if a_number:
        w.fact("a_number", value=display_a_number(a_number))
    else:
        w.lack("a_number")
    if country:
        w.fact("country_of_birth", value=country_name(country, w.language))
    else:
        w.lack("country_of_birth")
    if parent.date_of_birth:
        w.fact("date_of_birth", value=date_text(parent.date_of_birth, w.language))
    else:
        w.lack("date_of_birth")
    w.fact("locator_rules")
    ice = numbers.ice_detention_information
    w.fact("ice_line", phone=display_phone(ice.phone), hours=w("hours.ice"))
    return w.step("locate", StepKind.LOCATE, w("title.locate", name=_name(parent)))


def _call_attorney(plan: Plan, parent: Adult | None, w: _Words) -> Step:
    attorney_id = parent.case.attorney_id if parent and parent.case else None
    attorney = plan.attorney(attorney_id) if attorney_id else None
    if attorney is None:
        w.lack("attorney")
        for line in plan.local_hotlines:
            if line.kind == "legal_aid":
                w.fact("hotline", name=isolate(line.name), phone=display_phone(line.phone))
                if line.hours:
                    w.fact("hours", value=isolate(line.hours))
        return w.step("call_attorney", StepKind.CALL_ATTORNEY, w("title.call_attorney"))
    w.fact("attorney", name=_name(attorney))
    if attorney.organization:
        w.fact("organization", value=isolate(attorney.organization))
    if attorney.phone_24h:  # first: it answers at night and on weekends
        w.fact("phone_24h", phone=display_phone(attorney.phone_24h))
    else:
        w.lack("phone_24h")
    if attorney.phone:
        w.fact("office_phone", phone=display_phone(attorney.phone))
    if not attorney.phone and not attorney.phone_24h:
        w.lack("attorney_phone")
    if attorney.email:
        w.fact("email", value=isolate(attorney.email))
    step_id = f"call_attorney:{attorney.id}"
    return w.step(step_id, StepKind.CALL_ATTORNEY, w("title.call_attorney"))


def _call_rapid_response(plan: Plan, w: _Words) -> Step:
    lines = [line for line in plan.local_hotlines if line.kind == "rapid_response"]
    for line in lines:
        w.fact("hotline", name=isolate(line.name), phone=display_phone(line.phone))
        if line.hours:
            w.fact("hours", value=isolate(line.hours))
    if not lines:
        w.lack("rapid_response")
    return w.step(
        "call_rapid_response", StepKind.CALL_RAPID_RESPONSE, w("title.call_rapid_response")
    )


def _call_consulate(parent: Adult | None, w: _Words) -> Step:
    consulate = parent.consulate if parent else None
    if consulate is None or not (consulate.name or consulate.phone):
        w.lack("consulate")
    else:
        if consulate.name:
            w.fact("consulate", value=isolate(consulate.name))
        if consulate.phone:
            w.fact("phone", phone=display_phone(consulate.phone))
        else:
            w.lack("consulate_phone")
        where = address_text(consulate.address, w.language)
        if where:
            w.fact("address", value=where.replace("\n", ", "))
    return w.step("call_consulate", StepKind.CALL_CONSULATE, w("title.call_consulate"))


def caregiver_today(plan: Plan, child: Child, parent_id: str) -> Adult | Contact | None:
    """Who picks the child up today: the primary caregiver, else the alternate; never the parent
    who was taken, and never someone the plan no longer has."""
    care = child.care
    for person_id in (care.primary_caregiver_id, care.alternate_caregiver_id):
        if person_id and person_id != parent_id:
            person = plan.person(person_id)
            if person is not None:
                return person
    return None


def _children(plan: Plan, detention: Detention, w: _Words) -> Iterator[Step]:
    rules = load_jurisdiction(plan.household.state)
    paper = rules.instrument_name(w.language)
    printed = {
        d.subject_id: d
        for d in planned_documents(plan, frozenset({PacketDocumentKind.CAREGIVER_AUTHORIZATION}))
    }
    for child in plan.children:
        caregiver = caregiver_today(plan, child, detention.parent_id)
        if caregiver is None:
            w.lack("caregiver", child=_name(child))
        else:
            _caregiver_facts(child, caregiver, detention.parent_id, w)
        _school_facts(plan, child, caregiver, w)
        papers: tuple[PlannedDocument, ...] = ()
        if not paper:
            w.lack("no_paper")
        elif rules.signing.when == "when_child_moves_in":
            w.fact("paper_sign_on_moving_in", paper=paper, child=_name(child))
            papers = (printed[child.id],)
        elif child.care.paper_signed_on:
            w.fact(
                "paper_signed", paper=paper, date=date_text(child.care.paper_signed_on, w.language)
            )
        else:
            w.lack("paper_unsigned", paper=paper)
            papers = (printed[child.id],)
        title = w("title.pickup", child=_name(child))
        yield w.step(f"pickup:{child.id}", StepKind.PICKUP, title, papers=papers)


def _caregiver_facts(child: Child, caregiver: Adult | Contact, parent_id: str, w: _Words) -> None:
    primary = child.care.primary_caregiver_id == caregiver.id
    role = "primary" if primary else "alternate"
    w.fact(role, name=_name(caregiver), relationship=relationship_text(caregiver, w.language))
    for phone in caregiver.phones:
        w.fact("phone", phone=phone_line(phone, w.language))
    if not caregiver.phones:
        w.lack("caregiver_phone", name=_name(caregiver))
    if not primary and child.care.primary_caregiver_id == parent_id:
        w.fact("primary_was_taken")


def _school_facts(plan: Plan, child: Child, caregiver: Adult | Contact | None, w: _Words) -> None:
    school = plan.school(child.school_id) if child.school_id else None
    if school is None:
        return
    w.fact("school", name=isolate(school.name))
    if school.phone:
        w.fact("phone", phone=display_phone(school.phone))
    if caregiver is not None and caregiver.id not in child.may_be_released_to:
        w.lack("not_on_release_list", school=isolate(school.name), name=_name(caregiver))
    if child.must_not_be_released_to:
        names = ", ".join(isolate(n) for n in child.must_not_be_released_to)
        w.fact("must_not_release", names=names)


def _messages(plan: Plan, detention: Detention, w: _Words) -> Iterator[Step]:
    """One step a recipient: each caregiver picking up a child, each school or child-care the
    children attend, the employer. The message itself is written elsewhere, from the plan."""
    caregivers: dict[str, Adult | Contact] = {}
    for child in plan.children:
        caregiver = caregiver_today(plan, child, detention.parent_id)
        if caregiver is not None:
            caregivers.setdefault(caregiver.id, caregiver)
    for person in caregivers.values():
        for phone in person.phones:
            w.fact("phone", phone=phone_line(phone, w.language))
        if not person.phones:
            w.lack("caregiver_phone", name=_name(person))
        title = w("title.message_to", name=_name(person))
        step_id = f"message_caregiver:{person.id}"
        yield w.step(step_id, StepKind.MESSAGE_CAREGIVER, title, recipient=person.id)
    attended = {child.school_id for child in plan.children}
    for school in (s for s in plan.schools if s.id in attended):
        if school.phone:
            w.fact("phone", phone=display_phone(school.phone))
        else:
            w.lack("school_phone", name=isolate(school.name))
        title = w("title.message_to", name=isolate(school.name))
        yield w.step(
            f"message_school:{school.id}", StepKind.MESSAGE_SCHOOL, title, recipient=school.id
        )
    parent = next((a for a in plan.adults if a.id == detention.parent_id), None)
    employer = parent.employer if parent else None
    if parent is not None and employer is not None and (employer.name or employer.phone):
        if employer.phone:
            w.fact("phone", phone=display_phone(employer.phone))
        else:
            w.lack("employer_phone")
        if employer.notes:
            w.fact("from_the_plan", value=isolate(employer.notes))
        title = w("title.message_employer", name=isolate(employer.name or "—"))
        step_id = f"message_employer:{parent.id}"
        yield w.step(step_id, StepKind.MESSAGE_EMPLOYER, title, recipient=parent.id)


def _moment(at: datetime, language: str) -> str:
    return f"{date_text(at.date(), language)}, {at:%H:%M}"


def _case(parent: Adult | None, detention: Detention, w: _Words) -> Step:
    numbers = public_numbers()
    eoir = numbers.eoir_case_information
    checked = date_text(numbers.checked, w.language)
    w.fact("eoir", phone=display_phone(eoir.phone), hours=w("hours.eoir"), checked=checked)
    if detention.taken_at is not None:
        w.fact("taken_at", value=_moment(detention.taken_at, w.language))
    if detention.place:
        w.fact("place", value=isolate(detention.place))
    if detention.what_was_seen:
        w.fact("what_was_seen", value=isolate(detention.what_was_seen))
    if parent is None:
        w.lack("parent_gone")
        return w.step("case", StepKind.CASE, w("title.case"))
    case = parent.case
    _identity_facts(parent, w)
    if case is None:
        w.lack("no_case")
        return w.step("case", StepKind.CASE, w("title.case"))
    _case_facts(case, w)
    return w.step("case", StepKind.CASE, w("title.case"))


def _identity_facts(parent: Adult, w: _Words) -> None:
    a_number = parent.case.a_number if parent.case else ""
    w.fact("exact_name", value=_name(parent))
    if a_number:
        w.fact("a_number", value=display_a_number(a_number))
    else:
        w.lack("a_number_case")
    if parent.country_of_birth:
        w.fact("country_of_birth", value=country_name(parent.country_of_birth, w.language))
    if parent.date_of_birth:
        w.fact("date_of_birth", value=date_text(parent.date_of_birth, w.language))


def _case_facts(case: CaseInfo, w: _Words) -> None:
    if case.immigration_status is not None:
        w.fact("status", value=label(case.immigration_status, w.language))
    if case.immigration_court:
        w.fact("court", value=isolate(case.immigration_court))
    if case.next_hearing:
        w.fact("next_hearing", value=date_text(case.next_hearing, w.language))
    if case.pending_applications:
        w.fact("pending", value=isolate(case.pending_applications))
    if case.g28_signed is None:
        w.lack("g28_unknown")
    elif case.g28_signed:
        held = isolate(case.g28_held_by) if case.g28_held_by else w("fact.not_said")
        w.fact("g28_signed", held_by=held)
    else:
        w.fact("g28_not_signed")
    if case.arresting_officer:
        w.fact("officer", value=isolate(case.arresting_officer))
    if case.notes:
        w.fact("from_the_plan", value=isolate(case.notes))


def _money(plan: Plan, w: _Words) -> Step:
    """The money page as the family wrote it: their notes first (a bond, a bill due), then each
    account or thing, in their order."""
    if plan.money_notes:
        w.fact("from_the_plan", value=isolate(plan.money_notes))
    for item in plan.money_and_property:
        w.fact(
            "money_item", kind=label(item.kind, w.language), description=isolate(item.description)
        )
        if item.who_can_access:
            w.fact("who_can_access", value=isolate(item.who_can_access))
        if item.where_papers_are:
            w.fact("where_papers_are", value=isolate(item.where_papers_are))
    if not plan.money_notes and not plan.money_and_property:
        w.lack("money")
    return w.step("money", StepKind.MONEY, w("title.money"))
