"""A new plan starts from nothing of the last family's: the default state, and the home language
the interface speaks (a Spanish-speaking parent does not find English ticked for her)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section
from tests.ui.vault_helpers import make_controller
from ui.app import make_application
from ui.check_list import CheckList
from ui.controller import Controller
from ui.pages.household import HouseholdPage
from ui.pages.welcome import WelcomePage
from ui.session import DEFAULT_STATE, follow_language, new_plan


def home_languages(page: HouseholdPage) -> CheckList:
    editor = page.editor("household.family_languages")
    assert isinstance(editor, CheckList)
    return editor


def ticked_languages(page: HouseholdPage) -> list[str]:
    languages = home_languages(page)
    return [
        languages.item(row).text()
        for row in range(languages.count())
        if languages.item(row).checkState() is Qt.CheckState.Checked
    ]


def test_a_new_plan_speaks_only_the_language_it_is_made_in() -> None:
    assert new_plan(language="es").household.family_languages == ["es"]
    assert new_plan(language="es").household.document_language == "es"
    assert new_plan(language="en").household.family_languages == ["en"]
    assert new_plan().household.state == DEFAULT_STATE


def test_in_spanish_the_home_languages_start_with_spanish_only(make_window: WindowMaker) -> None:
    window = make_window(language="es")  # the program started in Spanish, a new plan
    home = window.session.plan.household
    assert (home.family_languages, home.document_language) == (["es"], "es")
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    assert ticked_languages(page) == ["Español"]
    assert "Inglés" not in ticked_languages(page)


def test_choosing_spanish_on_welcome_moves_a_blank_plans_languages(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()  # started in English
    welcome = window.pages[SectionId.WELCOME]
    assert isinstance(welcome, WelcomePage)
    focus(qtbot, welcome.language)
    qtbot.keyClicks(welcome.language, "Esp")  # the parent chooses Español
    assert window.words.language == "es"
    home = window.session.plan.household
    assert (home.family_languages, home.document_language) == (["es"], "es")
    page = open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
    assert ticked_languages(page) == ["Español"]
    home_languages(page).set_value_checked("en")  # English may still be ticked by the parent
    page.edited.emit()
    assert home.family_languages == ["es", "en"]


def test_the_toolbar_switch_moves_a_blank_plan_but_never_an_answered_one(
    make_window: WindowMaker,
) -> None:
    window = make_window()
    window.words.set_language("es")  # on the welcome page, from the toolbar
    assert window.session.plan.household.family_languages == ["es"]
    window.words.set_language("en")
    assert window.session.plan.household.family_languages == ["en"]

    for name in ("large-tx.json", "small-ca.json"):  # a family's own answers stay
        window.session.replace(example_plan(name), household_id="opened")
        window.words.set_language("es")
        open_section(window, SectionId.HOUSEHOLD, HouseholdPage)
        window.words.set_language("en")
        window.show_section(SectionId.WELCOME)
        assert window.session.plan == example_plan(name), name


def test_languages_the_family_answered_do_not_follow_the_interface() -> None:
    plan = new_plan("TX", "es")
    plan.household.family_languages = ["en"]
    plan.household.document_language = "en"  # answered while the interface spoke Spanish
    assert not follow_language(plan, "es", "en")
    assert plan.household.family_languages == ["en"]
    blank = new_plan("TX", "en")
    blank.household.display_name = "Familia Ríos"
    assert follow_language(blank, "en", "es")
    assert (blank.household.family_languages, blank.household.document_language) == (["es"], "es")
    assert not follow_language(blank, "es", "pseudo")


def test_finish_and_erase_leaves_a_blank_plan_in_the_default_state(
    make_window: WindowMaker,
) -> None:
    window = make_window(language="es")
    plan = new_plan("TX", "es")
    plan.household.display_name = "Familia Ríos"
    plan.household.family_languages = ["es", "en", "quc"]
    window.session.replace(plan)
    window.session.forget()
    home = window.session.plan.household
    assert home.state == DEFAULT_STATE and home.display_name == ""
    assert (home.family_languages, home.document_language) == (["es"], "es")
    welcome = window.pages[SectionId.WELCOME]
    assert isinstance(welcome, WelcomePage)
    window.show_section(SectionId.WELCOME)
    assert welcome.state.value() == DEFAULT_STATE


@pytest.fixture
def controller(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Controller]:
    monkeypatch.setenv("FAMILY_PLANNER_HOME", str(tmp_path / "home"))
    make_application([])
    made = make_controller("es")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.vault.idle)
    yield made
    made.close()


def test_the_window_starts_a_plan_in_the_interfaces_language(controller: Controller) -> None:
    home = controller.session.plan.household
    assert (home.family_languages, home.document_language) == (["es"], "es")
    assert home.state == DEFAULT_STATE


def test_new_starts_from_the_default_state_not_the_last_familys(
    controller: Controller, qtbot: QtBot
) -> None:
    controller.session.plan.household.state = "TX"  # the last family lived in Texas
    controller.start_new_plan()
    qtbot.waitUntil(lambda: controller.session.plan.household.state != "TX", timeout=2000)
    home = controller.session.plan.household
    assert home.state == DEFAULT_STATE
    assert home.family_languages == ["es"]
