"""Doing what a person does at the keyboard, for the page tests: focus, type over, leave with Tab;
and checking that each Alt+letter on a page reaches one thing."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from ui.wizard import WizardWindow

Page = TypeVar("Page", bound=QWidget)


def open_section(window: WizardWindow, section_id: SectionId, page_type: type[Page]) -> Page:
    """Go to a section through the sidebar, as a navigator does, and return its page."""
    window.sidebar.setCurrentRow(ORDER.index(section_id))
    page = window.pages[section_id]
    assert isinstance(page, page_type)
    return page


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person does. QTest can only press ASCII keys, so accented and other letters
    arrive as an input method (a Spanish or Vietnamese keyboard layout) delivers them."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
        else:
            event = QInputMethodEvent()
            event.setCommitString(character)
            QApplication.sendEvent(widget, event)


def type_and_tab(qtbot: QtBot, text: str) -> None:
    """Type into whatever has focus, then Tab on."""
    widget = QApplication.focusWidget()
    assert widget is not None
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def retype(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Select what the field holds, type over it (ASCII only: QTest types no accents) and leave
    with Tab."""
    focus(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def mnemonic(text: str) -> str | None:
    if text.startswith("<") or "&" not in text.replace("&&", ""):
        return None
    return text[text.replace("&&", "  ").index("&") + 1].casefold()


def assert_unique_mnemonics(window: WizardWindow, page: QWidget, shared: list[QWidget]) -> None:
    """No Alt+letter of the page's own labels and buttons is used twice, or by the window's
    buttons or the `shared` widgets (list buttons whose words are not the page's)."""
    common = [window.back, window.next, window.language_label, *shared]
    taken = {m for w in common if (m := mnemonic(w.text()))}  # type: ignore[attr-defined]
    mine: list[str] = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if widget in common or not widget.isVisibleTo(page):
            continue
        if (letter := mnemonic(widget.text())) is not None:
            mine.append(letter)
    repeated = {letter for letter in mine if mine.count(letter) > 1 or letter in taken}
    assert not repeated, repeated
