"""Changed bytes: exactly the household they belong to reports damage, or for the header the whole
vault does; everything else opens, and nothing is written over what is damaged."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.keys import INSECURE_TEST_COST
from planner.vault import Vault
from planner.vault_errors import (
    HouseholdDamaged,
    VaultDamaged,
    VaultFromNewerVersion,
    WrongPassphrase,
)
from planner.vault_header import Mode, _canonical
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore, plan_named


@dataclass
class Household:
    household_id: str
    name: str


@dataclass
class Scene:
    folder: Path
    keystore: MemoryKeyStore
    victim: Household
    others: list[Household]

    def vault(self) -> Vault:
        return Vault(self.folder, self.keystore, kdf_cost=INSECURE_TEST_COST)

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.folder / "vault.sqlite3", isolation_level=None)

    def snapshot(self) -> dict[str, list[tuple[object, ...]]]:
        with self.db() as db:
            return {
                table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())  # noqa: S608
                for table in ("header", "households", "revisions")
            }


def build_scene(folder: Path, mode: Mode) -> Scene:
    keystore = MemoryKeyStore()
    vault = Vault(folder, keystore, kdf_cost=INSECURE_TEST_COST)
    vault.create(TEST_PASSPHRASE if mode is Mode.PASSPHRASE else None)
    households = []
    for name in ("Familia Uno", "Familia Dos", "Familia Tres"):
        saved = vault.save(plan_named(name, notes="first"))
        vault.save(plan_named(name, notes="second"), saved.household_id)
        households.append(Household(saved.household_id, name))
    vault.lock()
    return Scene(folder, keystore, households[1], [households[0], households[2]])


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    return build_scene(tmp_path_factory.mktemp("tamper"), Mode.KEYRING)


def flipped(value: bytes, position: int) -> bytes:
    changed = bytearray(value)
    changed[position] ^= 0x01
    return bytes(changed)


def positions(length: int, every: bool) -> Iterator[int]:
    """Every byte of a small blob; for a large one the nonce, the tag and a sample between."""
    if every or length <= 80:
        yield from range(length)
        return
    yield from (*range(12), *range(length - 16, length), *range(12, length - 16, length // 40))


def assert_the_others_open(vault: Vault, scene: Scene) -> None:
    listed = {s.household_id: s for s in vault.list_households()}
    for other in scene.others:
        assert not listed[other.household_id].damaged
        assert listed[other.household_id].display_name == other.name
        assert vault.load(other.household_id).notes == "second"


def tamper_cases(scene: Scene) -> Iterator[tuple[str, str, str, bytes]]:
    """(what, SQL to put a value back, its key column value, original bytes)."""
    victim = scene.victim.household_id
    with scene.db() as db:
        wrapped, summary = db.execute(
            "SELECT wrapped_key, summary FROM households WHERE id = ?", (victim,)
        ).fetchone()
        payload = db.execute(
            "SELECT payload FROM revisions WHERE household_id = ? AND revision = 2", (victim,)
        ).fetchone()[0]
    yield "wrapped_key", "UPDATE households SET wrapped_key = ? WHERE id = ?", victim, wrapped
    yield "summary", "UPDATE households SET summary = ? WHERE id = ?", victim, summary
    yield "payload", "UPDATE revisions SET payload = ? WHERE revision = 2 AND household_id = ?", victim, payload  # noqa: E501  # fmt: skip


def test_a_changed_byte_in_a_household_damages_only_that_household(scene: Scene) -> None:
    before = scene.snapshot()
    victim = scene.victim.household_id
    for what, sql, key, original in tamper_cases(scene):
        for position in positions(len(original), every=what == "wrapped_key"):
            with scene.db() as db:
                db.execute(sql, (flipped(original, position), key))
            tampered = scene.snapshot()
            vault = scene.vault()
            vault.unlock()
            listed = {s.household_id: s for s in vault.list_households()}
            assert listed[victim].damaged == (what != "payload"), (what, position)
            if what != "summary":
                with pytest.raises(HouseholdDamaged) as damaged:
                    vault.load(victim)
                assert str(damaged.value) == (
                    f"Household {victim} is damaged and cannot be read; the other households are "
                    "fine. It was left as it is: restore it from an exported file or a backup."
                )
                assert f"El hogar {victim} está dañado" in damaged.value.message("es")
            if what == "wrapped_key":
                with pytest.raises(HouseholdDamaged):
                    vault.save(plan_named("Empty"), victim)
            assert_the_others_open(vault, scene)
            vault.lock()
            assert scene.snapshot() == tampered, "nothing was written over the damage"
            with scene.db() as db:
                db.execute(sql, (original, key))
    assert scene.snapshot() == before


def test_rows_cannot_be_swapped_between_households_or_rolled_back(scene: Scene) -> None:
    victim, other = scene.victim.household_id, scene.others[0].household_id
    with scene.db() as db:
        old = db.execute(
            "SELECT payload FROM revisions WHERE household_id = ? AND revision = 1", (victim,)
        ).fetchone()[0]
        new = db.execute(
            "SELECT payload FROM revisions WHERE household_id = ? AND revision = 2", (victim,)
        ).fetchone()[0]
        foreign = db.execute(
            "SELECT payload FROM revisions WHERE household_id = ? AND revision = 2", (other,)
        ).fetchone()[0]
    put = "UPDATE revisions SET payload = ? WHERE household_id = ? AND revision = 2"
    for replacement in (old, foreign):
        with scene.db() as db:
            db.execute(put, (replacement, victim))
        vault = scene.vault()
        vault.unlock()
        with pytest.raises(HouseholdDamaged):
            vault.load(victim)
        assert_the_others_open(vault, scene)
        vault.lock()
    with scene.db() as db:
        db.execute(put, (new, victim))


def test_a_changed_byte_in_the_header_damages_the_whole_vault_and_changes_nothing(
    scene: Scene,
) -> None:
    before = scene.snapshot()
    with scene.db() as db:
        header = dict(db.execute("SELECT name, value FROM header").fetchall())
    assert {"kdf", "passphrase_wrapped_key"}.isdisjoint(header), "keyring mode"
    for name, original in header.items():
        for position in range(len(original)):
            with scene.db() as db:
                db.execute(
                    "UPDATE header SET value = ? WHERE name = ?",
                    (flipped(original, position), name),
                )
            vault = scene.vault()
            with pytest.raises((VaultDamaged, VaultFromNewerVersion)) as refused:
                vault.unlock()
            if isinstance(refused.value, VaultDamaged):
                assert "header is damaged, so no household in it can be opened" in str(
                    refused.value
                )
            else:
                assert name == "format_version"
            with scene.db() as db:
                db.execute("UPDATE header SET value = ? WHERE name = ?", (original, name))
    assert scene.snapshot() == before
    vault = scene.vault()
    vault.unlock()
    assert_the_others_open(vault, scene)
    vault.lock()


def test_passphrase_mode_header_damage_is_damage_not_a_wrong_passphrase(tmp_path: Path) -> None:
    scene = build_scene(tmp_path, Mode.PASSPHRASE)
    with scene.db() as db:
        header = dict(db.execute("SELECT name, value FROM header").fetchall())
    for name in ("kdf", "passphrase_wrapped_key", "recovery_sealed_key"):
        for position in (0, len(header[name]) // 2, len(header[name]) - 1):
            with scene.db() as db:
                db.execute(
                    "UPDATE header SET value = ? WHERE name = ?",
                    (flipped(header[name], position), name),
                )
            with pytest.raises(VaultDamaged):
                scene.vault().unlock(TEST_PASSPHRASE)
            with scene.db() as db:
                db.execute("UPDATE header SET value = ? WHERE name = ?", (header[name], name))
    scene.vault().unlock(TEST_PASSPHRASE)


def rewrite_header_with_digest(scene: Scene, name: str, value: bytes) -> None:
    """What a deliberate attacker would do: change a field and recompute the plain digest."""
    from planner.vault_header import _canonical

    with scene.db() as db:
        header = dict(db.execute("SELECT name, value FROM header").fetchall())
        header[name] = value
        del header["header_digest"]
        header["header_digest"] = hashlib.sha256(_canonical(header)).digest()
        for key in (name, "header_digest"):
            db.execute("UPDATE header SET value = ? WHERE name = ?", (header[key], key))


def test_weakened_kdf_parameters_do_not_unwrap_even_with_a_recomputed_digest(
    tmp_path: Path,
) -> None:
    scene = build_scene(tmp_path, Mode.PASSPHRASE)
    with scene.db() as db:
        kdf = db.execute("SELECT value FROM header WHERE name = 'kdf'").fetchone()[0]
    rewrite_header_with_digest(scene, "kdf", kdf.replace(b'"iterations": 1', b'"iterations": 2'))
    with pytest.raises(WrongPassphrase):
        scene.vault().unlock(TEST_PASSPHRASE)


def test_a_swapped_recovery_key_is_caught_by_the_header_mac(tmp_path: Path) -> None:
    from planner.keys import RecoveryCode

    scene = build_scene(tmp_path, Mode.KEYRING)
    with scene.db() as db:
        vault_id = db.execute("SELECT value FROM header WHERE name = 'vault_id'").fetchone()[0]
    attacker = RecoveryCode.generate().public_key(vault_id.decode())
    rewrite_header_with_digest(scene, "recovery_public_key", attacker)
    with pytest.raises(VaultDamaged):
        vault = scene.vault()
        vault.unlock()


def test_a_household_removed_or_put_back_to_an_older_copy_is_damage(tmp_path: Path) -> None:
    """Before, deleting a household's rows with SQLite, or putting a whole household back as an
    older copy had it, went unnoticed: the header now lists each household's revision under the
    vault key."""
    scene = build_scene(tmp_path / "vault", Mode.KEYRING)
    older = scene.snapshot()
    victim, gone = scene.victim.household_id, scene.others[0].household_id
    vault = scene.vault()
    vault.unlock()
    vault.save(plan_named("Familia Dos", notes="third"), victim)
    vault.lock()
    with scene.db() as db:  # the victim, whole, as the older copy had it; the other one removed
        db.execute("DELETE FROM revisions WHERE household_id IN (?, ?)", (victim, gone))
        db.execute("DELETE FROM households WHERE id IN (?, ?)", (victim, gone))
        db.executemany(
            "INSERT INTO households VALUES (?, ?, ?, ?)",
            [row for row in older["households"] if row[0] == victim],
        )
        db.executemany(
            "INSERT INTO revisions VALUES (?, ?, ?)",
            [row for row in older["revisions"] if row[0] == victim],
        )
    tampered = scene.snapshot()

    vault = scene.vault()
    vault.unlock()
    listed = {s.household_id: s.damaged for s in vault.list_households()}
    assert listed == {victim: True, gone: True, scene.others[1].household_id: False}
    for household in (victim, gone):
        with pytest.raises(HouseholdDamaged):
            vault.load(household)
    with pytest.raises(HouseholdDamaged):
        vault.save(plan_named("Familia Dos", notes="over it"), victim)
    assert vault.load(scene.others[1].household_id).notes == "second"
    vault.lock()
    assert scene.snapshot() == tampered, "nothing was written over the damage"


def test_the_list_of_households_cannot_be_rewritten_without_the_key(tmp_path: Path) -> None:
    scene = build_scene(tmp_path / "vault", Mode.KEYRING)
    with scene.db() as db:
        db.execute("DELETE FROM households WHERE id = ?", (scene.victim.household_id,))
        listed = dict(db.execute("SELECT name, value FROM header").fetchall())["households"]
        households = json.loads(listed)
        del households[scene.victim.household_id]
        shorter = json.dumps(households, sort_keys=True).encode()
        db.execute("UPDATE header SET value = ? WHERE name = 'households'", (shorter,))
        rows = dict(db.execute("SELECT name, value FROM header WHERE name != 'header_digest'"))
        digest = hashlib.sha256(_canonical(rows)).digest()  # as a careful forger would
        db.execute("UPDATE header SET value = ? WHERE name = 'header_digest'", (digest,))
    with pytest.raises(VaultDamaged, match="header is damaged"):
        scene.vault().unlock()  # only the MAC under the vault key stops it


def test_a_list_forged_while_the_vault_is_open_is_never_signed_by_a_key_change(
    tmp_path: Path,
) -> None:
    """Every write checks the header's list under the vault key before it writes a new one:
    a key change must not vouch, under its new key, for a list someone rewrote meanwhile."""
    scene = build_scene(tmp_path / "vault", Mode.KEYRING)
    vault = scene.vault()
    vault.unlock()
    with scene.db() as db:
        db.execute("DELETE FROM households WHERE id = ?", (scene.victim.household_id,))
        listed = dict(db.execute("SELECT name, value FROM header").fetchall())["households"]
        households = json.loads(listed)
        del households[scene.victim.household_id]
        forged = json.dumps(households, sort_keys=True).encode()
        db.execute("UPDATE header SET value = ? WHERE name = 'households'", (forged,))
        rows = dict(db.execute("SELECT name, value FROM header WHERE name != 'header_digest'"))
        digest = hashlib.sha256(_canonical(rows)).digest()
        db.execute("UPDATE header SET value = ? WHERE name = 'header_digest'", (digest,))
    tampered = scene.snapshot()
    with pytest.raises(VaultDamaged):
        vault.new_recovery_code()
    vault.lock()
    assert scene.snapshot() == tampered, "nothing was written, nothing re-signed"
