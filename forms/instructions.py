"""If I am detained: the caregiver's steps, in order, from the children to what not to do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from forms.context import RenderContext
from forms.finding import federal_lines_story, locator_story
from forms.kit import (
    Words,
    build_pdf,
    fields_table,
    grid,
    heading,
    notice,
    safe,
    styles,
    title_block,
    user_paragraphs,
)
from forms.papers import owner_name, paper_name
from forms.paragraph import Paragraph
from planner.formats import display_phone
from planner.i18n import translate
from planner.jurisdictions import Jurisdiction, load_jurisdiction
from planner.model import Attorney, DocumentStatus, Plan
from planner.paper_period import end_day
from planner.people import address_text, date_text, label, phones_text, relationship_text

DOMAIN = "doc_instructions"


def _gap() -> Flowable:
    """Air between a table and the sentence after it."""
    return Spacer(0, 6)


Step = Callable[[RenderContext, Words], list[Flowable]]


def _children(context: RenderContext, words: Words) -> list[Flowable]:
    plan = context.plan
    story: list[Flowable] = words.paragraphs("children_text")
    if not plan.children:
        return [*story, *words.paragraphs("no_children")]
    rows = []
    for child in plan.children:
        school = plan.school(child.school_id) if child.school_id else None
        if school is None:
            rows.append([child.full_name, words("no_school"), ""])
            continue
        where = _lines(school.name, address_text(school.address, context.language))
        rows.append([child.full_name, where, display_phone(school.phone)])
    header = [words.both(c) for c in ("col_child", "col_school", "col_phone")]
    widths = [w * inch for w in (2.1, 3.3, 1.6)]
    sheets = words.paragraphs("children_sheets", styles().small)
    return [*story, grid(rows, header, widths), *sheets]


def _caregiver_papers(context: RenderContext, words: Words) -> list[Flowable]:
    """Which paper gives the caregiver authority, and when it is signed: already (an agreement,
    a designation) or by the caregiver once the children live with them (an affidavit)."""
    rules = load_jurisdiction(context.plan.household.state)
    if not context.plan.children:
        return []
    if rules.instrument is None:
        story = words.paragraphs("papers_letter")
    else:
        key = f"papers_{rules.signing.when}"
        story = words.paragraphs(
            key, translated=lambda lang: {"title": rules.instrument_name(lang)}
        )
    return story + _papers_signed(context, words, rules)


def _papers_signed(context: RenderContext, words: Words, rules: Jurisdiction) -> list[Flowable]:
    """Each signed paper's day, and by when a new one must be signed: a paper past its term
    gives the caregiver no authority, and a school or clinic may check. Nothing for a paper
    not yet signed."""
    story: list[Flowable] = []
    for child in context.plan.children:
        signed = child.care.paper_signed_on
        if signed is None:
            continue
        renew = end_day(rules, child.care.paper_period, signed)
        key = "paper_signed_renew" if renew else "paper_signed"
        days = _in_words(signed=signed, renew=renew)
        story += words.paragraphs(key, translated=days, child=child.full_name)
    return story


def _in_words(**days: date | None) -> Callable[[str], dict[str, object]]:
    """Dates as each language writes them, for `Words.paragraphs(translated=…)`."""
    return lambda language: {name: date_text(day, language) for name, day in days.items()}


def _call_people(context: RenderContext, words: Words) -> list[Flowable]:
    plan, language = context.plan, context.language
    story: list[Flowable] = []
    if len(plan.adults) > 1:
        parents = [
            (safe(a.full_name), phones_text(a.phones, language)) for a in plan.adults if a.phones
        ]
        if parents:
            story.extend([*words.paragraphs("call_parents"), fields_table(parents, 2.6 * inch)])
    story.extend(words.paragraphs("call_text"))
    if not plan.emergency_contacts:
        return [*story, *words.paragraphs("no_contacts")]
    rows = [
        [
            str(order),
            contact.full_name,
            relationship_text(contact, language),
            phones_text(contact.phones, language),
            contact.notes,
        ]
        for order, contact in enumerate(plan.emergency_contacts, start=1)
    ]
    columns = ("col_name", "col_relationship", "col_phones", "col_notes")
    header = [words("col_order"), *(words.both(c) for c in columns)]
    widths = [w * inch for w in (0.3, 1.45, 1.6, 1.95, 1.7)]
    return [*story, grid(rows, header, widths), _gap()]


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _attorney_kind(attorney: Attorney) -> str:
    return "accredited" if attorney.is_accredited_representative else "lawyer"


def _represents(plan: Plan, attorney_id: str) -> str:
    return ", ".join(
        a.full_name for a in plan.adults if a.case is not None and a.case.attorney_id == attorney_id
    )


def _lawyer(context: RenderContext, words: Words) -> list[Flowable]:
    plan, language = context.plan, context.language
    story: list[Flowable] = words.paragraphs("lawyer_text")
    if plan.attorneys:
        rows = [
            [
                _lines(f"{a.full_name} ({words(_attorney_kind(a))})", a.organization),
                _represents(plan, a.id),
                _lines(
                    f"{words('phone_24h')}: {display_phone(a.phone_24h)}" if a.phone_24h else "",
                    display_phone(a.phone),
                    a.email,
                ),
            ]
            for a in plan.attorneys
        ]
        header = [words.both(c) for c in ("col_attorney", "represents", "col_reach")]
        story.extend([grid(rows, header, [w * inch for w in (2.6, 1.9, 2.5)]), _gap()])
    else:
        story.extend(words.paragraphs("no_attorney"))
    hotlines = sorted(plan.local_hotlines, key=lambda h: h.kind != "rapid_response")
    if hotlines:
        rows_h = [
            [h.name, _hotline_kind(h.kind, language), display_phone(h.phone), h.hours]
            for h in hotlines
        ]
        header = [words.both(c) for c in ("col_hotline", "col_kind", "col_phone", "col_hours")]
        widths = [w * inch for w in (2.6, 1.3, 1.4, 1.7)]
        story.extend([*words.paragraphs("hotlines_text"), grid(rows_h, header, widths), _gap()])
    if not any(h.kind == "rapid_response" for h in hotlines):
        story.extend(words.paragraphs("no_hotline"))
    return story


def _hotline_kind(kind: str, language: str) -> str:
    return translate(f"hotline_kind.{kind}", language, domain="labels")


def _find(context: RenderContext, words: Words) -> list[Flowable]:
    return [
        *locator_story(context, context.plan.adults),
        *words.paragraphs("phone_lines"),
        *federal_lines_story(context),
    ]


def _consulates(context: RenderContext, words: Words) -> list[Flowable]:
    rows = []
    for adult in context.plan.adults:
        consulate = adult.consulate
        if consulate is None:
            continue
        address = address_text(consulate.address, context.language)
        text = _lines(consulate.name, display_phone(consulate.phone), address)
        if text:
            rows.append((safe(adult.full_name), text))
    return [*words.paragraphs("consulate_text"), fields_table(rows, 2.3 * inch)] if rows else []


def _papers(context: RenderContext, words: Words) -> list[Flowable]:
    plan, language = context.plan, context.language
    story: list[Flowable] = words.paragraphs("papers_text")
    if not plan.documents:
        return [*story, *words.paragraphs("no_papers")]
    rows = []
    for paper in plan.documents:
        where = paper.location
        if paper.status is not DocumentStatus.HAVE:
            status = label(paper.status, language)
            where = f"{where} ({status})" if where else status
        rows.append([paper_name(paper, language), owner_name(plan, paper.belongs_to, words), where])
    header = [words.both(c) for c in ("col_paper", "col_whose", "col_where")]
    widths = [w * inch for w in (3.0, 1.8, 2.2)]
    return [*story, grid(rows, header, widths)]


def _money(context: RenderContext, words: Words) -> list[Flowable]:
    story: list[Flowable] = words.paragraphs("money_text")
    notes = context.plan.money_notes
    if notes.strip():
        story.extend([*words.paragraphs("money_notes"), *user_paragraphs(notes)])
    return story


def _do_not(context: RenderContext, words: Words) -> list[Flowable]:
    keys = ("dont_sign", "dont_lie", "dont_run", "dont_door", "dont_share")
    body = styles().body
    story: list[Flowable] = []
    for key in keys:
        story.append(Paragraph("• " + words(key), body))
        if words.bilingual:
            story.append(Paragraph(words.english(key), styles().english))
    return story


STEPS: tuple[tuple[str, Step], ...] = (
    ("step_children", _children),
    ("step_caregiver_papers", _caregiver_papers),
    ("step_call", _call_people),
    ("step_lawyer", _lawyer),
    ("step_find", _find),
    ("step_consulate", _consulates),
    ("step_papers", _papers),
    ("step_money", _money),
    ("step_dont", _do_not),
)
"""The steps in the order a caregiver takes them; a step with nothing to say is left out."""

KEEP_WHOLE = frozenset({"step_dont"})
"""Short lists read as one: never split across pages."""


def _family_words(context: RenderContext, words: Words) -> list[Flowable]:
    """The family's own note to the caregiver, and how recently the plan was checked."""
    plan, language = context.plan, context.language
    story: list[Flowable] = []
    if plan.notes.strip():
        story.extend([*heading(words.both("family_notes")), *user_paragraphs(plan.notes)])
    review = plan.review
    dates = (
        ("last_reviewed", review.last_reviewed),
        ("next_review", review.next_review),
        ("attorney_reviewed", review.reviewed_by_attorney_on),
    )
    said = [(key, day) for key, day in dates if day is not None]
    if said:
        small = styles().small
        line = " ".join(words(key, date=date_text(day, language)) for key, day in said)
        story.append(Paragraph(line, small))
        if words.bilingual:  # the English line dates in English ("June 6, 2027")
            english = " ".join(words.english(key, date=date_text(day, "en")) for key, day in said)
            story.append(Paragraph(english, styles().english))
    return story


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    plan = context.plan
    words = context.words(DOMAIN)
    story: list[Flowable] = [
        *title_block(words.both("title"), words("subtitle", household=plan.household.display_name)),
        *notice(words, "what_to_do"),
        *_family_words(context, words),
    ]
    number = 0
    for key, step in STEPS:
        body = step(context, words)
        if body:
            number += 1
            # A step's heading and first lines belong on the same page as what they introduce.
            title = f"{number}. {words.both(key)}"
            section = [*heading(title), *body]
            if key in KEEP_WHOLE:
                story.append(KeepTogether(section))
            else:
                story.extend([CondPageBreak(1.6 * inch), *section])
    meta = context.meta("instructions", words.english("title"))
    return build_pdf(story, meta, context.footer())
