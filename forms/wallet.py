"""Wallet cards: an emergency card for each adult and a know-your-rights card, cut out and folded.

Each card prints as a pair, front and back side by side on a Letter page: the family cuts the pair
out at the corner marks and folds it once on the dashed line, so any printer gives a two-sided card.
The page is drawn on a plain canvas, not flowed: a card is a fixed rectangle, and its text is fitted
to it (smaller type down to 6 pt, then shortened values, then fewer caregivers) instead of spilling.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from forms.card_text import Entry, FittedSide, Piece, Side, band_font_size, fit_side, ours
from forms.context import RenderContext
from forms.kit import (
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    PAGE_SIZE,
    Words,
    draw_footer,
    pdf_canvas,
    plain,
    register_fonts,
)
from forms.paragraph import Paragraph
from planner.formats import display_a_number, display_phone
from planner.i18n import catalogue
from planner.model import Adult, Attorney, Contact, Hotline, Phone, PhoneKind, Plan
from planner.people import label
from planner.public_numbers import public_numbers

DOMAIN = "doc_wallet"

CARD_WIDTH = 3.375 * inch
CARD_HEIGHT = 2.125 * inch
"""ISO/IEC 7810 ID-1, the size of a credit card: it fits every wallet's card slot."""

PAGE_WIDTH, PAGE_HEIGHT = PAGE_SIZE
PAIR_WIDTH = 2 * CARD_WIDTH
PAIR_LEFT = (PAGE_WIDTH - PAIR_WIDTH) / 2
TOP_MARGIN = 0.45 * inch
HEADER_HEIGHT = 0.47 * inch
"""The page title and the cutting instructions (at most two lines) above the first card."""
FOOTER_BASELINE = 0.4 * inch
CARDS_BOTTOM_LIMIT = 0.62 * inch
"""No card edge (or cut mark) comes lower: the revision and page number print below."""
ROW_GAP = 0.24 * inch
"""White space between two pairs: where the scissors go, with room for both rows' cut marks."""

MARK_OFFSET = 3.0
"""Cut marks start this far outside the card, so a cut on the line leaves no mark on the card."""
MARK_LENGTH = 5.0
"""Marks above and below a card sit in the gap between rows: short enough not to touch."""
SIDE_MARK_LENGTH = 12.0
MARK_WIDTH = 0.5

INSET = 0.07 * inch
"""Colour band's distance from the card's edge: a slightly crooked cut does not clip it."""
BAND_HEIGHT = 13.0
PADDING = 0.11 * inch
"""Text's distance from the card's left, right and bottom edges."""

EMERGENCY_BAND = colors.HexColor("#1f3a5f")
RIGHTS_BAND = colors.HexColor("#a51c30")
CARD_EDGE = colors.HexColor("#c8c8c8")
FOLD_LINE = colors.HexColor("#777777")
BLANK = "_" * 30
"""A line to write on by hand where the plan has no lawyer or hotline yet."""

# --- where the cards go ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rect:
    """A rectangle on the page, in points from the bottom left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class CardPlace:
    """One card's pair on the page: the front, the back beside it, the fold between them."""

    front: Rect
    back: Rect

    @property
    def outline(self) -> Rect:
        """What the family cuts out."""
        return Rect(
            self.front.x, self.front.y, self.front.width + self.back.width, self.front.height
        )

    @property
    def fold_x(self) -> float:
        return self.back.x


Line = tuple[float, float, float, float]


def _cards_top() -> float:
    return PAGE_HEIGHT - TOP_MARGIN - HEADER_HEIGHT - MARK_OFFSET - MARK_LENGTH


def rows_per_page() -> int:
    """How many pairs fit between the header and the footer, with cut marks between them."""
    room = _cards_top() - CARDS_BOTTOM_LIMIT - MARK_OFFSET - MARK_LENGTH
    return int((room + ROW_GAP) // (CARD_HEIGHT + ROW_GAP))


def card_places(count: int) -> list[list[CardPlace]]:
    """The pages, each a list of pairs from the top down: `count` cards in all (at least a page)."""
    per_page = rows_per_page()
    places: list[CardPlace] = []
    for index in range(count):
        row = index % per_page
        y = _cards_top() - CARD_HEIGHT - row * (CARD_HEIGHT + ROW_GAP)
        front = Rect(PAIR_LEFT, y, CARD_WIDTH, CARD_HEIGHT)
        places.append(CardPlace(front, replace(front, x=PAIR_LEFT + CARD_WIDTH)))
    pages = [places[start : start + per_page] for start in range(0, len(places), per_page)]
    return pages or [[]]


def crop_marks(place: CardPlace) -> list[Line]:
    """Short lines pointing at each corner of the pair from outside it, never touching it."""
    box = place.outline
    marks: list[Line] = []
    for x, side in ((box.x, -1), (box.right, 1)):
        for y, up in ((box.y, -1), (box.top, 1)):
            marks.append(
                (x + side * MARK_OFFSET, y, x + side * (MARK_OFFSET + SIDE_MARK_LENGTH), y)
            )
            marks.append((x, y + up * MARK_OFFSET, x, y + up * (MARK_OFFSET + MARK_LENGTH)))
    return marks


def fold_marks(place: CardPlace) -> list[Line]:
    """The dashed fold line between front and back, and its continuation just outside the pair."""
    box, x = place.outline, place.fold_x
    return [
        (x, box.y, x, box.top),
        (x, box.top + MARK_OFFSET, x, box.top + MARK_OFFSET + MARK_LENGTH),
        (x, box.y - MARK_OFFSET, x, box.y - MARK_OFFSET - MARK_LENGTH),
    ]


def band_rect(card: Rect) -> Rect:
    return Rect(card.x + INSET, card.top - INSET - BAND_HEIGHT, card.width - 2 * INSET, BAND_HEIGHT)


def text_area(card: Rect) -> Rect:
    """Where a side's text goes: under the band, clear of the edges the scissors may stray to."""
    top = band_rect(card).y - 3
    bottom = card.y + PADDING * 0.8
    return Rect(card.x + PADDING, bottom, card.width - 2 * PADDING, top - bottom)


CARD_TEXT_AREA = text_area(Rect(0, 0, CARD_WIDTH, CARD_HEIGHT))

# --- what a card says -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    kind: Literal["emergency", "rights"]
    front: Side
    back: Side


def _labelled(label_text: str, value: str, max_lines: int = 2, group: int = 0) -> Entry:
    return Entry((ours(label_text + " "), Piece(value, bold=True)), max_lines, group=group)


def _blank(label_text: str = "") -> Entry:
    pieces = (ours(label_text + " "), ours(BLANK)) if label_text else (ours(BLANK),)
    return Entry(pieces, max_lines=2)


def _phones(phones: Sequence[Phone], language: str) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    for phone in phones[:2]:
        if pieces:
            pieces.append(ours(" · "))
        pieces.append(Piece(display_phone(phone.number), bold=True))
        if phone.kind is not PhoneKind.OTHER:
            pieces.append(ours(" " + label(phone.kind, language), muted=True))
    return tuple(pieces)


def _attorney_for(plan: Plan, adult: Adult) -> Attorney | None:
    """The adult's own attorney; else the family's first, who can at least be called."""
    own = adult.case.attorney_id if adult.case else None
    chosen = plan.attorney(own) if own else None
    return chosen or (plan.attorneys[0] if plan.attorneys else None)


def _rapid_response(plan: Plan) -> Hotline | None:
    return next((h for h in plan.local_hotlines if h.kind == "rapid_response"), None)


def caregivers_for(plan: Plan, adult: Adult) -> list[tuple[Adult | Contact, list[str]]]:
    """Who takes each child if this adult is detained, with the children's given names.

    A child whose primary caregiver is this very adult goes to the alternate instead.
    """
    found: dict[str, tuple[Adult | Contact, list[str]]] = {}
    for child in plan.children:
        chosen = child.care.primary_caregiver_id
        if chosen == adult.id:
            chosen = child.care.alternate_caregiver_id
        person = plan.person(chosen) if chosen else None
        if person is None or person.id == adult.id:
            continue
        found.setdefault(person.id, (person, []))[1].append(child.given_names)
    return list(found.values())


def _emergency_front(plan: Plan, adult: Adult, words: Words, language: str) -> Side:
    entries: list[Entry] = []
    attorney = _attorney_for(plan, adult)
    if attorney is not None and (attorney.full_name or attorney.organization):
        entries.append(_labelled(words("lawyer"), attorney.full_name or attorney.organization))
        phones: list[Piece] = []
        if attorney.phone:
            phones.append(Piece(display_phone(attorney.phone), bold=True))
        if attorney.phone_24h:
            separator = " · " if phones else ""
            phones += [ours(separator + words("phone_24h") + " ")]
            phones.append(Piece(display_phone(attorney.phone_24h), bold=True))
        if phones:
            entries.append(Entry(tuple(phones)))
    else:
        entries.append(_blank(words("lawyer")))

    hotline = _rapid_response(plan)
    if hotline is not None:
        entries.append(_labelled(words("rapid_response"), hotline.name))
        entries[-1] = replace(entries[-1], new_section=True)
        line = [Piece(display_phone(hotline.phone), bold=True)]
        if hotline.hours:
            line += [ours(" · "), Piece(hotline.hours)]
        entries.append(Entry(tuple(line)))
    else:
        entries.append(replace(_blank(words("rapid_response")), new_section=True))

    caregivers = caregivers_for(plan, adult)
    if caregivers or plan.children:
        entries.append(Entry((ours(words("caregiver")),), new_section=True))
    if not caregivers and plan.children:
        entries.append(_blank())
    for group, (person, children) in enumerate(caregivers):
        name = Entry((Piece(person.full_name, bold=True),), new_section=group > 0, group=group)
        entries.append(name)
        if person.phones:
            entries.append(Entry(_phones(person.phones, language), group=group))
        if len(caregivers) > 1:
            pieces = (ours(words("caregiver_for") + " ", muted=True), Piece(", ".join(children)))
            entries.append(Entry(pieces, max_lines=1, group=group))
    return Side(words("emergency_title"), EMERGENCY_BAND, tuple(entries), words("more_caregivers"))


def _emergency_back(adult: Adult, words: Words) -> Side:
    english = Words(DOMAIN, "en")
    entries = [_labelled(words("name"), adult.full_name)]
    if adult.case is not None and adult.case.a_number:
        entries.append(_labelled(words("a_number"), display_a_number(adult.case.a_number), 1))
    entries.append(Entry((ours(english("have_lawyer"), bold=True),), 3, new_section=True))
    if words.language != "en":
        entries.append(Entry((ours(words("have_lawyer")),), 3))
    eoir = display_phone(public_numbers().eoir_case_information.phone)
    entries.append(Entry((ours(words("eoir", phone=eoir)),), 4, new_section=True))
    return Side(words("back_title"), EMERGENCY_BAND, tuple(entries))


RIGHTS = ("kyr_silent", "kyr_door", "kyr_sign", "kyr_lawyer", "kyr_no_lies", "kyr_no_run")


def rights_languages(language: str) -> tuple[str, str]:
    """The family's language in front and English behind; an English family gets Spanish behind."""
    front = language if catalogue(DOMAIN, language) else "en"
    return (front, "es") if front == "en" else (front, "en")


def _rights_side(language: str) -> Side:
    words = Words(DOMAIN, language)
    entries = tuple(Entry((ours(words(key)),), 6, bullet=True) for key in RIGHTS)
    return Side(words("kyr_title"), RIGHTS_BAND, entries)


def wallet_cards(plan: Plan, language: str) -> list[Card]:
    """An emergency card for each adult, each followed by a know-your-rights card to go with it."""
    words = Words(DOMAIN, language)
    front, back = rights_languages(language)
    rights = Card("rights", _rights_side(front), _rights_side(back))
    cards: list[Card] = []
    for adult in plan.adults:
        front_side = _emergency_front(plan, adult, words, language)
        cards += [Card("emergency", front_side, _emergency_back(adult, words)), rights]
    return cards or [rights]


# --- drawing --------------------------------------------------------------------------------------


def _draw_side(canvas: Canvas, card: Rect, fitted: FittedSide) -> None:
    band = band_rect(card)
    canvas.setFillColor(fitted.side.band)
    canvas.rect(band.x, band.y, band.width, band.height, stroke=0, fill=1)
    size = band_font_size(fitted.side.title, band.width - 2 * (PADDING - INSET))
    canvas.setFillColor(colors.white)
    canvas.setFont(FONT_BOLD, size)
    baseline = band.y + (band.height - 0.72 * size) / 2
    canvas.drawString(card.x + PADDING, baseline, plain(fitted.side.title))
    area = text_area(card)
    y = area.top
    for placed in fitted.lines:
        y -= placed.space_before + placed.height
        placed.paragraph.drawOn(canvas, area.x, y)


def _draw_guides(canvas: Canvas, place: CardPlace) -> None:
    box = place.outline
    canvas.saveState()
    canvas.setStrokeColor(CARD_EDGE)
    canvas.setLineWidth(0.3)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(MARK_WIDTH)
    for x1, y1, x2, y2 in crop_marks(place):
        canvas.line(x1, y1, x2, y2)
    canvas.setStrokeColor(FOLD_LINE)
    canvas.setDash(3, 2)
    for x1, y1, x2, y2 in fold_marks(place):
        canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


@cache
def _header_style() -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("wallet-header", fontName=FONT, fontSize=7.5, leading=9, textColor=MUTED)


def header_paragraph(words: Words) -> Paragraph:
    paragraph = Paragraph(words("instructions"), _header_style())
    paragraph.wrap(PAIR_WIDTH, HEADER_HEIGHT)
    return paragraph


TITLE_SIZE = 10.5
TITLE_GAP = 3.0


def _draw_header(canvas: Canvas, words: Words) -> None:
    top = PAGE_HEIGHT - TOP_MARGIN
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, TITLE_SIZE)
    canvas.drawString(PAIR_LEFT, top - TITLE_SIZE, plain(words("title")))
    paragraph = header_paragraph(words)
    paragraph.drawOn(canvas, PAIR_LEFT, top - TITLE_SIZE - TITLE_GAP - paragraph.height)


def _fit(side: Side) -> FittedSide:
    return fit_side(side, CARD_TEXT_AREA.width, CARD_TEXT_AREA.height)


def fitted_cards(plan: Plan, language: str) -> list[tuple[FittedSide, FittedSide]]:
    """Every card's front and back, laid out to fit."""
    return [(_fit(c.front), _fit(c.back)) for c in wallet_cards(plan, language)]


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    register_fonts()
    words = Words(DOMAIN, context.language)
    cards = fitted_cards(context.plan, context.language)
    pages = card_places(len(cards))
    buffer = io.BytesIO()
    canvas = pdf_canvas(buffer, context.meta("wallet_cards", words.english("title")))
    footer = context.footer()
    remaining = iter(cards)
    for number, places in enumerate(pages, start=1):
        _draw_header(canvas, words)
        for place, (front, back) in zip(places, remaining, strict=False):
            _draw_guides(canvas, place)
            _draw_side(canvas, place.front, front)
            _draw_side(canvas, place.back, back)
        draw_footer(
            canvas, footer, number, len(pages),
            left=PAIR_LEFT, right=PAIR_LEFT + PAIR_WIDTH, baseline=FOOTER_BASELINE,
        )  # fmt: skip
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
