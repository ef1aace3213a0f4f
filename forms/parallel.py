"""A packet's documents rendered side by side in worker processes, handed back in printing order.

Why processes: reportlab is pure Python, so threads would only take turns holding the interpreter.
Why fork, from a parent that has already imported reportlab and read the fonts: a worker then
starts in milliseconds, warm, and finds the plan in the memory it was forked with, so nothing but
a document's number goes to it and nothing but the document's bytes comes back. The documents of
a packet share no state that changes their bytes (each PDF is invariant: no date or random id),
so a document is the same whichever process makes it, and a test compares every one.

Forking is safe only in a program that owns its process and runs no other threads: `planner
render` and the benchmarks ask for workers; the window never does (a forked Qt program can hang),
and nothing renders in workers unless a caller asks.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.context import RenderContext
    from forms.packet import RenderedDocument
    from planner.packet import PlannedDocument

_JOB: tuple[RenderContext, Sequence[PlannedDocument]] | None = None
"""The packet being made, set just before the workers are forked: they inherit it."""


def usable_cores() -> int:
    """How many processors this process may run on (a container or `taskset` may allow fewer
    than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether workers can be forked here: the platform's decision (`planner.platforms`), Linux
    only, since Windows has no fork and macOS's system libraries may not survive one."""
    from planner.platforms import can_fork_workers

    return can_fork_workers()


def _worker_started() -> None:
    """Ctrl+C reaches every process of the terminal's group: only the parent answers it (it
    stops the workers and exits quietly), so a worker never prints a traceback for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_one(index: int) -> bytes:
    """In a worker: the `index`-th document of the inherited packet."""
    from forms.packet import render_document

    assert _JOB is not None, "a worker renders only the packet it was forked with"
    context, planned = _JOB
    return render_document(context, planned[index]).content


def render_in_workers(
    context: RenderContext, planned: Sequence[PlannedDocument], workers: int
) -> Iterator[RenderedDocument]:
    """Each of `planned` made in one of `workers` forked processes and yielded in order, as soon
    as it and all before it are done: the caller writes each while the next are being made.
    Only a few documents are asked for ahead of the one the caller is given (enough to keep every
    worker busy), so a slow writer never makes the packet pile up in memory. The workers end
    when the last document is handed over, or when the caller stops asking."""
    import multiprocessing

    from forms.kit import register_fonts, styles
    from forms.packet import RenderedDocument

    global _JOB
    register_fonts()  # once here, not once a worker
    styles()
    _JOB = (context, planned)
    pool = multiprocessing.get_context("fork").Pool(min(workers, len(planned)), _worker_started)
    try:
        numbers = iter(range(len(planned)))
        asked = deque(pool.apply_async(_render_one, (n,)) for n in islice(numbers, workers + 1))
        for document in planned:
            content: bytes = asked.popleft().get()
            asked.extend(pool.apply_async(_render_one, (n,)) for n in islice(numbers, 1))
            yield RenderedDocument(document, content, context.language)
    finally:
        pool.terminate()
        pool.join()
        _JOB = None
