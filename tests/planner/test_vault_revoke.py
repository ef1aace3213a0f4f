"""Replacing the recovery code, the passphrase or the PIN replaces the vault key, so an old
secret together with a copy of the file made before the change opens nothing saved after it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from planner.keys import INSECURE_TEST_COST, CannotOpen, unseal
from planner.vault import Vault
from planner.vault_db import read_header
from planner.vault_errors import WrongPassphrase
from planner.vault_header import Header
from planner.vault_records import data_key_context
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore, plan_named

NEW_PASSPHRASE = "a later passphrase for tests"  # noqa: S105


def key_from(folder: Path, secret: str) -> bytes:
    """The vault key as someone with this copy of the file and this secret reads it."""
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.unlock(secret)
    key = vault._current_key()
    vault.lock()
    return key


def wrapped_keys(folder: Path) -> list[tuple[str, bytes]]:
    with sqlite3.connect(folder / "vault.sqlite3") as db:
        return [(str(i), bytes(w)) for i, w in db.execute("SELECT id, wrapped_key FROM households")]


def assert_nothing_opens(folder: Path, old_key: bytes) -> None:
    with sqlite3.connect(folder / "vault.sqlite3") as db:
        vault_id = Header.from_rows(read_header(db)).vault_id
    households = wrapped_keys(folder)
    assert households
    for household_id, wrapped in households:
        with pytest.raises(CannotOpen):
            unseal(AESGCM(old_key), wrapped, data_key_context(vault_id, household_id))


@pytest.mark.parametrize(
    ("change", "old_code_kept"),
    [
        (lambda vault, code: vault.new_recovery_code(), False),
        (lambda vault, code: vault.use_passphrase(NEW_PASSPHRASE), True),
    ],
    ids=["new recovery code", "new passphrase"],
)
def test_an_old_secret_and_an_old_copy_open_nothing_saved_after_the_change(
    tmp_path: Path, change: Callable[[Vault, str], object], old_code_kept: bool
) -> None:
    folder, copy = tmp_path / "vault", tmp_path / "copy-made-before"
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    code = str(vault.create(TEST_PASSPHRASE))
    vault.save(plan_named("Familia Antes"))
    vault.lock()
    shutil.copytree(folder, copy)
    vault.unlock(TEST_PASSPHRASE)
    change(vault, code)
    vault.save(plan_named("Familia Despues"))
    vault.lock()

    secret = TEST_PASSPHRASE if old_code_kept else code  # the secret that was replaced
    with pytest.raises(WrongPassphrase):
        key_from(folder, secret)  # the old secret does not open the file as it is now
    old_key = key_from(copy, secret)  # … but still the copy made before (as the README says)
    assert_nothing_opens(folder, old_key)  # and that copy's key opens nothing in the file now


def test_a_backup_opened_with_the_recovery_code_never_puts_a_destroyed_key_back(
    tmp_path: Path,
) -> None:
    """A delete destroyed the old key in the keyring. Opening a backup from before the delete
    with the recovery code, and choosing a PIN for it, keeps a new key there — not that one."""
    folder, backup, keystore = tmp_path / "vault", tmp_path / "backup", MemoryKeyStore()
    vault = Vault(folder, keystore, kdf_cost=INSECURE_TEST_COST)
    code = str(vault.create(pin="navigator 2468"))
    gone = vault.save(plan_named("Familia Borrada"))
    vault.lock()
    shutil.copytree(folder, backup)
    destroyed = key_from(backup, code)
    vault.unlock("navigator 2468")
    vault.delete(gone.household_id)
    vault.lock()

    restored = Vault(backup, keystore, kdf_cost=INSECURE_TEST_COST)
    restored.unlock(code)
    restored.set_pin("another pin 1357")
    kept_now = restored._current_key()
    restored.lock()
    assert kept_now != destroyed
    assert_nothing_opens(backup, destroyed)
