"""Writing a packet as it is made (issue 12, items 6 and 12): one document in memory at a time,
still all or nothing, into folders only their owner can open."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.context import RenderOptions
from forms.packet import render_each
from planner import cli
from planner.output_files import STAGING_PREFIX, OutputError, write_files, write_synced
from tests.conftest import EXAMPLES, TODAY, example_plan


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The umask many desktops set (002): folders made with the default mode are group-writable."""
    kept = os.umask(0o002)
    try:
        yield
    finally:
        os.umask(kept)


def test_each_document_is_written_before_the_next_is_made(tmp_path: Path) -> None:
    events: list[str] = []
    options = RenderOptions(language="en", today=TODAY)

    def documents() -> Iterator[tuple[str, bytes]]:
        for document in render_each(example_plan("small-ca.json"), options):
            events.append("made")
            yield document.filename, document.content

    def write(path: Path, content: bytes) -> None:
        events.append("written")
        write_synced(path, content)

    written = write_files(tmp_path / "packet", documents(), write=write)
    assert len(written) > 3
    assert events == ["made", "written"] * len(written)


def test_a_document_that_fails_to_render_leaves_the_earlier_packet(tmp_path: Path) -> None:
    folder = tmp_path / "packet"
    first = write_files(folder, [("01-instructions-1.pdf", b"old"), ("02-contacts-1.pdf", b"old")])

    def failing() -> Iterator[tuple[str, bytes]]:
        yield "01-instructions-1.pdf", b"new"
        raise RuntimeError("a renderer failed")

    with pytest.raises(RuntimeError):
        write_files(folder, failing())
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in first]
    assert all(p.read_bytes() == b"old" for p in first)
    assert not [p for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX)]


def test_the_folders_render_creates_are_only_their_owners(
    tmp_path: Path, loose_umask: None
) -> None:
    folder = tmp_path / "family" / "2026" / "packet"
    write_files(folder, [("01-instructions-1.pdf", b"%PDF")])
    for made in (folder, folder.parent, folder.parent.parent):
        assert _mode(made) == 0o700, made


def test_a_folder_that_was_there_keeps_its_mode(tmp_path: Path, loose_umask: None) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    write_files(folder / "packet", [("01-instructions-1.pdf", b"%PDF")])
    assert _mode(folder) == 0o755
    assert _mode(folder / "packet") == 0o700


def test_a_failure_removes_every_folder_it_made(tmp_path: Path) -> None:
    def failing(path: Path, content: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError):
        write_files(tmp_path / "a" / "b", [("01-instructions-1.pdf", b"%PDF")], write=failing)
    assert list(tmp_path.iterdir()) == []


def test_planner_render_makes_its_folders_only_their_owners(
    tmp_path: Path, loose_umask: None
) -> None:
    out = tmp_path / "navigator" / "familia"
    small = next(path for path in EXAMPLES if path.name == "small-ca.json")
    assert cli.main(["render", str(small), "--out", str(out), "--only", "contacts"]) == 0
    assert _mode(out) == 0o700
    assert _mode(out.parent) == 0o700
    assert [_mode(path) for path in out.iterdir()] == [0o600]
