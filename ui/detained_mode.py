"""The window's side of "a parent was detained": it opens the screen (`ui.detained`) on one saved
household, keeps the log in the vault through the vault's worker, prints the caregiver papers to
sign now and saves the case summary for the lawyer.

Only a navigator who opened the vault reaches it, from the caseload, never a workshop (the
shared-laptop rule): `start` asks the controller first. The screen never saves, prints or writes;
this does, so the screen stays testable alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from planner.detained import Detention
from planner.model import Plan
from planner.packet import PlannedDocument
from ui.detained import DetainedView, case_summary_bytes
from ui.packet_service import PacketMaker
from ui.pages.folder_choice import ask_folder

if TYPE_CHECKING:
    from planner.vault import Vault
    from planner.vault_errors import VaultError
    from ui.controller import Controller

CASE_SUMMARY_FILE = "case-summary-for-the-lawyer.pdf"
"""No name in it: a file name is seen in folders, recent lists and backups."""


class DetainedMode(QObject):
    """The detained screen on one household at a time, kept while the vault stays open."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self.controller = controller
        self.words = controller.words
        self.view = DetainedView(controller.words)
        controller.window.screens.addWidget(self.view)
        self.household_id: str | None = None
        self.plan: Plan | None = None
        self.papers = PacketMaker(self)
        self.papers.made.connect(self._print_papers)
        self.papers.making_failed.connect(lambda: self._tell("detained.mode.papers_failed"))
        self.papers.printing_failed.connect(lambda: self._tell("detained.mode.papers_failed"))
        self.view.log_changed.connect(self._keep)
        self.view.closed.connect(self._close)
        self.view.papers_requested.connect(self._make_papers)
        self.view.case_summary_requested.connect(self._save_case_summary)

    def start(self, household_id: str) -> None:
        """Open the screen on a saved household, with its log if one was started before."""
        if not self.controller.caseload_allowed:
            return

        def job(vault: Vault) -> tuple[Plan, Detention | None]:
            return vault.load(household_id), vault.load_detention(household_id)

        def opened(result: tuple[Plan, Detention | None]) -> None:
            if not self.controller.caseload_allowed:
                return  # locked or turned into a workshop meanwhile
            self.household_id, (self.plan, detention) = household_id, result
            self.view.show_household(self.plan, detention)
            self.controller.window.screens.setCurrentWidget(self.view)

        self.controller.vault.call(job, opened, self._failed)

    def _keep(self, detention: Detention) -> None:
        """Every tick is kept at once: the log is what a later shift of the navigator reads."""
        household_id = self.household_id
        if household_id is None or not self.controller.caseload_allowed:
            return
        self.controller.vault.call(
            lambda vault: vault.save_detention(household_id, detention), None, self._failed
        )

    def _failed(self, error: VaultError) -> None:
        self.controller.dialogs.inform(error.message(self.words.catalogue_language))

    def _tell(self, key: str, **values: object) -> None:
        self.controller.dialogs.inform(self.words(key, **values))

    def _close(self) -> None:
        self.forget()
        self.controller.show_caseload()

    def forget(self) -> None:
        """Locking, erasing or closing: nothing of the household stays on screen or in memory."""
        self.view.forget()
        self.papers.forget()
        self.household_id, self.plan = None, None

    def _make_papers(self, documents: list[PlannedDocument]) -> None:
        if self.plan is None or not documents:
            return
        kinds = frozenset(planned.kind for planned in documents)
        language = self.plan.household.document_language
        both = "" if language == "en" else "+en"
        self.papers.make(self.plan, documents, kinds, language + both)

    def _print_papers(self, count: int) -> None:
        if count:
            self.papers.print_on_paper(self.view, self.words("detained.mode.papers_job"))

    def _save_case_summary(self, detention: Detention) -> None:
        """Made once a folder is chosen (a moment), then saved there owner only, all or
        nothing, like the packet (planner.output_files). Nothing is made if the vault was
        locked while the folder was being chosen."""
        from planner.output_files import OutputError, write_files

        if self.plan is None:
            return
        folder = ask_folder(self.view, self.words("detained.mode.case_summary_folder"))
        if not folder or self.plan is None:
            return
        content = case_summary_bytes(self.plan, detention, self.words.catalogue_language)
        try:
            write_files(Path(folder), [(CASE_SUMMARY_FILE, content)], kinds=frozenset())
        except OutputError:
            self._tell("detained.mode.case_summary_failed")
            return
        self._tell("detained.mode.case_summary_saved", folder=folder)
