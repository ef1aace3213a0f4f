"""Nothing of a plan reaches the disk in the clear: not the database, its WAL, nor the temp dir."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from planner.keys import INSECURE_TEST_COST
from planner.vault import Vault
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore, sentinel_plan

_LARGEST_FILE = 64 * 1024 * 1024


def files_under(folder: Path, changed_since: float) -> Iterator[Path]:
    """Regular files under `folder` written since a moment (the temp folder is shared and big)."""
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            try:
                info = path.lstat()
            except OSError:
                continue  # vanished meanwhile: another process's file
            if (
                stat.S_ISREG(info.st_mode)
                and info.st_mtime >= changed_since
                and info.st_size < _LARGEST_FILE
            ):
                yield path


def found(
    sentinels: list[str], folders: list[Path], changed_since: float = 0
) -> list[tuple[str, str]]:
    needles = [s.encode() for s in sentinels] + [s.encode("utf-16-le") for s in sentinels]
    hits = []
    for folder in folders:
        for path in files_under(folder, changed_since):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            hits += [(str(path), needle.decode(errors="replace")) for needle in needles if needle in data]  # noqa: E501  # fmt: skip
    return hits


def test_no_sentinel_from_any_plan_is_on_disk_in_the_clear(tmp_path: Path) -> None:
    started = time.time() - 2  # file systems with coarse time stamps
    folder = tmp_path / "vault"
    # Python's temp folder, and SQLite's own first choice when TMPDIR is unset (before /tmp).
    temps = sorted({Path(tempfile.gettempdir()), *[p for p in (Path("/var/tmp"),) if p.is_dir()]})
    every_sentinel: list[str] = []
    for mode_passphrase in (None, TEST_PASSPHRASE):
        vault = Vault(
            folder / ((mode_passphrase and "passphrase") or "keyring"),
            MemoryKeyStore(),
            kdf_cost=INSECURE_TEST_COST,
        )
        vault.create(mode_passphrase)
        ids = []
        for _ in range(5):
            plan, sentinels = sentinel_plan()
            every_sentinel += sentinels
            saved = vault.save(plan)
            for _ in range(3):
                vault.save(plan, saved.household_id)
            ids.append(saved.household_id)
        vault.delete(ids[0])
        vault.export(ids[1], tmp_path / "export.json", "export passphrase")
        vault.import_(tmp_path / "export.json", "export passphrase")
        vault.list_households()
        # With the vault still open: the WAL and shared-memory files are there to be scanned.
        assert any(p.name.endswith("-wal") for p in vault.folder.iterdir())
        assert found(every_sentinel, [tmp_path]) == []
        assert found(every_sentinel, temps, changed_since=started) == []
        vault.lock()
    assert found(every_sentinel, [tmp_path]) == []
    assert found(every_sentinel, temps, changed_since=started) == []


def test_the_scan_would_see_a_sentinel_written_in_the_clear(tmp_path: Path) -> None:
    plan, sentinels = sentinel_plan()
    (tmp_path / "plain.json").write_text(plan.model_dump_json())
    assert {hit for _, hit in found(sentinels, [tmp_path])} == set(sentinels)
