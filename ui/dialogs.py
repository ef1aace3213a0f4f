"""The questions the saved plans need to ask: a new passphrase or navigator PIN, the passphrase,
PIN or recovery code, the recovery code to print, a file to write or read (leaving no
recent-file trace), and yes/no confirmations. None of them blocks
the window: each opens window-modal and answers through a callback, so the vault thread and the
lock timer keep running.

`QtDialogs` is what the program uses; tests give the controller a scripted stand-in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.keys import MIN_PASSPHRASE_CHARS, RecoveryCode
from planner.vault_errors import PassphraseTooShort, PinTooShort
from planner.vault_pin import MIN_PIN_CHARS
from ui.i18n import Words
from ui.pages.folder_choice import file_dialog
from ui.printing import ask_printer
from ui.widgets import note, plain, show_note

Answer = Callable[[str | None], None]
Role = QDialogButtonBox.ButtonRole


class Dialogs(Protocol):
    """What the controller may ask the person. Every answer comes back through a callback."""

    def new_passphrase(self, reason: str, detail: str, answer: Answer) -> None: ...
    def new_pin(self, reason: str, answer: Answer) -> None: ...

    def secret(self, reason: str, problem: str, answer: Answer, *, pin: bool = False) -> None:
        """The passphrase (or, with `pin`, the navigator PIN) or the recovery code."""

    def recovery_code(self, code: RecoveryCode, done: Callable[[bool], None]) -> None:
        """`done(True)` once the person typed the code's last characters back; False if they
        cancelled (or locking closed it): then the code is not put in place."""

    def save_file(self, title: str, name: str, answer: Answer) -> None:
        """Where to write a new file, `name` offered; the path, or None if cancelled."""

    def open_file(self, title: str, kinds: str, answer: Answer) -> None:
        """Which file to read (`kinds`: Qt's name filters); the path, or None if cancelled."""

    def confirm(
        self, question: str, yes: str, answer: Callable[[bool], None], no: str = ""
    ) -> None:
        """`answer(True)` for `yes`; False for `no` (by default "Cancel"), Escape or closing."""

    def inform(self, text: str) -> None: ...
    def error(self, text: str) -> None: ...

    def close_all(self) -> None:
        """Locking: every open question goes away (as if cancelled), so nothing shows on top."""


def _field(words: Words, key: str, layout: QVBoxLayout, *, secret: bool = True) -> QLineEdit:
    """A label and its field, kept together (the dialog's spare height goes elsewhere)."""
    label = QLabel(words(key))
    label.setWordWrap(True)
    field = QLineEdit()
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(plain(words(key)))
    label.setBuddy(field)
    pair = QVBoxLayout()
    pair.setSpacing(2)
    pair.addWidget(label)
    pair.addWidget(field)
    layout.addLayout(pair)
    return field


def _buttons(
    layout: QVBoxLayout, *buttons: tuple[str, Role, Callable[[], object]]
) -> list[QPushButton]:
    """(text, role, slot) each: the answers in the platform's order, an action (Print) apart on
    the left. None is the default until told."""
    row = QHBoxLayout()
    box = QDialogButtonBox()
    made = []
    for text, role, slot in buttons:
        button = QPushButton(text)
        if role is Role.ActionRole:
            row.addWidget(button)
        else:
            box.addButton(button, role)
        button.setAccessibleName(plain(text))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        made.append(button)
    row.addWidget(box)
    layout.addLayout(row)
    return made


@dataclass(frozen=True)
class SecretKind:
    """A passphrase or a navigator PIN: where its words are, and how short it may be."""

    section: str
    minimum: int
    too_short: type[PassphraseTooShort]
    asked: str
    """The label when it is asked for (with the recovery code), and what "empty" says."""
    empty: str


PASSPHRASE = SecretKind(
    "vault.create",
    MIN_PASSPHRASE_CHARS,
    PassphraseTooShort,
    "vault.open.secret",
    "vault.open.empty",
)
PIN = SecretKind(
    "vault.pin", MIN_PIN_CHARS, PinTooShort, "vault.open.pin_secret", "vault.open.pin_empty"
)


class PassphraseDialog(QDialog):
    """A new passphrase or PIN, typed twice (`creating`), or the passphrase or PIN or recovery
    code that opens the saved plans. Says first why it is asked."""

    def __init__(
        self,
        words: Words,
        *,
        creating: bool,
        reason: str,
        kind: SecretKind = PASSPHRASE,
        detail: str = "",
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.words = words
        self.kind = kind
        self.setWindowTitle(words("vault.title"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.reason = note(reason, "intro")
        self.detail = note(detail)
        layout.addWidget(self.reason)
        layout.addWidget(self.detail)
        if creating:
            self.first = _field(words, f"{kind.section}.new", layout)
            self.second: QLineEdit | None = _field(words, f"{kind.section}.repeat", layout)
            layout.addWidget(note(words(f"{kind.section}.rule", minimum=kind.minimum)))
        else:
            self.first = _field(words, kind.asked, layout)
            self.second = None
        self.problem = note(name="problem", severity="error")
        layout.addWidget(self.problem)
        self.show_problem(problem)
        layout.addStretch(1)
        ok = words(f"{kind.section}.protect" if creating else "vault.open.open")
        self.ok, self.cancel = _buttons(
            layout,
            (ok, Role.AcceptRole, self.accept),
            (words("vault.cancel"), Role.RejectRole, self.reject),
        )
        self.ok.setDefault(True)
        self.first.setFocus()

    def show_problem(self, text: str) -> None:
        show_note(self.problem, text)
        self.first.setAccessibleDescription(text)

    def value(self) -> str:
        return self.first.text()

    def accept(self) -> None:
        """Checked before it goes anywhere: long enough and typed the same twice, or not empty."""
        text = self.first.text()
        language = self.words.catalogue_language
        minimum = self.kind.minimum
        if self.second is None:
            if not text.strip():
                self.show_problem(self.words(self.kind.empty))
                return
        elif len(text.strip()) < minimum:
            self.show_problem(self.kind.too_short(minimum=minimum).message(language))
            return
        elif text != self.second.text():
            self.show_problem(self.words(f"{self.kind.section}.differ"))
            self.second.clear()
            self.second.setFocus()
            return
        super().accept()

    def done(self, result: int) -> None:
        super().done(result)
        if result != QDialog.DialogCode.Accepted:
            self.first.clear()
            if self.second is not None:
                self.second.clear()


def recovery_sheet(words: Words, code: RecoveryCode, today: date) -> str:
    """The printed page: what the code is for, the code, and the day it was made. No plan data."""
    e = html.escape
    return (
        f"<h2>{e(words('vault.recovery.sheet_title'))}</h2>"
        f"<p>{e(words('vault.recovery.what'))}</p>"
        f"<p style='font-family: monospace; font-size: 20pt; font-weight: bold'>{e(str(code))}</p>"
        f"<p>{e(words('vault.recovery.keep'))}</p>"
        f"<p>{e(words('vault.recovery.sheet_made', date=today.isoformat()))}</p>"
    )


class RecoveryCodeDialog(QDialog):
    """Shows the new recovery code once, says what it is for, and offers to print it. It stays
    until the person types the code's last characters back, which shows the code reached paper
    or their eyes (a checkbox could be ticked without either); only then is it put in place.
    Cancel (or locking) closes it and nothing is made."""

    def __init__(self, words: Words, code: RecoveryCode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self._code = code
        self._forced = False
        self.setWindowTitle(words("vault.recovery.title"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(note(words("vault.recovery.title"), "sectionTitle"))
        layout.addWidget(note(words("vault.recovery.what"), "intro"))
        self.code = QLabel(str(code))
        self.code.setObjectName("recoveryCode")  # its size follows the text size: relative_fonts
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setWeight(QFont.Weight.Bold)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(words("vault.recovery.title"))
        layout.addWidget(self.code)
        layout.addWidget(note(words("vault.recovery.keep"), "intro"))
        self.problem = note()
        layout.addWidget(self.problem)
        self.check = _field(words, "vault.recovery.check", layout, secret=False)
        self.check.setMaxLength(8)
        self.check.textChanged.connect(self._typed)
        self.check.returnPressed.connect(self._check_typed)
        self.wrong = note(words("vault.recovery.check_wrong"), "problem", "error")
        self.wrong.hide()
        layout.addWidget(self.wrong)
        self.print_button, self.next, self.cancel = _buttons(
            layout,
            (words("vault.recovery.print"), Role.ActionRole, self.print_sheet),
            (words("vault.recovery.continue"), Role.AcceptRole, self.accept),
            (words("vault.cancel"), Role.RejectRole, self.close_now),
        )
        self.next.setEnabled(False)
        self.next.setDefault(True)
        self.print_button.setFocus()

    def kept(self) -> bool:
        """Whether the last four characters were typed back (any case; 0, 1 and 8 count for the
        letters they look like, as when the code is typed to open the saved plans)."""
        return self._code.ends_with(self.check.text())

    def _typed(self) -> None:
        self.next.setEnabled(self.kept())
        self.wrong.hide()
        self.check.setAccessibleDescription("")

    def _check_typed(self) -> None:
        if self.kept():
            self.accept()
        else:
            self.wrong.show()
            self.check.setAccessibleDescription(self.wrong.text())
            self.adjustSize()  # room for the sentence: wrapped labels do not ask for it

    def print_sheet(self) -> None:
        """Prints the code on paper; never into a file (ui.printing), which would leave the code
        on the computer it protects. Without a printer, the person is told to write it down."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        choice = ask_printer(printer, self)
        if choice == "print":
            sheet = QTextDocument()
            sheet.setHtml(recovery_sheet(self.words, self._code, date.today()))
            sheet.print_(printer)
            self.check.setFocus()
        elif choice != "cancelled":
            show_note(self.problem, self.words(f"vault.recovery.{choice}"))

    def reject(self) -> None:
        """Escape does not dismiss the code by accident: Cancel (or locking) does."""
        if self._forced:
            super().reject()

    def close_now(self) -> None:
        self._forced = True
        self.code.clear()
        self.check.clear()
        self.reject()


class QtDialogs:
    """The real dialogs, window-modal over `parent`."""

    def __init__(self, parent: QWidget, words: Words) -> None:
        self.parent = parent
        self.words = words
        self._open: list[QDialog] = []

    def _show(self, dialog: QDialog, finished: Callable[[int], None]) -> None:
        self._open.append(dialog)

        def end(result: int) -> None:
            if dialog in self._open:
                self._open.remove(dialog)
            finished(result)
            dialog.deleteLater()

        dialog.finished.connect(end)
        dialog.open()

    def _ask(self, answer: Answer, **options: Any) -> None:
        """A `PassphraseDialog` with `options`; `answer` gets what was typed, or None."""
        dialog = PassphraseDialog(self.words, parent=self.parent, **options)
        self._show(dialog, lambda result: answer(dialog.value() if result else None))

    def new_passphrase(self, reason: str, detail: str, answer: Answer) -> None:
        self._ask(answer, creating=True, reason=reason, detail=detail)

    def new_pin(self, reason: str, answer: Answer) -> None:
        self._ask(answer, creating=True, reason=reason, kind=PIN)

    def secret(self, reason: str, problem: str, answer: Answer, *, pin: bool = False) -> None:
        kind = PIN if pin else PASSPHRASE
        self._ask(answer, creating=False, reason=reason, kind=kind, problem=problem)

    def recovery_code(self, code: RecoveryCode, done: Callable[[bool], None]) -> None:
        dialog = RecoveryCodeDialog(self.words, code, self.parent)
        self._show(dialog, lambda result: done(bool(result) and dialog.kept()))

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.words("vault.title"), text, parent=self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    def _file(self, dialog: QFileDialog, answer: Answer) -> None:
        def chosen(result: int) -> None:
            files = dialog.selectedFiles() if result else []
            answer(files[0] if files else None)

        self._show(dialog, chosen)

    def save_file(self, title: str, name: str, answer: Answer) -> None:
        dialog = file_dialog(self.parent, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(name)
        self._file(dialog, answer)

    def open_file(self, title: str, kinds: str, answer: Answer) -> None:
        dialog = file_dialog(self.parent, title)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(kinds)
        self._file(dialog, answer)

    def confirm(
        self, question: str, yes: str, answer: Callable[[bool], None], no: str = ""
    ) -> None:
        box = self._message(QMessageBox.Icon.Question, question)
        agree = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(no or self.words("vault.cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self._show(box, lambda _: answer(box.clickedButton() is agree))

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = self._message(icon, text)
        box.addButton(self.words("vault.ok"), QMessageBox.ButtonRole.AcceptRole)
        self._show(box, lambda _: None)

    def inform(self, text: str) -> None:
        self._tell(QMessageBox.Icon.Information, text)

    def error(self, text: str) -> None:
        self._tell(QMessageBox.Icon.Warning, text)

    def close_all(self) -> None:
        for dialog in list(self._open):
            if isinstance(dialog, RecoveryCodeDialog):
                dialog.close_now()
            else:
                dialog.reject()
