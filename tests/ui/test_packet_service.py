"""The packet service works without any page: it makes the packet off the GUI thread and saves
it, owner-only, into the folder given; and the documents page leaves that work to it (it never
imports forms/ or planner.output_files itself)."""

from __future__ import annotations

import ast
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from forms.context import RenderContext
from forms.packet import RenderedDocument, render_document
from planner.packet import OPTIONAL_KINDS, PacketDocumentKind, PlannedDocument, planned_documents
from tests.conftest import example_plan
from ui.app import make_application
from ui.packet_service import PacketMaker

ROOT = Path(__file__).resolve().parents[2]
WORK = ("forms", "planner.output_files")
"""What only the service may import: rendering and writing files."""


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty temporary folder for Python and Qt alike, watched for anything left in it."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def test_the_packet_is_made_and_saved_without_the_page(
    qtbot: QtBot, tmp_path: Path, private_temp: Path
) -> None:
    make_application([])
    packet = PacketMaker()
    plan = example_plan("small-ca.json")
    kinds = frozenset(PacketDocumentKind) - OPTIONAL_KINDS
    documents = planned_documents(plan, kinds)
    on_gui_thread: list[bool] = []

    def renderer(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return render_document(context, planned)

    packet.renderer = renderer
    announced: list[object] = []
    packet.file_made.connect(announced.append)
    with qtbot.waitSignal(packet.made, timeout=60_000) as made:
        packet.make(plan, documents, kinds, "es")
    assert made.args == [len(documents)]
    assert on_gui_thread and not any(on_gui_thread)
    assert announced == packet.files
    assert [f.planned for f in packet.files] == documents
    assert all(f.language == "es" for f in packet.files)
    assert not packet.busy and packet.unsaved
    assert not packet.made_from_older_plan(plan)

    chosen = tmp_path / "usb" / "Familia Ortega"
    with qtbot.waitSignal(packet.saved, timeout=60_000) as saved:
        assert packet.save_to(chosen)
    assert saved.args == [chosen, len(documents)]
    assert packet.saved_folder == chosen and not packet.unsaved
    names = sorted(p.name for p in chosen.iterdir())
    assert names == sorted(f.filename for f in packet.files)
    for document in packet.files:
        path = chosen / document.filename
        assert path.read_bytes() == document.content
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    if os.name == "posix":
        assert stat.S_IMODE(chosen.stat().st_mode) == 0o700  # a folder it made
    assert list(private_temp.iterdir()) == []  # nothing but the chosen folder was written

    plan.household.display_name += " (changed)"
    assert packet.made_from_older_plan(plan)
    packet.forget()
    assert packet.files == [] and packet.saved_folder is None and not packet.unsaved
    assert sorted(p.name for p in chosen.iterdir()) == names  # the family's copy stays


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, wherever the import stands (type-checking blocks and
    functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def does_the_work(module: str) -> bool:
    return any(module == work or module.startswith(f"{work}.") for work in WORK)


def test_the_documents_page_leaves_rendering_and_writing_files_to_the_service() -> None:
    for page in ("ui/pages/documents.py", "ui/pages/folder_choice.py"):
        assert sorted(filter(does_the_work, imported_modules(ROOT / page))) == [], page
    service = imported_modules(ROOT / "ui/packet_service.py")
    assert {"forms.packet", "forms.context", "planner.output_files"} <= service
