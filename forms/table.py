"""reportlab's Table, split between rows where it can, without the empty scraps that splitting a
row can leave behind.

Splitting inside a row is for long notes, taller than a good part of a page. A short row split
at the foot of a page leaves a word or two of a name on the next page, read with the wrong row;
so a table splits between rows, and inside a row only when that row is tall.

When a row's text ends just above the bottom of a page, splitting inside the row puts the text on
this page and the row's bottom padding, with nothing in it, on the next: a blank page at the end
of a sheet, which a family would print and wonder about.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import Flowable
from reportlab.platypus import Table as _ReportlabTable


def _blank(part: Flowable) -> bool:
    rows: Any = getattr(part, "_cellvalues", None)
    return rows is not None and all(not cell for row in rows for cell in row)


TALL_ROW = 3 * inch
"""A row at least this tall may be split inside; a shorter one moves whole to the next page."""

PAGE_ROW = 7 * inch
"""A row this tall may not fit on any page (the frame is about 9 inches): it is split inside
whatever the table asked for, since moving it to the next page would not help. Long notes and
names at the model's limits make such rows; a family's usual answers never do."""


class Table(_ReportlabTable):
    """A Table that splits between rows where it can, and drops trailing pieces with no text."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        in_row = self.splitInRow
        parts = self._split_with(0, availWidth, availHeight)
        if not parts and ((in_row and self._has_row(TALL_ROW)) or self._has_row(PAGE_ROW)):
            parts = self._split_with(max(in_row, 1), availWidth, availHeight)
        while len(parts) > 1 and _blank(parts[-1]):
            parts.pop()
        return parts

    def _split_with(self, in_row: int, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """reportlab's split with `splitInRow` set to `in_row` for this one call (its pieces
        keep that value)."""
        kept = self.splitInRow
        self.splitInRow = in_row
        try:
            parts: list[Flowable] = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = kept
        return parts

    def _has_row(self, height: float) -> bool:
        """Whether a row is at least `height` tall."""
        heights: Any = getattr(self, "_rowHeights", None) or []
        return any(row is not None and row >= height for row in heights)
