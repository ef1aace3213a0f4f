"""The vault on its own thread: the window asks for work and hears back, never waits.

A `Vault` is not thread-safe and its SQLite connection belongs to the thread that opened it, so one
worker thread owns the vault for the program's life and runs the jobs in the order they were asked.
Argon2id, the keyring (up to its 5 s timeout) and SQLite's fsyncs all happen there.

The worker is a plain Python thread that never touches Qt: jobs go to it through one queue and
answers come back through another, which a GUI-thread timer empties while answers are awaited.
(Queued signals carrying Python objects between threads cost PySide6 references it can miscount;
a timer on the GUI thread costs nothing that matters: it runs only while a job is out.)
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from planner.vault import Vault
from planner.vault_errors import VaultError

Job = Callable[[Vault], Any]
Done = Callable[[Any], None]
Failed = Callable[[VaultError], None]
POLL_MS = 10


def _serve(
    make_vault: Callable[[], Vault],
    jobs: queue.SimpleQueue[tuple[int, Job] | None],
    answers: queue.SimpleQueue[tuple[int, bool, object]],
) -> None:
    """The vault thread: make the vault on first use, run each job, lock the vault at the end."""
    vault: Vault | None = None
    while (item := jobs.get()) is not None:
        ticket, job = item
        try:
            if vault is None:
                vault = make_vault()
            answers.put((ticket, True, job(vault)))
        except VaultError as error:
            answers.put((ticket, False, error))
        except Exception:  # a bug must not kill the thread
            # The exception's text could quote a plan; the person gets the generic sentence.
            answers.put((ticket, False, VaultError()))
    if vault is not None:
        with contextlib.suppress(Exception):  # closing anyway
            vault.lock()


class VaultService(QObject):
    """The window's handle on the vault thread: `call(job, done, failed)`; `done(result)` or
    `failed(error)` is called later on the GUI thread, in the order the jobs were asked."""

    def __init__(self, make_vault: Callable[[], Vault], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue[tuple[int, Job] | None] = queue.SimpleQueue()
        self._answers: queue.SimpleQueue[tuple[int, bool, object]] = queue.SimpleQueue()
        self._thread = threading.Thread(
            target=_serve, args=(make_vault, self._jobs, self._answers), name="vault", daemon=True
        )
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._deliver)
        self._waiting: dict[int, tuple[Done | None, Failed | None]] = {}
        self._tickets = 0
        self._stopped = False
        self._thread.start()

    @property
    def idle(self) -> bool:
        """No job is waiting, running, or unanswered (tests wait for this)."""
        return not self._waiting

    def call(self, job: Job, done: Done | None = None, failed: Failed | None = None) -> None:
        if self._stopped:
            return
        self._tickets += 1
        self._waiting[self._tickets] = (done, failed)
        self._jobs.put((self._tickets, job))
        if not self._poll.isActive():
            self._poll.start()

    def _deliver(self) -> None:
        while not self._stopped:
            try:
                ticket, succeeded, value = self._answers.get_nowait()
            except queue.Empty:
                break
            done, failed = self._waiting.pop(ticket, (None, None))
            if succeeded and done is not None:
                done(value)
            elif not succeeded and failed is not None:
                assert isinstance(value, VaultError)
                failed(value)
        if not self._waiting or self._stopped:
            self._poll.stop()

    def stop(self, timeout: float = 10.0) -> None:
        """Lock the vault after the jobs already asked, and end the thread. Answers not yet
        delivered are dropped: call this once nothing more is awaited (see Controller.close)."""
        if self._stopped:
            return
        self._stopped = True
        self._poll.stop()
        self._jobs.put(None)
        self._thread.join(timeout)
        self._waiting.clear()
