"""The children page, used as a parent would: schools, a child, medicines, who may pick them up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import Address, Adult, Child, Contact, School
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.children import ChildrenPage
from ui.session import new_plan


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
    assert not page.school_detail.isVisible() and not page.child_detail.isVisible()
    focus(qtbot, page.school_form.list.add)
    qtbot.keyClick(page.school_form.list.add, Qt.Key.Key_Space)
    assert page.school_name.hasFocus()
    type_and_tab(qtbot, "Lincoln Elementary")
    assert page.school_kind.hasFocus()
    qtbot.keyClicks(page.school_kind, "C")  # Child care
    qtbot.keyClick(page.school_kind, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "713 555 0170")
    assert page.school_street.hasFocus()
    type_and_tab(qtbot, "7600 Airport Blvd")
    type_and_tab(qtbot, "Houston")
    qtbot.keyClicks(page.school_state, "Texas")
    qtbot.keyClick(page.school_state, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "77061")
    school = window.session.plan.schools[0]
    assert (school.name, school.kind, school.phone) == (
        "Lincoln Elementary",
        "child_care",
        "+17135550170",
    )
    assert school.address is not None and school.address.state == "TX"

    focus(qtbot, page.child_form.list.add)
    qtbot.keyClick(page.child_form.list.add, Qt.Key.Key_Space)
    assert page.given.hasFocus()
    type_and_tab(qtbot, "Sebastián")
    type_and_tab(qtbot, "Morales Pérez")
    assert page.born.line.hasFocus()
    type_and_tab(qtbot, "10/30/2017")
    focus(qtbot, page.school)
    qtbot.keyClicks(page.school, "Lincoln")
    qtbot.keyClick(page.school, Qt.Key.Key_Tab)
    assert page.grade.hasFocus()
    type_and_tab(qtbot, "3rd grade")
    child = window.session.plan.children[0]
    assert child.id.startswith("child-")
    assert child.full_name == "Sebastián Morales Pérez"
    assert child.date_of_birth == date(2017, 10, 30)
    assert child.school_id == school.id
    assert child.grade == "3rd grade"
    assert page.child_form.list.items.item(0).text() == "Sebastián Morales Pérez"
    assert page.child_heading.text() == "Sebastián Morales Pérez"


def test_a_schools_state_starts_at_the_state_chosen_on_welcome(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    plan = new_plan("TX")
    plan.household.display_name = "Familia Ramos"
    window.session.replace(plan)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    focus(qtbot, page.school_form.list.add)
    qtbot.keyClick(page.school_form.list.add, Qt.Key.Key_Space)
    assert page.school_state.currentText() == "Texas"
    type_and_tab(qtbot, "Rivera Elementary")
    school = window.session.plan.schools[0]
    assert school.address is None  # the state shown as a start is not an address
    focus(qtbot, page.school_street)
    type_and_tab(qtbot, "7601 Park Place Blvd")
    assert school.address is not None
    assert (school.address.street, school.address.state) == ("7601 Park Place Blvd", "TX")

    older = new_plan("NY")  # a school typed before the state was known
    older.schools = [School(id="school-ps", name="PS 1", address=Address(street="8 Henry St"))]
    window.session.replace(older)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.school_form.list.items.setCurrentRow(0)
    assert page.school_state.currentText() == "New York"
    page.edited.emit()
    assert window.session.plan.schools[0].address == Address(street="8 Henry St", state="NY")


def test_without_contacts_the_pickup_list_says_to_add_them_first(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = new_plan("CA")
    plan.children = [Child(id="child-lia", given_names="Lía")]
    window = make_window(plan)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.child_form.list.items.setCurrentRow(0)
    assert page.no_contacts.isVisible() and page.to_contacts.isVisible()
    assert page.no_contacts.text().startswith("No emergency contact is entered yet.")
    assert not page.released_to.isVisible()  # no empty list
    assert not page.pickup_hint.isVisible()
    window.words.set_language("es")
    assert page.no_contacts.text().startswith("Todavía no hay ningún contacto de emergencia.")
    assert page.to_contacts.text() == "Ir a contactos de emer&gencia"
    window.words.set_language("en")
    qtbot.mouseClick(page.to_contacts, Qt.MouseButton.LeftButton)
    assert window.current is SectionId.CONTACTS

    window.session.plan.adults = [Adult(id="adult-eva", given_names="Eva")]
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    assert page.released_to.isVisible() and page.no_contacts.isVisible()  # the parent, and why
    assert page.released_to.count() == 1

    window.session.plan.emergency_contacts = [Contact(id="contact-ivo", given_names="Ivo")]
    window.show_section(SectionId.CONTACTS)
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    assert page.released_to.isVisible() and page.pickup_hint.isVisible()
    assert not page.no_contacts.isVisible() and not page.to_contacts.isVisible()
    assert page.released_to.count() == 2


def test_medicines_are_added_and_removed_by_keyboard(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    child = window.session.plan.children[0]
    assert child.health.medications == []
    focus(qtbot, page.medications.add)
    qtbot.keyClick(page.medications.add, Qt.Key.Key_Space)
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
    assert page.medications.table.hasFocus()
    qtbot.keyClick(page.medications.table, Qt.Key.Key_Tab)
    assert page.medications.add.hasFocus()  # Tab leaves the table
    qtbot.keyClick(page.medications.add, Qt.Key.Key_Tab)
    assert page.medications.remove.hasFocus()
    qtbot.keyClick(page.medications.remove, Qt.Key.Key_Space)
    assert child.health.medications == []


def test_who_may_and_may_not_pick_a_child_up(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.child_form.list.items.setCurrentRow(2)
    child = window.session.plan.children[2]
    assert page.given.text() == "Sebastián"
    labels = [page.released_to.item(r).text() for r in range(page.released_to.count())]
    assert "Jennifer Morales (emergency contact)" in labels
    assert "Carlos Eduardo Morales Xicará (parent or guardian)" in labels
    focus(qtbot, page.released_to)
    page.released_to.setCurrentRow(page.released_to.choices().index("contact-jennifer"))
    qtbot.keyClick(page.released_to, Qt.Key.Key_Space)
    assert child.may_be_released_to[-1] == "contact-jennifer"
    assert "adult-ana" in child.may_be_released_to
    focus(qtbot, page.not_released_to)
    qtbot.keyClick(page.not_released_to, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.not_released_to, Qt.Key.Key_Return)
    qtbot.keyClicks(page.not_released_to, "Someone Else")
    qtbot.keyClick(page.not_released_to, Qt.Key.Key_Tab)
    assert window.current is SectionId.CHILDREN
    assert child.must_not_be_released_to == ["Óscar Pérez (uncle — not allowed)", "Someone Else"]


def test_a_bad_phone_is_explained_beside_it_and_marks_the_child_in_the_list(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    page.child_form.list.items.setCurrentRow(1)
    field = page.child_form.fields["health.doctor_phone"]
    assert "children[1].health.doctor_phone" in page.fields
    focus(qtbot, page.doctor_phone)
    page.doctor_phone.selectAll()
    type_and_tab(qtbot, "555-01")
    assert field.problem.text().startswith("This is not a phone number")
    assert window.session.plan.children[1].health.doctor_phone == "555-01"
    window.words.set_language("es")
    assert field.problem.text().startswith("Este no es un número de teléfono")
    assert page.doctor_phone.text() == "555-01"
    page.child_form.list.items.setCurrentRow(0)
    assert not field.problem.isVisible()
    assert page.child_form.list.items.item(1).text().startswith("⚠ Mateo")
    accessible = page.child_form.list.items.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.endswith("tiene problemas")


def test_children_reordered_and_removed_and_a_removed_school_is_unchosen(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    plan = window.session.plan
    page.child_form.confirm_remove = lambda name: True
    page.school_form.confirm_remove = lambda name: True
    page.child_form.list.items.setCurrentRow(1)
    qtbot.mouseClick(page.child_form.list.down, Qt.MouseButton.LeftButton)
    assert [c.id for c in plan.children][:3] == ["child-isabella", "child-sebastian", "child-mateo"]
    assert page.given.text() == "Mateo José"
    assert "children[2].given_names" in page.fields
    qtbot.mouseClick(page.child_form.list.remove, Qt.MouseButton.LeftButton)
    assert "child-mateo" not in [c.id for c in plan.children]
    school = plan.schools[0]
    assert any(c.school_id == school.id for c in plan.children)
    page.school_form.list.items.setCurrentRow(0)
    qtbot.mouseClick(page.school_form.list.remove, Qt.MouseButton.LeftButton)
    assert school not in plan.schools
    assert all(c.school_id != school.id for c in plan.children)
    assert school.name not in [page.school.itemText(i) for i in range(page.school.count())]

    window.session.forget()  # "Finish and erase": no widget keeps the family's answers
    assert not page.child_detail.isVisible()
    assert (page.given.text(), page.routines.toPlainText(), page.school_name.text()) == ("", "", "")
    assert page.medications.table.rowCount() == 0 and page.released_to.count() == 0


def test_visiting_every_child_and_switching_language_changes_nothing(
    make_window: WindowMaker,
) -> None:
    window = make_window(language="es")
    page = open_section(window, SectionId.CHILDREN, ChildrenPage)
    texts = [f.label.text() for f in page.fields.values()] + [
        f.why.text() for f in page.fields.values()
    ]
    assert not [t for t in texts if t.startswith(("children.", "item."))]
    assert page.child_form.list.add.text() == "Agregar &niño o niña"
    assert page.medications.table.horizontalHeaderItem(2).text() == "Cuándo"
    for name in ("large-tx.json", "mixed-names-ny.json", "small-ca.json"):
        window.words.set_language("es")
        window.session.replace(example_plan(name), household_id=name)
        for form in (page.school_form, page.child_form):
            for row in range(form.list.items.count()):
                form.list.items.setCurrentRow(row)
                page.edited.emit()  # as if the family left a field: the form is written back
        window.words.set_language("pseudo")
        window.go_next()
        window.go_back()
        assert window.session.plan == example_plan(name), name
