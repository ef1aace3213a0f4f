"""Caseload benchmark: a navigator's 1,000 and 10,000 households — unlock and list, search, filter.

Run with the project's Python: `.venv/bin/python bench/caseload.py` (a few minutes: the 11,000
households are saved first, and each save rewrites the header's list of every household).
Prints one figure a line as `name: value unit`, each the median of several runs, per vault size.
Targets (issue #15), at 10,000 households: unlock + list ≤ 100 ms without Argon2id, a search
keystroke ≤ 50 ms. Argon2id (the PIN's key, paid once per unlock) is on its own line and in
`unlock_with_pin_and_list`; the line without it derives the PIN's key once and reuses it,
everything else as a navigator's unlock. Each is timed from the unlock to the list in hand (the
lock that ends a session is not part of the wait). `list_without_cache` is the same with the
vault's summary cache emptied first (planner.summary_cache): the first unlock after an upgrade,
or after a delete made before any list; it reads every household's row and seals the cache
again. `list_again` is a second list on an open vault, and `save_and_list_again` an autosave
and the list the window asks for after it. A keystroke is `caseload.select` over the listed
summaries for a query typed one character at a time (names in several scripts, a phone, an
A-number): the median over all the characters. The households are invented and varied (names
in several scripts, phones, states, signed and unsigned papers, reviews due and not); the vault
lives in a temporary folder and uses an in-memory keyring, so the figures are the vault's own.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from unittest import mock

from planner import caseload, vault_pin
from planner.keys import KdfParams, derive_key
from planner.model import Phone, Plan
from planner.resources import resource
from planner.vault import Vault
from planner.vault_pin import read_entry

SIZES = (1000, 10_000)
PIN = "benchmark pin 2468"
TODAY = date(2026, 12, 6)

GIVEN = ["Sofía", "Mateo José", "Thị Hồng", "Đức", "محمد", "فاطمة", "小明", "娜", "अनीता",
         "राहुल", "Ольга", "Дмитрий", "Wesner", "Łukasz", "Zoë", "Céleste", "Minh Anh"]  # fmt: skip
FAMILY = ["Ramírez", "Morales Pérez", "Nguyễn", "Jean-Baptiste", "حسن", "王", "李", "शर्मा",
          "Иванова", "O'Brien", "Xicará", "Trần", "García López", "Pierre-Louis"]  # fmt: skip
STATES = ["CA", "TX", "NY", "IL", "WA", "AZ", "FL", "GA", "MA", "NJ", "NC", "CO", "OR"]
FAMILY_FIRST = {"Nguyễn", "王", "李", "Trần"}
QUERIES = ["Nguyễn Thị", "иванова", "王小明", "(347) 555-0126", "A-208-000-317", "garcia lop"]
"""Each names somebody in both vaults (household 126's phone, household 317's A-number)."""


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


def household(base: Plan, n: int, pick: random.Random) -> Plan:
    """An invented household from an example: other names, phones, A-numbers, state, papers."""
    family = pick.choice(FAMILY)
    adults = [
        adult.model_copy(
            update={
                "given_names": pick.choice(GIVEN),
                "family_names": family,
                "family_name_first": family in FAMILY_FIRST,
                "phones": [Phone(number=f"+1{[713, 213, 347, 917][n % 4]}555{n % 10_000:04d}")],
                "case": adult.case
                and adult.case.model_copy(update={"a_number": f"{208_000_000 + n:09d}"}),
            }
        )
        for adult in base.adults
    ]
    children = [
        child.model_copy(
            update={
                "given_names": pick.choice(GIVEN),
                "family_names": family,
                "family_name_first": family in FAMILY_FIRST,
                "care": child.care.model_copy(
                    update={
                        "paper_signed_on": pick.choice(
                            [None, TODAY - timedelta(pick.randrange(800))]
                        ),
                        "alternate_caregiver_id": pick.choice(
                            [None, *[child.care.alternate_caregiver_id] * 5]
                        ),
                    }
                ),
            }
        )
        for child in base.children
    ]
    review = base.review.model_copy(
        update={"next_review": pick.choice([None, TODAY + timedelta(pick.randrange(-60, 200))])}
    )
    place = base.household.model_copy(
        update={"display_name": f"{family} {n}", "state": pick.choice(STATES)}
    )
    return base.model_copy(
        update={"household": place, "adults": adults, "children": children, "review": review}
    )


def argon2id_once() -> contextlib.AbstractContextManager[object]:
    """Derive each PIN's key once and reuse it: Argon2id out of the unlock line that says so."""
    derived: dict[tuple[str, str], bytes] = {}

    def remembered(passphrase: str, params: KdfParams) -> bytes:
        found = derived.get((passphrase, params.to_json()))
        if found is None:
            found = derived[(passphrase, params.to_json())] = derive_key(passphrase, params)
        return found

    return mock.patch.object(vault_pin, "derive_key", remembered)


def typed(query: str) -> list[str]:
    return [query[: i + 1] for i in range(len(query))]


def measure(size: int, plans: list[Plan]) -> None:
    pick = random.Random(size)
    with tempfile.TemporaryDirectory() as folder:
        keystore = MemoryKeyStore()
        vault = Vault(Path(folder), keystore)
        vault.create(pin=PIN)
        for n in range(size):
            vault.save(household(plans[n % len(plans)], n, pick))
        vault.lock()

        def unlock_and_list(runs: int, before: Callable[[], object] = lambda: None) -> float:
            timings = []
            for _ in range(runs):
                before()
                fresh = Vault(Path(folder), keystore)
                started = time.perf_counter()
                fresh.unlock(PIN)
                listed = fresh.list_households()
                timings.append((time.perf_counter() - started) * 1000)
                assert len(listed) == size
                fresh.lock()
                del listed, fresh  # freed here, as at a lock, not inside the next run's timing
            return statistics.median(timings)

        def empty_cache() -> None:
            with contextlib.closing(sqlite3.connect(Path(folder) / "vault.sqlite3")) as db, db:
                db.execute("DELETE FROM summary_cache")

        print(f"households: {size} count")
        print(f"unlock_with_pin_and_list_median_{size}: {unlock_and_list(5):.1f} ms")
        entry = read_entry(next(iter(keystore.entries.values())))
        assert entry is not None
        argon2 = median_ms(lambda: derive_key(PIN, entry.kdf), 5)
        print(f"argon2id_pin_median_{size}: {argon2:.1f} ms")
        with argon2id_once():
            without = unlock_and_list(9)
            print(f"unlock_and_list_without_argon2id_median_{size}: {without:.1f} ms")
            cold = unlock_and_list(3, before=empty_cache)
            print(f"unlock_and_list_without_cache_median_{size}: {cold:.1f} ms")

        vault = Vault(Path(folder), keystore)
        vault.unlock(PIN)
        summaries = vault.list_households()
        print(f"list_again_median_{size}: {median_ms(vault.list_households, 9):.1f} ms")
        edited = vault.load(summaries[size // 2].household_id)

        def save_and_list() -> None:
            vault.save(edited, summaries[size // 2].household_id)
            vault.list_households()

        print(f"save_and_list_again_median_{size}: {median_ms(save_and_list, 9):.1f} ms")
        vault.lock()

        keystrokes = [q for query in QUERIES for q in typed(query)]
        found = {query: len(caseload.select(summaries, query, today=TODAY)) for query in QUERIES}
        assert all(found.values()), found  # every query names somebody in the vault
        keystroke = statistics.median(
            median_ms(partial(caseload.select, summaries, q, today=TODAY), 3) for q in keystrokes
        )
        print(f"search_keystroke_median_{size}: {keystroke:.2f} ms")
        for chosen in [*caseload.FILTERS, caseload.in_state("TX")]:
            ms = median_ms(partial(caseload.select, summaries, "", [chosen], TODAY), 9)
            print(f"filter_{chosen.id}_median_{size}: {ms:.2f} ms")
        for column in caseload.SORT_KEYS:
            ms = median_ms(partial(caseload.sort_by, summaries, column, TODAY), 5)
            print(f"sort_{column}_median_{size}: {ms:.1f} ms")


def main() -> None:
    plans = [example(name) for name in ("small-ca.json", "mixed-names-ny.json", "large-tx.json")]
    for size in SIZES:
        measure(size, plans)


if __name__ == "__main__":
    main()
