"""`planner render` as a navigator runs it: the whole packet, or nothing and one sentence."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.packet import planned_documents
from tests.conftest import EXAMPLES, example_plan
from tests.planner.test_cli import planner

SMALL = next(p for p in EXAMPLES if p.name == "small-ca.json")


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
    assert [p.name for p in tmp_path.iterdir()] == ["02-contacts-1.pdf"]


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
    assert "Archivos escritos en" in result.stdout  # small-ca prints its documents in Spanish


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
    assert not list(tiny_disk.glob(".*partial")), "a half-written file was left behind"
