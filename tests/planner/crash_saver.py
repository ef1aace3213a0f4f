"""A fork server for the crash test: children save revisions in a loop until SIGKILL cuts them off.

Run as `python -m tests.planner.crash_saver FOLDER HOUSEHOLD_ID`. For each `round SEED` line on
stdin it forks a child that unlocks the vault and saves revision after revision of the household
(each plan's notes name its own revision number, and now and then a scratch household is saved and
deleted, which rotates the vault key). The server kills the child at a random moment and answers
`killed N`, N being the newest revision the child reported as committed (0 if none). Forking from
one warm process keeps 200 rounds well under a minute.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sys
import time
from pathlib import Path

from planner.keys import INSECURE_TEST_COST
from planner.vault import Vault
from tests.conftest import example_plan
from tests.planner.conftest import TEST_PASSPHRASE, MemoryKeyStore, plan_named


def save_forever(folder: Path, household_id: str, report: int) -> None:
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.unlock(TEST_PASSPHRASE)
    revision = next(s.revision for s in vault.list_households() if s.household_id == household_id)
    plan = example_plan("large-tx.json")
    os.write(report, b"ready\n")
    while True:
        revision += 1
        saved = vault.save(plan.model_copy(update={"notes": f"revision {revision}"}), household_id)
        assert saved.revision == revision
        os.write(report, f"committed {revision}\n".encode())
        if revision % 5 == 0:
            scratch = vault.save(plan_named("Familia Temporal"))
            vault.delete(scratch.household_id)


def read_until(fd: int, marker: bytes, seen: bytearray, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while marker not in seen:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return False
        chunk = os.read(fd, 4096)
        if not chunk:
            return False
        seen += chunk
    return True


def one_round(folder: Path, household_id: str, rng: random.Random) -> str:
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(reader)
        try:
            save_forever(folder, household_id, writer)
        finally:
            os._exit(1)
    os.close(writer)
    seen = bytearray()
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0, 0.01))  # sometimes while it is still opening the vault
    elif not read_until(reader, b"ready\n", seen, timeout=10):
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        return "error: the child never became ready"
    else:
        time.sleep(rng.uniform(0, 0.04))
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    while chunk := os.read(reader, 65536):
        seen += chunk
    os.close(reader)
    committed = [
        int(line.split()[1]) for line in seen.splitlines() if line.startswith(b"committed")
    ]
    return f"killed {max(committed, default=0)}"


def main() -> None:
    folder, household_id = Path(sys.argv[1]), sys.argv[2]
    for line in sys.stdin:
        command, *rest = line.split()
        if command == "quit":
            return
        answer = one_round(folder, household_id, random.Random(int(rest[0])))  # noqa: S311
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
