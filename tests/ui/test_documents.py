"""The documents page: choosing, making the packet off the GUI thread, previewing from memory,
printing, saving where the family chooses (and a full disk explained), and forgetting it all."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSettings, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from forms.context import RenderContext, RenderOptions
from forms.packet import RenderedDocument, render_document
from planner.flow import ORDER, SectionId
from planner.i18n import translate
from planner.output_files import OutputError, write_files
from planner.packet import PacketDocumentKind, PlannedDocument, planned_documents
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.app import make_application
from ui.pages.documents import DocumentsPage, language_choices
from ui.pages.folder_choice import ask_folder
from ui.wizard import WizardWindow


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty temporary folder for Python and Qt alike, so nothing else writing to /tmp at the
    same time can make the check pass or fail."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


class Recorder:
    """A renderer that notes what it was asked and on which thread, and returns a real PDF."""

    def __init__(self, content: bytes, delay: float = 0.0) -> None:
        self.content = content
        self.delay = delay
        self.options: list[RenderOptions] = []
        self.kinds: list[PacketDocumentKind] = []
        self.on_gui_thread = False

    def __call__(self, context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
        self.options.append(context.options)
        self.kinds.append(planned.kind)
        self.on_gui_thread |= threading.current_thread() is threading.main_thread()
        time.sleep(self.delay)
        return RenderedDocument(planned, self.content)


def open_page(window: WizardWindow) -> DocumentsPage:
    window.sidebar.setCurrentRow(ORDER.index(SectionId.DOCUMENTS))
    page = window.pages[SectionId.DOCUMENTS]
    assert isinstance(page, DocumentsPage)
    return page


def press(qtbot: QtBot, widget: QWidget) -> None:
    """Focus a control and press Space, as a person using the keyboard does."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def dismiss(qtbot: QtBot, window: WizardWindow, page: DocumentsPage) -> None:
    """Close the message, as the person does with Enter; the window is theirs again."""
    assert page.message_box is not None
    qtbot.keyClick(page.message_box, Qt.Key.Key_Return)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def make(qtbot: QtBot, page: DocumentsPage, count: int) -> None:
    press(qtbot, page.generate)
    qtbot.waitUntil(
        lambda: not page.packet.busy and len(page.packet.files) == count, timeout=60_000
    )


def test_the_large_example_is_made_off_the_gui_thread_previewed_and_nothing_touches_the_disk(
    make_window: WindowMaker, qtbot: QtBot, private_temp: Path
) -> None:
    before = sorted(Path(tempfile.gettempdir()).iterdir())
    plan = example_plan("large-tx.json")
    window = make_window(plan)
    page = open_page(window)
    kinds = [page.kinds.item(row).text() for row in range(page.kinds.count())]
    assert "Child information sheet (5)" in kinds and "Emergency contacts" in kinds
    rendered_on: list[bool] = []

    def renderer(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
        rendered_on.append(threading.current_thread() is threading.main_thread())
        return render_document(context, planned)

    page.packet.renderer = renderer
    steps: list[int] = []
    page.progress.valueChanged.connect(steps.append)
    expected = planned_documents(plan)
    assert not page.progress.isVisible()  # an empty bar looks like a box to type in
    make(qtbot, page, len(expected))
    assert page.progress.isVisible()
    assert rendered_on and not any(rendered_on)
    assert steps[-len(expected) :] == list(range(1, len(expected) + 1))
    assert [f.planned for f in page.packet.files] == expected
    assert page.status.text() == f"{len(expected)} files are ready. " + (
        "Look at each one, then print them or save them."
    )
    # The first file is shown at once, read from memory.
    assert page.files_list.currentRow() == 0
    assert page.preview.currentWidget() is page.view
    assert page.pdf.status() is QPdfDocument.Status.Ready
    assert page.pdf.pageCount() >= 1
    caregiver = next(
        i for i, f in enumerate(page.packet.files) if f.planned.kind.value.startswith("care")
    )
    page.files_list.setCurrentRow(caregiver)
    assert page.pdf.pageCount() >= 2
    assert page.preview_title.text().startswith("Caregiver authorization — Isabella")
    signing = page.signing.text()
    assert "Caregiver: Rosa María Pérez Camacho" in signing
    assert "A notary must be present when it is signed." in signing
    page.files_list.setCurrentRow(len(expected) - 1)
    assert page.preview.currentWidget() is page.no_preview
    assert page.no_preview.text().startswith("This file is for phones")
    assert sorted(Path(tempfile.gettempdir()).iterdir()) == before == []


def test_every_file_made_says_in_full_whom_it_is_for_on_a_small_screen(
    make_window: WindowMaker, qtbot: QtBot, private_temp: Path
) -> None:
    """1366×768 at 125%: the column is narrow, so long labels wrap instead of losing the name."""
    plan = example_plan("large-tx.json")
    window = make_window(plan)
    window.resize(1093, 614)
    page = open_page(window)
    make(qtbot, page, len(planned_documents(plan)))
    view = page.files_list
    metrics = view.fontMetrics()
    width = view.viewport().width()
    wrapped = 0
    for row in range(view.count()):
        rect = view.visualRect(view.model().index(row, 0))
        assert rect.width() <= width
        if metrics.horizontalAdvance(view.item(row).text()) > width:
            wrapped += 1
            assert rect.height() >= 2 * metrics.lineSpacing(), view.item(row).text()
    assert wrapped  # the long labels of this household do need more than one line here


def test_the_chosen_documents_and_language_are_made(
    make_window: WindowMaker, qtbot: QtBot, sample_pdf: bytes
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    page.packet.renderer = recorder = Recorder(sample_pdf)
    page.kinds.setFocus()
    qtbot.waitUntil(page.kinds.hasFocus)
    page.kinds.setCurrentRow(0)
    for row in range(page.kinds.count()):
        item = page.kinds.item(row)
        if item.text() != "Emergency contacts" and item.checkState() == Qt.CheckState.Checked:
            qtbot.keyClick(page.kinds, Qt.Key.Key_Space)
        qtbot.keyClick(page.kinds, Qt.Key.Key_Down)
    assert [d.kind for d in page.planned()] == [PacketDocumentKind.CONTACTS]
    assert page.language.itemText(page.language.count() - 1) == "Spanish and English, side by side"
    page.language.setFocus()
    qtbot.waitUntil(page.language.hasFocus)
    qtbot.keyClick(page.language, Qt.Key.Key_End)
    assert page.language.value() == "es+en"
    make(qtbot, page, 1)
    assert recorder.kinds == [PacketDocumentKind.CONTACTS]
    assert (recorder.options[0].language, recorder.options[0].bilingual) == ("es", True)
    assert not recorder.on_gui_thread
    window.words.set_language("es")
    assert page.language.currentText() == "Español e inglés, lado a lado"
    assert page.files_list.item(0).text() == "Contactos de emergencia"


def test_saving_writes_every_file_to_the_folder_the_family_picks(
    make_window: WindowMaker, qtbot: QtBot, sample_pdf: bytes, tmp_path: Path
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    page.packet.renderer = Recorder(sample_pdf)
    expected = planned_documents(window.session.plan)
    make(qtbot, page, len(expected))
    usb = tmp_path / "usb" / "family"
    asked: list[str] = []
    page.choose_folder = lambda parent, title: asked.append(title) or str(usb)
    opened: list[QUrl] = []
    page.packet.open_url = opened.append
    assert not page.open_button.isEnabled()
    press(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.packet.saved_folder is not None)
    assert asked == ["Choose a folder for the documents (for example, your USB stick)"]
    assert sorted(p.name for p in usb.iterdir()) == sorted(d.filename for d in expected)
    assert all((usb / d.filename).read_bytes() == sample_pdf for d in expected)
    assert page.status.text() == f"{len(expected)} files saved in {usb}."
    press(qtbot, page.open_button)
    assert opened == [QUrl.fromLocalFile(str(usb))]


def test_saving_again_removes_an_earlier_packets_letter_the_plan_no_longer_makes(
    make_window: WindowMaker, qtbot: QtBot, sample_pdf: bytes, tmp_path: Path
) -> None:
    """The children left their school: the old school letter must not be printed by mistake
    from the stick, and the family's own files there stay."""
    plan = example_plan("small-ca.json")
    for child in plan.children:
        child.school_id = None
    plan.schools = []
    window = make_window(plan)
    page = open_page(window)
    page.packet.renderer = Recorder(sample_pdf)
    expected = planned_documents(window.session.plan)
    assert PacketDocumentKind.SCHOOL_RELEASE not in {d.kind for d in expected}
    make(qtbot, page, len(expected))
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "07-school-release-1.pdf").write_bytes(b"%PDF- last year's letter")
    (usb / "our notes.txt").write_text("invented notes", encoding="utf-8")
    page.choose_folder = lambda parent, title: str(usb)
    press(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.packet.saved_folder is not None)
    names = sorted(p.name for p in usb.iterdir())
    assert names == sorted([*(d.filename for d in expected), "our notes.txt"])


def test_a_full_disk_is_explained_in_the_familys_language_and_nothing_is_lost(
    make_window: WindowMaker, qtbot: QtBot, sample_pdf: bytes, tmp_path: Path
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    page.packet.renderer = Recorder(sample_pdf)
    count = len(planned_documents(window.session.plan))
    make(qtbot, page, count)

    def full_disk(folder: Path, files: object, kinds: object) -> list[Path]:
        raise OutputError("output.disk_full")

    page.packet.writer = full_disk
    page.choose_folder = lambda parent, title: str(tmp_path / "stick")
    press(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert page.message_box is not None
    assert page.message_box.text() == translate("output.disk_full", "en")
    dismiss(qtbot, window, page)
    assert not page.message_box.isVisible()
    assert len(page.packet.files) == count and page.save_button.isEnabled()
    window.words.set_language("es")
    press(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert page.message_box.text() == translate("output.disk_full", "es")
    dismiss(qtbot, window, page)
    page.packet.writer = write_files
    press(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.packet.saved_folder is not None)
    assert len(list((tmp_path / "stick").iterdir())) == count


def test_printing_sends_every_page_of_every_pdf_to_the_printer(
    make_window: WindowMaker, qtbot: QtBot, sample_pdf: bytes, tmp_path: Path, private_temp: Path
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    page.packet.renderer = Recorder(sample_pdf)
    for row in range(2, page.kinds.count()):  # two files are enough, and printing is slow
        page.kinds.item(row).setCheckState(Qt.CheckState.Unchecked)
    planned = page.planned()
    assert len(planned) == 2
    make(qtbot, page, len(planned))
    printed = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter, parent: QWidget) -> str:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)  # pages become images: smaller ones print faster
        return "print"  # a stand-in printer: the real dialog never answers with a file

    page.packet.choose_printer = to_file
    press(qtbot, page.print_button)
    qtbot.waitUntil(lambda: page.packet.print_job < 0, timeout=60_000)
    on_paper = QPdfDocument()
    on_paper.load(str(printed))
    buffer = QBuffer()
    buffer.setData(sample_pdf)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    one = QPdfDocument()
    one.load(buffer)
    assert on_paper.pageCount() == one.pageCount() * len(planned) > 0
    assert page.status.text() == f"{on_paper.pageCount()} pages sent to the printer."
    assert list(private_temp.iterdir()) == []


def test_finishing_forgets_every_rendered_file_even_one_still_being_made(
    make_window: WindowMaker, qtbot: QtBot, sample_pdf: bytes
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    page.packet.renderer = Recorder(sample_pdf)
    make(qtbot, page, len(planned_documents(window.session.plan)))
    page.clear()
    assert page.packet.files == [] and page.files_list.count() == 0
    assert page.pdf.pageCount() == 0 and page.buffer.size() == 0
    assert page.plan is None and page.kinds.count() == 0 and page.signing.text() == ""
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    page.load(window.session.plan)
    page.packet.renderer = slow = Recorder(sample_pdf, delay=0.05)
    press(qtbot, page.generate)
    qtbot.waitUntil(lambda: len(slow.kinds) >= 1)
    page.clear()
    qtbot.wait(300)
    assert page.packet.files == [] and page.files_list.count() == 0
    assert len(slow.kinds) < len(planned_documents(window.session.plan))
    # Another household opened: the last one's files are not offered for printing.
    page.load(window.session.plan)
    page.packet.renderer = Recorder(sample_pdf)
    make(qtbot, page, len(planned_documents(window.session.plan)))
    window.session.replace(example_plan("mixed-names-ny.json"), household_id="another")
    page.load(window.session.plan)
    assert page.packet.files == [] and page.files_list.count() == 0 and page.pdf.pageCount() == 0


def test_a_failure_is_explained_without_the_familys_words(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)

    def broken(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
        raise ValueError("Marisol Ortega Núñez")

    page.packet.renderer = broken
    press(qtbot, page.generate)
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert page.message_box is not None
    assert page.message_box.text().startswith("The documents could not be made.")
    assert "Marisol" not in page.message_box.text()
    dismiss(qtbot, window, page)
    assert page.generate.isEnabled()


def test_signing_instructions_follow_the_state_and_the_document(
    make_window: WindowMaker,
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    rows = {page.kinds.item(r).text(): r for r in range(page.kinds.count())}
    page.kinds.setCurrentRow(rows["Caregiver authorization"])
    text = page.signing.text()
    assert text.startswith("When: only once the child lives with the caregiver")  # §6552
    assert "Caregiver: Marisol Ortega Núñez" in text
    assert "Parent:" not in text
    assert "No notary is needed." in text
    page.kinds.setCurrentRow(rows["Review sheet for an attorney"])
    assert page.kinds.currentItem().checkState() == Qt.CheckState.Unchecked
    assert page.signing.text().startswith("No signature. Give it to the family's attorney")
    page.kinds.setCurrentRow(rows["School pick-up letter"])
    assert page.signing.text().startswith("Signed by the parents: Guadalupe Itzel")
    page.kinds.setCurrentRow(rows["Emergency contacts"])
    assert page.signing.text() == "No signature is needed. Give copies to the people named in it."
    window.words.set_language("es")
    assert page.signing.text() == "No necesita firma. Dé copias a las personas que aparecen en él."


def test_a_paper_signed_ahead_of_time_says_so(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    rows = {page.kinds.item(r).text(): r for r in range(page.kinds.count())}
    page.kinds.setCurrentRow(rows["Caregiver authorization (5)"])
    assert page.signing.text().startswith("When: now, before anything happens.")
    window.words.set_language("es")
    assert page.signing.text().startswith("Cuándo: ahora, antes de que pase algo.")


def test_the_documents_are_offered_in_the_family_language_english_or_both() -> None:
    plan = example_plan("mixed-names-ny.json")  # Vietnamese, Haitian Creole, English at home
    plan.household.document_language = "vi"
    plan.household.family_languages = ["vi", "es", "en"]
    assert language_choices(plan) == ("es", ["es", "en", "es+en"])
    plan.household.family_languages = ["vi", "en"]
    assert language_choices(plan) == ("en", ["en"])


def pick_folder_soon(folder: Path, native: list[bool]) -> QTimer:
    """Chooses `folder` in the folder dialog once it is open, as a person would, and notes
    whether the dialog was the desktop's own."""

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        native.append(not dialog.testOption(QFileDialog.Option.DontUseNativeDialog))
        dialog.setDirectory(str(folder))
        dialog.accept()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(pick)
    timer.start(50)
    return timer


def test_the_folder_dialog_leaves_no_recent_folder_behind(qtbot: QtBot, tmp_path: Path) -> None:
    make_application([])
    config = tmp_path / "config"
    usual = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(config))
    try:
        family = tmp_path / "Familia Ruiz"
        family.mkdir()
        native: list[bool] = []
        _timer = pick_folder_soon(family, native)
        assert ask_folder(QWidget(), "Choose a folder") == str(family)
        assert native == [False]  # a desktop's dialog may add the folder to its recent files
        assert not config.exists() or not list(config.rglob("*.conf"))  # a workshop: no trace

        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        settings.setValue("FileDialog/lastVisited", "file:///home/navigator/Documents")
        settings.setValue("FileDialog/viewMode", "Detail")
        settings.sync()
        _timer = pick_folder_soon(family, native)
        assert ask_folder(QWidget(), "Choose a folder") == str(family)
        remembered = (config / "QtProject.conf").read_text(encoding="utf-8")
        assert "Familia" not in remembered
        settings.sync()
        assert settings.value("FileDialog/lastVisited") == "file:///home/navigator/Documents"
        assert sorted(settings.allKeys()) == ["FileDialog/lastVisited", "FileDialog/viewMode"]
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, usual)


def test_the_documents_start_in_the_language_the_household_chose(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    """A Spanish-speaking parent who chose Spanish documents on the household page finds them
    in Spanish here, even after visiting this page while the plan said English."""
    plan = example_plan("small-ca.json")
    plan.household.document_language = "en"
    plan.household.family_languages = ["en"]
    window = make_window(plan)
    page = open_page(window)
    assert page.language.value() == "en"
    plan.household.family_languages = ["es", "en"]
    plan.household.document_language = "es"
    window.session.replace(plan)
    page = open_page(window)
    assert page.language.value() == "es"
    page.language.set_value("es+en")
    page._language_chosen()  # as picking it does
    window.show_section(SectionId.WELCOME)
    page = open_page(window)
    assert page.language.value() == "es+en"  # kept: the household's choice did not change
