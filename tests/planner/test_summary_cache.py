"""The vault's summary cache: an unlock lists from it without reading a household's row, yet the
list is always what the rows say — after another program saves, after damage, after a delete —
and a deleted household's summary leaves the cache with it."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import vault as vault_module
from planner import vault_db
from planner.keys import INSECURE_TEST_COST
from planner.model import Plan
from planner.summary_cache import Known, bucket_of, open_bucket, seal_buckets
from planner.vault import Vault
from planner.vault_errors import StorageFailed
from planner.vault_records import HouseholdSummary, summary_bytes, summary_from
from tests.planner.conftest import MemoryKeyStore, plan_named
from tests.strategies import typed_text, whole_plans

SAVED_AT = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)


def reopened(vault: Vault, keystore: MemoryKeyStore) -> Vault:
    """The same vault opened afresh, as at the next unlock."""
    vault.lock()
    again = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    again.unlock()
    return again


def rows_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The households whose summary row a list reads from now on."""
    read: list[str] = []
    real = vault_db.summary_rows

    def counted(db: sqlite3.Connection, household_ids: list[str]) -> dict[str, bytes]:
        read.extend(household_ids)
        return real(db, household_ids)

    monkeypatch.setattr(vault_db, "summary_rows", counted)
    return read


def change_row(vault: Vault, sql: str, *values: object) -> None:
    with sqlite3.connect(vault.path) as db:
        db.execute(sql, values)
    db.close()


def flipped(value: bytes, position: int) -> bytes:
    changed = bytearray(value)
    changed[position] ^= 0x01
    return bytes(changed)


def test_an_unlock_lists_from_the_cache_and_reads_no_households_row(
    vault: Vault, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Familia Núñez", "Nguyễn Thị Hồng", "王小明", "Familia Ávila"):
        vault.save(plan_named(name))
    first = vault.list_households()  # reads every row, and seals the cache
    read = rows_read(monkeypatch)
    again = reopened(vault, keystore)
    assert again.list_households() == first
    assert [s.sort_name for s in again.list_households()] == [s.sort_name for s in first]
    assert read == []


def test_an_autosave_and_the_list_after_it_read_no_other_households_row(
    vault: Vault, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = vault.save(plan_named("Familia Sin Cambios"))
    edited = vault.save(plan_named("Familia Editada"))
    vault.list_households()
    read = rows_read(monkeypatch)
    vault.save(plan_named("Familia Editada Otra Vez"), edited.household_id)
    names = [s.display_name for s in vault.list_households()]
    assert names == ["Familia Editada Otra Vez", "Familia Sin Cambios"]
    assert read == []
    assert [s.display_name for s in reopened(vault, keystore).list_households()] == names
    assert read == [], "the save put its summary in the cache too"
    assert kept.household_id


def test_a_save_by_another_program_is_listed_from_its_row(
    vault: Vault, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = vault.save(plan_named("Familia Antes"))
    vault.list_households()
    other = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    other.unlock()
    other.save(plan_named("Familia Después"), saved.household_id)
    other.lock()
    read = rows_read(monkeypatch)
    assert [s.display_name for s in vault.list_households()] == ["Familia Después"]
    assert read == [saved.household_id]


def test_a_damaged_cache_changes_nothing_listed_and_is_sealed_again(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    for n in range(12):
        vault.save(plan_named(f"Familia {n:02d}"))
    expected = vault.list_households()
    with sqlite3.connect(vault.path) as db:
        buckets = db.execute("SELECT bucket, sealed FROM summary_cache").fetchall()
        for bucket, sealed in buckets:
            db.execute(
                "UPDATE summary_cache SET sealed = ? WHERE bucket = ?",
                (flipped(sealed, len(sealed) // 2), bucket),
            )
    db.close()
    again = reopened(vault, keystore)
    assert again.list_households() == expected
    with sqlite3.connect(vault.path) as db:
        now = dict(db.execute("SELECT bucket, sealed FROM summary_cache").fetchall())
    db.close()
    assert all(now[bucket] != sealed for bucket, sealed in buckets), "sealed again"


def test_a_changed_key_row_is_damage_even_with_the_cache(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    victim = vault.save(plan_named("Familia Dañada")).household_id
    fine = vault.save(plan_named("Familia Bien")).household_id
    vault.list_households()
    with sqlite3.connect(vault.path) as db:
        (wrapped,) = db.execute(
            "SELECT wrapped_key FROM households WHERE id = ?", (victim,)
        ).fetchone()
    db.close()
    change_row(
        vault, "UPDATE households SET wrapped_key = ? WHERE id = ?", flipped(wrapped, 20), victim
    )
    listed = {s.household_id: s for s in reopened(vault, keystore).list_households()}
    assert listed[victim].damaged and listed[victim].display_name == ""
    assert listed[fine].display_name == "Familia Bien"


def test_a_damaged_summary_row_with_its_summary_cached_still_lists_and_opens(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    """The cache is a second copy of the summary; the plan never needed the summary to open."""
    household = vault.save(plan_named("Familia Copia")).household_id
    vault.list_households()
    change_row(vault, "UPDATE households SET summary = X'00' WHERE id = ?", household)
    again = reopened(vault, keystore)
    [summary] = again.list_households()
    assert (summary.display_name, summary.damaged) == ("Familia Copia", False)
    assert again.load(household).household.display_name == "Familia Copia"


def test_a_deleted_household_leaves_no_summary_in_the_cache(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    gone = vault.save(plan_named("Familia Que Se Va")).household_id
    for n in range(6):
        vault.save(plan_named(f"Familia Que Se Queda {n}"))
    vault.list_households()
    vault.delete(gone)
    db, header, cipher = vault._unlocked_state()
    buckets = vault_db.summary_cache(db)
    known = Known()
    for bucket, sealed in buckets.items():
        opened = open_bucket(cipher, header.vault_id, bucket, sealed)
        assert opened.summaries, "every bucket kept opens under the new key"
        known.update(opened)
    assert gone not in known.summaries
    assert len(known.summaries) == 6
    assert set(buckets) == {bucket_of(h) for h in known.summaries}, (
        "no bucket left over from before the delete"
    )
    assert len(reopened(vault, keystore).list_households()) == 6


def test_a_delete_before_any_list_empties_the_cache(vault: Vault, keystore: MemoryKeyStore) -> None:
    gone = vault.save(plan_named("Familia Que Se Va")).household_id
    vault.save(plan_named("Familia Que Se Queda"))
    vault.list_households()
    again = reopened(vault, keystore)
    again.delete(gone)  # no list yet: nothing known to seal again
    db, _, _ = again._unlocked_state()
    assert vault_db.summary_cache(db) == {}
    assert [s.display_name for s in again.list_households()] == ["Familia Que Se Queda"]


def test_a_vault_made_before_the_cache_gains_its_table(tmp_path: Path) -> None:
    keystore = MemoryKeyStore()
    made = Vault(tmp_path / "vault", keystore, kdf_cost=INSECURE_TEST_COST)
    made.create()
    made.save(plan_named("Familia Antigua"))
    made.lock()
    with sqlite3.connect(made.path) as db:
        db.execute("DROP TABLE summary_cache")
    db.close()
    again = Vault(made.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    again.unlock()
    assert [s.display_name for s in again.list_households()] == ["Familia Antigua"]
    assert [s.display_name for s in reopened(again, keystore).list_households()] == [
        "Familia Antigua"
    ]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans=st.lists(whole_plans(), min_size=1, max_size=4), names=st.lists(typed_text, max_size=4)
)
def test_what_a_bucket_keeps_is_what_the_rows_said(plans: list[Plan], names: list[str]) -> None:
    """Every field of every summary, for plans as people type them (every script, `<`, `&`,
    emoji, right-to-left, line breaks in a name), comes back from a sealed bucket unchanged."""
    cipher = AESGCM(AESGCM.generate_key(bit_length=256))
    known = Known()
    renamed = [
        plan.model_copy(
            update={"household": plan.household.model_copy(update={"display_name": name})}
        )
        for plan, name in zip(
            plans, [*names, *[p.household.display_name for p in plans]], strict=False
        )
    ]
    for n, plan in enumerate(renamed):
        household_id = f"{n:012x}"
        summary = summary_from(household_id, n + 1, summary_bytes(plan, SAVED_AT))
        known.keep(summary, os.urandom(60))
    back = Known()
    for bucket, sealed in seal_buckets(cipher, "vault-7", known).items():
        back.update(open_bucket(cipher, "vault-7", bucket, sealed))
    assert back.summaries == known.summaries
    assert back.keys == known.keys
    assert {h: s.sort_name for h, s in back.summaries.items()} == {
        h: s.sort_name for h, s in known.summaries.items()
    }


def test_a_bucket_opens_only_where_it_was_sealed() -> None:
    cipher = AESGCM(AESGCM.generate_key(bit_length=256))
    known = Known()
    known.keep(HouseholdSummary("3c4d5e6f7a8b", 1, "Familia Uno"), b"k" * 60)
    bucket = bucket_of("3c4d5e6f7a8b")
    sealed = seal_buckets(cipher, "vault-7", known)[bucket]
    assert open_bucket(cipher, "vault-7", bucket, sealed).summaries == known.summaries
    assert open_bucket(cipher, "vault-8", bucket, sealed).summaries == {}
    assert open_bucket(cipher, "vault-7", (bucket + 1) % 64, sealed).summaries == {}
    other = AESGCM(AESGCM.generate_key(bit_length=256))
    assert open_bucket(other, "vault-7", bucket, sealed).summaries == {}


def cached_names(vault: Vault) -> dict[str, str]:
    """Every summary the cache holds, as the vault's current key opens it."""
    db, header, cipher = vault._unlocked_state()
    known = Known()
    for bucket, sealed in vault_db.summary_cache(db).items():
        known.update(open_bucket(cipher, header.vault_id, bucket, sealed))
    return {h: s.display_name for h, s in known.summaries.items()}


def test_a_household_another_window_deleted_never_comes_back_into_the_cache(
    vault: Vault, keystore: MemoryKeyStore
) -> None:
    gone = vault.save(plan_named("Familia Borrada")).household_id
    other = vault.save(plan_named("Familia Otra")).household_id
    third = vault.save(plan_named("Familia Tercera")).household_id
    window = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    window.unlock()
    window.list_households()  # this window knows all three
    vault.delete(gone)  # the first window deletes one: a new vault key
    window.delete(other)  # the second follows the new key, then deletes another
    fresh = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    fresh.unlock()
    assert gone not in cached_names(fresh) and other not in cached_names(fresh)
    assert [s.household_id for s in fresh.list_households()] == [third]
    assert set(cached_names(fresh)) == {third}
    for opened in (fresh, window):
        opened.lock()


def test_a_save_that_failed_leaves_nothing_of_itself_in_the_list(
    vault: Vault, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    household = vault.save(plan_named("Familia Original")).household_id
    window = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    window.unlock()
    vault.list_households()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise StorageFailed(reason="OSError")

    with monkeypatch.context() as patched:
        patched.setattr(vault_module, "_put_header", disk_full)
        with pytest.raises(StorageFailed):
            vault.save(plan_named("Familia Nunca Guardada"), household)
    window.save(plan_named("Familia Guardada Por La Otra"), household)  # the same revision
    window.lock()
    assert [s.display_name for s in vault.list_households()] == ["Familia Guardada Por La Otra"]
    assert [s.display_name for s in reopened(vault, keystore).list_households()] == [
        "Familia Guardada Por La Otra"
    ]


def test_after_a_delete_the_next_unlock_still_reads_no_households_row(
    vault: Vault, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A delete rewraps every household's key under the new vault key: the cache keeps the
    rewrapped keys, or it would never match a row again."""
    households = [vault.save(plan_named(f"Familia {n:02d}")).household_id for n in range(20)]
    vault.list_households()
    vault.delete(households[0])
    read = rows_read(monkeypatch)
    assert len(vault.list_households()) == 19
    assert len(reopened(vault, keystore).list_households()) == 19
    assert read == []
