"""Writing finished files where the family chose, all or nothing, readable only by them.

Each file is written to a hidden temporary name in the same folder, flushed to disk and renamed into
place, so a crash or a full USB stick never leaves a half-written PDF that looks complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path


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


def write_atomically(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(_reason(error)) from None


def write_files(folder: Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write every (name, content) into `folder`, creating it; return the paths in order."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(_reason(error)) from None
    written = []
    for name, content in files:
        path = folder / name
        write_atomically(path, content)
        written.append(path)
    return written
