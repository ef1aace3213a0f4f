"""The vault on a real Secret Service (gnome-keyring on a private D-Bus session): keyring mode,
a lost keyring entry, switching modes, and crypto-erase against a copy taken before a delete.

The Secret Service's two daemons are processes (conftest.py); `planner vault` runs in this
process (`vault_cli`), pointed at their bus."""

from __future__ import annotations

import base64
import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from planner.keyring_store import SERVICE, SystemKeyStore
from planner.keys import INSECURE_TEST_COST, CannotOpen, unseal
from planner.vault import Vault
from planner.vault_db import read_header
from planner.vault_errors import KeyNotInKeyring, NoPinYet, PinNeeded, VaultDamaged, WrongPin
from planner.vault_header import Header, Mode
from planner.vault_pin import Pin, read_entry, unwrap
from planner.vault_records import data_key_context
from tests.conftest import EXAMPLES, Ran
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


PIN = "navigator 1357"
PINS = (PIN, "a new pin 8642")


def key_behind(name: str, entry: bytes) -> bytes:
    """The key a keyring entry holds, unwrapped with whichever of this file's PINs it was kept
    under (the entries of every test here are in the same keyring)."""
    wrapped = read_entry(entry)
    if wrapped is None:
        return entry
    vault_id, key_id = name.removeprefix("vault-").split("-key-")
    for pin in PINS:
        with contextlib.suppress(CannotOpen):
            return unwrap(Pin.new(pin, wrapped.kdf), wrapped, vault_id, key_id)
    raise AssertionError("an entry under a PIN this file does not use")


def open_vault(folder: Path, store: object) -> Vault:
    return Vault(folder, store, kdf_cost=INSECURE_TEST_COST)  # type: ignore[arg-type]


def test_keyring_mode_keeps_only_the_vault_key_under_the_pin_in_the_secret_service(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    """Whoever can use this account reads the keyring; without the navigator PIN, what they
    read does not open the saved plans."""
    vault = open_vault(tmp_path, store)
    vault.create(pin=PIN)
    saved = vault.save(plan_named("Familia Llavero"))
    vault_id = Header.from_rows(read_header(vault._connection())).vault_id
    vault.lock()
    [(_, entry)] = [s for s in keyring_secrets() if s[0].startswith(f"vault-{vault_id}-")]
    with pytest.raises(VaultDamaged):
        Header.from_rows(read_header(sqlite3.connect(tmp_path / "vault.sqlite3"))).verify(entry)
    vault = open_vault(tmp_path, store)
    with pytest.raises(PinNeeded):
        vault.unlock()
    with pytest.raises(WrongPin):
        vault.unlock("123456")
    vault.unlock(PIN)
    assert vault.mode() is Mode.KEYRING
    assert vault.load(saved.household_id).household.display_name == "Familia Llavero"
    vault.lock()


def test_a_vanished_keyring_entry_means_the_recovery_code_not_a_new_vault(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    vault = open_vault(tmp_path, store)
    code = vault.create(pin=PIN)
    saved = vault.save(plan_named("Familia Reinstalada"))
    vault.lock()
    header = Header.from_rows(read_header(sqlite3.connect(tmp_path / "vault.sqlite3")))
    SecretServiceKeyring().delete_password(SERVICE, header.keyring_entry)
    before = (tmp_path / "vault.sqlite3").read_bytes()
    vault = open_vault(tmp_path, store)
    with pytest.raises(KeyNotInKeyring):
        vault.unlock(PIN)
    assert (tmp_path / "vault.sqlite3").read_bytes() == before
    vault.unlock(str(code))
    assert vault.load(saved.household_id).household.display_name == "Familia Reinstalada"
    vault.set_pin("a new pin 8642")  # the window asks for one right after the recovery code
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock("a new pin 8642")
    vault.lock()


def test_a_key_kept_before_pins_opens_only_with_the_recovery_code_once_a_pin_is_asked(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    """A vault made by an earlier version keeps its key bare in the keyring; setting a PIN
    replaces that entry, so nothing in the keyring opens the plans without the PIN."""
    vault = open_vault(tmp_path, store)
    code = vault.create()  # as before PINs: the bare key
    vault_id = Header.from_rows(read_header(vault._connection())).vault_id
    vault.lock()
    vault = open_vault(tmp_path, store)
    with pytest.raises(NoPinYet):
        vault.unlock("any pin 1234")
    vault.unlock(str(code))
    vault.set_pin(PIN)
    vault.lock()
    ours = [entry for name, entry in keyring_secrets() if name.startswith(f"vault-{vault_id}-")]
    assert len(ours) == 1 and read_entry(ours[0]) is not None, "the bare key left the keyring"
    with pytest.raises(PinNeeded):
        open_vault(tmp_path, store).unlock()


def test_switching_to_a_passphrase_removes_the_key_from_the_keyring_and_back(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    vault = open_vault(tmp_path, store)
    vault.create(pin=PIN)
    saved = vault.save(plan_named("Familia Modo"))
    header = Header.from_rows(read_header(vault._connection()))
    vault.use_passphrase(TEST_PASSPHRASE)
    assert SecretServiceKeyring().get_password(SERVICE, header.keyring_entry) is None
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock(TEST_PASSPHRASE)
    vault.use_keyring(PIN)
    vault.lock()
    vault = open_vault(tmp_path, store)
    vault.unlock(PIN)
    assert vault.load(saved.household_id).household.display_name == "Familia Modo"
    vault.lock()


def test_a_copy_taken_before_a_delete_cannot_be_read_with_what_is_left_on_the_computer(
    tmp_path: Path, store: SystemKeyStore
) -> None:
    folder, copy = tmp_path / "vault", tmp_path / "copy-taken-before-the-delete"
    vault = open_vault(folder, store)
    code = vault.create(pin=PIN)
    vault_id = Header.from_rows(read_header(vault._connection())).vault_id
    plan, _ = sentinel_plan()
    gone = vault.save(plan)
    vault.save(plan, gone.household_id)
    kept = vault.save(plan_named("Familia Guardada"))
    vault.lock()
    shutil.copytree(folder, copy)

    # Before the delete, the copy opens with this computer's keyring: that is what must change.
    before = open_vault(copy, store)
    before.unlock(PIN)
    assert before.load(gone.household_id) == plan
    before.lock()

    vault = open_vault(folder, store)
    vault.unlock(PIN)
    vault.delete(gone.household_id)
    vault.lock()

    # What is left on the computer: the vault folder, and every secret the program keeps.
    left = keyring_secrets()
    ours = [name for name, _ in left if name.startswith(f"vault-{vault_id}-")]
    assert len(ours) == 1, "only the new vault key"
    with pytest.raises(KeyNotInKeyring):
        open_vault(copy, store).unlock(PIN)
    db = sqlite3.connect(copy / "vault.sqlite3")
    header = Header.from_rows(read_header(db))
    wrapped, payloads = (
        db.execute("SELECT wrapped_key FROM households WHERE id = ?", (gone.household_id,))
        .fetchone()[0],
        [row[0] for row in db.execute(
            "SELECT payload FROM revisions WHERE household_id = ?", (gone.household_id,))],
    )  # fmt: skip
    db.close()
    for name, entry in left:
        secret = key_behind(name, entry)  # as someone who knows the PIN would read it
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


def test_the_command_line_uses_the_real_keyring_behind_the_pin(
    vault_cli: Callable[..., Ran],
    tmp_path: Path,
    secret_service: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                 "XDG_RUNTIME_DIR"):  # fmt: skip
        monkeypatch.setenv(name, secret_service[name])

    def planner(*args: str, stdin: str = PIN) -> Ran:
        # No PYTHON_KEYRING_BACKEND: keyring chooses, as for a person, and finds the service.
        return vault_cli(tmp_path / "vault", *args, "--passphrase-stdin", stdin=stdin, backend=None)

    made = planner("init")
    assert made.returncode == 0, made.stderr
    assert "kept in this computer's keyring behind your navigator PIN" in made.stdout
    saved = planner("save", str(EXAMPLES[0]))
    assert saved.returncode == 0, saved.stderr
    household = saved.stdout.split()[2].rstrip(",")
    refused = planner("list", stdin="123456")
    assert refused.returncode == 3 and household not in refused.stdout
    assert "That PIN or recovery code does not open" in refused.stderr
    listed = planner("list")
    assert listed.returncode == 0 and household in listed.stdout
    changed = planner("pin", stdin=f"{PIN}\nanother pin 97531\n")
    assert changed.returncode == 0, changed.stderr
    assert planner("list").returncode == 3, "the old PIN stops working"
    deleted = planner("delete", household, stdin="another pin 97531")
    assert deleted.returncode == 0, deleted.stderr
    assert "can no longer be read" in deleted.stdout
    assert "old key removed from the keyring" in deleted.stdout
    assert "overwritten" not in deleted.stdout + deleted.stderr
