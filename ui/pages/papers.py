"""Where the papers are: each important paper, whose it is, where it is kept, and whether the family
has it, still needs to get it, or must renew it. One button lists the usual papers to tick off."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from planner.flow import SectionId
from planner.model import (
    DocumentLocation,
    DocumentStatus,
    ImmigrationStatus,
    PaperKind,
    Plan,
)
from planner.people import label
from ui.i18n import PSEUDO, pseudo
from ui.pages.list_page import ListSectionPage
from ui.widgets import ChoiceField, TextField

HOUSEHOLD = ""
"""The choice for papers of the whole household (`belongs_to` None)."""

CHILD_PAPERS = (PaperKind.BIRTH_CERTIFICATE, PaperKind.PASSPORT)
NO_WORK_PERMIT = frozenset(
    {
        ImmigrationStatus.US_CITIZEN,
        ImmigrationStatus.PERMANENT_RESIDENT,
        ImmigrationStatus.NO_STATUS,
    }
)


def adult_papers(status: ImmigrationStatus | None) -> tuple[PaperKind, ...]:
    """The papers most parents keep, without assuming a status the family did not record."""
    kinds = [PaperKind.BIRTH_CERTIFICATE, PaperKind.PASSPORT]
    if status is not ImmigrationStatus.US_CITIZEN:
        kinds.append(PaperKind.CONSULAR_ID)
    if status is ImmigrationStatus.PERMANENT_RESIDENT:
        kinds.append(PaperKind.GREEN_CARD)
    if status not in NO_WORK_PERMIT:
        kinds.append(PaperKind.WORK_PERMIT)
    if status is ImmigrationStatus.PENDING_CASE:
        kinds.append(PaperKind.IMMIGRATION_PAPERS)
    kinds.append(PaperKind.SOCIAL_SECURITY_CARD)
    return tuple(kinds)


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


class PapersPage(ListSectionPage):
    section_id = SectionId.PAPERS
    list_name = "documents"

    def build(self) -> None:
        super().build()
        self.usual = QPushButton()
        self.usual.clicked.connect(self._add_usual)
        self.usual_note = QLabel()
        self.usual_note.setWordWrap(True)
        self.usual_note.setObjectName("why")
        row = QHBoxLayout()
        row.addWidget(self.usual)
        row.addWidget(self.usual_note, 1)
        self.form.insertLayout(self.form.indexOf(self.list_editor) + 1, row)

    def build_item(self) -> None:
        self.kind = ChoiceField()
        self.add_item_field("kind", self.kind)
        self.description = TextField()
        self.add_item_field("description", self.description)
        self.owner = ChoiceField()
        self.add_item_field("belongs_to", self.owner)
        self.location = TextField()
        self.add_item_field("location", self.location)
        self.status = ChoiceField()
        self.add_item_field("status", self.status)

    # --- the list ---------------------------------------------------------------------------------

    def new_item(self) -> DocumentLocation:
        return DocumentLocation(kind=PaperKind.OTHER)

    def item_label(self, item: DocumentLocation) -> str:
        kind = self._label(item.kind)
        if item.description:
            kind = f"{kind}: {item.description}"
        return f"{kind} — {self._owner_name(item.belongs_to)} — {self._label(item.status)}"

    def load_item(self, item: DocumentLocation) -> None:
        self._fill_owners(item.belongs_to)
        self.kind.set_value(item.kind.value)
        self.description.set_value(item.description)
        self.owner.set_value(item.belongs_to or HOUSEHOLD)
        self.location.set_value(item.location)
        self.status.set_value(item.status.value)

    def store_item(self, item: DocumentLocation) -> None:
        item.kind = PaperKind(self.kind.value() or PaperKind.OTHER)
        item.description = self.description.value()
        item.belongs_to = self.owner.value() or None
        item.location = self.location.value()
        item.status = DocumentStatus(self.status.value() or DocumentStatus.HAVE)

    # --- the usual papers -------------------------------------------------------------------------

    def _add_usual(self) -> None:
        if self.plan is None:
            return
        self._store_shown()
        new = usual_papers(self.plan)
        if new:
            self.append_items(new)
            self.usual_note.setText(self.words("papers.usual_added", count=len(new)))
            self.list_editor.items.setFocus()
        else:
            self.usual_note.setText(self.words("papers.usual_none"))

    # --- words ------------------------------------------------------------------------------------

    def _label(self, choice: StrEnum) -> str:
        text = label(choice, self.words.catalogue_language)
        return pseudo(text) if self.words.language == PSEUDO else text

    def _owner_name(self, owner: str | None) -> str:
        if owner is None:
            return self.words("papers.household")
        people = [*self.plan.adults, *self.plan.children] if self.plan else []
        found = next((p for p in people if p.id == owner), None)
        return found.full_name if found else self.words("papers.unknown_person")

    def _fill_owners(self, current: str | None) -> None:
        people = [*self.plan.adults, *self.plan.children] if self.plan else []
        choices = [(HOUSEHOLD, self.words("papers.household"))]
        choices += [(p.id, p.full_name or self.words("papers.no_name")) for p in people]
        if current and all(p.id != current for p in people):
            choices.append((current, self.words("papers.unknown_person")))
        self.owner.set_choices(choices, current or HOUSEHOLD)

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.list_editor.retranslate()
        self.list_editor.items.setAccessibleName(w("papers.list"))
        self.empty.setText(w("papers.empty"))
        self.usual.setText(w("papers.usual"))
        self.usual.setAccessibleName(w("papers.usual").replace("&", ""))
        self.usual.setToolTip(w("papers.usual_tip"))
        self.usual_note.setText("")
        fields = self.item_fields
        fields["kind"].set_texts(w("papers.kind"))
        fields["description"].set_texts(w("papers.description"), w("papers.description_why"))
        fields["belongs_to"].set_texts(w("papers.belongs_to"))
        fields["location"].set_texts(w("papers.location"), w("papers.location_why"))
        fields["status"].set_texts(w("papers.status"))
        self.kind.set_choices([(k.value, self._label(k)) for k in PaperKind])
        self.status.set_choices([(s.value, self._label(s)) for s in DocumentStatus])
        if self.plan is not None:
            papers = self.plan.documents
            shown = papers[self.index] if 0 <= self.index < len(papers) else None
            self._fill_owners(shown.belongs_to if shown else None)
        self.relabel()
