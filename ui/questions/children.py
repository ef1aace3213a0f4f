"""What the Children section asks: the schools and child care, then each child — school, health,
custody and travel, routines, and who may or may not pick them up."""

from __future__ import annotations

from planner.model import Child, Plan, School, new_id
from ui.answers import (
    Answer,
    Box,
    Editor,
    Items,
    Languages,
    Named,
    Note,
    People,
    Postal,
    Reading,
    Row,
    Schools,
    YesNo,
)
from ui.questions import forget, name_and_phone, name_parts


def _school_name(school: School, reading: Reading) -> str:
    say = reading.say
    name = school.name or say("children.unnamed_school")
    return say("children.school_label", name=name, kind=say(f"children.kind_{school.kind}"))


def _school_removed(plan: Plan, school: School) -> None:
    """Children of a removed school have no school chosen (rather than one that is gone)."""
    for child in plan.children:
        if child.school_id == school.id:
            child.school_id = None


SCHOOLS = Items(
    "schools",
    "children.schools",
    (
        Row(
            Answer("name", "children.school_name", width=3),
            Answer("kind", "children.school_kind", Editor.CHOICE, width=2,
                   choices=Named("children.kind_", ("school", "child_care", "after_school"))),
            Answer("phone", "children.school_phone", Editor.PHONE, width=2),
        ),
        Postal(local=True),
        Answer("notes", "children.school_notes", Editor.NOTES, why="children.school_notes_why"),
    ),
    heading=_school_name,
    new=lambda: School(id=new_id("school"), name=""),
    removed=_school_removed,
    title="children.schools_box",
)  # fmt: skip

RELEASED_TO = Answer(
    "may_be_released_to", "children.released_to", Editor.TICKS,
    why="children.released_why", choices=People(),
)  # fmt: skip

BIRTH = Answer("date_of_birth", "children.date_of_birth", Editor.DATE)

CHILDREN = Items(
    "children",
    "children.children",
    (
        Box(
            "children.about_box",
            *name_parts("children", BIRTH, width=2),
            Answer("languages", "children.languages", Editor.TICKS, choices=Languages()),
            Row(
                Answer("school_id", "children.school", Editor.CHOICE, width=3, choices=Schools()),
                Answer("grade", "children.grade"),
                Answer("teacher", "children.teacher", width=2),
            ),
        ),
        Box(
            "children.health_box",
            name_and_phone("health.doctor", "health.doctor_phone", "children.doctor"),
            name_and_phone("health.dentist", "health.dentist_phone", "children.dentist"),
            Answer("health.insurance", "children.insurance"),
            Row(Answer("health.insurance_member_id", "children.insurance_member_id",
                       why="children.insurance_member_id_why")),
            Answer("health.conditions", "children.conditions"),
            Answer("health.medications", "children.medications", Editor.MEDICATIONS,
                   why="children.medications_why"),
            Answer("health.allergies", "children.allergies"),
            Answer("health.special_needs", "children.special_needs"),
        ),
        Box(
            "children.family_box",
            Answer("custody_orders", "children.custody", Editor.NOTES, why="children.custody_why"),
            Row(Answer("may_travel_abroad_to_join_parent", "children.travel", Editor.CHOICE,
                       why="children.travel_why",
                       choices=YesNo("children.travel_undecided", "children.travel_yes",
                                     "children.travel_no"))),
            Answer("passport_status", "children.passport", why="children.passport_why"),
            Answer("routines_and_comfort", "children.routines", Editor.NOTES,
                   why="children.routines_why"),
        ),
        Box(
            "children.pickup_box",
            RELEASED_TO,
            Note("children.released_hint"),
            Answer("must_not_be_released_to", "children.not_released_to", Editor.LINES,
                   why="children.not_released_why"),
        ),
    ),
    heading=lambda child, reading: child.full_name or reading.say("children.unnamed_child"),
    new=lambda: Child(id=new_id("child"), given_names=""),
    removed=forget,
)  # fmt: skip
