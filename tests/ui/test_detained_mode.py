""" "A parent was detained" from the navigator's caseload, with a real saved-plans store and the
large Texas example (invented people): the screen opens on the chosen household, each tick is
kept in the store and is still there after the program is closed and opened again, the lock and a
workshop leave nothing of it on screen, and the case summary is saved owner-only under a name
that names nobody."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.keys import INSECURE_TEST_COST, RecoveryCode
from planner.vault import Vault
from tests.conftest import example_plan
from tests.planner.conftest import MemoryKeyStore
from tests.ui.vault_helpers import ScriptedDialogs, make_controller, open_saved_plans
from ui.app import make_application
from ui.controller import Controller
from ui.detained_mode import CASE_SUMMARY_FILE

PASSPHRASE = "invented passphrase for the detained mode"  # noqa: S105
FATHER = "adult-carlos"

Maker = Callable[..., Controller]


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, str]:
    """A store holding the large example, under a passphrase."""
    folder = tmp_path / "home"
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.create(PASSPHRASE, code=RecoveryCode.generate())
    household_id = vault.save(example_plan("large-tx.json")).household_id
    vault.lock()
    return folder, household_id


@pytest.fixture
def navigator(qtbot: QtBot, home: tuple[Path, str]) -> Iterator[Maker]:
    """A window over the store; `opened=True` opens it as the navigator does."""
    made: list[Controller] = []

    def make(language: str = "en", opened: bool = True) -> Controller:
        make_application([])
        dialogs = ScriptedDialogs()
        dialogs.secrets = [PASSPHRASE]
        controller = make_controller(
            language, home=home[0], keyring=MemoryKeyStore(), dialogs=dialogs
        )
        made.append(controller)
        qtbot.addWidget(controller.window)
        controller.window.resize(1366, 768)
        controller.window.show()
        qtbot.waitExposed(controller.window)
        if opened:
            open_saved_plans(qtbot, controller)
        return controller

    yield make
    for controller in made:
        controller.close()


def open_detained(controller: Controller, qtbot: QtBot, household_id: str) -> None:
    controller.caseload.select(household_id)
    qtbot.mouseClick(controller.caseload.detained_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.detained.view.isVisible(), timeout=20_000)


def start_for_father(controller: Controller, qtbot: QtBot) -> None:
    form = controller.detained.view.start
    form.who.setCurrentIndex(form.who.findData(FATHER))
    qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)


def kept_log(home: Path, household_id: str) -> object:
    vault = Vault(home, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.unlock(PASSPHRASE)
    try:
        return vault.load_detention(household_id)
    finally:
        vault.lock()


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_tick_is_kept_in_the_store_and_shown_again_after_a_restart(
    navigator: Maker, qtbot: QtBot, home: tuple[Path, str], language: str
) -> None:
    folder, household_id = home
    controller = navigator(language)
    assert controller.caseload.detained_button.text()
    open_detained(controller, qtbot, household_id)
    start_for_father(controller, qtbot)
    view = controller.detained.view
    qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
    first = next(iter(view.rows.values()))
    first.tick.setFocus()
    qtbot.keyClick(first.tick, Qt.Key.Key_Space)
    assert first.tick.isChecked()

    def ticked_in_store() -> bool:
        log = kept_log(folder, household_id)
        return log is not None and first.step.id in getattr(log, "steps", {})

    qtbot.waitUntil(ticked_in_store, timeout=20_000)
    controller.close()

    again = navigator(language)  # the program closed and opened again
    open_detained(again, qtbot, household_id)
    rows = again.detained.view.rows
    qtbot.waitUntil(lambda: bool(rows), timeout=10_000)
    assert rows[first.step.id].tick.isChecked()
    assert rows[first.step.id].done.text() == first.done.text()


def test_locking_leaves_nothing_of_it_on_screen_and_unlocking_shows_the_households(
    navigator: Maker, qtbot: QtBot, home: tuple[Path, str]
) -> None:
    controller = navigator()
    open_detained(controller, qtbot, home[1])
    controller.lock()
    assert not controller.detained.view.isVisible()
    assert controller.detained.household_id is None
    assert controller.detained.plan is None
    assert controller.detained.view.start.who.count() == 0


def test_a_workshop_cannot_reach_it(navigator: Maker, qtbot: QtBot, home: tuple[Path, str]) -> None:
    controller = navigator(opened=False)
    controller.detained.start(home[1])
    qtbot.wait(300)
    assert not controller.detained.view.isVisible()
    assert controller.detained.plan is None


def test_the_case_summary_is_saved_owner_only_under_a_name_that_names_nobody(
    navigator: Maker,
    qtbot: QtBot,
    home: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "for the lawyer"
    monkeypatch.setattr("ui.detained_mode.ask_folder", lambda parent, title: str(target))
    controller = navigator()
    open_detained(controller, qtbot, home[1])
    start_for_father(controller, qtbot)
    view = controller.detained.view
    qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
    qtbot.mouseClick(view.summary, Qt.MouseButton.LeftButton)
    saved = target / CASE_SUMMARY_FILE
    assert saved.exists()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "carlos" not in saved.name.casefold()
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "A-208-456-317" in text
    assert any(str(target) in said for _, said, _ in controller.dialogs.asked)
