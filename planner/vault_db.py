"""The vault's SQLite file: where it lives, how it is opened, its tables, and SQLite's errors.

SQLite gives the atomic, crash-safe commits (WAL, synchronous=FULL); this module makes sure the
file is private (folder 0700, files 0600; permissions someone made stricter are never loosened),
that a vault on a write-protected stick or a read-only file still opens (read-only: list, show
and export work, a save says why it cannot), that nothing spills to the temp folder
(temp_store=MEMORY), that freed pages are zeroed (secure_delete), and that SQLite's failures reach
the user as typed errors with a sentence ("the disk is full") rather than a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Final

from planner import platforms
from planner.vault_errors import (
    DiskFull,
    StorageFailed,
    VaultBusy,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultMissing,
    VaultReadOnly,
)

APP_NAME: Final = "family-planner"
HOME_VARIABLE: Final = "FAMILY_PLANNER_HOME"
FILE_NAME: Final = "vault.sqlite3"
_PRIVATE_FOLDER, _PRIVATE_FILE = 0o700, 0o600
_SIDE_FILES: Final = ("-wal", "-shm", "-journal")

_SCHEMA: Final = """
CREATE TABLE header (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE households (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL,
    summary BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE revisions (
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    payload BLOB NOT NULL,
    PRIMARY KEY (household_id, revision)
) WITHOUT ROWID;
"""
_DETENTIONS: Final = """
CREATE TABLE IF NOT EXISTS detentions (
    household_id TEXT PRIMARY KEY REFERENCES households(id) ON DELETE CASCADE,
    sealed BLOB NOT NULL
) WITHOUT ROWID
"""
"""The log of "a parent was detained" (planner.detained), one row a household, sealed with its
data key. ON DELETE CASCADE: deleting or purging the household deletes it in the same
transaction. Vaults made before it gain it when opened (`_add_new_tables`)."""
_SUMMARY_CACHE: Final = """
CREATE TABLE IF NOT EXISTS summary_cache (bucket INTEGER PRIMARY KEY, sealed BLOB NOT NULL)
"""
"""The household list kept whole (planner.summary_cache), in sealed buckets: only ever a copy
of what the households' rows say, so it may be emptied at any time."""
_ADDED_TABLES: Final = {"detentions": _DETENTIONS, "summary_cache": _SUMMARY_CACHE}
"""Tables later versions added, which older vaults gain when opened (`_add_new_tables`)."""


def vault_folder(
    environ: Mapping[str, str] | None = None,
    portable: Callable[[], Path | None] = platforms.portable_home,
) -> Path:
    """`FAMILY_PLANNER_HOME` when set (tests, a navigator's encrypted USB drive), else the
    portable folder beside a bundled program that has the marker file (a clinic's USB stick,
    see planner.platforms), else the platform's user data folder. `portable`: tests give their
    own."""
    home = (os.environ if environ is None else environ).get(HOME_VARIABLE)
    if home:
        return Path(home)
    return portable() or platforms.user_data_folder(APP_NAME)


def _error_for(error: sqlite3.Error) -> VaultError:
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith("SQLITE_FULL") or "full" in str(error):
        return DiskFull()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error):
        return VaultBusy()
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(error):
        return VaultDamaged("vault_file_damaged")
    if "no such table" in str(error):  # an SQLite file, but not a vault
        return VaultDamaged("vault_file_damaged")
    if name.startswith("SQLITE_READONLY") or "readonly" in str(error):
        return VaultReadOnly()
    return StorageFailed(reason=name or type(error).__name__)


@contextlib.contextmanager
def sqlite_errors() -> Iterator[None]:
    """Turn SQLite's exceptions into vault errors; SQLite has already rolled back what failed."""
    try:
        yield
    except sqlite3.Error as error:
        raise _error_for(error) from None


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic change: all of it is committed, or none of it (crash, full disk, exception)."""
    with sqlite_errors():
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _make_private(path: Path, mode: int, platform: str = sys.platform) -> None:
    """Take away what others may do (group and other bits beyond `mode`), never add anything:
    a folder or file the owner made read-only stays read-only. A FAT or exFAT USB drive (or a
    read-only one) refuses chmod: its mount options decide who may read, and everything in the
    file is encrypted anyway, so the vault still opens there. On Windows nothing is changed:
    the profile's access list keeps the folder private (planner.platforms)."""
    if not platforms.uses_unix_permissions(platform):
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode:
            path.chmod(current & mode)


def writable(path: Path) -> bool:
    """Whether the vault file and its folder can be written (SQLite's WAL needs both): not on a
    read-only file system (a write-protected stick), nor when the owner made them read-only."""
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return False
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _configure(db: sqlite3.Connection, platform: str = sys.platform) -> sqlite3.Connection:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    if platforms.needs_full_fsync(platform):  # macOS: fsync alone stops at the drive's cache
        db.execute("PRAGMA fullfsync = ON")
        db.execute("PRAGMA checkpoint_fullfsync = ON")
    db.execute("PRAGMA secure_delete = ON")
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def connect(path: Path) -> sqlite3.Connection:
    """Open an existing vault file; `VaultMissing` if there is none (nothing is created), and
    read-only where it cannot be written. An empty file is damage (a copy cut short), left
    exactly as it is: SQLite would otherwise take it for a new database and write to it."""
    if not path.is_file():
        raise VaultMissing(folder=str(path.parent))
    try:
        empty = path.stat().st_size == 0
    except OSError as error:
        raise StorageFailed(reason=type(error).__name__) from None
    if empty:
        raise VaultDamaged("vault_file_damaged")
    if not writable(path):
        return _connect_read_only(path)
    _make_private(path.parent, _PRIVATE_FOLDER)
    with sqlite_errors():
        db = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        try:
            _configure(db)
        except sqlite3.Error:
            db.close()
            raise
    for suffix in ("", *_SIDE_FILES):
        _make_private(path.with_name(path.name + suffix), _PRIVATE_FILE)
    with contextlib.suppress(VaultError):  # busy now: the first save of a detention adds it
        _add_new_tables(db)
    return db


def _tables(db: sqlite3.Connection) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(name) for (name,) in rows}


def _add_new_tables(db: sqlite3.Connection) -> None:
    """Give a vault made before a table its table. Only a vault: an SQLite file without the
    households table is someone else's, and is left exactly as it is."""
    with sqlite_errors():
        tables = _tables(db)
    missing = [made for name, made in _ADDED_TABLES.items() if name not in tables]
    if "households" in tables and missing:
        with transaction(db):
            for statement in missing:
                db.execute(statement)


def summary_cache(db: sqlite3.Connection) -> dict[int, bytes]:
    """The sealed buckets of the household list (none for a read-only vault made before)."""
    with sqlite_errors():
        if "summary_cache" not in _tables(db):
            return {}
        rows = db.execute("SELECT bucket, sealed FROM summary_cache").fetchall()
    return {int(bucket): bytes(sealed) for bucket, sealed in rows}


def summary_rows(db: sqlite3.Connection, household_ids: list[str]) -> dict[str, bytes]:
    """The sealed summaries of these households (those whose row is still there)."""
    return _households_column(db, "summary", household_ids)


def wrapped_keys(db: sqlite3.Connection, household_ids: list[str]) -> dict[str, bytes]:
    """The wrapped data keys of these households (those whose row is still there)."""
    return _households_column(db, "wrapped_key", household_ids)


def _households_column(
    db: sqlite3.Connection, column: str, household_ids: list[str]
) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    with sqlite_errors():
        for start in range(0, len(household_ids), 500):  # under SQLite's limit of parameters
            chunk = household_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT id, {column} FROM households WHERE id IN ({marks})"  # noqa: S608
            found.update((str(h), bytes(v)) for h, v in db.execute(query, chunk))
    return found


def put_summary_cache(db: sqlite3.Connection, buckets: dict[int, bytes], *, whole: bool) -> None:
    """Store sealed buckets of the household list, in place of the ones kept (all of them when
    `whole`: a new vault key makes the old ones unreadable, so none is left); call inside a
    transaction."""
    db.execute(_SUMMARY_CACHE)
    if whole:
        db.execute("DELETE FROM summary_cache")
    db.executemany(
        "INSERT INTO summary_cache (bucket, sealed) VALUES (?, ?)"
        " ON CONFLICT (bucket) DO UPDATE SET sealed = excluded.sealed",
        buckets.items(),
    )


def detention_row(db: sqlite3.Connection, household_id: str) -> bytes | None:
    """The household's sealed detention log; None if it has none (or the vault, read-only and
    made before the table, cannot have one)."""
    with sqlite_errors():
        if "detentions" not in _tables(db):
            return None
        row = db.execute(
            "SELECT sealed FROM detentions WHERE household_id = ?", (household_id,)
        ).fetchone()
    return None if row is None else bytes(row[0])


def put_detention(db: sqlite3.Connection, household_id: str, sealed: bytes | None) -> None:
    """Store (or, with None, remove) a household's sealed detention log; call inside a
    transaction."""
    db.execute(_DETENTIONS)
    if sealed is None:
        db.execute("DELETE FROM detentions WHERE household_id = ?", (household_id,))
    else:
        db.execute(
            "INSERT INTO detentions (household_id, sealed) VALUES (?, ?)"
            " ON CONFLICT (household_id) DO UPDATE SET sealed = excluded.sealed",
            (household_id, sealed),
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """The vault as it is, for reading only. Where not even SQLite's shared-memory file can be
    made (a read-only folder or file system), the file is opened as immutable: nobody can be
    writing it then."""
    side_files = any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))
    folder_writable = os.access(path.parent, os.W_OK)
    immutable = "" if side_files or folder_writable else "&immutable=1"
    uri = f"{path.resolve().as_uri()}?mode=ro{immutable}"
    with sqlite_errors():
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA foreign_keys = ON")
    return db


def _unlink_draft(draft: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        with contextlib.suppress(OSError):
            draft.with_name(draft.name + suffix).unlink()


def _publish(
    draft: Path,
    path: Path,
    platform: str = sys.platform,
    link: Callable[[Path, Path], None] = os.link,
) -> None:
    """Give the finished draft its final name unless a vault got there first, even one another
    process made a moment ago: a hard link never replaces. A file system without hard links (FAT,
    exFAT) falls back to a rename: on Windows a rename never replaces either; elsewhere it does,
    so the program looks first. `link`: a test passes one that fails as FAT does."""
    try:
        link(draft, path)
    except FileExistsError:
        raise VaultExists(folder=str(path.parent)) from None
    except OSError:
        if path.exists():
            raise VaultExists(folder=str(path.parent)) from None
        try:
            if platforms.rename_never_replaces(platform):
                draft.rename(path)
            else:
                draft.replace(path)
        except FileExistsError:
            raise VaultExists(folder=str(path.parent)) from None
    if platforms.can_sync_folder(platform):
        with contextlib.suppress(OSError):  # the new name survives a power cut
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def create(path: Path, header: Mapping[str, bytes]) -> None:
    """Write a new vault file with its header, appearing whole or not at all (built aside under a
    name of its own, then published). `VaultExists` if a vault is already there: an old vault is
    never replaced."""
    if path.exists():
        raise VaultExists(folder=str(path.parent))
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=_PRIVATE_FOLDER)
        _make_private(path.parent, _PRIVATE_FOLDER)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
        os.close(handle)  # mkstemp makes it 0600
    except OSError as error:
        raise StorageFailed(reason=type(error).__name__) from None
    draft = Path(name)
    try:
        with sqlite_errors():
            db = _configure(sqlite3.connect(draft, isolation_level=None))
            try:
                with transaction(db):
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    for statement in _ADDED_TABLES.values():
                        db.execute(statement)
                    write_header(db, header)
            finally:
                db.close()  # the last connection closing checkpoints and removes the WAL
        _publish(draft, path)
    except OSError as error:
        raise StorageFailed(reason=type(error).__name__) from None
    finally:
        _unlink_draft(draft)


def backup(path: Path, target: Path) -> None:
    """Copy the vault, as committed this moment, into one file at `target` (still encrypted):
    SQLite's online backup, so saves waiting in the -wal file are in it and a save made
    meanwhile is either wholly in or wholly out. Written beside `target` and renamed into place,
    owner-only."""
    source = connect(path)
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".new")
        os.close(handle)
    except OSError as error:
        source.close()
        raise StorageFailed(reason=type(error).__name__) from None
    draft = Path(name)
    try:
        with sqlite_errors():
            copy = sqlite3.connect(draft, isolation_level=None)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one file, whatever opens it
            finally:
                copy.close()
        with draft.open("rb") as written:
            os.fsync(written.fileno())
        draft.replace(target)
    except OSError as error:
        raise StorageFailed(reason=type(error).__name__) from None
    finally:
        source.close()
        _unlink_draft(draft)


def read_header(db: sqlite3.Connection) -> dict[str, bytes]:
    with sqlite_errors():
        rows = db.execute("SELECT name, value FROM header").fetchall()
    return {str(name): bytes(value) for name, value in rows}


def write_header(db: sqlite3.Connection, rows: Mapping[str, bytes]) -> None:
    """Replace the header; call inside a transaction, with the change it belongs to."""
    db.execute("DELETE FROM header")
    db.executemany("INSERT INTO header (name, value) VALUES (?, ?)", sorted(rows.items()))


def checkpoint(db: sqlite3.Connection) -> None:
    """Move committed pages into the database and empty the WAL, so that pages a delete freed (and
    secure_delete zeroed) do not linger in the WAL file."""
    with sqlite_errors():
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
