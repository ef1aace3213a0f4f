"""A typed answer stops at the length the plan declares for it: a 5,000-character first name
cannot be typed or pasted into the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.model import limit_at
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker


def test_every_one_line_field_stops_at_the_plans_limit(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))  # entries in every list: their fields
    checked = 0
    for section in ORDER:
        window.show_section(section)
        page = window.pages[section]
        for path, field in page.fields.items():
            limit = limit_at(path)
            if isinstance(field.editor, QLineEdit) and limit is not None:
                assert field.editor.maxLength() == limit, path
                checked += 1
    assert checked >= 20
    window.show_section(SectionId.WELCOME)
    name = window.pages[SectionId.WELCOME].fields["household.display_name"].editor
    assert isinstance(name, QLineEdit)
    QApplication.clipboard().setText("Sofía " * 1000)
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    name.paste()
    assert len(name.text()) == 100
    QApplication.clipboard().clear()
