"""Test set-up shared by every package: hypothesis profiles, Qt offscreen, invented households,
and the `planner` command run in the test's own process."""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import (
    DirectoryBasedExampleDatabase,
    ExampleDatabase,
    MultiplexedDatabase,
    ReadOnlyDatabase,
)

from planner.cli import main
from planner.model import Address, Adult, Plan
from planner.resources import resource

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _example_database() -> ExampleDatabase:
    """Hypothesis's examples, in a folder of each pytest-xdist worker (`examples` without one).

    A worker saves, shrinks and forgets examples only in its own folder, so two workers never
    write the same files; it reads the others too, so a failure one worker found is tried first
    by whichever worker runs that test next."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    root = Path.cwd() / ".hypothesis"  # where Hypothesis keeps its database by default
    own = root / ("examples" if worker is None else f"examples-{worker}")
    others = sorted(path for path in root.glob("examples*") if path.is_dir() and path != own)
    read_only = [ReadOnlyDatabase(DirectoryBasedExampleDatabase(path)) for path in others]
    return MultiplexedDatabase(DirectoryBasedExampleDatabase(own), *read_only)


settings.register_profile(
    "default",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
    database=_example_database(),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
_OWN_XDG = pytest.StashKey[tuple[Path, dict[str, str | None]]]()


def pytest_configure(config: pytest.Config) -> None:
    """Each test process (each pytest-xdist worker) has its own empty XDG folders. What Qt and
    the desktop keep there (Qt's QtProject.conf, which the folder dialog reads, changes and puts
    back; recent files; caches) is then never shared with another worker at the same moment,
    nor written into the home of whoever runs the tests."""
    folder = Path(tempfile.mkdtemp(prefix="family-planner-tests-"))
    before = {name: os.environ.get(name) for name in _XDG_FOLDERS}
    for name in _XDG_FOLDERS:
        path = folder / name.lower()
        path.mkdir(mode=0o700)
        os.environ[name] = str(path)
    config.stash[_OWN_XDG] = (folder, before)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _OWN_XDG not in config.stash:
        return
    folder, before = config.stash[_OWN_XDG]
    for name, value in before.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`pytest -n auto` (`make pytest`): one worker for each processor this process may use, as
    `planner render` counts them (a container or `taskset` may allow fewer than there are)."""
    from forms.parallel import usable_cores

    return usable_cores()


EXAMPLES = sorted(resource("examples").glob("*.json"))
TODAY = date(2026, 11, 25)
"""Rules that depend on the date are tested against this fixed day."""


@pytest.fixture
def examples() -> list[Path]:
    assert EXAMPLES, "resources/examples/ has no plans"
    return EXAMPLES


def example_plan(name: str) -> Plan:
    return Plan.model_validate_json(resource("examples", name).read_text(encoding="utf-8"))


def parent_elsewhere(family_violence_order: bool = False) -> Adult:
    """An invented other parent who lives in El Paso, apart from the household."""
    return Adult(
        id="adult-elsewhere",
        given_names="Tobías",
        family_names="Lejano",
        lives_in_household=False,
        family_violence_order=family_violence_order,
        address=Address(street="77 Far Rd", city="El Paso", state="TX", postal_code="79901"),
    )


# --- `planner …` in this process ----------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """What one `planner` command did, as `subprocess.run` reports a process that ran it."""

    returncode: int
    stdout: str
    stderr: str


RunCommand = Callable[..., Ran]

_HIDDEN_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)
"""What Python's default warning filters keep quiet; any other warning reaches standard error."""


def _exit_status(code: object) -> int:
    """The status `sys.exit(code)` ends a process with."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCommand:
    """`cli(*args, stdin="")` runs `planner ARGS…` in this process, through `planner.cli.main`
    as the `planner` program does (`sys.exit(main())`, argparse's own exits included), with
    `stdin` as its standard input. It returns the exit status and what the command printed on
    standard output and error, with any warning a user would see there."""

    def run(*args: str | Path, stdin: str = "") -> Ran:
        capsys.readouterr()  # what came before is not this command's
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with warnings.catch_warnings(record=True) as shown:
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for category in _HIDDEN_WARNINGS:
                warnings.filterwarnings("ignore", category=category)
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as exited:
                code = _exit_status(exited.code)
        printed = capsys.readouterr()
        said = "".join(
            warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line)
            for w in shown
        )
        return Ran(code, printed.out, printed.err + said)

    return run
