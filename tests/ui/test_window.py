"""The window's frame: navigation, the sidebar's states, language switching, text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.widgets import Field
from ui.wizard import WizardWindow


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


def assert_beside(field: Field) -> None:
    """The problem shows right under its own editor, in the same column, not somewhere else on
    the page, and a screen reader hears it with the field."""
    editor, problem = field.editor, field.problem
    assert problem.isVisible() and problem.text()
    assert problem.parentWidget() is field
    below = problem.geometry().top() - editor.geometry().bottom()
    assert 0 < below <= 12, below
    assert problem.geometry().left() == editor.geometry().left()
    assert problem.width() >= editor.width() // 2
    assert editor.accessibleDescription() == problem.text()


def test_a_problem_appears_beside_its_field_in_english_and_in_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = window.pages[SectionId.WELCOME]
    name = page.fields["household.display_name"]
    others = [f for path, f in page.fields.items() if path != "household.display_name"]
    assert not name.problem.isVisible()
    name.editor.setFocus()
    qtbot.waitUntil(name.editor.hasFocus)
    qtbot.keyClicks(name.editor, " ")
    assert not name.problem.isVisible()  # not while typing: as the field is left
    qtbot.keyClick(name.editor, Qt.Key.Key_Tab)
    assert name.problem.text() == "Give this plan a name, such as the family's last name."
    assert_beside(name)
    assert not any(f.problem.isVisible() for f in others)
    window.words.set_language("es")
    assert name.problem.text() == "Póngale un nombre a este plan, como el apellido de la familia."
    assert_beside(name)


def test_a_family_working_in_spanish_reads_the_problem_in_spanish_beside_the_field(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(language="es")
    window.show_section(SectionId.HOUSEHOLD)
    page = window.pages[SectionId.HOUSEHOLD]
    field = page.fields["household.home_phone"]
    field.editor.setFocus()
    qtbot.waitUntil(field.editor.hasFocus)
    qtbot.keyClicks(field.editor, "555-01")
    qtbot.keyClick(field.editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(field.problem.isVisible)
    assert_beside(field)
    spanish = field.problem.text()
    assert spanish.startswith("Este no es un número de teléfono que se pueda marcar.")
    assert spanish == problem_text("household.home_phone", window, "es")
    window.words.set_language("en")
    assert field.problem.text() == problem_text("household.home_phone", window, "en")
    assert field.problem.text().startswith("This is not a phone number that can be dialled.")
    assert_beside(field)


def problem_text(path: str, window: WizardWindow, language: str) -> str:
    """The checker's own words for the field's problem, in a language."""
    (problem,) = [p for p in window.session.problems() if p.path == path]
    return problem.message(language)


def answers_shown(root: QWidget, skip: tuple[QWidget, ...]) -> list[tuple[str, object]]:
    """What every editor on a page shows: typed text, chosen values, ticks, selected rows."""
    shown: list[tuple[str, object]] = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():  # a drop-down's list, a calendar's menu
            continue
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        name = type(widget).__name__
        if isinstance(widget, QLineEdit):
            shown.append((name, widget.text()))
        elif isinstance(widget, QPlainTextEdit):
            shown.append((name, widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            shown.append((name, widget.currentData()))
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            shown.append((name, widget.isChecked()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            checks = [
                model.data(model.index(row, 0), Qt.ItemDataRole.CheckStateRole)
                for row in range(model.rowCount())
            ]
            shown.append((name, (widget.currentIndex().row(), model.rowCount(), checks)))
    return shown


def test_switching_language_on_every_section_keeps_every_answer(make_window: WindowMaker) -> None:
    """On each section in turn, English → Spanish → English: every field shows what it showed,
    and the plan is still the large example, to the last field."""
    plan = example_plan("large-tx.json")
    window = make_window(plan)
    switches = seen = 0
    for section_id in ORDER:
        window.show_section(section_id)
        page = window.pages[section_id]
        skip = (page.fields["interface.language"].editor,) if section_id is ORDER[0] else ()
        english = answers_shown(page, skip)
        assert english, section_id
        seen += len(english)
        for language, next_label in (("es", "&Siguiente"), ("en", "&Next")):
            window.language.setCurrentIndex(window.language.findData(language))
            window.language.activated.emit(window.language.currentIndex())
            switches += 1
            assert window.words.language == language
            assert window.next.text() == next_label
            assert window.current is section_id
            if language == "es":
                assert answers_shown(page, skip) == english, section_id
        assert answers_shown(page, skip) == english, section_id
        assert window.session.plan == example_plan("large-tx.json"), section_id
    assert switches == 2 * len(ORDER)
    assert seen > 150  # every field of the two parents, five children, five contacts …


def test_what_is_being_typed_survives_a_switch_by_keyboard(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    """A parent half-way through a field presses Alt+L and chooses Español: the words typed so
    far stay in the field, reach the plan, and the page now speaks Spanish."""
    window = make_window(example_plan("large-tx.json"))
    window.show_section(SectionId.HOUSEHOLD)
    page = window.pages[SectionId.HOUSEHOLD]
    city = page.fields["household.address.city"].editor
    assert isinstance(city, QLineEdit)
    city.setFocus()
    qtbot.waitUntil(city.hasFocus)
    city.selectAll()
    qtbot.keyClicks(city, "Pasadena")  # not left yet
    qtbot.keyClick(city, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert window.language.hasFocus()
    qtbot.keyClicks(window.language, "Es")
    assert window.words.language == "es"
    assert city.text() == "Pasadena"
    assert window.session.plan.household.address.city == "Pasadena"
    assert page.fields["household.address.city"].label.text() == "Ciudad"
    expected = example_plan("large-tx.json")
    expected.household.address.city = "Pasadena"
    assert window.session.plan == expected


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


def test_text_size_reaches_every_page_built_or_not_and_survives_a_language_switch(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    """The application's style sheet must not pin the fonts of widgets already shown."""
    from PySide6.QtWidgets import QApplication

    window = make_window(example_plan("large-tx.json"))
    start = QApplication.font().pointSize()
    window.show_section(SectionId.HOUSEHOLD)
    city = window.pages[SectionId.HOUSEHOLD].fields["household.address.city"]
    assert window.pages.get_built(SectionId.MONEY) is None

    def sizes() -> set[int]:
        widgets = [window.back, window.next, window.sidebar, window.language, city.label]
        for section_id in ORDER:
            page = window.pages.get_built(section_id)
            if page is not None:
                widgets.extend(page.findChildren(QLineEdit))
                widgets.extend(page.findChildren(QAbstractButton))
        return {widget.font().pointSize() for widget in widgets}

    try:
        for _ in range(3):
            window.bigger.trigger()
        qtbot.waitUntil(lambda: sizes() == {start + 3})  # the new font arrives by posted events
        window.show_section(SectionId.MONEY)  # built after the change
        assert sizes() == {start + 3}
        window.words.set_language("es")
        window.show_section(SectionId.PAPERS)
        qtbot.wait(50)
        assert sizes() == {start + 3}
    finally:
        for _ in range(3):
            window.smaller.trigger()
    qtbot.waitUntil(lambda: sizes() == {start})


def test_titles_stand_out_from_the_text_at_every_size(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    """A section's title is half as large again as its text, its help a little smaller, on
    pages built before and after Larger text, so the page keeps its shape at every size."""
    from PySide6.QtWidgets import QApplication

    window = make_window(example_plan("large-tx.json"))
    window.show_section(SectionId.HOUSEHOLD)

    def ratios(section_id: SectionId) -> tuple[float, float]:
        page = window.pages[section_id]
        text = QApplication.font().pointSizeF()
        helps = [label for label in page.findChildren(QLabel) if label.objectName() == "why"]
        assert helps
        return page.title.font().pointSizeF() / text, helps[0].font().pointSizeF() / text

    assert ratios(SectionId.HOUSEHOLD) == pytest.approx((1.5, 0.9))
    try:
        for _ in range(4):
            window.bigger.trigger()
        qtbot.waitUntil(lambda: ratios(SectionId.HOUSEHOLD) == pytest.approx((1.5, 0.9)))
        window.show_section(SectionId.ATTORNEY)  # built after the change
        assert ratios(SectionId.ATTORNEY) == pytest.approx((1.5, 0.9))
    finally:
        for _ in range(4):
            window.smaller.trigger()
    qtbot.waitUntil(lambda: ratios(SectionId.ATTORNEY) == pytest.approx((1.5, 0.9)))


def test_no_section_is_wider_than_a_small_laptop_in_the_longest_words(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    """1366×768 at 125% leaves 1093×614 points; long names and long translations (pseudo) wrap
    or shorten instead of pushing the page past the window (choice lists did)."""
    window = make_window(example_plan("large-tx.json"), language="pseudo")
    window.resize(1093, 614)
    for section_id in ORDER:
        window.show_section(section_id)
        page = window.pages[section_id]
        qtbot.waitUntil(lambda page=page: page.scroll_area.viewport().width() > 0)
        qtbot.wait(10)
        assert page.scroll_area.horizontalScrollBar().maximum() == 0, section_id


def test_the_language_chosen_on_welcome_shows_in_the_toolbar_and_back(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    """The toolbar still said "Idioma: English" after the parent chose Español on Welcome."""
    from planner.flow import SectionId

    window = make_window()
    welcome = window.pages[SectionId.WELCOME]
    welcome.language.setFocus()
    qtbot.waitUntil(welcome.language.hasFocus)
    qtbot.keyClick(welcome.language, Qt.Key.Key_Down)
    assert window.words.language == "es"
    assert window.language.currentText() == "Español"
    window.language.setCurrentIndex(window.language.findData("en"))
    window.language.activated.emit(window.language.currentIndex())
    assert window.words.language == "en"
    assert welcome.language.currentText() == "English"
