"""The family's packet: made, printed and saved for the documents page, which only shows it.

Pages never render, print or write files (DESIGN.md): this service does, off the GUI thread so
the window never freezes, and works without any page too. The made files stay in memory only: in
a workshop nothing touches the disk but the files the family saves, owner-only, into the folder
it chose (planner.output_files); printing goes to paper only (ui.printing). `forget()` drops
everything for "Finish and erase"; the window asks `unsaved` before closing a workshop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from planner.model import Plan
from planner.output_files import write_files
from planner.packet import PacketDocumentKind, PlannedDocument
from planner.revision import plan_revision
from ui.packet_jobs import Job, JobSignals, Work, print_pdfs
from ui.printing import PrintChoice, ask_printer

if TYPE_CHECKING:
    from forms.context import RenderContext
    from forms.packet import RenderedDocument


class PacketFile(Protocol):
    """One made file, as the page shows it: which document it is, its file name, its bytes."""

    @property
    def planned(self) -> PlannedDocument: ...

    @property
    def filename(self) -> str: ...

    @property
    def content(self) -> bytes: ...


Renderer = Callable[["RenderContext", PlannedDocument], "RenderedDocument"]
"""Makes one document of the packet (forms.packet.render_document; tests put their own)."""
Writer = Callable[[Path, Iterable[tuple[str, bytes]], Collection[PacketDocumentKind]], list[Path]]
"""Writes the packet's files into a folder; an earlier packet's files of those kinds that this
one no longer has (the sheet of a fifth child) go."""
PrinterChooser = Callable[[QPrinter, QWidget], PrintChoice]
"""Lets the person set up the printer: "print", or why not (ui.printing)."""
NO_JOB = -1


def render_document(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
    """forms/ (and reportlab) load when the family first makes documents, not at start-up."""
    from forms.packet import render_document as render

    return render(context, planned)


class PacketMaker(QObject):
    """Makes the packet one document at a time on a worker, keeps it in memory, prints it on
    paper and saves it to a folder; one job at a time, and a late answer from a job that was
    replaced or forgotten is dropped."""

    file_made = Signal(object)
    """A `PacketFile`, in printing order, as soon as it is made."""
    made = Signal(int)
    """Every chosen file is made: how many."""
    making_failed = Signal()
    """Nothing is said of why: an exception's text may quote the family's words."""
    page_printed = Signal(int)
    """Pages sent to the printer so far."""
    printed = Signal(int)
    printing_failed = Signal()
    saved = Signal(object, int)
    """The folder (a Path) and how many files were written there."""
    saving_failed = Signal(str)
    """A message key of the "messages" catalogue ("output.disk_full" …), "" for a generic one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer: Renderer = render_document
        self.writer: Writer = write_files
        self.choose_printer: PrinterChooser = ask_printer
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.files: list[RenderedDocument] = []
        self.kinds: frozenset[PacketDocumentKind] = frozenset()
        """The kinds chosen when `files` were made: saving replaces an earlier packet's."""
        self.made_from: str | None = None
        """The revision of the plan the files were made from."""
        self.saved_folder: Path | None = None
        self.printer: QPrinter | None = None
        """Kept while its pages are painted on the worker."""
        self.cancel = threading.Event()
        self.jobs = 0
        self.render_job = self.save_job = self.print_job = NO_JOB
        """The running job's number in one of them, -1 in the others: one job at a time."""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = JobSignals(self)
        self.signals.piece.connect(self._piece)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)

    # --- what the page and the window ask ---------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A packet is being made, printed or saved."""
        return any(job != NO_JOB for job in (self.render_job, self.save_job, self.print_job))

    @property
    def unsaved(self) -> bool:
        """Files were made and not saved to a folder: closing a workshop loses them."""
        return bool(self.files) and self.saved_folder is None

    def made_from_older_plan(self, plan: Plan) -> bool:
        """The plan changed since the files were made: they no longer say what it says."""
        return bool(self.files) and plan_revision(plan) != self.made_from

    # --- making -----------------------------------------------------------------------------------

    def make(
        self,
        plan: Plan,
        documents: Sequence[PlannedDocument],
        kinds: frozenset[PacketDocumentKind],
        language: str,
    ) -> None:
        """Forget the files made before, then make `documents` (of the chosen `kinds`) from a
        copy of the plan in `language` ("es", "en", "es+en"), one at a time on the worker: each
        is announced by `file_made`, then `made`. A packet still being made is abandoned."""
        self.forget()
        todo = list(documents)
        self.kinds = kinds
        plan = plan.model_copy(deep=True)  # the family may go on typing meanwhile
        self.made_from = plan_revision(plan)
        renderer, cancel = self.renderer, self.cancel
        language, _, both = language.partition("+")  # "es+en": the family's language beside English

        def work(report: Callable[[object], None]) -> object:
            from forms.context import RenderContext, RenderOptions

            options = RenderOptions(language=language, bilingual=bool(both))
            context = RenderContext.for_plan(plan, options)
            for planned in todo:
                if cancel.is_set():
                    return None
                report(renderer(context, planned))
            return None

        self.render_job = self._start(work)

    # --- printing ---------------------------------------------------------------------------------

    def print_on_paper(self, parent: QWidget, name: str) -> PrintChoice:
        """Ask for a printer (ui.printing: paper only, never a file) and, if one is chosen, send
        every page of every PDF to it on the worker. `name` is the print job's name in the
        printer's queue. "cancelled" also when there is nothing to print or a job is running."""
        pdfs = [f.content for f in self.files if f.filename.endswith(".pdf")]
        if not pdfs or self.busy:
            return "cancelled"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        printer.setFullPage(True)
        printer.setDocName(name)
        choice = self.choose_printer(printer, parent)
        if choice == "print":
            self.printer = printer
            self.print_job = self._start(lambda step: print_pdfs(printer, pdfs, step))
        return choice

    # --- saving -----------------------------------------------------------------------------------

    def save_to(self, folder: Path) -> bool:
        """Write every made file into the folder the family chose, on the worker (all or nothing,
        owner-only: planner.output_files); False if there is nothing to save or a job is
        running."""
        if not self.files or self.busy:
            return False
        files = [(f.filename, f.content) for f in self.files]
        writer, kinds = self.writer, self.kinds
        self.save_job = self._start(lambda _: (folder, len(writer(folder, files, kinds))))
        return True

    def open_folder(self) -> None:
        """Show the folder the packet was saved in, in the computer's file manager."""
        if self.saved_folder is not None:
            self.open_url(QUrl.fromLocalFile(str(self.saved_folder)))

    # --- forgetting -------------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop every made file and what was known of them; a running job's late answers are
        ignored and a packet being made stops at its next document. The files saved in the
        family's folder are theirs and stay."""
        self.cancel.set()
        self.cancel = threading.Event()
        self._end()
        self.files = []
        self.kinds = frozenset()
        self.made_from = None
        self.saved_folder = None

    # --- the worker's answers, on the GUI thread --------------------------------------------------

    def _start(self, work: Work) -> int:
        self.jobs += 1
        self.pool.start(Job(self.jobs, work, self.signals))
        return self.jobs

    def _end(self) -> None:
        self.render_job = self.save_job = self.print_job = NO_JOB
        self.printer = None

    def _piece(self, job: int, piece: object) -> None:
        from forms.packet import RenderedDocument

        if job == self.render_job and isinstance(piece, RenderedDocument):
            self.files.append(piece)
            self.file_made.emit(piece)
        elif job == self.print_job and isinstance(piece, int):
            self.page_printed.emit(piece)

    def _done(self, job: int, result: object) -> None:
        if job == self.render_job:
            self._end()
            self.made.emit(len(self.files))
        elif job == self.print_job:
            self._end()
            self.printed.emit(result if isinstance(result, int) else 0)
        elif job == self.save_job and isinstance(result, tuple):
            self._end()
            self.saved_folder, count = result
            self.saved.emit(self.saved_folder, count)

    def _failed(self, job: int, key: str) -> None:
        if job == self.render_job:
            self._end()
            self.making_failed.emit()
        elif job == self.print_job:
            self._end()
            self.printing_failed.emit()
        elif job == self.save_job:
            self._end()
            self.saving_failed.emit(key)
