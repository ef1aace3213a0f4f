"""Starts the program: the application, the interface language, the services, the main window.

`family-planner --version` prints the one version (planner.__version__); `--self-test` checks an
installed copy offscreen (ui/self_test.py). Any other argument is left to Qt (`-platform` …).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from importlib import resources

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from planner import __version__
from planner.resources import MissingResources, data_folder, resource
from ui import relative_fonts
from ui.i18n import Words, current_language, use_qt_language


@cache
def style_sheet() -> str:
    """ui/style.qss, read through importlib.resources (a wheel, a zip, a bundle alike): Qt takes
    the text, so nothing is copied out of a zip. Missing, it stops the program in one line."""
    try:
        return resources.files("ui").joinpath("style.qss").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingResources("ui/style.qss") from None


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
    app.setDesktopFileName("family-planner")  # packaging/family-planner.desktop: the dock's icon
    app.setWindowIcon(QIcon(str(resource("icons", "family-planner.png"))))
    style = style_sheet()
    if app.styleSheet() != style:  # restyling re-polishes every widget alive: seconds in tests
        app.setStyleSheet(style)
    relative_fonts.install(app)
    # Qt's own words (standard buttons, file and print dialogs, calendars) in the interface's
    # language: a `Words` made before the application could set only the locale.
    use_qt_language(current_language())
    return app


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if "--version" in arguments:
        print(f"family-planner {__version__}")
        return 0
    data_folder()  # a gap in the installed data stops here, in one line (MissingResources)
    if "--self-test" in arguments:
        from ui.self_test import run

        return run(interface_language())

    from ui.controller import Controller, start
    from ui.crash import CrashReporter

    app = make_application()
    words = Words(interface_language())  # and Qt's own words with it, now and at every switch
    controller: Controller | None = None
    reporter = CrashReporter(words, lambda: controller.window if controller else None)
    reporter.install()  # from here on no traceback reaches the person, or stderr
    controller = start(words)
    controller.window.show()
    controller.window.build_ahead()
    try:
        return app.exec()
    finally:
        reporter.uninstall()


if __name__ == "__main__":
    sys.exit(main())
