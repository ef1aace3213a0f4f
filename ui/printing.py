"""Printing on paper, never into a file: the packet and the recovery code go to a printer only.

Qt's print dialog offers "Print to File (PDF)", and chooses it by itself where no printer is set
up, writing the whole packet into the home folder behind the family's back. A file is made only
through "Save to a folder" (a folder the family chooses, private files, forgotten by "Finish and
erase"), so here the dialog's file choice is turned off and an answer that still names a file is
refused, and a computer without a printer is told so before any dialog opens.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

PrintChoice = Literal["print", "cancelled", "no_printer", "to_file"]
"""What came of asking: print on paper, the person cancelled, this computer has no printer, or the
dialog's answer would have written a file (refused)."""


def ask_printer(printer: QPrinter, parent: QWidget) -> PrintChoice:
    """Qt's print dialog, for a printer the system knows (CUPS on Linux, the spooler elsewhere)
    only. The printer keeps no file name either way."""
    if not QPrinterInfo.availablePrinterNames():
        return "no_printer"
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        return "cancelled"
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or printer.outputFileName():
        printer.setOutputFileName("")
        return "to_file"
    return "print"
