"""Field widgets that accept what people type and show, beside the field, what is wrong with it.

A phone ("(213) 555-0143", "+502 5555 1234") or A-number field shows the value as it will print
once the family leaves the field. A text field notes, as the family types, a character no font in
the papers has (an emoji, most Chinese characters): it would print as an empty box. Typing goes
on; the note is a warning.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QDate, QEvent, QPoint, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QShowEvent
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
from ui.i18n import shared_words

_US_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_NOT_DRAWN = frozenset("\u200c\u200d\ufe0e\ufe0f")
"""Joiners and variation selectors: they change how the character before them looks, and print
as nothing themselves."""
_covered: dict[str, bool] = {}


def unprintable_characters(text: str, *, read_fonts: bool = True) -> str:
    """The characters of `text` that no font in the papers has, each once, in the order typed.

    The fonts are read (reportlab, a tenth of a second) the first time a character beyond ASCII
    is checked. With `read_fonts=False` (a value loaded, not typed: building a page ahead must
    stay quick) a text is only checked once they have been read, and passes until then.
    """
    found: list[str] = []
    for character in unicodedata.normalize("NFC", text):
        invisible = unicodedata.category(character) in ("Cc", "Cf")  # control and format
        if character.isascii() or character.isspace() or invisible or character in _NOT_DRAWN:
            continue
        if character not in _covered:
            if not read_fonts and "forms.kit" not in sys.modules:
                return ""
            from forms.kit import font_covers  # reportlab: only once someone types beyond ASCII

            _covered[character] = font_covers(character)
        if not _covered[character] and character not in found:
            found.append(character)
    return "".join(found)


def note(text: str = "", name: str = "why", severity: str | None = None) -> QLabel:
    """A wrapped label that the style sheet finds by its object name (and, for a problem, its
    `severity`); without text it starts hidden (`show_note` shows it)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName(name)
    if severity is not None:
        label.setProperty("severity", severity)
    if not text:
        label.hide()
    return label


def show_note(label: QLabel, text: str, severity: str | None = None) -> None:
    """The note's text, shown only when there is one. A new severity needs the label polished
    again: a style sheet reads a property only when it polishes the widget."""
    label.setText(text)
    label.setVisible(bool(text))
    if severity is not None:
        label.setProperty("severity", severity)
        label.style().unpolish(label)
        label.style().polish(label)


def plain(text: str) -> str:
    """A label's text without its mnemonic marker, for accessible names."""
    return text.replace("&", "")


if TYPE_CHECKING:
    _FieldBase = QWidget
else:
    # At run time the mixin stays a plain class: the field's own Qt class comes after it.
    _FieldBase = object


class PrintCheck(_FieldBase):
    """For a text field: `edited` once the person leaves it changed; notes the characters typed
    that no font can print (`unprintable`, announced by the field's `unprintable_changed`), in the
    interface's current language.

    Mixed in before a QWidget subclass; mypy sees it as a QWidget so `super().changeEvent`
    is checked against Qt's own."""

    unprintable = ""
    _loaded = ""
    edited: ClassVar[Signal]
    unprintable_changed: ClassVar[Signal]

    def _left(self, text: str) -> None:
        if text != self._loaded:
            self._loaded = text
            self.edited.emit()

    def unprintable_warning(self) -> str:
        """The note beside the field, in the interface's language ("" if none)."""
        if not self.unprintable:
            return ""
        return shared_words("field.unprintable", characters=" ".join(self.unprintable))

    def _check_print(self, text: str, read_fonts: bool = True) -> None:
        found = unprintable_characters(text, read_fonts=read_fonts)
        if found != self.unprintable:
            self.unprintable = found
            self.unprintable_changed.emit(self.unprintable_warning())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.unprintable:
            self.unprintable_changed.emit(self.unprintable_warning())


class TextField(PrintCheck, QLineEdit):
    """One line of text; `edited` fires when the person leaves the field having changed it;
    `unprintable_changed` carries the note on characters that would not print ("" once none)."""

    edited = Signal()
    unprintable_changed = Signal(str)
    formats: ClassVar[tuple[Callable[[str], str], Callable[[str], str]] | None] = None
    """How a value is shown (as it prints: loaded, and as the family leaves the field) and how it
    is stored; None: as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self._finish)
        self.textEdited.connect(self._check_print)

    def set_value(self, text: str) -> None:
        shown = self.formats[0](text) if self.formats else text
        self._loaded = shown
        self.setText(shown)
        self._check_print(shown, read_fonts=False)

    def value(self) -> str:
        text = self.text().strip()
        return self.formats[1](text) if self.formats else text

    def _finish(self) -> None:
        if self.formats and (shown := self.formats[0](self.value())) != self.text():
            self.setText(shown)
        self._left(self.text())


class PhoneField(TextField):
    """Any format in; E.164 stored; shown as it prints (national at home, international abroad)."""

    formats = (display_phone, canonical_phone)


class ANumberField(TextField):
    """`A-123-456-789`, `A12345678` or `123456789` in; 9 digits stored; shown as on a notice."""

    formats = (display_a_number, canonical_a_number)


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


def place_popup(size: QSize, field: QRect, window: QRect, screen: QRect) -> QRect:
    """Where a popup of `size` opens for a field at `field` (global coordinates): under the field
    (above it if there is no room below), inside the window when it fits there, and always
    inside the screen's available area (without the task bar)."""
    bounds = window.intersected(screen)
    if size.width() > bounds.width() or size.height() > bounds.height():
        bounds = screen
    x, y = field.left(), field.bottom() + 1
    if y + size.height() > bounds.bottom() + 1 and field.top() - size.height() >= bounds.top():
        y = field.top() - size.height()
    x = max(bounds.left(), min(x, bounds.right() + 1 - size.width()))
    y = max(bounds.top(), min(y, bounds.bottom() + 1 - size.height()))
    return QRect(QPoint(x, y), size)


class CalendarPopup(QMenu):
    """The date field's calendar, placed by `place_popup` as it opens: Qt's own placement keeps
    it on the screen, but lets it hang past the edge of the window."""

    def __init__(self, field: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        field = QRect(self.field.mapToGlobal(QPoint(0, 0)), self.field.size())
        window = self.field.window().geometry()
        screen = self.field.screen().availableGeometry()
        self.setGeometry(place_popup(self.size(), field, window, screen))


class DateField(QWidget):
    """A date typed (as `parse_typed_date` reads it) or picked from a calendar; empty means "not
    recorded". The calendar names months and days in the interface's language: it follows the
    application's locale, which `ui.i18n` sets."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.line = TextField(self)
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar: QCalendarWidget | None = None
        self.popup = CalendarPopup(self, self.button)
        self.popup.aboutToShow.connect(self._open_on_typed_date)
        self.button.setMenu(self.popup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.line.edited.connect(self.edited)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so its label's Alt+letter reaches it

    @property
    def calendar(self) -> QCalendarWidget:
        """Made when first needed: a page has many date fields, and a calendar costs several
        milliseconds to build, which the pages built ahead would pay all at once."""
        if self._calendar is None:
            calendar = QCalendarWidget()
            # Week numbers mean nothing to the family; without them the calendar is narrower.
            calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            action = QWidgetAction(self.popup)
            action.setDefaultWidget(calendar)
            self.popup.addAction(action)
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)  # Enter, for the keyboard
            self._calendar = calendar
        return self._calendar

    def set_value(self, day: date | None) -> None:
        self.line.set_value(day.isoformat() if day else "")

    def is_valid(self) -> bool:
        text = self.line.text().strip()
        return not text or parse_typed_date(text, self.language) is not None

    def value(self) -> date | None:
        return parse_typed_date(self.line.text(), self.language)

    def _open_on_typed_date(self) -> None:
        """The typed date selected and its month shown; today's month when none is typed."""
        typed = self.value()
        shown = QDate(typed.year, typed.month, typed.day) if typed else QDate.currentDate()
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())

    def _picked(self, picked: QDate) -> None:
        self.line.setText(date(picked.year(), picked.month(), picked.day()).isoformat())
        self.popup.hide()
        self.line._finish()


class NotesField(PrintCheck, QPlainTextEdit):
    """Several lines of text; `edited` fires when focus leaves after a change;
    `unprintable_changed` as for `TextField`."""

    edited = Signal()
    unprintable_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(60)
        self.setMaximumHeight(110)
        self.textChanged.connect(lambda: self._check_print(self.typed()))

    def typed(self) -> str:
        """The text exactly as typed, but Unicode's line and paragraph separators (Qt keeps a
        new paragraph as one, Shift+Enter types the other) become line breaks. Qt's own
        `toPlainText` also turns a no-break space into a plain one, which would change a name or
        an address the family wrote with one."""
        raw = self.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def set_value(self, text: str) -> None:
        self._loaded = text
        with QSignalBlocker(self):  # a loaded value is checked without reading the fonts
            self.setPlainText(text)
        self._check_print(text, read_fonts=False)

    def value(self) -> str:
        return self.typed().strip()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self._left(self.typed())


class ChoiceField(QComboBox):
    """A choice among values, each shown by its label; `edited` fires on the person's choice."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Sized by the layout, not by the longest choice: a long name (or a long translation)
        # would otherwise widen the whole page past the window. The open list shows it in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)  # never narrower, however tight the row
        self.activated.connect(lambda _: self.edited.emit())

    def set_choices(self, choices: list[tuple[str, str]], current: str | None = None) -> None:
        """(value, label) pairs; keeps the selected value when relabelled (language switch)."""
        keep = self.value() if current is None else current
        with QSignalBlocker(self):
            self.clear()
            for value, label in choices:
                self.addItem(label, value)
            self.set_value(keep)

    def set_value(self, value: str | None) -> None:
        self.setCurrentIndex(max(self.findData(value), 0))

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
        self.why = note()
        self.problem = note(name="problem")
        # Characters that would not print: the editor's own warning, kept apart from the problem
        # line, which the page rewrites after every check.
        self.print_note = note(name="problem", severity="warning")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        for widget in (self.label, self.why, editor, self.problem, self.print_note):
            layout.addWidget(widget)
        for label in (self.problem, self.print_note):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if isinstance(editor, TextField | NotesField):
            editor.unprintable_changed.connect(self._show_print_note)

    def set_texts(self, label: str, why: str = "") -> None:
        """The label (& before its mnemonic letter) and, for sensitive questions, why we ask."""
        self.label.setText(label)
        self.editor.setAccessibleName(plain(label))
        show_note(self.why, why)

    def set_problem(self, message: str, is_error: bool = True) -> None:
        show_note(self.problem, message, "error" if is_error else "warning")
        self._describe()

    def _show_print_note(self, message: str) -> None:
        show_note(self.print_note, message)
        self._describe()

    def _describe(self) -> None:
        """Screen readers hear the problem, then the note on characters that would not print."""
        notes = (self.problem.text(), self.print_note.text())
        self.editor.setAccessibleDescription(" ".join(note for note in notes if note))
