"""Locking: the screen that hides the plan, and the timer that locks after a while with no input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Words
from ui.widgets import note, plain, show_note

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleTimer(QObject):
    """Fires `idle` after `minutes` with no key, mouse or touch input anywhere in the program."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(minutes * 60_000)))
        self._timer.timeout.connect(self.idle)

    def start(self) -> None:
        if app := QApplication.instance():  # installed twice, a filter still runs once
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        if app := QApplication.instance():
            app.removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self._timer.start()
        return False


class LockScreen(QWidget):
    """What the window shows while locked: no plan, no sidebar; a field for the navigator PIN
    (keyring mode) or the passphrase, or the recovery code. The keyring alone never unlocks: the
    person who walks up to a locked window may be anyone who uses this computer."""

    secret_given = Signal(str)

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.setObjectName("lockScreen")
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("intro")
        self.pin_mode = False
        self.secret_label = QLabel()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret)
        self.unlock = QPushButton()
        self.problem = note(name="problem", severity="error")
        self.unlock.clicked.connect(self._give_secret)
        self.secret.returnPressed.connect(self._give_secret)
        box = QWidget()
        box.setMaximumWidth(560)
        column = QVBoxLayout(box)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addSpacing(12)
        column.addWidget(self.secret_label)
        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock)
        column.addLayout(row)
        column.addWidget(self.problem)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 3)
        centre.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        words.language_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        w = self.words
        self.title.setText(w("vault.lock.title"))
        self.text.setText(w("vault.lock.text"))
        asked = w("vault.lock.pin" if self.pin_mode else "vault.lock.secret")
        self.secret_label.setText(asked)
        self.unlock.setText(w("vault.lock.unlock"))
        self.secret.setAccessibleName(plain(asked))
        self.unlock.setAccessibleName(plain(w("vault.lock.unlock")))

    def reset(self, pin: bool) -> None:
        """Shown anew: empty field, no old problem; asking for the PIN (`pin`) or the passphrase."""
        self.secret.clear()
        self.show_problem("")
        self.set_busy(False)
        self.set_pin_mode(pin)
        self.secret.setFocus()

    def set_pin_mode(self, pin: bool) -> None:
        self.pin_mode = pin
        self.retranslate()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.secret, self.unlock):
            widget.setEnabled(not busy)
        if busy:
            show_note(self.problem, self.words("vault.lock.unlocking"), "")

    def show_problem(self, text: str) -> None:
        show_note(self.problem, text, "error")
        self.secret.setAccessibleDescription(text)

    def _give_secret(self) -> None:
        secret = self.secret.text()
        if secret.strip():
            self.secret.clear()
            self.secret_given.emit(secret)
        else:
            self.show_problem(
                self.words("vault.open.pin_empty" if self.pin_mode else "vault.open.empty")
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter stops here: the hidden wizard behind must not move on."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
