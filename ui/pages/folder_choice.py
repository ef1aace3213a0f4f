"""Qt's file and folder dialogs, leaving no recent-places trace (`file_dialog`): where to save
the packet or the case summary (`ask_folder`), and the households' export and import files
(ui.dialogs). Apart, so that tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def file_dialog(parent: QWidget, title: str) -> QFileDialog:
    """Qt's own file dialog, starting in Documents (else home), that leaves no trace of where it
    went. A desktop's native dialog may add the file to the desktop's recent files, out of our
    reach; Qt's writes the folders it visited into its settings file (`QtProject.conf`) when it is
    destroyed, so they are put back as they were then (no file if there was none): a folder named
    after a family must not stay in a recent-places list. (`ask_folder` uses it for the packet's
    folder.)"""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    existed = Path(settings.fileName()).exists()
    settings.beginGroup("FileDialog")
    kept = {key: settings.value(key) for key in settings.allKeys()}
    settings.endGroup()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = documents if documents and Path(documents).is_dir() else str(Path.home())
    dialog = QFileDialog(parent, title, start)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)

    def put_back() -> None:
        again = QSettings(QSettings.Scope.UserScope, "QtProject")
        again.remove("FileDialog")
        for key, value in kept.items():
            again.setValue(f"FileDialog/{key}", value)
        again.sync()
        if not existed and not again.allKeys():
            Path(again.fileName()).unlink(missing_ok=True)

    dialog.destroyed.connect(put_back)
    return dialog


def ask_folder(parent: QWidget, title: str) -> str:
    """The folder the person picks, or "" if they cancel (see `file_dialog`: no trace stays)."""
    dialog = file_dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles() if accepted else []
    shiboken6.delete(dialog)  # now: it writes its settings, and they are put back, before we go on
    return chosen[0] if chosen else ""
