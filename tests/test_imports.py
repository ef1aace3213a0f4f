"""The `planner` command imports only what the command it runs uses: checking a plan needs no
PDF library, no window and no cryptography, and printing the version not even the plan's model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("reportlab", "PySide6", "cryptography", "forms", "keyring", "multiprocessing")


def _imported_after(argv: list[str]) -> set[str]:
    """Top-level packages imported by running `planner argv` in a fresh interpreter."""
    script = (
        "import json, sys\n"
        "from planner.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_validate_imports_no_pdf_library_window_or_cryptography() -> None:
    imported = _imported_after(["validate", *map(str, EXAMPLES)])
    assert "pydantic" in imported  # it did check the plans
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))


def test_version_and_help_import_not_even_the_model() -> None:
    for argv in (["--version"], ["--help"], ["render", "--help"]):
        imported = _imported_after(argv)
        assert imported.isdisjoint({*HEAVY, "pydantic", "phonenumbers"}), argv


def test_the_window_starts_without_what_only_later_work_needs() -> None:
    """The window's first section shows without the PDF library, the calendar library or the
    detained screen: each is loaded when first used (bench/startup.py measures the start)."""
    script = (
        "import json, sys, tempfile\n"
        "from pathlib import Path\n"
        "from ui.app import make_application\n"
        "from ui.controller import start\n"
        "from ui.i18n import Words\n"
        "make_application(sys.argv[:1])\n"
        "controller = start(Words('en'), home=Path(tempfile.mkdtemp()))\n"
        "controller.window.show()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    imported = set(json.loads(result.stdout.splitlines()[-1]))
    for later in ("reportlab", "icalendar", "ui.detained", "forms.case_summary", "keyring"):
        assert later not in imported, later
