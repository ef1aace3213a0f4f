"""The window's frame: navigation, the sidebar's states, language switching, text size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker


def test_next_and_back_walk_the_sections_in_order(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window()
    for expected in ORDER[1:]:
        qtbot.mouseClick(window.next, Qt.MouseButton.LeftButton)
        assert window.current is expected
    assert not window.next.isEnabled()
    qtbot.mouseClick(window.back, Qt.MouseButton.LeftButton)
    assert window.current is ORDER[-2]


def test_the_sidebar_jumps_anywhere(make_window: WindowMaker) -> None:
    window = make_window()
    window.sidebar.setCurrentRow(ORDER.index(SectionId.PAPERS))
    assert window.current is SectionId.PAPERS


def test_a_problem_appears_beside_its_field_in_english_and_in_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = window.pages[SectionId.WELCOME]
    name = page.fields["household.display_name"]
    assert not name.problem.isVisible()
    name.editor.setFocus()
    qtbot.waitUntil(name.editor.hasFocus)
    qtbot.keyClicks(name.editor, " ")
    qtbot.keyClick(name.editor, Qt.Key.Key_Tab)
    assert name.problem.isVisible()
    assert name.problem.text() == "Give this plan a name, such as the family's last name."
    window.words.set_language("es")
    assert name.problem.text() == "Póngale un nombre a este plan, como el apellido de la familia."
    assert name.editor.accessibleDescription() == name.problem.text()


def test_switching_language_keeps_every_answer(make_window: WindowMaker) -> None:
    plan = example_plan("large-tx.json")
    window = make_window(plan)
    page = window.pages[SectionId.WELCOME]
    assert page.fields["household.display_name"].editor.text() == plan.household.display_name
    window.words.set_language("es")
    assert window.next.text() == "&Siguiente"
    assert page.fields["household.display_name"].editor.text() == plan.household.display_name
    assert window.session.plan == example_plan("large-tx.json")


def test_text_size_grows_and_shrinks_within_limits(make_window: WindowMaker) -> None:
    window = make_window()
    from PySide6.QtWidgets import QApplication

    start = QApplication.font().pointSize()
    window.bigger.trigger()
    assert QApplication.font().pointSize() == start + 1
    window.smaller.trigger()
    window.smaller.trigger()
    assert QApplication.font().pointSize() == start - 1
    window.bigger.trigger()
