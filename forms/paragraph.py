"""reportlab's Paragraph, laid out once per width instead of once per question.

A table asks each cell for its size while it measures its rows, and again when it draws them; a
paragraph in a table that splits across pages is asked a third time. Breaking a paragraph into
lines is the largest single cost of rendering a packet, and the answer only depends on the width,
so it is kept until the width changes or reportlab drops the lines itself (it deletes `blPara`
when it splits a paragraph, to force a fresh layout).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _ReportlabParagraph


class Paragraph(_ReportlabParagraph):
    """A Paragraph that remembers its line breaks for the width it was last laid out at."""

    _laid_out: tuple[float, object] | None = None
    """(width, lines) of the last layout: holding the lines tells a fresh `blPara` from ours."""

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
