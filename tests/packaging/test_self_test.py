"""`family-planner --self-test` and `--version`, run in this process (the wheel test runs them
as commands)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planner import __version__
from ui.app import main, style_sheet
from ui.self_test import SelfTestFailed, check_packet, pdf_pages, run


def test_version_is_the_one_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"family-planner {__version__}\n"


def test_self_test_passes_and_leaves_nothing_behind(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["--self-test"]) == 0
    said = capsys.readouterr()
    assert said.err == ""
    assert said.out.startswith("Self-test passed: 10 sections") and said.out.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_self_test_speaks_the_interface_language(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("es") == 0
    assert capsys.readouterr().out.startswith("Autoprueba superada")


def test_a_failure_is_one_line_and_exit_status_1(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("en", example="no-such-plan.json") == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.startswith("Self-test failed: FileNotFoundError") and said.err.count("\n") == 1


def test_a_file_that_is_not_a_pdf_fails_the_check(tmp_path: Path) -> None:
    empty, text, pdf = tmp_path / "01-a.pdf", tmp_path / "02-b.pdf", tmp_path / "03-c.pdf"
    empty.write_bytes(b"")
    text.write_bytes(b"hello")
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >>\n2 0 obj << /Type /Page >>")
    assert pdf_pages(pdf) == 1 and pdf_pages(text) == 0
    assert check_packet([pdf]) == 1
    with pytest.raises(SelfTestFailed) as caught:
        check_packet([pdf, text])
    assert caught.value.reason("en") == "02-b.pdf is not a PDF with pages."
    with pytest.raises(SelfTestFailed, match="not_written"):
        check_packet([empty])


def test_the_style_sheet_is_the_one_beside_the_window_code() -> None:
    import ui

    assert style_sheet() == Path(ui.__file__).with_name("style.qss").read_text(encoding="utf-8")
