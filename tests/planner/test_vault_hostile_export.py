"""Export files from someone else: nothing in one may make the program derive for minutes, read
gigabytes, or wait forever. Each is refused at once with one sentence."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from planner.vault import Vault
from planner.vault_errors import ExportFileInvalid
from tests.planner.conftest import plan_named


def an_export(vault: Vault, tmp_path: Path) -> dict[str, object]:
    saved = vault.save(plan_named("Familia Exportada"))
    file = tmp_path / "export.json"
    vault.export(saved.household_id, file, "export passphrase")
    return dict(json.loads(file.read_text()))


def refused_at_once(vault: Vault, file: Path) -> ExportFileInvalid:
    """Import `file`, in a thread that must finish within two seconds."""
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            vault.import_(file, "export passphrase")
            outcome.append(None)
        except BaseException as error:  # carried back to the test
            outcome.append(error)

    started = time.monotonic()
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(2.0)
    assert not worker.is_alive(), "the import hung"
    assert time.monotonic() - started < 2.0
    assert isinstance(outcome[0], ExportFileInvalid), outcome
    return outcome[0]


@pytest.mark.parametrize(
    "cost",
    [
        {"memory_kib": 4 * 1024 * 1024, "iterations": 64, "lanes": 64},
        {"memory_kib": 1024 * 1024, "iterations": 3, "lanes": 4},
        {"memory_kib": 65536, "iterations": 11, "lanes": 4},
        {"memory_kib": 65536, "iterations": 3, "lanes": 9},
    ],
    ids=["4 GiB x 64 x 64", "1 GiB", "11 passes", "9 lanes"],
)
def test_a_key_derivation_beyond_the_documented_range_is_refused_before_deriving(
    vault: Vault, tmp_path: Path, cost: dict[str, int]
) -> None:
    """Before, 4 GiB × 64 passes × 64 lanes ran for 379 s and took 4.2 GB, then said "wrong
    passphrase"."""
    document = an_export(vault, tmp_path)
    hostile = tmp_path / "hostile.json"
    kdf = dict(document["kdf"])  # type: ignore[call-overload]
    hostile.write_text(json.dumps({**document, "kdf": {**kdf, **cost}}))
    assert "not an exported household file" in str(refused_at_once(vault, hostile))


def test_devices_pipes_and_huge_files_are_refused_without_reading_them(
    vault: Vault, tmp_path: Path
) -> None:
    """Before, `vault import /dev/zero` read 2.7 GB and died with a MemoryError traceback."""
    assert "not a file" in str(refused_at_once(vault, Path("/dev/zero")))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a file" in str(refused_at_once(vault, fifo))
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(9_000_000)  # sparse: no disk used
    assert "larger than any exported household" in str(refused_at_once(vault, huge))
    assert "Choose the exported household file" in str(refused_at_once(vault, tmp_path))
