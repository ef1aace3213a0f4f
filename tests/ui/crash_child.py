"""The program's crash handling in a child process, for the crash test: a slot raises an
exception quoting an invented family's words; prints what the person was shown, then quits."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ui.app import make_application
from ui.crash import CrashReporter
from ui.i18n import Words


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application([])
    reporter = CrashReporter(Words(sys.argv[1] if len(sys.argv) > 1 else "en"))
    reporter.install()

    def fail() -> None:
        raise ValueError("Familia Ruiz Centinela, (213) 555-0143, A-123-456-789")

    def report() -> None:
        box = reporter.box
        assert isinstance(box, QMessageBox)
        print(f"shown: {box.text()}", flush=True)
        app.quit()

    QTimer.singleShot(0, fail)
    QTimer.singleShot(200, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
