"""Documents made in forked workers are byte for byte the documents made one after another."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from forms.context import RenderOptions
from forms.packet import RENDERERS, render_each, render_packet
from forms.parallel import can_fork
from planner.packet import PacketDocumentKind
from tests.conftest import EXAMPLES, TODAY, example_plan

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked only where it is safe")

ROOT = Path(__file__).resolve().parents[2]
PLANNER = [sys.executable, "-m", "planner.cli"]
LAYOUTS = [("en", False), ("es", False), ("es", True)]
EVERY_KIND = frozenset(kind.value for kind in PacketDocumentKind)


@pytest.mark.parametrize("language,bilingual", LAYOUTS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_workers_make_the_same_bytes(example: Path, language: str, bilingual: bool) -> None:
    plan = example_plan(example.name)
    options = RenderOptions(language, bilingual, only=EVERY_KIND, today=TODAY)
    serial = render_packet(plan, options)
    parallel = render_packet(plan, options, workers=2)
    assert [d.filename for d in parallel] == [d.filename for d in serial]
    for made, expected in zip(parallel, serial, strict=True):
        assert made.content == expected.content, made.filename


def test_a_caller_that_stops_early_leaves_no_worker() -> None:
    plan = example_plan("large-tx.json")
    documents = render_each(plan, RenderOptions(today=TODAY), workers=2)
    first = next(documents)
    assert first.filename.startswith("01-")
    documents.close()
    assert multiprocessing.active_children() == []


def test_one_document_is_made_here() -> None:
    """A packet of one document, or one worker, needs no process of its own."""
    plan = example_plan("small-ca.json")
    options = RenderOptions(only=frozenset({"instructions"}), today=TODAY)
    made = render_each(plan, options, workers=4)
    assert [d.filename for d in made] == ["01-instructions-1.pdf"]
    assert multiprocessing.active_children() == []


def test_the_planner_program_writes_the_same_packet(tmp_path: Path) -> None:
    """`planner render` run as a program forks its workers; its files are the serial packet's."""
    example = EXAMPLES[0]
    folder = tmp_path / "packet"
    command = [*PLANNER, "render", str(example), "--out", str(folder)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    serial = render_packet(example_plan(example.name), RenderOptions(today=date.today()))
    assert sorted(path.name for path in folder.iterdir()) == sorted(d.filename for d in serial)
    for document in serial:
        assert (folder / document.filename).read_bytes() == document.content, document.filename


def test_a_worker_that_fails_fails_the_packet(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error in a worker reaches the caller, as it would from a serial render."""

    def broken(context: object, subject: str | None) -> bytes:
        raise ValueError("broken renderer")

    monkeypatch.setitem(RENDERERS, PacketDocumentKind.CONTACTS, broken)
    documents = render_each(example_plan("small-ca.json"), RenderOptions(today=TODAY), workers=2)
    assert next(documents).filename.startswith("01-")
    with pytest.raises(ValueError, match="broken renderer"):
        next(documents)
    documents.close()
    assert multiprocessing.active_children() == []


def test_ctrl_c_stops_the_workers_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: the command stops, and no worker speaks."""
    folder = tmp_path / "packet"
    command = [*PLANNER, "render", str(EXAMPLES[0]), "--out", str(folder)]
    running = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while not list(folder.glob(".packet-*/*")) and time.monotonic() < deadline:
        time.sleep(0.002)  # until the first document is written: the workers are running
    os.killpg(running.pid, signal.SIGINT)
    _, errors = running.communicate(timeout=30)
    assert running.returncode in (130, 0), errors.decode(errors="replace")
    assert b"Traceback" not in errors
