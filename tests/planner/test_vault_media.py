"""Vaults on media that cannot be written, with permissions their owner made stricter, and files
cut short: each opens as far as it can, changes nothing it should not, and says why.

`planner vault` runs in this process (`vault_cli`), except for the backup taken while this
process holds the vault open: that is two processes, as the window and the command would be."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner import vault_db
from planner.keys import INSECURE_TEST_COST
from planner.vault import Vault
from planner.vault_errors import VaultDamaged, VaultReadOnly
from tests.conftest import Ran
from tests.planner.conftest import TEST_PASSPHRASE, plan_named

REPOSITORY = Path(__file__).resolve().parents[2]


def made(folder: Path) -> tuple[Vault, str]:
    vault = Vault(folder, kdf_cost=INSECURE_TEST_COST)
    vault.create(TEST_PASSPHRASE)
    saved = vault.save(plan_named("Familia Solo Lectura"))
    vault.lock()
    return vault, saved.household_id


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_permissions_the_owner_made_stricter_are_never_loosened(tmp_path: Path) -> None:
    """Before, opening put a 0500 folder back to 0700 and a 0400 file to 0600, then wrote."""
    folder = tmp_path / "vault"
    vault, household = made(folder)
    file = folder / vault_db.FILE_NAME
    file.chmod(0o400)
    folder.chmod(0o500)
    try:
        vault.unlock(TEST_PASSPHRASE)
        assert vault.load(household).household.display_name == "Familia Solo Lectura"
        vault.lock()
        assert (mode_of(folder), mode_of(file)) == (0o500, 0o400)
    finally:
        folder.chmod(0o700)
    (folder / "other").touch()
    (folder / "other").chmod(0o644)
    folder.chmod(0o755)  # looser than private: only what others may do is taken away
    vault.unlock(TEST_PASSPHRASE)
    vault.lock()
    assert mode_of(folder) == 0o700


def test_a_vault_that_cannot_be_written_opens_read_only_and_a_save_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    vault, household = made(folder)
    before = (folder / vault_db.FILE_NAME).read_bytes()
    monkeypatch.setattr(vault_db, "writable", lambda path: False)
    vault.unlock(TEST_PASSPHRASE)
    assert [h.household_id for h in vault.list_households()] == [household]
    vault.export(household, tmp_path / "copy.json", "export passphrase")
    with pytest.raises(VaultReadOnly, match="cannot be written"):
        vault.save(plan_named("Familia Nueva"))
    vault.lock()
    assert (folder / vault_db.FILE_NAME).read_bytes() == before


def test_an_empty_vault_file_is_damage_and_stays_empty(tmp_path: Path) -> None:
    """Before, a zero-byte file read as "check that the disk is connected", and SQLite wrote a
    new database into it."""
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / vault_db.FILE_NAME).touch()
    with pytest.raises(VaultDamaged, match="vault file is damaged"):
        Vault(folder).unlock(TEST_PASSPHRASE)
    assert (folder / vault_db.FILE_NAME).stat().st_size == 0
    assert sorted(p.name for p in folder.iterdir()) == [vault_db.FILE_NAME]


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A small file system that can be made read-only, as a write-protected USB stick is."""
    mount = tmp_path / "stick"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a read-only file system needs root (CI runs as root)")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"this machine cannot mount a file system: {mounted.stderr!r}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_vault_on_a_write_protected_stick_lists_shows_and_exports(
    vault_cli: Callable[..., Ran], tmp_path: Path, read_only_mount: Path
) -> None:
    """Before, even `list` and `show` failed on a read-only file system."""
    folder = read_only_mount / "vault"
    _, household = made(folder)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)

    def planner(*args: str, stdin: str = TEST_PASSPHRASE) -> Ran:
        return vault_cli(folder, *args, "--passphrase-stdin", stdin=stdin)

    listed = planner("list")
    assert listed.returncode == 0 and household in listed.stdout, listed.stderr
    shown = planner("show", household)
    assert shown.returncode == 0 and "Familia Solo Lectura" in shown.stdout
    exported = planner("export", household, str(tmp_path / "copy.json"),
                       stdin=f"{TEST_PASSPHRASE}\nexport passphrase\n")  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    plan = tmp_path / "plan.json"
    plan.write_text(shown.stdout)
    refused = planner("save", str(plan))
    assert refused.returncode == 3
    assert "cannot be written" in refused.stderr and "Traceback" not in refused.stderr


def test_a_backup_is_one_file_with_the_saves_still_in_the_wal(tmp_path: Path) -> None:
    """Recent saves live in the -wal file until a checkpoint: copying vault.sqlite3 alone can
    miss them. `planner vault backup` makes one consistent file, still encrypted."""
    folder = tmp_path / "vault"
    vault, first = made(folder)
    vault.unlock(TEST_PASSPHRASE)
    latest = vault.save(plan_named("Familia Reciente"))  # left in the WAL: the vault stays open
    assert (folder / "vault.sqlite3-wal").stat().st_size > 0
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FAMILY_PLANNER_HOME": str(folder)}
    target = tmp_path / "backup.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", "vault", "backup", str(target)],
        capture_output=True, text=True, env=env, cwd=REPOSITORY, timeout=60, check=False,
    )  # fmt: skip
    vault.lock()
    assert done.returncode == 0, done.stderr
    assert "still encrypted" in done.stdout
    assert mode_of(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [
        "backup.sqlite3"
    ]
    assert b"Familia Reciente" not in target.read_bytes()
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(target, restored / vault_db.FILE_NAME)
    again = Vault(restored, kdf_cost=INSECURE_TEST_COST)
    again.unlock(TEST_PASSPHRASE)
    assert {h.household_id for h in again.list_households()} == {first, latest.household_id}
    again.lock()
