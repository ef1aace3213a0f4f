"""The folder dialog the documents page asks the family through, apart so that tests can answer
it: where to save the packet, leaving no recent-places trace (see `ask_folder`).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def ask_folder(parent: QWidget, title: str) -> str:
    """The folder the person picks, or "" if they cancel; the dialog starts in their Documents,
    else their home (never the folder the program happens to run in).

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
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = documents if documents and Path(documents).is_dir() else str(Path.home())
    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOptions(QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.ShowDirsOnly)
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
