"""The vault's API as the wizard and the CLI use it, on an in-memory keyring."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.keys import INSECURE_TEST_COST, KdfCost
from planner.vault import MAX_REVISIONS, Vault
from planner.vault_actions import _erase_notice
from planner.vault_db import HOME_VARIABLE, vault_folder
from planner.vault_errors import (
    DiskFull,
    ExportFileInvalid,
    HouseholdNotFound,
    KeyNotInKeyring,
    KeyringUnavailable,
    PassphraseNeeded,
    PassphraseTooShort,
    PinNeeded,
    VaultChanged,
    VaultError,
    VaultExists,
    VaultFromNewerVersion,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from planner.vault_header import Mode
from tests.conftest import example_plan
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore, plan_named


def reopen(vault: Vault, keystore: MemoryKeyStore) -> Vault:
    vault.lock()
    again = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    return again


def rows(folder: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / "vault.sqlite3") as db:
        return db.execute(sql).fetchall()


def test_the_folder_comes_from_family_planner_home_or_the_user_data_folder(tmp_path: Path) -> None:
    assert vault_folder({HOME_VARIABLE: str(tmp_path)}) == tmp_path
    assert "family-planner" in str(vault_folder({}))


def test_a_saved_plan_comes_back_the_same_after_locking(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    plan = example_plan("large-tx.json")
    saved = vault.save(plan)
    assert saved.revision == 1
    vault = reopen(vault, keystore)
    with pytest.raises(VaultLocked):
        vault.list_households()
    vault.unlock()
    assert vault.load(saved.household_id) == plan


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_folder_and_files_are_private(vault: Vault) -> None:
    vault.save(example_plan("small-ca.json"))
    assert stat.S_IMODE(vault.folder.stat().st_mode) == 0o700
    files = [p for p in vault.folder.iterdir() if p.is_file()]
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_file_system_without_posix_modes_still_holds_a_vault(
    tmp_path: Path, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FAT or exFAT USB drive answers chmod with EPERM; the vault opened there, encrypted as
    everywhere, instead of failing with a traceback."""

    def refuse(path: Path, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "chmod", refuse)
    vault = Vault(tmp_path / "usb", keystore, kdf_cost=INSECURE_TEST_COST)
    vault.create()
    saved = vault.save(plan_named("Familia USB"))
    vault = reopen(vault, keystore)
    vault.unlock()
    assert vault.load(saved.household_id).household.display_name == "Familia USB"


def test_the_file_uses_wal_and_secure_delete(vault: Vault) -> None:
    vault.save(example_plan("small-ca.json"))
    db = vault._connection()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory: nothing in /tmp


def test_the_list_shows_summaries_sorted_by_name(vault: Vault) -> None:
    vault.save(plan_named("Zapata"))
    vault.save(example_plan("large-tx.json"))
    vault.save(plan_named("álvarez"))
    summaries = vault.list_households()
    assert [s.display_name for s in summaries] == ["álvarez", "Morales Pérez Family", "Zapata"]
    morales = summaries[1]
    assert morales.children[:2] == ("Isabella", "Mateo José")
    assert morales.missing_items == 0
    assert morales.next_review is not None
    assert morales.updated_at is not None
    assert not morales.damaged


def test_each_save_is_a_new_revision_and_the_last_twenty_are_kept(vault: Vault) -> None:
    first = vault.save(plan_named("Familia Prueba", notes="edit 1"))
    household = first.household_id
    for edit in range(2, 26):
        vault.save(plan_named("Familia Prueba", notes=f"edit {edit}"), household)
    history = vault.history(household)
    assert [r.revision for r in history] == list(range(25, 5, -1))
    assert len(history) == MAX_REVISIONS
    assert all(r.saved_at is not None for r in history)
    assert vault.load(household).notes == "edit 25"
    assert vault.load(household, revision=6).notes == "edit 6"
    with pytest.raises(HouseholdNotFound, match="no kept revision 5"):
        vault.load(household, revision=5)
    # Undo: the older revision saved again becomes the newest.
    undone = vault.save(vault.load(household, revision=24), household)
    assert undone.revision == 26
    assert vault.load(household).notes == "edit 24"


def test_saving_to_an_unknown_household_is_refused(vault: Vault) -> None:
    with pytest.raises(HouseholdNotFound):
        vault.save(plan_named("Nadie"), "0000000000aa")
    with pytest.raises(HouseholdNotFound):
        vault.load("0000000000aa")


def test_create_never_replaces_an_existing_vault(vault: Vault, keystore: MemoryKeyStore) -> None:
    vault.save(plan_named("Familia Existente"))
    before = (vault.folder / "vault.sqlite3").read_bytes()
    other = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    with pytest.raises(VaultExists):
        other.create()
    with pytest.raises(VaultExists):
        other.create(TEST_PASSPHRASE)
    assert (vault.folder / "vault.sqlite3").read_bytes() == before


def test_two_vaults_created_at_once_in_one_folder_never_replace_each_other(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    """Before, both could pass the "is there one?" check and the later rename replaced the
    vault the other had just made (and handed out a recovery code for); both also built it under
    the same draft name."""
    for round_number in range(20):
        folder = tmp_path / str(round_number)
        start = threading.Barrier(2)
        outcomes: list[tuple[str, object]] = []

        def create(outcomes: list[tuple[str, object]] = outcomes, folder: Path = folder,
                   start: threading.Barrier = start) -> None:  # fmt: skip
            vault = Vault(folder, keystore, kdf_cost=INSECURE_TEST_COST)
            start.wait()
            try:
                outcomes.append(("made", vault.create()))
            except VaultError as refused:
                outcomes.append((type(refused).__name__, refused))
            finally:
                vault.lock()

        workers = [threading.Thread(target=create) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        made = [code for kind, code in outcomes if kind == "made"]
        assert sorted(kind for kind, _ in outcomes) == ["VaultExists", "made"], outcomes
        survivor = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
        survivor.unlock(str(made[0]))  # the vault on disk is the one whose code was handed out
        survivor.lock()
        assert [p.name for p in folder.iterdir()] == ["vault.sqlite3"], "no draft left behind"


def test_opening_a_folder_without_a_vault_creates_nothing(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "nothing", MemoryKeyStore())
    with pytest.raises(VaultMissing):
        vault.unlock()
    assert not (tmp_path / "nothing").exists()


def test_a_lost_keyring_entry_asks_for_the_recovery_code_and_gets_it_back(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    code = vault.create()
    saved = vault.save(plan_named("Familia Mudanza"))
    keystore.entries.clear()  # a new computer, or a reinstalled system
    vault = reopen(vault, keystore)
    with pytest.raises(KeyNotInKeyring, match="recovery code"):
        vault.unlock()
    with pytest.raises(KeyNotInKeyring):  # a PIN cannot help: the keyring has nothing for it
        vault.unlock("not the code")
    vault.unlock(str(code).lower())
    assert vault.load(saved.household_id).household.display_name == "Familia Mudanza"
    assert not keystore.entries, "never a bare key: it goes back behind a new PIN"
    assert not vault.has_pin
    vault.set_pin("new pin 2468")
    assert keystore.entries, "the key is kept in the keyring again"
    vault = reopen(vault, keystore)
    with pytest.raises(PinNeeded):
        vault.unlock()
    vault.unlock("new pin 2468")
    assert vault.load(saved.household_id).household.display_name == "Familia Mudanza"


def test_a_locked_keyring_is_reported_and_the_recovery_code_still_opens(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    code = vault.create()
    keystore.failing = {"get", "set", "delete"}
    vault = reopen(vault, keystore)
    with pytest.raises(KeyringUnavailable):
        vault.unlock()
    vault.unlock(str(code))
    assert vault.list_households() == []


def test_creating_without_a_keyring_fails_cleanly_so_the_caller_can_ask_for_a_passphrase(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    keystore.failing = {"set"}
    vault = Vault(tmp_path / "v", keystore, kdf_cost=INSECURE_TEST_COST)
    with pytest.raises(KeyringUnavailable):
        vault.create()
    assert not vault.exists()
    vault.create(TEST_PASSPHRASE)
    assert vault.mode() is Mode.PASSPHRASE


def test_passphrase_mode_needs_the_passphrase_or_the_recovery_code(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    code = vault.create(TEST_PASSPHRASE)
    assert keystore.entries == {}
    saved = vault.save(plan_named("Familia Frase"))
    vault = reopen(vault, keystore)
    with pytest.raises(PassphraseNeeded):
        vault.unlock()
    with pytest.raises(WrongPassphrase) as wrong:
        vault.unlock("invented passphrase for test")
    assert "does not open this vault" in str(wrong.value)
    assert "no abre esta bóveda" in wrong.value.message("es")
    vault.unlock(TEST_PASSPHRASE)
    vault = reopen(vault, keystore)
    vault.unlock(str(code))
    assert vault.load(saved.household_id).household.display_name == "Familia Frase"
    with pytest.raises(PassphraseNeeded, match="passwd"):
        vault.delete(saved.household_id)  # opened with the code: set a passphrase first
    vault.use_passphrase("a brand new passphrase")
    vault.delete(saved.household_id)


def test_new_passphrases_must_not_be_trivially_short(tmp_path: Path) -> None:
    with pytest.raises(PassphraseTooShort, match="at least 8"):
        Vault(tmp_path, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST).create("short")


def test_switching_modes_replaces_the_vault_key_without_touching_the_plans(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    saved = vault.save(plan_named("Familia Cambio"))
    plans_before = rows(vault.folder, "SELECT * FROM revisions")
    summaries = "SELECT id, revision, summary FROM households"
    households_before = rows(vault.folder, summaries)
    wrapped_before = rows(vault.folder, "SELECT wrapped_key FROM households")
    vault.use_passphrase(TEST_PASSPHRASE)
    assert keystore.entries == {}, "the key left the keyring"
    vault = reopen(vault, keystore)
    vault.unlock(TEST_PASSPHRASE)
    vault.use_keyring()
    assert len(keystore.entries) == 1
    vault = reopen(vault, keystore)
    vault.unlock()
    assert vault.load(saved.household_id).household.display_name == "Familia Cambio"
    assert rows(vault.folder, "SELECT * FROM revisions") == plans_before
    assert rows(vault.folder, summaries) == households_before
    assert rows(vault.folder, "SELECT wrapped_key FROM households") != wrapped_before


def test_delete_removes_every_revision_and_rotates_the_vault_key(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    gone = vault.save(plan_named("Familia Borrada"))
    vault.save(plan_named("Familia Borrada"), gone.household_id)
    kept = vault.save(plan_named("Familia Guardada"))
    old_entries = dict(keystore.entries)
    vault.delete(gone.household_id)
    assert len(keystore.entries) == 1
    assert not set(keystore.entries) & set(old_entries), "the old key is gone from the keyring"
    assert [s.household_id for s in vault.list_households()] == [kept.household_id]
    assert rows(vault.folder, f"SELECT * FROM revisions WHERE household_id = '{gone.household_id}'") == []  # fmt: skip  # noqa: E501, S608
    with pytest.raises(HouseholdNotFound):
        vault.load(gone.household_id)
    vault = reopen(vault, keystore)
    vault.unlock()
    assert vault.load(kept.household_id).household.display_name == "Familia Guardada"


def test_a_keyring_that_fails_to_forget_the_old_key_is_finished_at_the_next_unlock(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    gone = vault.save(plan_named("Familia Borrada"))
    old = set(keystore.entries)
    keystore.failing = {"delete"}
    vault.delete(gone.household_id)
    assert old <= set(keystore.entries), "the old key is still there, and remembered as retired"
    assert vault.old_keys_in_keyring
    assert "did not answer when asked to remove the old key" in _erase_notice(vault, "en")
    assert "no respondió" in _erase_notice(vault, "es")
    keystore.failing = set()
    vault = reopen(vault, keystore)
    vault.unlock()
    assert not old & set(keystore.entries)
    assert not vault.old_keys_in_keyring
    assert "old key removed from the keyring" in _erase_notice(vault, "en")
    vault = reopen(vault, keystore)
    vault.unlock()  # the retired list was written back, signed: the header still checks out


def test_a_delete_the_keyring_refuses_changes_nothing(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    saved = vault.save(plan_named("Familia Intacta"))
    keystore.failing = {"set"}
    with pytest.raises(KeyringUnavailable):
        vault.delete(saved.household_id)
    keystore.failing = set()
    assert vault.load(saved.household_id).household.display_name == "Familia Intacta"


def test_purge_deletes_households_not_updated_since_a_date(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    now = [datetime(2026, 1, 10, tzinfo=UTC)]
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST, clock=lambda: now[0])
    vault.create()
    old = vault.save(plan_named("Familia Antigua"))
    now[0] += timedelta(days=200)
    recent = vault.save(plan_named("Familia Reciente"))
    key_before = set(keystore.entries)
    erased = vault.purge(datetime(2026, 6, 1, tzinfo=UTC))
    assert erased == [old.household_id]
    assert [s.household_id for s in vault.list_households()] == [recent.household_id]
    assert not key_before & set(keystore.entries)
    assert vault.purge(datetime(2026, 6, 1, tzinfo=UTC)) == []


def test_export_and_import_move_one_household_between_vaults(vault: Vault, tmp_path: Path) -> None:
    plan = example_plan("mixed-names-ny.json")
    saved = vault.save(plan)
    file = tmp_path / "handover.fpv"
    vault.export(saved.household_id, file, "handover passphrase")
    document = json.loads(file.read_text())
    assert document["format"] == "family-planner-household"
    assert document["version"] == 1
    assert document["kdf"]["memory_kib"] == INSECURE_TEST_COST.memory_kib
    assert plan.household.display_name not in file.read_text()

    other = Vault(tmp_path / "other", MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    other.create()
    with pytest.raises(WrongPassphrase, match="does not open this file"):
        other.import_(file, "wrong passphrase")
    imported = other.import_(file, "handover passphrase")
    assert imported.household_id == saved.household_id
    assert other.load(imported.household_id) == plan
    again = vault.import_(file, "handover passphrase")  # back into the first: a new revision
    assert (again.household_id, again.revision) == (saved.household_id, 2)


def test_export_files_that_are_changed_broken_or_newer_are_refused(
    vault: Vault, tmp_path: Path
) -> None:
    saved = vault.save(plan_named("Familia Exportada"))
    file = tmp_path / "export.json"
    vault.export(saved.household_id, file, "export passphrase")
    document = json.loads(file.read_text())

    def attempt(changed: dict[str, object]) -> VaultError:
        file.write_text(json.dumps(changed))
        with pytest.raises(VaultError) as refused:
            vault.import_(file, "export passphrase")
        return refused.value

    weaker = {**document, "kdf": {**document["kdf"], "iterations": 2}}
    assert isinstance(attempt(weaker), WrongPassphrase)
    newer = attempt({**document, "version": 2})
    assert isinstance(newer, ExportFileInvalid)
    assert "newer version" in str(newer)
    assert isinstance(attempt({"format": "something else"}), ExportFileInvalid)
    file.write_text("not json")
    with pytest.raises(ExportFileInvalid):
        vault.import_(file, "export passphrase")


def test_a_full_disk_keeps_the_previous_revision_and_says_so(vault: Vault) -> None:
    saved = vault.save(plan_named("Familia Disco", notes="before"))
    db = vault._connection()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull) as full:
        vault.save(example_plan("large-tx.json"), saved.household_id)
    assert "disk is full" in str(full.value)
    assert "disco está lleno" in full.value.message("es")
    assert vault.load(saved.household_id).notes == "before"
    assert [r.revision for r in vault.history(saved.household_id)] == [1]


def test_a_vault_from_a_newer_version_is_not_opened(vault: Vault, keystore: MemoryKeyStore) -> None:
    vault.lock()
    with sqlite3.connect(vault.folder / "vault.sqlite3") as db:
        db.execute("UPDATE header SET value = CAST('2' AS BLOB) WHERE name = 'format_version'")
    with pytest.raises(VaultFromNewerVersion, match="newer version"):
        Vault(vault.folder, keystore).unlock()


def test_every_operation_on_a_locked_vault_says_it_is_locked(vault: Vault, tmp_path: Path) -> None:
    saved = vault.save(plan_named("Familia Cerrada"))
    vault.lock()
    for attempt in (
        lambda: vault.list_households(),
        lambda: vault.load(saved.household_id),
        lambda: vault.save(plan_named("x")),
        lambda: vault.history(saved.household_id),
        lambda: vault.delete(saved.household_id),
        lambda: vault.new_recovery_code(),
        lambda: vault.use_keyring(),
        lambda: vault.import_(tmp_path / "x", "passphrase"),
    ):
        with pytest.raises(VaultLocked):
            attempt()


def test_a_new_recovery_code_replaces_the_old_one(tmp_path: Path, keystore: MemoryKeyStore) -> None:
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    old = vault.create()
    new = vault.new_recovery_code()
    vault = reopen(vault, keystore)
    with pytest.raises(WrongPassphrase):
        vault.unlock(str(old))
    vault.unlock(str(new))


def test_the_recovery_code_survives_key_rotations(tmp_path: Path, keystore: MemoryKeyStore) -> None:
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    code = vault.create()
    kept = vault.save(plan_named("Familia Guardada"))
    for n in range(3):
        vault.delete(vault.save(plan_named(f"Familia Temporal {n}")).household_id)
    keystore.entries.clear()
    vault = reopen(vault, keystore)
    vault.unlock(str(code))
    assert vault.load(kept.household_id).household.display_name == "Familia Guardada"


def test_kdf_cost_is_stored_with_the_vault(tmp_path: Path) -> None:
    cost = KdfCost(memory_kib=16, iterations=2, lanes=1)
    vault = Vault(tmp_path, MemoryKeyStore(), kdf_cost=cost)
    vault.create(TEST_PASSPHRASE)
    vault.lock()
    kdf = json.loads(dict(rows(tmp_path, "SELECT name, value FROM header"))["kdf"])  # type: ignore[arg-type]
    assert (kdf["memory_kib"], kdf["iterations"], kdf["algorithm"]) == (16, 2, "argon2id")
    Vault(tmp_path, MemoryKeyStore()).unlock(
        TEST_PASSPHRASE
    )  # read from the header, not the default


# --- two windows (or the window and `planner vault`) on one vault ------------------------------


def second_window(vault: Vault, keystore: MemoryKeyStore, secret: str | None = None) -> Vault:
    other = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    other.unlock(secret)
    return other


@pytest.mark.parametrize("passphrase", [None, TEST_PASSPHRASE])
def test_a_window_left_open_follows_a_key_rotation_made_in_another(
    tmp_path: Path, keystore: MemoryKeyStore, passphrase: str | None
) -> None:
    """Before, the window left open wrapped new data keys (and rewrote the header) with the key
    the delete had destroyed: its new household, or the whole vault, could never be read again."""
    window = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    code = window.create(passphrase)
    gone = window.save(plan_named("Familia Borrada"))
    kept = window.save(plan_named("Familia Guardada"))
    other = second_window(window, keystore, passphrase)
    other.delete(gone.household_id)  # rotates the vault key under the open window
    listed = window.list_households()
    assert [(s.display_name, s.damaged) for s in listed] == [("Familia Guardada", False)]
    added = window.save(plan_named("Familia Nueva"))
    window.save(plan_named("Familia Guardada", notes="edited"), kept.household_id)
    other.save(plan_named("Familia Otra"))
    new_code = window.new_recovery_code()  # a header write from the window left open
    other.lock()
    window = reopen(window, keystore)
    window.unlock(passphrase)
    assert window.load(added.household_id).household.display_name == "Familia Nueva"
    assert window.load(kept.household_id).notes == "edited"
    assert not any(s.damaged for s in window.list_households())
    window = reopen(window, keystore)
    with pytest.raises(WrongPassphrase):
        window.unlock(str(code))
    window.unlock(str(new_code))
    assert len(window.list_households()) == 3


def test_a_window_that_cannot_follow_a_new_passphrase_locks_and_writes_nothing(
    tmp_path: Path, keystore: MemoryKeyStore
) -> None:
    window = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST)
    window.create(TEST_PASSPHRASE)
    saved = window.save(plan_named("Familia Guardada"))
    other = second_window(window, keystore, TEST_PASSPHRASE)
    other.use_passphrase("another invented passphrase")
    other.lock()
    before = rows(tmp_path, "SELECT * FROM revisions")
    with pytest.raises(VaultChanged) as changed:
        window.save(plan_named("Familia Guardada", notes="lost?"), saved.household_id)
    assert "unlock it again" in str(changed.value)
    assert "desbloquéela otra vez" in changed.value.message("es")
    assert not window.is_unlocked
    assert rows(tmp_path, "SELECT * FROM revisions") == before
    window.unlock("another invented passphrase")
    assert window.load(saved.household_id).household.display_name == "Familia Guardada"
