"""Which documents a plan yields: one list, in printing order, decided without drawing anything.

The wizard shows this list for the family to choose from; `forms.render_packet` draws it. Per-child
and per-school documents appear once for each child or school, so the count is known up front.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from planner.i18n import SUPPORTED_LANGUAGES, translate

if TYPE_CHECKING:  # the plan's model (pydantic) is not needed to name documents or files
    from planner.model import Plan


class PacketDocumentKind(StrEnum):
    """Every kind of document this program prints in the packet, in the order it is printed: not
    the family's own papers, which are `planner.model.PaperKind`."""

    INSTRUCTIONS = "instructions"
    CONTACTS = "contacts"
    CHILD = "child"
    SIGNING_SHEET = "signing_sheet"
    CAREGIVER_AUTHORIZATION = "caregiver_authorization"
    REVIEW_SHEET = "review_sheet"
    SCHOOL_RELEASE = "school_release"
    CASE = "case"
    WALLET_CARDS = "wallet_cards"
    PAPERS = "papers"
    VCARD = "vcard"


OPTIONAL_KINDS = frozenset({PacketDocumentKind.REVIEW_SHEET})
"""Made only when asked for: the attorney's review sheet is not for the family to carry."""


@dataclass(frozen=True)
class PlannedDocument:
    """One file of the packet: its kind and, for per-person documents, whose it is."""

    kind: PacketDocumentKind
    subject_id: str | None = None
    number: int = 1
    """1, 2, 3 … among documents of the same kind: file names carry numbers, never names."""

    @property
    def filename(self) -> str:
        return self.filename_in("en")

    def filename_in(self, language: str) -> str:
        """The file's name in the packet's language (`03-ficha-del-nino-2.pdf` in Spanish)."""
        return f"{_file_prefix(self.kind, language)}{self.number}.{_extension(self.kind)}"


def _file_prefix(kind: PacketDocumentKind, language: str = "en") -> str:
    """The number that keeps the files in printing order, and the kind's name in `language`
    (plain ASCII, so any USB stick or e-mail takes it)."""
    order = list(PacketDocumentKind).index(kind) + 1
    stem = translate(kind.value, language, domain="files")
    return f"{order:02d}-{stem}-"


def _extension(kind: PacketDocumentKind) -> str:
    return "vcf" if kind is PacketDocumentKind.VCARD else "pdf"


@cache
def _packet_names() -> re.Pattern[str]:
    """Every name the packet gives a file, in every language: rendering again in another
    language still finds the earlier packet's files."""
    kinds = "|".join(
        f"(?P<{kind.name}>(?:{prefixes})[1-9][0-9]*\\.{_extension(kind)})"
        for kind in PacketDocumentKind
        for prefixes in [
            "|".join(sorted({re.escape(_file_prefix(kind, lang)) for lang in SUPPORTED_LANGUAGES}))
        ]
    )
    return re.compile(kinds)


def packet_file_kind(name: str) -> PacketDocumentKind | None:
    """The kind of document a file name is, if it is exactly a name the packet gives its files
    (`03-child-5.pdf`); None for any other file (`03-child-5.pdf.bak`, `notes.pdf`)."""
    found = _packet_names().fullmatch(name)
    return PacketDocumentKind[found.lastgroup] if found and found.lastgroup else None


def _per_item(kind: PacketDocumentKind, ids: list[str]) -> list[PlannedDocument]:
    return [PlannedDocument(kind, subject_id, n) for n, subject_id in enumerate(ids, start=1)]


def planned_documents(
    plan: Plan, only: frozenset[PacketDocumentKind] | None = None
) -> list[PlannedDocument]:
    """The packet for this plan, optionally limited to some kinds (the optional kinds only when
    `only` names them)."""
    schools_in_use = [s.id for s in plan.schools if any(c.school_id == s.id for c in plan.children)]
    documents = [
        PlannedDocument(PacketDocumentKind.INSTRUCTIONS),
        PlannedDocument(PacketDocumentKind.CONTACTS),
        *_per_item(PacketDocumentKind.CHILD, [c.id for c in plan.children]),
        *([PlannedDocument(PacketDocumentKind.SIGNING_SHEET)] if plan.children else []),
        *_per_item(PacketDocumentKind.CAREGIVER_AUTHORIZATION, [c.id for c in plan.children]),
        PlannedDocument(PacketDocumentKind.REVIEW_SHEET),
        *_per_item(PacketDocumentKind.SCHOOL_RELEASE, schools_in_use),
        *_per_item(PacketDocumentKind.CASE, [a.id for a in plan.adults]),
        PlannedDocument(PacketDocumentKind.WALLET_CARDS),
        PlannedDocument(PacketDocumentKind.PAPERS),
    ]
    if plan.emergency_contacts:
        documents.append(PlannedDocument(PacketDocumentKind.VCARD))
    wanted = only if only is not None else frozenset(PacketDocumentKind) - OPTIONAL_KINDS
    return [d for d in documents if d.kind in wanted]
