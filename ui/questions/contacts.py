"""What the Emergency contacts section asks: the people to call, in calling order, and about each
one: relationship, how to reach them, languages, whether they may pick up the children."""

from __future__ import annotations

from planner.model import Contact, Plan, Relationship, new_id
from planner.people import isolate
from ui.answers import Answer, Editor, Items, Labels, Languages, Phones, Postal, Reading, Row, YesNo
from ui.questions import forget, name_parts

EXTRA_LANGUAGES = ("quc", "mam", "kjb", "cak", "ko", "tl", "ru", "so", "am", "uk", "fa")
"""Offered for a contact beside the household's and the common ones: Mayan languages of Guatemala
and other languages heard at clinics (a grandmother who speaks K'iche' can say so)."""


RELATIONSHIPS = Labels("relationship", tuple(r.value for r in Relationship))


def contact_name(contact: Contact, reading: Reading) -> str:
    """A contact as the family names them, in the list, on Review, and in a removal's note."""
    return contact.full_name or reading.say("contacts.unnamed")


def contact_heading(contact: Contact, reading: Reading) -> str:
    """A contact with how they are related, in the family's own words too: "Julio César Xicará
    (Godparent — Carlos's cousin)"; each name the family typed in an isolate of its own."""
    relation = RELATIONSHIPS.read(reading, contact.relationship.value)
    if contact.relationship_detail:
        relation = f"{relation} — {isolate(contact.relationship_detail)}"
    return f"{isolate(contact_name(contact, reading))} ({relation})"


def is_chosen(plan: Plan, contact: Contact) -> bool:
    """Whether a child's care or pick-up list names the contact."""
    return any(
        contact.id in (child.care.primary_caregiver_id, child.care.alternate_caregiver_id)
        or contact.id in child.may_be_released_to
        for child in plan.children
    )


CONTACTS = Items(
    "emergency_contacts",
    "contacts.list",
    (
        *name_parts("contacts", first="family_name_first"),
        Row(
            Answer("relationship", "contacts.relationship", Editor.CHOICE, choices=RELATIONSHIPS),
            Answer("relationship_detail", "contacts.relationship_detail"),
        ),
        Phones("contacts.mobile", "contacts.second"),
        Row(Answer("email", "contacts.email")),
        Postal(),
        Row(
            Answer("languages", "contacts.languages", Editor.TICKS, why="contacts.languages_why",
                   choices=Languages(extra=EXTRA_LANGUAGES), width=2),
            Answer("date_of_birth", "contacts.date_of_birth", Editor.DATE,
                   why="contacts.dob_why"),
        ),
        Answer("may_pick_up_children", "contacts.may_pick_up", Editor.CHECK),
        Answer("knows_the_plan", "contacts.knows_the_plan", Editor.CHECK),
        Answer("has_a_copy", "contacts.has_a_copy", Editor.CHECK),
        Row(Answer("situation_is_stable", "contacts.stable", Editor.CHOICE,
                   why="contacts.stable_why", choices=YesNo("contacts.stable_unasked"))),
        Answer("notes", "contacts.notes", Editor.NOTES),
    ),
    heading=contact_heading,
    new=lambda: Contact(id=new_id("contact"), given_names=""),
    removed=forget,
    empty="contacts.empty",
)  # fmt: skip
