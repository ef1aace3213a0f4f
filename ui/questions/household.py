"""What the Household section asks: the home's address, phone and languages, the papers' language,
then each parent or legal guardian (names, birth, phones, a home elsewhere, work, consulate)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.model import Adult, AdultRole, new_id
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
from ui.questions import forget, name_and_phone, name_parts

DOCUMENT_LANGUAGES = ("en", "es")
"""The languages the papers are printed in beside English."""


class DocumentLanguages(Choices):
    """English or Spanish, in the interface's words; a language an older plan holds stays,
    named as a language."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        kept = [c for c in current if c and c not in DOCUMENT_LANGUAGES]
        return [(code, self.read(reading, code)) for code in (*DOCUMENT_LANGUAGES, *kept)]

    def read(self, reading: Reading, value: str) -> str:
        if value in DOCUMENT_LANGUAGES:
            return reading.say(f"household.document_{value}")
        name = language_name(value, reading.language)
        return name[:1].upper() + name[1:]

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


LIVES_HERE = Answer("lives_in_household", "household.lives_here", Editor.CHECK)
"""Unticked, the box below asks where the parent lives (the page shows and hides it)."""

VIOLENCE = Answer(
    "family_violence_order", "household.violence", Editor.CHECK, why="household.violence_why"
)
"""Asked only where the state's rules make it matter (Texas: no copy mailed to that parent)."""

ELSEWHERE = Box(
    "household.elsewhere_box", Postal("address", label="household.own_address"), VIOLENCE
)
"""Only for a parent living elsewhere; the page puts the state's reason to ask at its top."""

ROLE = Answer(
    "role", "household.role", Editor.CHOICE,
    choices=Roles("household.role_", tuple(r.value for r in AdultRole)),
)  # fmt: skip

ADULTS = Items(
    "adults",
    "household.adults",
    (
        Box(
            "household.person_box",
            *name_parts("household", ROLE, width=2),
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
            name_and_phone("employer.name", "employer.phone", "household.employer"),
            Postal("employer.address", label="household.employer_address"),
            Answer("employer.notes", "household.employer_notes", Editor.NOTES),
        ),
        Box(
            "household.consulate_box",
            Note("household.consulate_why"),
            name_and_phone("consulate.name", "consulate.phone", "household.consulate"),
            Postal("consulate.address", label="household.consulate_address"),
        ),
    ),
    heading=adult_name,
    new=lambda: Adult(id=new_id("adult"), given_names=""),
    removed=forget,
)  # fmt: skip
