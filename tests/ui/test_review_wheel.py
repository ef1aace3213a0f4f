"""The mouse wheel scrolls the Review page even with the pointer over a section's answers: each
section used to take the wheel for itself and trap it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.pages.review import Answers


def test_the_wheel_over_a_sections_answers_scrolls_the_page(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    window.show_section(SectionId.REVIEW)
    page = window.pages[SectionId.REVIEW]
    qtbot.waitUntil(lambda: any(a.isVisible() for a in page.findChildren(Answers)))
    answers = next(a for a in page.findChildren(Answers) if a.isVisible())
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    viewport = answers.viewport()
    centre = QPointF(viewport.rect().center())
    global_centre = QPointF(viewport.mapToGlobal(QPoint(int(centre.x()), int(centre.y()))))
    wheel = QWheelEvent(
        centre, global_centre, QPoint(0, 0), QPoint(0, -240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, wheel)
    assert bar.value() > 0
