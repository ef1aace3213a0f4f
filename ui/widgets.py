"""Field widgets that accept what people type and show, beside the field, what is wrong with it.

A phone field takes "(213) 555-0143", "213.555.0143" or "+502 5555 1234" and shows the number as
it will print once the family leaves the field; an A-number field takes `A-123-456-789`,
`123456789` or 8 digits; a date field takes a typed date or one picked from a calendar.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from planner.formats import canonical_a_number, canonical_phone, display_a_number, display_phone

_US_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
MIN_CHOICE_CHARACTERS = 12
"""A choice list is never narrower than this many characters, however tight the row."""


class TextField(QLineEdit):
    """One line of text; `edited` fires when the person leaves the field having changed it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.editingFinished.connect(self._finish)

    def set_value(self, text: str) -> None:
        self._loaded = text
        self.setText(text)

    def value(self) -> str:
        return self.text().strip()

    def _finish(self) -> None:
        if self.text() != self._loaded:
            self._loaded = self.text()
            self.edited.emit()


class PhoneField(TextField):
    """Any format in; E.164 stored; shown as it prints (national at home, international abroad)."""

    def set_value(self, text: str) -> None:
        super().set_value(display_phone(text))

    def value(self) -> str:
        return canonical_phone(self.text().strip())

    def _finish(self) -> None:
        shown = display_phone(self.value())
        if shown != self.text():
            self.setText(shown)
        super()._finish()


class ANumberField(TextField):
    """`A-123-456-789`, `A12345678` or `123456789` in; 9 digits stored; shown as on a notice."""

    def set_value(self, text: str) -> None:
        super().set_value(display_a_number(text))

    def value(self) -> str:
        return canonical_a_number(self.text().strip())

    def _finish(self) -> None:
        shown = display_a_number(self.value())
        if shown != self.text():
            self.setText(shown)
        super()._finish()


def parse_typed_date(text: str, language: str) -> date | None:
    """`2019-04-23` always; `04/23/2019` in English, `23/04/2019` in Spanish. None if not a date."""
    try:
        if match := _ISO_DATE.match(text):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _US_DATE.match(text):
            first, second, year = (int(g) for g in match.groups())
            month, day = (second, first) if language == "es" else (first, second)
            return date(year, month, day)
    except ValueError:
        return None
    return None


class DateField(QWidget):
    """A date typed (year-month-day, or month/day/year in English, day/month/year in Spanish) or
    picked from a calendar. An empty field means "not recorded"."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.line = TextField(self)
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.line.edited.connect(self.edited)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so its label's Alt+letter reaches it

    def set_value(self, day: date | None) -> None:
        self.line.set_value(day.isoformat() if day else "")
        if day:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def is_valid(self) -> bool:
        text = self.line.text().strip()
        return not text or parse_typed_date(text, self.language) is not None

    def value(self) -> date | None:
        return parse_typed_date(self.line.text(), self.language)

    def _picked(self, picked: QDate) -> None:
        self.line.setText(date(picked.year(), picked.month(), picked.day()).isoformat())
        self.button.menu().hide()
        self.line._finish()


class NotesField(QPlainTextEdit):
    """Several lines of text; `edited` fires when focus leaves after a change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.setTabChangesFocus(True)
        self.setMinimumHeight(60)
        self.setMaximumHeight(110)

    def set_value(self, text: str) -> None:
        self._loaded = text
        self.setPlainText(text)

    def value(self) -> str:
        return self.toPlainText().strip()

    def focusOutEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)  # type: ignore[arg-type]
        if self.toPlainText() != self._loaded:
            self._loaded = self.toPlainText()
            self.edited.emit()


class ChoiceField(QComboBox):
    """A choice among values, each shown by its label; `edited` fires on the person's choice."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Sized by the layout, not by the longest choice: a long name (or a long translation)
        # would otherwise widen the whole page past the window. The open list shows it in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(MIN_CHOICE_CHARACTERS)
        self.activated.connect(lambda _: self.edited.emit())

    def set_choices(self, choices: list[tuple[str, str]], current: str | None = None) -> None:
        """(value, label) pairs; keeps the selected value when relabelled (language switch)."""
        keep = self.value() if current is None else current
        self.blockSignals(True)
        self.clear()
        for value, label in choices:
            self.addItem(label, value)
        index = self.findData(keep)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def set_value(self, value: str | None) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))

    def value(self) -> str | None:
        data = self.currentData()
        return None if data in (None, "") else str(data)


class YesNoField(QCheckBox):
    """A yes/no question; `edited` fires when toggled by the person."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(lambda _: self.edited.emit())

    def set_value(self, value: bool | None) -> None:
        self.setChecked(bool(value))

    def value(self) -> bool:
        return self.isChecked()


class Field(QWidget):
    """A label, its editor, an optional line saying why it is asked, and where its problem shows.

    The problem line is read by screen readers (it is the editor's accessible description) and
    appears as the person leaves the field, in the interface's language.
    """

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel(self)
        self.label.setBuddy(editor)
        self.label.setWordWrap(True)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setObjectName("why")
        self.why.hide()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.why)
        layout.addWidget(editor)
        layout.addWidget(self.problem)

    def set_texts(self, label: str, why: str = "") -> None:
        """The label (& before its mnemonic letter) and, for sensitive questions, why we ask."""
        self.label.setText(label)
        self.editor.setAccessibleName(label.replace("&", ""))
        self.why.setText(why)
        self.why.setVisible(bool(why))

    def set_problem(self, message: str, is_error: bool = True) -> None:
        self.problem.setText(message)
        self.problem.setProperty("severity", "error" if is_error else "warning")
        self.problem.style().unpolish(self.problem)
        self.problem.style().polish(self.problem)
        self.problem.setVisible(bool(message))
        self.editor.setAccessibleDescription(message)
