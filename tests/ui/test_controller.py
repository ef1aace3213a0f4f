"""The services behind the window: autosave into the vault (and what survives a kill), locking,
the keyring-less and key-less paths, and a workshop that leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring.backends.fail
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.keyring_store import SystemKeyStore
from planner.keys import INSECURE_TEST_COST, RecoveryCode
from planner.vault import Vault
from planner.vault_header import Mode as VaultMode
from tests.conftest import example_plan
from tests.planner.conftest import (  # noqa: F401 - fixtures
    MemoryKeyStore,
    plan_named,
    secret_service,
    secret_service_bus,
)
from tests.ui.keyboard import assert_unique_mnemonics
from tests.ui.vault_helpers import NAVIGATOR_PIN, ScriptedDialogs, make_controller, visible_texts
from ui.app import make_application
from ui.caseload_model import CaseloadModel, Column, day_words
from ui.controller import Controller
from ui.session import Mode
from ui.widgets import TextField

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "invented passphrase for the window"  # noqa: S105
NEW_PASSPHRASE = "another invented passphrase, set elsewhere"  # noqa: S105

Maker = Callable[..., Controller]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """FAMILY_PLANNER_HOME for this test: the controller finds its folder as the program does."""
    folder = tmp_path / "home"
    monkeypatch.setenv("FAMILY_PLANNER_HOME", str(folder))
    return folder


@pytest.fixture
def controllers(qtbot: QtBot, home: Path) -> Iterator[Maker]:
    made: list[Controller] = []

    def make(**options: object) -> Controller:
        make_application([])
        controller = make_controller(**options)  # type: ignore[arg-type]
        made.append(controller)
        window = controller.window
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: controller.vault.idle)
        return controller

    yield make
    for controller in made:
        controller.close()


def name_field(controller: Controller) -> TextField:
    editor = controller.window.pages[SectionId.WELCOME].fields["household.display_name"].editor
    assert isinstance(editor, TextField)
    return editor


def type_name(qtbot: QtBot, controller: Controller, text: str) -> None:
    """Type into the plan's name and leave the field, as a person would."""
    field = name_field(controller)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def choose_save(qtbot: QtBot, controller: Controller) -> None:
    """Click "Save this plan on this computer" (on its round button: the row is wider than its
    words) and wait until the saved plans are open, or the attempt is over."""
    button = controller.welcome.save_mode
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert controller.session.mode is Mode.SAVE
    qtbot.waitUntil(lambda: controller.vault_open or not controller.opener.busy)


def saving_plan(controllers: Maker, qtbot: QtBot, name: str) -> tuple[Controller, MemoryKeyStore]:
    """A window saving its plan in a new vault (keyring in memory), the plan named `name`."""
    store = MemoryKeyStore()
    controller = controllers(keyring=store)
    choose_save(qtbot, controller)
    type_name(qtbot, controller, name)
    return controller, store


def wait_saved(qtbot: QtBot, controller: Controller) -> None:
    qtbot.waitUntil(
        lambda: (
            controller.window.saved.text().startswith("Saved")
            and not controller.autosave.pending
            and not controller.autosave.timer.isActive()
        )
    )


def read_vault(home: Path, store: object, secret: str | None = NAVIGATOR_PIN) -> Vault:
    vault = Vault(home, store, kdf_cost=INSECURE_TEST_COST)  # type: ignore[arg-type]
    vault.unlock(secret)
    return vault


def listed(controller: Controller) -> list[dict[Column, str]]:
    """What the Households view's table shows, row by row, as the navigator reads it."""
    model: CaseloadModel = controller.caseload.model
    return [
        {column: str(model.data(model.index(row, column))) for column in Column}
        for row in range(model.rowCount())
    ]


def is_unlocked(qtbot: QtBot, controller: Controller) -> bool:
    """Asked of the vault on its own thread."""
    answer: list[bool] = []
    controller.vault.call(lambda vault: vault.is_unlocked, answer.append)
    qtbot.waitUntil(lambda: bool(answer))
    return answer[0]


# --- autosave ---------------------------------------------------------------------------------


def test_an_edit_reaches_the_vault_after_a_pause(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    store, dialogs = MemoryKeyStore(), ScriptedDialogs()
    controller = controllers(keyring=store, dialogs=dialogs)
    assert controller.window.saved.text() == "Workshop: nothing is kept on this computer."
    assert not controller.window.lock_action.isVisible()
    choose_save(qtbot, controller)
    assert controller.vault_open
    assert dialogs.kinds() == ["new_pin", "recovery_code"]  # a PIN, then the code to keep
    assert RecoveryCode.looks_like(str(dialogs.codes[0]))
    assert controller.window.lock_action.isVisible()
    assert not controller.window.erase_action.isVisible()

    type_name(qtbot, controller, "Familia Autoguardado")
    assert controller.autosave.timer.isActive()  # waits for the pause: not saved at once
    type_name(qtbot, controller, "Familia Autoguardada")
    wait_saved(qtbot, controller)
    assert controller.window.saved.text().startswith("Saved at ")

    vault = read_vault(home, store)
    households = vault.list_households()
    assert [h.household_id for h in households] == [controller.session.household_id]
    assert vault.load(households[0].household_id).household.display_name == "Familia Autoguardada"
    vault.lock()
    assert controller.caseload.model.total == 0, "the hidden list waits while the plan is typed"
    controller.show_caseload()
    assert [row[Column.FAMILY] for row in listed(controller)] == ["Familia Autoguardada"]


def test_after_a_kill_the_next_start_offers_the_last_saved_state(
    controllers: Maker,
    qtbot: QtBot,
    home: Path,
    secret_service: dict[str, str],  # noqa: F811
    secret_service_bus: dict[str, str],  # noqa: F811
) -> None:
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    env = {**secret_service, "FAMILY_PLANNER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.autosave_child"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while "editing" not in lines and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
        assert "editing" in lines, (lines, child.stderr.read() if child.poll() is not None else "")
        time.sleep(0.3)  # typing on, unsaved
    finally:
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=10)
    lines += rest.splitlines()
    saves = [line.split(" ", 2) for line in lines if line.startswith("saved ")]
    assert len(saves) >= 2
    _, household_id, last_saved = saves[-1]
    assert last_saved == "Familia Guardada Al Final"

    controller = controllers(keyring=SystemKeyStore(SecretServiceKeyring()))
    assert not controller.vault_open  # a start is a workshop: nothing saved is opened or shown
    controller.welcome.save_mode.click()  # the navigator chooses to save on this computer
    qtbot.waitUntil(lambda: controller.vault_open)
    caseload = controller.caseload  # the navigator lands on the households, the last one chosen
    assert controller.window.screens.currentWidget() is caseload
    rows = listed(controller)
    assert len(rows) == 1  # the first save made the household; later ones revised it
    assert rows[0][Column.FAMILY] == last_saved
    today = datetime.now().astimezone().date()
    assert rows[0][Column.LAST_SAVED] == day_words("en", today, today)
    assert caseload.current_id() == household_id
    qtbot.mouseClick(caseload.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session.household_id == household_id)
    assert controller.session.plan.household.display_name == last_saved
    assert name_field(controller).text() == last_saved
    assert controller.session.mode is Mode.SAVE
    assert controller.welcome.save_mode.isChecked()


def test_saved_households_are_offered_most_recent_first(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    store = MemoryKeyStore()
    times = iter([datetime(2026, 3, 1, 15, 0, tzinfo=UTC), datetime(2026, 5, 2, 9, 30, tzinfo=UTC)])
    vault = Vault(home, store, kdf_cost=INSECURE_TEST_COST, clock=lambda: next(times))
    vault.create(pin=NAVIGATOR_PIN)
    vault.save(plan_named("Familia Vieja"))
    newer = vault.save(plan_named("Familia Nueva"))
    vault.lock()

    controller = controllers(keyring=store, language="es")
    controller.welcome.save_mode.click()
    qtbot.waitUntil(lambda: controller.caseload.model.rowCount() == 2)
    first, second = listed(controller)
    children = ", ".join(child.given_names for child in plan_named("Familia Nueva").children)
    assert (first[Column.FAMILY], first[Column.CHILDREN]) == ("Familia Nueva", children)
    assert first[Column.LAST_SAVED].startswith("2 de mayo")
    assert (second[Column.FAMILY], second[Column.CHILDREN]) == ("Familia Vieja", children)
    assert second[Column.LAST_SAVED].startswith("1 de marzo")
    assert controller.caseload.current_id() == newer.household_id  # Enter or "Abrir" opens it
    controller.caseload.open_button.click()
    qtbot.waitUntil(lambda: controller.session.household_id == newer.household_id)
    assert controller.session.mode is Mode.SAVE
    assert controller.window.lock_action.isVisible()
    assert controller.window.saved.text().startswith("Guardado el 2 de mayo de 2026")


def test_a_failed_save_is_said_once_in_the_interface_language_and_nothing_is_lost(
    controllers: Maker, qtbot: QtBot
) -> None:
    dialogs = ScriptedDialogs()
    controller = controllers(keyring=MemoryKeyStore(), dialogs=dialogs, language="es")
    choose_save(qtbot, controller)
    controller.session.household_id = "borrada"  # deleted elsewhere meanwhile
    type_name(qtbot, controller, "Familia Sin Lugar")
    qtbot.waitUntil(lambda: controller.window.saved.text().startswith("No se guardó"))
    assert "No hay ningún hogar borrada" in controller.window.saved.text()
    assert [text for kind, text, _ in dialogs.asked if kind == "error"] == [
        controller.window.saved.text().removeprefix("No se guardó: ")
    ]
    type_name(qtbot, controller, "Familia Sin Lugar Dos")
    qtbot.waitUntil(lambda: controller.vault.idle and not controller.autosave.timer.isActive())
    assert dialogs.kinds().count("error") == 1
    assert controller.session.plan.household.display_name == "Familia Sin Lugar Dos"
    assert controller.autosave.unsaved


# --- workshop ---------------------------------------------------------------------------------


def listing(folder: Path) -> list[tuple[str, int]]:
    if not folder.exists():
        return []
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*"))


def test_a_workshop_writes_nothing_to_the_data_or_temp_folders(
    controllers: Maker,
    qtbot: QtBot,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    secret_service: dict[str, str],  # noqa: F811
    secret_service_bus: dict[str, str],  # noqa: F811
) -> None:
    """A whole workshop on a computer where a navigator keeps households in a real keyring: every
    section shown, the packet made on its worker thread and looked at, an attempt to print it into
    a file through Qt's real print dialog, the packet saved to the family's USB stick, then
    "Finish and erase". Every folder the program or Qt could write to is listed before and after
    and is the same; the navigator's vault and keyring are untouched; the stick holds the packet,
    private, and nothing else."""
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring
    from PySide6.QtPrintSupport import QPrinterInfo

    from tests.ui.test_printing import answer_with_a_file
    from ui.pages.documents import DocumentsPage

    keyring_store = SystemKeyStore(SecretServiceKeyring())
    navigator = Vault(home, keyring_store, kdf_cost=INSECURE_TEST_COST)
    navigator.create(pin=NAVIGATOR_PIN)
    navigator.save(plan_named("Familia Del Navegador"))
    navigator.lock()
    keyring_home = Path(secret_service["HOME"])

    folders = {name: tmp_path / name for name in ("user", "temp", "config", "data", "cache")}
    for folder in folders.values():
        folder.mkdir()
    monkeypatch.setenv("HOME", str(folders["user"]))  # print.pdf, recent files, Documents
    monkeypatch.setenv("TMPDIR", str(folders["temp"]))  # Qt's temp folder, and Python's:
    monkeypatch.setattr(tempfile, "tempdir", str(folders["temp"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folders["config"]))  # where QSettings would write
    monkeypatch.setenv("XDG_DATA_HOME", str(folders["data"]))  # recently-used.xbel, user data
    monkeypatch.setenv("XDG_CACHE_HOME", str(folders["cache"]))  # thumbnails
    watched = [home, keyring_home, *folders.values()]
    before = [listing(folder) for folder in watched]
    vault_bytes = (home / "vault.sqlite3").read_bytes()
    stick = tmp_path / "usb-stick"
    stick.mkdir()

    dialogs = ScriptedDialogs()
    controller = controllers(keyring=keyring_store, dialogs=dialogs, real_pages=True)
    type_name(qtbot, controller, "Familia Del Taller")
    controller.session.replace(example_plan("small-ca.json"))
    window = controller.window
    seen: list[str] = []
    for section in ORDER:
        window.show_section(section)
        seen += visible_texts(window)
    assert [text for text in seen if "Del Navegador" in text] == []
    page = window.pages[SectionId.DOCUMENTS]
    assert isinstance(page, DocumentsPage)
    page.generate.click()
    qtbot.waitUntil(lambda: page.render_job < 0 and bool(page.files), timeout=30_000)
    assert page.files_list.count() == len(page.files) > 3
    page.files_list.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.pdf.pageCount() > 0)
    assert page.preview.currentWidget() is page.view

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Aula"]))
    answered: list[bool] = []
    answer_with_a_file(qtbot, folders["user"] / "print.pdf", answered)
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(answered) and page.message_box is not None)
    page.message_box.close()
    page.choose_folder = lambda parent, title: str(stick)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.save_job < 0 and page.saved_folder is not None, timeout=30_000)

    window.erase_action.trigger()
    qtbot.waitUntil(lambda: "inform" in dialogs.kinds())

    assert [listing(folder) for folder in watched] == before
    assert (home / "vault.sqlite3").read_bytes() == vault_bytes
    assert not page.files and page.pdf.pageCount() == 0
    saved = sorted(p.name for p in stick.iterdir())
    assert saved and all(name.endswith((".pdf", ".vcf")) for name in saved)
    assert all((stick / name).stat().st_mode & 0o077 == 0 for name in saved)


def test_a_workshop_shows_nothing_of_the_households_a_keyring_could_open(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    """A navigator's saved households on the same computer account, in a working keyring: a
    parent at a workshop walks every section and sees none of them, and "Save this plan on this
    computer" does not open them without the navigator PIN."""
    store = MemoryKeyStore()
    vault = Vault(home, store, kdf_cost=INSECURE_TEST_COST)
    vault.create(pin=NAVIGATOR_PIN)
    vault.save(plan_named("Familia Guardada Secreta"))
    vault.lock()
    dialogs = ScriptedDialogs()
    dialogs.pin = None  # the parent does not know it
    controller = controllers(keyring=store, dialogs=dialogs, real_pages=True)
    window = controller.window
    seen: list[str] = []
    for section in ORDER:
        window.show_section(section)
        qtbot.wait(10)
        seen += visible_texts(window)
    assert not controller.vault_open
    assert controller.welcome.households_button.isHidden()  # not even the way to them
    assert controller.caseload.model.total == 0
    assert [text for text in seen if "Guardada Secreta" in text] == []
    assert dialogs.kinds() == []  # no question about saved plans was asked either

    # The parent tries the navigator's step: guesses, then gives up. Nothing opens.
    window.show_section(SectionId.WELCOME)
    dialogs.secrets = ["123456", "000000", None]
    controller.welcome.save_mode.click()
    qtbot.waitUntil(lambda: controller.session.mode is Mode.WORKSHOP)
    asked = [(kind, reason[:40], problem[:34]) for kind, reason, problem in dialogs.asked]
    assert asked == [
        ("secret", "Your saved plans are protected by the na", ""),
        (
            "secret",
            "Your saved plans are protected by the na",
            "That PIN or recovery code does not",
        ),
        (
            "secret",
            "Your saved plans are protected by the na",
            "That PIN or recovery code does not",
        ),
    ]
    assert not controller.vault_open and not is_unlocked(qtbot, controller)
    seen = visible_texts(window)
    assert [text for text in seen if "Guardada Secreta" in text] == []

    # The navigator, who knows the PIN; going back to a workshop hides them again.
    dialogs.pin = NAVIGATOR_PIN
    controller.welcome.save_mode.click()
    qtbot.waitUntil(lambda: controller.caseload.model.total == 1)
    assert window.screens.currentWidget() is controller.caseload
    assert not controller.welcome.households_button.isHidden()
    controller.welcome.workshop_mode.click()
    assert controller.caseload.model.total == 0
    assert window.screens.currentWidget() is window.plan_view
    assert controller.welcome.households_button.isHidden()
    assert [text for text in visible_texts(window) if "Guardada Secreta" in text] == []


def test_the_welcome_page_leads_to_the_households_only_while_the_navigator_has_them_open(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    """The Households view is the one list of saved households; the Welcome page shows none of
    them, only a button to it, and only while the navigator has them open."""
    store = MemoryKeyStore()
    vault = Vault(home, store, kdf_cost=INSECURE_TEST_COST)
    vault.create(pin=NAVIGATOR_PIN)
    vault.save(plan_named("Familia Guardada Antes"))
    vault.lock()
    controller = controllers(keyring=store, language="es")
    welcome, window = controller.welcome, controller.window
    assert welcome.households_button.isHidden()  # a workshop

    type_name(qtbot, controller, "Familia Escribiendo")  # a plan being written stays on screen
    choose_save(qtbot, controller)
    assert window.screens.currentWidget() is window.plan_view
    button = welcome.households_button
    assert button.isVisible() and button.text() == "Ver los &hogares guardados"
    assert_unique_mnemonics(window, welcome, [])
    assert [text for text in visible_texts(window) if "Guardada Antes" in text] == []
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is controller.caseload
    assert "Familia Guardada Antes" in [row[Column.FAMILY] for row in listed(controller)]

    window.show_section(SectionId.WELCOME)
    controller.lock()
    assert button.isHidden()
    controller.lock_screen.secret_given.emit(NAVIGATOR_PIN)
    qtbot.waitUntil(lambda: not controller.locked)
    assert not button.isHidden()
    welcome.workshop_mode.click()
    assert button.isHidden()


def test_closing_a_workshop_asks_first_and_says_when_documents_were_not_saved(
    controllers: Maker, qtbot: QtBot, sample_pdf: bytes
) -> None:
    from tests.ui.test_documents import Recorder, make, open_page

    dialogs = ScriptedDialogs()
    controller = controllers(dialogs=dialogs, real_pages=True)
    window = controller.window
    type_name(qtbot, controller, "Familia Que Cierra")
    dialogs.confirms = [False]  # go back
    window.close()
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds())
    qtbot.wait(20)
    question = dialogs.asked[-1][1]
    assert question.startswith("Closing erases this plan")
    assert "documents" not in question
    assert window.isVisible()
    assert controller.session.plan.household.display_name == "Familia Que Cierra"

    controller.session.replace(example_plan("small-ca.json"))
    page = open_page(window)
    page.renderer = Recorder(sample_pdf)
    make(qtbot, page, len(page.planned()))
    QApplication.clipboard().setText("Familia Que Cierra")
    dialogs.confirms = [True]  # erase and close
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert "were not saved to a folder" in dialogs.asked[-1][1]
    assert controller.session.plan.household.display_name == ""
    assert page.files == []
    assert QApplication.clipboard().text() == ""


def test_finish_and_erase_clears_the_plan_and_the_clipboard(
    controllers: Maker, qtbot: QtBot
) -> None:
    dialogs = ScriptedDialogs()
    controller = controllers(dialogs=dialogs, real_pages=True)
    documents = controller.window.pages[SectionId.DOCUMENTS]
    cleared: list[bool] = []
    clear = documents.clear  # type: ignore[attr-defined]
    documents.clear = lambda: (cleared.append(True), clear())  # type: ignore[attr-defined]
    type_name(qtbot, controller, "Familia Por Borrar")
    QApplication.clipboard().setText("Familia Por Borrar, 213-555-0143")
    controller.window.go_next()
    assert controller.window.erase_action.isVisible()

    dialogs.confirms = [False]
    controller.window.erase_action.trigger()
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds())
    qtbot.wait(20)
    assert controller.session.plan.household.display_name == "Familia Por Borrar"

    controller.window.erase_action.trigger()
    qtbot.waitUntil(lambda: "inform" in dialogs.kinds())
    assert controller.session.plan.household.display_name == ""
    assert cleared == [True]
    assert QApplication.clipboard().text() == ""
    assert controller.window.current is SectionId.WELCOME
    assert name_field(controller).text() == ""
    assert not any("Familia Por Borrar" in text for text in visible_texts(controller.window))
    said = dialogs.asked[-1][1]
    assert said.startswith("The plan was erased from this computer's memory")
    assert "overwritten" not in said


# --- locking ----------------------------------------------------------------------------------


def test_ctrl_l_hides_everything_and_only_the_pin_unlocks(controllers: Maker, qtbot: QtBot) -> None:
    store = MemoryKeyStore()
    controller = controllers(keyring=store)
    choose_save(qtbot, controller)
    marker = "Familia Centinela Zq"
    type_name(qtbot, controller, marker)
    field = name_field(controller)
    field.setFocus()
    qtbot.keyClicks(field, " Dos")  # typing, not yet left: locking must not lose it
    assert any(marker in text for text in visible_texts(controller.window))

    qtbot.keyClick(controller.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.locked
    assert not any(marker in text for text in visible_texts(controller.window))
    assert not controller.window.sidebar.isVisible()
    assert not controller.window.erase_action.isVisible()
    qtbot.waitUntil(lambda: controller.lock_screen.isEnabled())
    assert not is_unlocked(qtbot, controller)
    screen = controller.lock_screen
    assert screen.secret_label.text() == "Navigator &PIN or recovery code"
    assert controller.session.household_id is not None

    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)  # nothing typed: the keyring alone? no
    assert screen.problem.text() == "Type the navigator PIN or the recovery code."
    qtbot.keyClicks(screen.secret, "123456")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.problem.text().startswith("That PIN or recovery code"))
    assert controller.locked and not is_unlocked(qtbot, controller)
    qtbot.keyClicks(screen.secret, NAVIGATOR_PIN)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not controller.locked)
    assert field.isVisible()
    assert controller.window.sidebar.isVisible()
    assert field.text() == f"{marker} Dos"
    wait_saved(qtbot, controller)
    vault = read_vault(Path(os.environ["FAMILY_PLANNER_HOME"]), store)
    assert vault.load(controller.session.household_id).household.display_name == f"{marker} Dos"
    vault.lock()


def test_a_passphrase_changed_by_another_copy_locks_the_window_and_loses_nothing(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    controller, store = saving_plan(controllers, qtbot, "Familia Antes")
    wait_saved(qtbot, controller)
    other = read_vault(home, store)  # another copy of the program, on the same folder
    other.use_passphrase(NEW_PASSPHRASE)
    other.lock()

    marker = "Familia Despues Zq"
    type_name(qtbot, controller, marker)
    qtbot.waitUntil(lambda: controller.locked)
    screen = controller.lock_screen
    assert screen.isVisible()
    assert not controller.window.sidebar.isVisible()
    assert not any(marker in text for text in visible_texts(controller.window))
    assert screen.problem.text().startswith("Another window or program changed how this vault")
    qtbot.waitUntil(lambda: not screen.pin_mode)  # it opens with a passphrase now
    assert screen.secret_label.text() == "&Passphrase or recovery code"
    assert controller.session.plan.household.display_name == marker
    assert controller.autosave.unsaved

    qtbot.keyClicks(screen.secret, NEW_PASSPHRASE)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not controller.locked)
    assert name_field(controller).text() == marker
    wait_saved(qtbot, controller)
    vault = read_vault(home, store, NEW_PASSPHRASE)
    assert vault.load(controller.session.household_id).household.display_name == marker
    vault.lock()


def test_the_program_locks_itself_when_left_alone(controllers: Maker, qtbot: QtBot) -> None:
    controller = controllers(keyring=MemoryKeyStore(), idle_minutes=0.4 / 60)
    choose_save(qtbot, controller)
    type_name(qtbot, controller, "Familia Ocupada")
    centre = controller.window.rect().center()
    for step in range(6):  # someone working: the 0.4 s never pass without input
        qtbot.mouseMove(controller.window, centre + QPoint(step % 2, 0))
        qtbot.wait(100)
    assert not controller.locked
    qtbot.waitUntil(lambda: controller.locked, timeout=3000)
    assert not controller.window.sidebar.isVisible()


def test_a_workshop_has_nothing_to_lock(controllers: Maker, qtbot: QtBot) -> None:
    controller = controllers(idle_minutes=0.2 / 60)
    type_name(qtbot, controller, "Familia Del Taller")
    assert not controller.window.lock_action.isVisible()
    controller.window.lock_action.trigger()
    qtbot.wait(400)
    assert not controller.locked
    assert controller.window.sidebar.isVisible()


# --- no keyring, or a keyring without the key -------------------------------------------------


def test_without_a_trustworthy_keyring_a_passphrase_is_asked_and_unlocks(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    dialogs = ScriptedDialogs()
    dialogs.secrets = [PASSPHRASE]
    unavailable = SystemKeyStore(keyring.backends.fail.Keyring())
    controller = controllers(keyring=unavailable, dialogs=dialogs)
    choose_save(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault_open)
    kind, reason, detail = dialogs.asked[0]
    assert kind == "new_passphrase"
    assert reason.startswith("This computer has no safe place to keep the key")
    assert detail == ""  # the first sentence says it all for a computer with no keyring
    assert dialogs.kinds()[1:] == ["recovery_code"]
    assert Vault(home).mode() is VaultMode.PASSPHRASE
    type_name(qtbot, controller, "Familia Con Clave")
    wait_saved(qtbot, controller)

    controller.lock()
    qtbot.waitUntil(lambda: controller.lock_screen.isEnabled())
    screen = controller.lock_screen
    assert not screen.pin_mode
    qtbot.keyClicks(screen.secret, "not the passphrase")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.problem.text().startswith("That passphrase or recovery code"))
    assert controller.locked
    assert controller.window.current is SectionId.WELCOME  # Enter did not move the wizard on
    qtbot.keyClicks(screen.secret, PASSPHRASE)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not controller.locked)
    assert name_field(controller).text() == "Familia Con Clave"


def test_cancelling_the_passphrase_keeps_the_plan_in_memory_only(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    dialogs = ScriptedDialogs()  # no answers: Cancel
    controller = controllers(
        keyring=SystemKeyStore(keyring.backends.fail.Keyring()), dialogs=dialogs
    )
    type_name(qtbot, controller, "Familia Indecisa")
    choose_save(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window.saved.text().startswith("Not saved"))
    assert controller.session.mode is Mode.WORKSHOP
    assert controller.welcome.workshop_mode.isChecked()
    assert not home.exists()
    assert controller.session.plan.household.display_name == "Familia Indecisa"


def test_a_vault_whose_key_is_gone_asks_for_the_recovery_code_and_is_never_replaced(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    old_store = MemoryKeyStore()
    vault = Vault(home, old_store, kdf_cost=INSECURE_TEST_COST)
    code = vault.create(pin=NAVIGATOR_PIN)
    kept = vault.save(plan_named("Familia De Antes"))
    vault.lock()
    original = (home / "vault.sqlite3").stat().st_ino

    dialogs = ScriptedDialogs()
    dialogs.secrets = ["AAAA-BBBB", str(code)]
    new_store = MemoryKeyStore()  # a reinstalled system: the keyring has no key for it
    controller = controllers(keyring=new_store, dialogs=dialogs)
    assert not controller.vault_open  # at start: not asked, a workshop family may be sitting here
    choose_save(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault_open)
    first, second = dialogs.asked[:2]
    assert first[0] == "secret"
    assert first[1].startswith("This computer no longer has the key to your saved plans")
    assert second[2].startswith("This computer's keyring does not have the key")
    assert dialogs.kinds()[2:] == ["new_pin"]  # then a PIN; no new vault, so no new code
    assert dialogs.asked[2][1].startswith("The saved plans were opened with the recovery code")
    assert (home / "vault.sqlite3").stat().st_ino == original
    assert [h.household_id for h in controller.households] == [kept.household_id]
    qtbot.waitUntil(lambda: bool(new_store.entries))  # the key is kept here again, behind the PIN
    controller.lock()
    qtbot.waitUntil(lambda: controller.lock_screen.isEnabled())
    qtbot.keyClicks(controller.lock_screen.secret, NAVIGATOR_PIN)
    qtbot.keyClick(controller.lock_screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not controller.locked)


def test_a_key_kept_before_pins_opens_only_with_the_recovery_code_then_a_pin(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    """A vault an earlier version made keeps its key bare in the keyring. The window does not use
    that to open it: the recovery code first, then a PIN, and the bare key leaves the keyring."""
    store = MemoryKeyStore()
    vault = Vault(home, store, kdf_cost=INSECURE_TEST_COST)
    code = vault.create()
    vault.save(plan_named("Familia Sin Pin"))
    vault.lock()
    dialogs = ScriptedDialogs()
    dialogs.secrets = [None]
    controller = controllers(keyring=store, dialogs=dialogs)
    choose_save(qtbot, controller)
    qtbot.waitUntil(lambda: controller.session.mode is Mode.WORKSHOP)
    assert not controller.vault_open
    assert dialogs.asked[0][1].startswith("Your saved plans have no navigator PIN yet")

    dialogs.secrets = [str(code)]
    choose_save(qtbot, controller)
    qtbot.waitUntil(lambda: controller.vault_open)
    assert dialogs.kinds()[1:] == ["secret", "new_pin"]
    qtbot.waitUntil(lambda: all(len(entry) > 32 for entry in store.entries.values()))
    read_vault(home, store).lock()  # the PIN opens it now


def test_no_saved_plans_are_made_until_the_recovery_code_is_typed_back(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    """The code is shown first and the store made only once it is kept: cancelled, nothing is
    made, nothing is asked to be kept, and the plan stays in a workshop."""
    dialogs = ScriptedDialogs()
    dialogs.hold_codes = True
    controller = controllers(keyring=MemoryKeyStore(), dialogs=dialogs)
    type_name(qtbot, controller, "Familia Sin Guardar")
    controller.welcome.save_mode.click()
    qtbot.waitUntil(lambda: dialogs.kinds() == ["new_pin", "recovery_code"])
    assert not home.exists() and not controller.vault_open
    dialogs.close_all()  # Cancel
    qtbot.waitUntil(lambda: not controller.opener.busy)
    assert dialogs.kinds()[-1] == "inform"
    assert dialogs.asked[-1][1].startswith("The saved plans were not made")
    assert not home.exists()
    assert controller.session.mode is Mode.WORKSHOP
    assert controller.session.plan.household.display_name == "Familia Sin Guardar"


def test_closing_the_window_waits_for_the_last_save(
    controllers: Maker, qtbot: QtBot, home: Path
) -> None:
    controller, store = saving_plan(controllers, qtbot, "Familia Que Se Va")
    assert controller.autosave.timer.isActive()
    controller.window.close()
    qtbot.waitUntil(lambda: not controller.window.isVisible())
    vault = read_vault(home, store)
    assert [h.display_name for h in vault.list_households()] == ["Familia Que Se Va"]
    vault.lock()


def test_start_has_the_documented_signature() -> None:
    import inspect

    from ui.controller import start

    parameters = list(inspect.signature(start).parameters)
    assert parameters[:4] == ["words", "home", "keyring", "idle_minutes"]
    assert timedelta(minutes=inspect.signature(start).parameters["idle_minutes"].default) == (
        timedelta(minutes=10)
    )


def test_another_plan_reloads_the_pages_built_and_builds_no_other(
    controllers: Maker, qtbot: QtBot
) -> None:
    """Opening a household is quick: pages never shown are built when first shown (building
    them all held the GUI thread a third of a second), and pages already built forget the old
    plan at once."""
    controller = controllers(real_pages=True)
    window = controller.window
    window.show_section(SectionId.HOUSEHOLD)
    window.show_section(SectionId.WELCOME)
    household = window.pages[SectionId.HOUSEHOLD]
    built = len(window.pages.built())
    plan = example_plan("large-tx.json")
    controller.session.replace(plan, household_id="opened")
    assert len(window.pages.built()) == built == 2
    street = household.fields["household.address.street"].editor
    assert isinstance(street, TextField)
    assert street.text() == plan.household.address.street


def test_pages_built_ahead_leave_the_family_where_it_was_typing(
    controllers: Maker, qtbot: QtBot
) -> None:
    """While the family types on the first section the other pages are built behind it; the
    section, the field with the keyboard and the half-typed text stay as they were."""
    controller = controllers(real_pages=True)
    window = controller.window
    field = name_field(controller)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Familia Adelan")
    window.build_ahead(delay_ms=0)
    qtbot.keyClicks(field, "te")
    qtbot.waitUntil(lambda: len(window.pages.built()) == len(ORDER))
    assert window.current is SectionId.WELCOME
    assert field.hasFocus()
    assert field.text() == "Familia Adelante"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert controller.session.plan.household.display_name == "Familia Adelante"


def test_nothing_is_built_ahead_behind_the_lock_screen(controllers: Maker, qtbot: QtBot) -> None:
    controller = controllers(keyring=MemoryKeyStore(), real_pages=True)
    choose_save(qtbot, controller)
    type_name(qtbot, controller, "Familia Cerrada")
    window = controller.window
    built = len(window.pages.built())
    controller.lock()
    window.build_ahead(delay_ms=0)
    qtbot.wait(200)
    assert len(window.pages.built()) == built < len(ORDER)


def test_a_page_needed_while_it_is_built_ahead_is_finished_at_once(
    controllers: Maker, qtbot: QtBot
) -> None:
    """Pages are built ahead a box of fields at a time; one the family opens in the middle is
    finished there and then, whole, and building ahead goes on without building it twice."""
    controller = controllers(real_pages=True)
    window = controller.window
    controller.session.replace(example_plan("large-tx.json"), household_id="ahead")
    assert window.build_next_ahead()  # the Household page's frame only
    assert window.pages.get_built(SectionId.HOUSEHOLD) is None
    window.show_section(SectionId.HOUSEHOLD)
    page = window.pages[SectionId.HOUSEHOLD]
    assert page.is_built and window.pages.get_built(SectionId.HOUSEHOLD) is page
    adults = page.list_of("adults")  # type: ignore[attr-defined]
    assert adults.editor.items.count() == 2
    while window.build_next_ahead():
        pass
    assert window.pages.built() == [window.pages[s] for s in ORDER]
    assert window.stack.indexOf(page) >= 0


def test_a_page_filled_ahead_never_takes_an_erased_plan(controllers: Maker, qtbot: QtBot) -> None:
    """Filling a page built ahead takes steps; if the plan is erased meanwhile ("Finish and
    erase"), the page is not filled with it."""
    controller = controllers(real_pages=True)
    window = controller.window
    controller.session.replace(example_plan("large-tx.json"), household_id="erased")
    while window.pages.get_built(SectionId.CHILDREN) is None:
        window.build_next_ahead()
    controller.session.forget()  # the Children page built, not yet filled
    while window.build_next_ahead():
        pass
    children = window.pages[SectionId.CHILDREN]
    names = [children.editor(p).text() for p in children.fields if p.endswith("given_names")]  # type: ignore[attr-defined]
    assert "Isabella" not in names
