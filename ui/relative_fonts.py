"""Headings and help text sized relative to the reader's text size, and following it.

Qt style sheets take font sizes in pt or px only: a rule cannot say "a section title is half as
large again as the text", and a size in pt would stop following Larger text / Smaller text. So the
few labels that differ in size are named (their object name), and sized here from the application
font when they are first polished and whenever that font changes.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

RELATIVE_SIZES: Final = {"sectionTitle": 1.5, "itemHeading": 1.2, "why": 0.9, "recoveryCode": 1.6}
"""Object name → size as a multiple of the application's text size."""


class RelativeFonts(QObject):
    """Watches the application for new labels and for a new text size."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            self._fit(watched)
        elif kind == QEvent.Type.ApplicationFontChange and watched is self._app:
            for widget in self._app.allWidgets():
                self._fit(widget)
        return False

    def _fit(self, widget: QWidget) -> None:
        if factor := RELATIVE_SIZES.get(widget.objectName()):
            size = self._app.font().pointSizeF() * factor
            if widget.font().pointSizeF() != size:
                font = QFont(widget.font())
                font.setPointSizeF(size)
                widget.setFont(font)


def install(app: QApplication) -> None:
    """Once per application; a second call finds the first watcher and does nothing."""
    if app.findChild(RelativeFonts) is None:
        RelativeFonts(app)
