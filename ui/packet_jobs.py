"""The packet service's work off the GUI thread (making, saving, printing the packet): a job
reports its pieces, its end or a failure as signals, which Qt delivers on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QObject, QPoint, QRect, QRunnable, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from planner.output_files import OutputError

Work = Callable[[Callable[[object], None]], object]
"""A job's work: given a function that reports each piece done, it returns its result."""
PRINT_DPI = 300
"""Pages are printed as images this fine (or as fine as the printer, if less)."""


def print_pdfs(printer: QPrinter, pdfs: list[bytes], step: Callable[[object], None]) -> int:
    """Every page of every PDF onto the printer, page after page; returns the number of pages.

    Runs on a worker thread (painting on a QPrinter is allowed there); each PDF is read from
    memory by a QPdfDocument of this thread, never from a file."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages = 0
    scale = min(printer.resolution(), PRINT_DPI) / 72
    target = painter.viewport()
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
                size = (document.pagePointSize(index) * scale).toSize()
                fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                placed = QRect(QPoint(), fitted)
                placed.moveCenter(target.center())
                painter.drawImage(placed, document.render(index, size))
                pages += 1
                step(pages)
            document.close()
            buffer.close()
    finally:
        painter.end()
    return pages


class JobSignals(QObject):
    """What a job reports to the packet service: a piece of work done, the end, or a failure."""

    piece = Signal(int, object)
    done = Signal(int, object)
    failed = Signal(int, str)
    """The job number and a message key from the "messages" catalogue ("" for a generic one)."""


class Job(QRunnable):
    """Work off the GUI thread. No exception text is passed on: it may quote the family's words."""

    def __init__(self, number: int, work: Work, signals: JobSignals) -> None:
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
