"""The review page: what is missing, with a way to each section; every answer, readable; and the
review dates, typed or set with a button, which are all the page writes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.i18n import translate
from planner.jurisdictions import add_months
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.pages.review import ReviewPage
from ui.wizard import WizardWindow


def open_page(window: WizardWindow, qtbot: QtBot) -> ReviewPage:
    window.sidebar.setCurrentRow(ORDER.index(SectionId.REVIEW))
    page = window.pages[SectionId.REVIEW]
    assert isinstance(page, ReviewPage)
    qtbot.waitUntil(lambda: not page.pending)
    return page


def shown_text(page: ReviewPage) -> str:
    labels = [label.text() for label in page.findChildren(QLabel) if not label.isHidden()]
    answers = [view.toPlainText() for view in page.findChildren(QTextBrowser)]
    return "\n".join(labels + answers)


def edit_button(page: ReviewPage, section: str) -> QPushButton:
    found = [b for b in page.findChildren(QPushButton) if b.accessibleName() == f"Edit {section}"]
    assert found, section
    return found[0]


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def type_and_tab(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_every_answer_is_shown_readably_by_section(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window, qtbot)
    text = shown_text(page)
    assert "Nothing is missing." in text
    for expected in (
        "Name of this plan: Morales Pérez Family",
        "Home phone: (713) 555-0126",
        "Carlos Eduardo Morales Xicará — Father",
        "Date of birth: November 3, 1984",
        "Country of birth: Guatemala",
        "1. Rosa María Pérez Camacho",
        "Caregiver: Rosa María Pérez Camacho",
        "A-number: A-208-456-317",
        "Passport: Guatemalan passport",
        "Bank account: Joint checking at Neighborhood Credit Union (ends 4471)",
    ):
        assert expected in text, expected
    for group in ("Household", "Children", "Caregivers", "Where the papers are"):
        assert edit_button(page, group).isVisible()
    window.words.set_language("es")
    qtbot.waitUntil(lambda: "No falta nada." in shown_text(page))
    qtbot.waitUntil(lambda: not page.pending)
    assert "Fecha de nacimiento: 3 de noviembre de 1984" in shown_text(page)


def test_an_edit_button_goes_to_its_section(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window, qtbot)
    with qtbot.waitSignal(page.edit_requested) as jumped:
        qtbot.mouseClick(edit_button(page, "Children"), Qt.MouseButton.LeftButton)
    assert jumped.args == [SectionId.CHILDREN.value]
    assert window.current is SectionId.CHILDREN
    # Out of sight, the summary is not kept as text; it is built again when shown.
    assert "Morales" not in shown_text(page)
    page = open_page(window, qtbot)
    assert "Morales Pérez Family" in shown_text(page)


def test_what_is_missing_is_listed_with_its_section_and_whom_it_is_about(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("large-tx.json")
    plan.children[2].care.alternate_caregiver_id = None
    plan.emergency_contacts[0].phones[0].number = "12"
    plan.attorneys = []
    for adult in plan.adults:
        adult.case = None
    window = make_window(plan)
    page = open_page(window, qtbot)
    text = shown_text(page)
    assert "Caregivers: 1" in text
    assert "Sebastián Morales Pérez: No alternate caregiver is chosen for this child." in text
    phone = translate("phone.invalid", "en")
    assert f"Rosa María Pérez Camacho: To fix: {phone}" in text
    assert "Attorney and case: 1" in text
    assert translate("plan.no_attorney", "en") in text
    buttons = page.todo_buttons
    assert [b.accessibleName() for b in buttons] == [
        "Edit Emergency contacts: 1",
        "Edit Caregivers: 1",
        "Edit Attorney and case: 1",
    ]
    # In the order they are seen: the to-do list, then the dates, then the answers.
    focus(qtbot, buttons[0])
    qtbot.keyClick(buttons[0], Qt.Key.Key_Tab)
    assert buttons[1].hasFocus()
    qtbot.keyClick(buttons[1], Qt.Key.Key_Tab)
    qtbot.keyClick(buttons[2], Qt.Key.Key_Tab)
    assert page.date_fields["last_reviewed"].line.hasFocus()
    window.words.set_language("es")
    qtbot.waitUntil(lambda: "Cuidadores: 1" in shown_text(page))
    assert translate("caregiver.no_alternate", "es") in shown_text(page)
    qtbot.mouseClick(page.todo_buttons[1], Qt.MouseButton.LeftButton)
    assert window.current is SectionId.CAREGIVERS


def test_review_dates_typed_or_set_by_button_are_all_the_page_writes(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window, qtbot)
    page.today = lambda: date(2026, 11, 30)
    focus(qtbot, page.date_fields["last_reviewed"].line)
    page.date_fields["last_reviewed"].line.selectAll()
    type_and_tab(qtbot, "11/25/2026")
    assert window.session.plan.review.last_reviewed == date(2026, 11, 25)
    qtbot.mouseClick(page.soon_buttons[1], Qt.MouseButton.LeftButton)
    assert window.session.plan.review.next_review == add_months(date(2026, 11, 30), 6)
    assert page.date_fields["next_review"].line.text() == "2027-05-30"
    window.words.set_language("es")
    focus(qtbot, page.date_fields["reviewed_by_attorney_on"].line)
    page.date_fields["reviewed_by_attorney_on"].line.selectAll()
    type_and_tab(qtbot, "03/12/2026")
    assert window.session.plan.review.reviewed_by_attorney_on == date(2026, 12, 3)
    expected = example_plan("large-tx.json")
    expected.review = window.session.plan.review
    assert window.session.plan == expected


def test_a_date_that_is_not_a_date_is_explained_and_not_written(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window, qtbot)
    field = page.fields["review.last_reviewed"]
    focus(qtbot, field.editor)
    page.date_fields["last_reviewed"].line.selectAll()
    type_and_tab(qtbot, "someday")
    assert field.problem.isVisible()
    assert field.problem.text() == translate("date.invalid", "en")
    assert window.session.plan.review.last_reviewed == date(2026, 9, 12)
    window.words.set_language("es")
    assert field.problem.text() == translate("date.invalid", "es")


def test_the_familys_words_are_shown_as_typed_not_as_markup(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("small-ca.json")
    plan.household.display_name = "<b>Ríos</b> & Co"
    window = make_window(plan)
    page = open_page(window, qtbot)
    assert "Name of this plan: <b>Ríos</b> & Co" in shown_text(page)
