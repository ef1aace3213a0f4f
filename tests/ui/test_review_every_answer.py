"""Review shows every answer: each field of the plan is declared by some section (so it is asked on
a page and read on Review), and for any plan every non-empty answer is found on Review, as a
person reads it, in English and Spanish."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pytestqt.qtbot import QtBot

from planner.formats import display_phone
from planner.jurisdictions import load_jurisdiction
from planner.model import Address, Phone, Plan
from planner.people import date_text
from tests.strategies import whole_plans
from ui.answers import (
    Answer,
    Box,
    Editor,
    Part,
    Phones,
    Postal,
    Reading,
    Row,
    read_answer,
    value_at,
)
from ui.i18n import Words
from ui.pages.review_summary import LISTS, Reader
from ui.questions.caregivers import PERIOD
from ui.questions.household import HOME, LANGUAGES, NOTES
from ui.questions.money import MONEY_NOTES
from ui.questions.welcome import WELCOME

OWN = (*WELCOME, HOME, LANGUAGES, NOTES, MONEY_NOTES)
"""The plan's own answers, outside any list."""
REVIEW_PAGE = {"review.last_reviewed", "review.next_review", "review.reviewed_by_attorney_on"}
"""Asked and shown on the Review page itself, at its top."""
MARKS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def _part_type(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The plan part an annotation holds (if any), and whether it is a list of them."""
    if get_origin(annotation) is list:
        inner, _ = _part_type(get_args(annotation)[0])
        return inner, True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for arg in get_args(annotation):
        found, many = _part_type(arg)
        if found is not None:
            return found, many
    return None, False


def model_leaves(model: type[BaseModel] = Plan, prefix: str = "") -> Iterator[str]:
    """Every answer the model can hold, as a path with [*] for any entry of a list."""
    for name, info in model.model_fields.items():
        part, many = _part_type(info.annotation)
        if part is None:
            yield prefix + name
        else:
            yield from model_leaves(part, f"{prefix}{name}{'[*]' if many else ''}.")


def declared_leaves(parts: Sequence[Part | Box], prefix: str = "") -> Iterator[str]:
    for part in parts:
        if isinstance(part, Box):
            yield from declared_leaves(part.parts, prefix)
        elif isinstance(part, Row):
            yield from declared_leaves(part.answers, prefix)
        elif isinstance(part, Postal):
            yield from model_leaves(Address, f"{prefix}{part.path}.")
        elif isinstance(part, Phones):
            yield from model_leaves(Phone, f"{prefix}{part.path}[*].")
        elif isinstance(part, Answer) and part.editor is Editor.MEDICATIONS:
            yield from (f"{prefix}{part.path}[*].{n}" for n in ("name", "dose", "schedule"))
        elif isinstance(part, Answer):
            yield prefix + part.path


def every_declared_leaf() -> set[str]:
    found = set(declared_leaves(OWN))
    for items in LISTS:
        found |= set(declared_leaves(items.parts, f"{items.path}[*]."))
    return found


def test_every_field_of_the_plan_is_declared_by_a_section() -> None:
    """A field added to the model and to no section's declarations fails here: it would be
    neither asked nor shown on Review."""
    not_answers = {"schema_version"} | REVIEW_PAGE
    leaves = {p for p in model_leaves() if p not in not_answers and not p.endswith("id")}
    assert leaves - every_declared_leaf() == set()


# --- every answer on Review -----------------------------------------------------------------------


def answered(parts: Sequence[Part | Box], owner: object) -> Iterator[tuple[Part, Any]]:
    """(declared part, its value) for each answer of `parts` below `owner`."""
    for part in parts:
        if isinstance(part, Box):
            yield from answered(part.parts, owner)
        elif isinstance(part, Row):
            yield from answered(part.answers, owner)
        elif isinstance(part, Answer | Postal | Phones):
            yield part, value_at(owner, part.path)


def every_answer(plan: Plan) -> Iterator[tuple[Part, Any]]:
    """Every declared answer of the plan; the paper's period only where the state's paper
    states one (elsewhere it is never asked)."""
    yield from answered(OWN, plan)
    with_period = load_jurisdiction(plan.household.state).has_period
    for items in LISTS:
        parts = [p for p in items.parts if with_period or p not in PERIOD]
        entries: list[Any] = value_at(plan, items.path)
        for entry in entries:
            yield from answered(parts, entry)


def expected_forms(part: Part, value: Any, reading: Reading) -> list[str]:
    """How a value must read on Review: typed text as typed (line by line), a phone as it
    prints, a date in words; a choice, a person behind an id or a yes/no as its declaration
    reads it."""
    if isinstance(part, Postal):
        return [line for line in (value.street, value.city) if line] if value else []
    if isinstance(part, Phones):
        return [display_phone(p.number) for p in value] + [p.note for p in value if p.note]
    assert isinstance(part, Answer)
    if value in (None, "", [], False):
        return []
    if part.editor in (Editor.TEXT, Editor.NOTES, Editor.LINES) and part.choices is None:
        texts = value if isinstance(value, list) else [value]
        return [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    if part.editor is Editor.PHONE:
        return [display_phone(value)]
    if part.editor is Editor.DATE:
        return [date_text(value, reading.language)]
    return [read_answer(part, value, reading)]


def review_text(plan: Plan, words: Words, language: str) -> str:
    lines = []
    for group in Reader(Reading(plan, words, language)).groups():
        for entry in group.entries:
            lines.append(entry.heading)
            lines += [f"{label}: {value}" for label, value in entry.facts]
    return normalised("\n".join(lines))


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(MARKS).split())


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_answer_of_any_plan_is_on_review(qtbot: QtBot, language: str) -> None:
    words = Words(language)

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(whole_plans() | st.just(_example()))
    def check(plan: Plan) -> None:
        reading = Reading(plan, words, language)
        shown = review_text(plan, words, language)
        missing = [
            (getattr(part, "path", part), form)
            for part, value in every_answer(plan)
            for form in expected_forms(part, value, reading)
            if normalised(form) not in shown
        ]
        assert missing == []

    check()


def _example() -> Plan:
    from tests.conftest import example_plan

    return example_plan("large-tx.json")
