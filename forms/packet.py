"""Render a plan's packet, all at once or one document at a time: the API the wizard and
`planner render` call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from forms import (
    caregiver,
    case,
    child,
    contacts,
    instructions,
    papers,
    review,
    school,
    signing,
    vcard,
    wallet,
)
from forms.context import RenderContext, RenderOptions
from forms.paragraph import parsed_once
from planner.model import Plan
from planner.packet import DocumentKind, PlannedDocument, planned_documents

Renderer = Callable[[RenderContext, str | None], bytes]

RENDERERS: dict[DocumentKind, Renderer] = {
    DocumentKind.INSTRUCTIONS: instructions.render,
    DocumentKind.CASE: case.render,
    DocumentKind.PAPERS: papers.render,
    DocumentKind.WALLET_CARDS: wallet.render,
    DocumentKind.VCARD: vcard.render,
    DocumentKind.CONTACTS: contacts.render,
    DocumentKind.CHILD: child.render,
    DocumentKind.SIGNING_SHEET: signing.render,
    DocumentKind.CAREGIVER_AUTHORIZATION: caregiver.render,
    DocumentKind.REVIEW_SHEET: review.render,
    DocumentKind.SCHOOL_RELEASE: school.render,
}


@dataclass(frozen=True)
class RenderedDocument:
    """One finished file of the packet, still in memory: the caller decides where it goes."""

    planned: PlannedDocument
    content: bytes
    language: str = "en"
    """The packet's language, which names the file."""

    @property
    def filename(self) -> str:
        return self.planned.filename_in(self.language)


def render_document(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
    with parsed_once(context.parsed):
        content = RENDERERS[planned.kind](context, planned.subject_id)
    return RenderedDocument(planned, content, context.language)


def render_each(plan: Plan, options: RenderOptions) -> Iterator[RenderedDocument]:
    """Every document the plan yields (or those in `options.only`), in printing order, each
    made only when asked for: a caller that writes each one as it comes
    (`planner.output_files.write_files`) never holds the whole packet in memory."""
    context = RenderContext.for_plan(plan, options)
    only = frozenset(DocumentKind(k) for k in options.only) if options.only else None
    for planned in planned_documents(plan, only):
        if planned.kind in RENDERERS:
            yield render_document(context, planned)


def render_packet(plan: Plan, options: RenderOptions) -> list[RenderedDocument]:
    """Every document the plan yields (or those in `options.only`), in printing order."""
    return list(render_each(plan, options))
