"""The children page, used as a parent would: schools, a child, medicines, who may pick them up."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import Address, Adult, Child, Contact, School
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.children import ChildrenPage
from ui.session import new_plan
from ui.widgets import DateField, TextField


def child_editor(page: ChildrenPage, path: str) -> Any:
    """The editor of the shown child's answer at `path` (`health.doctor_phone`)."""
    return page.list_of("children").form.answers[path].editor


def school_editor(page: ChildrenPage, path: str) -> Any:
    return page.list_of("schools").form.answers[path].editor


def type_in_cells(qtbot: QtBot, *keys: str | Qt.Key) -> None:
    """Each key to the widget that has focus when it is pressed: a cell's editor comes and goes.
    (Qt commits a cell when it is next idle, as it is between a person's key presses.)"""
    for key in keys:
        for one in [key] if isinstance(key, Qt.Key) else list(key):
            widget = QApplication.focusWidget()
            assert widget is not None
            qtbot.keyClick(widget, one)


def test_a_school_and_a_child_added_by_keyboard(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window()
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    schools, children = page.list_of("schools"), page.list_of("children")
    assert not schools.detail.isVisible() and not children.detail.isVisible()
    focus(qtbot, schools.editor.add)
    qtbot.keyClick(schools.editor.add, Qt.Key.Key_Space)
    assert page.editor("schools[0].name").hasFocus()
    type_and_tab(qtbot, "Lincoln Elementary")
    kind = page.editor("schools[0].kind")
    assert kind.hasFocus()
    qtbot.keyClicks(kind, "C")  # Child care
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "713 555 0170")
    assert page.editor("schools[0].address.street").hasFocus()
    type_and_tab(qtbot, "7600 Airport Blvd")
    type_and_tab(qtbot, "")  # no unit
    type_and_tab(qtbot, "Houston")
    type_and_tab(qtbot, "Texas")
    type_and_tab(qtbot, "77061")
    school = window.session.plan.schools[0]
    assert (school.name, school.kind, school.phone) == (
        "Lincoln Elementary",
        "child_care",
        "+17135550170",
    )
    assert school.address is not None
    assert (school.address.city, school.address.state, school.address.postal_code) == (
        "Houston",
        "TX",
        "77061",
    )

    focus(qtbot, children.editor.add)
    qtbot.keyClick(children.editor.add, Qt.Key.Key_Space)
    assert page.editor("children[0].given_names").hasFocus()
    type_and_tab(qtbot, "Sebastián")
    type_and_tab(qtbot, "Morales Pérez")
    born = page.editor("children[0].date_of_birth")
    assert isinstance(born, DateField) and born.line.hasFocus()
    type_and_tab(qtbot, "10/30/2017")
    chosen = page.editor("children[0].school_id")
    focus(qtbot, chosen)
    qtbot.keyClicks(chosen, "Lincoln")
    qtbot.keyClick(chosen, Qt.Key.Key_Tab)
    assert page.editor("children[0].grade").hasFocus()
    type_and_tab(qtbot, "3rd grade")
    child = window.session.plan.children[0]
    assert child.id.startswith("child-")
    assert child.full_name == "Sebastián Morales Pérez"
    assert child.date_of_birth == date(2017, 10, 30)
    assert child.school_id == school.id
    assert child.grade == "3rd grade"
    assert children.editor.items.item(0).text() == "Sebastián Morales Pérez"
    assert children.heading.text() == "Sebastián Morales Pérez"


def test_a_schools_state_starts_at_the_state_chosen_on_welcome(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    plan = new_plan("TX")
    plan.household.display_name = "Familia Ramos"
    window.session.replace(plan)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    schools = page.list_of("schools")
    focus(qtbot, schools.editor.add)
    qtbot.keyClick(schools.editor.add, Qt.Key.Key_Space)
    state = page.editor("schools[0].address.state")
    assert isinstance(state, TextField) and state.text() == "TX"
    type_and_tab(qtbot, "Rivera Elementary")
    school = window.session.plan.schools[0]
    assert school.address is None  # the state shown as a start is not an address
    focus(qtbot, page.editor("schools[0].address.street"))
    type_and_tab(qtbot, "7601 Park Place Blvd")
    assert school.address is not None
    assert (school.address.street, school.address.state) == ("7601 Park Place Blvd", "TX")

    older = new_plan("NY")  # a school typed before the state was known
    older.schools = [School(id="school-ps", name="PS 1", address=Address(street="8 Henry St"))]
    window.session.replace(older)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.list_of("schools").editor.items.setCurrentRow(0)
    state = page.editor("schools[0].address.state")
    assert isinstance(state, TextField) and state.text() == "NY"
    page.edited.emit()
    assert window.session.plan.schools[0].address == Address(street="8 Henry St", state="NY")


def test_without_contacts_the_pickup_list_says_to_add_them_first(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = new_plan("CA")
    plan.children = [Child(id="child-lia", given_names="Lía")]
    window = make_window(plan)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.list_of("children").editor.items.setCurrentRow(0)
    assert page.no_contacts.isVisible() and page.to_contacts.isVisible()
    assert page.no_contacts.text().startswith("No emergency contact is entered yet.")
    assert not child_editor(page, "may_be_released_to").isVisible()  # no empty list
    assert not page.list_of("children").form.notes[0][0].isVisible()
    window.words.set_language("es")
    assert page.no_contacts.text().startswith("Todavía no hay ningún contacto de emergencia.")
    assert page.to_contacts.text() == "Ir a con&tactos de emergencia"
    window.words.set_language("en")
    qtbot.mouseClick(page.to_contacts, Qt.MouseButton.LeftButton)
    assert window.current is SectionId.CONTACTS

    window.session.plan.adults = [Adult(id="adult-eva", given_names="Eva")]
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    assert (
        child_editor(page, "may_be_released_to").isVisible() and page.no_contacts.isVisible()
    )  # the parent, and why
    assert child_editor(page, "may_be_released_to").count() == 1

    window.session.plan.emergency_contacts = [Contact(id="contact-ivo", given_names="Ivo")]
    window.show_section(SectionId.CONTACTS)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    assert (
        child_editor(page, "may_be_released_to").isVisible()
        and page.list_of("children").form.notes[0][0].isVisible()
    )
    assert not page.no_contacts.isVisible() and not page.to_contacts.isVisible()
    assert child_editor(page, "may_be_released_to").count() == 2


def test_medicines_are_added_and_removed_by_keyboard(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    child = window.session.plan.children[0]
    assert child.health.medications == []
    focus(qtbot, child_editor(page, "health.medications").add)
    qtbot.keyClick(child_editor(page, "health.medications").add, Qt.Key.Key_Space)
    type_in_cells(qtbot, "Amoxicillin", Qt.Key.Key_Tab, "250 mg", Qt.Key.Key_Tab, "Twice a day")
    type_in_cells(qtbot, Qt.Key.Key_Return)
    meds = child.health
    qtbot.waitUntil(lambda: bool(meds.medications and meds.medications[0].schedule))
    assert window.current is SectionId.CHILDREN  # Enter finished the cell, not the page
    medicine = child.health.medications[0]
    assert (medicine.name, medicine.dose, medicine.schedule) == (
        "Amoxicillin",
        "250 mg",
        "Twice a day",
    )
    assert child_editor(page, "health.medications").table.hasFocus()
    qtbot.keyClick(child_editor(page, "health.medications").table, Qt.Key.Key_Tab)
    assert child_editor(page, "health.medications").add.hasFocus()  # Tab leaves the table
    qtbot.keyClick(child_editor(page, "health.medications").add, Qt.Key.Key_Tab)
    assert child_editor(page, "health.medications").remove.hasFocus()
    qtbot.keyClick(child_editor(page, "health.medications").remove, Qt.Key.Key_Space)
    assert child.health.medications == []


def test_who_may_and_may_not_pick_a_child_up(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.list_of("children").editor.items.setCurrentRow(2)
    child = window.session.plan.children[2]
    assert child_editor(page, "given_names").text() == "Sebastián"
    labels = [
        child_editor(page, "may_be_released_to").item(r).text()
        for r in range(child_editor(page, "may_be_released_to").count())
    ]
    assert "Jennifer Morales (emergency contact)" in labels
    assert "Carlos Eduardo Morales Xicará (parent or guardian)" in labels
    focus(qtbot, child_editor(page, "may_be_released_to"))
    child_editor(page, "may_be_released_to").setCurrentRow(
        child_editor(page, "may_be_released_to").choices().index("contact-jennifer")
    )
    qtbot.keyClick(child_editor(page, "may_be_released_to"), Qt.Key.Key_Space)
    assert child.may_be_released_to[-1] == "contact-jennifer"
    assert "adult-ana" in child.may_be_released_to
    focus(qtbot, child_editor(page, "must_not_be_released_to"))
    qtbot.keyClick(
        child_editor(page, "must_not_be_released_to"),
        Qt.Key.Key_End,
        Qt.KeyboardModifier.ControlModifier,
    )
    qtbot.keyClick(child_editor(page, "must_not_be_released_to"), Qt.Key.Key_Return)
    qtbot.keyClicks(child_editor(page, "must_not_be_released_to"), "Someone Else")
    qtbot.keyClick(child_editor(page, "must_not_be_released_to"), Qt.Key.Key_Tab)
    assert window.current is SectionId.CHILDREN
    assert child.must_not_be_released_to == ["Óscar Pérez (uncle — not allowed)", "Someone Else"]


def test_a_bad_phone_is_explained_beside_it_and_marks_the_child_in_the_list(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.list_of("children").editor.items.setCurrentRow(1)
    field = page.fields["children[1].health.doctor_phone"]
    assert "children[1].health.doctor_phone" in page.fields
    focus(qtbot, child_editor(page, "health.doctor_phone"))
    child_editor(page, "health.doctor_phone").selectAll()
    type_and_tab(qtbot, "555-01")
    assert field.problem.text().startswith("This is not a phone number")
    assert window.session.plan.children[1].health.doctor_phone == "555-01"
    window.words.set_language("es")
    assert field.problem.text().startswith("Este no es un número de teléfono")
    assert child_editor(page, "health.doctor_phone").text() == "555-01"
    page.list_of("children").editor.items.setCurrentRow(0)
    assert not field.problem.isVisible()
    assert page.list_of("children").editor.items.item(1).text().startswith("⚠ Mateo")
    accessible = (
        page.list_of("children").editor.items.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    )
    assert accessible.endswith("tiene problemas")


def test_children_reordered_and_removed_and_a_removed_school_is_unchosen(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    plan = window.session.plan
    page.list_of("children").confirm_remove = lambda name: True
    page.list_of("schools").confirm_remove = lambda name: True
    page.list_of("children").editor.items.setCurrentRow(1)
    qtbot.mouseClick(page.list_of("children").editor.down, Qt.MouseButton.LeftButton)
    assert [c.id for c in plan.children][:3] == ["child-isabella", "child-sebastian", "child-mateo"]
    assert child_editor(page, "given_names").text() == "Mateo José"
    assert "children[2].given_names" in page.fields
    qtbot.mouseClick(page.list_of("children").editor.remove, Qt.MouseButton.LeftButton)
    assert "child-mateo" not in [c.id for c in plan.children]
    school = plan.schools[0]
    assert any(c.school_id == school.id for c in plan.children)
    page.list_of("schools").editor.items.setCurrentRow(0)
    qtbot.mouseClick(page.list_of("schools").editor.remove, Qt.MouseButton.LeftButton)
    assert school not in plan.schools
    assert all(c.school_id != school.id for c in plan.children)
    assert school.name not in [
        child_editor(page, "school_id").itemText(i)
        for i in range(child_editor(page, "school_id").count())
    ]

    window.session.forget()  # "Finish and erase": no widget keeps the family's answers
    assert not page.list_of("children").detail.isVisible()
    assert (
        child_editor(page, "given_names").text(),
        child_editor(page, "routines_and_comfort").toPlainText(),
        school_editor(page, "name").text(),
    ) == ("", "", "")
    assert (
        child_editor(page, "health.medications").table.rowCount() == 0
        and child_editor(page, "may_be_released_to").count() == 0
    )


def test_a_schools_notes_are_kept_and_shown_on_review(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.list_of("schools").editor.items.setCurrentRow(0)
    notes = page.editor("schools[0].notes")
    assert notes.toPlainText() == window.session.plan.schools[0].notes != ""  # shown, not lost
    focus(qtbot, notes)
    qtbot.keyClick(notes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(notes, "Use the side gate on Elm St.")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert window.session.plan.schools[0].notes == "Use the side gate on Elm St."
    window.show_section(SectionId.REVIEW)
    review = window.pages[SectionId.REVIEW]
    qtbot.waitUntil(lambda: not review.pending)  # type: ignore[attr-defined]
    shown = "\n".join(v.toPlainText() for v in review.findChildren(QTextBrowser))
    assert "Use the side gate on Elm St." in shown
