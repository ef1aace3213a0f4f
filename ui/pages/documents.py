"""Documents: choose which papers to make and in which language, watch them being made, look
at them, print them, save them to a folder the family picks, and read who signs each one.

The page shows choices, progress, results and messages only: the packet service
(ui.packet_service), which the window gives with `use_packet`, does the work and keeps the files
in memory, and the preview reads them from a buffer. `clear()` forgets them when the family
finishes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.flow import SectionId
from planner.i18n import SUPPORTED_LANGUAGES, translate
from planner.model import Adult, Child, Plan
from planner.packet import OPTIONAL_KINDS, PacketDocumentKind, PlannedDocument, planned_documents
from planner.validation import Problem
from ui.i18n import PSEUDO, Words, pseudo
from ui.pages.base import SectionPage
from ui.pages.choices import language_label
from ui.pages.folder_choice import ask_folder
from ui.pages.signing import signing_lines
from ui.widgets import ChoiceField, Field, plain

if TYPE_CHECKING:
    from ui.packet_service import PacketFile, PacketMaker, Renderer

FolderChooser = Callable[[QWidget, str], str]
"""Asks for a folder; "" when the person cancels."""
ROLE_INDEX = Qt.ItemDataRole.UserRole


def language_choices(plan: Plan) -> tuple[str, list[str]]:
    """The family's document language (one the documents are written in), and the choices:
    that language, English, and both side by side. Values: "es", "en", "es+en"."""
    home = plan.household
    spoken = [home.document_language, *home.family_languages]
    family = next((c for c in spoken if c != "en" and c in SUPPORTED_LANGUAGES), "en")
    if family == "en":
        return "en", ["en"]
    return family, [family, "en", f"{family}+en"]


class DocumentsPage(SectionPage):
    section_id = SectionId.DOCUMENTS
    packet: PacketMaker
    """Makes, prints and saves the packet; given by the window (`use_packet`) before it shows."""

    def __init__(self, words: Words, parent: QWidget | None = None, *, later: bool = False) -> None:
        super().__init__(words, parent)  # a short page: built whole, even ahead (`later`)
        stretch = self.form.takeAt(self.form.count() - 1)  # the preview takes the height instead
        assert stretch is not None and stretch.spacerItem() is not None
        self.choose_folder: FolderChooser = ask_folder

    def use_packet(self, packet: PacketMaker) -> None:
        """The window gives the page the service that does the work; the page shows its news."""
        self.packet = packet
        w = self.words
        packet.file_made.connect(self._file_made)
        packet.made.connect(lambda count: self._say(w("documents.made", count=count)))
        packet.page_printed.connect(lambda page: self._say(w("documents.printing_page", page=page)))
        packet.printed.connect(lambda count: self._say(w("documents.printed", count=count)))
        packet.saved.connect(
            lambda folder, count: self._say(w("documents.saved", count=count, folder=str(folder)))
        )
        packet.making_failed.connect(lambda: self._failed(w("documents.render_failed")))
        packet.printing_failed.connect(lambda: self._failed(w("documents.print_failed")))
        packet.saving_failed.connect(self._saving_failed)
        self.open_button.clicked.connect(packet.open_folder)
        self._update_buttons()

    # --- building ---------------------------------------------------------------------------------

    def build(self) -> None:
        self.plan: Plan | None = None
        self.unchecked: set[PacketDocumentKind] = set(OPTIONAL_KINDS)
        """Kinds the family unticked; the optional ones (the attorney's review sheet) start so."""
        self.message_box: QMessageBox | None = None
        body = QHBoxLayout()
        body.addLayout(self._build_choices(), 2)
        body.addLayout(self._build_preview(), 3)
        self.form.addLayout(body, 10)

    def _build_choices(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.kinds = QListWidget()
        self.kinds.itemChanged.connect(self._checked)
        self.kinds.currentRowChanged.connect(lambda _: self._show_signing())
        self.kinds_field = Field(self.kinds)
        column.addWidget(self.kinds_field)
        self.language = ChoiceField()
        self.language.edited.connect(self._language_chosen)
        self.chosen_language: tuple[str, str] | None = None
        """The language picked here, and the household's document language it was picked
        against: kept until the household's choice changes."""
        self.language_field = Field(self.language)
        column.addWidget(self.language_field)
        self.generate = QPushButton()
        self.generate.clicked.connect(self.start_rendering)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        # Shown once documents are being made: an empty bar reads as a box to type in.
        keep_place = self.progress.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(keep_place)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("why")
        column.addWidget(self.generate)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.open_button = QPushButton()
        self.print_button.clicked.connect(self.print_files)
        self.save_button.clicked.connect(self.save_files)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.files_list = QListWidget()
        self.files_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A long label wraps rather than losing its middle: "Child information sheet — Mateo
        # José Morales Pérez" must say which child, and in a narrow column the name was cut.
        self.files_list.setWordWrap(True)
        self.files_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.files_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.files_list.currentRowChanged.connect(self._preview)
        self.files_field = Field(self.files_list)
        column.addWidget(self.files_field, 1)
        return column

    def _build_preview(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.pdf = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumHeight(self.fontMetrics().height() * 14)
        self.no_preview = QLabel()
        self.no_preview.setWordWrap(True)
        self.no_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_preview.setObjectName("why")
        self.preview = QStackedWidget()
        self.preview.addWidget(self.no_preview)
        self.preview.addWidget(self.view)
        self.signing_box = QGroupBox()
        self.signing_title = QLabel()
        self.signing_title.setWordWrap(True)
        self.signing_title.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.signing_title.font()
        bold.setBold(True)
        self.signing_title.setFont(bold)
        self.signing = QLabel()
        self.signing.setWordWrap(True)
        self.signing.setTextFormat(Qt.TextFormat.PlainText)
        signing = QVBoxLayout(self.signing_box)
        signing.addWidget(self.signing_title)
        signing.addWidget(self.signing)
        column.addWidget(self.preview_title)
        column.addWidget(self.preview, 1)
        column.addWidget(self.signing_box)
        return column

    # --- the plan ---------------------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        if plan is not self.plan and self.plan is not None:
            self.clear()  # another household (or a blank plan): nothing of the last one stays
        self.plan = plan
        self._fill_kinds()
        family, choices = language_choices(plan)
        self._fill_languages(choices)
        document = plan.household.document_language
        current = document if document in choices else family
        chosen = self.chosen_language
        if chosen is not None and chosen[1] == document and chosen[0] in choices:
            current = chosen[0]
        self.language.set_value(current)
        self._show_signing()
        if self.packet.made_from_older_plan(plan):
            self.status.setText(self.words("documents.stale"))

    def _language_chosen(self) -> None:
        if self.plan is not None:
            choice = self.language.value() or "en"
            self.chosen_language = (choice, self.plan.household.document_language)

    def store(self, plan: Plan) -> list[Problem]:
        """This page writes nothing into the plan."""
        return []

    def planned(self) -> list[PlannedDocument]:
        """The files the chosen kinds make, in printing order."""
        if self.plan is None:
            return []
        return planned_documents(self.plan, frozenset(PacketDocumentKind) - self.unchecked)

    # --- making, previewing, printing, saving ----------------------------------------------------

    def start_rendering(self) -> None:
        """Ask the service to make the chosen documents; the bar advances with each one made."""
        todo = self.planned()
        if self.plan is None or not todo:
            self.status.setText(self.words("documents.nothing_chosen"))
            return
        self._forget_files()
        kinds = frozenset(PacketDocumentKind) - self.unchecked
        self.packet.make(self.plan, todo, kinds, self.language.value() or "en")
        self.progress.setRange(0, len(todo))
        self.progress.setValue(0)
        self.progress.show()
        self._say(self.words("documents.making"))

    def _file_made(self, document: PacketFile) -> None:
        item = QListWidgetItem(self._file_label(document.planned))
        item.setToolTip(item.text())
        self.files_list.addItem(item)
        self.progress.setValue(self.files_list.count())
        if self.files_list.count() == 1:
            self.files_list.setCurrentRow(0)

    def _preview(self, row: int) -> None:
        self.pdf.close()
        self.buffer.close()
        self.buffer.setData(b"")
        document = self.packet.files[row] if 0 <= row < len(self.packet.files) else None
        title = self._file_label(document.planned) if document is not None else ""
        showing: QWidget = self.no_preview
        if document is not None and document.filename.endswith(".pdf"):
            self.buffer.setData(document.content)
            self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.load(self.buffer)
            showing = self.view
            title += " — " + self.words("documents.pages", count=self.pdf.pageCount())
        elif document is not None:
            self.no_preview.setText(self.words("documents.no_pages"))
        self.preview.setCurrentWidget(showing)
        self.preview_title.setText(title)
        self._show_signing()

    def print_files(self) -> None:
        choice = self.packet.print_on_paper(self, self.words("documents.print_name"))
        if choice in ("no_printer", "to_file"):
            self._warn(self.words(f"documents.{choice}"))
        if choice == "print":
            self._say(self.words("documents.printing"))

    def save_files(self) -> None:
        """Ask the family for a folder, then the service to write the packet there."""
        if not self.packet.files or self.packet.busy:
            return
        chosen = self.choose_folder(self, self.words("documents.choose_folder"))
        if chosen and self.packet.save_to(Path(chosen)):
            self._say(self.words("documents.saving"))

    def _saving_failed(self, key: str) -> None:
        text = translate(key or "output.failed", self.words.catalogue_language)
        self._failed(pseudo(text) if self.words.language == PSEUDO else text)

    # --- forgetting -------------------------------------------------------------------------------

    def clear(self) -> None:
        """For "Finish and erase": the service drops every made file (late results of running
        jobs are ignored) and the page forgets the plan and what it showed."""
        self._forget_files()
        self.plan = None
        self.unchecked = set(OPTIONAL_KINDS)
        self.chosen_language = None
        self.kinds.clear()
        self._show_signing()
        self._say("")
        self.progress.reset()
        self.progress.hide()

    def _forget_files(self) -> None:
        self.packet.forget()
        self.files_list.clear()
        self._preview(-1)
        self.no_preview.setText(self.words("documents.no_preview"))

    # --- what the service holds, as the window's tests read it through the page ------------------
    # (test_controller.py, test_keyboard_journey.py, tools/screenshots.py; new code uses .packet)

    @property
    def files(self) -> list[PacketFile]:
        return list(self.packet.files)

    @property
    def saved_folder(self) -> Path | None:
        return self.packet.saved_folder

    @property
    def render_job(self) -> int:
        return self.packet.render_job

    @property
    def save_job(self) -> int:
        return self.packet.save_job

    @property
    def renderer(self) -> Renderer:
        return self.packet.renderer

    @renderer.setter
    def renderer(self, renderer: Renderer) -> None:
        self.packet.renderer = renderer

    # --- showing ----------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        """News of the service's work; the buttons follow what it is doing."""
        self.status.setText(text)
        self._update_buttons()

    def _failed(self, text: str) -> None:
        self._say("")
        self._warn(text)

    def _update_buttons(self) -> None:
        busy, ready = self.packet.busy, bool(self.packet.files)
        self.generate.setEnabled(not busy)
        self.print_button.setEnabled(ready and not busy)
        self.save_button.setEnabled(ready and not busy)
        self.open_button.setEnabled(self.packet.saved_folder is not None and not busy)

    def _fill_kinds(self) -> None:
        if self.plan is None:
            return
        every = planned_documents(self.plan, frozenset(PacketDocumentKind))
        counts = Counter(d.kind for d in every)
        row = max(self.kinds.currentRow(), 0)
        self.kinds.blockSignals(True)
        self.kinds.clear()
        for kind, count in counts.items():
            name = self.words(f"documents.kind.{kind.value}")
            text = self.words("documents.kind_count", name=name, count=count) if count > 1 else name
            item = QListWidgetItem(text)
            item.setData(ROLE_INDEX, kind.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = kind not in self.unchecked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(min(row, self.kinds.count() - 1))
        self.kinds.blockSignals(False)
        rows = sum(self.kinds.sizeHintForRow(i) for i in range(self.kinds.count()))
        self.kinds.setFixedHeight(rows + 2 * self.kinds.frameWidth() + 4)

    def _checked(self, item: QListWidgetItem) -> None:
        kind = PacketDocumentKind(item.data(ROLE_INDEX))
        if item.checkState() == Qt.CheckState.Checked:
            self.unchecked.discard(kind)
        else:
            self.unchecked.add(kind)

    def _fill_languages(self, choices: list[str]) -> None:
        names = []
        for choice in choices:
            own, _, both = choice.partition("+")
            name = language_label(own, self.words.catalogue_language)
            names.append(
                (choice, self.words("documents.bilingual", language=name) if both else name)
            )
        self.language.set_choices(names)

    def _file_label(self, planned: PlannedDocument) -> str:
        name = self.words(f"documents.kind.{planned.kind.value}")
        whose = self._subject_name(planned.subject_id)
        return f"{name} — {whose}" if whose else name

    def _subject_name(self, subject_id: str | None) -> str:
        if self.plan is None or subject_id is None:
            return ""
        people: list[Child | Adult] = [*self.plan.children, *self.plan.adults]
        person = next((p for p in people if p.id == subject_id), None)
        school = self.plan.school(subject_id)
        return person.full_name if person else school.name if school else ""

    def _show_signing(self) -> None:
        """How to sign the file being looked at, or the kind selected before anything is made."""
        row, item = self.files_list.currentRow(), self.kinds.currentItem()
        title, lines = "", []
        if self.plan is not None and 0 <= row < len(self.packet.files):
            planned = self.packet.files[row].planned
            title = self._file_label(planned)
            lines = signing_lines(self.plan, planned.kind, planned.subject_id, self.words)
        elif self.plan is not None and item is not None:
            kind = PacketDocumentKind(item.data(ROLE_INDEX))
            subject = next((d.subject_id for d in self.planned() if d.kind is kind), None)
            title = self.words(f"documents.kind.{kind.value}")
            lines = signing_lines(self.plan, kind, subject, self.words)
        self.signing_title.setText(title)
        self.signing.setText("\n".join(lines))

    def _warn(self, text: str) -> None:
        """A message the family must see; the window stays usable behind it."""
        if self.message_box is not None:
            self.message_box.close()
        title = self.words("documents.problem_title")
        ok = QMessageBox.StandardButton.Ok
        self.message_box = QMessageBox(QMessageBox.Icon.Warning, title, text, ok, self)
        self.message_box.open()

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.kinds_field.set_texts(w("documents.choose"), w("documents.choose_why"))
        self.language_field.set_texts(w("documents.language"))
        self.files_field.set_texts(w("documents.files"))
        self.generate.setText(w("documents.generate"))
        self.print_button.setText(w("documents.print"))
        self.save_button.setText(w("documents.save"))
        self.open_button.setText(w("documents.open"))
        for button in (self.generate, self.print_button, self.save_button, self.open_button):
            button.setAccessibleName(plain(button.text()))
        self.progress.setAccessibleName(w("documents.progress"))
        self.view.setAccessibleName(w("documents.preview"))
        self.signing_box.setTitle(w("documents.signing"))
        self.signing.setAccessibleName(w("documents.signing"))
        if not self.packet.files:
            self.no_preview.setText(w("documents.no_preview"))
        if self.plan is not None:
            self._fill_kinds()
            self._fill_languages(language_choices(self.plan)[1])
            for row, document in enumerate(self.packet.files):
                self.files_list.item(row).setText(self._file_label(document.planned))
            self._show_signing()
