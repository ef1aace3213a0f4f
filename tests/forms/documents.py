"""Shared by the document tests: render a document, read it back, plans full of tricky text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from forms.context import RenderContext, RenderOptions
from forms.kit import printable
from planner.direction import BIDI_CONTROLS
from planner.model import Plan
from tests.conftest import TODAY
from tests.forms.pdf import body_text, flat
from tests.strategies import rich_plans

__all__ = ["rich_plans"]  # the document tests take it from here

LANGUAGES = ("en", "es")

Renderer = Callable[[RenderContext, str | None], bytes]


def context(plan: Plan, language: str, bilingual: bool = False) -> RenderContext:
    options = RenderOptions(language=language, bilingual=bilingual, today=TODAY)
    return RenderContext.for_plan(plan, options)


def read(content: bytes) -> str:
    """The document's text as one line: footers dropped, white space folded."""
    return flat(body_text(content))


def not_shown(text: str, values: Iterable[str]) -> list[str]:
    """The values (as a person reads them) that the text does not contain exactly."""
    return [
        value
        for value in values
        if value.strip() and flat(unicodedata.normalize("NFC", value)) not in text
    ]


# --- any text a person may type ---------------------------------------------------------------

_RTL = ("R", "AL", "AN")
_SOFT_HYPHEN = "\xad"
"""Printed only where a line breaks at it, and then as a hyphen."""


def as_printed(value: str) -> str:
    """Typed text as a PDF reader gives it back, in logical order: a bracketed note in place of
    characters no embedded font has, Arabic letters (joined shapes on paper) as the letters, and
    no direction controls."""
    text = "".join(
        unicodedata.normalize("NFKC", c) if _PRESENTATION_FORM.match(c) else c
        for c in "\n".join(printable(value))
        if c not in BIDI_CONTROLS
    )
    return unicodedata.normalize("NFC", text)


_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def comes_out(text: str, value: str) -> bool:
    """Whether typed text survived into the PDF's text.

    Left-to-right text must come out in order (white space aside: a long word may wrap inside a
    narrow cell, and a cell may continue on the next page). Text with right-to-left runs is laid
    out in visual order, and readers give its pieces back in an order of their own, with brackets
    mirrored: for it, every character must be there.
    """
    printed = "".join(text.split())
    characters = [c for c in as_printed(value) if not c.isspace()]
    if _SOFT_HYPHEN in characters:
        characters = [c for c in characters if c not in (_SOFT_HYPHEN, "-")]
        printed = printed.replace("-", "")
    if not characters:
        return True
    right_to_left = any(unicodedata.bidirectional(c) in _RTL for c in characters)
    typed = characters
    if not right_to_left:
        return _whole_or_across_a_page_turn("".join(typed), printed)
    wanted = Counter(c for c in typed if not unicodedata.mirrored(c))
    return not wanted - Counter(printed)


_PAGE_TURN = 600
"""How much a page turn may put inside a cell's text: the footer and the table's repeated header."""


def _whole_or_across_a_page_turn(typed: str, printed: str) -> bool:
    """The typed text in one piece, or in two with a page turn between them (a table cell may split
    across pages, and the next page repeats the table's header before the rest of the cell)."""
    if typed in printed:
        return True
    for cut in range(1, len(typed)):
        head, tail = typed[:cut], typed[cut:]
        start = printed.find(head)
        while start != -1:
            after = start + len(head)
            if tail in printed[after : after + _PAGE_TURN + len(tail)]:
                return True
            start = printed.find(head, start + 1)
    return False
