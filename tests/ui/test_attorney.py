"""The attorney and case page: attorneys typed by keyboard, each parent's case (created only when
something is entered; A-numbers in any usual form), and the local hotlines the family enters. The
page is driven through plan paths (`page.editor("adults[0].case.a_number")`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import Adult, Attorney, CaseInfo, Hotline, ImmigrationStatus, Plan
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, retype
from ui.answers import Items, Postal, answers_of
from ui.pages.attorney import AttorneyPage
from ui.questions.attorney import ATTORNEYS, CASES, HOTLINES
from ui.session import new_plan
from ui.widgets import DateField
from ui.wizard import WizardWindow


def open_page(window: WizardWindow) -> AttorneyPage:
    window.show_section(SectionId.ATTORNEY)
    page = window.pages[SectionId.ATTORNEY]
    assert isinstance(page, AttorneyPage)
    return page


def case_editor(page: AttorneyPage, path: str) -> Any:
    """The editor of the shown parent's case answer at `path` (`case.a_number`)."""
    return page.list_of("adults").form.answers[path].editor


def hearing_of(page: AttorneyPage) -> DateField:
    hearing = case_editor(page, "case.next_hearing")
    assert isinstance(hearing, DateField)
    return hearing


def one_parent() -> Plan:
    plan = new_plan("TX")
    plan.household.display_name = "Familia Reyes"
    plan.adults = [
        Adult(id="adult-luis", given_names="Luis", family_names="Reyes"),
        Adult(id="adult-marta", given_names="Marta", family_names="Reyes"),
    ]
    return plan


def declared_paths(items: Items) -> set[str]:
    paths = {answer.path for answer in answers_of(items.parts)}
    return paths | {part.path for part in items.parts if isinstance(part, Postal)}


def test_every_answer_of_attorneys_cases_and_hotlines_is_asked() -> None:
    """What the plan holds for this section is all asked (and so read back on Review), in the
    case's arresting officer and an attorney's name order too."""
    assert declared_paths(ATTORNEYS) == set(Attorney.model_fields) - {"id"}
    assert declared_paths(CASES) == {f"case.{name}" for name in CaseInfo.model_fields}
    assert declared_paths(HOTLINES) == set(Hotline.model_fields)


def test_an_attorney_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    attorneys = page.list_of("attorneys")
    assert attorneys.empty.isVisible() and not attorneys.detail.isVisible()
    assert attorneys.empty.text().startswith("No attorney yet. Select Add to enter one.")
    qtbot.mouseClick(attorneys.editor.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.editor("attorneys[0].given_names").hasFocus)
    assert not attorneys.empty.isVisible()
    for text in ("Mariana", "Delgado"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    family_first = page.editor("attorneys[0].family_name_first")
    assert QApplication.focusWidget() is family_first
    assert family_first.text() == "The family name is written first (as in Vietnamese names)"
    qtbot.keyClick(family_first, Qt.Key.Key_Tab)  # left unticked
    for text in ("Delgado Law", "EOIR XK000000", "713.555.0160"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    phone_24h = page.editor("attorneys[0].phone_24h")
    assert QApplication.focusWidget() is phone_24h
    qtbot.keyClicks(phone_24h, "(832) 555-0161")
    qtbot.keyClick(phone_24h, Qt.Key.Key_Tab)
    email = page.editor("attorneys[0].email")
    qtbot.keyClicks(email, "mdelgado@example.com")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    accredited = page.editor("attorneys[0].is_accredited_representative")
    assert QApplication.focusWidget() is accredited
    qtbot.keyClick(accredited, Qt.Key.Key_Space)

    attorney = window.session.plan.attorneys[0]
    assert attorney.full_name == "Mariana Delgado" and attorney.family_name_first is False
    assert (attorney.organization, attorney.bar_or_eoir_id) == ("Delgado Law", "EOIR XK000000")
    assert (attorney.phone, attorney.phone_24h) == ("+17135550160", "+18325550161")
    assert page.editor("attorneys[0].phone").text() == "(713) 555-0160"
    assert attorney.email == "mdelgado@example.com"
    assert attorney.is_accredited_representative is True
    assert attorney.address is None
    assert attorneys.editor.items.item(0).text() == "Mariana Delgado, Delgado Law"
    assert attorneys.heading.text() == "Mariana Delgado, Delgado Law"

    focus(qtbot, family_first)
    qtbot.keyClick(family_first, Qt.Key.Key_Space)  # a name written family first
    assert attorney.family_name_first is True
    assert attorneys.editor.items.item(0).text() == "Delgado Mariana, Delgado Law"


def test_a_case_is_made_only_when_something_is_entered(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(one_parent())
    page = open_page(window)
    plan = window.session.plan
    cases = page.list_of("adults")
    assert cases.editor.items.currentItem().text() == "Luis Reyes"
    assert cases.heading.text() == "Luis Reyes"
    assert not cases.editor.add.isVisible() and not cases.editor.remove.isVisible()
    assert cases.box is not None and cases.box.title() == "Each parent's case"
    why = page.fields["adults[0].case.a_number"].why.text()
    assert "ICE detainee locator" in why and "You can skip it" in why
    window.go_next()
    assert plan.adults[0].case is None
    page = open_page(window)

    a_number = page.editor("adults[0].case.a_number")
    for typed, stored, shown in (
        ("A-123-456-789", "123456789", "A-123-456-789"),
        ("123456789", "123456789", "A-123-456-789"),
        ("12345678", "012345678", "A-012-345-678"),
    ):
        retype(qtbot, a_number, typed)
        assert plan.adults[0].case is not None
        assert plan.adults[0].case.a_number == stored
        assert a_number.text() == shown
    retype(qtbot, a_number, "")
    assert plan.adults[0].case is None

    status = page.editor("adults[0].case.immigration_status")
    statuses = [status.itemText(i) for i in range(status.count())]
    assert statuses[0] == "Not recorded" and statuses[-1] == "Prefers not to say"
    focus(qtbot, status)
    qtbot.keyClick(status, Qt.Key.Key_End)
    assert plan.adults[0].case is not None
    assert plan.adults[0].case.immigration_status is ImmigrationStatus.PREFER_NOT_TO_SAY
    qtbot.keyClick(status, Qt.Key.Key_Home)
    assert plan.adults[0].case is None

    g28 = page.editor("adults[0].case.g28_signed")
    assert [g28.itemText(i) for i in range(g28.count())] == ["Not recorded", "Yes", "No"]
    focus(qtbot, g28)
    qtbot.keyClick(g28, Qt.Key.Key_End)  # "No" is an answer too: the case is made for it
    case = plan.adults[0].case
    assert case is not None and case.g28_signed is False
    qtbot.keyClick(g28, Qt.Key.Key_Home)
    assert plan.adults[0].case is None
    qtbot.keyClick(g28, Qt.Key.Key_Down)
    retype(qtbot, page.editor("adults[0].case.g28_held_by"), "Lic. Delgado")
    case = plan.adults[0].case
    assert case is not None and (case.g28_signed, case.g28_held_by) == (True, "Lic. Delgado")
    retype(qtbot, page.editor("adults[0].case.arresting_officer"), "Badge 4471")
    assert case.arresting_officer == "Badge 4471"


def test_problems_show_beside_the_case_fields_in_english_and_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(one_parent())
    page = open_page(window)
    a_number_editor, hearing_editor = page.editor("adults[0].case.a_number"), hearing_of(page)
    retype(qtbot, a_number_editor, "A-12")
    retype(qtbot, hearing_editor.line, "2020-01-15")
    a_number = page.fields["adults[0].case.a_number"]
    hearing = page.fields["adults[0].case.next_hearing"]
    assert a_number.problem.text().startswith("An A-number is the letter A followed by 8 or 9")
    assert hearing.problem.text().startswith("This hearing date has passed.")
    assert hearing_editor.line.placeholderText() == "YYYY-MM-DD"
    window.words.set_language("es")
    assert a_number.problem.text().startswith("Un número A (A-number) es la letra A")
    assert hearing.problem.text().startswith("La fecha de esta audiencia ya pasó.")
    assert hearing_editor.line.placeholderText() == "AAAA-MM-DD"
    assert a_number_editor.text() == "A-12"

    # The other parent's form is empty and clean; the first one is marked in the list.
    cases = page.list_of("adults")
    cases.editor.items.setCurrentRow(1)
    assert a_number_editor.text() == "" and not a_number.problem.isVisible()
    assert "adults[1].case.a_number" in page.fields
    assert cases.editor.items.item(0).text() == "⚠ Luis Reyes"
    spoken = cases.editor.items.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Luis Reyes, tiene problemas"
    assert window.session.plan.adults[1].case is None


def test_each_adults_case_and_attorney_choice(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    assert page.editor("adults[0].case.a_number").text() == "A-208-456-317"
    assert page.editor("adults[0].case.attorney_id").currentText() == (
        "Mariana Delgado, Delgado & Asociados Immigration Law"
    )
    page.list_of("adults").editor.items.setCurrentRow(1)
    assert page.editor("adults[1].case.a_number").text() == "A-087-654-321"
    assert page.editor("adults[1].case.immigration_status").currentText() == "Permanent resident"

    attorneys = page.list_of("attorneys")
    asked: list[str] = []

    def remove(name: str) -> bool:
        asked.append(name)
        return True

    attorneys.confirm_remove = remove
    qtbot.mouseClick(attorneys.editor.remove, Qt.MouseButton.LeftButton)  # Carlos's attorney
    assert asked == ["Mariana Delgado, Delgado & Asociados Immigration Law"]
    plan = window.session.plan
    assert [a.id for a in plan.attorneys] == ["attorney-nguyen"]
    assert plan.adults[0].case is not None and plan.adults[0].case.attorney_id is None
    assert plan.adults[1].case is not None
    assert plan.adults[1].case.attorney_id == "attorney-nguyen"
    assert page.editor("attorneys[0].given_names").text() == "Thomas"
    chooser = page.editor("adults[1].case.attorney_id")
    offered = [chooser.itemData(i) for i in range(chooser.count())]
    assert offered == ["", "attorney-nguyen"] and chooser.currentData() == "attorney-nguyen"


def test_with_one_attorney_a_new_case_starts_at_that_attorney(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = one_parent()
    plan.attorneys = [Attorney(id="attorney-vega", given_names="Elena", family_names="Vega")]
    window = make_window(plan)
    page = open_page(window)
    assert page.editor("adults[0].case.attorney_id").currentText() == "Elena Vega"
    page.list_of("adults").editor.items.setCurrentRow(1)  # Marta's case too; Luis's is kept
    assert page.editor("adults[1].case.attorney_id").currentText() == "Elena Vega"
    window.go_next()
    plan = window.session.plan
    assert [a.case.attorney_id if a.case else None for a in plan.adults] == ["attorney-vega"] * 2

    # A parent may still say "no attorney", and a case already recorded keeps its answer.
    page = open_page(window)
    chooser = page.editor("adults[1].case.attorney_id")
    focus(qtbot, chooser)
    qtbot.keyClick(chooser, Qt.Key.Key_Home)
    retype(qtbot, page.editor("adults[1].case.a_number"), "A-123-456-789")
    case = plan.adults[1].case
    assert case is not None and case.attorney_id is None
    window.go_next()
    page = open_page(window)
    assert page.editor("adults[1].case.attorney_id").currentText() == "Not chosen"
    assert case.attorney_id is None


def test_the_first_attorney_typed_is_the_shown_cases_attorney(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(one_parent())
    page = open_page(window)
    chooser = page.editor("adults[0].case.attorney_id")
    assert chooser.currentText() == "Not chosen"
    attorneys = page.list_of("attorneys")
    qtbot.mouseClick(attorneys.editor.add, Qt.MouseButton.LeftButton)
    given = page.editor("attorneys[0].given_names")
    qtbot.waitUntil(given.hasFocus)
    qtbot.keyClicks(given, "Elena")
    qtbot.keyClick(given, Qt.Key.Key_Tab)
    attorney = window.session.plan.attorneys[0]
    assert chooser.currentText() == "Elena"
    case = window.session.plan.adults[0].case
    assert case is not None and case.attorney_id == attorney.id
    attorneys.confirm_remove = lambda name: True
    qtbot.mouseClick(attorneys.editor.remove, Qt.MouseButton.LeftButton)
    assert window.session.plan.adults[0].case is None
    assert chooser.currentText() == "Not chosen" and chooser.count() == 1


def test_local_hotlines_are_entered_by_the_family(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window()
    page = open_page(window)
    hotlines = page.list_of("local_hotlines")
    note = page.fields["local_hotlines"].why.text()
    assert note.startswith("This program comes with no local numbers.")
    assert window.session.plan.local_hotlines == []
    assert hotlines.editor.add.text() == "Add a hotline"
    assert hotlines.editor.up.text() == "Move hotline up"
    qtbot.mouseClick(hotlines.editor.add, Qt.MouseButton.LeftButton)
    name = page.editor("local_hotlines[0].name")
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClicks(name, "Houston Rapid Response")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    phone = page.editor("local_hotlines[0].phone")
    qtbot.keyClicks(phone, "713-555-0100")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    kind = page.editor("local_hotlines[0].kind")
    assert QApplication.focusWidget() is kind
    assert [kind.itemText(i) for i in range(kind.count())] == [
        "Rapid response",
        "Legal aid",
        "Other",
    ]
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    hours = page.editor("local_hotlines[0].hours")
    assert hours.placeholderText() == "For example: 24 hours, or Mon–Fri 9–5"
    qtbot.keyClicks(hours, "24/7")
    qtbot.keyClick(hours, Qt.Key.Key_Tab)
    hotline = window.session.plan.local_hotlines[0]
    assert (hotline.name, hotline.phone, hotline.kind, hotline.hours) == (
        "Houston Rapid Response",
        "+17135550100",
        "legal_aid",
        "24/7",
    )
    assert hotlines.editor.items.item(0).text() == "Houston Rapid Response (Legal aid)"
    retype(qtbot, phone, "555")
    problem = page.fields["local_hotlines[0].phone"].problem
    assert problem.text().startswith("This is not a phone number that can be dialled.")
    hotlines.confirm_remove = lambda name: True
    qtbot.mouseClick(hotlines.editor.remove, Qt.MouseButton.LeftButton)
    assert window.session.plan.local_hotlines == [] and not hotlines.detail.isVisible()


def test_without_parents_the_page_sends_the_family_to_enter_them(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    cases = page.list_of("adults")
    assert page.to_household.isVisible() and not cases.detail.isVisible()
    assert not cases.list_field.isVisible()
    assert cases.empty.isVisible()
    assert cases.empty.text() == "No parent is entered yet. Enter the parents first."
    assert page.to_household.accessibleName() == "Go to Household and parents"
    qtbot.mouseClick(page.to_household, Qt.MouseButton.LeftButton)
    assert window.current is SectionId.HOUSEHOLD
