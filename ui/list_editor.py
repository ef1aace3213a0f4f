"""An ordered list the family edits by keyboard or mouse: add, remove, move up, move down."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Words

BUTTONS = ("list.add", "list.remove", "list.up", "list.down")


def buttons_below(owner: QWidget, view: QWidget, count: int) -> list[QPushButton]:
    """`count` buttons in a row under `view`, which takes the owner's focus (and so the Alt+letter
    of the owner's label)."""
    buttons = [QPushButton(owner) for _ in range(count)]
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view)
    layout.addLayout(row)
    owner.setFocusProxy(view)
    owner.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return buttons


class ListEditor(QWidget):
    """The people (or schools) of one section, in order. The page shows the selected one's form."""

    selected = Signal(int)
    add_requested = Signal()
    remove_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.limit: int | None = None
        """The most entries the plan's list holds (its MaxItems): "Add" stops there."""
        self.items = QListWidget(self)
        self.items.setMaximumHeight(150)
        self._buttons = buttons_below(self, self.items, len(BUTTONS))
        self.add, self.remove, self.up, self.down = self._buttons
        self.items.currentRowChanged.connect(self._selected)
        self.add.clicked.connect(self.add_requested)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.items.currentRow()))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        self.retranslate()

    def retranslate(self) -> None:
        for button, key in zip(self._buttons, BUTTONS, strict=True):
            button.setText(self.words(key))
        self.items.setAccessibleName(self.words("list.items"))

    def allow_dragging(self) -> None:
        """Let the family also drag an entry to its place; the page hears it as `move_requested`
        and rebuilds the list from the plan once the drop is over."""
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.model().rowsMoved.connect(
            lambda _, start, _end, _to, row: self._dropped(start, row)
        )

    def _dropped(self, start: int, row: int) -> None:
        target = row - 1 if row > start else row
        if target != start:
            QTimer.singleShot(0, lambda: self.move_requested.emit(start, target))

    def set_items(self, labels: list[str], current: int) -> None:
        with QSignalBlocker(self.items):
            self.items.clear()
            self.items.addItems(labels)
            self.items.setCurrentRow(min(current, len(labels) - 1))
        self._update_buttons()

    def current(self) -> int:
        return self.items.currentRow()

    def _selected(self, row: int) -> None:
        self._update_buttons()
        if row >= 0:
            self.selected.emit(row)

    def _move(self, step: int) -> None:
        row = self.items.currentRow()
        if row >= 0 and 0 <= row + step < self.items.count():
            self.move_requested.emit(row, row + step)

    def set_limit(self, limit: int | None) -> None:
        self.limit = limit
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.items.currentRow(), self.items.count()
        full = self.limit is not None and count >= self.limit
        self.add.setEnabled(not full)
        self.add.setToolTip(self.words("list.full", limit=self.limit) if full else "")
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)
