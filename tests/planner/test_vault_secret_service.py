"""The vault on a real Secret Service (gnome-keyring on a private D-Bus session): keyring mode,
a lost keyring entry, switching modes, and crypto-erase against a copy taken before a delete."""

from __future__ import annotations

import base64
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from planner.keyring_store import SERVICE, SystemKeyStore
from planner.keys import INSECURE_TEST_COST, CannotOpen, unseal
from planner.vault import Vault
from planner.vault_db import read_header
from planner.vault_errors import KeyNotInKeyring, VaultDamaged
from planner.vault_header import Header, Mode
from planner.vault_records import data_key_context
from tests.conftest import EXAMPLES
from tests.planner.conftest import (
    TEST_PASSPHRASE,
    MemoryKeyStore,
    plan_named,
    sentinel_plan,
    skip_or_fail,
)

try:
    import secretstorage
except ImportError:  # keyring's own dependency on Linux: missing only on other systems
    skip_or_fail("the Secret Service client, secretstorage, is not installed")


@pytest.fixture
def store(secret_service_bus: dict[str, str]) -> SystemKeyStore:
    return SystemKeyStore(SecretServiceKeyring())


def keyring_secrets() -> list[tuple[str, bytes]]:
    """Every secret the program has in the keyring (every test's vaults): all it left behind."""
    connection = secretstorage.dbus_init()
    try:
        found = []
        for collection in secretstorage.get_all_collections(connection):
            if collection.is_locked():
                collection.unlock()
            for item in collection.search_items({"service": SERVICE}):
                name = item.get_attributes()["username"]
                found.append((name, base64.b64decode(item.get_secret())))
        return found
    finally:
        connection.close()


def open_vault(folder: Path, store: object) -> Vault:
    return Vault(folder, store, kdf_cost=INSECURE_TEST_COST)  # type: ignore[arg-type]


def test_keyring_mode_keeps_only_the_vault_key_in_the_secret_service(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    vault = open_vault(tmp_path, store)
    vault.create()
    saved = vault.save(plan_named("Familia Llavero"))
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock()
    assert vault.mode() is Mode.KEYRING
    assert vault.load(saved.household_id).household.display_name == "Familia Llavero"
    vault.lock()


def test_a_vanished_keyring_entry_means_the_recovery_code_not_a_new_vault(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    vault = open_vault(tmp_path, store)
    code = vault.create()
    saved = vault.save(plan_named("Familia Reinstalada"))
    vault.lock()
    header = Header.from_rows(read_header(sqlite3.connect(tmp_path / "vault.sqlite3")))
    SecretServiceKeyring().delete_password(SERVICE, header.keyring_entry)
    before = (tmp_path / "vault.sqlite3").read_bytes()
    vault = open_vault(tmp_path, store)
    with pytest.raises(KeyNotInKeyring):
        vault.unlock()
    assert (tmp_path / "vault.sqlite3").read_bytes() == before
    vault.unlock(str(code))
    assert vault.load(saved.household_id).household.display_name == "Familia Reinstalada"
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock()  # the recovery code put the key back in the keyring
    vault.lock()


def test_switching_to_a_passphrase_removes_the_key_from_the_keyring_and_back(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    vault = open_vault(tmp_path, store)
    vault.create()
    saved = vault.save(plan_named("Familia Modo"))
    header = Header.from_rows(read_header(vault._connection()))
    vault.use_passphrase(TEST_PASSPHRASE)
    assert SecretServiceKeyring().get_password(SERVICE, header.keyring_entry) is None
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock(TEST_PASSPHRASE)
    vault.use_keyring()
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock()
    assert vault.load(saved.household_id).household.display_name == "Familia Modo"
    vault.lock()


def test_a_copy_taken_before_a_delete_cannot_be_read_with_what_is_left_on_the_computer(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    folder, copy = tmp_path / "vault", tmp_path / "copy-taken-before-the-delete"
    vault = open_vault(folder, store)
    code = vault.create()
    vault_id = Header.from_rows(read_header(vault._connection())).vault_id
    plan, _ = sentinel_plan()
    gone = vault.save(plan)
    vault.save(plan, gone.household_id)
    kept = vault.save(plan_named("Familia Guardada"))
    vault.lock()
    shutil.copytree(folder, copy)

    # Before the delete, the copy opens with this computer's keyring: that is what must change.
    before = open_vault(copy, store)
    before.unlock()
    assert before.load(gone.household_id) == plan
    before.lock()

    vault = open_vault(folder, store)
    vault.unlock()
    vault.delete(gone.household_id)
    vault.lock()

    # What is left on the computer: the vault folder, and every secret the program keeps.
    left = keyring_secrets()
    ours = [name for name, _ in left if name.startswith(f"vault-{vault_id}-")]
    assert len(ours) == 1, "only the new vault key"
    with pytest.raises(KeyNotInKeyring):
        open_vault(copy, store).unlock()
    db = sqlite3.connect(copy / "vault.sqlite3")
    header = Header.from_rows(read_header(db))
    wrapped, payloads = (
        db.execute("SELECT wrapped_key FROM households WHERE id = ?", (gone.household_id,))
        .fetchone()[0],
        [row[0] for row in db.execute(
            "SELECT payload FROM revisions WHERE household_id = ?", (gone.household_id,))],
    )  # fmt: skip
    db.close()
    for _, secret in left:
        with pytest.raises(VaultDamaged):
            header.verify(secret)
        with pytest.raises(CannotOpen):
            unseal(AESGCM(secret), wrapped, data_key_context(header.vault_id, gone.household_id))

        class Leftover(MemoryKeyStore):
            def get(self, name: str) -> bytes | None:
                return secret  # noqa: B023 -- used at once, inside this iteration

        with pytest.raises(VaultDamaged):
            open_vault(copy, Leftover()).unlock()

    # The deleted household's ciphertext is gone from the vault's own files too.
    current = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
    assert all(payload not in current for payload in payloads)
    assert wrapped not in current

    # The recovery code — on paper, not on the computer — opens the vault across the rotation.
    vault = open_vault(folder, MemoryKeyStore())
    vault.unlock(str(code))
    assert [s.household_id for s in vault.list_households()] == [kept.household_id]
    vault.lock()


def test_the_command_line_uses_the_real_keyring(
    tmp_path: Path, secret_service: dict[str, str]
) -> None:
    env = {**secret_service, "FAMILY_PLANNER_HOME": str(tmp_path / "vault")}
    env.pop("PYTHON_KEYRING_BACKEND", None)

    def planner(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "planner.cli", "vault", *args],
            capture_output=True, text=True, env=env, timeout=60, check=False,
            start_new_session=True,
        )  # fmt: skip

    made = planner("init")
    assert made.returncode == 0, made.stderr
    assert "kept in this computer's keyring" in made.stdout
    saved = planner("save", str(EXAMPLES[0]))
    assert saved.returncode == 0, saved.stderr
    household = saved.stdout.split()[2].rstrip(",")
    listed = planner("list")
    assert listed.returncode == 0 and household in listed.stdout
    deleted = planner("delete", household)
    assert deleted.returncode == 0, deleted.stderr
    assert "can no longer be read" in deleted.stdout
    assert "old key removed from the keyring" in deleted.stdout
    assert "overwritten" not in deleted.stdout + deleted.stderr
