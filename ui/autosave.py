"""Autosave: every change to the plan is saved, encrypted, about a second after the family stops.

Changes restart a single-shot timer; when it fires, a copy of the plan goes to the vault thread.
One save runs at a time, so the first save of a new plan creates exactly one household, and any
change made meanwhile is saved right after. A failed save keeps the plan in memory, marked unsaved,
and is tried again on the next change (or when asked to flush).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from planner.vault import Vault
from planner.vault_errors import VaultError
from planner.vault_records import HouseholdSummary, Revision
from ui.session import Session
from ui.vault_worker import VaultService

DEFAULT_DELAY_MS = 1000
Saved = tuple[Revision, list[HouseholdSummary] | None]


class Autosaver(QObject):
    """Saves `session.plan` through the vault thread whenever `can_save()` allows."""

    saved = Signal(object, object)
    """(Revision, the household list after the save or None if it could not be read)."""
    failed = Signal(object)
    """The VaultError that stopped a save; the plan stays in memory, unsaved."""

    def __init__(
        self,
        session: Session,
        vault: VaultService,
        can_save: Callable[[], bool],
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.vault = vault
        self.can_save = can_save
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        self.unsaved = False
        """The plan has changes the vault does not have yet."""
        self.saving = False
        self._generation = 0
        self._waiting: list[Callable[[], None]] = []

    def changed(self) -> None:
        """The plan changed: save it once the family pauses."""
        self.unsaved = True
        if self.can_save():
            self.timer.start()

    def forget(self) -> None:
        """Another plan replaced this one (its changes were flushed first, or are not wanted)."""
        self._generation += 1
        self.timer.stop()
        self.unsaved = False

    @property
    def pending(self) -> bool:
        """A save is running, or changes are waiting that could be saved now."""
        return self.saving or (self.unsaved and self.can_save())

    def save_now(self) -> None:
        self.timer.stop()
        if self.saving:
            return  # the running save's end starts the next one
        if not (self.unsaved and self.can_save()):
            self._release()
            return
        self.saving = True
        self.unsaved = False
        plan = self.session.plan.model_copy(deep=True)
        household_id = self.session.household_id
        generation = self._generation

        def job(vault: Vault) -> Saved:
            revision = vault.save(plan, household_id)
            try:
                return revision, vault.list_households()
            except VaultError:
                return revision, None

        self.vault.call(job, partial(self._saved, generation), partial(self._failed, generation))

    def after_saves(self, then: Callable[[], None]) -> None:
        """Run `then` once every change that can be saved now has reached the vault (or failed)."""
        self._waiting.append(then)
        self.save_now()

    def _saved(self, generation: int, saved: Saved) -> None:
        revision, households = saved
        self.saving = False
        if generation == self._generation and self.session.household_id is None:
            self.session.household_id = revision.household_id  # the first save made it
        self.saved.emit(revision, households)
        if self.unsaved and self.can_save() and (self._waiting or not self.timer.isActive()):
            self.save_now()
        else:
            self._release()

    def _failed(self, generation: int, error: VaultError) -> None:
        self.saving = False
        if generation == self._generation:
            self.unsaved = True
        self.failed.emit(error)
        self._release()

    def _release(self) -> None:
        if self.saving:
            return
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
