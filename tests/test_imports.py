"""The `planner` command imports only what the command it runs uses: checking a plan needs no
PDF library, no window and no cryptography, and printing the version not even the plan's model."""

from __future__ import annotations

import json
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
