"""Export, import and the saved versions, from the caseload: a household goes to a file under
its own passphrase and comes back with its plan; the file's offered name holds no family's name;
a wrong passphrase says so and adds nothing; an earlier version comes back as the newest, the
plan as it was kept too; and each is reached from the keyboard, in English and Spanish."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from planner.keys import INSECURE_TEST_COST, RecoveryCode
from planner.model import Child, Household, Plan
from planner.vault import Vault
from tests.planner.conftest import MemoryKeyStore
from tests.ui.vault_helpers import FileDialogs, make_controller, open_saved_plans
from ui.app import make_application
from ui.controller import Controller
from ui.dialogs import QtDialogs
from ui.history import HistoryDialog
from ui.i18n import Words

PASSPHRASE = "invented passphrase for the files"  # noqa: S105
FILE_PASSPHRASE = "another invented passphrase"  # noqa: S105
FAMILIES = ["Quispe Mamani", "Nguyễn Thị", "الحسيني"]
CHILD = "Xóchitl"


def plan_of(name: str) -> Plan:
    child = Child(id="child", given_names=CHILD, family_names=name)
    return Plan(household=Household(display_name=name, state="CA"), children=[child])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("files") / "home"
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.create(PASSPHRASE, code=RecoveryCode.generate())
    for name in FAMILIES:
        vault.save(plan_of(name))
    vault.lock()
    return folder


Maker = Callable[..., Controller]


@pytest.fixture
def navigator(qtbot: QtBot, tmp_path: Path, store: Path) -> Iterator[Maker]:
    made: list[Controller] = []

    def make(language: str = "en") -> Controller:
        make_application([])
        home = tmp_path / f"home{len(made)}"
        shutil.copytree(store, home)
        dialogs = FileDialogs()
        dialogs.secrets = [PASSPHRASE]
        controller = make_controller(language, home=home, keyring=MemoryKeyStore(), dialogs=dialogs)
        made.append(controller)
        qtbot.addWidget(controller.window)
        controller.window.resize(1366, 768)
        controller.window.show()
        qtbot.waitExposed(controller.window)
        open_saved_plans(qtbot, controller)
        return controller

    yield make
    for controller in made:
        controller.close()


def dialogs_of(controller: Controller) -> FileDialogs:
    assert isinstance(controller.dialogs, FileDialogs)
    return controller.dialogs


def choose(controller: Controller, name: str) -> str:
    summary = next(s for s in controller.households if s.display_name == name)
    controller.caseload.select(summary.household_id)
    return summary.household_id


def said(controller: Controller, kind: str) -> list[str]:
    return [text for asked, text, _ in dialogs_of(controller).asked if asked == kind]


def loaded(controller: Controller, household_id: str, qtbot: QtBot) -> Plan:
    plans: list[Plan] = []
    controller.vault.call(lambda vault: vault.load(household_id), plans.append)
    qtbot.waitUntil(lambda: bool(plans))
    return plans[0]


def test_export_then_delete_then_import_brings_the_household_back(
    navigator: Maker, qtbot: QtBot, tmp_path: Path
) -> None:
    controller = navigator()
    dialogs = dialogs_of(controller)
    household_id = choose(controller, FAMILIES[0])
    file = tmp_path / "out" / "backup"
    file.parent.mkdir()
    dialogs.files = [str(file)]
    dialogs.secrets = [FILE_PASSPHRASE]
    controller.caseload.export_button.click()
    qtbot.waitUntil(lambda: bool(said(controller, "inform")), timeout=20_000)
    written = file.with_suffix(".fpx")
    assert written.is_file()
    assert str(written) in said(controller, "inform")[-1]
    assert FAMILIES[0].split()[0] not in written.read_text()  # encrypted

    controller.delete_household(household_id)
    qtbot.waitUntil(lambda: len(controller.households) == len(FAMILIES) - 1, timeout=20_000)

    dialogs.files = [str(written)]
    dialogs.secrets = [FILE_PASSPHRASE]
    controller.caseload.import_button.click()
    qtbot.waitUntil(lambda: len(controller.households) == len(FAMILIES), timeout=20_000)
    chosen = controller.caseload.current()
    assert chosen is not None and chosen.display_name == FAMILIES[0]
    plan = loaded(controller, chosen.household_id, qtbot)
    assert plan.children[0].given_names == CHILD
    assert "imported" in said(controller, "inform")[-1]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_offered_file_name_holds_no_familys_name(
    navigator: Maker, qtbot: QtBot, language: str
) -> None:
    controller = navigator(language)
    for name in FAMILIES:
        choose(controller, name)
        controller.caseload.export_button.click()
    offered = dialogs_of(controller).offered
    assert len(offered) == len(set(offered)) == len(FAMILIES)
    for name in offered:
        assert name.startswith("household-FP-") and name.endswith(".fpx")
        assert name.isascii()
        assert not any(part.casefold() in name.casefold() for f in FAMILIES for part in f.split())
        assert CHILD.casefold() not in name.casefold()


def test_a_wrong_passphrase_on_import_says_so_and_adds_nothing(
    navigator: Maker, qtbot: QtBot, tmp_path: Path
) -> None:
    controller = navigator()
    dialogs = dialogs_of(controller)
    choose(controller, FAMILIES[1])
    file = tmp_path / "household.fpx"
    dialogs.files, dialogs.secrets = [str(file)], [FILE_PASSPHRASE]
    controller.caseload.export_button.click()
    qtbot.waitUntil(file.is_file, timeout=20_000)
    before = [(s.household_id, s.revision) for s in controller.households]

    dialogs.files, dialogs.secrets = [str(file)], ["not the passphrase at all"]
    controller.caseload.import_button.click()
    qtbot.waitUntil(lambda: bool(said(controller, "error")), timeout=20_000)
    assert "passphrase does not open this file" in said(controller, "error")[-1]

    damaged = tmp_path / "damaged.fpx"
    damaged.write_text("{ not an export")
    dialogs.files, dialogs.secrets = [str(damaged)], [FILE_PASSPHRASE]
    controller.caseload.import_button.click()
    qtbot.waitUntil(lambda: len(said(controller, "error")) == 2, timeout=20_000)
    assert "not an exported household file" in said(controller, "error")[-1]

    listed: list[object] = []
    controller.vault.call(lambda vault: vault.list_households(), listed.append)
    qtbot.waitUntil(lambda: bool(listed))
    assert [(s.household_id, s.revision) for s in listed[0]] == before  # type: ignore[attr-defined]


def history_dialog(controller: Controller, qtbot: QtBot) -> HistoryDialog:
    qtbot.waitUntil(lambda: controller.history is not None)
    dialog = controller.history
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.versions.count() > 0, timeout=20_000)
    return dialog


def test_history_shows_each_save_and_restoring_the_first_keeps_the_rest(
    navigator: Maker, qtbot: QtBot
) -> None:
    controller = navigator()
    household_id = choose(controller, FAMILIES[2])
    saves: list[object] = []
    for number in (2, 3):

        def again(vault: Vault, number: int = number) -> object:
            plan = vault.load(household_id)
            plan.household.display_name = f"{FAMILIES[2]} {number}"
            return vault.save(plan, household_id)

        controller.vault.call(again, saves.append)
    qtbot.waitUntil(lambda: len(saves) == 2, timeout=20_000)

    controller.caseload.history_button.click()
    dialog = history_dialog(controller, qtbot)
    lines = [dialog.versions.item(i).text() for i in range(dialog.versions.count())]
    assert len(lines) == 3
    assert lines[0].startswith("Saved on ") and "(the plan as it is now)" in lines[0]
    assert all(line.startswith("Saved on ") and " at " in line for line in lines)
    assert [r.revision for r in dialog.revisions] == [3, 2, 1]
    dialog.versions.setCurrentRow(0)
    assert not dialog.restore.isEnabled()  # the plan as it is now is not restored over itself

    dialog.versions.setCurrentRow(2)  # the first save
    dialog.restore.click()
    qtbot.waitUntil(lambda: len(said(controller, "inform")) == 1, timeout=20_000)
    assert "Make the version saved on " in said(controller, "confirm")[-1]
    assert "nothing is lost" in said(controller, "confirm")[-1]
    assert loaded(controller, household_id, qtbot).household.display_name == FAMILIES[2]
    assert [r.revision for r in dialog.revisions] == [4, 3, 2, 1]
    summary = controller.caseload.current()
    assert summary is not None and summary.display_name == FAMILIES[2]
    assert summary.revision == 4


def test_restoring_asks_first_and_no_changes_nothing(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    household_id = choose(controller, FAMILIES[0])
    saved: list[object] = []
    controller.vault.call(lambda vault: vault.save(plan_of("Otra"), household_id), saved.append)
    qtbot.waitUntil(lambda: bool(saved))
    dialogs_of(controller).confirms = [False]
    controller.caseload.history_button.click()
    dialog = history_dialog(controller, qtbot)
    dialog.restore.click()
    qtbot.waitUntil(lambda: bool(said(controller, "confirm")))
    qtbot.wait(100)
    assert [r.revision for r in dialog.revisions] == [2, 1]
    assert loaded(controller, household_id, qtbot).household.display_name == "Otra"


def test_locking_closes_the_history(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    choose(controller, FAMILIES[0])
    controller.caseload.history_button.click()
    dialog = history_dialog(controller, qtbot)
    controller.lock()
    assert not dialog.isVisible()
    assert controller.history is None


def alt_letter(button: QPushButton) -> str:
    text = button.text()
    return text[text.index("&") + 1].casefold()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_keyboard_reaches_export_import_and_history(
    navigator: Maker, qtbot: QtBot, language: str
) -> None:
    controller = navigator(language)
    view = controller.caseload
    dialogs = dialogs_of(controller)
    choose(controller, FAMILIES[0])
    buttons = [
        view.open_button, view.new_button, view.duplicate_button, view.delete_button,
        view.export_button, view.import_button, view.history_button,
    ]  # fmt: skip
    labels = [view.search_label.text(), view.state_label.text(), view.due_label.text()]
    labels.append(controller.window.language_label.text())  # the toolbar's, in the same window
    labels += [box.text() for box in view.filters.values()]
    letters = [alt_letter(b) for b in buttons] + [t[t.index("&") + 1].casefold() for t in labels]
    assert len(set(letters)) == len(letters)
    for button in buttons[4:]:
        assert button.accessibleName() and "&" not in button.accessibleName()

    view.table.setFocus()
    qtbot.keyClick(view.table, alt_letter(view.export_button), Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.table, alt_letter(view.import_button), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "open_file" in dialogs.kinds())
    assert dialogs.kinds().count("save_file") == 1
    qtbot.keyClick(view.table, alt_letter(view.history_button), Qt.KeyboardModifier.AltModifier)
    history_dialog(controller, qtbot)


def test_the_file_dialog_leaves_no_trace_of_the_folder(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt's dialog remembers the folders it visited; the export's folder must not stay."""
    make_application([])
    folder = tmp_path / "Quispe family papers"
    folder.mkdir()
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    before = {key: settings.value(key) for key in settings.allKeys()}
    dialogs = QtDialogs(parent := HistoryDialog(Words("en")), Words("en"))
    qtbot.addWidget(parent)
    answers: list[str | None] = []
    dialogs.save_file("Save", "household-FP-0000-0001.fpx", answers.append)
    dialog = parent.findChild(QFileDialog)
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # no desktop recent files
    dialog.setDirectory(str(folder))
    dialog.selectFile(str(folder / "household-FP-0000-0001.fpx"))
    dialog.accept()
    assert answers == [str(folder / "household-FP-0000-0001.fpx")]
    qtbot.waitUntil(lambda: parent.findChild(QFileDialog) is None)
    after = QSettings(QSettings.Scope.UserScope, "QtProject")
    remembered = {key: after.value(key) for key in after.allKeys()}
    assert remembered == before
    assert "Quispe" not in str(remembered)
