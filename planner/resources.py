"""Where the program's data files are (fonts, translations, state rules, examples, numbers).

They ship inside the distribution as the package `planner.data` (the checkout's `resources/`
folder, mapped in pyproject.toml) and are found with importlib.resources, so one lookup works in
the checkout, an installed wheel, a frozen bundle and a zip. Callers get real paths, since
reportlab opens a font by its file name and the rules folder is listed: where the data is not
files on a disk (a zip), it is copied once into a private temporary folder, removed when the
program exits (the data is public: nothing of a family's is in it).

A missing file is an installation fault that no one at the keyboard can work around, and running
on would show raw message keys or an empty list of states. So the first use of any resource checks
that the data is whole, and a gap stops the program with one line naming it (`MissingResources`).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from importlib import resources, util
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

DATA_PACKAGE: Final = f"{__name__.rpartition('.')[0]}.data"
"""planner.data, spelt from this module's package: quoted whole it would look like a message
key to the test that checks every key the planner uses is in a catalogue."""

REQUIRED: Final = (
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "translations/messages.en.toml",
    "translations/ui.en.toml",
    "jurisdictions/generic.toml",
    "public/numbers.toml",
    "icons/family-planner.png",
)
"""Files without which nothing works; every other catalogue is checked against its twin."""

FOLDERS: Final = ("examples", "fonts", "jurisdictions", "public", "translations")
"""Folders that must hold at least one file each."""


class MissingResources(SystemExit):
    """The installed program lacks data it needs. A `SystemExit`, so that whichever front end
    meets it first (`planner`, the window, a tool) stops with this one line and no traceback.
    The sentence is not in a catalogue, since the catalogues may be what is missing."""

    def __init__(self, missing: str) -> None:
        self.missing = missing
        super().__init__(
            f"family-planner: the program's data files are incomplete ({missing} is missing);"
            " install the program again"
        )


def check(folder: Path) -> None:
    """Raise `MissingResources` naming the first thing missing from the data in `folder`:
    a required file, a folder with no file, or an English catalogue that another language has
    (English is what every missing message falls back to)."""
    for name in REQUIRED:
        if not folder.joinpath(name).is_file():
            raise MissingResources(name)
    for name in FOLDERS:
        if not any(path.is_file() for path in folder.joinpath(name).glob("*")):
            raise MissingResources(f"{name}/")
    for translated in sorted(folder.joinpath("translations").glob("*.toml")):
        domain = translated.name.split(".")[0]
        if not translated.with_name(f"{domain}.en.toml").is_file():
            raise MissingResources(f"translations/{domain}.en.toml")


def _copy_data(source: Traversable, target: Path) -> None:
    for entry in source.iterdir():
        if entry.name == "__pycache__" or entry.name.endswith((".py", ".pyc")):
            continue
        if entry.is_dir():
            (target / entry.name).mkdir()
            _copy_data(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


def _on_disk(data: Traversable) -> Path:
    """`data` itself when it is a folder on disk; else (a zip) a private copy, removed at exit.
    (importlib.resources.as_file copies folders only from Python 3.12 on.)"""
    if isinstance(data, Path):
        return data
    folder = Path(tempfile.mkdtemp(prefix="family-planner-data-"))  # 0700
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    _copy_data(data, folder)
    return folder


def _package_files(package: str) -> Traversable:
    """The package's files. A folder without `__init__.py` (a bundle that carries the data as
    plain files, `resources/` copied to `planner/data`) is a namespace package: its one folder
    is taken as it is, rather than copied as files that are not on a disk would be."""
    try:
        spec = util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        raise MissingResources(f"the package {package}")
    folders = list(spec.submodule_search_locations or ())
    if spec.origin in (None, "namespace") and len(folders) == 1:
        return Path(folders[0])
    return resources.files(package)


def locate(package: str = DATA_PACKAGE) -> Path:
    """The data folder of `package`, checked whole; `MissingResources` if it is not installed
    or incomplete."""
    folder = _on_disk(_package_files(package))
    check(folder)
    return folder


@cache
def data_folder() -> Path:
    """The shipped data, found and checked once per process."""
    return locate()


def resource(*parts: str) -> Path:
    """A file or folder of the shipped data, e.g. `resource("fonts", "DejaVuSans.ttf")`."""
    return data_folder().joinpath(*parts)
