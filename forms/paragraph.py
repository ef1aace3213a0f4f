"""reportlab's Paragraph, parsed once per packet and laid out once per width.

Two costs of rendering a packet repeat for no reason. A table asks each cell for its size while it
measures its rows and again when it draws them, and breaking a paragraph into lines only depends
on the width: so the lines are kept until the width changes or reportlab drops them itself (it
deletes `blPara` when it splits a paragraph, to force a fresh layout). And the same label
("Phone", "Date of birth") is parsed as markup again for every table of every sheet: within one
packet (a `RenderContext`), a text and style are parsed once and each paragraph gets its own copy
of the pieces. That store lives exactly as long as the packet being made, so the family's words
are not kept after it.

Right-to-left text is kept in logical order (the order it is typed and read) until a paragraph is
drawn: its lines are broken first, then each line is put in visual order by the Unicode
bidirectional algorithm (UAX #9: levels, then rules L1, L2 and L4 for that line). Reordered any
earlier, the first line of a long Arabic note would show the note's last words, and a name
broken across two lines would be read in the wrong halves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from bidi import algorithm as _uba  # type: ignore[import-untyped]
from bidi.mirror import MIRRORED  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _ReportlabParagraph

from planner.direction import BIDI_CONTROLS

Parsed = dict[tuple[str, int], tuple[Any, ...]]
"""(text, id of style) → (style, cleaned text, parsed style, pieces, bullet text)."""

_parsed: ContextVar[Parsed | None] = ContextVar("parsed_paragraphs", default=None)


@contextmanager
def parsed_once(store: Parsed) -> Iterator[None]:
    """Paragraphs made inside share `store` (one packet's); outside, each parses its own."""
    token = _parsed.set(store)
    try:
        yield
    finally:
        _parsed.reset(token)


class Paragraph(_ReportlabParagraph):
    """A Paragraph that reuses its packet's parse and remembers its line breaks for a width."""

    _laid_out: tuple[float, object] | None = None
    """(width, lines) of the last layout: holding the lines tells a fresh `blPara` from ours."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803
        parse = super()._setup  # type: ignore[misc]  # reportlab's own step, not in the stubs
        store = _parsed.get()
        plain_text = frags is None and bulletText is None and isinstance(text, str)
        if store is None or not plain_text:
            parse(text, style, bulletText, frags, cleaner)
            return
        known = store.get((text, id(style)))
        if known is None or known[0] is not style:
            parse(text, style, bulletText, frags, cleaner)
            pieces = [piece.clone() for piece in self.frags]
            store[(text, id(style))] = (style, self.text, self.style, pieces, self.bulletText)
            return
        _, cleaned, parsed_style, pieces, bullet = known
        parse(cleaned, parsed_style, bullet, [piece.clone() for piece in pieces], cleaner)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines: Any = self.__dict__.get("blPara")
        if lines is not None and self._laid_out is not None:
            width, laid_out_lines = self._laid_out
            if width == availWidth and laid_out_lines is lines:
                return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        lines = self.__dict__.get("blPara")
        self._laid_out = (availWidth, lines) if lines is not None else None
        return size

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - reportlab's name
        """Draw the lines in visual order; the logical ones stay for splitting and measuring."""
        logical: Any = self.__dict__.get("blPara")
        visual = _visual_lines(logical.lines) if logical is not None else None
        if visual is None:
            super().drawPara(debug)
            return
        self.blPara = logical.clone(lines=visual)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical


# --- long text -----------------------------------------------------------------------------------

LONG_MARKUP = 3000
"""Markup longer than this is laid out as several paragraphs of about this size. reportlab's
work for one paragraph grows faster than its text (it takes each word off the front of a list,
and lays out again all that is left of a paragraph after each page): a 200 KB note took seconds
a page. Pieces of bounded size make the whole linear in the text."""


def paragraphs(markup: str, style: ParagraphStyle) -> list[Paragraph]:
    """`markup` as one paragraph, or, when long, as pieces that read as one: they are cut at the
    paragraph's own line breaks where it has them (nothing shows: the pieces stand with no space
    between them), else after a sentence or a word, else inside a very long word (a line then
    ends early). Markup tags are never cut: a line holding one is kept whole."""
    if len(markup) <= LONG_MARKUP:
        return [Paragraph(markup, style)]
    pieces = _pieces(markup)
    last = len(pieces) - 1
    return [
        Paragraph(piece, _spaced(style, index == 0, index == last))
        for index, piece in enumerate(pieces)
    ]


def _pieces(markup: str) -> list[str]:
    """The markup cut into pieces of at most about LONG_MARKUP characters."""
    segments = [part for line in markup.split("<br/>") for part in _cut_line(line)]
    for index in range(len(segments) - 1):  # each line but the last ends in a line break
        text, joint = segments[index]
        if joint is None:
            segments[index] = (text, "<br/>")
    pieces: list[str] = []
    current = ""
    for index, (text, joint) in enumerate(segments):
        current += text
        following = segments[index + 1][0] if index + 1 < len(segments) else ""
        if joint is None:
            break
        if len(current) + len(following) > LONG_MARKUP and _may_cut(text, joint, following):
            pieces.append(current)
            current = ""
        else:
            current += joint
    pieces.append(current)
    return pieces


def _may_cut(before: str, joint: str, after: str) -> bool:
    """A line break may become the edge between two pieces only between lines with text (an
    empty line at the edge of a paragraph takes no room)."""
    return joint != "<br/>" or (before != "" and after != "")


def _cut_line(line: str) -> list[tuple[str, str | None]]:
    """A line as (part, what joins it to the next part): " " after a sentence or a word, ""
    inside a word; None after the last part (the line's end)."""
    parts: list[tuple[str, str | None]] = []
    while len(line) > LONG_MARKUP and "<" not in line:
        window = line[:LONG_MARKUP]
        cut = window.rfind(". ", LONG_MARKUP // 2)
        cut = cut + 1 if cut != -1 else window.rfind(" ", LONG_MARKUP // 2)
        if cut != -1:
            parts.append((line[:cut], " "))
            line = line[cut + 1 :]
            continue
        cut = _outside_entity(window)
        parts.append((line[:cut], ""))
        line = line[cut:]
    parts.append((line, None))
    return parts


def _outside_entity(window: str) -> int:
    """Where to cut a word at the end of `window` without cutting an entity (`&amp;`) in two."""
    start = window.rfind("&", len(window) - 10)
    return start if start > 0 and ";" not in window[start:] else len(window)


@cache
def _spaced(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """The style of one piece of a long paragraph: its space before only on the first piece,
    its space after only on the last, so the pieces stand as one paragraph."""
    return ParagraphStyle(
        f"{style.name}-piece",
        parent=style,
        spaceBefore=style.spaceBefore if first else 0,
        spaceAfter=style.spaceAfter if last else 0,
    )


# --- bidirectional text ---------------------------------------------------------------------------


_NEEDS_ORDER = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u061c\u200f\u202a-\u202e\u2066-\u2069"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""A character that can make a line's visual order differ from its logical order."""

_EMBEDDING_OF = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}
"""Isolates as the embeddings the resolver knows (LRI → LRE, RLI → RLE, PDI → PDF); FSI below."""

_AFTER_LINE = frozenset(("WS", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))
"""Bidi classes that rule L1 sets back to the line's level at its end (white space, controls)."""

_OBJECT = "\ufffc"
"""Stands in for a piece of a line that is not text (an image, an anchor) while it is ordered."""


def _first_strong_is_rtl(text: str) -> bool:
    """Rules P2 and P3 for the text of an isolate: the first strong letter outside nested ones."""
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            if depth == 0:
                return False
            depth -= 1
        elif depth == 0 and kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def _resolvable(text: str) -> str:
    """The line as python-bidi's resolver can take it, one character for one so each keeps its
    index: isolates (Unicode 6.3) written as the embeddings it implements, an FSI taking the
    direction of its first strong letter as the standard says; a code point Unicode has not
    assigned (no direction of its own) as a neutral object."""
    out = []
    for index, char in enumerate(text):
        if char == "\u2068":
            out.append("\u202b" if _first_strong_is_rtl(text[index + 1 :]) else "\u202a")
        elif unicodedata.bidirectional(char):
            out.append(_EMBEDDING_OF.get(char, char))
        else:
            out.append(_OBJECT)
    return "".join(out)


def _levels(text: str, base_level: int) -> list[int]:
    """Each character's resolved embedding level (UAX #9 up to rule I2), for one line.

    python-bidi's own steps; a character they set aside (rule X9: embeddings, joiners) takes the
    level of the one before it, as the standard suggests for keeping them.
    """
    storage = _uba.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = "LR"[base_level]
    _uba.get_embedding_levels(_resolvable(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    levels = [-1] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    previous = base_level
    for index, level in enumerate(levels):
        if level < 0:
            levels[index] = previous
        previous = levels[index]
    return levels


def _reorder(text: str, levels: list[int], base_level: int) -> list[int]:
    """Rules L1 and L2 for one line: the indices of `text` from left to right."""
    levels = list(levels)
    for index in range(len(text) - 1, -1, -1):  # L1: white space at the end of the line
        if unicodedata.bidirectional(text[index]) not in _AFTER_LINE:
            break
        levels[index] = base_level
    for index, char in enumerate(text):  # L1: tabs, and the white space before them
        if unicodedata.bidirectional(char) in ("S", "B"):
            levels[index] = base_level
            before = index - 1
            while before >= 0 and unicodedata.bidirectional(text[before]) in _AFTER_LINE:
                levels[before] = base_level
                before -= 1
    order = list(range(len(text)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):  # L2
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = order[start:position][::-1]
                start = None
    return order


def visual_order(text: str, base_level: int = 0) -> tuple[list[int], list[int]]:
    """One line's characters from left to right, as indices into `text`, and their levels.

    `base_level` is the direction of the document around the line: 0, left to right, for our
    English and Spanish papers. The family's words carry their own direction in an isolate.
    """
    levels = _levels(text, base_level)
    return _reorder(text, levels, base_level), levels


def visual_text(text: str, base_level: int = 0) -> str:
    """One line as it is drawn from left to right: reordered, mirrored (L4), controls left out."""
    if not _NEEDS_ORDER.search(text):
        return "".join(char for char in text if char not in BIDI_CONTROLS)
    order, levels = visual_order(text, base_level)
    return "".join(
        _drawn(text[index], levels[index]) for index in order if text[index] not in BIDI_CONTROLS
    )


def _drawn(char: str, level: int) -> str:
    """L4: a bracket or other paired sign in a right-to-left run faces the other way."""
    return str(MIRRORED.get(char, char)) if level % 2 else char


def _visual_lines(lines: Sequence[Any]) -> list[Any] | None:
    """The lines of a laid-out paragraph in visual order; None when none of them changes."""
    visual = [_visual_line(line) for line in lines]
    return None if all(new is old for new, old in zip(visual, lines, strict=True)) else visual


def _visual_line(line: Any) -> Any:
    if isinstance(line, tuple):  # one style for the whole paragraph: (extra space, words)
        extra_space, words = line
        text = " ".join(words)
        if not _NEEDS_ORDER.search(text):
            return line
        return (extra_space, visual_text(text).split(" "))
    pieces: list[Any] = line.words  # several styles: each piece of text with its own
    owners: list[int] = []
    objects: set[int] = set()  # pieces that are not text (an image, an anchor): kept whole
    text = ""
    for number, piece in enumerate(pieces):
        own = "" if hasattr(piece, "cbDefn") else str(getattr(piece, "text", ""))
        if not own:
            own = _OBJECT
            objects.add(number)
        text += own
        owners += [number] * len(own)
    if not _NEEDS_ORDER.search(text):
        return line
    order, levels = visual_order(text)
    runs: list[tuple[int, str]] = []
    for index in order:
        char = text[index]
        if char in BIDI_CONTROLS:
            continue
        owner = owners[index]
        if runs and runs[-1][0] == owner:
            runs[-1] = (owner, runs[-1][1] + _drawn(char, levels[index]))
        else:
            runs.append((owner, _drawn(char, levels[index])))
    words = [
        pieces[owner] if owner in objects else pieces[owner].clone(text=run) for owner, run in runs
    ]
    return line.clone(words=words)
