"""The household page, used as a parent would: typing, tabbing, ticking, adding and removing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import Address, Phone, PhoneKind, limit_at
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import assert_unique_mnemonics, focus, open_section, type_and_tab
from ui.pages.household import HouseholdPage
from ui.pages.welcome import WelcomePage
from ui.widgets import DateField


def adult_editor(page: HouseholdPage, path: str) -> Any:
    """The editor of the shown parent's answer at `path` (`employer.phone`)."""
    return page.list_of("adults").form.answers[path].editor


def adult_address(page: HouseholdPage, path: str, part: str) -> Any:
    """An editor of one of the shown parent's addresses (`address`, `employer.address` …)."""
    return page.list_of("adults").form.addresses[path].editors[part]


def adult_phones(page: HouseholdPage) -> tuple[Any, Any]:
    _, first, second = page.list_of("adults").form.phones["phones"]
    return first, second


def test_the_home_typed_field_after_field_reaches_the_plan_and_a_bad_zip_is_explained(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    focus(qtbot, page.editor("household.address.street"))
    type_and_tab(qtbot, "1457 Calle Girasol")
    assert page.editor("household.address.unit").hasFocus()
    type_and_tab(qtbot, "Apt 3B")
    assert page.editor("household.address.city").hasFocus()
    type_and_tab(qtbot, "Los Angeles")
    state = page.editor("household.address.state")
    assert state.hasFocus()
    type_and_tab(qtbot, "California")  # the name becomes the state's code as the field is left
    assert state.text() == "CA"
    type_and_tab(qtbot, "90033")
    country = page.editor("household.address.country")
    assert country.hasFocus() and country.currentText() == "United States"
    qtbot.keyClick(country, Qt.Key.Key_Tab)
    home_phone = page.editor("household.home_phone")
    assert home_phone.hasFocus()
    type_and_tab(qtbot, "(323) 555-0148")
    address = window.session.plan.household.address
    assert (address.street, address.unit, address.city) == (
        "1457 Calle Girasol",
        "Apt 3B",
        "Los Angeles",
    )
    assert (address.state, address.postal_code, address.country) == ("CA", "90033", "US")
    assert window.session.plan.household.home_phone == "+13235550148"
    assert home_phone.text() == "(323) 555-0148"

    zip_field = page.fields["household.address.postal_code"]
    postal_code = page.editor("household.address.postal_code")
    focus(qtbot, postal_code)
    postal_code.selectAll()
    type_and_tab(qtbot, "9003")
    assert zip_field.problem.isVisible()
    assert zip_field.problem.text().startswith("A US ZIP code has 5 digits")
    window.words.set_language("es")
    assert zip_field.problem.text().startswith("Un código postal")
    assert postal_code.text() == "9003"
    assert zip_field.label.text() == "Código postal"


def test_the_homes_state_starts_at_the_state_chosen_on_welcome(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    welcome = window.pages[SectionId.WELCOME]
    assert isinstance(welcome, WelcomePage)
    focus(qtbot, welcome.state)
    qtbot.keyClicks(welcome.state, "Texas")
    assert window.session.plan.household.state == "TX"
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    assert page.editor("household.address.state").text() == "TX"
    window.go_back()  # the address has nothing in it yet: a new choice on Welcome follows
    assert window.session.plan.household.address == Address()
    focus(qtbot, welcome.state)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(welcome.state, "Illinois")
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    assert page.editor("household.address.state").text() == "IL"
    focus(qtbot, page.editor("household.address.street"))
    type_and_tab(qtbot, "2240 W Cermak Rd")
    address = window.session.plan.household.address
    assert (address.street, address.state) == ("2240 W Cermak Rd", "IL")


def test_a_parent_added_and_typed_by_keyboard_and_a_bad_date_explained(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    adults = page.list_of("adults")
    assert not adults.detail.isVisible()
    focus(qtbot, adults.editor.add)
    qtbot.keyClick(adults.editor.add, Qt.Key.Key_Space)
    assert adults.detail.isVisible()
    assert page.editor("adults[0].given_names").hasFocus()
    type_and_tab(qtbot, "Thị Hồng")
    type_and_tab(qtbot, "Nguyễn")
    role = page.editor("adults[0].role")
    assert role.hasFocus()
    qtbot.keyClicks(role, "M")  # Mother
    qtbot.keyClick(role, Qt.Key.Key_Tab)
    family_first = page.editor("adults[0].family_name_first")
    assert family_first.hasFocus()
    qtbot.keyClick(family_first, Qt.Key.Key_Space)
    qtbot.keyClick(family_first, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "Hong Nguyen")
    born = page.editor("adults[0].date_of_birth")
    assert isinstance(born, DateField) and born.line.hasFocus()
    type_and_tab(qtbot, "04/23/1990")
    assert born.button.hasFocus()  # the calendar, then the country
    qtbot.keyClick(born.button, Qt.Key.Key_Tab)
    country = page.editor("adults[0].country_of_birth")
    assert country.hasFocus() and country.currentText() == "Not recorded"
    qtbot.keyClicks(country, "Vietnam")
    qtbot.keyClick(country, Qt.Key.Key_Tab)
    languages = page.editor("adults[0].languages")
    assert languages.hasFocus()
    languages.setCurrentRow(languages.choices().index("vi"))
    qtbot.keyClick(languages, Qt.Key.Key_Space)
    qtbot.keyClick(languages, Qt.Key.Key_Tab)
    assert page.editor("adults[0].phones[0].number").hasFocus()
    type_and_tab(qtbot, "718.555.0132")
    type_and_tab(qtbot, "+84 90 555 1234")
    assert page.editor("adults[0].email").hasFocus()
    type_and_tab(qtbot, "hong@example.org")
    assert page.editor("adults[0].lives_in_household").hasFocus()
    adult = window.session.plan.adults[0]
    assert adult.id.startswith("adult-")
    assert adult.full_name == "Nguyễn Thị Hồng"
    assert adult.role.value == "mother"
    assert adult.other_names == "Hong Nguyen"
    assert adult.date_of_birth == date(1990, 4, 23)
    assert adult.country_of_birth == "VN"
    assert adult.languages == ["vi"]
    assert [(p.number, p.kind.value) for p in adult.phones] == [
        ("+17185550132", "mobile"),
        ("+84905551234", "other"),
    ]
    assert adult.email == "hong@example.org"
    assert adult.lives_in_household and adult.address is None
    assert (adult.employer, adult.consulate) == (None, None)  # nothing typed there
    assert adults.editor.items.item(0).text() == "Nguyễn Thị Hồng — Mother"
    assert adults.heading.text() == "Nguyễn Thị Hồng — Mother"

    # A date that is not a date stays as typed, with its problem beside it, in both languages.
    before = window.session.plan.adults[0].date_of_birth
    field = page.fields["adults[0].date_of_birth"]
    focus(qtbot, born.line)
    born.line.selectAll()
    type_and_tab(qtbot, "31/31/1990")
    assert field.problem.text().startswith("This is not a date.")
    assert window.session.plan.adults[0].date_of_birth == before
    window.words.set_language("es")
    assert born.line.text() == "31/31/1990"
    assert field.problem.text().startswith("Esto no es una fecha.")
    focus(qtbot, born.line)
    born.line.selectAll()
    type_and_tab(qtbot, "24/04/1990")  # day first in Spanish
    assert window.session.plan.adults[0].date_of_birth == date(1990, 4, 24)
    assert not field.problem.isVisible()


def test_a_parent_living_elsewhere_in_texas_is_asked_for_an_address_and_told_why(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    page.list_of("adults").editor.items.setCurrentRow(1)
    assert not page.elsewhere_box.isVisible()
    lives_here = page.editor("adults[1].lives_in_household")
    focus(qtbot, lives_here)
    qtbot.keyClick(lives_here, Qt.Key.Key_Space)
    assert page.elsewhere_box.isVisible()
    assert page.notice_note.isVisible() and "Texas" in page.notice_note.text()
    assert not page.sign_note.isVisible()
    street = page.fields["adults[1].address.street"]
    assert street.problem.text().startswith("This parent lives elsewhere but has no address.")
    qtbot.keyClick(lives_here, Qt.Key.Key_Tab)
    assert page.editor("adults[1].address.street").hasFocus()
    type_and_tab(qtbot, "2210 Calle 5")
    type_and_tab(qtbot, "")  # no unit
    type_and_tab(qtbot, "Monterrey")
    type_and_tab(qtbot, "Nuevo León")
    type_and_tab(qtbot, "64000")
    away_country = page.editor("adults[1].address.country")
    assert away_country.hasFocus()
    qtbot.keyClicks(away_country, "Mexico")
    qtbot.keyClick(away_country, Qt.Key.Key_Tab)
    ana = window.session.plan.adults[1]
    assert not ana.lives_in_household
    assert ana.address is not None
    assert (ana.address.street, ana.address.city, ana.address.state, ana.address.country) == (
        "2210 Calle 5",
        "Monterrey",
        "Nuevo León",
        "MX",
    )
    assert not street.problem.isVisible()
    # Tex. Fam. Code §34.005(a-2): a parent under the family-violence exception gets no copy.
    violence = page.editor("adults[1].family_violence_order")
    assert violence.isVisible()
    focus(qtbot, violence)
    qtbot.keyClick(violence, Qt.Key.Key_Space)
    qtbot.keyClick(violence, Qt.Key.Key_Tab)
    assert window.session.plan.adults[1].family_violence_order

    # Living in the household again: no other home, and no exception, stays in the plan.
    focus(qtbot, lives_here)
    qtbot.keyClick(lives_here, Qt.Key.Key_Space)
    assert not page.elsewhere_box.isVisible()
    ana = window.session.plan.adults[1]
    assert ana.lives_in_household and ana.address is None and not ana.family_violence_order
    page.list_of("adults").editor.items.setCurrentRow(0)  # what the hidden box holds stays out
    assert window.session.plan.adults[1].address is None
    page.list_of("adults").editor.items.setCurrentRow(1)
    qtbot.keyClick(lives_here, Qt.Key.Key_Space)  # the address is asked again, from nothing
    assert page.editor("adults[1].address.street").text() == ""

    # Illinois asks instead whether that parent can sign.
    window.session.plan.household.state = "IL"
    window.show_section(SectionId.HOUSEHOLD)
    assert page.sign_note.isVisible() and "Illinois" in page.sign_note.text()
    assert not page.notice_note.isVisible()
    assert not page.editor("adults[1].family_violence_order").isVisible()


def test_work_and_consulate_are_kept_with_their_addresses_and_notes(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    page.list_of("adults").editor.items.setCurrentRow(1)  # Ana: an employer without an address
    notes = page.editor("adults[1].employer.notes")
    assert notes.toPlainText() == "Part-time home aide, flexible hours."
    focus(qtbot, page.editor("adults[1].employer.address.street"))
    type_and_tab(qtbot, "9800 Centre Pkwy")
    type_and_tab(qtbot, "Suite 150")
    type_and_tab(qtbot, "Houston")
    type_and_tab(qtbot, "tx")
    type_and_tab(qtbot, "77036")
    employer = window.session.plan.adults[1].employer
    assert employer is not None and employer.address is not None
    assert employer.address == Address(
        street="9800 Centre Pkwy", unit="Suite 150", city="Houston", state="TX", postal_code="77036"
    )
    assert employer.notes == "Part-time home aide, flexible hours."
    focus(qtbot, page.editor("adults[1].consulate.address.street"))
    type_and_tab(qtbot, "4507 San Jacinto St")
    consulate = window.session.plan.adults[1].consulate
    assert consulate is not None and consulate.address is not None
    assert consulate.address.street == "4507 San Jacinto St"

    page.list_of("adults").editor.items.setCurrentRow(0)  # Carlos: everything shown as kept
    assert page.editor("adults[0].employer.address.unit").text() == "Bay 6"
    assert page.editor("adults[0].consulate.address.street").text() == "3013 Fountain View Dr"
    assert page.editor("adults[0].employer.notes").toPlainText().startswith("Paid every other")
    assert set(page.editor("adults[0].languages").values()) == {"es", "en"}


def test_an_emptied_first_phone_lets_the_second_move_up_with_its_kind_and_note(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    page.list_of("adults").editor.items.setCurrentRow(0)
    first, second = adult_phones(page)
    focus(qtbot, first)
    first.selectAll()
    qtbot.keyClick(first, Qt.Key.Key_Delete)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    foreman = Phone(
        number="+12815550163", kind=PhoneKind.WORK, note="Crew foreman's phone, 7 am – 4 pm"
    )
    assert window.session.plan.adults[0].phones == [foreman]
    assert (first.text(), second.text()) == ("(281) 555-0163", "")
    page.edited.emit()  # stored again: the number keeps its kind and note
    assert window.session.plan.adults[0].phones == [foreman]


def test_languages_are_ticked_by_keyboard_and_others_added_by_name(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    languages = page.editor("household.family_languages")
    assert languages is page.languages
    focus(qtbot, languages)
    languages.setCurrentRow(languages.choices().index("ht"))
    qtbot.keyClick(languages, Qt.Key.Key_Space)
    assert window.session.plan.household.family_languages == ["en", "ht"]
    focus(qtbot, page.other_language)
    qtbot.keyClicks(page.other_language, "K'iche")
    qtbot.keyClick(page.other_language, Qt.Key.Key_Tab)
    assert page.add_language.hasFocus()
    qtbot.keyClick(page.add_language, Qt.Key.Key_Space)
    assert window.session.plan.household.family_languages == ["en", "ht", "quc"]
    window.words.set_language("es")
    labels = [languages.item(row).text() for row in range(languages.count())]
    assert "Criollo haitiano" in labels and "K'iche'" in labels
    assert languages.values() == ["en", "ht", "quc"]


def test_the_papers_language_is_english_or_spanish_and_an_older_choice_stays(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("small-ca.json")
    plan.household.document_language = "vi"
    window = make_window(plan)
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    chosen = page.editor("household.document_language")
    shown = [chosen.itemText(i) for i in range(chosen.count())]
    assert shown == ["English", "Spanish", "Vietnamese"]
    assert chosen.currentText() == "Vietnamese"
    focus(qtbot, chosen)
    qtbot.keyClicks(chosen, "S")
    qtbot.keyClick(chosen, Qt.Key.Key_Tab)
    assert window.session.plan.household.document_language == "es"


def test_parents_are_reordered_and_removed_and_references_to_them_go(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    adults = page.list_of("adults")
    asked: list[str] = []
    adults.confirm_remove = lambda name: asked.append(name) or True
    adults.editor.items.setCurrentRow(1)
    assert adult_editor(page, "given_names").text() == "Ana Lucía"
    qtbot.mouseClick(adults.editor.up, Qt.MouseButton.LeftButton)
    plan = window.session.plan
    assert [a.id for a in plan.adults] == ["adult-ana", "adult-carlos"]
    assert adults.editor.current() == 0
    assert "adults[0].given_names" in page.fields and "adults[1].given_names" not in page.fields
    assert adult_editor(page, "given_names").text() == "Ana Lucía"
    qtbot.mouseClick(adults.editor.remove, Qt.MouseButton.LeftButton)
    assert asked == ["Ana Lucía Pérez de Morales — Mother"]
    assert [a.id for a in plan.adults] == ["adult-carlos"]
    assert all("adult-ana" not in child.may_be_released_to for child in plan.children)
    assert all(
        "adult-ana" not in (child.care.primary_caregiver_id, child.care.alternate_caregiver_id)
        for child in plan.children
    )
    assert all(paper.belongs_to != "adult-ana" for paper in plan.documents)
    assert adult_editor(page, "given_names").text() == "Carlos Eduardo"

    window.session.forget()  # "Finish and erase": no widget keeps the family's answers
    assert not adults.detail.isVisible()
    first, _ = adult_phones(page)
    assert (
        adult_editor(page, "given_names").text(),
        first.text(),
        adult_editor(page, "employer.name").text(),
        adult_address(page, "employer.address", "street").text(),
        page.editor("household.address.street").text(),
    ) == ("", "", "", "", "")


def test_alt_letters_are_unique_and_the_page_fits_with_a_parent_living_elsewhere(
    make_window: WindowMaker,
) -> None:
    plan = example_plan("large-tx.json")
    plan.adults[1].lives_in_household = False
    plan.adults[1].address = Address(street="2210 Calle 5", city="Monterrey", country="MX")
    window = make_window(plan)
    for language in ("en", "es"):
        window.words.set_language(language)
        page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
        adults = page.list_of("adults")
        adults.editor.items.setCurrentRow(1)
        assert page.elsewhere_box.isVisibleTo(page)
        editor = adults.editor
        assert_unique_mnemonics(window, page, [editor.add, editor.remove, editor.up, editor.down])
        assert page.editor("adults[1].family_violence_order").isVisibleTo(page)
        assert page.scroll_area.horizontalScrollBar().maximum() == 0  # nothing wider than the page
        for field in adults.form.fields().values():  # each address field still has a name
            assert field.editor.accessibleName(), field.label.text()


def test_every_one_line_field_of_the_home_and_a_parent_stops_at_the_plans_limit(
    make_window: WindowMaker,
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    page.list_of("adults").editor.items.setCurrentRow(1)
    limited = {
        path: (field.editor.maxLength(), limit_at(path))
        for path, field in page.fields.items()
        if isinstance(field.editor, QLineEdit) and limit_at(path) is not None
    }
    assert {"household.address.street", "adults[1].given_names"} <= set(limited)
    assert "adults[1].consulate.address.postal_code" in limited
    assert all(typed == limit for typed, limit in limited.values()), limited
    assert page.editor("adults[1].family_names").maxLength() == 100
