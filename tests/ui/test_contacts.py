"""The emergency contacts page: typed by keyboard, checked beside each field, reordered by buttons
and by dragging, in English and Spanish."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.model import Contact
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import assert_unique_mnemonics, focus, retype
from ui.pages.contacts import ContactsPage
from ui.session import new_plan
from ui.wizard import WizardWindow


def open_page(window: WizardWindow) -> ContactsPage:
    window.show_section(SectionId.CONTACTS)
    page = window.pages[SectionId.CONTACTS]
    assert isinstance(page, ContactsPage)
    return page


def test_a_contact_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_page(window)
    assert page.empty.isVisible() and not page.detail.isVisible()
    qtbot.mouseClick(page.contacts.editor.add, Qt.MouseButton.LeftButton)
    assert page.detail.isVisible()
    qtbot.waitUntil(page.given.hasFocus)
    for text in ("Francisca", "Xicara Tum"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.family_first
    qtbot.keyClick(page.family_first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.relationship
    qtbot.keyClicks(page.relationship, "Grand")
    qtbot.keyClick(page.relationship, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Carlos's mother")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.mobile
    qtbot.keyClicks(page.mobile, "+502 5555 1234")
    qtbot.keyClick(page.mobile, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.second, "(713) 555.0174")
    qtbot.keyClick(page.second, Qt.Key.Key_Tab)
    retype(qtbot, page.address.city, "Quetzaltenango")
    focus(qtbot, page.address.country)
    qtbot.keyClicks(page.address.country, "Guatemala")
    retype(qtbot, page.date_of_birth.line, "03/19/1958")

    contact = window.session.plan.emergency_contacts[0]
    assert contact.full_name == "Francisca Xicara Tum"
    assert contact.relationship == "grandparent"
    assert contact.relationship_detail == "Carlos's mother"
    assert [p.number for p in contact.phones] == ["+50255551234", "+17135550174"]
    assert [p.kind for p in contact.phones] == ["mobile", "other"]
    assert page.mobile.text() == "+502 5555 1234"
    assert page.second.text() == "(713) 555-0174"
    assert contact.address is not None
    assert (contact.address.city, contact.address.country) == ("Quetzaltenango", "GT")
    assert contact.date_of_birth is not None and contact.date_of_birth.isoformat() == "1958-03-19"
    assert page.contacts.editor.items.item(0).text() == "1. Francisca Xicara Tum (Grandparent)"
    assert page.detail.title() == "About Francisca Xicara Tum"


def test_the_sensitive_question_can_be_skipped_and_languages_ticked(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    field = page.fields["emergency_contacts[0].situation_is_stable"]
    assert "You can skip this question" in field.why.text()
    assert [page.stable.itemText(i) for i in range(3)] == ["Not asked", "Yes", "No"]
    focus(qtbot, page.stable)
    contact = window.session.plan.emergency_contacts[0]
    assert page.stable.currentText() == "Yes" and contact.situation_is_stable is True
    qtbot.keyClick(page.stable, Qt.Key.Key_Down)
    assert contact.situation_is_stable is False
    qtbot.keyClick(page.stable, Qt.Key.Key_Up)
    qtbot.keyClick(page.stable, Qt.Key.Key_Up)
    assert contact.situation_is_stable is None

    languages = page.languages
    focus(qtbot, languages)
    codes = [languages.item(i).data(Qt.ItemDataRole.UserRole) for i in range(languages.count())]
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
    qtbot.mouseClick(page.contacts.editor.add, Qt.MouseButton.LeftButton)
    mobile = page.contact.fields["mobile"]
    email = page.fields["emergency_contacts[0].email"]
    assert not mobile.problem.isVisible()
    retype(qtbot, page.mobile, "555 12")
    retype(qtbot, page.email, "rosa at example")
    assert mobile.problem.isVisible()
    assert mobile.problem.text().startswith("This is not a phone number that can be dialled.")
    assert email.problem.text().startswith("This does not look like an email address")
    given = page.fields["emergency_contacts[0].given_names"]
    assert not given.problem.isVisible()  # not left yet: no nagging
    window.words.set_language("es")
    assert mobile.problem.text().startswith("Este no es un número de teléfono")
    assert mobile.editor.accessibleDescription() == mobile.problem.text()
    assert page.mobile.text() == "555 12"
    assert (
        page.fields["emergency_contacts"].label.text() == "&Contactos, en el orden en que se llaman"
    )


def test_a_bad_date_is_named_beside_the_field(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    retype(qtbot, page.date_of_birth.line, "31/12/1983")  # day first, but the page is in English
    field = page.fields["emergency_contacts[0].date_of_birth"]
    assert field.problem.text().startswith("This is not a date.")
    assert window.session.plan.emergency_contacts[0].date_of_birth.isoformat() == "1983-12-01"
    window.words.set_language("es")
    retype(qtbot, page.date_of_birth.line, "31/12/1983")
    assert window.session.plan.emergency_contacts[0].date_of_birth.isoformat() == "1983-12-31"
    assert not field.problem.isVisible()


def test_the_calling_order_changes_by_buttons_and_by_dragging(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    editor = page.contacts.editor
    qtbot.mouseClick(editor.down, Qt.MouseButton.LeftButton)
    ids = [c.id for c in window.session.plan.emergency_contacts]
    assert ids[:2] == ["contact-julio", "contact-rosa"]
    assert editor.current() == 1 and page.given.text() == "Rosa María"
    assert editor.items.item(0).text().startswith("1. Julio César")
    qtbot.mouseClick(editor.up, Qt.MouseButton.LeftButton)
    assert window.session.plan.emergency_contacts[0].id == "contact-rosa"
    assert not editor.up.isEnabled()

    items = editor.items
    assert items.dragDropMode() is items.DragDropMode.InternalMove
    items.setCurrentRow(4)
    assert page.given.text() == "Francisca"
    # What QListWidget does when the abuela is dropped above the first row:
    items.model().moveRow(QModelIndex(), 4, QModelIndex(), 0)
    plan = window.session.plan
    qtbot.waitUntil(lambda: plan.emergency_contacts[0].id == "contact-abuela")
    assert [c.id for c in plan.emergency_contacts][1:3] == ["contact-rosa", "contact-julio"]
    assert items.item(0).text().startswith("1. Francisca")
    assert items.currentRow() == 0 and page.given.text() == "Francisca"
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
    editor = page.contacts.editor
    editor.items.setCurrentRow(1)  # Julio: Mateo's and Sebastián's alternate
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    plan = window.session.plan
    assert "contact-julio" not in [c.id for c in plan.emergency_contacts]
    assert [c.care.alternate_caregiver_id for c in plan.children][1:3] == [None, None]
    assert all("contact-julio" not in c.may_be_released_to for c in plan.children)
    assert page.removed_note.isVisible()
    assert page.removed_note.text().startswith("Julio César Xicará was removed.")
    assert editor.items.count() == 4 and page.given.text() == "Maribel"


def test_problems_of_another_contact_mark_the_list_not_the_form(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("large-tx.json")
    plan.emergency_contacts[3].email = "jen at example"
    window = make_window(plan)
    page = open_page(window)
    assert not any(f.problem.isVisible() for f in page.fields.values())
    items = page.contacts.editor.items
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


def test_visiting_every_contact_and_switching_language_changes_nothing(
    make_window: WindowMaker,
) -> None:
    window = make_window()
    for name in ("large-tx.json", "small-ca.json", "mixed-names-ny.json"):
        window.session.replace(example_plan(name), household_id="opened")
        page = open_page(window)
        for row in range(page.contacts.editor.items.count()):
            page.contacts.editor.items.setCurrentRow(row)
        window.words.set_language("es")
        window.words.set_language("en")
        window.go_next()
        assert window.current is ORDER[ORDER.index(SectionId.CONTACTS) + 1]
        assert window.session.plan == example_plan(name), name


def test_mnemonics_on_the_page_do_not_collide(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"))
    for language in ("en", "es"):
        window.words.set_language(language)
        page = open_page(window)
        editor = page.contacts.editor
        assert_unique_mnemonics(window, page, [editor.add, editor.remove, editor.up, editor.down])
