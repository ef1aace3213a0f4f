"""A list of things to tick (languages, people who may pick a child up): one Tab stop, arrows to
move, Space to tick; `edited` fires on each tick the person makes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

VALUE_ROLE = Qt.ItemDataRole.UserRole
TICKED, UNTICKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class CheckList(QListWidget):
    """Values shown by their labels, each with a check box. With `wrap=True` they flow in rows, a
    compact block of check boxes, and the list grows to show them all instead of scrolling."""

    edited = Signal()

    def __init__(self, wrap: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wrap = wrap
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        if wrap:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setSpacing(2)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(lambda _: self.edited.emit())

    def set_choices(
        self, choices: Iterable[tuple[str, str]], checked: Iterable[str] | None = None
    ) -> None:
        """(value, label) pairs; the ticks stay when only the labels change (language switch)."""
        keep = set(self.values() if checked is None else checked)
        row = max(self.currentRow(), 0)
        with QSignalBlocker(self):
            self.clear()
            for value, label in choices:
                item = QListWidgetItem(label)  # Qt's default flags: enabled, selectable, tickable
                item.setData(VALUE_ROLE, value)
                item.setCheckState(TICKED if value in keep else UNTICKED)
                self.addItem(item)
            if self.count():
                self.setCurrentRow(min(row, self.count() - 1))
        self._fit()

    def choices(self) -> list[str]:
        return [str(self.item(row).data(VALUE_ROLE)) for row in range(self.count())]

    def values(self) -> list[str]:
        """The ticked values, in the order they are shown."""
        return [v for row, v in enumerate(self.choices()) if self.item(row).checkState() == TICKED]

    def set_value_checked(self, value: str, on: bool = True) -> None:
        for row, choice in enumerate(self.choices()):
            if choice == value:
                self.item(row).setCheckState(TICKED if on else UNTICKED)

    # --- size: a wrapping list is as tall as its rows; a plain one as tall as its items, up to 8 -

    def _fit(self) -> None:
        if not self._wrap:
            rows = min(max(self.count(), 2), 8)
            height = self.sizeHintForRow(0) if self.count() else 20
            self.setFixedHeight(rows * max(height, 18) + 2 * self.frameWidth() + 4)
        self.updateGeometry()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name
        super().updateGeometries()
        if self._wrap:
            height = self.contentsSize().height() + 2 * self.frameWidth() + 2 * self.spacing()
            if height != self.height() and self.count():
                self.setFixedHeight(max(height, 24))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), self.height() if self._wrap else hint.height())
