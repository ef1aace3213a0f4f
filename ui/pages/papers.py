"""Where the papers are: the page of `ui.questions.papers`, with one button that lists the usual
papers of each person, marked still missing, for the family to tick off."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from planner.flow import SectionId
from planner.model import (
    DocumentLocation,
    DocumentStatus,
    ImmigrationStatus,
    PaperKind,
    Plan,
    list_limit_at,
)
from ui.pages.form import DeclaredPage
from ui.pages.parts import why_label
from ui.questions.papers import PAPERS, paper_line

CHILD_PAPERS = (PaperKind.BIRTH_CERTIFICATE, PaperKind.PASSPORT)
NO_WORK_PERMIT = (
    ImmigrationStatus.US_CITIZEN,
    ImmigrationStatus.PERMANENT_RESIDENT,
    ImmigrationStatus.NO_STATUS,
)


def adult_papers(status: ImmigrationStatus | None) -> tuple[PaperKind, ...]:
    """The papers most parents keep, without assuming a status the family did not record."""
    by_status = {
        PaperKind.CONSULAR_ID: status is not ImmigrationStatus.US_CITIZEN,
        PaperKind.GREEN_CARD: status is ImmigrationStatus.PERMANENT_RESIDENT,
        PaperKind.WORK_PERMIT: status not in NO_WORK_PERMIT,
        PaperKind.IMMIGRATION_PAPERS: status is ImmigrationStatus.PENDING_CASE,
    }
    kept = [kind for kind, applies in by_status.items() if applies]
    return (PaperKind.BIRTH_CERTIFICATE, PaperKind.PASSPORT, *kept, PaperKind.SOCIAL_SECURITY_CARD)


def usual_papers(plan: Plan) -> list[DocumentLocation]:
    """The common papers not yet listed, marked "still missing" so the family ticks them off.

    A paper of a kind listed for the whole household (all the birth certificates in one folder)
    counts as listed for everyone."""
    listed = {(paper.kind, paper.belongs_to) for paper in plan.documents}
    household = {kind for kind, owner in listed if owner is None}
    wanted: list[tuple[PaperKind, str]] = []
    for adult in plan.adults:
        status = adult.case.immigration_status if adult.case else None
        wanted += [(kind, adult.id) for kind in adult_papers(status)]
    for child in plan.children:
        wanted += [(kind, child.id) for kind in CHILD_PAPERS]
    return [
        DocumentLocation(kind=kind, belongs_to=owner, status=DocumentStatus.MISSING)
        for kind, owner in wanted
        if (kind, owner) not in listed and kind not in household
    ]


class PapersPage(DeclaredPage):
    section_id = SectionId.PAPERS
    declared = (PAPERS,)

    def build(self) -> None:
        self.papers = self.list_of(PAPERS.path)
        # The list names each paper's owner and status as well, which only the plan knows (the
        # declared heading, read on Review, is given the words alone).
        self.papers.items = replace(
            PAPERS, heading=lambda paper, _: paper_line(paper, self.reading())
        )
        # "Add the usual papers" stands under the list, shown even while it is empty.
        line = QHBoxLayout()
        self.usual = QPushButton()
        self.usual.clicked.connect(self._add_usual)
        line.addWidget(self.usual)
        self.usual_note = why_label(line)
        line.setStretchFactor(self.usual_note, 1)
        self.form.insertLayout(self.form.indexOf(self.papers.list_field) + 1, line)

    def load(self, plan: Plan) -> None:
        """The paper shown stays shown when the family comes back or switches language (papers
        have no id the list could find it by)."""
        kept = self.papers.index if plan is self.plan else -1
        if plan is not self.plan:
            self.usual_note.clear()
        super().load(plan)
        if 0 < kept < len(plan.documents):
            self.papers.show(kept)

    def _add_usual(self) -> None:
        """The usual papers not listed yet, after the list; the first of them is shown."""
        if self.plan is None:
            return
        self.store(self.plan)  # what the shown paper holds, before the list changes
        papers, new = self.plan.documents, usual_papers(self.plan)
        limit = list_limit_at(PAPERS.path)
        room = len(new) if limit is None else limit - len(papers)
        if not new or room <= 0:
            key = "list.full" if new else "papers.usual_none"
            self.usual_note.setText(self.words(key, limit=limit))
            return
        first = len(papers)
        papers.extend(new[:room])
        self.papers.show(first)
        self.edited.emit()
        self.usual_note.setText(self.words("papers.usual_added", count=len(papers) - first))
        self.papers.editor.items.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        w = self.words
        self.usual.setText(w("papers.usual"))
        self.usual.setAccessibleName(w("papers.usual").replace("&", ""))
        self.usual.setToolTip(w("papers.usual_tip"))
        self.usual_note.setText("")
