"""Work the documents page does off the GUI thread (making, saving, printing the packet), and
the dialogs it asks through, kept apart so tests can put their own in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QRunnable,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from planner.output_files import OutputError

PRINT_DPI = 300
"""Pages are printed as images this fine (or as fine as the printer, if less)."""


def start_folder() -> str:
    """Where choosing a folder starts: the user's Documents, else their home (never the folder
    the program happens to run in)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def ask_folder(parent: QWidget, title: str) -> str:
    """The folder the person picks, or "" if they cancel.

    Always Qt's own dialog: a desktop's native one (GTK, a portal) may add the chosen folder to
    the desktop's recent files, out of our reach. Qt's dialog writes the folders it visited into
    Qt's settings file when it closes (`QtProject.conf`: "history", "lastVisited"); a folder
    named after the family must not stay in a recent-places list, and a workshop leaves no file
    behind, so the dialog's settings are put back exactly as they were (no file if none was)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    existed = Path(settings.fileName()).exists()
    settings.beginGroup("FileDialog")
    kept = {key: settings.value(key) for key in settings.allKeys()}
    settings.endGroup()
    dialog = QFileDialog(parent, title, start_folder())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles() if accepted else []
    shiboken6.delete(dialog)  # now, so that it writes its settings before they are put back
    settings.sync()
    settings.remove("FileDialog")
    for key, value in kept.items():
        settings.setValue(f"FileDialog/{key}", value)
    settings.sync()
    if not existed and not settings.allKeys():
        Path(settings.fileName()).unlink(missing_ok=True)
    return chosen[0] if chosen else ""


def print_pdfs(printer: QPrinter, pdfs: list[bytes], step: Callable[[object], None]) -> int:
    """Every page of every PDF onto the printer, page after page; returns the number of pages.

    Runs on a worker thread (painting on a QPrinter is allowed there); each PDF is read from
    memory by a QPdfDocument of this thread, never from a file."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages = 0
    try:
        for content in pdfs:
            buffer = QBuffer()
            buffer.setData(content)
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document = QPdfDocument()
            document.load(buffer)
            for index in range(document.pageCount()):
                if pages:
                    printer.newPage()
                points = document.pagePointSize(index)
                scale = min(printer.resolution(), PRINT_DPI) / 72
                size = QSize(round(points.width() * scale), round(points.height() * scale))
                image = document.render(index, size)
                target = painter.viewport()
                fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                left = target.x() + (target.width() - fitted.width()) // 2
                top = target.y() + (target.height() - fitted.height()) // 2
                painter.drawImage(QRect(QPoint(left, top), fitted), image)
                pages += 1
                step(pages)
            document.close()
            buffer.close()
    finally:
        painter.end()
    return pages


class JobSignals(QObject):
    """What a job reports to the page: a piece of work done, the end, or a failure."""

    piece = Signal(int, object)
    done = Signal(int, object)
    failed = Signal(int, str)
    """The job number and a message key from the "messages" catalogue ("" for a generic one)."""


class Job(QRunnable):
    """Work off the GUI thread. No exception text is passed on: it may quote the family's words."""

    def __init__(
        self, number: int, work: Callable[[Callable[[object], None]], object], signals: JobSignals
    ) -> None:
        super().__init__()
        self.number = number
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work(lambda piece: self.signals.piece.emit(self.number, piece))
        except OutputError as error:
            self.signals.failed.emit(self.number, error.key)
        except Exception:
            self.signals.failed.emit(self.number, "")
        else:
            self.signals.done.emit(self.number, result)
