"""Printing leaves nothing behind: the packet and the recovery code go to paper or nowhere.

Through Qt's real print dialog: with no printer the program says so and opens no dialog; with a
printer, the dialog offers no "print to file", and an answer that still names a file (as Qt's
dialog gives where no printer is set up) is refused. The home, temp, config, data and cache
folders are listed before and after, and are the same.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.keys import RecoveryCode
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.test_documents import Recorder, make, open_page, press
from ui.dialogs import RecoveryCodeDialog
from ui.i18n import Words

FOLDERS = ("home", "temp", "config", "data", "cache")


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Every folder Qt or the program might write a printed file to, empty and private."""
    folders = {name: tmp_path / name for name in FOLDERS}
    for folder in folders.values():
        folder.mkdir()
    monkeypatch.setenv("HOME", str(folders["home"]))  # where Qt's dialog proposes print.pdf
    monkeypatch.setenv("TMPDIR", str(folders["temp"]))
    monkeypatch.setattr(tempfile, "tempdir", str(folders["temp"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folders["config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(folders["data"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folders["cache"]))
    yield folders


def listing(folders: dict[str, Path]) -> dict[str, list[str]]:
    return {name: sorted(str(p) for p in folder.rglob("*")) for name, folder in folders.items()}


def answer_with_a_file(qtbot: QtBot, target: Path, seen: list[bool]) -> None:
    """When Qt's print dialog opens: check it offers no file, then answer as it does where no
    printer is set up (its printer set to write a PDF into the home folder) and accept."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile))
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.accept()

    QTimer.singleShot(20, act)


def with_printer(monkeypatch: pytest.MonkeyPatch, names: list[str]) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: names))


def test_the_packet_is_never_printed_into_a_file(
    make_window: WindowMaker,
    qtbot: QtBot,
    watched: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    sample_pdf: bytes,
) -> None:
    before = listing(watched)
    window = make_window(example_plan("small-ca.json"), language="es")
    page = open_page(window)
    page.packet.renderer = Recorder(sample_pdf)
    make(qtbot, page, len(page.planned()))

    with_printer(monkeypatch, [])  # no printer: said at once, and no dialog opens
    press(qtbot, page.print_button)
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert page.message_box.text().startswith("No hay ninguna impresora configurada")
    page.message_box.close()

    with_printer(monkeypatch, ["Oficina"])
    target = watched["home"] / "Documentos del plan familiar.pdf"
    seen: list[bool] = []
    answer_with_a_file(qtbot, target, seen)
    press(qtbot, page.print_button)
    qtbot.waitUntil(lambda: bool(seen) and page.message_box is not None)
    assert seen == [False]  # the dialog offered no "print to file"
    qtbot.waitUntil(page.message_box.isVisible)
    assert "Guardar en una carpeta" in page.message_box.text()
    assert page.packet.print_job < 0
    assert not target.exists()
    assert listing(watched) == before


def test_the_recovery_code_is_never_printed_into_a_file(
    qtbot: QtBot, watched: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = listing(watched)
    dialog = RecoveryCodeDialog(Words("en"), RecoveryCode.generate())
    qtbot.addWidget(dialog)
    dialog.show()
    with_printer(monkeypatch, [])
    dialog.print_button.click()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text().startswith("No printer is set up on this computer.")
    with_printer(monkeypatch, ["Office"])
    target = watched["home"] / "print.pdf"
    seen: list[bool] = []
    answer_with_a_file(qtbot, target, seen)
    dialog.print_button.click()
    assert seen == [False]
    assert dialog.problem.text().startswith("That would save the code in a file")
    assert not dialog.kept()
    assert not target.exists()
    assert listing(watched) == before
