"""What the Caregivers section asks of each child: who looks after them and who takes over (people
already in the plan), for how long, who pays, the day the caregiver paper was signed and the
period it states.
Declarations only (no Qt): the page (`ui.pages.caregivers`) and Review are both built from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planner.i18n import translate
from planner.jurisdictions import load_jurisdiction
from planner.model import Adult, Child, Contact, PaperEnd, PaperStart, new_id
from planner.people import isolate
from ui.answers import Answer, Choices, Editor, Items, Labels, Reading, Row, YesNo
from ui.questions.children import CHILDREN


@dataclass(frozen=True)
class ChildReading(Reading):
    """Reading one child's care: the alternate's choices leave out that child's caregiver."""

    child: Child | None = None


def _person(reading: Reading, person: Adult | Contact, named: Callable[[str], str] = str) -> str:
    """The name and who they are to the family: "Rosa Soto (Aunt or uncle)"."""
    if isinstance(person, Adult):
        table, value = "role", person.role.value
    else:
        table, value = "relationship", person.relationship.value
    who = reading.own(translate(f"{table}.{value}", reading.language, domain="labels"))
    name = named(person.full_name) or reading.say("caregivers.unnamed")
    return reading.say("caregivers.person", name=name, who=who)


@dataclass(frozen=True)
class Caregivers(Choices):
    """Who may look after a child: the parents who live elsewhere, then the emergency contacts
    in calling order. The parents at home are the ones the plan is for, and the alternate cannot
    be the caregiver: they are left out, unless already chosen; then they stay, marked, so
    nothing is lost unseen. Someone the plan no longer has stays too, named so."""

    alternate: bool = False

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        chosen = next((value for value in current if value), None)
        child = reading.child if isinstance(reading, ChildReading) else None
        caregiver = child.care.primary_caregiver_id if self.alternate and child else None
        people = [("", reading.say("caregivers.not_chosen"))]
        everyone: list[Adult | Contact] = [*reading.plan.adults, *reading.plan.emergency_contacts]
        for person in everyone:
            mark = ""
            if person.id == caregiver:
                mark = "caregivers.already_caregiver"
            elif isinstance(person, Adult) and person.lives_in_household:
                mark = "caregivers.lives_with_child"
            if mark and person.id != chosen:
                continue
            name = _person(reading, person)
            people.append((person.id, reading.say(mark, person=name) if mark else name))
        if chosen and reading.plan.person(chosen) is None:
            people.append((chosen, reading.say("caregivers.not_in_plan")))
        return people

    def read(self, reading: Reading, value: str) -> str:
        person = reading.plan.person(value)
        return _person(reading, person, isolate) if person else reading.say("review.not_in_plan")


class PaperStarts(Labels):
    """A start on an event is offered only where the state's law allows it (NY, NJ…); a plan
    that holds one elsewhere keeps it on show, beside its problem, until the family changes it."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        on_event = load_jurisdiction(reading.plan.household.state).term.starts_on_event
        event = PaperStart.ON_EVENT.value
        offered = [v for v in self.values if v != event or on_event or v in current]
        return [(value, self.read(reading, value)) for value in offered]


STARTS = Answer(
    "care.paper_period.starts", "caregivers.starts", Editor.CHOICE, why="caregivers.period_why",
    choices=PaperStarts("paper_starts", tuple(start.value for start in PaperStart)),
)  # fmt: skip
START_DATE = Answer("care.paper_period.start_date", "caregivers.start_date", Editor.DATE)
ENDS = Answer("care.paper_period.ends", "caregivers.ends", Editor.CHOICE,
              choices=Labels("paper_ends", tuple(end.value for end in PaperEnd)))  # fmt: skip
END_DATE = Answer("care.paper_period.end_date", "caregivers.end_date", Editor.DATE)
WHO_PAYS = Answer("care.who_pays", "caregivers.who_pays")
SIGNED_ON = Answer("care.paper_signed_on", "caregivers.signed_on", Editor.DATE,
                   why="caregivers.signed_on_why")  # fmt: skip
"""Recorded once the paper is signed: from it the navigator's caseload says when to sign anew."""

PERIOD = (Row(STARTS, START_DATE), Row(ENDS, END_DATE))
"""Asked only where the state's paper states a period (NY, WA…): when it starts and ends."""

DATES = {
    STARTS.path: (START_DATE.path, PaperStart.ON_DATE.value),
    ENDS.path: (END_DATE.path, PaperEnd.ON_DATE.value),
}
"""A date is asked for (and kept) only when the family chose "on a date"."""

ARRANGEMENT = (
    Row(
        Answer("care.primary_caregiver_id", "caregivers.primary", Editor.CHOICE,
               why="caregivers.primary_why", choices=Caregivers()),
        Answer("care.alternate_caregiver_id", "caregivers.alternate", Editor.CHOICE,
               why="caregivers.alternate_why", choices=Caregivers(alternate=True)),
    ),
    Row(
        Answer("care.term", "caregivers.term", Editor.CHOICE, why="caregivers.term_why",
               choices=Labels("care_term", ("short_term", "long_term", "undecided"))),
        Answer("care.child_has_been_told", "caregivers.told", Editor.CHOICE, choices=YesNo()),
    ),
    WHO_PAYS,
    SIGNED_ON,
)  # fmt: skip

CARE = Items(
    "children",
    "caregivers.children",
    (*ARRANGEMENT, *PERIOD),
    heading=CHILDREN.heading,
    new=lambda: Child(id=new_id("child"), given_names=""),
    fixed=True,
)
"""Each child's care. The children are made on the Children page: this list only selects."""
