"""The questions the saved plans need to ask: a new passphrase or navigator PIN, the passphrase,
PIN or recovery code, the recovery code to print, and yes/no confirmations. None of them blocks
the window: each opens window-modal and answers through a callback, so the vault thread and the
lock timer keep running.

`QtDialogs` is what the program uses; tests give the controller a scripted stand-in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
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
from ui.printing import ask_printer

Answer = Callable[[str | None], None]


def plain(text: str) -> str:
    """A label's text without its mnemonic marker, for accessible names."""
    return text.replace("&", "")


class Dialogs(Protocol):
    """What the controller may ask the person. Every answer comes back through a callback."""

    def new_passphrase(self, reason: str, detail: str, answer: Answer) -> None: ...

    def new_pin(self, reason: str, answer: Answer) -> None: ...

    def secret(self, reason: str, problem: str, answer: Answer, *, pin: bool = False) -> None:
        """The passphrase (or, with `pin`, the navigator PIN) or the recovery code."""

    def recovery_code(self, code: RecoveryCode, done: Callable[[bool], None]) -> None:
        """`done(True)` once the person typed the code's last characters back; False if they
        cancelled (or locking closed it): then the code is not put in place."""

    def confirm(self, question: str, yes: str, answer: Callable[[bool], None]) -> None: ...

    def inform(self, text: str) -> None: ...

    def error(self, text: str) -> None: ...

    def close_all(self) -> None:
        """Locking: every open question goes away (as if cancelled), so nothing shows on top."""


def _note(text: str = "", name: str = "why") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


def _secret_field(words: Words, key: str, layout: QVBoxLayout) -> QLineEdit:
    """A label and its password field, kept together (the dialog's spare height goes elsewhere)."""
    label = QLabel(words(key))
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(plain(words(key)))
    label.setBuddy(field)
    pair = QVBoxLayout()
    pair.setSpacing(2)
    pair.addWidget(label)
    pair.addWidget(field)
    layout.addLayout(pair)
    return field


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
        self.creating = creating
        self.kind = kind
        self.setWindowTitle(words("vault.title"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.reason = _note(reason, "intro")
        layout.addWidget(self.reason)
        self.detail = _note(detail)
        self.detail.setVisible(bool(detail))
        layout.addWidget(self.detail)
        if creating:
            self.first = _secret_field(words, f"{kind.section}.new", layout)
            self.second: QLineEdit | None = _secret_field(words, f"{kind.section}.repeat", layout)
            layout.addWidget(_note(words(f"{kind.section}.rule", minimum=kind.minimum)))
        else:
            self.first = _secret_field(words, kind.asked, layout)
            self.second = None
        self.problem = _note("", "problem")
        self.problem.setProperty("severity", "error")
        layout.addWidget(self.problem)
        self.show_problem(problem)
        layout.addStretch(1)
        self.ok = QPushButton(words(f"{kind.section}.protect" if creating else "vault.open.open"))
        self.cancel = QPushButton(words("vault.cancel"))
        for button in (self.ok, self.cancel):
            button.setAccessibleName(plain(button.text()))
            button.setAutoDefault(False)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.cancel)
        layout.addLayout(buttons)
        self.first.setFocus()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
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
        title = QLabel(words("vault.recovery.title"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addWidget(_note(words("vault.recovery.what"), "intro"))
        self.code = QLabel(str(code))
        self.code.setObjectName("recoveryCode")  # its size follows the text size: relative_fonts
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setWeight(QFont.Weight.Bold)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(words("vault.recovery.title"))
        layout.addWidget(self.code)
        layout.addWidget(_note(words("vault.recovery.keep"), "intro"))
        self.print_button = QPushButton(words("vault.recovery.print"))
        self.next = QPushButton(words("vault.recovery.continue"))
        self.cancel = QPushButton(words("vault.cancel"))
        for button in (self.print_button, self.next, self.cancel):
            button.setAccessibleName(plain(button.text()))
            button.setAutoDefault(False)
        self.next.setEnabled(False)
        self.next.setDefault(True)
        self.print_button.clicked.connect(self.print_sheet)
        self.next.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.close_now)
        self.problem = _note("", "why")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.wrong = _note(words("vault.recovery.check_wrong"), "problem")
        self.wrong.setProperty("severity", "error")
        self.wrong.hide()
        check_label = QLabel(words("vault.recovery.check"))
        check_label.setWordWrap(True)
        self.check = QLineEdit()
        self.check.setMaxLength(8)
        self.check.setAccessibleName(plain(words("vault.recovery.check")))
        check_label.setBuddy(self.check)
        self.check.textChanged.connect(self._typed)
        self.check.returnPressed.connect(self._check_typed)
        layout.addWidget(check_label)
        layout.addWidget(self.check)
        layout.addWidget(self.wrong)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        buttons.addWidget(self.cancel)
        layout.addLayout(buttons)
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
            self.problem.setText(self.words(f"vault.recovery.{choice}"))
            self.problem.show()

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

    def new_passphrase(self, reason: str, detail: str, answer: Answer) -> None:
        dialog = PassphraseDialog(
            self.words, creating=True, reason=reason, detail=detail, parent=self.parent
        )
        self._show(dialog, lambda result: answer(dialog.value() if result else None))

    def new_pin(self, reason: str, answer: Answer) -> None:
        dialog = PassphraseDialog(
            self.words, creating=True, reason=reason, kind=PIN, parent=self.parent
        )
        self._show(dialog, lambda result: answer(dialog.value() if result else None))

    def secret(self, reason: str, problem: str, answer: Answer, *, pin: bool = False) -> None:
        dialog = PassphraseDialog(
            self.words, creating=False, reason=reason, kind=PIN if pin else PASSPHRASE,
            problem=problem, parent=self.parent,
        )  # fmt: skip
        self._show(dialog, lambda result: answer(dialog.value() if result else None))

    def recovery_code(self, code: RecoveryCode, done: Callable[[bool], None]) -> None:
        dialog = RecoveryCodeDialog(self.words, code, self.parent)
        self._show(dialog, lambda result: done(bool(result) and dialog.kept()))

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.words("vault.title"), text, parent=self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    def confirm(self, question: str, yes: str, answer: Callable[[bool], None]) -> None:
        box = self._message(QMessageBox.Icon.Question, question)
        agree = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.words("vault.cancel"), QMessageBox.ButtonRole.RejectRole)
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
