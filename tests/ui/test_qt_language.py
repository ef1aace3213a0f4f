"""Qt's own words follow the interface: in Spanish, calendars name the months in Spanish and the
standard buttons of message boxes and file dialogs say "Cancelar"; back in English, English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import open_section
from ui.app import make_application
from ui.i18n import Words, qt_locale, use_qt_language
from ui.pages.household import HouseholdPage


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Qt's language is the application's: leave it in English for the tests that follow."""
    make_application([])
    yield
    use_qt_language("en")


def month_shown(calendar: QCalendarWidget) -> str:
    button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert button is not None
    return button.text()


def cancel_text(buttons: QDialogButtonBox) -> str:
    button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button.text()


def message_box_cancel() -> str:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Delete",
        "Delete the household?",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    )
    button = box.button(QMessageBox.StandardButton.Cancel)
    assert button is not None
    text = button.text()
    box.deleteLater()
    return text


def file_dialog(qtbot: QtBot) -> QFileDialog:
    """Qt's own file dialog (the one offscreen, and where the desktop offers none)."""
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_spanish_interface_gives_spanish_calendars_buttons_and_file_dialogs(qtbot: QtBot) -> None:
    Words("es")
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setCurrentPage(2019, 4)
    assert month_shown(calendar) == "abril"
    assert QLocale().language() == QLocale.Language.Spanish
    assert QLocale().territory() == QLocale.Country.UnitedStates  # US dates and numbers
    assert message_box_cancel() == "Cancelar"
    dialog = file_dialog(qtbot)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert cancel_text(buttons) == "Cancelar"


def test_switching_back_to_english_restores_english_live(qtbot: QtBot) -> None:
    words = Words("es")
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setCurrentPage(2019, 4)
    calendar.show()
    dialog = file_dialog(qtbot)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert (month_shown(calendar), cancel_text(buttons)) == ("abril", "Cancelar")

    words.set_language("en")

    assert month_shown(calendar) == "April"  # the calendar already on screen follows at once
    assert message_box_cancel() == "Cancel"
    qtbot.waitUntil(lambda: cancel_text(buttons) == "Cancel")  # Qt's own dialogs retranslate
    assert QLocale() == qt_locale("en")

    words.set_language("es")
    assert month_shown(calendar) == "abril"
    assert message_box_cancel() == "Cancelar"


def test_pseudo_locale_leaves_qt_in_english(qtbot: QtBot) -> None:
    words = Words("es")
    words.set_language("pseudo")
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2019, 4, 23))
    assert month_shown(calendar) == "April"
    assert message_box_cancel() == "Cancel"


def test_the_windows_language_switch_reaches_its_date_calendars(make_window: WindowMaker) -> None:
    window = make_window(language="es")
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    calendar = page.list_of("adults").form.answers["date_of_birth"].editor.calendar
    calendar.setCurrentPage(2019, 4)
    assert month_shown(calendar) == "abril"
    assert message_box_cancel() == "Cancelar"

    window.language.setCurrentIndex(window.language.findData("en"))
    window.language.activated.emit(window.language.currentIndex())

    assert window.words.language == "en"
    assert month_shown(calendar) == "April"
    assert message_box_cancel() == "Cancel"
