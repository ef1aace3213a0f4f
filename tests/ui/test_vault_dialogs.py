"""The real dialogs behind the saved plans, used by keyboard: a new passphrase typed twice, the
passphrase or recovery code, the recovery code that must be kept, and the confirmations."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.keys import RecoveryCode
from ui.app import make_application
from ui.dialogs import PIN, PassphraseDialog, QtDialogs, RecoveryCodeDialog, recovery_sheet
from ui.i18n import Words


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_new_passphrase_must_be_long_enough_and_typed_the_same_twice(qtbot: QtBot) -> None:
    make_application([])
    dialog = PassphraseDialog(
        Words("en"), creating=True, reason="No safe place for the key.", detail="Why, exactly."
    )
    shown(qtbot, dialog)
    assert dialog.reason.text() == "No safe place for the key."
    qtbot.keyClicks(dialog.first, "short")
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.text().startswith("Choose a passphrase of at least 8 characters")
    assert dialog.first.accessibleDescription() == dialog.problem.text()

    dialog.first.clear()
    qtbot.keyClicks(dialog.first, "tres palabras largas")
    assert dialog.second is not None
    qtbot.keyClicks(dialog.second, "tres palabras largaz")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.text() == "The two passphrases are different. Type the same one twice."
    assert dialog.second.text() == ""

    qtbot.keyClicks(dialog.second, "tres palabras largas")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.value() == "tres palabras largas"


def test_opening_asks_for_the_passphrase_or_the_code_in_spanish(qtbot: QtBot) -> None:
    make_application([])
    words = Words("es")
    dialog = PassphraseDialog(words, creating=False, reason="Motivo.", problem="Esa no es.")
    shown(qtbot, dialog)
    assert dialog.second is None
    assert dialog.problem.text() == "Esa no es."
    assert dialog.ok.text() == "&Abrir los planes guardados"
    assert dialog.cancel.accessibleName() == "Cancelar"
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Escriba la frase de contraseña o el código de recuperación."
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_navigator_pin_is_chosen_in_spanish_long_enough_and_typed_twice(qtbot: QtBot) -> None:
    make_application([])
    dialog = PassphraseDialog(Words("es"), creating=True, reason="Elija un PIN.", kind=PIN)
    shown(qtbot, dialog)
    assert dialog.ok.text() == "&Usar este PIN"
    assert dialog.first.accessibleName() == "PIN de navegador(a)"
    qtbot.keyClicks(dialog.first, "12345")
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    assert dialog.problem.text().startswith("Elija un PIN de al menos 6 caracteres")
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, "493817")
    assert dialog.second is not None
    qtbot.keyClicks(dialog.second, "493871")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Los dos PIN son distintos. Escriba el mismo dos veces."
    qtbot.keyClicks(dialog.second, "493817")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.value() == "493817"


def test_opening_with_the_pin_says_pin(qtbot: QtBot) -> None:
    make_application([])
    dialog = PassphraseDialog(Words("en"), creating=False, reason="Protected.", kind=PIN)
    shown(qtbot, dialog)
    assert dialog.first.accessibleName() == "Navigator PIN or recovery code"
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Type the navigator PIN or the recovery code."


def test_the_recovery_code_stays_until_it_is_kept(qtbot: QtBot) -> None:
    make_application([])
    code = RecoveryCode.generate()
    dialog = RecoveryCodeDialog(Words("en"), code)
    shown(qtbot, dialog)
    assert dialog.code.text() == str(code)
    assert not dialog.next.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the only copy of the code is not dismissed by accident
    last = code.chars[-4:]
    wrong = last[:3] + ("A" if last[3] != "A" else "B")
    qtbot.keyClicks(dialog.check, wrong)
    assert not dialog.next.isEnabled()
    qtbot.keyClick(dialog.check, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.wrong.isVisible()
    assert dialog.check.accessibleDescription().startswith("Those are not the last four")
    dialog.check.clear()
    qtbot.keyClicks(dialog.check, last.lower())  # as people type it
    assert dialog.next.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)


def test_locking_closes_the_recovery_code_and_wipes_it_from_the_screen(qtbot: QtBot) -> None:
    make_application([])
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = QtDialogs(parent, Words("en"))
    kept: list[bool] = []
    dialogs.recovery_code(RecoveryCode.generate(), kept.append)
    (dialog,) = parent.findChildren(RecoveryCodeDialog)
    assert dialog.isVisible()
    dialogs.close_all()
    assert kept == [False]
    assert not dialog.isVisible()
    assert dialog.code.text() == ""


def test_the_printed_sheet_says_what_the_code_is_for_and_nothing_else(qtbot: QtBot) -> None:
    code = RecoveryCode.generate()
    sheet = recovery_sheet(Words("es"), code, date(2026, 11, 25))
    assert str(code) in sheet
    assert "la única manera de volver a abrir los planes guardados" in sheet
    assert "2026-11-25" in sheet


def test_confirmations_use_the_interface_language_and_cancel_when_closed(qtbot: QtBot) -> None:
    make_application([])
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = QtDialogs(parent, Words("es"))
    answers: list[bool] = []
    dialogs.confirm("¿Borrar?", "&Borrar el plan", answers.append)
    (box,) = parent.findChildren(QMessageBox)
    assert sorted(button.text() for button in box.buttons()) == ["&Borrar el plan", "&Cancelar"]
    assert box.windowTitle() == "Planes guardados"
    dialogs.close_all()
    assert answers == [False]
