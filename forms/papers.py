"""Where our papers are: every paper by owner, what is still missing, and money and property."""

from __future__ import annotations

from enum import StrEnum

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from forms.context import RenderContext
from forms.kit import (
    Words,
    build_pdf,
    checkbox,
    grid,
    heading,
    notice,
    safe,
    styles,
    title_block,
    user_paragraphs,
)
from forms.paragraph import Paragraph
from planner.model import Adult, Child, DocumentLocation, DocumentStatus, Plan
from planner.people import label

DOMAIN = "doc_papers"


def both_labels(choice: StrEnum, words: Words) -> str:
    """A choice's printed name, with its English beside it in bilingual documents."""
    text = label(choice, words.language)
    return f"{text} / {label(choice, 'en')}" if words.bilingual else text


def owner_name(plan: Plan, owner_id: str | None, words: Words) -> str:
    """Whose paper it is, as plain text: a person's name, or the household's."""
    if owner_id is None:
        return words("household")
    people: list[Adult | Child] = [*plan.adults, *plan.children]
    found = next((p for p in people if p.id == owner_id), None)
    return found.full_name if found else words("unknown_owner")


def paper_name(paper: DocumentLocation, language: str) -> str:
    """The kind and the family's detail, e.g. "Passport: US passport"; the detail alone if it
    already names the kind ("Pasaporte haitiano")."""
    kind = label(paper.kind, language)
    if not paper.description or paper.description.casefold().startswith(kind.casefold()):
        return paper.description or kind
    return f"{kind}: {paper.description}"


def _owner_groups(plan: Plan, words: Words) -> list[tuple[str, list[DocumentLocation]]]:
    """(heading markup, papers) for the household, each adult, each child, then anyone else."""
    known = {a.id for a in plan.adults} | {c.id for c in plan.children}
    groups: list[tuple[str, list[DocumentLocation]]] = [
        (words.both("household_papers"), [d for d in plan.documents if d.belongs_to is None])
    ]
    for adult in plan.adults:
        title = f"{safe(adult.full_name)} — {both_labels(adult.role, words)}"
        groups.append((title, [d for d in plan.documents if d.belongs_to == adult.id]))
    for child in plan.children:
        title = f"{safe(child.full_name)} — {words.both('child')}"
        groups.append((title, [d for d in plan.documents if d.belongs_to == child.id]))
    strays = [d for d in plan.documents if d.belongs_to is not None and d.belongs_to not in known]
    groups.append((words.both("unknown_owner_papers"), strays))
    return [(title, papers) for title, papers in groups if papers]


def _papers(plan: Plan, words: Words) -> list[Flowable]:
    language = words.language
    header = [words.both(c) for c in ("col_paper", "col_details", "col_location", "col_status")]
    widths = [w * inch for w in (1.55, 2.35, 2.1, 1.0)]
    story: list[Flowable] = []
    for title, papers in _owner_groups(plan, words):
        rows = [
            [label(d.kind, language), d.description, d.location, label(d.status, language)]
            for d in papers
        ]
        story.extend([*heading(title), grid(rows, header, widths)])
    return story or words.paragraphs("no_papers")


def _checklist_style() -> ParagraphStyle:
    return ParagraphStyle("checklist", parent=styles().body, leftIndent=16, firstLineIndent=-16)


def _checklist(plan: Plan, words: Words) -> list[Flowable]:
    """A box to tick for each paper still missing or expired, saying what to do about it."""
    todo = [d for d in plan.documents if d.status is not DocumentStatus.HAVE]
    story: list[Flowable] = heading(words.both("checklist"))
    if not todo:
        return [*story, *words.paragraphs("nothing_missing")]
    story.extend(words.paragraphs("checklist_text"))
    language = words.language
    for paper in todo:
        action = "get_it" if paper.status is DocumentStatus.MISSING else "renew_it"
        params = {
            "paper": paper_name(paper, language),
            "status": label(paper.status, language),
            "todo": words(action),
        }
        if paper.belongs_to is None:
            line = words("item_household", **params)
        else:
            line = words("item", owner=owner_name(plan, paper.belongs_to, words), **params)
        story.append(Paragraph(f"{checkbox(False)} {line}", _checklist_style()))
    return story


def _money(plan: Plan, words: Words) -> list[Flowable]:
    language = words.language
    story: list[Flowable] = heading(words.both("money"))
    if plan.money_and_property:
        columns = ("col_kind", "col_what", "col_access", "col_money_papers")
        rows = [
            [label(m.kind, language), m.description, m.who_can_access, m.where_papers_are]
            for m in plan.money_and_property
        ]
        widths = [w * inch for w in (1.35, 2.35, 1.65, 1.65)]
        story.append(grid(rows, [words.both(c) for c in columns], widths))
    else:
        story.extend(words.paragraphs("no_money"))
    if plan.money_notes.strip():
        story.extend([*heading(words.both("money_notes")), *user_paragraphs(plan.money_notes)])
    return story


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    plan = context.plan
    words = context.words(DOMAIN)
    story: list[Flowable] = [
        *title_block(words.both("title"), words("subtitle", household=plan.household.display_name)),
        *notice(words, "keep_private"),
        *_papers(plan, words),
        *_checklist(plan, words),
        *_money(plan, words),
    ]
    return build_pdf(story, context.meta("papers", words.english("title")), context.footer())
