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
from forms.parallel import can_fork, render_in_workers
from planner.model import Plan
from planner.packet import PacketDocumentKind, PlannedDocument, planned_documents

Renderer = Callable[[RenderContext, str | None], bytes]

RENDERERS: dict[PacketDocumentKind, Renderer] = {
    PacketDocumentKind.INSTRUCTIONS: instructions.render,
    PacketDocumentKind.CASE: case.render,
    PacketDocumentKind.PAPERS: papers.render,
    PacketDocumentKind.WALLET_CARDS: wallet.render,
    PacketDocumentKind.VCARD: vcard.render,
    PacketDocumentKind.CONTACTS: contacts.render,
    PacketDocumentKind.CHILD: child.render,
    PacketDocumentKind.SIGNING_SHEET: signing.render,
    PacketDocumentKind.CAREGIVER_AUTHORIZATION: caregiver.render,
    PacketDocumentKind.REVIEW_SHEET: review.render,
    PacketDocumentKind.SCHOOL_RELEASE: school.render,
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


def render_each(plan: Plan, options: RenderOptions, workers: int = 1) -> Iterator[RenderedDocument]:
    """Every document the plan yields (or those in `options.only`), in printing order, each
    made only when asked for: a caller that writes each one as it comes
    (`planner.output_files.write_files`) never holds the whole packet in memory.

    With `workers` above 1 (and where processes can be forked), the documents are made that many
    at a time in forked processes (`forms.parallel`), with the same bytes: only for a caller that
    owns its process and runs no other threads, such as `planner render`; never the window."""
    context = RenderContext.for_plan(plan, options)
    only = frozenset(PacketDocumentKind(k) for k in options.only) if options.only else None
    planned = [p for p in planned_documents(plan, only) if p.kind in RENDERERS]
    if workers > 1 and len(planned) > 1 and can_fork():
        yield from render_in_workers(context, planned, workers)
        return
    for document in planned:
        yield render_document(context, document)


def render_packet(plan: Plan, options: RenderOptions, workers: int = 1) -> list[RenderedDocument]:
    """Every document the plan yields (or those in `options.only`), in printing order."""
    return list(render_each(plan, options, workers))
