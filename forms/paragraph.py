"""reportlab's Paragraph, parsed once per packet and laid out once per width.

Two costs of rendering a packet repeat for no reason. A table asks each cell for its size while it
measures its rows and again when it draws them, and breaking a paragraph into lines only depends
on the width: so the lines are kept until the width changes or reportlab drops them itself (it
deletes `blPara` when it splits a paragraph, to force a fresh layout). And the same label
("Phone", "Date of birth") is parsed as markup again for every table of every sheet: within one
packet (a `RenderContext`), a text and style are parsed once and each paragraph gets its own copy
of the pieces. That store lives exactly as long as the packet being made, so the family's words
are not kept after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.platypus import Paragraph as _ReportlabParagraph

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
