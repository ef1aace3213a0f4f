"""`planner render` as a navigator runs it: the whole packet, or nothing and one sentence."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner import cli
from planner.output_files import write_synced
from planner.packet import planned_documents
from planner.plan_file import read_plan
from tests.conftest import EXAMPLES, example_plan
from tests.planner.test_cli import planner

SMALL = next(p for p in EXAMPLES if p.name == "small-ca.json")
THREE_CHILDREN = next(p for p in EXAMPLES if p.name == "mixed-names-ny.json")


def test_render_writes_every_planned_document_and_lists_them(tmp_path: Path) -> None:
    out = tmp_path / "packet"
    result = planner("render", SMALL, "--out", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    expected = [d.filename for d in planned_documents(example_plan("small-ca.json"))]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    for name in expected:
        assert f"  {name}" in result.stdout.splitlines()
    assert not list(out.glob(".*")), "a temporary file was left behind"


def test_rendered_files_are_readable_only_by_their_owner(tmp_path: Path) -> None:
    planner("render", SMALL, "--out", tmp_path, "--only", "contacts")
    (pdf,) = tmp_path.glob("*.pdf")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600


def test_only_renders_the_kinds_asked_for(tmp_path: Path) -> None:
    result = planner("render", SMALL, "--out", tmp_path, "--only", "contacts")
    assert result.returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["02-contactos-1.pdf"]  # a Spanish packet


def test_a_packet_is_named_in_its_language_and_a_later_one_replaces_it(tmp_path: Path) -> None:
    """File names speak the packet's language; rendering in English afterwards still finds (and
    replaces) the Spanish packet's files of the same kinds."""
    spanish = planner("render", SMALL, "--out", tmp_path, "--only", "contacts,child")
    assert spanish.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "02-contactos-1.pdf",
        "03-ficha-del-nino-1.pdf",
    ]
    english = planner("render", SMALL, "--out", tmp_path, "--only", "contacts", "--lang", "en")
    assert english.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "02-contacts-1.pdf",
        "03-ficha-del-nino-1.pdf",
    ]


def test_an_unknown_kind_is_a_usage_error(tmp_path: Path) -> None:
    result = planner("render", SMALL, "--out", tmp_path, "--only", "contacts,posters")
    assert result.returncode == 2
    assert 'Unknown document kind "posters"' in result.stderr
    assert not list(tmp_path.iterdir())


def test_a_plan_with_errors_is_not_rendered(tmp_path: Path) -> None:
    plan = json.loads(SMALL.read_text(encoding="utf-8"))
    plan["adults"][0]["phones"][0]["number"] = "555-12"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(plan), encoding="utf-8")
    result = planner("render", bad, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "adults[0].phones[0].number:" in result.stderr
    assert "planner validate" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_plans_document_language_is_the_default(tmp_path: Path) -> None:
    result = planner("render", SMALL, "--out", tmp_path, "--only", "contacts")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["02-contactos-1.pdf"]  # small-ca: Spanish
    assert "Files written to" in result.stdout  # what the command says follows its --lang


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system, so 'disk full' is the kernel's answer and not a simulation."""
    mount_point = tmp_path / "usb"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
        capture_output=True, check=False,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_disk_gets_one_sentence_and_keeps_what_was_there(tiny_disk: Path) -> None:
    earlier = tiny_disk / "02-contacts-1.pdf"
    earlier.write_bytes(b"%PDF- the copy printed last week")
    result = planner("render", SMALL, "--out", tiny_disk, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "The disk is full. Free some space or choose another folder (a USB stick), then try "
        "again. Files written before are unchanged."
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert earlier.read_bytes() == b"%PDF- the copy printed last week"
    assert not list(tiny_disk.glob(".*")), "a half-written file was left behind"


# --- rendering again into the same folder -------------------------------------------------------

USERS_OWN = {
    "notes.txt": b"the family's own notes",
    "03-child-3.pdf.bak": b"a copy the navigator kept",
    "03-child-03.pdf": b"not a name the packet gives",
    "signed-scan.pdf": b"%PDF- signed last week",
    "03-Child-9.PDF": b"not the packet's spelling",
}


def without_last_child(tmp_path: Path) -> Path:
    plan = json.loads(THREE_CHILDREN.read_text(encoding="utf-8"))
    gone = plan["children"].pop()["id"]
    plan["documents"] = [d for d in plan.get("documents", []) if d.get("belongs_to") != gone]
    fewer = tmp_path / "fewer.json"
    fewer.write_text(json.dumps(plan), encoding="utf-8")
    return fewer


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_rendering_fewer_children_again_leaves_no_earlier_childs_papers(tmp_path: Path) -> None:
    out = tmp_path / "packet"
    assert planner("render", THREE_CHILDREN, "--out", out, "--lang", "en").returncode == 0
    assert (out / "03-child-3.pdf").exists() and (out / "05-caregiver-authorization-3.pdf").exists()
    for name, content in USERS_OWN.items():
        (out / name).write_bytes(content)
    (out / "scans").mkdir()
    (out / "scans" / "03-child-3.pdf").write_bytes(b"the family's, in their own folder")
    fewer = without_last_child(tmp_path)

    result = planner("render", fewer, "--out", out, "--lang", "en")

    assert result.returncode == 0, result.stderr
    packet = {d.filename for d in planned_documents(read_plan(fewer).plan)}
    assert "03-child-3.pdf" not in packet
    assert set(contents(out)) == packet | set(USERS_OWN)
    assert all((out / name).read_bytes() == content for name, content in USERS_OWN.items())
    assert (out / "scans" / "03-child-3.pdf").read_bytes() == b"the family's, in their own folder"
    assert not list(out.glob(".*")), "the staging folder was left behind"


def test_only_some_kinds_leaves_the_other_kinds_files_alone(tmp_path: Path) -> None:
    out = tmp_path / "packet"
    assert planner("render", THREE_CHILDREN, "--out", out, "--lang", "en").returncode == 0
    before = contents(out)
    fewer = without_last_child(tmp_path)
    result = planner("render", fewer, "--out", out, "--lang", "en", "--only", "child")
    assert result.returncode == 0, result.stderr
    after = contents(out)
    assert "03-child-3.pdf" not in after
    assert after["05-caregiver-authorization-3.pdf"] == before["05-caregiver-authorization-3.pdf"]
    assert set(after) == set(before) - {"03-child-3.pdf"}


def failing_after(count: int, code: int) -> Callable[[Path, bytes], None]:
    """A file writer that writes `count` files properly, then fails as a full or locked disk."""
    written: list[Path] = []

    def write(path: Path, content: bytes) -> None:
        if len(written) == count:
            path.write_bytes(content[: len(content) // 2])  # half a file, as a full disk leaves
            raise OSError(code, os.strerror(code))
        write_synced(path, content)
        written.append(path)

    return write


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "The disk is full. Free some space or choose another folder (a USB stick), "
                       "then try again. Files written before are unchanged."),
        (errno.EACCES, "This folder cannot be written to. Choose another folder. Files written "
                       "before are unchanged."),
        (errno.EIO, "The files could not be written. Check the folder and try again. Files "
                    "written before are unchanged."),
    ],
)  # fmt: skip
def test_a_failure_part_way_leaves_the_earlier_packet_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], code: int, message: str
) -> None:
    out = tmp_path / "packet"
    assert planner("render", THREE_CHILDREN, "--out", out, "--lang", "en").returncode == 0
    (out / "notes.txt").write_bytes(b"the family's own notes")
    before = contents(out)
    fewer = without_last_child(tmp_path)
    capsys.readouterr()

    status = cli.main(
        ["render", str(fewer), "--out", str(out), "--lang", "en"], write_file=failing_after(4, code)
    )

    printed = capsys.readouterr()
    assert status == 2
    assert printed.err.splitlines() == [message]
    assert printed.out == "" and "Traceback" not in printed.err
    assert contents(out) == before
    assert not list(out.glob(".*")), "the staging folder was left behind"


def test_a_failure_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packet"
    status = cli.main(
        ["render", str(SMALL), "--out", str(out)], write_file=failing_after(1, errno.ENOSPC)
    )
    assert status == 2 and len(capsys.readouterr().err.splitlines()) == 1
    assert not out.exists()


def test_a_failure_while_swapping_the_files_in_puts_the_earlier_ones_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packet"
    assert planner("render", THREE_CHILDREN, "--out", out, "--lang", "en").returncode == 0
    before = contents(out)
    (out / "05-caregiver-authorization-3.pdf").unlink()
    before.pop("05-caregiver-authorization-3.pdf")
    (out / "05-caregiver-authorization-3.pdf").mkdir()  # the new file cannot be renamed onto it
    (out / "05-caregiver-authorization-3.pdf" / "keep.txt").write_bytes(b"mine")

    status = cli.main(["render", str(THREE_CHILDREN), "--out", str(out), "--lang", "en"])

    assert status == 2
    assert capsys.readouterr().err.startswith("The files could not be written.")
    assert contents(out) == before
    assert (out / "05-caregiver-authorization-3.pdf" / "keep.txt").read_bytes() == b"mine"
    assert not list(out.glob(".*"))
