"""Crash test: a process saving in a loop is SIGKILLed at random moments, 200 times; after every
kill the vault opens, SQLite's integrity check passes, and the newest committed revision reads."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.keys import INSECURE_TEST_COST
from planner.vault import Vault
from tests.conftest import example_plan
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore

ROUNDS = 200
REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash test forks (POSIX only)")
def test_a_saver_killed_at_random_moments_never_loses_a_committed_revision(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "vault"
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.create(TEST_PASSPHRASE)
    plan = example_plan("large-tx.json")
    household_id = vault.save(plan.model_copy(update={"notes": "revision 1"})).household_id
    vault.lock()

    seed = int(os.environ.get("CRASH_TEST_SEED", "20261125"))
    rng = random.Random(seed)  # noqa: S311 -- reproducible kill times, not secrets
    errors = tmp_path / "server-errors.txt"
    with errors.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.planner.crash_saver", str(folder), household_id],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True,
            cwd=REPOSITORY,
        )  # fmt: skip
    assert server.stdin is not None and server.stdout is not None
    started, newest, kills = time.monotonic(), 1, 0
    try:
        for round_number in range(ROUNDS):
            server.stdin.write(f"round {rng.randrange(2**32)}\n")
            server.stdin.flush()
            answer = server.stdout.readline().strip()
            assert answer.startswith("killed"), f"{answer!r}: {errors.read_text()[-2000:]}"
            kills += 1
            committed = int(answer.split()[1])
            context = f"round {round_number} (seed {seed}), committed {committed}"

            with sqlite3.connect(folder / "vault.sqlite3") as db:
                assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
            vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
            vault.unlock(TEST_PASSPHRASE)
            summaries = vault.list_households()
            assert not any(s.damaged for s in summaries), context
            current = next(s for s in summaries if s.household_id == household_id)
            floor = max(committed, newest)  # what the child reported, or an earlier round saw
            # At most one save can have committed after the child's last report.
            assert floor <= current.revision <= floor + 1, context
            assert vault.load(household_id).notes == f"revision {current.revision}", context
            assert vault.load(household_id, floor).notes == f"revision {floor}", context
            newest = current.revision
            vault.lock()
    finally:
        server.stdin.write("quit\n")
        server.stdin.close()
        server.wait(timeout=30)
    elapsed = time.monotonic() - started
    assert kills == ROUNDS
    assert newest > ROUNDS // 2, "the children did save between kills"
    print(f"{kills} kills, {newest} revisions, {elapsed:.1f} s")
