"""A household's saved versions, newest first, each with when it was saved in the navigator's
words, and "Restore this version". It only shows and asks (`restore_requested`); the controller
reads the versions on the vault thread, asks to confirm, and saves the chosen one as the newest,
so the plan as it was stays in the list too.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.vault import MAX_REVISIONS
from planner.vault_records import Revision
from ui.i18n import Words, qt_locale
from ui.widgets import note, plain

NUMBER_ROLE = Qt.ItemDataRole.UserRole


def saved_when(words: Words, at: datetime) -> str:
    """ "on March 9, 2025 at 3:04 PM" (or in Spanish), in this computer's time zone."""
    at = at.astimezone()
    language = words.catalogue_language
    locale = qt_locale(language)
    pattern = "d 'de' MMMM 'de' yyyy" if language == "es" else "MMMM d, yyyy"
    day = locale.toString(QDate(at.year, at.month, at.day), pattern)
    time = locale.toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)
    return words("caseload.history.when", date=day, time=time)


class HistoryDialog(QDialog):
    """The versions of one household; Restore asks (by number) for the one chosen. The newest is
    the plan as it is now, so it cannot be restored; an unreadable one says so."""

    restore_requested = Signal(int)

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.revisions: list[Revision] = []
        self.setWindowTitle(words("caseload.history.title"))
        self.setMinimumSize(520, 360)
        layout = QVBoxLayout(self)
        self.intro = note(words("caseload.history.loading"), "intro")
        self.intro.show()
        self.label = QLabel(words("caseload.history.list"))
        self.versions = QListWidget()
        self.versions.setAccessibleName(plain(words("caseload.history.list")))
        self.label.setBuddy(self.versions)
        self.versions.currentItemChanged.connect(lambda *_: self._enable())
        self.versions.itemActivated.connect(lambda _: self._restore())
        layout.addWidget(self.intro)
        layout.addWidget(self.label)
        layout.addWidget(self.versions, 1)
        box = QDialogButtonBox()
        self.restore = QPushButton(words("caseload.history.restore"))
        self.close_button = QPushButton(words("caseload.history.close"))
        for button, role in (
            (self.restore, QDialogButtonBox.ButtonRole.ActionRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button.setAccessibleName(plain(button.text()))
            button.setAutoDefault(False)
            box.addButton(button, role)
        self.restore.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(box)
        self._enable()

    def show_revisions(self, revisions: list[Revision]) -> None:
        """The versions, newest first as the vault gives them; the second (the one before now)
        is chosen, as the one most often wanted back."""
        w = self.words
        self.revisions = revisions
        self.intro.setText(w("caseload.history.intro", count=MAX_REVISIONS))
        self.versions.clear()
        for index, revision in enumerate(revisions):
            if revision.saved_at is None:
                text = w("caseload.history.unreadable", number=revision.revision)
            else:
                key = "caseload.history.current" if index == 0 else "caseload.history.saved"
                text = w(key, when=saved_when(w, revision.saved_at))
            item = QListWidgetItem(text)
            item.setData(NUMBER_ROLE, revision.revision)
            if revision.saved_at is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.versions.addItem(item)
        self.versions.setCurrentRow(1 if len(revisions) > 1 else 0)
        self.versions.setFocus()
        self._enable()

    def chosen(self) -> int | None:
        """The number of the version chosen, if it is an older one that can be read."""
        item = self.versions.currentItem()
        if item is None or self.versions.row(item) == 0:
            return None
        if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return int(item.data(NUMBER_ROLE))

    def _enable(self) -> None:
        self.restore.setEnabled(self.chosen() is not None)

    def _restore(self) -> None:
        if (number := self.chosen()) is not None:
            self.restore_requested.emit(number)
