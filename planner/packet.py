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


class DocumentKind(StrEnum):
    """Every kind of document in the packet, in the order it is printed."""

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


OPTIONAL_KINDS = frozenset({DocumentKind.REVIEW_SHEET})
"""Made only when asked for: the attorney's review sheet is not for the family to carry."""


@dataclass(frozen=True)
class PlannedDocument:
    """One file of the packet: its kind and, for per-person documents, whose it is."""

    kind: DocumentKind
    subject_id: str | None = None
    number: int = 1
    """1, 2, 3 … among documents of the same kind: file names carry numbers, never names."""

    @property
    def filename(self) -> str:
        return self.filename_in("en")

    def filename_in(self, language: str) -> str:
        """The file's name in the packet's language (`03-ficha-del-nino-2.pdf` in Spanish)."""
        return f"{_file_prefix(self.kind, language)}{self.number}.{_extension(self.kind)}"


def _file_prefix(kind: DocumentKind, language: str = "en") -> str:
    """The number that keeps the files in printing order, and the kind's name in `language`
    (plain ASCII, so any USB stick or e-mail takes it)."""
    order = list(DocumentKind).index(kind) + 1
    stem = translate(kind.value, language, domain="files")
    return f"{order:02d}-{stem}-"


def _extension(kind: DocumentKind) -> str:
    return "vcf" if kind is DocumentKind.VCARD else "pdf"


@cache
def _packet_names() -> re.Pattern[str]:
    """Every name the packet gives a file, in every language: rendering again in another
    language still finds the earlier packet's files."""
    kinds = "|".join(
        f"(?P<{kind.name}>(?:{prefixes})[1-9][0-9]*\\.{_extension(kind)})"
        for kind in DocumentKind
        for prefixes in [
            "|".join(sorted({re.escape(_file_prefix(kind, lang)) for lang in SUPPORTED_LANGUAGES}))
        ]
    )
    return re.compile(kinds)


def packet_file_kind(name: str) -> DocumentKind | None:
    """The kind of document a file name is, if it is exactly a name the packet gives its files
    (`03-child-5.pdf`); None for any other file (`03-child-5.pdf.bak`, `notes.pdf`)."""
    found = _packet_names().fullmatch(name)
    return DocumentKind[found.lastgroup] if found and found.lastgroup else None


def _per_item(kind: DocumentKind, ids: list[str]) -> list[PlannedDocument]:
    return [PlannedDocument(kind, subject_id, n) for n, subject_id in enumerate(ids, start=1)]


def planned_documents(
    plan: Plan, only: frozenset[DocumentKind] | None = None
) -> list[PlannedDocument]:
    """The packet for this plan, optionally limited to some kinds (the optional kinds only when
    `only` names them)."""
    schools_in_use = [s.id for s in plan.schools if any(c.school_id == s.id for c in plan.children)]
    documents = [
        PlannedDocument(DocumentKind.INSTRUCTIONS),
        PlannedDocument(DocumentKind.CONTACTS),
        *_per_item(DocumentKind.CHILD, [c.id for c in plan.children]),
        *([PlannedDocument(DocumentKind.SIGNING_SHEET)] if plan.children else []),
        *_per_item(DocumentKind.CAREGIVER_AUTHORIZATION, [c.id for c in plan.children]),
        PlannedDocument(DocumentKind.REVIEW_SHEET),
        *_per_item(DocumentKind.SCHOOL_RELEASE, schools_in_use),
        *_per_item(DocumentKind.CASE, [a.id for a in plan.adults]),
        PlannedDocument(DocumentKind.WALLET_CARDS),
        PlannedDocument(DocumentKind.PAPERS),
    ]
    if plan.emergency_contacts:
        documents.append(PlannedDocument(DocumentKind.VCARD))
    wanted = only if only is not None else frozenset(DocumentKind) - OPTIONAL_KINDS
    return [d for d in documents if d.kind in wanted]
