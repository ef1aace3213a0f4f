"""The emergency contacts page: typed by keyboard, checked beside each field, reordered by buttons
and by dragging, in English and Spanish."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import Contact, limit_at
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, retype
from ui.answers import Phones, Postal, Reading, answers_of, facts
from ui.i18n import words_in
from ui.pages.contacts import ContactsPage
from ui.pages.form import ListForm
from ui.questions.contacts import CONTACTS
from ui.session import new_plan
from ui.widgets import DateField, Field
from ui.wizard import WizardWindow


def open_page(window: WizardWindow) -> ContactsPage:
    window.show_section(SectionId.CONTACTS)
    page = window.pages[SectionId.CONTACTS]
    assert isinstance(page, ContactsPage)
    return page


def contacts(page: ContactsPage) -> ListForm:
    return page.list_of("emergency_contacts")


def answer(page: ContactsPage, path: str) -> Any:
    """The editor of the shown contact's answer at `path` (`situation_is_stable`)."""
    return contacts(page).form.answers[path].editor


def phone(page: ContactsPage, slot: int) -> Any:
    """The first (mobile) or second phone field of the shown contact."""
    return contacts(page).form.phones["phones"][1 + slot]


def test_every_answer_of_a_contact_is_declared() -> None:
    """Each part of the plan's `Contact` is asked on the page, and read on Review."""
    declared = {a.path for a in answers_of(CONTACTS.parts)}
    declared |= {p.path for p in CONTACTS.parts if isinstance(p, Postal | Phones)}
    assert declared == set(Contact.model_fields) - {"id"}


def test_review_reads_every_answer_of_a_contact_from_the_declarations() -> None:
    plan = example_plan("large-tx.json")
    reading = Reading(plan, lambda key, **names: words_in("en", key, **names), "en")
    rosa = plan.emergency_contacts[0]
    assert CONTACTS.heading(rosa, reading) == (
        "Rosa María Pérez Camacho (Aunt or uncle — Ana's sister, the kids' tía)"
    )
    read = dict(facts(CONTACTS.parts, rosa, reading))
    assert read["Relationship to the children"] == "Aunt or uncle"
    assert read["Phones"].splitlines()[0] == "(832) 555-0188 (mobile)"
    assert read["Address"].startswith("2519 Edgebrook Dr")
    assert read["Languages they speak"] == "Spanish, English"
    assert read["Is their own immigration situation stable?"] == "Yes"
    assert read["May pick up the children"] == "Yes"


def test_a_contact_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    listed = contacts(page)
    assert listed.empty.isVisible() and not listed.detail.isVisible()
    assert listed.empty.text().startswith("No contacts yet.")
    qtbot.mouseClick(listed.editor.add, Qt.MouseButton.LeftButton)
    assert listed.detail.isVisible() and not listed.empty.isVisible()
    given = page.editor("emergency_contacts[0].given_names")
    qtbot.waitUntil(given.hasFocus)
    assert given.maxLength() == limit_at("emergency_contacts[0].given_names") == 100
    for text in ("Francisca", "Xicara Tum"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    family_first = page.editor("emergency_contacts[0].family_name_first")
    assert QApplication.focusWidget() is family_first
    qtbot.keyClick(family_first, Qt.Key.Key_Tab)
    relationship = page.editor("emergency_contacts[0].relationship")
    assert QApplication.focusWidget() is relationship
    qtbot.keyClicks(relationship, "Grand")
    qtbot.keyClick(relationship, Qt.Key.Key_Tab)
    detail = page.editor("emergency_contacts[0].relationship_detail")
    assert QApplication.focusWidget() is detail
    assert detail.placeholderText() == "For example: my sister, Ana's godmother"
    qtbot.keyClicks(detail, "Carlos's mother")
    qtbot.keyClick(detail, Qt.Key.Key_Tab)
    mobile, second = phone(page, 0), phone(page, 1)
    assert QApplication.focusWidget() is mobile
    assert page.editor("emergency_contacts[0].phones[0].number") is mobile
    qtbot.keyClicks(mobile, "+502 5555 1234")
    qtbot.keyClick(mobile, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second
    qtbot.keyClicks(second, "(713) 555.0174")
    qtbot.keyClick(second, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.editor("emergency_contacts[0].email")
    retype(qtbot, page.editor("emergency_contacts[0].address.city"), "Quetzaltenango")
    country = page.editor("emergency_contacts[0].address.country")
    focus(qtbot, country)
    qtbot.keyClicks(country, "Guatemala")
    born = page.editor("emergency_contacts[0].date_of_birth")
    assert isinstance(born, DateField)
    retype(qtbot, born.line, "03/19/1958")

    contact = window.session.plan.emergency_contacts[0]
    assert contact.full_name == "Francisca Xicara Tum"
    assert contact.relationship == "grandparent"
    assert contact.relationship_detail == "Carlos's mother"
    assert [p.number for p in contact.phones] == ["+50255551234", "+17135550174"]
    assert [p.kind for p in contact.phones] == ["mobile", "other"]
    assert mobile.text() == "+502 5555 1234"
    assert second.text() == "(713) 555-0174"
    assert contact.address is not None
    assert (contact.address.city, contact.address.country) == ("Quetzaltenango", "GT")
    assert contact.date_of_birth is not None and contact.date_of_birth.isoformat() == "1958-03-19"
    assert listed.editor.items.item(0).text() == "1. Francisca Xicara Tum (Grandparent)"
    assert listed.heading.text() == "1. Francisca Xicara Tum (Grandparent)"


def test_the_phones_say_what_to_type_and_keep_their_kinds(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    mobile = page.fields["emergency_contacts[0].phones[0].number"]
    second = page.fields["emergency_contacts[0].phones[1].number"]
    assert mobile.label.text() == "&Mobile phone"
    assert mobile.why.text().startswith("A number outside the US needs its country code")
    assert second.label.text() == "Second p&hone"
    assert second.why.text() == "Home, work, or another mobile."
    assert page.fields["emergency_contacts[0].phones"] is mobile
    contact = window.session.plan.emergency_contacts[0]
    kinds = [p.kind for p in contact.phones]
    retype(qtbot, phone(page, 1), "713 555 0199")
    assert [p.kind for p in contact.phones] == kinds
    assert contact.phones[1].number == "+17135550199"
    window.words.set_language("es")
    assert mobile.label.text() == "&Teléfono celular"
    assert second.why.text() == "De casa, del trabajo u otro celular."
    assert phone(page, 1).text() == "(713) 555-0199"


def test_the_sensitive_question_can_be_skipped_and_languages_ticked(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    field = page.fields["emergency_contacts[0].situation_is_stable"]
    assert "You can skip this question" in field.why.text()
    stable = page.editor("emergency_contacts[0].situation_is_stable")
    assert stable is answer(page, "situation_is_stable")
    assert [stable.itemText(i) for i in range(3)] == ["Not asked", "Yes", "No"]
    focus(qtbot, stable)
    contact = window.session.plan.emergency_contacts[0]
    assert stable.currentText() == "Yes" and contact.situation_is_stable is True
    qtbot.keyClick(stable, Qt.Key.Key_Down)
    assert contact.situation_is_stable is False
    qtbot.keyClick(stable, Qt.Key.Key_Up)
    qtbot.keyClick(stable, Qt.Key.Key_Up)
    assert contact.situation_is_stable is None

    languages = answer(page, "languages")
    assert page.fields["emergency_contacts[0].languages"].why.text() == (
        "Space ticks the selected language."
    )
    focus(qtbot, languages)
    codes = languages.choices()
    assert codes[:2] == ["en", "es"] and "quc" in codes  # K'iche', for the abuela
    languages.setCurrentRow(codes.index("pt"))
    qtbot.keyClick(languages, Qt.Key.Key_Space)
    assert contact.languages == ["es", "en", "pt"]
    languages.setCurrentRow(codes.index("en"))
    qtbot.keyClick(languages, Qt.Key.Key_Space)
    assert contact.languages == ["es", "pt"]


def test_a_problem_shows_beside_its_field_in_english_and_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    qtbot.mouseClick(contacts(page).editor.add, Qt.MouseButton.LeftButton)
    mobile = page.fields["emergency_contacts[0].phones[0].number"]
    email = page.fields["emergency_contacts[0].email"]
    assert not mobile.problem.isVisible()
    retype(qtbot, phone(page, 0), "555 12")
    retype(qtbot, page.editor("emergency_contacts[0].email"), "rosa at example")
    assert mobile.problem.isVisible()
    assert mobile.problem.text().startswith("This is not a phone number that can be dialled.")
    assert email.problem.text().startswith("This does not look like an email address")
    given = page.fields["emergency_contacts[0].given_names"]
    assert not given.problem.isVisible()  # not left yet: no nagging
    window.words.set_language("es")
    assert mobile.problem.text().startswith("Este no es un número de teléfono")
    assert mobile.editor.accessibleDescription() == mobile.problem.text()
    assert phone(page, 0).text() == "555 12"
    assert (
        page.fields["emergency_contacts"].label.text() == "&Contactos, en el orden en que se llaman"
    )


def test_a_bad_date_is_named_beside_the_field(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    born = page.editor("emergency_contacts[0].date_of_birth")
    assert isinstance(born, DateField)
    retype(qtbot, born.line, "31/12/1983")  # day first, but the page is in English
    field = page.fields["emergency_contacts[0].date_of_birth"]
    assert field.problem.text().startswith("This is not a date.")
    assert window.session.plan.emergency_contacts[0].date_of_birth.isoformat() == "1983-12-01"
    window.words.set_language("es")
    retype(qtbot, born.line, "31/12/1983")
    assert window.session.plan.emergency_contacts[0].date_of_birth.isoformat() == "1983-12-31"
    assert not field.problem.isVisible()


def test_the_calling_order_changes_by_buttons_and_by_dragging(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    editor = contacts(page).editor
    qtbot.mouseClick(editor.down, Qt.MouseButton.LeftButton)
    ids = [c.id for c in window.session.plan.emergency_contacts]
    assert ids[:2] == ["contact-julio", "contact-rosa"]
    assert editor.current() == 1 and answer(page, "given_names").text() == "Rosa María"
    assert "emergency_contacts[1].given_names" in page.fields
    assert editor.items.item(0).text() == "1. Julio César Xicará (Godparent)"
    assert editor.items.item(1).text() == "2. Rosa María Pérez Camacho (Aunt or uncle)"
    qtbot.mouseClick(editor.up, Qt.MouseButton.LeftButton)
    assert window.session.plan.emergency_contacts[0].id == "contact-rosa"
    assert not editor.up.isEnabled()

    items = editor.items
    assert items.dragDropMode() is items.DragDropMode.InternalMove
    items.setCurrentRow(4)
    assert answer(page, "given_names").text() == "Francisca"
    # What QListWidget does when the abuela is dropped above the first row:
    items.model().moveRow(QModelIndex(), 4, QModelIndex(), 0)
    plan = window.session.plan
    qtbot.waitUntil(lambda: plan.emergency_contacts[0].id == "contact-abuela")
    assert [c.id for c in plan.emergency_contacts][1:3] == ["contact-rosa", "contact-julio"]
    assert items.item(0).text().startswith("1. Francisca")
    assert items.currentRow() == 0 and answer(page, "given_names").text() == "Francisca"
    assert page.fields.get("emergency_contacts[0].given_names") is not None
    # Dropped further down: Rosa (now second) goes to the end.
    items.model().moveRow(QModelIndex(), 1, QModelIndex(), 5)
    qtbot.waitUntil(lambda: plan.emergency_contacts[-1].id == "contact-rosa")
    assert items.item(4).text().startswith("5. Rosa María")


def test_removing_a_caregiver_clears_the_choice_and_says_so(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    listed = contacts(page)
    asked: list[str] = []

    def remove_it(name: str) -> bool:
        asked.append(name)
        return True

    listed.confirm_remove = remove_it
    editor = listed.editor
    editor.items.setCurrentRow(1)  # Julio: Mateo's and Sebastián's alternate
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    assert asked == ["2. Julio César Xicará (Godparent)"]
    plan = window.session.plan
    assert "contact-julio" not in [c.id for c in plan.emergency_contacts]
    assert [c.care.alternate_caregiver_id for c in plan.children][1:3] == [None, None]
    assert all("contact-julio" not in c.may_be_released_to for c in plan.children)
    assert page.removed_note.isVisible()
    assert page.removed_note.text().startswith("Julio César Xicará was removed.")
    assert editor.items.count() == 4 and answer(page, "given_names").text() == "Maribel"
    assert editor.items.item(1).text() == "2. Maribel Castañeda (Neighbor)"
    assert editor.items.hasFocus()

    editor.items.setCurrentRow(3)  # the abuela: nobody's caregiver
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    assert [c.id for c in plan.emergency_contacts][-1] == "contact-jennifer"
    assert not page.removed_note.isVisible()

    listed.confirm_remove = lambda name: False  # "Keep"
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    assert editor.items.count() == 3

    window.session.forget()  # "Finish and erase": no widget keeps the family's answers
    assert not listed.detail.isVisible() and listed.empty.isVisible()
    assert (answer(page, "given_names").text(), answer(page, "notes").toPlainText()) == ("", "")
    assert (phone(page, 0).text(), answer(page, "languages").values()) == ("", [])


def test_problems_of_another_contact_mark_the_list_not_the_form(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("large-tx.json")
    plan.emergency_contacts[3].email = "jen at example"
    window = make_window(plan)
    page = open_page(window)
    assert not any(f.problem.isVisible() for f in page.fields.values())
    items = contacts(page).editor.items
    assert items.item(3).text().startswith("⚠ 4. Jennifer")
    assert items.item(3).data(Qt.ItemDataRole.AccessibleTextRole).endswith(", has problems")
    items.setCurrentRow(3)
    email = page.fields["emergency_contacts[3].email"]
    assert email.problem.isVisible() and email.problem.text().startswith("This does not look")


def test_the_page_advises_two_contacts_in_different_households(make_window: WindowMaker) -> None:
    plan = new_plan("TX")
    plan.emergency_contacts.append(Contact(id="contact-1", given_names="Rosa"))
    window = make_window(plan)
    page = open_page(window)
    assert "at least two contacts who live in different households" in page.advice.text()
    warning = page.fields["emergency_contacts"].problem
    assert warning.isVisible() and warning.text().startswith("Fewer than 2 emergency contacts.")


def test_every_word_on_the_page_is_translated(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"), language="es")
    page = open_page(window)
    fields: list[Field] = list(page.fields.values())
    texts = [f.label.text() for f in fields] + [f.why.text() for f in fields]
    assert not [t for t in texts if t.startswith(("contacts.", "item.", "address."))]
    listed = contacts(page)
    assert (listed.editor.add.text(), listed.editor.remove.text()) == (
        "Agregar co&ntacto",
        "&Quitar contacto",
    )
    assert listed.editor.add.accessibleName() == "Agregar contacto"
    assert listed.editor.items.item(0).text() == "1. Rosa María Pérez Camacho (Tío o tía)"
    assert answer(page, "relationship").currentText() == "Tío o tía"
