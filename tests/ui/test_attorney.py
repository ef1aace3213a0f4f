"""The attorney and case page: attorneys typed by keyboard, each parent's case (created only when
something is entered; A-numbers in any usual form), and the local hotlines the family enters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.model import Adult, Attorney, ImmigrationStatus, Plan
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import assert_unique_mnemonics, focus, retype
from ui.pages.attorney import AttorneyPage
from ui.session import new_plan
from ui.wizard import WizardWindow


def open_page(window: WizardWindow) -> AttorneyPage:
    window.show_section(SectionId.ATTORNEY)
    page = window.pages[SectionId.ATTORNEY]
    assert isinstance(page, AttorneyPage)
    return page


def one_parent() -> Plan:
    plan = new_plan("TX")
    plan.household.display_name = "Familia Reyes"
    plan.adults = [
        Adult(id="adult-luis", given_names="Luis", family_names="Reyes"),
        Adult(id="adult-marta", given_names="Marta", family_names="Reyes"),
    ]
    return plan


def test_an_attorney_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    assert page.no_attorney.isVisible() and not page.attorney_detail.isVisible()
    qtbot.mouseClick(page.attorneys.editor.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.attorney_given.hasFocus)
    for text in ("Mariana", "Delgado", "Delgado Law", "EOIR XK000000", "713.555.0160"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.phone_24h
    qtbot.keyClicks(page.phone_24h, "(832) 555-0161")
    qtbot.keyClick(page.phone_24h, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.attorney_email, "mdelgado@example.com")
    qtbot.keyClick(page.attorney_email, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.accredited
    qtbot.keyClick(page.accredited, Qt.Key.Key_Space)

    attorney = window.session.plan.attorneys[0]
    assert attorney.full_name == "Mariana Delgado"
    assert (attorney.organization, attorney.bar_or_eoir_id) == ("Delgado Law", "EOIR XK000000")
    assert (attorney.phone, attorney.phone_24h) == ("+17135550160", "+18325550161")
    assert page.attorney_phone.text() == "(713) 555-0160"
    assert attorney.email == "mdelgado@example.com"
    assert attorney.is_accredited_representative is True
    assert attorney.address is None
    assert page.attorneys.editor.items.item(0).text() == "Mariana Delgado, Delgado Law"


def test_a_case_is_made_only_when_something_is_entered(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(one_parent())
    page = open_page(window)
    plan = window.session.plan
    assert page.whose.currentText() == "Luis Reyes"
    why = page.fields["adults[0].case.a_number"].why.text()
    assert "ICE detainee locator" in why and "You can skip it" in why
    window.go_next()
    assert plan.adults[0].case is None
    page = open_page(window)

    for typed, stored, shown in (
        ("A-123-456-789", "123456789", "A-123-456-789"),
        ("123456789", "123456789", "A-123-456-789"),
        ("12345678", "012345678", "A-012-345-678"),
    ):
        retype(qtbot, page.a_number, typed)
        assert plan.adults[0].case is not None
        assert plan.adults[0].case.a_number == stored
        assert page.a_number.text() == shown
    retype(qtbot, page.a_number, "")
    assert plan.adults[0].case is None

    statuses = [page.status.itemText(i) for i in range(page.status.count())]
    assert statuses[0] == "Not recorded" and statuses[-1] == "Prefers not to say"
    focus(qtbot, page.status)
    qtbot.keyClick(page.status, Qt.Key.Key_End)
    assert plan.adults[0].case is not None
    assert plan.adults[0].case.immigration_status is ImmigrationStatus.PREFER_NOT_TO_SAY
    qtbot.keyClick(page.status, Qt.Key.Key_Home)
    assert plan.adults[0].case is None

    focus(qtbot, page.g28)
    qtbot.keyClick(page.g28, Qt.Key.Key_Down)
    retype(qtbot, page.g28_holder, "Lic. Delgado")
    case = plan.adults[0].case
    assert case is not None and (case.g28_signed, case.g28_held_by) == (True, "Lic. Delgado")


def test_problems_show_beside_the_case_fields_in_english_and_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(one_parent())
    page = open_page(window)
    retype(qtbot, page.a_number, "A-12")
    retype(qtbot, page.hearing.line, "2020-01-15")
    a_number = page.fields["adults[0].case.a_number"]
    hearing = page.fields["adults[0].case.next_hearing"]
    assert a_number.problem.text().startswith("An A-number is the letter A followed by 8 or 9")
    assert hearing.problem.text().startswith("This hearing date has passed.")
    assert page.hearing.line.placeholderText() == "YYYY-MM-DD"
    window.words.set_language("es")
    assert a_number.problem.text().startswith("Un número A (A-number) es la letra A")
    assert hearing.problem.text().startswith("La fecha de esta audiencia ya pasó.")
    assert page.hearing.line.placeholderText() == "AAAA-MM-DD"
    assert page.a_number.text() == "A-12"

    # The other parent's form is empty and clean; the first one is marked in the selector.
    page.whose.setCurrentIndex(1)
    page.whose.activated.emit(1)
    assert page.a_number.text() == "" and not a_number.problem.isVisible()
    assert "adults[1].case.a_number" in page.fields
    assert page.whose.itemText(0) == "⚠ Luis Reyes"
    assert window.session.plan.adults[1].case is None


def test_each_adults_case_and_attorney_choice(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    assert page.a_number.text() == "A-208-456-317"
    assert page.case_attorney.currentText() == (
        "Mariana Delgado, Delgado & Asociados Immigration Law"
    )
    page.whose.setCurrentIndex(1)
    page.whose.activated.emit(1)
    assert page.a_number.text() == "A-087-654-321"
    assert page.status.currentText() == "Permanent resident"

    editor = page.attorneys.editor
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)  # Lic. Delgado, Carlos's attorney
    plan = window.session.plan
    assert [a.id for a in plan.attorneys] == ["attorney-nguyen"]
    assert plan.adults[0].case is not None and plan.adults[0].case.attorney_id is None
    assert plan.adults[1].case is not None
    assert plan.adults[1].case.attorney_id == "attorney-nguyen"
    assert page.attorney_given.text() == "Thomas"


def test_with_one_attorney_a_new_case_starts_at_that_attorney(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = one_parent()
    plan.attorneys = [Attorney(id="attorney-vega", given_names="Elena", family_names="Vega")]
    window = make_window(plan)
    page = open_page(window)
    assert page.case_attorney.currentText() == "Elena Vega"
    page.whose.setCurrentIndex(1)
    page.whose.activated.emit(1)  # Marta's case too; Luis's is stored as the page is left
    assert page.case_attorney.currentText() == "Elena Vega"
    window.go_next()
    plan = window.session.plan
    assert [a.case.attorney_id if a.case else None for a in plan.adults] == ["attorney-vega"] * 2

    # A parent may still say "no attorney", and a case already recorded keeps its answer.
    page = open_page(window)
    focus(qtbot, page.case_attorney)
    qtbot.keyClick(page.case_attorney, Qt.Key.Key_Home)
    retype(qtbot, page.a_number, "A-123-456-789")
    case = plan.adults[1].case
    assert case is not None and case.attorney_id is None
    window.go_next()
    page = open_page(window)
    assert page.case_attorney.currentText() == "Not chosen"
    assert case.attorney_id is None


def test_the_first_attorney_typed_is_the_shown_cases_attorney(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(one_parent())
    page = open_page(window)
    assert page.case_attorney.currentText() == "Not chosen"
    qtbot.mouseClick(page.attorneys.editor.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.attorney_given.hasFocus)
    qtbot.keyClicks(page.attorney_given, "Elena")
    qtbot.keyClick(page.attorney_given, Qt.Key.Key_Tab)
    attorney = window.session.plan.attorneys[0]
    assert page.case_attorney.currentText() == "Elena"
    case = window.session.plan.adults[0].case
    assert case is not None and case.attorney_id == attorney.id
    qtbot.mouseClick(page.attorneys.editor.remove, Qt.MouseButton.LeftButton)
    assert window.session.plan.adults[0].case is None


def test_local_hotlines_are_entered_by_the_family(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window()
    page = open_page(window)
    note = page.fields["local_hotlines"].why.text()
    assert note.startswith("This program comes with no local numbers.")
    assert window.session.plan.local_hotlines == []
    qtbot.mouseClick(page.hotlines.editor.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.hotline_name.hasFocus)
    qtbot.keyClicks(page.hotline_name, "Houston Rapid Response")
    qtbot.keyClick(page.hotline_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.hotline_phone, "713-555-0100")
    qtbot.keyClick(page.hotline_phone, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.hotline_kind
    qtbot.keyClick(page.hotline_kind, Qt.Key.Key_Down)
    qtbot.keyClick(page.hotline_kind, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.hotline_hours, "24/7")
    qtbot.keyClick(page.hotline_hours, Qt.Key.Key_Tab)
    hotline = window.session.plan.local_hotlines[0]
    assert (hotline.name, hotline.phone, hotline.kind, hotline.hours) == (
        "Houston Rapid Response",
        "+17135550100",
        "legal_aid",
        "24/7",
    )
    assert page.hotlines.editor.items.item(0).text() == "Houston Rapid Response (Legal aid)"
    retype(qtbot, page.hotline_phone, "555")
    problem = page.fields["local_hotlines[0].phone"].problem
    assert problem.text().startswith("This is not a phone number that can be dialled.")
    qtbot.mouseClick(page.hotlines.editor.remove, Qt.MouseButton.LeftButton)
    assert window.session.plan.local_hotlines == [] and not page.hotline_detail.isVisible()


def test_visiting_and_switching_language_changes_nothing(make_window: WindowMaker) -> None:
    window = make_window()
    for name in ("large-tx.json", "small-ca.json", "mixed-names-ny.json"):
        window.session.replace(example_plan(name), household_id="opened")
        page = open_page(window)
        for index in range(page.whose.count()):
            page.whose.setCurrentIndex(index)
            page.whose.activated.emit(index)
        page.attorneys.editor.items.setCurrentRow(page.attorneys.editor.items.count() - 1)
        page.hotlines.editor.items.setCurrentRow(page.hotlines.editor.items.count() - 1)
        window.words.set_language("es")
        window.words.set_language("en")
        window.go_next()
        assert window.current is ORDER[ORDER.index(SectionId.ATTORNEY) + 1]
        assert window.session.plan == example_plan(name), name


def test_without_parents_the_page_sends_the_family_to_enter_them(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    assert page.to_household.isVisible() and not page.case_detail.isVisible()
    qtbot.mouseClick(page.to_household, Qt.MouseButton.LeftButton)
    assert window.current is SectionId.HOUSEHOLD


def test_mnemonics_on_the_page_do_not_collide(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"))
    for language in ("en", "es"):
        window.words.set_language(language)
        page = open_page(window)
        buttons = [page.attorneys.editor, page.hotlines.editor]
        shared = [b for e in buttons for b in (e.add, e.remove, e.up, e.down)]
        assert_unique_mnemonics(window, page, shared)
