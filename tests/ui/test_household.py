"""The household page, used as a parent would: typing, tabbing, ticking, adding and removing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.household import HouseholdPage
from ui.pages.welcome import WelcomePage


def test_the_home_typed_field_after_field_reaches_the_plan_and_a_bad_zip_is_explained(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    focus(qtbot, page.street)
    type_and_tab(qtbot, "1457 Calle Girasol")
    assert page.unit.hasFocus()
    type_and_tab(qtbot, "Apt 3B")
    assert page.city.hasFocus()
    type_and_tab(qtbot, "Los Angeles")
    assert page.state.hasFocus()
    qtbot.keyClicks(page.state, "Calif")
    qtbot.keyClick(page.state, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "90033")
    assert page.home_phone.hasFocus()
    type_and_tab(qtbot, "(323) 555-0148")
    address = window.session.plan.household.address
    assert (address.street, address.unit, address.city) == (
        "1457 Calle Girasol",
        "Apt 3B",
        "Los Angeles",
    )
    assert (address.state, address.postal_code) == ("CA", "90033")
    assert window.session.plan.household.home_phone == "+13235550148"
    assert page.home_phone.text() == "(323) 555-0148"

    zip_field = page.fields["household.address.postal_code"]
    focus(qtbot, page.zip)
    page.zip.selectAll()
    type_and_tab(qtbot, "9003")
    assert zip_field.problem.isVisible()
    assert zip_field.problem.text().startswith("A US ZIP code has 5 digits")
    window.words.set_language("es")
    assert zip_field.problem.text().startswith("Un código postal")
    assert page.zip.text() == "9003"
    assert zip_field.label.text() == "Código &postal (ZIP)"


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
    assert page.state.currentText() == "Texas"
    window.go_back()  # the address has nothing in it yet: a new choice on Welcome follows
    assert window.session.plan.household.address.state == ""
    focus(qtbot, welcome.state)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(welcome.state, "Illinois")
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    assert page.state.currentText() == "Illinois"
    focus(qtbot, page.street)
    type_and_tab(qtbot, "2240 W Cermak Rd")
    address = window.session.plan.household.address
    assert (address.street, address.state) == ("2240 W Cermak Rd", "IL")


def test_a_parent_added_and_typed_by_keyboard_and_a_bad_date_explained(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    assert not page.adult_detail.isVisible()
    focus(qtbot, page.adults.list.add)
    qtbot.keyClick(page.adults.list.add, Qt.Key.Key_Space)
    assert page.adult_detail.isVisible()
    assert page.given.hasFocus()
    type_and_tab(qtbot, "Thị Hồng")
    type_and_tab(qtbot, "Nguyễn")
    assert page.role.hasFocus()
    qtbot.keyClicks(page.role, "M")  # Mother
    qtbot.keyClick(page.role, Qt.Key.Key_Tab)
    assert page.family_first.hasFocus()
    qtbot.keyClick(page.family_first, Qt.Key.Key_Space)
    qtbot.keyClick(page.family_first, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "Hong Nguyen")
    assert page.born.line.hasFocus()
    type_and_tab(qtbot, "04/23/1990")
    assert page.born.button.hasFocus()  # the calendar, then the country
    qtbot.keyClick(page.born.button, Qt.Key.Key_Tab)
    assert page.country.hasFocus()
    qtbot.keyClicks(page.country, "Vietnam")
    qtbot.keyClick(page.country, Qt.Key.Key_Tab)
    assert page.mobile.hasFocus()
    type_and_tab(qtbot, "718.555.0132")
    type_and_tab(qtbot, "+84 90 555 1234")
    type_and_tab(qtbot, "hong@example.org")
    adult = window.session.plan.adults[0]
    assert adult.id.startswith("adult-")
    assert adult.full_name == "Nguyễn Thị Hồng"
    assert adult.role.value == "mother"
    assert adult.other_names == "Hong Nguyen"
    assert adult.date_of_birth == date(1990, 4, 23)
    assert adult.country_of_birth == "VN"
    assert [(p.number, p.kind.value) for p in adult.phones] == [
        ("+17185550132", "mobile"),
        ("+84905551234", "other"),
    ]
    assert adult.email == "hong@example.org"
    assert page.adults.list.items.item(0).text() == "Nguyễn Thị Hồng — Mother"

    # A date that is not a date stays as typed, with its problem beside it, in both languages.
    before = window.session.plan.adults[0].date_of_birth
    born = page.adults.fields["date_of_birth"]
    focus(qtbot, page.born.line)
    page.born.line.selectAll()
    type_and_tab(qtbot, "31/31/1990")
    assert born.problem.text().startswith("This is not a date.")
    assert window.session.plan.adults[0].date_of_birth == before
    window.words.set_language("es")
    assert page.born.line.text() == "31/31/1990"
    assert born.problem.text().startswith("Esto no es una fecha.")
    focus(qtbot, page.born.line)
    page.born.line.selectAll()
    type_and_tab(qtbot, "24/04/1990")  # day first in Spanish
    assert window.session.plan.adults[0].date_of_birth == date(1990, 4, 24)
    assert not born.problem.isVisible()


def test_a_parent_living_elsewhere_in_texas_is_asked_for_an_address_and_told_why(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    page.adults.list.items.setCurrentRow(1)
    assert not page.elsewhere_box.isVisible()
    focus(qtbot, page.lives_here)
    qtbot.keyClick(page.lives_here, Qt.Key.Key_Space)
    assert page.elsewhere_box.isVisible()
    assert page.notice_note.isVisible() and "Texas" in page.notice_note.text()
    assert not page.sign_note.isVisible()
    street = page.adults.fields["address.street"]
    assert street.problem.text().startswith("This parent lives elsewhere but has no address.")
    qtbot.keyClick(page.lives_here, Qt.Key.Key_Tab)
    assert page.away_street.hasFocus()
    type_and_tab(qtbot, "2210 Calle 5")
    type_and_tab(qtbot, "Monterrey")
    type_and_tab(qtbot, "Nuevo León")
    type_and_tab(qtbot, "64000")
    qtbot.keyClicks(page.away_country, "Mexico")
    qtbot.keyClick(page.away_country, Qt.Key.Key_Tab)
    ana = window.session.plan.adults[1]
    assert not ana.lives_in_household
    assert ana.address is not None
    assert (ana.address.city, ana.address.state, ana.address.country) == (
        "Monterrey",
        "Nuevo León",
        "MX",
    )
    assert not street.problem.isVisible()
    # Tex. Fam. Code §34.005(a-2): a parent under the family-violence exception gets no copy.
    assert page.violence.isVisible()
    focus(qtbot, page.violence)
    qtbot.keyClick(page.violence, Qt.Key.Key_Space)
    qtbot.keyClick(page.violence, Qt.Key.Key_Tab)
    assert window.session.plan.adults[1].family_violence_order

    # Illinois asks instead whether that parent can sign.
    window.session.plan.household.state = "IL"
    window.show_section(SectionId.HOUSEHOLD)
    assert page.sign_note.isVisible() and "Illinois" in page.sign_note.text()
    assert not page.notice_note.isVisible()
    assert not page.violence.isVisible()


def test_languages_are_ticked_by_keyboard_and_others_added_by_name(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    focus(qtbot, page.languages)
    page.languages.setCurrentRow(page.languages.choices().index("ht"))
    qtbot.keyClick(page.languages, Qt.Key.Key_Space)
    assert window.session.plan.household.family_languages == ["en", "ht"]
    focus(qtbot, page.other_language)
    qtbot.keyClicks(page.other_language, "K'iche")
    qtbot.keyClick(page.other_language, Qt.Key.Key_Tab)
    assert page.add_language.hasFocus()
    qtbot.keyClick(page.add_language, Qt.Key.Key_Space)
    assert window.session.plan.household.family_languages == ["en", "ht", "quc"]
    window.words.set_language("es")
    labels = [page.languages.item(row).text() for row in range(page.languages.count())]
    assert "Criollo haitiano" in labels and "K'iche'" in labels
    assert page.languages.values() == ["en", "ht", "quc"]


def test_parents_are_reordered_and_removed_and_references_to_them_go(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    asked: list[str] = []
    page.adults.confirm_remove = lambda name: asked.append(name) or True
    page.adults.list.items.setCurrentRow(1)
    assert page.given.text() == "Ana Lucía"
    qtbot.mouseClick(page.adults.list.up, Qt.MouseButton.LeftButton)
    plan = window.session.plan
    assert [a.id for a in plan.adults] == ["adult-ana", "adult-carlos"]
    assert page.adults.list.current() == 0
    assert page.adults.fields is not None and "adults[0].given_names" in page.fields
    qtbot.mouseClick(page.adults.list.remove, Qt.MouseButton.LeftButton)
    assert asked == ["Ana Lucía Pérez de Morales — Mother"]
    assert [a.id for a in plan.adults] == ["adult-carlos"]
    assert all("adult-ana" not in child.may_be_released_to for child in plan.children)
    assert page.given.text() == "Carlos Eduardo"

    window.session.forget()  # "Finish and erase": no widget keeps the family's answers
    assert not page.adult_detail.isVisible()
    assert (page.given.text(), page.mobile.text(), page.street.text()) == ("", "", "")


def test_visiting_every_parent_and_switching_language_changes_nothing(
    make_window: WindowMaker,
) -> None:
    window = make_window(language="es")
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    texts = [f.label.text() for f in page.fields.values()] + [
        f.why.text() for f in page.fields.values()
    ]
    assert not [t for t in texts if t.startswith(("household.", "item."))]
    assert page.adults.list.add.text() == "&Agregar padre, madre o tutor"
    assert page.adults.list.items.accessibleName() == "Padres y tutores legales"
    for name in ("large-tx.json", "mixed-names-ny.json", "small-ca.json"):
        window.words.set_language("es")
        window.session.replace(example_plan(name), household_id=name)
        for row in range(page.adults.list.items.count()):
            page.adults.list.items.setCurrentRow(row)
            page.edited.emit()  # as if the family left a field: the page writes the form back
        window.words.set_language("pseudo")
        window.go_next()
        window.go_back()
        assert window.session.plan == example_plan(name), name
