"""What installing as a desktop program needs besides the code: the icon in each system's format,
the Linux .desktop entry, the window's icon, and a release workflow GitHub would accept."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

from PIL import Image
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def test_the_desktop_entry_starts_the_window_with_its_icon_in_both_languages() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(PACKAGING / "family-planner.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "family-planner"
    assert desktop["Icon"] == "family-planner"
    assert desktop["Terminal"] == "false"
    assert desktop["Name[es]"] == "Planificador de preparación familiar"
    assert desktop["Categories"].endswith(";")


def test_the_icon_exists_at_every_size_each_system_asks_for() -> None:
    png = Image.open(ROOT / "resources" / "icons" / "family-planner.png")
    assert png.size == (256, 256) and png.mode == "RGBA"
    ico = Image.open(PACKAGING / "family-planner.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    assert Image.open(PACKAGING / "family-planner.icns").size[0] >= 512


def test_the_window_has_the_programs_icon() -> None:
    from ui.app import make_application

    app = make_application([])
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "family-planner"


def test_the_release_workflow_is_valid_and_self_tests_on_three_systems() -> None:
    checked = subprocess.run(
        [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema",
         "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    workflow = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["bundle"]
    assert job["strategy"]["matrix"]["os"] == ["ubuntu-latest", "windows-latest", "macos-latest"]
    steps = "\n".join(str(step.get("run", "")) for step in job["steps"])
    assert "packaging/family-planner.spec" in steps
    assert steps.count("--self-test") == 2 and steps.count("planner") >= 2
