"""Each decision that differs on Windows, macOS and Linux, with the platform given: every branch
is tested on any computer."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from planner import platforms
from planner.keyring_store import refusal
from planner.output_files import _make_folders, _sync_folder, flush_to_disk
from planner.platforms import (
    PORTABLE_FOLDER,
    PORTABLE_MARKER,
    can_fork_workers,
    can_sync_folder,
    data_dirs,
    keyring_backend,
    needs_full_fsync,
    portable_home,
    program_folder,
    rename_never_replaces,
    user_data_folder,
    uses_unix_permissions,
)
from planner.vault_db import HOME_VARIABLE, _make_private, _publish, vault_folder
from planner.vault_errors import VaultExists

PLATFORMS = ("win32", "darwin", "linux")


@pytest.mark.parametrize(
    ("platform", "modes", "folder_sync", "full_fsync", "rename_safe", "fork"),
    [
        ("win32", False, False, False, True, False),
        ("darwin", True, True, True, False, False),
        ("linux", True, True, False, False, True),
    ],
)
def test_each_platform_decision(
    platform: str, modes: bool, folder_sync: bool, full_fsync: bool, rename_safe: bool, fork: bool
) -> None:
    assert uses_unix_permissions(platform) is modes
    assert can_sync_folder(platform) is folder_sync
    assert needs_full_fsync(platform) is full_fsync
    assert rename_never_replaces(platform) is rename_safe
    assert can_fork_workers(platform) is fork


def test_the_real_platform_is_the_default() -> None:
    assert uses_unix_permissions() is (sys.platform != "win32")
    assert keyring_backend() == keyring_backend(sys.platform)


@pytest.mark.parametrize(
    ("platform", "backend"),
    [
        ("win32", "keyring.backends.Windows.WinVaultKeyring"),
        ("darwin", "keyring.backends.macOS.Keyring"),
        ("linux", "keyring.backends.SecretService.Keyring"),
    ],
)
def test_each_platforms_keyring_is_one_the_vault_trusts(platform: str, backend: str) -> None:
    """The Windows Credential Locker, the Keychain and the Secret Service keep the key."""
    assert keyring_backend(platform) == backend
    module, _, name = backend.rpartition(".")
    kind = getattr(__import__(module, fromlist=[name]), name)
    assert refusal(kind.__new__(kind)) is None


def test_the_data_folder_of_each_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = data_dirs("family-planner", "win32")
    assert type(windows).__name__ == "Windows" and windows.roaming is False  # never roams
    # platformdirs follows XDG_DATA_HOME on macOS too, when someone sets it; the tests set it.
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert user_data_folder("family-planner", "darwin") == (
        Path.home() / "Library" / "Application Support" / "family-planner"
    )
    linux = user_data_folder("family-planner", "linux")
    assert linux.name == "family-planner" and linux.is_absolute()


def _bundle(folder: Path, marked: bool) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    if marked:
        (folder / PORTABLE_MARKER).write_text("", encoding="utf-8")
    return str(folder / "family-planner.exe")


def test_portable_mode_needs_the_marker_beside_a_bundled_program(tmp_path: Path) -> None:
    marked = _bundle(tmp_path / "stick", marked=True)
    plain = _bundle(tmp_path / "installed", marked=False)
    assert portable_home(marked, frozen=True, platform="win32") == (
        tmp_path / "stick" / PORTABLE_FOLDER
    )
    assert portable_home(plain, frozen=True, platform="win32") is None
    assert portable_home(marked, frozen=False, platform="win32") is None  # Python's executable
    assert portable_home(frozen=False) is None


def test_on_macos_the_marker_sits_beside_the_app(tmp_path: Path) -> None:
    inside = tmp_path / "Family Planner.app" / "Contents" / "MacOS" / "family-planner"
    assert program_folder(str(inside), "darwin") == tmp_path
    assert program_folder(str(inside), "linux") == inside.parent
    (tmp_path / PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert portable_home(str(inside), frozen=True, platform="darwin") == tmp_path / PORTABLE_FOLDER


def test_the_home_variable_wins_over_portable_mode(tmp_path: Path) -> None:
    stick = tmp_path / "stick" / PORTABLE_FOLDER
    assert vault_folder({HOME_VARIABLE: str(tmp_path)}, lambda: stick) == tmp_path
    assert vault_folder({}, lambda: stick) == stick
    assert vault_folder({}, lambda: None) == platforms.user_data_folder("family-planner")


@pytest.mark.parametrize("platform", PLATFORMS)
def test_permissions_are_set_only_where_there_are_modes(tmp_path: Path, platform: str) -> None:
    vault = tmp_path / "vault.sqlite3"
    vault.write_bytes(b"")
    vault.chmod(0o644)
    _make_private(vault, 0o600, platform)
    expected = 0o644 if platform == "win32" else 0o600
    assert stat.S_IMODE(vault.stat().st_mode) == expected


@pytest.mark.parametrize("platform", PLATFORMS)
def test_packet_folders_get_a_mode_only_where_there_are_modes(
    tmp_path: Path, platform: str
) -> None:
    old = os.umask(0o200)  # mkdir then gives 0500: only the chmod makes it 0700
    try:
        (made,) = _make_folders(tmp_path / "packet", platform)
    finally:
        os.umask(old)
    expected = 0o500 if platform == "win32" else 0o700  # win32: left as made
    assert stat.S_IMODE(made.stat().st_mode) == expected


def _no_hard_links(source: Path, target: Path) -> None:
    raise OSError(errno.EPERM, "FAT has no hard links")


@pytest.mark.parametrize("platform", PLATFORMS)
def test_without_hard_links_a_vault_is_still_published(tmp_path: Path, platform: str) -> None:
    draft, vault = tmp_path / ".vault.new", tmp_path / "vault.sqlite3"
    draft.write_bytes(b"new vault")
    _publish(draft, vault, platform, link=_no_hard_links)
    assert vault.read_bytes() == b"new vault" and not draft.exists()


@pytest.mark.parametrize("platform", PLATFORMS)
def test_without_hard_links_an_old_vault_is_never_replaced(tmp_path: Path, platform: str) -> None:
    draft, vault = tmp_path / ".vault.new", tmp_path / "vault.sqlite3"
    draft.write_bytes(b"new vault")
    vault.write_bytes(b"old vault")
    with pytest.raises(VaultExists):
        _publish(draft, vault, platform, link=_no_hard_links)
    assert vault.read_bytes() == b"old vault"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_folders_are_flushed_where_they_can_be(tmp_path: Path, platform: str) -> None:
    """Windows cannot open a folder as a file: there nothing is tried (so nothing fails)."""
    _sync_folder(tmp_path, platform)
    if platform == "win32":
        _sync_folder(tmp_path / "no such folder", platform)  # not even opened
    else:
        with pytest.raises(FileNotFoundError):
            _sync_folder(tmp_path / "no such folder", platform)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_file_is_flushed_on_every_platform(tmp_path: Path, platform: str) -> None:
    """On macOS F_FULLFSYNC; where the system has none (here), the plain fsync."""
    with (tmp_path / "file").open("wb") as file:
        file.write(b"x")
        file.flush()
        flush_to_disk(file.fileno(), platform)
    closed = os.open(tmp_path / "file", os.O_RDONLY)
    os.close(closed)
    with pytest.raises(OSError):  # a failure to flush is never swallowed
        flush_to_disk(closed, platform)
