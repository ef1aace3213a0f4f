"""reportlab's Table, without the empty scraps that splitting a row can leave behind.

When a row's text ends just above the bottom of a page, splitting inside the row (which long
notes need) puts the text on this page and the row's bottom padding, with nothing in it, on the
next: a blank page at the end of a sheet, which a family would print and wonder about.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus import Table as _ReportlabTable


def _blank(part: Flowable) -> bool:
    rows: Any = getattr(part, "_cellvalues", None)
    return rows is not None and all(not cell for row in rows for cell in row)


class Table(_ReportlabTable):
    """A Table whose split drops trailing pieces that hold no text."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts: list[Flowable] = super().split(availWidth, availHeight)
        while len(parts) > 1 and _blank(parts[-1]):
            parts.pop()
        return parts
