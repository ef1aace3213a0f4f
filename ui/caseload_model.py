"""The caseload's table: one row a household, read from its encrypted summary only (never its
plan), searched and filtered by `planner.caseload.select` and sorted by `caseload.sort_by`.

Everything a cell says is in words: an overdue review is red *and* reads "Overdue since March 1",
a paper reads "Renew by June 3" or "Expired since May 2", never a colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from planner.caseload import Filter, is_overdue, papers_status, select, sort_by
from planner.vault_records import HouseholdSummary
from ui.i18n import Words, qt_locale

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = QColor("#a00000")
"""The problem colour of the style sheet; the words say "Overdue" as well."""


class Column(IntEnum):
    """The table's columns; each one's name in lower case is its `planner.caseload.SORT_KEYS` id
    and its heading's key."""

    FAMILY = 0
    CHILDREN = 1
    STATE = 2
    PAPERS = 3
    MISSING_ITEMS = 4
    NEXT_REVIEW = 5
    LAST_SAVED = 6

    @property
    def id(self) -> str:
        return self.name.lower()


def day_words(language: str, day: date, today: date) -> str:
    """ "March 1" this year, "March 1, 2024" another; in Spanish "1 de marzo (de 2024)"."""
    same_year = day.year == today.year
    if language == "es":
        pattern = "d 'de' MMMM" if same_year else "d 'de' MMMM 'de' yyyy"
    else:
        pattern = "MMMM d" if same_year else "MMMM d, yyyy"
    return qt_locale(language).toString(QDate(day.year, day.month, day.day), pattern)


class CaseloadModel(QAbstractTableModel):
    """The households a search and the filters keep, in the chosen order. A damaged household
    (its summary cannot be read) shows only in the whole list, always last."""

    def __init__(self, words: Words, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.words = words
        self._today = today
        self._all: list[HouseholdSummary] = []
        self._rows: list[HouseholdSummary] = []
        self._query = ""
        self._filters: list[Filter] = []
        self._order: tuple[Column, Qt.SortOrder] = (Column.LAST_SAVED, Qt.SortOrder.DescendingOrder)

    # --- what is shown ----------------------------------------------------------------------

    def set_households(self, summaries: Iterable[HouseholdSummary]) -> None:
        self._all = list(summaries)
        self.refresh()

    def show_only(self, query: str, filters: Sequence[Filter]) -> None:
        """Keep what the search box and the filters keep (as the person types: instant)."""
        self._query, self._filters = query, list(filters)
        self.refresh()

    def states(self) -> list[str]:
        """The states the households live in, for the state filter."""
        return sorted({s.state for s in self._all if s.state and not s.damaged})

    def summary(self, row: int) -> HouseholdSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, household_id: str) -> int:
        return next((r for r, s in enumerate(self._rows) if s.household_id == household_id), -1)

    def today(self) -> date:
        return self._today()

    @property
    def households(self) -> list[HouseholdSummary]:
        """Every household the vault holds, shown or not."""
        return list(self._all)

    @property
    def total(self) -> int:
        """How many households the vault holds, shown or not."""
        return len(self._all)

    def refresh(self) -> None:
        """Search, filter and sort again (and read every cell anew: the language changed)."""
        self.beginResetModel()
        kept = select(self._all, self._query, self._filters, self._today())
        self._rows = self._sorted(kept)
        self.endResetModel()

    def _sorted(self, rows: list[HouseholdSummary]) -> list[HouseholdSummary]:
        """By what a column means (a date, a number, urgency), not by its words; a household
        without the value (no review date) and a damaged one come last either way."""
        column, order = self._order
        descending = order is Qt.SortOrder.DescendingOrder
        return sort_by(rows, column.id, self._today(), descending=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = (Column(column), order)
        self._rows = self._sorted(self._rows)
        self.layoutChanged.emit()

    # --- Qt's model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.words(f"caseload.column.{Column(section).id}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        summary = self.summary(index.row())
        if summary is None or not index.isValid():
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(summary, column)
        overdue = column is Column.NEXT_REVIEW and is_overdue(summary, self._today())
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.FontRole and overdue:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def text(self, summary: HouseholdSummary, column: Column) -> str:
        """What a cell says, in the interface's language."""
        w = self.words
        if summary.damaged:
            return w("vault.list.damaged") if column is Column.FAMILY else ""
        if column is Column.FAMILY:
            return summary.display_name or w("vault.list.unnamed")
        if column is Column.CHILDREN:
            return ", ".join(summary.children)
        if column is Column.STATE:
            return summary.state
        if column is Column.PAPERS:
            return self._papers(summary)
        if column is Column.MISSING_ITEMS:
            return str(summary.missing_items)
        if column is Column.NEXT_REVIEW:
            return self._review(summary)
        return self._saved(summary.updated_at)

    def _day(self, day: date) -> str:
        return day_words(self.words.catalogue_language, day, self._today())

    def _papers(self, summary: HouseholdSummary) -> str:
        status, day = papers_status(summary.papers, self._today())
        key = f"caseload.papers.{status.value}"
        return self.words(key, date=self._day(day)) if day else self.words(key)

    def _review(self, summary: HouseholdSummary) -> str:
        due = summary.next_review
        if due is None:
            return self.words("caseload.review.none")
        if is_overdue(summary, self._today()):
            return self.words("caseload.review.overdue", date=self._day(due))
        return self._day(due)

    def _saved(self, at: datetime | None) -> str:
        return self._day(at.astimezone().date()) if at else ""
