"""The shipped data is found through importlib.resources, and a gap in it stops the program."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from planner.resources import (
    DATA_PACKAGE,
    MissingResources,
    check,
    data_folder,
    locate,
    resource,
)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A whole copy of the shipped data, for a test to take something away from."""
    return Path(shutil.copytree(data_folder(), tmp_path / "data"))


def test_the_data_is_the_package_planner_data() -> None:
    assert DATA_PACKAGE == "planner.data"
    assert resource("fonts", "DejaVuSans.ttf").is_file()
    check(data_folder())


@pytest.mark.parametrize(
    "gone", ["translations/messages.en.toml", "fonts/DejaVuSans-Bold.ttf", "public/numbers.toml"]
)
def test_a_missing_required_file_is_named(data_copy: Path, gone: str) -> None:
    (data_copy / gone).unlink()
    with pytest.raises(MissingResources) as caught:
        check(data_copy)
    assert caught.value.missing == gone
    assert gone in str(caught.value) and "\n" not in str(caught.value)


def test_a_catalogue_without_its_english_twin_is_caught(data_copy: Path) -> None:
    """English is every message's fallback: without it a key would show as it is."""
    (data_copy / "translations" / "vault.en.toml").unlink()
    with pytest.raises(MissingResources, match=r"translations/vault\.en\.toml"):
        check(data_copy)


def test_an_empty_folder_is_caught(data_copy: Path) -> None:
    for state in (data_copy / "jurisdictions").glob("*.toml"):
        if state.stem != "generic":
            state.unlink()
    check(data_copy)  # the generic rules alone still make a working program
    shutil.rmtree(data_copy / "examples")
    with pytest.raises(MissingResources, match="examples/"):
        check(data_copy)


def test_data_that_is_not_installed_stops_with_one_line() -> None:
    with pytest.raises(MissingResources) as caught:
        locate("planner.no_such_data")
    assert caught.value.code == str(caught.value)  # SystemExit prints it, exit status 1
    assert "planner.no_such_data" in str(caught.value)


def test_data_copied_as_plain_files_into_its_parent_package_is_found(tmp_path: Path) -> None:
    """A bundle whose spec copied resources/ to planner/data without making it a module."""
    parent = tmp_path / "bundled_parent"
    parent.mkdir()
    (parent / "__init__.py").write_text("", encoding="utf-8")
    shutil.copytree(data_folder(), parent / "data", ignore=shutil.ignore_patterns("*.py*"))
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(tmp_path))
        assert locate("bundled_parent.data") == parent / "data"
        with pytest.raises(MissingResources, match=r"the package bundled_parent\.nothing"):
            locate("bundled_parent.nothing")


def test_data_in_a_zip_is_copied_to_a_real_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reportlab opens fonts by file name: from a zip the data is copied out, whole."""
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_data/__init__.py", "")
        for path in sorted(data_folder().rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
                zipped.write(path, f"zipped_data/{path.relative_to(data_folder()).as_posix()}")
    monkeypatch.syspath_prepend(str(archive))
    folder = locate("zipped_data")
    assert archive not in folder.parents and folder.is_dir()
    font = folder / "fonts" / "DejaVuSans.ttf"
    assert font.read_bytes() == resource("fonts", "DejaVuSans.ttf").read_bytes()
    assert not (folder / "__init__.py").exists()
