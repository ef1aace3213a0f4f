"""The money page: accounts described in words by keyboard, a warning on a full account number in
both languages, money notes, and the list's order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import MoneyItem, MoneyKind
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.money import MoneyPage, looks_like_account_number


def test_an_account_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.MONEY, MoneyPage)
    assert page.empty.isVisible()
    qtbot.mouseClick(page.list_editor.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.kind.hasFocus)
    qtbot.keyClicks(page.kind, "Bank")
    qtbot.keyClick(page.kind, Qt.Key.Key_Tab)
    assert page.description.hasFocus()
    type_and_tab(qtbot, "Checking at River Bank, ends 0042")
    type_and_tab(qtbot, "Both parents")
    type_and_tab(qtbot, "Kitchen drawer")
    assert page.notes.hasFocus()
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
    assert page.list_editor.items.item(0).text() == (
        "Bank account: Checking at River Bank, ends 0042"
    )
    assert not page.fields["money_and_property[0].description"].problem.isVisible()


def test_a_full_account_number_is_warned_about_in_english_and_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.MONEY, MoneyPage)
    qtbot.mouseClick(page.list_editor.add, Qt.MouseButton.LeftButton)
    focus(qtbot, page.description)
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
    focus(qtbot, page.description)
    page.description.selectAll()
    type_and_tab(qtbot, "Savings ending in 9012")
    assert not field.problem.isVisible()


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
    items = list(window.session.plan.money_and_property)
    qtbot.mouseClick(page.list_editor.down, Qt.MouseButton.LeftButton)
    assert window.session.plan.money_and_property[:2] == [items[1], items[0]]
    assert page.list_editor.current() == 1
    window.words.set_language("es")
    assert page.kind.currentText() == "Cuenta de banco"
    assert page.list_editor.items.item(0).text().startswith("Cheque de pago:")
    assert page.notes.toPlainText() == example_plan("large-tx.json").money_notes
    focus(qtbot, page.list_editor.remove)
    qtbot.keyClick(page.list_editor.remove, Qt.Key.Key_Space)
    assert window.session.plan.money_and_property == [items[1], *items[2:]]
    assert page.description.text() == items[2].description
