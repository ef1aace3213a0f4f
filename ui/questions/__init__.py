"""What each section asks, declared once (`ui.answers`): one module a section, no Qt. The
declarations several sections share (a person's name, a name beside a phone) and what a removed
person leaves behind are said here once."""

from __future__ import annotations

from planner.model import Adult, Child, Contact, Plan
from ui.answers import Answer, Editor, Row


def name_parts(
    section: str, *beside: Answer, width: int = 1, first: str = "family_first"
) -> tuple[Row, Answer]:
    """A person's given and family names (with `beside` them on the row), then whether the name
    is written family name first: `<section>.given_names`, `.family_names` and `.<first>`."""
    return (
        Row(
            Answer("given_names", f"{section}.given_names", width=width),
            Answer("family_names", f"{section}.family_names", width=width),
            *beside,
        ),
        Answer("family_name_first", f"{section}.{first}", Editor.CHECK),
    )


def name_and_phone(path: str, phone: str, label: str) -> Row:
    """Someone's name (`label`) and, beside it, their phone (`<label>_phone`): a doctor, a work."""
    return Row(Answer(path, label, width=2), Answer(phone, f"{label}_phone", Editor.PHONE))


def forget(plan: Plan, person: Adult | Contact | Child) -> None:
    """A removed person no longer picks anyone up, cares for anyone or owns a paper (a removed
    child's papers stay, as the household's)."""
    for child in plan.children:
        if person.id in child.may_be_released_to:
            child.may_be_released_to = [p for p in child.may_be_released_to if p != person.id]
        if child.care.primary_caregiver_id == person.id:
            child.care.primary_caregiver_id = None
        if child.care.alternate_caregiver_id == person.id:
            child.care.alternate_caregiver_id = None
    for paper in plan.documents:
        if paper.belongs_to == person.id:
            paper.belongs_to = None
