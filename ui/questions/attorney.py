"""What the Attorney and case section asks: the family's attorneys or accredited representatives,
each parent's case (all optional), and the local hotlines the family or navigator enters (none
ship with the program)."""

from __future__ import annotations

from collections.abc import Sequence

from planner.model import Adult, Attorney, Hotline, ImmigrationStatus, Plan, new_id
from planner.people import isolate
from ui.answers import (
    Answer,
    Choices,
    Editor,
    Items,
    Labels,
    Named,
    Postal,
    Reading,
    Row,
    YesNo,
    prune,
)
from ui.questions import name_parts

HOTLINE_KINDS = ("rapid_response", "legal_aid", "other")
STATUSES = tuple(status.value for status in ImmigrationStatus)


def attorney_name(attorney: Attorney, reading: Reading) -> str:
    """How the family reads an attorney: the name, and the office beside it when there is one."""
    say = reading.say
    name = attorney.full_name or say("attorney.unnamed")
    if attorney.organization:
        return say("attorney.item", name=name, organization=attorney.organization)
    return name


def only_attorney(plan: Plan) -> str | None:
    """The attorney's id when the plan has exactly one: a parent need not pick it again."""
    return plan.attorneys[0].id if len(plan.attorneys) == 1 else None


def _attorney_removed(plan: Plan, attorney: Attorney) -> None:
    """Nobody's case points at a removed attorney; a case left with nothing in it is dropped."""
    for adult in plan.adults:
        if adult.case is not None and adult.case.attorney_id == attorney.id:
            adult.case.attorney_id = None
            prune(adult, "case")


def _hotline_name(hotline: Hotline, reading: Reading) -> str:
    say = reading.say
    name = hotline.name or say("attorney.hotline_unnamed")
    kind = say(f"attorney.hotline_kind_{hotline.kind}")
    return say("attorney.hotline_item", name=name, kind=kind)


class CaseAttorneys(Choices):
    """A case's attorney, among the plan's attorneys by name and office; "" for none chosen. An
    id the plan no longer has stays, named so, until the family chooses again."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        say, attorneys = reading.say, reading.plan.attorneys
        found = [("", say("attorney.no_attorney_chosen"))]
        found += [(a.id, attorney_name(a, reading)) for a in attorneys]
        known = {a.id for a in attorneys}
        found += [(v, say("attorney.not_in_plan")) for v in current if v and v not in known]
        return found

    def read(self, reading: Reading, value: str) -> str:
        attorney = reading.plan.attorney(value)
        return isolate(attorney.full_name) if attorney else reading.say("review.not_in_plan")


ATTORNEYS = Items(
    "attorneys",
    "attorney.list",
    (
        *name_parts("attorney"),
        Row(
            Answer("organization", "attorney.organization"),
            Answer("bar_or_eoir_id", "attorney.bar_or_eoir_id"),
        ),
        Row(
            Answer("phone", "attorney.phone", Editor.PHONE),
            Answer("phone_24h", "attorney.phone_24h", Editor.PHONE),
        ),
        Row(Answer("email", "attorney.email")),
        Answer("is_accredited_representative", "attorney.accredited", Editor.CHECK),
        Postal(),
    ),
    heading=attorney_name,
    new=lambda: Attorney(id=new_id("attorney"), given_names=""),
    removed=_attorney_removed,
    empty="attorney.empty",
)

CASE_ATTORNEY = Answer(
    "case.attorney_id", "attorney.case_attorney", Editor.CHOICE, choices=CaseAttorneys()
)
PENDING = Answer("case.pending_applications", "attorney.pending")

CASES = Items(
    "adults",
    "attorney.cases",
    (
        Row(
            Answer("case.a_number", "attorney.a_number", Editor.A_NUMBER,
                   why="attorney.a_number_why"),
            Answer("case.immigration_status", "attorney.status", Editor.CHOICE,
                   why="attorney.status_why",
                   choices=Labels("immigration_status", STATUSES, unset="answer.not_recorded")),
        ),
        Row(
            Answer("case.immigration_court", "attorney.court", why="attorney.court_why"),
            Answer("case.next_hearing", "attorney.hearing", Editor.DATE,
                   why="attorney.hearing_why"),
        ),
        PENDING,
        Row(CASE_ATTORNEY),
        Row(
            Answer("case.g28_signed", "attorney.g28", Editor.CHOICE, why="attorney.g28_why",
                   choices=YesNo()),
            Answer("case.g28_held_by", "attorney.g28_held_by", why="attorney.g28_held_by_why"),
        ),
        Answer("case.arresting_officer", "attorney.officer", why="attorney.officer_why"),
        Answer("case.notes", "attorney.case_notes", Editor.NOTES),
    ),
    heading=lambda adult, reading: adult.full_name or reading.say("attorney.unnamed"),
    new=lambda: Adult(id=new_id("adult"), given_names=""),
    title="attorney.case_heading",
    empty="attorney.no_adults",
    fixed=True,
)  # fmt: skip
"""Each parent's case: the parents are made on the Household page, so this list only selects.
A case is made when something is typed into it and dropped again when it is emptied."""

HOURS = Answer("hours", "attorney.hotline_hours")

HOTLINES = Items(
    "local_hotlines",
    "attorney.hotlines",
    (
        Row(
            Answer("name", "attorney.hotline_name"),
            Answer("phone", "attorney.hotline_phone", Editor.PHONE),
        ),
        Row(
            Answer("kind", "attorney.hotline_kind", Editor.CHOICE,
                   choices=Named("attorney.hotline_kind_", HOTLINE_KINDS)),
            HOURS,
        ),
    ),
    heading=_hotline_name,
    new=lambda: Hotline(name="", phone=""),
)  # fmt: skip
