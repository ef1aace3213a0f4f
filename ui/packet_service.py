"""The family's packet: made, printed and saved for the documents page, which only shows it.

A page loads from the plan and writes back to it; it never renders, prints or writes files
(DESIGN.md). This service does that work, off the GUI thread so the window never freezes: the
window makes one `PacketMaker` and gives it to the documents page, which asks it to act and shows
what its signals say. It can also be driven without any page (tests, a self-test).

The made files stay in memory only (the preview reads them from there): in a workshop nothing
touches the disk but the files the family saves, into the folder it chose, owner-only
(planner.output_files); printing goes to paper only (ui.printing). `forget()` drops everything
for "Finish and erase", and the window asks `unsaved` before closing a workshop.
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
from ui.packet_jobs import Job, JobSignals, print_pdfs
from ui.printing import PrintChoice, ask_printer

if TYPE_CHECKING:
    from forms.context import RenderContext, RenderOptions
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
Work = Callable[[Callable[[object], None]], object]
NO_JOB = -1


def render_document(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
    """forms/ (and reportlab) load when the family first makes documents, not at start-up."""
    from forms.packet import render_document as render

    return render(context, planned)


def options_for(choice: str) -> RenderOptions:
    """The rendering options for a language choice as the page offers it: "es", "en", "es+en"
    (the family's language beside English)."""
    from forms.context import RenderOptions

    language, _, both = choice.partition("+")
    return RenderOptions(language=language, bilingual=bool(both))


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

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        renderer: Renderer | None = None,
        writer: Writer | None = None,
        choose_printer: PrinterChooser | None = None,
        open_url: Callable[[QUrl], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.renderer: Renderer = renderer or render_document
        self.writer: Writer = writer or write_files
        self.choose_printer: PrinterChooser = choose_printer or ask_printer
        self.open_url: Callable[[QUrl], object] = open_url or QDesktopServices.openUrl
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
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.render_signals = JobSignals(self)
        self.save_signals = JobSignals(self)
        self.print_signals = JobSignals(self)
        self.render_signals.piece.connect(self._rendered)
        self.render_signals.done.connect(self._render_done)
        self.render_signals.failed.connect(self._render_failed)
        self.save_signals.done.connect(self._saved)
        self.save_signals.failed.connect(self._save_failed)
        self.print_signals.piece.connect(self._printed_page)
        self.print_signals.done.connect(self._printed)
        self.print_signals.failed.connect(self._print_failed)

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
        made_from = self.made_from
        return bool(self.files) and made_from is not None and plan_revision(plan) != made_from

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
        options = options_for(language)
        renderer, cancel = self.renderer, self.cancel

        def work(report: Callable[[object], None]) -> object:
            from forms.context import RenderContext

            context = RenderContext.for_plan(plan, options)
            for planned in todo:
                if cancel.is_set():
                    return None
                report(renderer(context, planned))
            return None

        self.render_job = self._start(work, self.render_signals)

    def _rendered(self, job: int, document: object) -> None:
        from forms.packet import RenderedDocument

        if job != self.render_job or not isinstance(document, RenderedDocument):
            return
        self.files.append(document)
        self.file_made.emit(document)

    def _render_done(self, job: int, _: object) -> None:
        if job == self.render_job:
            self.render_job = NO_JOB
            self.made.emit(len(self.files))

    def _render_failed(self, job: int, _: str) -> None:
        if job == self.render_job:
            self.render_job = NO_JOB
            self.making_failed.emit()

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
            self.print_job = self._start(
                lambda step: print_pdfs(printer, pdfs, step), self.print_signals
            )
        return choice

    def _printed_page(self, job: int, pages: object) -> None:
        if job == self.print_job and isinstance(pages, int):
            self.page_printed.emit(pages)

    def _printed(self, job: int, pages: object) -> None:
        if job == self.print_job:
            self.print_job = NO_JOB
            self.printer = None
            self.printed.emit(pages if isinstance(pages, int) else 0)

    def _print_failed(self, job: int, _: str) -> None:
        if job == self.print_job:
            self.print_job = NO_JOB
            self.printer = None
            self.printing_failed.emit()

    # --- saving -----------------------------------------------------------------------------------

    def save_to(self, folder: Path) -> bool:
        """Write every made file into the folder the family chose, on the worker (all or nothing,
        owner-only: planner.output_files); False if there is nothing to save or a job is
        running."""
        if not self.files or self.busy:
            return False
        files = [(f.filename, f.content) for f in self.files]
        writer, kinds = self.writer, self.kinds
        self.save_job = self._start(
            lambda _: (folder, len(writer(folder, files, kinds))), self.save_signals
        )
        return True

    def _saved(self, job: int, result: object) -> None:
        if job != self.save_job or not isinstance(result, tuple):
            return
        self.save_job = NO_JOB
        folder, count = result
        self.saved_folder = folder
        self.saved.emit(folder, count)

    def _save_failed(self, job: int, key: str) -> None:
        if job == self.save_job:
            self.save_job = NO_JOB
            self.saving_failed.emit(key)

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
        self.render_job = self.save_job = self.print_job = NO_JOB
        self.printer = None
        self.files = []
        self.kinds = frozenset()
        self.made_from = None
        self.saved_folder = None

    def _start(self, work: Work, signals: JobSignals) -> int:
        self.jobs += 1
        self.pool.start(Job(self.jobs, work, signals))
        return self.jobs
