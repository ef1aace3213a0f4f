"""Text fitted to a fixed box (a wallet card's side): smaller type, then "…", never a spill.

A side is a list of entries, each one paragraph made of pieces: our catalogue text (markup allowed)
or the family's text (escaped, and the only text ever shortened). The largest size from 8 pt down to
6 pt that holds every entry wins; if none does, the highest groups are left off and a note says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from forms.kit import FONT, FONT_BOLD, INK, MUTED, plain, register_fonts, safe
from forms.paragraph import Paragraph

FONT_SIZES = (8.0, 7.5, 7.0, 6.5, 6.0)
"""Largest first; nothing on a card prints below 6 pt."""
SMALLEST = FONT_SIZES[-1]


@dataclass(frozen=True)
class Piece:
    """A run of text in a card's line: ours (catalogue markup) or the family's (escaped)."""

    text: str
    ours: bool = False
    bold: bool = False
    muted: bool = False


@dataclass(frozen=True)
class Entry:
    """One paragraph on a card. The family's pieces are shortened, last first, to `max_lines`."""

    pieces: tuple[Piece, ...]
    max_lines: int = 2
    bullet: bool = False
    new_section: bool = False
    group: int = 0
    """0: always printed. When a side is full, higher groups are left off first."""


@dataclass(frozen=True)
class Side:
    title: str
    band: colors.Color
    entries: tuple[Entry, ...]
    overflow_note: str = ""
    """Printed in place of the groups left off."""


def ours(text: str, bold: bool = False, muted: bool = False) -> Piece:
    return Piece(text, ours=True, bold=bold, muted=muted)


MUTED_HEX = "#" + MUTED.hexval()[2:]


@cache
def card_style(size: float, bullet: bool) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        f"card-{size}-{bullet}",
        fontName=FONT,
        fontSize=size,
        leading=round(size * 1.2, 2),
        textColor=INK,
        leftIndent=size if bullet else 0,
        bulletIndent=0,
        bulletFontName=FONT,
        bulletFontSize=size,
    )


def _markup(pieces: Sequence[Piece]) -> str:
    parts = []
    for piece in pieces:
        text = piece.text if piece.ours else safe(piece.text)
        if piece.bold:
            text = f"<b>{text}</b>"
        if piece.muted:
            text = f'<font color="{MUTED_HEX}">{text}</font>'
        parts.append(text)
    return "".join(parts)


def _paragraph(pieces: Sequence[Piece], style: ParagraphStyle, bullet: bool) -> Paragraph:
    return Paragraph(_markup(pieces), style, bulletText="•" if bullet else None)


def line_widths(paragraph: Paragraph) -> list[float]:
    """Each wrapped line's width, its indent included: what must stay within the text area."""
    return [float(width) for width in paragraph.getActualLineWidths0()]


def _fits(paragraph: Paragraph, width: float, max_lines: int) -> bool:
    _, height = paragraph.wrap(width, 10_000)
    tall_enough = height <= max_lines * paragraph.style.leading + 0.01
    return tall_enough and max(line_widths(paragraph), default=0.0) <= width + 0.01


def _cut(text: str, keep: int) -> str:
    return text[:keep].rstrip() + "…"


LONGEST_LINE = 160
"""More characters than one line of a card holds even at 6 pt: longer values are cut at once."""


def _capped(piece: Piece, max_lines: int) -> Piece:
    """The family's text cut to what `max_lines` could ever hold: 5000 characters measure fast."""
    limit = max_lines * LONGEST_LINE
    return (
        piece
        if piece.ours or len(piece.text) <= limit
        else replace(piece, text=_cut(piece.text, limit))
    )


def _room_for(text: str, style: ParagraphStyle, room: float) -> int:
    """How many characters of `text` could fit in `room` points of line, however it wraps."""
    used = 0.0
    for count, character in enumerate(text[: LONGEST_LINE * 8]):
        used += stringWidth(character, FONT, style.fontSize)
        if used > room:
            return count
    return min(len(text), LONGEST_LINE * 8)


def _shortened(
    pieces: list[Piece], index: int, text: str, entry: Entry, style: ParagraphStyle, width: float
) -> Paragraph:
    """The paragraph with piece `index` cut to the longest start of `text` (plus "…") that fits."""

    def attempt(keep: int) -> Paragraph:
        pieces[index] = replace(pieces[index], text=_cut(text, keep))
        return _paragraph(pieces, style, entry.bullet)

    low, high = 0, _room_for(text, style, entry.max_lines * width)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(attempt(middle), width, entry.max_lines):
            low = middle
        else:
            high = middle - 1
    return attempt(low)


def _entry_paragraph(entry: Entry, size: float, width: float) -> Paragraph:
    """The entry at this size, its family's text shortened with "…" until it fits its lines."""
    style = card_style(size, entry.bullet)
    pieces = [_capped(piece, entry.max_lines) for piece in entry.pieces]
    paragraph = _paragraph(pieces, style, entry.bullet)
    if entry.bullet or _fits(paragraph, width, entry.max_lines):
        paragraph.wrap(width, 10_000)
        return paragraph
    for index in reversed(range(len(pieces))):
        if pieces[index].ours or not pieces[index].text:
            continue
        paragraph = _shortened(pieces, index, entry.pieces[index].text, entry, style, width)
        if _fits(paragraph, width, entry.max_lines):
            break
    paragraph.wrap(width, 10_000)
    return paragraph


@dataclass(frozen=True)
class Placed:
    paragraph: Paragraph
    space_before: float
    height: float


@dataclass(frozen=True)
class FittedSide:
    """A side's text laid out at one size: what `render` draws and tests measure."""

    side: Side
    font_size: float
    lines: tuple[Placed, ...]
    left_off: int = 0
    """How many groups (caregivers) did not fit and are referred to the contact sheet."""

    @property
    def height(self) -> float:
        return sum(p.space_before + p.height for p in self.lines)


Measured = dict[tuple[Entry, float], Paragraph]


def _lay_out(
    side: Side, entries: Sequence[Entry], size: float, width: float, measured: Measured
) -> FittedSide:
    placed = []
    for number, entry in enumerate(entries):
        if (entry, size) not in measured:
            measured[entry, size] = _entry_paragraph(entry, size, width)
        paragraph = measured[entry, size]
        space = size * 0.45 if entry.new_section and number else 0.0
        placed.append(Placed(paragraph, space, float(paragraph.height)))
    return FittedSide(side, size, tuple(placed))


def fit_side(side: Side, width: float, height: float) -> FittedSide:
    """The largest type that holds everything; failing that, fewer groups; never a spill."""
    measured: Measured = {}
    groups = sorted({e.group for e in side.entries if e.group > 0}, reverse=True)
    fitted: FittedSide | None = None
    for left_off in range(len(groups) + 1):
        dropped = set(groups[:left_off])
        entries = [e for e in side.entries if e.group not in dropped]
        if dropped and side.overflow_note:
            note = (ours(side.overflow_note, muted=True),)
            entries.append(Entry(note, max_lines=3, new_section=True))
        for size in FONT_SIZES:
            fitted = _lay_out(side, entries, size, width, measured)
            if fitted.height <= height:
                return replace(fitted, left_off=left_off)
    assert fitted is not None
    kept: list[Placed] = []
    for placed in fitted.lines:
        if sum(p.space_before + p.height for p in [*kept, placed]) > height:
            break
        kept.append(placed)
    return replace(fitted, lines=tuple(kept), left_off=len(groups))


def band_font_size(title: str, width: float) -> float:
    """The band's title at 8 pt, or smaller (not below 6 pt) if a translation runs long."""
    register_fonts()
    for size in FONT_SIZES:
        if stringWidth(plain(title), FONT_BOLD, size) <= width:
            return size
    return SMALLEST
