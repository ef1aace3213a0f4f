"""The "a parent was detained" log, kept in the vault with its household: sealed with the
household's key, bound to it, gone with it, and there again after a restart."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner import vault_db
from planner.detained import Detention, checklist
from planner.keys import INSECURE_TEST_COST, seal
from planner.vault import Vault
from planner.vault_errors import (
    DiskFull,
    ExportFileInvalid,
    HouseholdDamaged,
    HouseholdNotFound,
    KeyNotInKeyring,
    VaultLocked,
)
from planner.vault_export import Exported, write_export
from tests.conftest import example_plan
from tests.planner.conftest import MemoryKeyStore, plan_named

STARTED = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
PLACE = "Parada del autobús 42, Telephone Rd"  # invented
SEEN = "Dos agentes, chalecos «POLICE ICE», camioneta gris 🚐 — شاحنة רכב"


def detention_with_ticks() -> Detention:
    """Carlos (the large Texas example, invented) taken; three steps ticked, not in list order."""
    detention = Detention(
        parent_id="adult-carlos", started_at=STARTED, place=PLACE, what_was_seen=SEEN
    )
    for minutes, step in ((3, "call_attorney:attorney-delgado"), (7, "locate"), (30, "money")):
        detention = detention.ticked(step, STARTED + timedelta(minutes=minutes))
    return detention


def rows(folder: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / "vault.sqlite3") as db:
        return db.execute(sql, params).fetchall()


def reopened(vault: Vault, keystore: MemoryKeyStore) -> Vault:
    """The program closed and started again: a new handle on the same file, unlocked."""
    vault.lock()
    again = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    again.unlock()
    return again


def test_ticks_are_still_there_in_order_after_a_restart(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    assert vault.load_detention(household) is None
    vault.save_detention(household, detention_with_ticks())
    vault = reopened(vault, keystore)
    kept = vault.load_detention(household)
    assert kept == detention_with_ticks()
    assert kept is not None
    assert list(kept.steps) == ["call_attorney:attorney-delgado", "locate", "money"]
    steps = {s.id: s for s in checklist(vault.load(household), kept, "es")}
    assert steps["locate"].done_at == STARTED + timedelta(minutes=7)
    assert steps["case"].done_at is None
    vault.save_detention(household, kept.ticked("case", STARTED + timedelta(hours=1)))
    again = reopened(vault, keystore).load_detention(household)
    assert again is not None and list(again.steps)[-1] == "case"


def test_nothing_the_family_recorded_is_on_disk_in_the_clear(vault: Vault) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    vault.save_detention(household, detention_with_ticks())
    vault.lock()
    on_disk = b"".join(p.read_bytes() for p in vault.folder.iterdir() if p.is_file())
    for secret in (PLACE, SEEN, "adult-carlos", "attorney-delgado"):
        assert secret.encode() not in on_disk, secret


def test_a_log_cannot_be_read_with_another_households_key_or_moved_to_it(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    ours = vault.save(plan_named("Familia Uno")).household_id
    theirs = vault.save(plan_named("Familia Dos")).household_id
    vault.save_detention(ours, detention_with_ticks())
    vault.save_detention(theirs, Detention(parent_id="adult-other", started_at=STARTED))
    (our_row,) = rows(vault.folder, "SELECT sealed FROM detentions WHERE household_id = ?", ours)
    vault.lock()
    with sqlite3.connect(vault.folder / "vault.sqlite3") as db:  # someone moves our row to theirs
        db.execute("UPDATE detentions SET sealed = ? WHERE household_id = ?", (our_row[0], theirs))
    vault = reopened(vault, keystore)
    with pytest.raises(HouseholdDamaged) as raised:
        vault.load_detention(theirs)
    assert "Carlos" not in str(raised.value) and PLACE not in str(raised.value)
    assert vault.load_detention(ours) == detention_with_ticks()
    # Sealed for "ours" but under the other household's key: it does not open either.
    their_key = vault._data_cipher(theirs, _wrapped_key(vault.folder, theirs))
    forged = seal(their_key, detention_with_ticks().model_dump_json().encode(),
                  vault._detention_context(ours))  # fmt: skip
    with sqlite3.connect(vault.folder / "vault.sqlite3") as db:
        db.execute("UPDATE detentions SET sealed = ? WHERE household_id = ?", (forged, ours))
    with pytest.raises(HouseholdDamaged):
        vault.load_detention(ours)
    # Under our own key but bound to the other household: the binding alone refuses it.
    our_key = vault._data_cipher(ours, _wrapped_key(vault.folder, ours))
    rebound = seal(our_key, detention_with_ticks().model_dump_json().encode(),
                   vault._detention_context(theirs))  # fmt: skip
    with sqlite3.connect(vault.folder / "vault.sqlite3") as db:
        db.execute("UPDATE detentions SET sealed = ? WHERE household_id = ?", (rebound, ours))
    with pytest.raises(HouseholdDamaged):
        vault.load_detention(ours)


def _wrapped_key(folder: Path, household: str) -> bytes:
    ((wrapped,),) = rows(folder, "SELECT wrapped_key FROM households WHERE id = ?", household)
    assert isinstance(wrapped, bytes)
    return wrapped


def test_deleting_the_household_removes_its_log_and_no_earlier_copy_opens(
    vault: Vault, keystore: MemoryKeyStore, tmp_path: Path
) -> None:
    gone = vault.save(plan_named("Familia Borrada")).household_id
    kept = vault.save(plan_named("Familia Guardada")).household_id
    vault.save_detention(gone, detention_with_ticks())
    vault.save_detention(kept, Detention(parent_id="adult-kept", started_at=STARTED))
    copy = tmp_path / "copy-before-delete"
    copy.mkdir()
    vault.backup(copy / "vault.sqlite3")
    vault.delete(gone)
    assert rows(vault.folder, "SELECT household_id FROM detentions") == [(kept,)]
    with pytest.raises(HouseholdNotFound):
        vault.load_detention(gone)
    kept_log = reopened(vault, keystore).load_detention(kept)  # re-wrapped with the new key
    assert kept_log is not None and kept_log.parent_id == "adult-kept"
    with pytest.raises(KeyNotInKeyring):  # the copy's key left this computer with the delete
        Vault(copy, keystore, kdf_cost=INSECURE_TEST_COST).unlock()
    shutil.rmtree(copy)


def test_purging_a_household_removes_its_log(tmp_path: Path, keystore: MemoryKeyStore) -> None:
    now = [datetime(2026, 1, 10, tzinfo=UTC)]
    vault = Vault(tmp_path, keystore, kdf_cost=INSECURE_TEST_COST, clock=lambda: now[0])
    vault.create()
    old = vault.save(plan_named("Familia Antigua")).household_id
    vault.save_detention(old, detention_with_ticks())
    now[0] += timedelta(days=200)
    vault.purge(datetime(2026, 6, 1, tzinfo=UTC))
    assert rows(tmp_path, "SELECT * FROM detentions") == []
    vault.lock()


def test_ending_the_detention_removes_the_log(vault: Vault, keystore: MemoryKeyStore) -> None:
    household = vault.save(plan_named("Familia Junta")).household_id
    vault.save_detention(household, detention_with_ticks())
    vault.end_detention(household)
    assert vault.load_detention(household) is None
    assert rows(vault.folder, "SELECT * FROM detentions") == []
    assert reopened(vault, keystore).load(household).household.display_name == "Familia Junta"


def test_a_log_needs_an_unlocked_vault_and_a_household(vault: Vault) -> None:
    with pytest.raises(HouseholdNotFound):
        vault.save_detention("0123456789ab", detention_with_ticks())
    household = vault.save(plan_named("Familia Cerrada")).household_id
    vault.lock()
    with pytest.raises(VaultLocked):
        vault.save_detention(household, detention_with_ticks())
    with pytest.raises(VaultLocked):
        vault.load_detention(household)
    with pytest.raises(VaultLocked):
        vault.end_detention(household)


def test_a_vault_made_before_the_table_opens_gains_it_and_works(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    vault.lock()
    with sqlite3.connect(vault.folder / "vault.sqlite3") as db:  # as vaults were made before
        db.execute("DROP TABLE detentions")
    tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'detentions'"
    assert rows(vault.folder, tables) == []
    vault = reopened(vault, keystore)
    assert rows(vault.folder, tables) == [("detentions",)]
    assert vault.load_detention(household) is None
    vault.save_detention(household, detention_with_ticks())
    assert reopened(vault, keystore).load_detention(household) == detention_with_ticks()


def test_a_read_only_vault_made_before_the_table_shows_no_log(vault: Vault) -> None:
    """A vault on a write-protected stick cannot gain the table: it simply has no log."""
    household = vault.save(plan_named("Familia Antigua")).household_id
    vault.lock()
    path = vault.folder / "vault.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE detentions")
    read_only = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert vault_db.detention_row(read_only, household) is None
    finally:
        read_only.close()


def test_the_log_moves_with_the_household_in_an_export(vault: Vault, tmp_path: Path) -> None:
    """A family moving to another navigator's laptop mid-detention keeps every tick and time."""
    household = vault.save(example_plan("large-tx.json")).household_id
    vault.save_detention(household, detention_with_ticks())
    file = tmp_path / "handover.fpv"
    vault.export(household, file, "handover passphrase")
    assert PLACE.encode() not in file.read_bytes()

    other = Vault(tmp_path / "other", MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    other.create()
    imported = other.import_(file, "handover passphrase").household_id
    assert other.load_detention(imported) == detention_with_ticks()


def test_a_file_without_a_log_leaves_the_log_kept_here(vault: Vault, tmp_path: Path) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    file = tmp_path / "before.fpv"
    vault.export(household, file, "handover passphrase")  # exported before the arrest
    vault.save_detention(household, detention_with_ticks())
    vault.import_(file, "handover passphrase")
    assert vault.load_detention(household) == detention_with_ticks()


def test_a_log_that_no_longer_opens_does_not_stop_the_plan_moving(
    vault: Vault, tmp_path: Path
) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    vault.save_detention(household, detention_with_ticks())
    with sqlite3.connect(vault.path) as db:
        db.execute("UPDATE detentions SET sealed = X'00' WHERE household_id = ?", (household,))
    db.close()
    file = tmp_path / "handover.fpv"
    vault.export(household, file, "handover passphrase")
    other = Vault(tmp_path / "other", MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    other.create()
    imported = other.import_(file, "handover passphrase").household_id
    assert other.load(imported) == example_plan("large-tx.json")
    assert other.load_detention(imported) is None


@pytest.mark.parametrize(
    "oversized",
    [{"place": "Ñ" * 5_000_000}, {"what_was_seen": "van " * 1_250_000}, {"steps": "many"}],
)
def test_a_hostile_files_oversized_log_is_refused_and_nothing_is_imported(
    vault: Vault, tmp_path: Path, oversized: dict[str, object]
) -> None:
    """The screen would freeze for half a minute over a 5-million-character place."""
    household = vault.save(example_plan("large-tx.json")).household_id
    if oversized.get("steps") == "many":
        oversized = {"steps": {f"call_contact:c{n}": STARTED for n in range(5_000)}}
    log = Detention.model_construct(**{**detention_with_ticks().__dict__, **oversized})
    file = tmp_path / "hostile.fpv"
    write_export(
        file,
        Exported("0123456789ab", example_plan("large-tx.json"), log),
        "pass phrase 1",
        INSECURE_TEST_COST,
    )
    with pytest.raises(ExportFileInvalid):
        vault.import_(file, "pass phrase 1")
    assert [s.household_id for s in vault.list_households()] == [household]


def test_an_import_whose_log_cannot_be_written_changes_nothing(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    vault.save_detention(household, detention_with_ticks())
    file = tmp_path / "handover.fpv"
    vault.export(household, file, "handover passphrase")
    other = Vault(tmp_path / "other", MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    other.create()

    def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(vault_db, "put_detention", disk_full)
    with pytest.raises(DiskFull):
        other.import_(file, "handover passphrase")
    assert other.list_households() == [], "the plan did not arrive without its log"


def test_an_older_file_does_not_undo_the_ticks_made_since(vault: Vault, tmp_path: Path) -> None:
    household = vault.save(example_plan("large-tx.json")).household_id
    vault.save_detention(household, detention_with_ticks())
    file = tmp_path / "earlier.fpv"
    vault.export(household, file, "handover passphrase")
    later = detention_with_ticks().ticked("case", STARTED + timedelta(hours=2))
    vault.save_detention(household, later)
    vault.import_(file, "handover passphrase")  # the earlier backup brought back
    assert vault.load_detention(household) == later
