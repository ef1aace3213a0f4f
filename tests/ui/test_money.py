"""The money page: accounts described in words by keyboard, a warning on a full account number in
both languages, money notes, and the list's order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.model import MoneyItem, MoneyKind
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.money import MoneyPage, looks_like_account_number


def item_editor(page: MoneyPage, path: str) -> Any:
    """The editor of the shown entry's answer at `path` (`description`)."""
    return page.list_of("money_and_property").form.answers[path].editor


def test_an_account_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.MONEY, MoneyPage)
    money = page.list_of("money_and_property")
    assert money.empty.isVisible() and not money.detail.isVisible()
    assert money.empty.text().startswith("Nothing is listed yet.")
    qtbot.mouseClick(money.editor.add, Qt.MouseButton.LeftButton)
    kind = page.editor("money_and_property[0].kind")
    qtbot.waitUntil(kind.hasFocus)
    qtbot.keyClicks(kind, "Bank")
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    assert page.editor("money_and_property[0].description").hasFocus()
    type_and_tab(qtbot, "Checking at River Bank, ends 0042")
    assert page.editor("money_and_property[0].who_can_access").hasFocus()
    type_and_tab(qtbot, "Both parents")
    assert page.editor("money_and_property[0].where_papers_are").hasFocus()
    type_and_tab(qtbot, "Kitchen drawer")
    assert page.editor("money_notes").hasFocus()
    type_and_tab(qtbot, "Rent is due on the 1st.")
    plan = window.session.plan
    assert plan.money_and_property == [
        MoneyItem(
            kind=MoneyKind.BANK_ACCOUNT,
            description="Checking at River Bank, ends 0042",
            who_can_access="Both parents",
            where_papers_are="Kitchen drawer",
        )
    ]
    assert plan.money_notes == "Rent is due on the 1st."
    line = "Bank account: Checking at River Bank, ends 0042"
    assert money.editor.items.item(0).text() == line
    assert money.heading.text() == line
    assert not page.fields["money_and_property[0].description"].problem.isVisible()


def test_a_full_account_number_is_warned_about_in_english_and_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.MONEY, MoneyPage)
    qtbot.mouseClick(page.list_of("money_and_property").editor.add, Qt.MouseButton.LeftButton)
    description = page.editor("money_and_property[0].description")
    focus(qtbot, description)
    type_and_tab(qtbot, "Savings 1234 5678 9012")
    field = page.fields["money_and_property[0].description"]
    assert field.problem.isVisible()
    assert field.problem.text().startswith("This looks like a full account or card number.")
    assert field.editor.accessibleDescription() == field.problem.text()
    window.words.set_language("es")
    assert field.problem.text().startswith("Esto parece un número completo")
    assert field.label.text() == "&Descripción"
    # The family decides: the warning does not stop the answer from being kept.
    assert window.session.plan.money_and_property[0].description == "Savings 1234 5678 9012"
    focus(qtbot, description)
    description.selectAll()
    type_and_tab(qtbot, "Savings ending in 9012")
    assert not field.problem.isVisible()


def test_a_full_number_in_the_notes_is_warned_about_too(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.MONEY, MoneyPage)
    notes = page.editor("money_notes")
    focus(qtbot, notes)
    type_and_tab(qtbot, "Card 4111-1111-1111-1111 is in the drawer")
    field = page.fields["money_notes"]
    assert field.problem.isVisible()
    assert field.problem.text().startswith("This looks like a full account or card number.")
    assert window.session.plan.money_notes == "Card 4111-1111-1111-1111 is in the drawer"


def test_long_numbers_are_recognised_but_amounts_and_dates_are_not() -> None:
    assert looks_like_account_number("acct 000123456789")
    assert looks_like_account_number("card 4111-1111-1111-1111")
    assert not looks_like_account_number("ends 4471")
    assert not looks_like_account_number("$1,450 due on 2026-12-01")
    assert not looks_like_account_number("2016 Honda Odyssey")
    assert not looks_like_account_number("Rosa, (713) 555-0126 or 713-555-0127")
    assert not looks_like_account_number("signed 03/15/2026")


def test_money_items_move_and_are_removed_and_survive_a_language_switch(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.MONEY, MoneyPage)
    money = page.list_of("money_and_property")
    items = list(window.session.plan.money_and_property)
    qtbot.mouseClick(money.editor.down, Qt.MouseButton.LeftButton)
    assert window.session.plan.money_and_property[:2] == [items[1], items[0]]
    assert money.editor.current() == 1
    window.words.set_language("es")
    assert money.editor.current() == 1  # the same entry stays shown
    assert item_editor(page, "kind").currentText() == "Cuenta de banco"
    assert money.editor.items.item(0).text().startswith("Cheque de pago:")
    assert page.editor("money_notes").toPlainText() == example_plan("large-tx.json").money_notes
    assert money.editor.add.text() == "Ag&regar a la lista"
    assert money.editor.items.accessibleName() == "Dinero y bienes"
    focus(qtbot, money.editor.remove)
    qtbot.keyClick(money.editor.remove, Qt.Key.Key_Space)
    assert window.session.plan.money_and_property == [items[1], *items[2:]]
    assert item_editor(page, "description").text() == items[2].description
    window.words.set_language("en")
    window.sidebar.setCurrentRow(ORDER.index(SectionId.PAPERS))
    window.sidebar.setCurrentRow(ORDER.index(SectionId.MONEY))
    assert money.editor.current() == 1  # coming back, the same entry is shown
