"""The field the keyboard is in is on screen: "Add parent" once put the cursor in a field below
the window's edge, where a parent typed without seeing it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.pages.household import HouseholdPage


def on_screen(page: HouseholdPage, widget: QWidget) -> bool:
    viewport = page.scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return top_left.y() >= 0 and top_left.y() + widget.height() <= viewport.height()


def test_adding_a_parent_brings_the_field_being_typed_in_on_screen(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    window.resize(1093, 614)  # a small laptop at 125 %
    window.show_section(SectionId.HOUSEHOLD)
    page = window.pages[SectionId.HOUSEHOLD]
    assert isinstance(page, HouseholdPage)
    page.scroll_area.verticalScrollBar().setValue(0)
    add = page.list_of("adults").editor.add
    add.setFocus()
    qtbot.waitUntil(add.hasFocus)
    qtbot.keyClick(add, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QWidget))
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused)
    qtbot.waitUntil(lambda: on_screen(page, focused))
