"""A bug in the program shows a plain sentence in the family's language: no traceback, and
nothing the exception quotes (a name, a phone, an A-number) on screen or on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ui.crash import CrashReporter
from ui.i18n import Words

REPO = Path(__file__).resolve().parents[2]
QUOTED = "Familia Ruiz Centinela, (213) 555-0143, A-123-456-789"


@pytest.mark.parametrize(
    ("language", "start"),
    [("en", "Something went wrong inside the program."), ("es", "Algo salió mal dentro")],
)
def test_an_exception_in_a_slot_shows_a_sentence_and_logs_no_words(
    language: str, start: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.crash_child", language],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr
    assert child.stdout.startswith(f"shown: {start}"), child.stdout
    for part in ("Ruiz", "555-0143", "123-456-789", "Traceback"):
        assert part not in child.stdout + child.stderr, part
    assert "family-planner: internal error: ValueError at crash_child.py:" in child.stderr


def test_a_failure_on_another_thread_is_told_on_the_gui_thread(
    qtbot: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.app import make_application

    make_application([])
    shown: list[tuple[str, bool]] = []
    gui = threading.current_thread()

    def show(text: str) -> None:
        shown.append((text, threading.current_thread() is gui))

    reporter = CrashReporter(Words("es"), show=show)
    reporter.install()
    try:

        def fail() -> None:
            raise RuntimeError(QUOTED)

        worker = threading.Thread(target=fail)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(shown))  # type: ignore[attr-defined]
    finally:
        reporter.uninstall()
    assert shown == [(Words("es")("crash.message"), True)]
    err = capsys.readouterr().err
    assert "RuntimeError at test_crash.py:" in err and "Ruiz" not in err
    assert QApplication.instance() is not None


def test_installing_and_uninstalling_puts_the_old_hooks_back() -> None:
    before = (sys.excepthook, threading.excepthook)
    reporter = CrashReporter(Words("en"), show=lambda _: None)
    reporter.install()
    assert sys.excepthook == reporter.excepthook
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_program_installs_the_reporter_before_it_starts() -> None:
    source = (REPO / "ui" / "app.py").read_text(encoding="utf-8")
    main = source[source.index("def main") :]
    assert main.index("reporter.install()") < main.index("start(words)")
