"""The wheel, built and installed as a user would, works away from the checkout.

The wheel is built from a copy of the sources (so no build/ or egg-info lands in the checkout,
and two runs never share one), with the setuptools already in .venv and no index: nothing is
downloaded. It is installed with pip into a new virtual environment outside the checkout, which
sees the dependencies already installed in .venv through a .pth file (PySide6 alone is hundreds
of megabytes: installing it again would take minutes), while the program itself is imported from
the wheel: every command runs from a folder outside the checkout, and a test asserts where
`planner`, `forms` and `ui` came from.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner import __version__

CHECKOUT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "planner", "forms", "ui", "resources")
PASSPHRASE = "invented wheel-test passphrase"  # noqa: S105
NO_KEYRING = "keyring.backends.fail.Keyring"


@dataclass(frozen=True)
class Installed:
    """A virtual environment with only the wheel installed in it, and a place to work."""

    wheel: Path
    venv: Path
    site_packages: Path
    work: Path

    def command(self, name: str) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin") / name

    def run(self, name: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        """Run one of the installed commands from outside the checkout."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "VIRTUAL_ENV", "FAMILY_PLANNER"))
        }
        env.update(
            QT_QPA_PLATFORM="offscreen",
            PYTHON_KEYRING_BACKEND=NO_KEYRING,
            FAMILY_PLANNER_HOME=str(self.work / "vault"),
            FAMILY_PLANNER_LANGUAGE="en",
        )
        return subprocess.run(
            [str(self.command(name)), *args],
            capture_output=True, text=True, input=stdin, env=env, cwd=self.work, timeout=120,
            check=False, start_new_session=True,
        )  # fmt: skip

    def example(self, name: str = "large-tx.json") -> Path:
        """An example plan as the wheel installed it."""
        return self.site_packages / "planner" / "data" / "examples" / name


def _copy_sources(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        source = CHECKOUT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def _pip(python: Path | str, *args: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet", *args],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def _build_wheel(root: Path) -> Path:
    sources = root / "src"
    sources.mkdir()
    _copy_sources(sources)
    _pip(sys.executable, "wheel", "--no-deps", "--no-index", "--no-build-isolation",
         "--wheel-dir", str(root / "dist"), str(sources))  # fmt: skip
    (wheel,) = (root / "dist").glob("family_planner-*.whl")
    return wheel


def _make_venv(venv: Path) -> Path:
    """A bare environment whose .pth lets it import what .venv has installed (after its own)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    shared = [sysconfig.get_path("purelib"), *site.getsitepackages()]
    Path(own, "_dependencies_from_dev_venv.pth").write_text(
        "\n".join(dict.fromkeys(shared)) + "\n", encoding="utf-8"
    )
    return Path(own)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    assert CHECKOUT not in root.parents, "the environment must be outside the checkout"
    wheel = _build_wheel(root)
    venv = root / "venv"
    site_packages = _make_venv(venv)
    _pip(venv / ("Scripts" if os.name == "nt" else "bin") / "python",
         "install", "--no-deps", "--no-index", str(wheel))  # fmt: skip
    work = root / "work"
    work.mkdir()
    return Installed(wheel, venv, site_packages, work)


def test_the_wheel_holds_every_module_and_data_file(installed: Installed) -> None:
    """pyproject.toml names its packages one by one (resources/ is mapped): none forgotten."""
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    wanted = {
        path.relative_to(CHECKOUT).as_posix()
        for package in ("planner", "forms", "ui")
        for path in (CHECKOUT / package).rglob("*.py")
    }
    wanted |= {
        "planner/data/" + path.relative_to(CHECKOUT / "resources").as_posix()
        for path in (CHECKOUT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    wanted.add("ui/style.qss")
    assert sorted(wanted - names) == []


def test_the_program_is_imported_from_the_wheel(installed: Installed) -> None:
    probe = "import planner, planner.data, forms, ui; print(planner.__file__, forms.__file__,"
    probe += " ui.__file__, planner.data.__file__, sep='\\n')"
    python = installed.command("python")
    found = subprocess.run(
        [str(python), "-c", probe], capture_output=True, text=True, check=True, cwd=installed.work
    ).stdout.split()
    assert found and all(Path(path).is_relative_to(installed.site_packages) for path in found)


def test_both_commands_print_the_one_version(installed: Installed) -> None:
    for command in ("planner", "family-planner"):
        result = installed.run(command, "--version")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"{command} {__version__}"


def test_planner_validates_and_states_the_schema(installed: Installed) -> None:
    examples = sorted(installed.example("").glob("*.json"))
    assert len(examples) >= 3
    result = installed.run("planner", "validate", *map(str, examples))
    assert result.returncode == 0, result.stdout + result.stderr
    schema = installed.run("planner", "schema")
    assert schema.returncode == 0 and json.loads(schema.stdout)["type"] == "object"


def test_planner_renders_an_example(installed: Installed) -> None:
    out = installed.work / "packet"
    result = installed.run("planner", "render", str(installed.example()), "--out", str(out))
    assert result.returncode == 0, result.stderr
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) > 10
    assert all(path.read_bytes().startswith(b"%PDF-") for path in pdfs)


def test_planner_keeps_a_household_in_a_vault(installed: Installed) -> None:
    made = installed.run("planner", "vault", "init", "--passphrase-stdin", stdin=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    example = str(installed.example("small-ca.json"))
    saved = installed.run(
        "planner", "vault", "save", example, "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert saved.returncode == 0, saved.stderr
    listed = installed.run(
        "planner", "vault", "list", "--json", "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1, listed.stderr


def test_family_planner_self_test_passes(installed: Installed) -> None:
    result = installed.run("family-planner", "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Self-test passed")


def test_a_missing_data_file_stops_both_commands_in_one_line(installed: Installed) -> None:
    catalogue = installed.site_packages / "planner" / "data" / "translations" / "messages.en.toml"
    aside = catalogue.with_suffix(".aside")
    catalogue.rename(aside)
    try:
        for command, args in (("planner", ("validate", str(installed.example()))),
                              ("family-planner", ("--self-test",))):  # fmt: skip
            result = installed.run(command, *args)
            assert result.returncode == 1, result.stdout + result.stderr
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
            assert "translations/messages.en.toml is missing" in result.stderr
    finally:
        aside.rename(catalogue)


def test_the_wheel_works_as_a_zip(installed: Installed) -> None:
    """importlib.resources finds the data inside the zip; the fonts are copied out for reportlab."""
    out = installed.work / "from-zip"
    env = {**os.environ, "PYTHONPATH": str(installed.wheel)}
    program = (
        "import sys, planner; assert planner.__file__.startswith(sys.argv[1]), planner.__file__\n"
        "from planner.cli import main\n"
        "sys.exit(main(['render', sys.argv[2], '--out', sys.argv[3]]))"
    )
    example = str(installed.example("small-ca.json"))
    result = subprocess.run(
        [sys.executable, "-c", program, str(installed.wheel), example, str(out)],
        capture_output=True, text=True, env=env, cwd=installed.work, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(out.glob("*.pdf"))
