"""Reading a file a person names without trusting what is there: a named pipe would block the
program forever, /dev/zero never ends, and a huge file would fill the memory.

`read_regular` stats the path before opening it, opens it without blocking, checks the opened
file again (something else may have been put at the path in between), and reads at most `limit`
bytes. Callers turn `NotRegular` and `TooLarge` into their own sentence.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

_OPEN_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """A folder, a pipe, a socket or a device: no file to read."""


class TooLarge(OSError):
    """More bytes than the caller will ever need."""


def _check(status: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise NotRegular(status.st_mode)
    if status.st_size > limit:
        raise TooLarge(status.st_size)


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; `NotRegular`,
    `TooLarge`, or the `OSError` opening or reading it raised."""
    _check(path.stat(), limit)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as file:
        _check(os.fstat(file.fileno()), limit)
        raw = file.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge(len(raw))
    return raw
