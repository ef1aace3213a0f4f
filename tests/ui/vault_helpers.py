"""What the controller tests share: answers scripted in place of dialogs, and a controller maker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.keyring_store import KeyStore
from planner.keys import INSECURE_TEST_COST, RecoveryCode
from ui.controller import Controller, start
from ui.i18n import Words
from ui.pages.base import SectionPage
from ui.pages.welcome import WelcomePage
from ui.wizard import PageFactory

SAVE_DELAY_MS = 150


NAVIGATOR_PIN = "invented navigator pin 2468"


class ScriptedDialogs:
    """Answers the controller's questions from lists, and remembers what it was asked.

    `secrets` answers new-passphrase and passphrase questions in order (None: Cancel); `confirms`
    answers yes/no questions (default yes). `pin` is the navigator PIN the person at the keyboard
    knows: it answers "choose a PIN" and "the PIN or recovery code" once `secrets` is used up (set
    it to None for someone who does not know it). Recovery codes are kept (done at once unless
    `hold_codes`, in which case only locking closes them)."""

    def __init__(self) -> None:
        self.secrets: list[str | None] = []
        self.pin: str | None = NAVIGATOR_PIN
        self.confirms: list[bool] = []
        self.asked: list[tuple[str, str, str]] = []
        self.codes: list[RecoveryCode] = []
        self.hold_codes = False
        self._held: list[Callable[[bool], None]] = []

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.asked]

    def _later(self, then: Callable[[], None]) -> None:
        QTimer.singleShot(0, then)

    def new_passphrase(
        self, reason: str, detail: str, answer: Callable[[str | None], None]
    ) -> None:
        self.asked.append(("new_passphrase", reason, detail))
        secret = self.secrets.pop(0) if self.secrets else None
        self._later(lambda: answer(secret))

    def new_pin(self, reason: str, answer: Callable[[str | None], None]) -> None:
        self.asked.append(("new_pin", reason, ""))
        secret = self.secrets.pop(0) if self.secrets else self.pin
        self._later(lambda: answer(secret))

    def secret(
        self, reason: str, problem: str, answer: Callable[[str | None], None], *, pin: bool = False
    ) -> None:
        self.asked.append(("secret", reason, problem))
        secret = self.secrets.pop(0) if self.secrets else self.pin if pin else None
        self._later(lambda: answer(secret))

    def recovery_code(self, code: RecoveryCode, done: Callable[[bool], None]) -> None:
        self.asked.append(("recovery_code", "", ""))
        self.codes.append(code)
        if self.hold_codes:
            self._held.append(done)
        else:
            self._later(lambda: done(True))

    def confirm(
        self, question: str, yes: str, answer: Callable[[bool], None], no: str = ""
    ) -> None:
        self.asked.append(("confirm", question, yes))
        agreed = self.confirms.pop(0) if self.confirms else True
        self._later(lambda: answer(agreed))

    def inform(self, text: str) -> None:
        self.asked.append(("inform", text, ""))

    def error(self, text: str) -> None:
        self.asked.append(("error", text, ""))

    def close_all(self) -> None:
        held, self._held = self._held, []
        for done in held:
            done(False)


def light_pages() -> dict[SectionId, PageFactory]:
    """The welcome page and empty pages: what the services need, built in a fraction of the time
    the full wizard takes (tests about the pages themselves use the real ones)."""
    pages: dict[SectionId, PageFactory] = {}
    for section_id in ORDER:
        if section_id is SectionId.WELCOME:
            pages[section_id] = WelcomePage
        else:
            name = f"Empty{section_id.name.title()}Page"
            pages[section_id] = type(name, (SectionPage,), {"section_id": section_id})
    return pages


def make_controller(
    language: str = "en",
    *,
    home: Path | None = None,
    keyring: KeyStore | None = None,
    dialogs: ScriptedDialogs | None = None,
    idle_minutes: float = 10,
    real_pages: bool = False,
) -> Controller:
    """A controller as `ui.app.main` makes it, with test-only costs and scripted answers."""
    return start(
        Words(language),
        home,
        keyring,
        idle_minutes,
        dialogs=dialogs or ScriptedDialogs(),
        kdf_cost=INSECURE_TEST_COST,
        save_delay_ms=SAVE_DELAY_MS,
        pages=None if real_pages else light_pages(),
    )


def visible_texts(root: QWidget) -> list[str]:
    """The text of every widget a person can see now, in this window and its dialogs."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        texts.append(widget.accessibleName())
        texts.append(widget.toolTip())
    for model_owner in root.findChildren(QWidget):
        model = getattr(model_owner, "model", None)
        if model_owner.isVisible() and callable(model):
            items = model()
            if items is None or not hasattr(items, "rowCount"):
                continue
            for row in range(items.rowCount()):
                value = items.data(items.index(row, 0), Qt.ItemDataRole.DisplayRole)
                texts.append(str(value or ""))
    texts.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
    return texts


class FileDialogs(ScriptedDialogs):
    """Scripted answers, and files too: `files` answers save and open questions in order."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str | None] = []
        self.offered: list[str] = []

    def save_file(self, title: str, name: str, answer: Callable[[str | None], None]) -> None:
        self.asked.append(("save_file", title, name))
        self.offered.append(name)
        chosen = self.files.pop(0) if self.files else None
        self._later(lambda: answer(chosen))

    def open_file(self, title: str, kinds: str, answer: Callable[[str | None], None]) -> None:
        self.asked.append(("open_file", title, kinds))
        chosen = self.files.pop(0) if self.files else None
        self._later(lambda: answer(chosen))


def open_saved_plans(qtbot: QtBot, controller: Controller) -> None:
    """Click "Save this plan on this computer" (on its round button: the row is wider than its
    words), as a navigator does, and wait until the households show."""
    button = controller.welcome.save_mode
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    qtbot.waitUntil(controller.caseload.isVisible, timeout=20_000)
