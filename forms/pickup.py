"""What the child sheet and the school letter share: who may collect a child, boxes, grids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, TableStyle

from forms.kit import INK, MARGIN, PAGE_SIZE, Words, cell_text, grid, safe, styles, text_height
from forms.paragraph import Paragraph
from forms.table import Table
from planner.i18n import translate
from planner.model import Adult, Child, Contact, Plan

KEEP_WHOLE = 3 * inch
"""A section's opening blocks up to this tall move to the next page whole rather than split."""

TALL_ROW = 3 * inch
"""A grid row taller than this may split across pages; shorter rows move to the next page whole."""


@dataclass(frozen=True)
class PickUp:
    """Someone the school may release a child to; caregivers are on the list even if not named."""

    person: Adult | Contact
    is_caregiver: bool


def may_pick_up(plan: Plan, child: Child) -> list[PickUp]:
    """The child's release list in the family's order, then caregivers not already on it."""
    care = child.care
    caregivers = {care.primary_caregiver_id, care.alternate_caregiver_id} - {None}
    ids = [*child.may_be_released_to, care.primary_caregiver_id, care.alternate_caregiver_id]
    seen: set[str] = set()
    people: list[PickUp] = []
    for person_id in ids:
        person = plan.person(person_id) if person_id else None
        if person is None or person.id in seen:
            continue
        seen.add(person.id)
        people.append(PickUp(person, person.id in caregivers))
    return people


def must_not_pick_up(child: Child) -> list[str]:
    return [name for name in child.must_not_be_released_to if name.strip()]


def choice_text(group: str, value: str, words: Words) -> str:
    """A label from the `labels` catalogue (e.g. `care_term`), with English beside it if asked."""
    text = translate(f"{group}.{value}", words.language, domain="labels")
    if not words.bilingual:
        return text
    return f"{text} / {translate(f'{group}.{value}', 'en', domain='labels')}"


def alert(lead: str, lines: Sequence[str], bullets: bool = True) -> Flowable:
    """A heavy box: a bold lead-in over lines, one a line; both are markup (escape user text).

    A one-cell table rather than a bordered paragraph, so its edges line up with the grids; it
    moves to the next page whole unless it is too tall to.
    """
    mark = "•&nbsp;" if bullets else ""
    markup = [f"<b>{lead}</b>", *(f"{mark}{line}" for line in lines)]
    text = "<br/>".join(markup)
    width = PAGE_SIZE[0] - 2 * MARGIN
    tall = text_height(text, styles().body, width - 16) > TALL_ROW
    box = Table(
        [[cell_text(text, styles().body)]],
        colWidths=[width],
        hAlign="LEFT",
        splitInRow=int(tall),
        spaceBefore=8,
        spaceAfter=10,
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, INK),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def whole_row_grid(
    rows: Sequence[Sequence[str]], header: Sequence[str], widths: Sequence[float]
) -> Flowable:
    """The kit's grid, but a person's name and phone never end up on different pages.

    The kit lets reportlab split inside a row, which it does whenever a little room is left;
    only a row too tall to move whole (a very long note) needs that.
    """
    table = grid(rows, header, widths)
    small = styles().small
    heights = (
        text_height(safe(cell), small, width - 12)
        for row in rows
        for cell, width in zip(row, widths, strict=False)
    )
    if isinstance(table, Table) and max(heights, default=0) < TALL_ROW:
        table.splitInRow = 0
    return table


def section(title: str, *blocks: Flowable, keep: int = 1) -> list[Flowable]:
    """A heading, kept on one page with its first `keep` blocks when they are short.

    Tall opening blocks are not kept whole: they would jump to the next page and leave a gap.
    They split instead, once the page has room for the heading, all but the last of them, and the
    start of the last (a table's header and first row, a paragraph's first lines).
    """
    heading = Paragraph(title, styles().heading)
    lead, rest = blocks[:keep], blocks[keep:]
    width = PAGE_SIZE[0] - 2 * MARGIN
    heights = [block.wrap(width, PAGE_SIZE[1])[1] for block in lead]
    if sum(heights) <= KEEP_WHOLE:
        return [KeepTogether([heading, *lead]), *rest]
    room = heading.wrap(width, PAGE_SIZE[1])[1] + sum(heights[:-1]) + min(heights[-1], 0.75 * inch)
    return [CondPageBreak(room + 0.2 * inch), heading, *lead, *rest]
