"""Every control a person can reach with Tab has a name a screen reader speaks: its accessible
name, or the label that is its buddy. Walked on every page, in English and in Spanish, with the
large example loaded (so every list has a selected entry and every form its fields)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from planner.flow import ORDER
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker


def buddies(root: QWidget) -> dict[int, str]:
    """Widget id → the text of the label whose buddy it is."""
    found: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().replace("&", "").strip():
            found[id(buddy)] = label.text()
    return found


def spoken_name(widget: QWidget, labels: dict[int, str]) -> str:
    name = widget.accessibleName() or labels.get(id(widget), "")
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text()  # a button's own words are its name
    return name.replace("&", "").strip()


def focusable(root: QWidget) -> list[QWidget]:
    """What Tab stops at: enabled or not (a disabled button is read out too), shown on the page,
    taking focus by Tab, and not handing its focus to another widget."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.isVisibleTo(root)
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and not widget.inherits("QScrollArea")  # the page's scroller: its content is walked
        and not isinstance(widget.parentWidget(), QApplication)
        and not (widget.parentWidget() is not None and widget.parentWidget().inherits("QComboBox"))
    ]


def nameless(root: QWidget) -> list[str]:
    labels = buddies(root)
    missing = []
    for widget in focusable(root):
        name = spoken_name(widget, labels)
        if not any(character.isalnum() for character in name):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} text={name!r}")
    return missing


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_focusable_control_on_every_page_has_a_name(
    make_window: WindowMaker, language: str
) -> None:
    window = make_window(example_plan("large-tx.json"), language=language)
    missing: dict[str, list[str]] = {}
    for section_id in ORDER:
        window.show_section(section_id)
        page = window.pages[section_id]
        if found := nameless(page):
            missing[section_id.value] = found
    window.show_section(ORDER[0])
    frame = [
        w for w in focusable(window) if not any(p.isAncestorOf(w) for p in window.pages.built())
    ]
    labels = buddies(window)
    if found := [type(w).__name__ for w in frame if not spoken_name(w, labels)]:
        missing["window"] = found
    assert not missing, missing


def test_a_new_plan_has_named_controls_too(make_window: WindowMaker) -> None:
    """An empty plan shows other things (a hint to add the first child, no selected entry)."""
    window = make_window()
    missing = {}
    for section_id in ORDER:
        window.show_section(section_id)
        if found := nameless(window.pages[section_id]):
            missing[section_id.value] = found
    assert not missing, missing
