"""Starts the program: the application, the interface language, the services, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from ui import relative_fonts
from ui.i18n import Words, current_language, use_qt_language

STYLE = Path(__file__).with_name("style.qss")


def interface_language() -> str:
    """Spanish when the computer speaks Spanish; English otherwise. The family can switch."""
    wanted = os.environ.get("FAMILY_PLANNER_LANGUAGE")
    if wanted in ("en", "es", "pseudo"):
        return wanted
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


def make_application(argv: list[str] | None = None) -> QApplication:
    # Without it the style sheet pins each widget's font when it is first polished, and "Larger
    # text" (a new application font) reaches only the widgets made after it. Read at every
    # polish, so it may be set after the application exists (pytest-qt makes it first).
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("family-planner")
    app.setApplicationDisplayName("Family Preparedness Planner")
    style = STYLE.read_text(encoding="utf-8")
    if app.styleSheet() != style:  # restyling re-polishes every widget alive: seconds in tests
        app.setStyleSheet(style)
    relative_fonts.install(app)
    # Qt's own words (standard buttons, file and print dialogs, calendars) in the interface's
    # language: a `Words` made before the application could set only the locale.
    use_qt_language(current_language())
    return app


def main() -> int:
    from ui.controller import Controller, start
    from ui.crash import CrashReporter

    app = make_application()
    words = Words(interface_language())  # and Qt's own words with it, now and at every switch
    window: list[Controller] = []
    reporter = CrashReporter(words, lambda: window[0].window if window else None)
    reporter.install()  # from here on no traceback reaches the person, or stderr
    controller = start(words)
    window.append(controller)
    controller.window.show()
    controller.window.build_ahead()
    try:
        return app.exec()
    finally:
        reporter.uninstall()


if __name__ == "__main__":
    sys.exit(main())
