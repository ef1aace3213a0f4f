"""Plans whose children carry tricky text in every field the child sheet and school letter print."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

from forms.kit import FONT_BOLD, register_fonts
from planner.model import (
    Address,
    Adult,
    AdultRole,
    CareArrangement,
    Child,
    Contact,
    DocumentLocation,
    HealthInfo,
    Household,
    Medication,
    PaperKind,
    Phone,
    Plan,
    School,
)
from tests.forms.pdf import flat, pdftotext
from tests.strategies import VALID_NUMBERS, child_births, printable_names, printable_text

_RTL = ("R", "AL", "AN")
_EMBEDDING_MARKS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
"""Embeddings, overrides and isolates: they order text and are never seen, on paper or read."""


def poppler_text(content: bytes) -> str:
    """A PDF's text as poppler reads it, flattened and NFC, right-to-left runs in logical order.

    pypdf keeps the visual order reportlab draws right-to-left runs in, and garbles neighbouring
    text on the same page ("• <<x" reads back as "<< •x" near a Hebrew name); poppler restores
    the logical order and marks each run with embedding controls, dropped here.
    """
    text = pdftotext(content, "-raw").translate(_EMBEDDING_MARKS)
    return flat(unicodedata.normalize("NFC", text))


def comes_out(value: str, text: str) -> bool:
    """Whether `value` can be read in `text` (from `poppler_text`).

    A word too long for its column breaks across lines, so spaces are not compared. Reordering a
    mixed run for print and back is not always exact (the bidi algorithm moves digits and
    brackets), so a value with right-to-left letters that is not found whole must at least have
    every one of its characters on the page.
    """
    printed = flat(unicodedata.normalize("NFC", value.translate(_EMBEDDING_MARKS)))
    if printed.replace(" ", "") in text.replace(" ", ""):
        return True
    if any(unicodedata.bidirectional(ch) in _RTL for ch in printed):
        # A bracket in a right-to-left run is drawn facing the other way (and read back so).
        return {c for c in printed if not c.isspace() and not unicodedata.mirrored(c)} <= set(text)
    return False


def _in_both_faces(text: str) -> str:
    """`text` without characters the bold face lacks: names print in bold titles and headings.

    `printable_text` keeps what the regular face covers; DejaVu Sans Bold has fewer glyphs
    (mathematical letters such as U+1D7EB), which would print as empty boxes in a title.
    """
    register_fonts()
    bold = pdfmetrics.getFont(FONT_BOLD).face.charToGlyph  # type: ignore[attr-defined]
    return "".join(ch for ch in text if ch.isspace() or ord(ch) in bold)


TEXT = printable_text.map(_in_both_faces)
NAMES = printable_names.map(_in_both_faces).filter(lambda s: s.strip() != "")


def _phone(draw: st.DrawFn, note: str = "") -> Phone:
    return Phone(number=draw(st.sampled_from(VALID_NUMBERS)), note=note)


@st.composite
def child_plans(draw: st.DrawFn) -> Plan:
    """One household, one school, one to three children with every printed field filled in."""
    text = TEXT
    adults = [
        Adult(
            id=f"adult-{i}",
            given_names=draw(NAMES),
            family_names=draw(text),
            role=draw(st.sampled_from(list(AdultRole))),
            phones=[_phone(draw)],
        )
        for i in range(draw(st.integers(1, 2)))
    ]
    contact = Contact(
        id="contact-0",
        given_names=draw(NAMES),
        family_names=draw(text),
        relationship_detail=draw(text),
        phones=[_phone(draw, note=draw(text))],
    )
    school = School(
        id="school-0",
        name=draw(NAMES),
        address=Address(street=draw(text), city=draw(text), state="NY"),
        notes=draw(text),
    )
    children = [
        Child(
            id=f"child-{i}",
            given_names=draw(NAMES),
            family_names=draw(text),
            date_of_birth=draw(child_births),
            school_id="school-0",
            grade=draw(text),
            teacher=draw(text),
            may_be_released_to=["contact-0"],
            must_not_be_released_to=draw(st.lists(NAMES, max_size=2)),
            health=HealthInfo(
                doctor=draw(text),
                allergies=draw(text),
                conditions=draw(text),
                special_needs=draw(text),
                medications=[Medication(name=draw(NAMES), dose=draw(text), schedule=draw(text))],
            ),
            custody_orders=draw(text),
            passport_status=draw(text),
            routines_and_comfort=draw(text),
            care=CareArrangement(
                primary_caregiver_id="contact-0",
                alternate_caregiver_id="adult-0",
                who_pays=draw(text),
            ),
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    paper = DocumentLocation(
        kind=PaperKind.OTHER,
        description=draw(NAMES),
        belongs_to="child-0",
        location=draw(text),
    )
    return Plan(
        household=Household(display_name=draw(NAMES), state="NY"),
        adults=adults,
        children=children,
        emergency_contacts=[contact],
        schools=[school],
        documents=[paper],
    )
