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


class Table(_ReportlabTable):
    """A Table that splits between rows where it can, and drops trailing pieces with no text."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        in_row = self.splitInRow
        self.splitInRow = 0
        try:
            parts: list[Flowable] = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = in_row
        if not parts and in_row and self._has_tall_row():
            parts = super().split(availWidth, availHeight)
        while len(parts) > 1 and _blank(parts[-1]):
            parts.pop()
        return parts

    def _has_tall_row(self) -> bool:
        heights: Any = getattr(self, "_rowHeights", None) or []
        return any(height is not None and height >= TALL_ROW for height in heights)
