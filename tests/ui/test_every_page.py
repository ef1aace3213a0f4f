"""What every section page owes a family, checked on each of them: visiting every entry and
switching the language changes nothing in the plan, no catalogue key shows instead of words, and
no Alt+letter is used twice on a page, in English, Spanish and the pseudo-locale."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from planner.flow import ORDER, SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import assert_unique_mnemonics
from ui.list_editor import ListEditor
from ui.wizard import WizardWindow

EXAMPLES = ("large-tx.json", "mixed-names-ny.json", "small-ca.json")
LANGUAGES = ("en", "es", "pseudo")
"""The pseudo-locale keeps English's Alt letters: only the words are checked there."""


def show(window: WizardWindow, section_id: SectionId) -> QWidget:
    window.show_section(section_id)
    page = window.pages[section_id]
    assert isinstance(page, QWidget)
    return page


def list_editors(page: QWidget) -> list[ListEditor]:
    return [found for found in page.findChildren(ListEditor) if found.isVisibleTo(page)]


def visit_every_entry(page: QWidget) -> None:
    """Select each entry of each list on the page, as if the family left a field in each."""
    for editor in list_editors(page):
        for row in range(editor.items.count()):
            editor.items.setCurrentRow(row)
            page.edited.emit()  # type: ignore[attr-defined]


def shown_words(page: QWidget) -> list[str]:
    labels = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    buttons = [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    return [text for text in labels + buttons if text]


@pytest.mark.parametrize("section_id", ORDER, ids=[s.value for s in ORDER])
def test_visiting_every_entry_and_switching_language_changes_nothing(
    make_window: WindowMaker, section_id: SectionId
) -> None:
    window = make_window(language="es")
    for name in EXAMPLES:
        window.words.set_language("es")
        window.session.replace(example_plan(name), household_id=name)
        page = show(window, section_id)
        visit_every_entry(page)
        window.words.set_language("pseudo")
        visit_every_entry(page)
        if section_id is not ORDER[-1]:
            window.go_next()
            window.go_back()
        assert window.session.plan == example_plan(name), name


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section_id", ORDER, ids=[s.value for s in ORDER])
def test_words_not_keys_and_no_alt_letter_twice(
    make_window: WindowMaker, section_id: SectionId, language: str
) -> None:
    window = make_window(example_plan("large-tx.json"), language=language)
    page = show(window, section_id)
    keys = [
        t for t in shown_words(page) if t.split(".")[0].isidentifier() and "." in t and " " not in t
    ]
    assert keys == [], keys
    if language == "pseudo":
        return
    shared: list[QWidget] = []  # a list's buttons: Alt+letter cycles among them, list by list
    for editor in list_editors(page):
        shared += [editor.add, editor.remove, editor.up, editor.down]
    assert_unique_mnemonics(window, page, shared)
