"""Render a plan's whole packet in memory: the API the wizard and `planner render` call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from forms import contacts
from forms.context import RenderContext, RenderOptions
from planner.model import Plan
from planner.packet import DocumentKind, PlannedDocument, planned_documents

Renderer = Callable[[RenderContext, str | None], bytes]

RENDERERS: dict[DocumentKind, Renderer] = {
    DocumentKind.CONTACTS: contacts.render,
}


@dataclass(frozen=True)
class RenderedDocument:
    """One finished file of the packet, still in memory: the caller decides where it goes."""

    planned: PlannedDocument
    content: bytes

    @property
    def filename(self) -> str:
        return self.planned.filename


def render_document(context: RenderContext, planned: PlannedDocument) -> RenderedDocument:
    return RenderedDocument(planned, RENDERERS[planned.kind](context, planned.subject_id))


def render_packet(plan: Plan, options: RenderOptions) -> list[RenderedDocument]:
    """Every document the plan yields (or those in `options.only`), in printing order."""
    context = RenderContext.for_plan(plan, options)
    only = frozenset(DocumentKind(k) for k in options.only) if options.only else None
    return [
        render_document(context, planned)
        for planned in planned_documents(plan, only)
        if planned.kind in RENDERERS
    ]
