"""Vault benchmark: a navigator's 1,000 households — unlock and list, save one plan, load one.

Run with the project's Python: `.venv/bin/python bench/vault.py`. Prints one figure a line as
`name: value unit`, each the median of several runs. Targets: unlock + list ≤ 300 ms (without
Argon2id, which is reported on its own line: it is paid once per unlock in passphrase mode only),
save ≤ 20 ms, load ≤ 10 ms. A new recovery code, passphrase or PIN replaces the vault key and
wraps every household's key again: those lines are at 1,000 households (Argon2id included where
a new passphrase or PIN is derived). The vault lives in a temporary folder and uses an in-memory
keyring, so the figures are the vault's own, not those of a particular Secret Service.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planner.keys import PASSPHRASE_COST, KdfParams, derive_key
from planner.model import Plan
from planner.resources import resource
from planner.vault import Vault

HOUSEHOLDS = 1000


class MemoryKeyStore:
    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self.entries.get(name)

    def set(self, name: str, secret: bytes) -> None:
        self.entries[name] = secret

    def delete(self, name: str) -> None:
        self.entries.pop(name, None)


def median_ms(work: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def example(name: str) -> Plan:
    return Plan.model_validate_json(resource("examples", name).read_text(encoding="utf-8"))


PIN = "benchmark pin 2468"
"""Unlocking derives the PIN's key (Argon2id, as a navigator does), then reads the keyring."""


def main() -> None:
    plans = [example(name) for name in ("small-ca.json", "mixed-names-ny.json", "large-tx.json")]
    with tempfile.TemporaryDirectory() as folder:
        keystore = MemoryKeyStore()
        vault = Vault(Path(folder), keystore)
        vault.create(pin=PIN)
        ids = []
        for n in range(HOUSEHOLDS):
            plan = plans[n % len(plans)]
            renamed = plan.household.model_copy(update={"display_name": f"Familia {n:04d}"})
            ids.append(vault.save(plan.model_copy(update={"household": renamed})).household_id)
        vault.lock()

        def unlock_and_list() -> None:
            fresh = Vault(Path(folder), keystore)
            fresh.unlock(PIN)
            assert len(fresh.list_households()) == HOUSEHOLDS
            fresh.lock()

        print(f"households: {HOUSEHOLDS} count")
        print(f"unlock_with_pin_and_list_median: {median_ms(unlock_and_list, 9):.1f} ms")

        params = KdfParams.new(PASSPHRASE_COST)
        argon2 = median_ms(lambda: derive_key("a passphrase for the benchmark", params), 5)
        print(f"argon2id_64mib_t3_median: {argon2:.1f} ms")

        vault = Vault(Path(folder), keystore)
        vault.unlock(PIN)
        vault.list_households()
        large = plans[2]
        target = ids[2]  # a large-tx household
        print(f"save_large_plan_median: {median_ms(lambda: vault.save(large, target), 50):.2f} ms")
        small, small_target = plans[0], ids[0]
        small_save = median_ms(lambda: vault.save(small, small_target), 50)
        print(f"save_small_plan_median: {small_save:.2f} ms")
        print(f"load_large_plan_median: {median_ms(lambda: vault.load(target), 50):.2f} ms")
        print(f"load_small_plan_median: {median_ms(lambda: vault.load(small_target), 50):.2f} ms")
        code_ms = median_ms(vault.new_recovery_code, 5)
        print(f"new_recovery_code_rotation_median: {code_ms:.1f} ms")
        passphrase_ms = median_ms(lambda: vault.use_passphrase("a passphrase for the bench"), 5)
        print(f"new_passphrase_rotation_median: {passphrase_ms:.1f} ms")
        vault.use_keyring(PIN)
        print(f"new_pin_rotation_median: {median_ms(lambda: vault.set_pin(PIN), 5):.1f} ms")
        vault.lock()
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1024 / 1024
        print(f"vault_file_size: {size:.1f} MiB")


if __name__ == "__main__":
    main()
