"""Writing a finished packet where the family chose: the whole packet or nothing, readable only by
them, with no file of an earlier packet left behind to be printed by mistake.

Every file is first written into a hidden staging folder inside the chosen folder (so it is on the
same file system even when the chosen folder is the top of a USB stick, whose parent the family
may not write to), and flushed to disk. Only then are the earlier packet's files moved aside and
the new ones renamed into place: renames within one file system need no space, so a full disk or a
locked folder fails while writing, before anything the family had is touched. If a rename fails
anyway, the earlier files are put back. Either way the staging folder is removed.

Folders `render` creates are 0700, like its files; a folder that was there keeps its mode. On
Windows there are no such modes: the files take the chosen folder's access list (what each
platform does differently is decided in planner.platforms).

Which earlier files belong to the packet is decided by name alone (`03-child-5.pdf`, see
`planner.packet.packet_file_kind`): anything else the family keeps in the folder is left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from planner import platforms
from planner.packet import PacketDocumentKind, packet_file_kind

FileWriter = Callable[[Path, bytes], None]
"""Writes one new file, completely and durably, or raises OSError."""

STAGING_PREFIX = ".packet-"


class OutputError(Exception):
    """The files could not be written; `key` names a catalogue message, no path or name inside."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "output.disk_full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "output.no_permission"
    return "output.failed"


def flush_to_disk(descriptor: int, platform: str = sys.platform) -> None:
    """fsync, or on macOS F_FULLFSYNC (its fsync stops at the drive's cache); a file system
    that cannot do F_FULLFSYNC (a network share) gets the plain fsync."""
    if platforms.needs_full_fsync(platform):
        import fcntl

        with contextlib.suppress(OSError, AttributeError):
            fcntl.fcntl(descriptor, fcntl.F_FULLFSYNC)  # type: ignore[attr-defined]
            return
    os.fsync(descriptor)


def write_synced(path: Path, content: bytes) -> None:
    """A new file only its owner can read (0600; on Windows the folder's access list decides),
    written and flushed to disk before this returns."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
        file.flush()
        flush_to_disk(file.fileno())


def write_aside(path: Path, content: bytes) -> None:
    """One file written beside `path` (0600, on disk), then renamed into place: a crash or a full
    disk leaves the earlier file or the new one, never half of one. Raises OSError."""
    draft = path.with_name(f".{path.name}.{os.urandom(6).hex()}.part")
    try:
        write_synced(draft, content)
        draft.replace(path)
    except BaseException:
        draft.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path, platform: str = sys.platform) -> None:
    """Make the folder's new entries durable (not on Windows, where a folder cannot be opened
    as a file and NTFS journals folder changes).

    A file system that cannot flush a folder (some network and FUSE ones say EINVAL) has
    nothing more to flush: that is not a failure to write."""
    if not platforms.can_sync_folder(platform):
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(descriptor)


def _earlier_packet_files(folder: Path, kinds: Collection[PacketDocumentKind]) -> list[str]:
    """Files (not folders) in `folder` named as the packet names documents of `kinds`."""
    return sorted(
        entry.name
        for entry in os.scandir(folder)
        if packet_file_kind(entry.name) in kinds and entry.is_file(follow_symlinks=False)
    )


def _swap_in(folder: Path, staging: Path, names: list[str], stale: list[str]) -> None:
    """Move the earlier files named `names` or `stale` aside, then the new ones in; on failure,
    put everything back as it was before raising."""
    aside = staging / ".earlier"
    aside.mkdir(mode=0o700)
    moved_aside: list[str] = []
    moved_in: list[str] = []
    try:
        for name in dict.fromkeys([*names, *stale]):
            # A folder of that name is not an earlier file: the rename below fails on it.
            if os.path.lexists(folder / name) and not (folder / name).is_dir():
                (folder / name).rename(aside / name)
                moved_aside.append(name)
        for name in names:
            (staging / name).rename(folder / name)
            moved_in.append(name)
        _sync_folder(folder)
    except BaseException:
        for name in moved_in:
            with contextlib.suppress(OSError):
                (folder / name).unlink()
        for name in moved_aside:
            with contextlib.suppress(OSError):
                (aside / name).rename(folder / name)
        raise


def _make_folders(folder: Path, platform: str = sys.platform) -> list[Path]:
    """Create `folder` and every missing folder above it, each 0700 (only its owner may list
    what a packet is called, or open it; on Windows each takes its parent's access list);
    return those created, outermost first. A folder that already exists keeps its mode: the
    family may share it on purpose."""
    missing: list[Path] = []
    here = folder
    while not here.is_dir():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    created: list[Path] = []
    try:
        for path in reversed(missing):
            path.mkdir(mode=0o700)
            created.append(path)
            if platforms.uses_unix_permissions(platform):
                path.chmod(0o700)  # a umask could only take rights away; this sets them exactly
    except BaseException:
        _remove_empty(created)
        raise
    return created


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders we created (innermost first) if they are still empty."""
    for path in reversed(folders):
        with contextlib.suppress(OSError):
            path.rmdir()


def write_files(
    folder: Path,
    files: Iterable[tuple[str, bytes]],
    kinds: Collection[PacketDocumentKind] | None = None,
    write: FileWriter = write_synced,
) -> list[Path]:
    """Write the packet `files` (name, content) into `folder`, creating it; return the paths.

    Each file is written as soon as `files` yields it, so a generator that renders one
    document at a time never has the whole packet in memory. Nothing in `folder` changes until
    the last one is written; if `files` raises, the staging folder is removed and the error
    goes on.

    Earlier packet files of the `kinds` this packet covers that it no longer contains (the fifth
    child's sheet, once a plan has four children) are removed. `kinds`: every kind the packet
    was asked for; by default, the kinds of the files given. `write` writes one file (tests pass
    one that fails). Raises `OutputError`, having changed nothing in `folder`.
    """
    names: list[str] = []
    created: list[Path] = []
    staging: Path | None = None
    done = False
    try:
        created = _make_folders(folder)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))  # mode 0700
        for name, content in files:
            write(staging / name, content)
            names.append(name)
        if kinds is None:
            kinds = {kind for kind in map(packet_file_kind, names) if kind is not None}
        _sync_folder(staging)
        stale = [name for name in _earlier_packet_files(folder, kinds) if name not in names]
        _swap_in(folder, staging, names, stale)
        done = True
    except OSError as error:
        raise OutputError(_reason(error)) from None
    finally:
        if staging is not None:  # the new files on failure; the earlier ones set aside if done
            shutil.rmtree(staging, ignore_errors=True)
        if not done:
            _remove_empty(created)  # only if still empty: ours, made a moment ago
    return [folder / name for name in names]
