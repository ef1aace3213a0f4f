"""When the program itself fails: a plain sentence in the family's language, never a traceback.

An exception's text can quote what the family typed (a name, a phone, an A-number), and a
traceback shows it too; so the person sees a sentence, and stderr (which a desktop may keep in a
log file) gets only the exception's type and the file and line it came from.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.i18n import Words

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]
ThreadHook = Callable[[threading.ExceptHookArgs], object]


def describe(kind: type[BaseException], tb: TracebackType | None) -> str:
    """`ValueError at wizard.py:123`: what failed and where, nothing the exception says."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if not frames:
        return kind.__name__
    last = frames[-1]
    return f"{kind.__name__} at {Path(last.filename).name}:{last.lineno}"


class CrashReporter(QObject):
    """Installed as `sys.excepthook` (Qt hands it exceptions raised in slots and event handlers)
    and `threading.excepthook`; a failure on another thread is shown on the GUI thread."""

    _from_thread = Signal()

    def __init__(
        self,
        words: Words,
        parent_window: Callable[[], QWidget | None] = lambda: None,
        show: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.words = words
        self.parent_window = parent_window
        self.show: Callable[[str], None] = show or self._show_box
        self.box: QMessageBox | None = None
        self._previous: tuple[Hook, ThreadHook] | None = None
        self._from_thread.connect(self._tell)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        self._log(kind, tb)
        self._tell()

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self._log(args.exc_type, args.exc_traceback)
        self._from_thread.emit()  # queued to the GUI thread

    def _log(self, kind: type[BaseException], tb: TracebackType | None) -> None:
        if sys.stderr is not None:  # a gui-script on Windows has none
            sys.stderr.write(f"family-planner: internal error: {describe(kind, tb)}\n")
            sys.stderr.flush()

    def _tell(self) -> None:
        self.show(self.words("crash.message"))

    def _show_box(self, text: str) -> None:
        """One box at a time, not modal to the process: the family's answers stay reachable."""
        if QApplication.instance() is None or (self.box is not None and self.box.isVisible()):
            return
        self.box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.words("crash.title"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent_window(),
        )
        self.box.open()
