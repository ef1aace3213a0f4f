"""What the Household section asks: the home's address and phone, the languages spoken there and
the language of the papers, then each parent or legal guardian — names, birth, languages, phones,
where a parent living elsewhere lives, work and consulate. Declarations only (no Qt): the page
(`ui.pages.household`) and Review are both built from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.model import Adult, AdultRole, Plan, new_id
from planner.places import language_name
from ui.answers import (
    Answer,
    Box,
    Choices,
    Countries,
    Editor,
    Items,
    Languages,
    Named,
    Note,
    Phones,
    Postal,
    Reading,
    Row,
)

DOCUMENT_LANGUAGES = ("en", "es")
"""The languages the papers are printed in beside English."""


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


class DocumentLanguages(Choices):
    """English or Spanish, in the interface's words; a language an older plan holds stays,
    named as a language."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        found = [(code, reading.say(f"household.document_{code}")) for code in DOCUMENT_LANGUAGES]
        kept = [c for c in current if c and c not in DOCUMENT_LANGUAGES]
        return found + [(c, _capitalized(language_name(c, reading.language))) for c in kept]

    def read(self, reading: Reading, value: str) -> str:
        if value in DOCUMENT_LANGUAGES:
            return reading.say(f"household.document_{value}")
        return _capitalized(language_name(value, reading.language))

    def stored(self, choice: str) -> Any:
        return choice or DOCUMENT_LANGUAGES[0]


class Roles(Named):
    """Mother, father, parent or legal guardian; never none (a parent until chosen)."""

    def stored(self, choice: str) -> Any:
        return choice or AdultRole.PARENT.value


# --- the household's own answers ------------------------------------------------------------------

NOTES = Box(
    "household.notes_box",
    Answer("notes", "household.notes", Editor.NOTES, why="household.notes_why"),
)
"""The plan's own notes: the caregiver's instructions print them as the family wrote them."""

HOME = Box(
    "household.home",
    Postal("household.address", local=True),
    Row(Answer("household.home_phone", "household.home_phone", Editor.PHONE)),
)

FAMILY_LANGUAGES = Answer(
    "household.family_languages", "household.languages", Editor.TICKS,
    why="household.languages_why", choices=Languages(),
)  # fmt: skip
"""The page adds "Another language" and its button below it."""

LANGUAGES = Box(
    "household.languages_box",
    FAMILY_LANGUAGES,
    Row(Answer("household.document_language", "household.document_language", Editor.CHOICE,
               why="household.document_language_why", choices=DocumentLanguages())),
)  # fmt: skip


# --- each parent or legal guardian ----------------------------------------------------------------


def adult_name(adult: Adult, reading: Reading) -> str:
    """A parent as the list, the form's heading and Review name them: "Ana Pérez — Mother"."""
    say = reading.say
    role = say(f"household.role_{adult.role.value}")
    return say("household.adult_label", name=adult.full_name or say("household.unnamed"), role=role)


def forget_person(plan: Plan, person: Adult) -> None:
    """A removed parent no longer picks anyone up, cares for anyone or owns a paper."""
    for child in plan.children:
        child.may_be_released_to = [p for p in child.may_be_released_to if p != person.id]
        if child.care.primary_caregiver_id == person.id:
            child.care.primary_caregiver_id = None
        if child.care.alternate_caregiver_id == person.id:
            child.care.alternate_caregiver_id = None
    for paper in plan.documents:
        if paper.belongs_to == person.id:
            paper.belongs_to = None


LIVES_HERE = Answer("lives_in_household", "household.lives_here", Editor.CHECK)
"""Unticked, the box below asks where the parent lives (the page shows and hides it)."""

VIOLENCE = Answer(
    "family_violence_order", "household.violence", Editor.CHECK, why="household.violence_why"
)
"""Asked only where the state's rules make it matter (Texas: no copy mailed to that parent)."""

ELSEWHERE = Box(
    "household.elsewhere_box", Postal("address", label="household.own_address"), VIOLENCE
)
"""Only for a parent who does not live in the household; the page puts the state's reason to
ask at its top."""

ADULTS = Items(
    "adults",
    "household.adults",
    (
        Box(
            "household.person_box",
            Row(
                Answer("given_names", "household.given_names", width=2),
                Answer("family_names", "household.family_names", width=2),
                Answer("role", "household.role", Editor.CHOICE,
                       choices=Roles("household.role_", tuple(r.value for r in AdultRole))),
            ),
            Answer("family_name_first", "household.family_first", Editor.CHECK),
            Answer("other_names", "household.other_names", why="household.other_names_why"),
            Row(Answer("date_of_birth", "household.date_of_birth", Editor.DATE)),
            Answer("country_of_birth", "household.country_of_birth", Editor.CHOICE,
                   why="household.country_why", choices=Countries(unset="answer.not_recorded")),
            Answer("languages", "household.adult_languages", Editor.TICKS, choices=Languages()),
            Phones("household.mobile", "household.second_phone"),
            Row(Answer("email", "household.email")),
            LIVES_HERE,
        ),
        ELSEWHERE,
        Box(
            "household.work_box",
            Note("household.employer_why"),
            Row(
                Answer("employer.name", "household.employer", width=2),
                Answer("employer.phone", "household.employer_phone", Editor.PHONE),
            ),
            Postal("employer.address", label="household.employer_address"),
            Answer("employer.notes", "household.employer_notes", Editor.NOTES),
        ),
        Box(
            "household.consulate_box",
            Note("household.consulate_why"),
            Row(
                Answer("consulate.name", "household.consulate", width=2),
                Answer("consulate.phone", "household.consulate_phone", Editor.PHONE),
            ),
            Postal("consulate.address", label="household.consulate_address"),
        ),
    ),
    heading=adult_name,
    new=lambda: Adult(id=new_id("adult"), given_names=""),
    removed=forget_person,
)  # fmt: skip
