"""The date field's calendar (opens on the typed date, speaks the interface's language, stays
inside the window and the screen), the note on characters no font in the papers can print, and a
note field that gives back what was typed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from forms.kit import font_covers
from tests.strategies import as_a_note, typed_text
from tests.ui.keyboard import type_text
from ui.app import make_application
from ui.i18n import Words, use_qt_language, words_in
from ui.widgets import DateField, Field, NotesField, TextField, place_popup

UNICORN = "\N{UNICORN FACE}"
HAN = "\N{CJK UNIFIED IDEOGRAPH-4E2D}"
_open_windows: list[QWidget] = []
pytestmark = pytest.mark.qt_log_ignore(
    # An open menu raises itself and takes the keyboard: the offscreen platform cannot, and says so.
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Qt's language is the application's: leave it in English for the tests that follow."""
    make_application([])
    yield
    use_qt_language("en")
    _open_windows.clear()


def window_with(qtbot: QtBot, widget: QWidget, geometry: QRect, *, corner: bool) -> QWidget:
    """A window holding `widget`, in its bottom-right corner or its top-left one."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QGridLayout(window)
    if corner:
        layout.setRowStretch(0, 1)
        layout.setColumnStretch(0, 1)
        layout.addWidget(widget, 1, 1)
    else:
        layout.setRowStretch(1, 1)
        layout.setColumnStretch(1, 1)
        layout.addWidget(widget, 0, 0)
    window.setGeometry(geometry)
    _open_windows.append(window)  # alive until the test ends, whether the test keeps it or not
    window.show()
    qtbot.waitExposed(window)
    return window


@dataclass
class Opened:
    """What the calendar showed while open."""

    geometry: QRect
    selected: QDate
    page: tuple[int, int]
    month: str
    calendar_size: QSize


def open_calendar(qtbot: QtBot, field: DateField) -> Opened:
    """Press the field's calendar button as a person does, look, and close it again."""
    seen: list[Opened] = []

    def look() -> None:
        try:
            calendar = field.calendar
            month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
            seen.append(
                Opened(
                    field.popup.geometry(),
                    calendar.selectedDate(),
                    (calendar.yearShown(), calendar.monthShown()),
                    month.text() if month else "",
                    calendar.size(),
                )
            )
        finally:
            field.popup.hide()

    QTimer.singleShot(0, look)
    field.button.click()  # the menu opens (and waits) until `look` closes it
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


# --- the calendar opens on the typed date ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "typed"),
    [("en", "04/23/2019"), ("es", "23/04/2019"), ("en", "2019-04-23"), ("es", "2019-04-23")],
)
def test_calendar_opens_on_the_typed_date(qtbot: QtBot, language: str, typed: str) -> None:
    Words(language)
    field = DateField()
    field.language = language
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    field.set_value(None)
    field.line.setText(typed)  # typed, not yet left: the model has not seen it

    opened = open_calendar(qtbot, field)

    assert opened.selected == QDate(2019, 4, 23)
    assert opened.page == (2019, 4)


def test_calendar_opens_on_the_date_typed_over_a_loaded_one(qtbot: QtBot) -> None:
    field = DateField()
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    field.set_value(date(2012, 5, 14))
    field.line.setText("2014-02-07")
    assert open_calendar(qtbot, field).page == (2014, 2)


def test_calendar_opens_on_today_without_a_valid_typed_date(qtbot: QtBot) -> None:
    field = DateField()
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    field.set_value(date(2012, 5, 14))  # an earlier person's date
    for typed in ("", "13/45/2019"):
        field.line.setText(typed)
        opened = open_calendar(qtbot, field)
        today = QDate.currentDate()
        assert opened.page == (today.year(), today.month())
        assert opened.selected == today


def test_picking_a_day_fills_the_field_and_closes_the_calendar(qtbot: QtBot) -> None:
    field = DateField()
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    with qtbot.waitSignal(field.edited):
        field.calendar.activated.emit(QDate(2017, 10, 30))  # Enter on a day, from the keyboard
    assert field.line.text() == "2017-10-30"
    assert not field.popup.isVisible()


# --- in the interface's language --------------------------------------------------------------


def day_names(calendar: QCalendarWidget) -> list[str]:
    view = calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    return [model.data(model.index(0, column)) for column in range(model.columnCount())]


def test_calendar_names_months_and_days_in_spanish(qtbot: QtBot) -> None:
    Words("es")
    field = DateField()
    field.language = "es"
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    field.line.setText("23/04/2019")

    opened = open_calendar(qtbot, field)

    spanish = QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates)
    assert opened.month == spanish.standaloneMonthName(4) == "abril"
    names = day_names(field.calendar)
    assert "lun" in names
    sunday_first = (7, 1, 2, 3, 4, 5, 6)  # as calendars in the United States
    assert names == [spanish.dayName(day, QLocale.FormatType.ShortFormat) for day in sunday_first]


def test_calendar_follows_a_language_switch(qtbot: QtBot) -> None:
    words = Words("en")
    field = DateField()
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    field.set_value(date(2019, 4, 23))
    assert open_calendar(qtbot, field).month == "April"
    assert "Mon" in day_names(field.calendar)

    words.set_language("es")
    field.language = "es"  # as the page's label_date does on a switch

    assert open_calendar(qtbot, field).month == "abril"
    assert "lun" in day_names(field.calendar)


# --- inside the window and the screen ------------------------------------------------------------


def test_calendar_is_no_larger_than_it_needs(qtbot: QtBot) -> None:
    field = DateField()
    window_with(qtbot, field, QRect(100, 100, 500, 300), corner=False)
    opened = open_calendar(qtbot, field)
    assert field.calendar.verticalHeaderFormat() == (
        QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader  # no week numbers
    )
    assert opened.calendar_size == field.calendar.sizeHint()
    assert opened.geometry.width() <= opened.calendar_size.width() + 8
    assert opened.geometry.height() <= opened.calendar_size.height() + 8


def test_calendar_opens_under_the_field_when_there_is_room(qtbot: QtBot) -> None:
    field = DateField()
    window = window_with(qtbot, field, QRect(100, 100, 600, 400), corner=False)
    opened = open_calendar(qtbot, field)
    top_left = field.mapToGlobal(QPoint(0, 0))
    assert opened.geometry.topLeft() == QPoint(top_left.x(), top_left.y() + field.height())
    assert window.geometry().contains(opened.geometry)


def test_calendar_of_a_field_in_the_corner_stays_inside_the_window(qtbot: QtBot) -> None:
    """A field at the window's bottom-right edge: Qt alone would let the calendar hang below and
    to the right of the window, or past the screen."""
    field = DateField()
    window = window_with(qtbot, field, QRect(100, 100, 500, 300), corner=True)
    opened = open_calendar(qtbot, field)
    assert window.geometry().contains(opened.geometry)
    assert field.screen().availableGeometry().contains(opened.geometry)
    field_top = field.mapToGlobal(QPoint(0, 0)).y()
    assert opened.geometry.bottom() < field_top  # above the field, not over what is typed


def test_calendar_larger_than_the_window_stays_on_the_screen(qtbot: QtBot) -> None:
    field = DateField()
    screen = QGuiApplication.primaryScreen().availableGeometry()
    small = QRect(screen.right() - 180, screen.bottom() - 60, 160, 40)  # at the screen's corner
    window_with(qtbot, field, small, corner=True)
    opened = open_calendar(qtbot, field)
    assert screen.contains(opened.geometry)


def test_place_popup_prefers_below_then_above_then_keeps_to_the_screen() -> None:
    screen = QRect(0, 0, 1000, 700)
    window = QRect(100, 100, 600, 400)  # x 100..699, y 100..499
    size = QSize(240, 150)
    below = place_popup(size, QRect(200, 150, 160, 24), window, screen)
    assert below == QRect(200, 174, 240, 150)
    above = place_popup(size, QRect(200, 460, 160, 24), window, screen)
    assert above == QRect(200, 310, 240, 150)
    right_edge = place_popup(size, QRect(600, 150, 90, 24), window, screen)
    assert right_edge.right() == window.right()
    too_big_for_window = place_popup(QSize(700, 150), QRect(600, 150, 90, 24), window, screen)
    assert screen.contains(too_big_for_window)
    off_screen_window = QRect(800, 600, 600, 400)
    corner = place_popup(size, QRect(900, 650, 90, 24), off_screen_window, screen)
    assert screen.contains(corner)


# --- characters no font in the papers has --------------------------------------------------------


def test_the_example_characters_are_not_in_the_papers_font() -> None:
    assert not font_covers(UNICORN)
    assert not font_covers(HAN)
    assert all(font_covers(c) for c in "Nguyễn Thị Hồng Łukasz Đặng")


def field_for(qtbot: QtBot, editor: QWidget) -> Field:
    field = Field(editor)
    field.set_texts("&Other names")
    qtbot.addWidget(field)
    _open_windows.append(field)
    field.show()
    qtbot.waitExposed(field)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return field


def test_typing_an_emoji_notes_it_will_not_print_and_typing_goes_on(qtbot: QtBot) -> None:
    Words("en")
    field = field_for(qtbot, TextField())
    editor = field.editor
    assert isinstance(editor, TextField)

    type_text(qtbot, editor, f"Ana {UNICORN} Ruiz")

    assert editor.text() == f"Ana {UNICORN} Ruiz"  # nothing refused or removed
    assert field.print_note.isVisible()
    assert field.print_note.text() == words_in("en", "field.unprintable", characters=UNICORN)
    assert UNICORN in field.print_note.text()
    assert field.print_note.property("severity") == "warning"
    assert editor.accessibleDescription() == field.print_note.text()

    editor.selectAll()  # and typed over
    type_text(qtbot, editor, "Ana Ruiz")
    assert not field.print_note.isVisible()
    assert editor.accessibleDescription() == ""


def test_names_in_latin_vietnamese_or_polish_letters_raise_no_note(qtbot: QtBot) -> None:
    field = field_for(qtbot, TextField())
    type_text(qtbot, field.editor, "Nguyễn Thị Hồng, Łukasz Đặng, Muñoz")
    assert not field.print_note.isVisible()


def test_the_note_is_in_spanish_and_follows_a_language_switch(qtbot: QtBot) -> None:
    words = Words("es")
    field = field_for(qtbot, NotesField())
    type_text(qtbot, field.editor, f"Su abuela {HAN}{UNICORN}{HAN}")

    spanish = words_in("es", "field.unprintable", characters=f"{HAN} {UNICORN}")
    assert field.print_note.text() == spanish
    assert spanish.startswith("Los documentos no pueden imprimir")

    words.set_language("en")
    english = words_in("en", "field.unprintable", characters=f"{HAN} {UNICORN}")
    qtbot.waitUntil(lambda: field.print_note.text() == english)
    assert field.editor.accessibleDescription() == english


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(typed_text, min_size=1, max_size=4))
@example(
    lines=["Calle 5\N{NO-BREAK SPACE}Norte", "a\N{LINE SEPARATOR}b", "c\N{PARAGRAPH SEPARATOR}"]
)
def test_a_note_gives_back_what_was_typed(lines: list[str]) -> None:
    """Qt's own `toPlainText` turns a no-break space into a plain one; a note keeps the family's
    words as they were written, whatever the script and however many lines."""
    make_application([])
    field = NotesField()
    text = "\N{NO-BREAK SPACE}".join(lines) + "\n" + "\n".join(lines)
    field.setPlainText(text)  # as typed or pasted: not `set_value`, which remembers it
    assert field.value() == as_a_note(text)


def test_the_note_stands_beside_the_fields_problem(qtbot: QtBot) -> None:
    Words("en")
    field = field_for(qtbot, TextField())
    type_text(qtbot, field.editor, UNICORN)
    note = field.print_note.text()

    field.set_problem("Write the name as on the passport.")
    assert field.editor.accessibleDescription() == f"Write the name as on the passport. {note}"

    field.set_problem("")  # the page clears problems after every check: the note stays
    assert field.print_note.isVisible()
    assert field.editor.accessibleDescription() == note


def test_a_loaded_value_is_noted_too_and_a_new_one_clears_it(qtbot: QtBot) -> None:
    Words("en")
    field = field_for(qtbot, TextField())
    editor = field.editor
    assert isinstance(editor, TextField)
    editor.set_value(f"Rosa {UNICORN}")  # the fonts are already read in this process
    assert field.print_note.isVisible()
    editor.set_value("Rosa Vargas")
    assert not field.print_note.isVisible()
