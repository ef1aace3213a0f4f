"""The review sheet for an attorney: each element a state's caregiver paper carries, the section
that requires it, where it is on the paper, and what our sources are, so that a state can be
checked against its statute in minutes.

It is built from the rules file alone (no plan): `planner review-sheet TX` prints it, and the
packet may include it as a page (`forms.review`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.jurisdictions import Jurisdiction, Source, label


@dataclass(frozen=True)
class ReviewRow:
    """One element: its number on the paper, what it is, and why it is there."""

    number: int
    element: str
    citation: str
    place: str
    requires: str
    source: str
    """"statute" (read in the law's text) or "secondary" (only a form or a legal-aid copy)."""
    printed: str
    """The English sentence (or field label) as the paper prints it, values left as {names}."""


@dataclass(frozen=True)
class ReviewSheet:
    state: str
    instrument: str
    citation: str
    checked: date
    rows: tuple[ReviewRow, ...]
    sources: tuple[Source, ...]
    unconfirmed: tuple[str, ...]
    """Facts (`section.field`) only secondary sources gave, or none: the paper's signing sheet
    marks them "Confirm with an attorney"."""


def review_sheet(rules: Jurisdiction) -> ReviewSheet:
    """The review sheet of one state's rules (an empty list of rows for the generic letter)."""
    rows = tuple(
        ReviewRow(
            number=number,
            element=element.id,
            citation=element.citation,
            place=element.place,
            requires=element.requires,
            source=element.source,
            printed=rules.element_text(element, "en"),
        )
        for number, element in enumerate(rules.elements, start=1)
    )
    instrument = rules.instrument
    return ReviewSheet(
        state=rules.name,
        instrument=instrument.title if instrument else "",
        citation=instrument.citation if instrument else "",
        checked=rules.rules_last_checked,
        rows=rows,
        sources=rules.sources,
        unconfirmed=rules.unconfirmed,
    )


def review_text(sheet: ReviewSheet, language: str = "en") -> str:
    """The sheet as plain text for a terminal or a file: one block an element."""
    lines = [
        f"{sheet.state}: {sheet.instrument} ({sheet.citation})",
        label("review", "checked", language, date=sheet.checked.isoformat()),
        "",
    ]
    for row in sheet.rows:
        mark = label("mark", row.source, language)
        place = label("place", row.place, language)
        lines += [
            f"{row.number}. {row.element} — {row.citation} — {place} — {mark}",
            f"   {label('review', 'requires', language)}: {row.requires}",
            f"   {label('review', 'printed', language)}: {row.printed}",
        ]
    if sheet.unconfirmed:
        lines += ["", label("review", "unconfirmed", language)]
        lines += [f"  - {fact}" for fact in sheet.unconfirmed]
    if sheet.sources:
        lines += ["", label("review", "sources", language)]
        for source in sheet.sources:
            mark = label("mark", source.mark, language)
            lines.append(f"  - {source.title} ({mark}): {source.url}")
    return "\n".join(lines)
