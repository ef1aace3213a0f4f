"""The navigator PIN: what the keyring keeps never opens the saved plans without it, through every
change of key (a delete, a new PIN, a switch of mode) and in a second window on the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.keys import INSECURE_TEST_COST, KEY_BYTES
from planner.vault import Vault
from planner.vault_errors import (
    KeyNotInKeyring,
    NoPinYet,
    PinNeeded,
    PinTooShort,
    VaultChanged,
    VaultError,
    WrongPassphrase,
    WrongPin,
)
from planner.vault_pin import read_entry
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore, plan_named

PIN = "navigator 2468"


def a_vault(folder: Path, keystore: MemoryKeyStore) -> Vault:
    return Vault(folder, keystore, kdf_cost=INSECURE_TEST_COST)


def no_bare_key(keystore: MemoryKeyStore) -> bool:
    """Every entry needs the PIN: none is a vault key by itself."""
    return all(read_entry(entry) is not None for entry in keystore.entries.values())


@pytest.fixture
def pinned(tmp_path: Path, keystore: MemoryKeyStore) -> Vault:
    vault = a_vault(tmp_path, keystore)
    vault.create(pin=PIN)
    vault.save(plan_named("Familia Pin"))
    vault.lock()
    return vault


def test_the_keyring_alone_does_not_open_the_saved_plans(
    pinned: Vault, keystore: MemoryKeyStore
) -> None:
    assert no_bare_key(keystore)
    with pytest.raises(PinNeeded, match="navigator PIN"):
        pinned.unlock()
    with pytest.raises(WrongPin):
        pinned.unlock("123456")
    assert not pinned.is_unlocked
    pinned.unlock(PIN)
    assert [s.display_name for s in pinned.list_households()] == ["Familia Pin"]
    assert pinned.has_pin


def test_a_short_pin_is_refused_before_anything_is_made(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    vault = a_vault(tmp_path, keystore)
    with pytest.raises(PinTooShort, match="at least 6"):
        vault.create(pin="12345")
    assert not vault.exists() and not keystore.entries


def test_after_a_delete_the_new_key_is_behind_the_same_pin(
    pinned: Vault, keystore: MemoryKeyStore
) -> None:
    pinned.unlock(PIN)
    [household] = pinned.list_households()
    pinned.delete(household.household_id)
    assert len(keystore.entries) == 1 and no_bare_key(keystore)
    pinned.lock()
    with pytest.raises(PinNeeded):
        pinned.unlock()
    pinned.unlock(PIN)
    assert pinned.list_households() == []


def test_a_new_pin_replaces_the_old_one_and_another_window_asks_again(
    pinned: Vault, keystore: MemoryKeyStore, tmp_path: Path
) -> None:
    other = a_vault(tmp_path, keystore)
    other.unlock(PIN)
    pinned.unlock(PIN)
    pinned.set_pin("a new pin 97531")
    assert len(keystore.entries) == 1 and no_bare_key(keystore)
    with pytest.raises(VaultChanged):  # it holds the old PIN only: it locks rather than guess
        other.save(plan_named("Familia Otra Ventana"))
    assert not other.is_unlocked
    with pytest.raises(WrongPin):
        other.unlock(PIN)
    other.unlock("a new pin 97531")
    assert [s.display_name for s in other.list_households()] == ["Familia Pin"]


def test_after_the_recovery_code_nothing_is_kept_bare_and_changes_wait_for_a_pin(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    vault = a_vault(tmp_path, keystore)
    code = vault.create(pin=PIN)
    saved = vault.save(plan_named("Familia Recuperada"))
    keystore.entries.clear()
    vault.lock()
    with pytest.raises(KeyNotInKeyring):
        vault.unlock(PIN)
    vault.unlock(str(code))
    assert not vault.has_pin and not keystore.entries
    with pytest.raises(PinNeeded, match="Choose a navigator PIN first"):
        vault.delete(saved.household_id)
    assert vault.load(saved.household_id).household.display_name == "Familia Recuperada"
    vault.set_pin(PIN)
    vault.delete(saved.household_id)
    assert no_bare_key(keystore)


def test_a_key_kept_before_pins_takes_a_pin_only_after_the_recovery_code(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    vault = a_vault(tmp_path, keystore)
    code = vault.create()  # what an earlier version made
    [bare] = keystore.entries.values()
    assert len(bare) == KEY_BYTES and read_entry(bare) is None
    vault.lock()
    vault.unlock()  # still opens as it did (the window asks for the recovery code instead)
    assert not vault.has_pin
    vault.lock()
    with pytest.raises(NoPinYet, match="recovery code"):
        vault.unlock("a guess 123")
    vault.unlock(str(code))
    vault.set_pin(PIN)
    assert no_bare_key(keystore)


def test_switching_modes_keeps_the_pin_rule(tmp_path: Path, keystore: MemoryKeyStore) -> None:
    vault = a_vault(tmp_path, keystore)
    vault.create(pin=PIN)
    vault.use_passphrase(TEST_PASSPHRASE)
    assert not keystore.entries
    with pytest.raises(VaultError, match="use a passphrase"):
        vault.set_pin("another pin 1234")
    vault.use_keyring("back to a pin 4321")
    assert no_bare_key(keystore)
    vault.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock(TEST_PASSPHRASE)
    vault.unlock("back to a pin 4321")
