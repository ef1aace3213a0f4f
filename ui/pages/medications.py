"""A child's medicines as a small table (name, dose, when), edited by keyboard or mouse."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from planner.model import Medication
from ui.i18n import Words
from ui.list_editor import buttons_below

COLUMNS = ("name", "dose", "schedule")


class MedicationTable(QWidget):
    """Rows of medicines. Tab leaves the table (arrows move between cells; typing or F2 edits a
    cell; while editing, Tab goes to the next cell and Enter finishes). Empty rows are ignored."""

    edited = Signal()

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(120)
        self.add, self.remove = buttons_below(self, self.table, 2)
        self.table.itemChanged.connect(lambda _: self.edited.emit())
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_row)
        self._update_buttons()

    def set_value(self, medications: list[Medication]) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
            for medication in medications:
                self._append(medication.name, medication.dose, medication.schedule)
        self._update_buttons()

    def value(self) -> list[Medication]:
        rows = (self._cells(row) for row in range(self.table.rowCount()))
        return [Medication(**cells) for cells in rows if any(cells.values())]

    def add_row(self) -> None:
        """A new row, its first cell ready for typing."""
        with QSignalBlocker(self.table):
            row = self._append("", "", "")
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.table.edit(self.table.currentIndex())
        self._update_buttons()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._update_buttons()
        self.edited.emit()
        if self.table.rowCount():
            self.table.setFocus()

    def retranslate(self) -> None:
        w = self.words
        self.table.setHorizontalHeaderLabels([w(f"children.medication_{c}") for c in COLUMNS])
        for button, key in ((self.add, "add_medication"), (self.remove, "remove_medication")):
            button.setText(w(f"children.{key}"))
            button.setAccessibleName(w(f"children.{key}").replace("&", ""))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.table.setAccessibleName(name)

    def _append(self, *cells: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def _cells(self, row: int) -> dict[str, str]:
        items = {name: self.table.item(row, column) for column, name in enumerate(COLUMNS)}
        return {
            name: item.text().strip() if item is not None else "" for name, item in items.items()
        }

    def _update_buttons(self) -> None:
        self.remove.setEnabled(self.table.currentRow() >= 0)
