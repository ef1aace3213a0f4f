"""The household list kept whole, so that an unlock opens a few sealed blobs rather than every
household's key and summary (10,000 of each for a busy navigator: `bench/caseload.py`).

The cache is a second copy of what the households' summary rows say, and only ever used for
the row it was read from: a cached summary counts while its row has the same revision — which
the header vouches for — and the same wrapped key. A row saved by another program, put back from
an older copy or with a damaged key is read from the row itself, as if nothing were cached; so
the cache may be stale, missing or unreadable and the list is still right, only slower once. A
damaged summary row whose summary the cache still holds is no loss: the list shows the copy, the
plan opens (it never needed the summary), and the next save writes the row again.

The households are spread over `BUCKETS` blobs by their id, so a save reseals about a 64th of the
list (some 110 KB at 10,000 households), not all of it. Each blob is sealed under the vault key,
bound to the vault, its bucket and the format: when a delete replaces the vault key, the blobs
are sealed again without the households deleted, and none under the old key is left.

A blob is the summaries' fields as JSON columns, a newline, the rows' wrapped keys back to back
(each `WRAPPED_KEY_BYTES` long), then the search texts and sorting names one a line: those are
folded (`caseload.fold`), so they hold no line break, and one `split` reads 10,000 of them where
JSON would scan each character.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import accumulate
from typing import Any, Final

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from planner.caseload import PaperState
from planner.keys import KEY_BYTES, NONCE_BYTES, CannotOpen, context, seal, unseal
from planner.vault_header import FORMAT_VERSION
from planner.vault_records import HouseholdSummary

BUCKETS: Final = 64
WRAPPED_KEY_BYTES: Final = NONCE_BYTES + KEY_BYTES + 16
"""A household's data key as its row keeps it: sealed (nonce, key, tag)."""
LAYOUT: Final = 3
"""The blob's layout, in what each blob is bound to: a program that lays it out otherwise reads
an older blob as unreadable, and so from the rows, and seals it again its own way."""


@dataclass
class Known:
    """Summaries by household, each with the wrapped key of the row it was read from (bytes
    in a second dict rather than a pair a household: 10,000 fewer objects at each unlock)."""

    summaries: dict[str, HouseholdSummary] = field(default_factory=dict)
    keys: dict[str, bytes] = field(default_factory=dict)

    def keep(self, summary: HouseholdSummary, wrapped_key: bytes) -> None:
        if summary.damaged or len(wrapped_key) != WRAPPED_KEY_BYTES:  # read again next time
            self.forget(summary.household_id)
        else:
            self.summaries[summary.household_id] = summary
            self.keys[summary.household_id] = wrapped_key

    def forget(self, household_id: str) -> None:
        self.summaries.pop(household_id, None)
        self.keys.pop(household_id, None)

    def within(self, keys: Mapping[str, bytes]) -> Known:
        """What is known of the households in `keys` (rows as they are now, or as a
        transaction leaves them), with those rows' wrapped keys. A household the rows no longer
        hold — deleted by another window — is never carried into a sealed bucket, and a key
        rewrapped under a new vault key is the one remembered."""
        kept = Known()
        for household_id, wrapped in keys.items():
            summary = self.summaries.get(household_id)
            if summary is not None:
                kept.summaries[household_id] = summary
                kept.keys[household_id] = wrapped
        return kept

    def in_bucket(self, bucket: int) -> list[str]:
        return [
            household_id for household_id in self.summaries if bucket_of(household_id) == bucket
        ]

    def update(self, other: Known) -> None:
        self.summaries.update(other.summaries)
        self.keys.update(other.keys)


def bucket_of(household_id: str) -> int:
    return zlib.crc32(household_id.encode()) % BUCKETS


def _context(vault_id: str, bucket: int) -> bytes:
    return context("summary-cache", vault_id, bucket, FORMAT_VERSION, LAYOUT)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def seal_buckets(
    cipher: AESGCM, vault_id: str, known: Known, buckets: set[int] | None = None
) -> dict[int, bytes]:
    """These buckets (all that hold a household when None), as `known` has them, each sealed
    under the vault key; a bucket left with no household is sealed empty."""
    grouped: dict[int, list[HouseholdSummary]] = {b: [] for b in buckets or ()}
    for household_id, summary in known.summaries.items():
        bucket = bucket_of(household_id)
        if buckets is None or bucket in buckets:
            grouped.setdefault(bucket, []).append(summary)
    return {b: _sealed(cipher, vault_id, b, listed, known.keys) for b, listed in grouped.items()}


def _sealed(
    cipher: AESGCM, vault_id: str, bucket: int, listed: list[HouseholdSummary],
    keys: dict[str, bytes],
) -> bytes:  # fmt: skip
    """Lists of lists are laid flat, with each household's count beside them: JSON makes a list
    object for each inner list, and 10,000 households have some 40,000 of them."""
    papers = [paper for s in listed for paper in s.papers]
    columns = {
        "id": [s.household_id for s in listed],
        "revision": [s.revision for s in listed],
        "name": [s.display_name for s in listed],
        "missing": [s.missing_items for s in listed],
        "review": [_iso(s.next_review) for s in listed],
        "saved": [s.updated_at.isoformat() if s.updated_at else None for s in listed],
        "state": [s.state for s in listed],
        "no_alternate": [s.no_alternate for s in listed],
        "children_count": [len(s.children) for s in listed],
        "children": [name for s in listed for name in s.children],
        "papers_count": [len(s.papers) for s in listed],
        "signed_on": [_iso(paper.signed_on) for paper in papers],
        "renew_by": [_iso(paper.renew_by) for paper in papers],
        "child_ids_count": [len(s.child_ids) for s in listed],
        "child_ids": [child_id for s in listed for child_id in s.child_ids],
    }
    lines = [
        *(s.search for s in listed), *(s.sort_name for s in listed),
        *(s.sort_children for s in listed),
    ]  # fmt: skip
    tail = "\n".join(line.replace("\n", " ") for line in lines)
    wrapped = b"".join(keys[s.household_id] for s in listed)
    plain = json.dumps(columns, ensure_ascii=False).encode() + b"\n" + wrapped + tail.encode()
    return seal(cipher, plain, _context(vault_id, bucket))


def open_bucket(cipher: AESGCM, vault_id: str, bucket: int, sealed: bytes) -> Known:
    """The bucket's summaries; none if it does not open (sealed under a key since replaced, or
    damaged) or does not read: those households are then read from their rows."""
    try:
        plain = unseal(cipher, sealed, _context(vault_id, bucket))
        cut = plain.index(b"\n")
        columns = json.loads(plain[:cut])
        keys_end = cut + 1 + WRAPPED_KEY_BYTES * len(columns["id"])
        lines = str(memoryview(plain)[keys_end:], "utf-8").split("\n")
        return _known(columns, plain[cut + 1 : keys_end], lines)
    except (CannotOpen, ValueError, KeyError, TypeError, IndexError):
        return Known()


def _known(c: dict[str, Any], keys: bytes, lines: list[str]) -> Known:
    """The columns back into summaries: one loop that does no more than it must, as it runs
    10,000 times at each unlock. The blob was sealed by this vault, so its types are ours.
    Each household's children, papers and child ids are slices of the flat lists (a tuple's
    slice is a tuple); a paper's state is made as `NamedTuple._make` makes it, without its
    Python-level call."""
    day, when, known = date.fromisoformat, datetime.fromisoformat, Known()
    count = len(c["id"])
    if not count:
        return known
    new, paper = tuple.__new__, PaperState
    children, child_ids = tuple(c["children"]), tuple(c["child_ids"])
    papers = tuple(
        [
            new(paper, (day(on) if on else None, day(by) if by else None))
            for on, by in zip(c["signed_on"], c["renew_by"], strict=True)
        ]
    )
    rows = zip(
        c["id"], c["revision"], c["name"], c["missing"], c["review"], c["saved"], c["state"],
        c["no_alternate"], _ends(c["children_count"]), _ends(c["papers_count"]),
        _ends(c["child_ids_count"]), lines[:count], lines[count : 2 * count],
        lines[2 * count :], strict=True,
    )  # fmt: skip
    summaries = known.summaries
    for hid, rev, name, missing, review, saved, state, alone, kids, held, ids, s, by, kin in rows:
        summaries[hid] = HouseholdSummary(
            hid, rev, name, children[kids], missing,
            day(review) if review else None, when(saved) if saved else None, False, state,
            papers[held], alone, child_ids[ids], s, by, kin,
        )  # fmt: skip
    size = WRAPPED_KEY_BYTES
    known.keys.update(
        zip(c["id"], [keys[i : i + size] for i in range(0, len(keys), size)], strict=True)
    )
    return known


def _ends(counts: list[int]) -> list[slice]:
    """Each household's slice of a flat list, from how many items each has."""
    ends = list(accumulate(counts, initial=0))
    return list(map(slice, ends, ends[1:]))
