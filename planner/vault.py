"""The encrypted household vault: the one place plans are kept on disk, for the wizard and the CLI.

Key hierarchy: each household has a random data key (AES-256-GCM) that encrypts its summary and
its plan revisions; data keys are wrapped by the vault key; the vault key lives in the OS keyring
wrapped by the navigator PIN (keyring mode, `vault_pin`) or is wrapped by an Argon2id passphrase key
(passphrase mode), and in both modes is also sealed to the public half of the recovery code's key
pair. Deleting a household rotates the
vault key, so what a deleted household's key was wrapped with no longer exists in the keyring.

A `Vault` is not thread-safe: the GUI gives it to one worker thread. Several `Vault`s may have the
same file open (two windows, the window and `planner vault`): every write checks, inside its
transaction, that the header is still the one this vault holds, because a write under a key that
another one has since rotated away would make a household, or the whole vault, unreadable.
Everything it raises for a reason a person can act on is a `VaultError`.
"""

from __future__ import annotations

import contextlib
import gc
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Final, NamedTuple, TypeVar

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from planner import vault_db
from planner.detained import Detention
from planner.keyring_store import KeyStore, SystemKeyStore
from planner.keys import (
    MIN_PASSPHRASE_CHARS,
    PASSPHRASE_COST,
    CannotOpen,
    KdfCost,
    KdfParams,
    RecoveryCode,
    context,
    derive_key,
    open_sealed,
    random_key,
    seal,
    seal_to,
    unseal,
)
from planner.model import Plan
from planner.plan_file import PlanFileError
from planner.summary_cache import Known, bucket_of, open_bucket, seal_buckets
from planner.vault_errors import (
    HouseholdDamaged,
    HouseholdNotFound,
    KeyNotInKeyring,
    KeyringUnavailable,
    NoPinYet,
    PassphraseNeeded,
    PassphraseTooShort,
    PinNeeded,
    VaultBusy,
    VaultChanged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultReadOnly,
    WrongPassphrase,
    WrongPin,
)
from planner.vault_export import Exported, read_export, write_export
from planner.vault_header import FORMAT_VERSION, Header, Mode, keyring_entry
from planner.vault_pin import Pin, PinWrapped, check_new_pin, read_entry, unwrap, wrap
from planner.vault_records import (
    HouseholdSummary,
    Revision,
    data_key_context,
    payload_bytes,
    plan_context,
    plan_from,
    saved_at_from,
    summary_bytes,
    summary_context,
    summary_from,
)

MAX_REVISIONS: Final = 20
_HOUSEHOLD_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
T = TypeVar("T")


class _HeaderChanged(Exception):
    """Another window or program rewrote the header (a delete rotated the key, a new passphrase
    or recovery code) since this vault read it; never leaves this module."""


def _now() -> datetime:
    return datetime.now(UTC)


def _new_id() -> str:
    return secrets.token_hex(6)


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Python's cycle collector held while a list is built. Listing makes some 60,000 objects
    and no cycle; each collection would walk every object made so far, and at 10,000 households
    that costs more than all the reading (bench/caseload.py). What was made is then moved
    straight to the oldest generation (`freeze` and `unfreeze`: two list splices), since the
    list lives until the vault locks, rather than walked by the next young collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise PassphraseTooShort(minimum=MIN_PASSPHRASE_CHARS)


def _listed(db: sqlite3.Connection, stored: Header) -> dict[str, int]:
    """The households and revisions the header vouches for; for a vault from before the list was
    kept, the rows as they are (trusted once, at its first write)."""
    if stored.households is not None:
        return dict(stored.households)
    with vault_db.sqlite_errors():
        rows = db.execute("SELECT id, revision FROM households").fetchall()
    return {str(household_id): int(revision) for household_id, revision in rows}


def _put_header(
    db: sqlite3.Connection,
    header: Header,
    key: bytes,
    stored: Header,
    saved: tuple[str, int] | None = None,
    removed: Iterable[str] = (),
) -> Header:
    """Write the header inside the transaction that changed the rows: the list of households in
    `stored` (the header `_writing` read and checked under the vault key) changed by exactly
    this write, never read back from rows someone else may have changed, and one more write
    counted. Returns it as written."""
    households = _listed(db, stored)
    for household_id in removed:
        households.pop(household_id, None)
    if saved is not None:
        households[saved[0]] = saved[1]
    final = header.changed(households=households, writes=stored.writes + 1)
    vault_db.write_header(db, final.signed_rows(key))
    return final


def _row_vouched_for(
    listed: dict[str, int] | None, household_id: str, revision: int | None
) -> bool:
    """Whether a household's row (its revision, None if the row is gone) is the one the header
    lists: a row removed, added or put back to an older copy is damage."""
    return listed is None or listed.get(household_id) == revision


class Keys(NamedTuple):
    """What opens the vault day to day besides the recovery code, as an open vault holds it."""

    passphrase_key: bytes | None
    pin: Pin | None
    bare: bool
    """The keyring keeps the key without a PIN (made so, or kept before PINs)."""

    def keyring_value(self, header: Header, key: bytes) -> bytes:
        """What the keyring keeps for this key: wrapped by the PIN; bare only for a vault whose
        key was kept bare already. A vault opened with its recovery code needs a PIN first: a
        bare key written then would open, without the PIN, what the PIN protected."""
        if self.pin is not None:
            return wrap(self.pin, key, header.vault_id, header.key_id)
        if not self.bare:
            raise PinNeeded("pin_needed_to_change")
        return key


NO_KEYS: Final = Keys(None, None, bare=False)
"""A locked vault holds nothing that opens it."""


class Vault:
    """One vault file and the keys that open it.

    Args:
        folder: where the vault lives; by default `FAMILY_PLANNER_HOME` or the user data folder.
        keystore: the OS keyring (with timeouts) unless another store is injected.
        kdf_cost: Argon2id's cost for new passphrases; only tests pass anything but the default.
        clock: the time stamped on saves.
    """

    def __init__(
        self,
        folder: Path | None = None,
        keystore: KeyStore | None = None,
        *,
        kdf_cost: KdfCost = PASSPHRASE_COST,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.folder = folder if folder is not None else vault_db.vault_folder()
        self.path = self.folder / vault_db.FILE_NAME
        self._keystore: KeyStore = keystore if keystore is not None else SystemKeyStore()
        self._kdf_cost = kdf_cost
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        self._header: Header | None = None
        self._vault_key: bytearray | None = None
        self._vault_cipher: AESGCM | None = None
        self._keys = NO_KEYS
        self._checked_header: tuple[dict[str, bytes], Header | None] = ({}, None)
        """The header's rows as last read and checked under the vault key, and what they say."""
        self._data_keys: dict[str, AESGCM] = {}
        self._listed: Known | None = None
        """The summaries last listed, each with its row's wrapped key (planner.summary_cache);
        None until the first list after an unlock."""

    # --- opening and closing ----------------------------------------------------------------------

    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def is_unlocked(self) -> bool:
        return self._vault_key is not None

    @property
    def old_keys_in_keyring(self) -> bool:
        """Whether a replaced vault key could not yet be destroyed in the keyring (it did not
        answer): until then a copy made before a delete still opens here, and the user is told."""
        return self._header is not None and bool(self._header.retired_key_ids)

    @property
    def has_pin(self) -> bool:
        """Whether the keyring holds the key behind a navigator PIN. False for a keyring vault
        opened with its recovery code or kept before PINs: ask for a new PIN then (`set_pin`)."""
        return self._keys.pin is not None

    def check_keyring(self) -> None:
        """`KeyringUnavailable` unless a trustworthy keyring answers: asked before a new PIN, so
        nobody chooses one for a keyring that cannot keep the key."""
        self._keystore.get(keyring_entry("check", "check"))

    def mode(self) -> Mode:
        """How this vault is opened day to day (reads the header; no key needed)."""
        return self._read_header().mode

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = vault_db.connect(self.path)
        return self._db

    def _read_header(self) -> Header:
        return Header.from_rows(vault_db.read_header(self._connection()))

    def create(
        self,
        passphrase: str | None = None,
        *,
        pin: str | None = None,
        code: RecoveryCode | None = None,
    ) -> RecoveryCode:
        """Make a new, empty vault and leave it unlocked; returns its recovery code. Pass the
        `code` the person has already been shown (and kept): a vault must never exist whose code
        nobody saw.

        Without a passphrase the vault key goes to the OS keyring, wrapped by the PIN when one is
        given (`KeyringUnavailable` if no keyring can be trusted: ask for a passphrase then).
        Never replaces an existing vault."""
        if passphrase is not None:
            check_new_passphrase(passphrase)
        elif pin is not None:
            check_new_pin(pin)
        code = code or RecoveryCode.generate()
        vault_id, key = secrets.token_hex(8), random_key()
        header = Header(
            vault_id=vault_id,
            key_id=secrets.token_hex(4),
            mode=Mode.KEYRING if passphrase is None else Mode.PASSPHRASE,
            recovery_public_key=code.public_key(vault_id),
            recovery_sealed_key=b"",
            households={},
            writes=1,
        )
        passphrase_key = None
        if passphrase is not None:
            kdf = KdfParams.new(self._kdf_cost)
            passphrase_key = derive_key(passphrase, kdf)
            header = header.changed(kdf=kdf)
        header = self._sealed(header, key, passphrase_key)
        if self.exists():  # checked again while creating; here to spare the keyring a write
            raise VaultExists(folder=str(self.folder))
        kept_pin = None
        if header.mode is Mode.KEYRING:
            kept_pin = Pin.new(pin, KdfParams.new(self._kdf_cost)) if pin is not None else None
            value = key if kept_pin is None else wrap(kept_pin, key, vault_id, header.key_id)
            self._keystore.set(header.keyring_entry, value)
        try:
            vault_db.create(self.path, header.signed_rows(key))
        except BaseException:
            if header.mode is Mode.KEYRING:
                with contextlib.suppress(VaultError):
                    self._keystore.delete(header.keyring_entry)
            raise
        bare = header.mode is Mode.KEYRING and kept_pin is None
        self._unlocked(header, key, Keys(passphrase_key, kept_pin, bare))
        return code

    def unlock(self, secret: str | None = None) -> None:
        """Open the vault: in keyring mode with the keyring and the PIN, in passphrase mode with
        the passphrase; in either mode with the recovery code.

        Raises `PinNeeded`, `PassphraseNeeded`, `WrongPassphrase` (`WrongPin`, `NoPinYet`),
        `KeyNotInKeyring` (ask for the recovery code), `KeyringUnavailable`, `VaultDamaged`,
        `VaultFromNewerVersion`, `VaultMissing`. A keyring vault opened with the recovery code has
        no PIN (`has_pin`) until `set_pin` keeps its key in the keyring again."""
        self.lock()
        rows = vault_db.read_header(self._connection())
        header = Header.from_rows(rows)
        passphrase_key: bytes | None = None
        pin: Pin | None = None
        if header.mode is Mode.KEYRING:
            key, pin = self._open_keyring(header, secret)
        elif secret is not None:
            key, passphrase_key = self._open_with_secret(header, secret)
        else:
            raise PassphraseNeeded
        header.verify(key)  # a rewritten header (say, someone else's recovery key) stops here
        bare = header.mode is Mode.KEYRING and pin is None and secret is None
        self._unlocked(header, key, Keys(passphrase_key, pin, bare))
        self._checked_header = rows, header  # verified: listing need not again
        self._destroy_retired_keys()

    def _open_keyring(self, header: Header, secret: str | None) -> tuple[bytes, Pin | None]:
        """The vault key from the recovery code, or from the keyring entry and the PIN (an entry
        kept before PINs opens without one)."""
        if secret is not None and RecoveryCode.looks_like(secret):
            return self._open_with_code(header, secret), None
        entry = self._keystore.get(header.keyring_entry)
        if entry is None:
            raise KeyNotInKeyring
        try:
            wrapped = read_entry(entry)
        except ValueError:
            raise KeyNotInKeyring from None
        if wrapped is None:
            if secret is not None:
                raise NoPinYet
            return entry, None
        if secret is None:
            raise PinNeeded
        return self._open_with_pin(header, wrapped, secret)

    def _open_with_pin(self, header: Header, wrapped: PinWrapped, secret: str) -> tuple[bytes, Pin]:
        pin = Pin.new(secret, wrapped.kdf)
        try:
            return unwrap(pin, wrapped, header.vault_id, header.key_id), pin
        except CannotOpen:
            raise WrongPin from None

    def _open_with_code(self, header: Header, secret: str) -> bytes:
        try:
            code = RecoveryCode.parse(secret)
            private = code.private_key(header.vault_id)
            return open_sealed(private, header.recovery_sealed_key, header.recovery_context())
        except (ValueError, CannotOpen):
            raise WrongPassphrase from None

    def _open_with_secret(self, header: Header, secret: str) -> tuple[bytes, bytes | None]:
        """The vault key from a passphrase (with the key it derives) or from the recovery code."""
        if header.kdf is not None and header.passphrase_wrapped_key is not None:
            passphrase_key = derive_key(secret, header.kdf)
            try:
                wrapped = header.passphrase_wrapped_key
                key = unseal(AESGCM(passphrase_key), wrapped, header.passphrase_context())
                return key, passphrase_key
            except CannotOpen:
                pass
        return self._open_with_code(header, secret), None

    def _unlocked(self, header: Header, key: bytes, keys: Keys) -> None:
        self._connection()
        self._header = header
        self._vault_key = bytearray(key)
        self._vault_cipher = AESGCM(key)
        self._keys = keys
        self._data_keys, self._listed = {}, None

    def lock(self) -> None:
        """Forget every key and close the file. (Python cannot promise that no copy of a key stays
        in freed memory; the key buffer we own is overwritten.)"""
        if self._vault_key is not None:
            self._vault_key[:] = bytes(len(self._vault_key))
        self._vault_key = self._vault_cipher = self._header = None
        self._keys, self._checked_header = NO_KEYS, ({}, None)
        self._data_keys, self._listed = {}, None
        if self._db is not None:
            self._db.close()
            self._db = None

    close = lock

    def _unlocked_state(self) -> tuple[sqlite3.Connection, Header, AESGCM]:
        if self._db is None or self._header is None or self._vault_cipher is None:
            raise VaultLocked
        return self._db, self._header, self._vault_cipher

    # --- other windows and programs on the same file ----------------------------------------------

    def _header_is_stale(self) -> bool:
        db, header, _ = self._unlocked_state()
        return Header.from_rows(vault_db.read_header(db)) != header

    @contextlib.contextmanager
    def _writing(self) -> Iterator[tuple[sqlite3.Connection, Header, AESGCM]]:
        """A write transaction under the header this vault holds, or `_HeaderChanged` (nothing
        written) if another vault on the same file rewrote it: checked with the write lock held.
        Yields the header as stored now, checked under the vault key (`_stored_header`): what
        a write builds its list of households on."""
        db, _, cipher = self._unlocked_state()
        with vault_db.transaction(db):
            yield db, self._stored_header(), cipher

    def _fresh(self, work: Callable[[], T]) -> T:
        """Run `work`; if another vault rewrote the header meanwhile, take up its key and run it
        once more (a third writer racing both is "busy")."""
        try:
            return work()
        except _HeaderChanged:
            self._follow_other_writer()
        try:
            return work()
        except _HeaderChanged:
            raise VaultBusy from None

    def _follow_other_writer(self) -> None:
        """Open the header another vault wrote with what this one already holds (the keyring, or
        the passphrase's key while the passphrase is unchanged); otherwise lock and say so."""
        passphrase_key = self._keys.passphrase_key
        try:
            header = self._read_header()
            key: bytes | None = None
            if header.mode is Mode.KEYRING:
                key, passphrase_key = self._key_from_keyring(header), None
            elif passphrase_key is not None and header.passphrase_wrapped_key is not None:
                with contextlib.suppress(CannotOpen):
                    cipher = AESGCM(passphrase_key)
                    wrapped = header.passphrase_wrapped_key
                    key = unseal(cipher, wrapped, header.passphrase_context())
            if key is None:
                raise VaultChanged
            header.verify(key)
        except VaultError:
            self.lock()
            raise
        self._replace_vault_key(header, key)
        self._keys, self._data_keys = self._keys._replace(passphrase_key=passphrase_key), {}
        self._listed = None  # another window deleted or rewrapped: what this one knew is stale

    def _key_from_keyring(self, header: Header) -> bytes | None:
        """The key another vault rotated in, if the keyring has it under the PIN this vault holds
        (or bare, as kept before PINs); None if the PIN changed or the entry is gone."""
        entry = self._keystore.get(header.keyring_entry)
        if entry is None:
            return None
        try:
            wrapped = read_entry(entry)
            if wrapped is None:
                return entry
            pin = self._keys.pin
            if pin is None or wrapped.kdf != pin.kdf:
                return None
            return unwrap(pin, wrapped, header.vault_id, header.key_id)
        except (ValueError, CannotOpen):
            return None

    # --- households -------------------------------------------------------------------------------

    def _data_cipher(self, household_id: str, wrapped: bytes) -> AESGCM:
        cipher = self._data_keys.get(household_id)
        if cipher is None:
            _, header, vault_cipher = self._unlocked_state()
            try:
                key = unseal(vault_cipher, wrapped, data_key_context(header.vault_id, household_id))
            except CannotOpen:
                if self._header_is_stale():  # wrapped by a key another vault rotated in
                    raise _HeaderChanged from None
                raise HouseholdDamaged(household=household_id) from None
            cipher = self._data_keys[household_id] = AESGCM(key)
        return cipher

    def list_households(self) -> list[HouseholdSummary]:
        """Every household's summary, by name; a damaged one is listed as damaged, not dropped."""
        return self._fresh(self._list_households)

    def _stored_header(self) -> Header:
        """The header as stored now (another window may have saved), checked under the vault
        key: nobody without it can change the list of households. `_HeaderChanged` if another
        vault replaced the keys."""
        db, header, _ = self._unlocked_state()
        rows = vault_db.read_header(db)
        checked_rows, checked = self._checked_header  # the same bytes are checked once
        stored = checked if checked is not None and rows == checked_rows else Header.from_rows(rows)
        if stored != header:
            raise _HeaderChanged
        if stored is not checked:
            stored.verify(self._current_key())
            self._checked_header = rows, stored
        return stored

    def _vouched(self) -> dict[str, int] | None:
        """The households the header lists (None for a vault from before the list was kept)."""
        listed = self._stored_header().households
        return None if listed is None else dict(listed)

    def _list_households(self) -> list[HouseholdSummary]:
        """Each row checked against the header's list; its summary the one listed before or
        cached (`summary_cache`) for exactly this row, else read and authenticated under its
        household's key, and its cache bucket sealed again for the next unlock. Every unlock
        lists every household (10,000 for a busy program: bench/caseload.py), so the loop
        that finds the known ones does nothing else."""
        db, _, _ = self._unlocked_state()
        with _collection_paused():
            listed = self._vouched()
            with vault_db.sqlite_errors():
                rows = db.execute("SELECT id, revision, wrapped_key FROM households")
                households = rows.fetchall()
            known = self._listed if self._listed is not None else self._cached_summaries()
            now, unread = Known(), []
            cached, cached_keys = known.summaries.get, known.keys.get
            vouched = (listed or {}).get
            for household_id, revision, wrapped in households:
                summary = cached(household_id)
                if (
                    summary is None
                    or summary.revision != revision
                    or cached_keys(household_id) != wrapped
                    or (listed is not None and vouched(household_id) != revision)
                ):
                    unread.append((household_id, revision, wrapped))
                else:
                    now.summaries[household_id], now.keys[household_id] = summary, wrapped
            summaries = [*now.summaries.values(), *self._gone(listed, households)]
            for summary, wrapped in self._read_summaries(listed, unread):
                summaries.append(summary)
                now.keep(summary, wrapped)
            self._listed = now
            self._keep_listed(now, {bucket_of(h) for h, _, _ in unread if h in now.summaries})
            by_name = sorted([s for s in summaries if not s.damaged], key=attrgetter("sort_name"))
            return by_name + [s for s in summaries if s.damaged]  # damaged last

    @staticmethod
    def _gone(
        listed: dict[str, int] | None, households: list[tuple[str, int, bytes]]
    ) -> list[HouseholdSummary]:
        """Households the header lists whose row is gone: removed by something other than us."""
        present = {row[0] for row in households}
        return [
            HouseholdSummary(household_id, revision, damaged=True)
            for household_id, revision in (listed or {}).items()
            if household_id not in present
        ]

    def _read_summaries(
        self, listed: dict[str, int] | None, rows: list[tuple[str, int, bytes]]
    ) -> Iterator[tuple[HouseholdSummary, bytes]]:
        """Each row's summary read from the row (damaged if the header does not vouch for the
        row or it does not open), with the row's wrapped key."""
        db, header, _ = self._unlocked_state()
        sealed = vault_db.summary_rows(db, [row[0] for row in rows])
        for household_id, revision, wrapped in rows:
            try:
                if not _row_vouched_for(listed, household_id, revision):
                    raise HouseholdDamaged(household=household_id)
                cipher = self._data_cipher(household_id, wrapped)
                context = summary_context(header.vault_id, household_id, revision)
                raw = unseal(cipher, sealed[household_id], context)
                yield summary_from(household_id, revision, raw), wrapped
            except (HouseholdDamaged, CannotOpen, ValueError, KeyError, TypeError):
                yield HouseholdSummary(household_id, revision, damaged=True), wrapped

    def _cached_summaries(self) -> Known:
        """What the vault's cache says each row's summary is; nothing where it does not open."""
        db, header, cipher = self._unlocked_state()
        found = Known()
        for bucket, sealed in vault_db.summary_cache(db).items():
            found.update(open_bucket(cipher, header.vault_id, bucket, sealed))
        return found

    def _keep_listed(self, known: Known, buckets: set[int]) -> None:
        """Seal these buckets again, so the next unlock finds their households. Only ever a
        copy of the rows: when it cannot be written now (read-only, another window writing, a
        full disk), the next list reads those rows and tries again."""
        if not buckets or not vault_db.writable(self.path):
            return
        with contextlib.suppress(VaultError, _HeaderChanged), self._writing() as writing:
            db, header, cipher = writing
            sealed = seal_buckets(cipher, header.vault_id, known, buckets)
            vault_db.put_summary_cache(db, sealed, whole=False)

    def _household_row(self, household_id: str) -> tuple[int, bytes]:
        db, _, _ = self._unlocked_state()
        listed = self._vouched()
        with vault_db.sqlite_errors():
            row = db.execute(
                "SELECT revision, wrapped_key FROM households WHERE id = ?", (household_id,)
            ).fetchone()
        if row is None and (listed is None or household_id not in listed):
            raise HouseholdNotFound(household=household_id)
        if row is None or not _row_vouched_for(listed, household_id, int(row[0])):
            raise HouseholdDamaged(household=household_id)
        return int(row[0]), bytes(row[1])

    def _payload(self, household_id: str, revision: int, wrapped: bytes) -> bytes:
        db, header, _ = self._unlocked_state()
        with vault_db.sqlite_errors():
            row = db.execute(
                "SELECT payload FROM revisions WHERE household_id = ? AND revision = ?",
                (household_id, revision),
            ).fetchone()
        if row is None:
            raise HouseholdDamaged(household=household_id)
        cipher = self._data_cipher(household_id, wrapped)
        try:
            return unseal(cipher, row[0], plan_context(header.vault_id, household_id, revision))
        except CannotOpen:
            raise HouseholdDamaged(household=household_id) from None

    def load(self, household_id: str, revision: int | None = None) -> Plan:
        """The household's plan: the newest revision, or an older one still kept."""
        return self._fresh(lambda: self._load(household_id, revision))

    def _load(self, household_id: str, revision: int | None) -> Plan:
        current, wrapped = self._household_row(household_id)
        if revision is not None and not current - MAX_REVISIONS < revision <= current:
            raise HouseholdNotFound("revision_not_found", household=household_id, revision=revision)
        raw = self._payload(household_id, current if revision is None else revision, wrapped)
        try:
            return plan_from(raw)
        except (ValueError, PlanFileError):
            raise HouseholdDamaged(household=household_id) from None

    def history(self, household_id: str) -> list[Revision]:
        """The kept revisions, newest first."""
        return self._fresh(lambda: self._history(household_id))

    def _history(self, household_id: str) -> list[Revision]:
        db, _, _ = self._unlocked_state()
        _, wrapped = self._household_row(household_id)
        with vault_db.sqlite_errors():
            numbers = db.execute(
                "SELECT revision FROM revisions WHERE household_id = ? ORDER BY revision DESC",
                (household_id,),
            ).fetchall()
        revisions = []
        for (number,) in numbers:
            try:
                saved_at = saved_at_from(self._payload(household_id, number, wrapped))
            except (HouseholdDamaged, ValueError):
                saved_at = None
            revisions.append(Revision(household_id, number, saved_at))
        return revisions

    def save(self, plan: Plan, household_id: str | None = None) -> Revision:
        """Store the plan as a new revision (a new household when no id is given)."""
        return self._save(plan, household_id, may_create=household_id is None)

    def _save(
        self, plan: Plan, household_id: str | None, *, may_create: bool,
        detention: Detention | None = None,
    ) -> Revision:  # fmt: skip
        """Store the plan as a new revision, and with it (same transaction) the detention log
        when one is given."""
        self._unlocked_state()
        saved_at = self._clock()
        payload, summary = payload_bytes(plan, saved_at), summary_bytes(plan, saved_at)
        log = detention.model_dump_json().encode() if detention is not None else None
        chosen = household_id or _new_id()
        return self._fresh(
            lambda: self._save_once(chosen, payload, summary, saved_at, may_create, log)
        )

    def _save_once(
        self, household_id: str, payload: bytes, summary: bytes, saved_at: datetime,
        may_create: bool, log: bytes | None = None,
    ) -> Revision:  # fmt: skip
        with self._writing() as (db, header, vault_cipher):
            listed = None if header.households is None else dict(header.households)
            row = db.execute(
                "SELECT revision, wrapped_key FROM households WHERE id = ?", (household_id,)
            ).fetchone()
            if not _row_vouched_for(listed, household_id, None if row is None else int(row[0])):
                raise HouseholdDamaged(household=household_id)  # nothing is written over it
            if row is None and not may_create:
                raise HouseholdNotFound(household=household_id)
            if row is None:
                key, revision = random_key(), 1
                context = data_key_context(header.vault_id, household_id)
                wrapped = seal(vault_cipher, key, context)
                self._data_keys[household_id] = AESGCM(key)
            else:
                revision, wrapped = int(row[0]) + 1, bytes(row[1])
            # A key that does not unwrap stops the save: nothing is written over a damaged one.
            cipher = self._data_cipher(household_id, wrapped)
            sealed_summary = seal(
                cipher, summary, summary_context(header.vault_id, household_id, revision)
            )
            db.execute(
                "INSERT INTO households (id, revision, wrapped_key, summary) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET revision = excluded.revision,"
                " summary = excluded.summary",
                (household_id, revision, wrapped, sealed_summary),
            )
            db.execute(
                "INSERT INTO revisions (household_id, revision, payload) VALUES (?, ?, ?)",
                (household_id, revision,
                 seal(cipher, payload, plan_context(header.vault_id, household_id, revision))),
            )  # fmt: skip
            db.execute(
                "DELETE FROM revisions WHERE household_id = ? AND revision <= ?",
                (household_id, revision - MAX_REVISIONS),
            )
            if log is not None:
                self._put_detention(db, household_id, cipher, log)
            remember = self._keep_saved(db, household_id, revision, wrapped, summary)
            key = self._current_key()
            self._header = _put_header(db, header, key, header, saved=(household_id, revision))
        remember()  # only once committed: a failed save leaves nothing of itself in memory
        return Revision(household_id, revision, saved_at)

    def _keep_saved(
        self, db: sqlite3.Connection, household_id: str, revision: int, wrapped: bytes,
        summary: bytes,
    ) -> Callable[[], None]:  # fmt: skip
        """Seal the saved household's cache bucket again inside the save's transaction, so the
        next unlock finds it; returns what puts its summary in what this vault listed, to be
        run once the save is committed (the list after an autosave then reads no row).
        Without a list yet, nothing: the next list reads its row."""
        listed = self._listed
        if listed is None:
            return lambda: None
        _, header, cipher = self._unlocked_state()
        saved = summary_from(household_id, revision, summary)
        bucket = bucket_of(household_id)
        kept = listed.within(vault_db.wrapped_keys(db, listed.in_bucket(bucket)))
        kept.keep(saved, wrapped)
        sealed = seal_buckets(cipher, header.vault_id, kept, {bucket})
        vault_db.put_summary_cache(db, sealed, whole=False)
        return lambda: listed.keep(saved, wrapped)

    # --- deleting: crypto-erase -------------------------------------------------------------------

    def delete(self, household_id: str) -> None:
        """Delete the household — every revision and its key — and rotate the vault key, so that
        a copy of the vault made before cannot be read with what stays on this computer. A
        damaged household can be deleted too."""
        with contextlib.suppress(HouseholdDamaged):
            self._fresh(lambda: self._household_row(household_id))
        self._erase([household_id])

    def purge(self, not_updated_since: datetime) -> list[str]:
        """Delete every household last saved before this time (a naive time is local time)."""
        cutoff = not_updated_since.astimezone(UTC)
        stale = [
            summary.household_id
            for summary in self.list_households()
            if summary.updated_at is not None and summary.updated_at < cutoff
        ]
        if stale:
            self._erase(stale)
        return stale

    def _erase(self, doomed: Iterable[str]) -> None:
        household_ids = list(doomed)
        _, header, _ = self._unlocked_state()
        if header.mode is Mode.PASSPHRASE and self._keys.passphrase_key is None:
            raise PassphraseNeeded("passphrase_needed_to_delete")
        self._rotate(self._keys, doomed=household_ids)

    def _rotate(self, keys: Keys, doomed: list[str] | None = None, **changes: object) -> None:
        """Replace the vault key, and with it whatever `changes` says (the mode, the KDF, the
        recovery code): every data key is wrapped again, the old key id is retired, and its
        keyring entry destroyed. A copy of the file made before can then be read only with the
        secrets that opened it then (the old passphrase, the old recovery code)."""
        self._fresh(lambda: self._rotate_once(keys, doomed or [], changes))

    def _rotate_once(self, keys: Keys, doomed: list[str], changes: dict[str, object]) -> None:
        db, header, old_cipher = self._unlocked_state()
        new_key = random_key()
        rotated = header.changed(key_id=secrets.token_hex(4), **changes)
        if header.mode is Mode.KEYRING:
            rotated = rotated.changed(retired_key_ids=(*header.retired_key_ids, header.key_id))
        if rotated.mode is Mode.KEYRING:
            self._keystore.set(rotated.keyring_entry, keys.keyring_value(rotated, new_key))
        rotated = self._sealed(rotated, new_key, keys.passphrase_key)
        new_cipher = AESGCM(new_key)
        try:
            with self._writing() as (_, stored, _):
                db.executemany("DELETE FROM households WHERE id = ?", [(h,) for h in doomed])
                rewrapped: dict[str, bytes] = {}
                for household_id, wrapped in db.execute(
                    "SELECT id, wrapped_key FROM households"
                ).fetchall():
                    context = data_key_context(header.vault_id, household_id)
                    try:
                        key = unseal(old_cipher, wrapped, context)
                    except CannotOpen:
                        continue  # already unreadable; left exactly as it is
                    rewrapped[household_id] = seal(new_cipher, key, context)
                    db.execute(
                        "UPDATE households SET wrapped_key = ? WHERE id = ?",
                        (rewrapped[household_id], household_id),
                    )
                listed = self._keep_rotated(db, new_cipher, header.vault_id, rewrapped)
                rotated = _put_header(db, rotated, new_key, stored, removed=doomed)
        except BaseException:
            if rotated.mode is Mode.KEYRING:
                with contextlib.suppress(VaultError):
                    self._keystore.delete(rotated.keyring_entry)
            raise
        for household_id in doomed:
            self._data_keys.pop(household_id, None)
        self._listed = listed
        self._replace_vault_key(rotated, new_key)
        self._keys = keys
        vault_db.checkpoint(db)
        self._destroy_retired_keys()

    def _keep_rotated(
        self, db: sqlite3.Connection, new_cipher: AESGCM, vault_id: str, rewrapped: dict[str, bytes]
    ) -> Known | None:
        """The cache sealed under the new key, holding only the households still there (with
        their rewrapped keys): none of a deleted household's summary stays, and no bucket under
        the old key (which is destroyed) is left behind. Returns what the vault lists from now
        on (None when nothing was listed yet: the cache is then emptied)."""
        if self._listed is None:
            vault_db.put_summary_cache(db, {}, whole=True)
            return None
        kept = self._listed.within(rewrapped)
        vault_db.put_summary_cache(db, seal_buckets(new_cipher, vault_id, kept), whole=True)
        return kept

    def _replace_vault_key(self, header: Header, key: bytes) -> None:
        if self._vault_key is not None:
            self._vault_key[:] = bytes(len(self._vault_key))
        self._header, self._vault_key, self._vault_cipher = header, bytearray(key), AESGCM(key)

    def _destroy_retired_keys(self) -> None:
        """Finish what a crash or a silent keyring interrupted: old keys leave the keyring."""
        _, header, _ = self._unlocked_state()
        if not header.retired_key_ids:
            return
        left = []
        for key_id in header.retired_key_ids:
            try:
                self._keystore.delete(keyring_entry(header.vault_id, key_id))
            except KeyringUnavailable:
                left.append(key_id)
        if len(left) < len(header.retired_key_ids):
            # Another writer's header lists them too; a read-only vault finishes next time.
            with contextlib.suppress(_HeaderChanged, VaultReadOnly):
                self._write_header(header.changed(retired_key_ids=tuple(left)))

    # --- keys: modes, passphrase, recovery code ---------------------------------------------------

    def _current_key(self) -> bytes:
        self._unlocked_state()
        assert self._vault_key is not None
        return bytes(self._vault_key)

    def _sealed(self, header: Header, key: bytes, passphrase_key: bytes | None) -> Header:
        """The header with the vault key sealed for the recovery code and, in passphrase mode,
        wrapped by the passphrase key."""
        header = header.changed(
            recovery_sealed_key=seal_to(header.recovery_public_key, key, header.recovery_context())
        )
        if header.mode is Mode.KEYRING:
            return header.changed(kdf=None, passphrase_wrapped_key=None)
        if passphrase_key is None:
            raise PassphraseNeeded
        wrapped = seal(AESGCM(passphrase_key), key, header.passphrase_context())
        return header.changed(passphrase_wrapped_key=wrapped)

    def _write_header(self, header: Header) -> None:
        with self._writing() as (db, stored, _):
            self._header = _put_header(db, header, self._current_key(), stored)

    def use_passphrase(self, passphrase: str) -> None:
        """Switch to passphrase mode, or change the passphrase. The vault key is replaced, so
        the old passphrase (or the keyring) opens no copy of the file made from now on."""
        self._unlocked_state()
        check_new_passphrase(passphrase)
        kdf = KdfParams.new(self._kdf_cost)
        passphrase_key = derive_key(passphrase, kdf)
        self._rotate(Keys(passphrase_key, None, False), mode=Mode.PASSPHRASE, kdf=kdf)

    def use_keyring(self, pin: str | None = None) -> None:
        """Switch to keyring mode: a new vault key goes to the keyring (behind the PIN when one
        is given; bare only as vaults were kept before PINs), and the passphrase opens no copy
        made from now on."""
        self._unlocked_state()
        new_pin = None
        if pin is not None:
            check_new_pin(pin)
            new_pin = Pin.new(pin, KdfParams.new(self._kdf_cost))
        self._rotate(Keys(None, new_pin, new_pin is None), mode=Mode.KEYRING, kdf=None)

    def set_pin(self, pin: str) -> None:
        """Keep the key in the keyring behind a new navigator PIN (keyring mode only). The vault
        key is replaced too: a bare key, the key under the old PIN, or a key this computer once
        destroyed (a backup opened with the recovery code) never goes back into the keyring;
        other windows see the change and ask again."""
        _, header, _ = self._unlocked_state()
        if header.mode is not Mode.KEYRING:
            raise VaultError("pin_keyring_only")
        check_new_pin(pin)
        self._rotate(Keys(None, Pin.new(pin, KdfParams.new(self._kdf_cost)), False))

    def new_recovery_code(self, code: RecoveryCode | None = None) -> RecoveryCode:
        """Replace the recovery code with `code` (show it to the person first: once this returns,
        the old code opens no copy of the file made from now on). The vault key is replaced."""
        _, header, _ = self._unlocked_state()
        code = code or RecoveryCode.generate()
        self._rotate(self._keys, recovery_public_key=code.public_key(header.vault_id))
        return code

    def backup(self, target: Path) -> None:
        """One file holding the whole vault as committed now, still encrypted (no key needed):
        to restore, it becomes `vault.sqlite3` in a vault folder again."""
        vault_db.backup(self.path, target)

    # --- moving a household between computers ----------------------------------------------------

    def export(self, household_id: str, path: Path, passphrase: str) -> None:
        """Write one household to a file encrypted under its own passphrase (Argon2id), with its
        detention log while it has one (a log that no longer opens is left out: the plan still
        moves)."""
        check_new_passphrase(passphrase)
        plan = self.load(household_id)
        try:
            detention = self.load_detention(household_id)
        except HouseholdDamaged:
            detention = None
        exported = Exported(household_id, plan, detention)
        write_export(path, exported, passphrase, self._kdf_cost)

    def import_(self, path: Path, passphrase: str) -> Revision:
        """Read an exported household: a new household, or a new revision of the same one, in
        one transaction with the file's detention log. The log kept here stays when it is the
        newer (an older backup brought back loses no tick), or when the file has none."""
        self._unlocked_state()
        household_id, plan, detention = read_export(path, passphrase)
        if not _HOUSEHOLD_ID.match(household_id):
            household_id = _new_id()
        if detention is not None:
            with contextlib.suppress(HouseholdNotFound, HouseholdDamaged):
                here = self.load_detention(household_id)
                if here is not None and here.latest > detention.latest:
                    detention = None
        return self._save(plan, household_id, may_create=True, detention=detention)

    # --- "a parent was detained": the checklist's log, kept with the household -------------------

    def _detention_context(self, household_id: str) -> bytes:
        """Binds a log to this vault and household (no other household's row can be moved in)
        and to the format; the household's data key seals it, so deleting the household, which
        destroys that key, leaves no readable log behind."""
        _, header, _ = self._unlocked_state()
        return context("detention", header.vault_id, household_id, FORMAT_VERSION)

    def save_detention(self, household_id: str, detention: Detention) -> None:
        """Keep the household's detention log (replacing the one kept before)."""
        raw = detention.model_dump_json().encode()
        self._fresh(lambda: self._save_detention(household_id, raw))

    def _save_detention(self, household_id: str, raw: bytes) -> None:
        with self._writing() as (db, _, _):
            _, wrapped = self._household_row(household_id)
            self._put_detention(db, household_id, self._data_cipher(household_id, wrapped), raw)

    def _put_detention(
        self, db: sqlite3.Connection, household_id: str, cipher: AESGCM, raw: bytes
    ) -> None:
        """Seal a household's log with its data key and keep it (inside a transaction)."""
        sealed = seal(cipher, raw, self._detention_context(household_id))
        vault_db.put_detention(db, household_id, sealed)

    def load_detention(self, household_id: str) -> Detention | None:
        """The household's detention log; None when no parent of it is marked as detained.
        `HouseholdDamaged` when the log does not open (changed, or moved from elsewhere)."""
        return self._fresh(lambda: self._load_detention(household_id))

    def _load_detention(self, household_id: str) -> Detention | None:
        db, _, _ = self._unlocked_state()
        _, wrapped = self._household_row(household_id)
        sealed = vault_db.detention_row(db, household_id)
        if sealed is None:
            return None
        cipher = self._data_cipher(household_id, wrapped)
        try:
            raw = unseal(cipher, sealed, self._detention_context(household_id))
            return Detention.model_validate_json(raw)
        except (CannotOpen, ValueError):  # pydantic's ValidationError is a ValueError
            raise HouseholdDamaged(household=household_id) from None

    def end_detention(self, household_id: str) -> None:
        """Remove the household's detention log (the family is together again, or it was opened
        by mistake); freed pages are zeroed and the WAL emptied, as after a delete."""
        db, _, _ = self._unlocked_state()
        self._fresh(lambda: self._end_detention(household_id))
        vault_db.checkpoint(db)

    def _end_detention(self, household_id: str) -> None:
        with self._writing() as (db, _, _):
            vault_db.put_detention(db, household_id, None)
