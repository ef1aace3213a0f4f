"""The case summary for the lawyer, made when a parent was detained: one page for most families.

What a lawyer asks first, in the order they ask it: who was taken (the facts the detainee locator
and the court search by), what happened and when, the case, the G-28, the attorney on record, who
has each child now, and how to reach the family; then EOIR's automated line. A long note is cut
(ending in "…", with a line saying so), shorter and the page set a little smaller if that keeps
it on one page. It is never set smaller than a lawyer can read on paper (`SMALLEST`): a plan
that still does not fit (25 children) runs onto more pages, each headed with whose summary it
is, numbered "Page N of M" by the kit's footer like every document.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, PTOContainer, Spacer, TableStyle

from forms.context import RenderContext, RenderOptions
from forms.kit import (
    FOOTER_HEIGHT,
    MARGIN,
    MUTED,
    PAGE_SIZE,
    SHADE,
    Words,
    build_pdf,
    cell_text,
    grid,
    notice,
    safe,
    styles,
    title_block,
)
from forms.paragraph import Paragraph
from forms.table import Table
from planner.formats import display_a_number, display_phone
from planner.messages import Arrest, first_phone, moment_text, shorten, who_picks_up
from planner.model import Adult, CaseInfo, Plan
from planner.people import date_text, label
from planner.places import country_name
from planner.public_numbers import public_numbers

DOMAIN = "doc_case_summary"

NOTE_CHARS = (500, 200, 80)
"""How much of a long note (pending applications, case notes, what was seen) the summary prints:
the first that keeps it on one page at a readable size (`SMALLEST`); the first when it needs
more pages anyway."""

SMALLEST = 0.8
"""The smallest the one page is set, next to its usual size: the children's table (8.5 pt)
comes to 6.8 pt at the least, values (9.5 pt) to 7.6 pt. Below it, the summary runs onto more
pages at its usual size."""

WIDTH = PAGE_SIZE[0] - 2 * MARGIN
ROOM = PAGE_SIZE[1] - 2 * MARGIN - FOOTER_HEIGHT - 14
"""The height of the page's one frame (less its own padding and a little slack)."""

Row = tuple[str, str]


def _compact() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Heading, label and value styles a size smaller than the packet's: one page holds it all."""
    s = styles()
    heading = ParagraphStyle(
        "summary_heading",
        parent=s.heading,
        fontSize=11,
        leading=13,
        spaceBefore=5,
        spaceAfter=2,
        keepWithNext=1,  # never alone at the foot of a page
    )
    value = ParagraphStyle("summary_value", parent=s.value, fontSize=9.5, leading=12)
    return heading, s.label, value


def _title(words: Words, parent: Adult) -> list[Flowable]:
    """The packet's title block, a size smaller: a bilingual title stays on one line."""
    s = styles()
    title = ParagraphStyle("summary_title", parent=s.title, fontSize=14, leading=17, spaceAfter=2)
    subtitle = ParagraphStyle(
        "summary_subtitle", parent=s.subtitle, fontSize=9.5, leading=12, spaceAfter=2
    )
    return title_block(
        words.both("title"), words("subtitle", name=parent.full_name), (title, subtitle)
    )


def _heading(text: str) -> Paragraph:
    return Paragraph(text, _compact()[0])


def _table(cells: list[list[Flowable | list[Flowable]]], widths: Sequence[float]) -> Flowable:
    table = Table(cells, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def _label_width(words: Words) -> float:
    """Room for a label: a bilingual one ("Fecha de nacimiento / Date of birth") takes more."""
    return (1.7 if words.bilingual else 1.5) * inch


def _pairs(rows: Sequence[Row], words: Words) -> Flowable:
    """Short label / value pairs two to a line; rows with no value are left out."""
    _, label_style, value_style = _compact()
    filled = [(name, value) for name, value in rows if value.strip()]
    if not filled:
        return Spacer(0, 0)
    cells: list[list[Flowable | list[Flowable]]] = []
    for index in range(0, len(filled), 2):
        line: list[Flowable | list[Flowable]] = []
        for name, value in filled[index : index + 2]:
            line += [Paragraph(name, label_style), cell_text(safe(value), value_style)]
        cells.append(line + [Spacer(0, 0)] * (4 - len(line)))
    label_width = _label_width(words)
    return _table(cells, [label_width, WIDTH / 2 - label_width] * 2)


def _wide(rows: Sequence[Row], words: Words) -> Flowable:
    """Label / value pairs one to a line, for values that run long."""
    _, label_style, value_style = _compact()
    cells: list[list[Flowable | list[Flowable]]] = [
        [Paragraph(name, label_style), cell_text(safe(value), value_style)]
        for name, value in rows
        if value.strip()
    ]
    if not cells:
        return Spacer(0, 0)
    return _table(cells, [_label_width(words), WIDTH - _label_width(words)])


def _long_notes(parent: Adult, arrest: Arrest) -> list[str]:
    """The notes the page may cut: if any is longer than it prints, the page says so."""
    case = parent.case
    notes = [arrest.what_was_seen]
    return notes + ([case.pending_applications, case.notes] if case else [])


def _detained(parent: Adult, words: Words, language: str) -> list[Flowable]:
    a_number = parent.case.a_number if parent.case else ""
    country = parent.country_of_birth
    rows = [
        (words.both("full_name"), parent.full_name),
        (words.both("a_number"), display_a_number(a_number) if a_number else ""),
        (words.both("country_of_birth"), country_name(country, language) if country else ""),
        (words.both("date_of_birth"), date_text(parent.date_of_birth, language)),
    ]
    others = [(words.both("other_names"), parent.other_names)]
    return [_heading(words.both("detained")), _pairs(rows, words), _wide(others, words)]


def _what_happened(arrest: Arrest, words: Words, language: str, cut: int) -> list[Flowable]:
    story: list[Flowable] = [_heading(words.both("arrest"))]
    when = moment_text(arrest.taken_at, language) if arrest.taken_at else ""
    rows = [
        (words.both("taken_at"), when),
        (words.both("place"), arrest.place),
        (words.both("what_was_seen"), shorten(arrest.what_was_seen, cut)),
    ]
    if not any(value.strip() for _, value in rows):
        return [*story, *words.paragraphs("no_arrest", _compact()[2])]
    return [*story, _wide(rows, words)]


def _case(case: CaseInfo | None, words: Words, language: str, cut: int) -> list[Flowable]:
    story: list[Flowable] = [_heading(words.both("case"))]
    if case is None:
        return [*story, *words.paragraphs("no_case", _compact()[2])]
    status = case.immigration_status
    g28 = {True: words("kit.yes"), False: words("kit.no"), None: ""}[case.g28_signed]
    short = [
        (words.both("court"), case.immigration_court),
        (words.both("next_hearing"), date_text(case.next_hearing, language)),
        (words.both("status"), label(status, language) if status else ""),
        (words.both("g28_signed"), g28),
    ]
    long = [
        (words.both("g28_held_by"), case.g28_held_by),
        (words.both("pending"), shorten(case.pending_applications, cut)),
        (words.both("notes"), shorten(case.notes, cut)),
    ]
    return [*story, _pairs(short, words), _wide(long, words)]


def _attorney(plan: Plan, case: CaseInfo | None, words: Words) -> list[Flowable]:
    story: list[Flowable] = [_heading(words.both("attorney"))]
    attorney = plan.attorney(case.attorney_id) if case and case.attorney_id else None
    if attorney is None:
        return [*story, *words.paragraphs("no_attorney", _compact()[2])]
    kind = words("accredited" if attorney.is_accredited_representative else "lawyer")
    rows = [
        (words.both("name"), f"{attorney.full_name} ({kind})"),
        (words.both("organization"), attorney.organization),
        (words.both("phone_24h"), display_phone(attorney.phone_24h)),
        (words.both("phone"), display_phone(attorney.phone)),
        (words.both("email"), attorney.email),
        (words.both("bar_id"), attorney.bar_or_eoir_id),
    ]
    return [*story, _pairs(rows, words)]


def _children(plan: Plan, parent: Adult, words: Words, language: str) -> list[Flowable]:
    """Each child with the person who has them now: the primary caregiver, else the alternate."""
    story: list[Flowable] = [_heading(words.both("children"))]
    if not plan.children:
        return [*story, *words.paragraphs("no_children", _compact()[2])]
    rows = []
    for child in plan.children:
        person = who_picks_up(plan, child, parent.id)
        if person is None:
            caregiver = words("no_caregiver")
        elif person.id == child.care.primary_caregiver_id:
            caregiver = person.full_name
        else:
            caregiver = f"{person.full_name} ({words('alternate')})"
        born = date_text(child.date_of_birth, language)
        rows.append([child.full_name, born, caregiver, first_phone(person)])
    header = [words.both(key) for key in ("child", "date_of_birth", "caregiver", "phone")]
    widths = [w * inch for w in (1.9, 1.65, 2.15, 1.3)]  # a date in words on one line
    return [*story, grid(rows, header, widths)]


def _family(plan: Plan, parent: Adult, words: Words, language: str) -> list[Flowable]:
    """How the lawyer reaches the family: the other parents, the home phone, the first contact."""
    rows: list[Row] = []
    for adult in plan.adults:
        if adult.id != parent.id and adult.phones:
            rows.append((label(adult.role, language), f"{adult.full_name}, {first_phone(adult)}"))
    if plan.household.home_phone:
        rows.append((words.both("home_phone"), display_phone(plan.household.home_phone)))
    contact = plan.emergency_contacts[0] if plan.emergency_contacts else None
    if contact is not None:
        reach = ", ".join(part for part in (contact.full_name, first_phone(contact)) if part)
        rows.append((words.both("first_contact"), reach))
    if not rows:
        return []
    return [_heading(words.both("family")), _pairs(rows, words)]


def _eoir(context: RenderContext, words: Words) -> list[Flowable]:
    """EOIR's automated case line, its hours in words, and when the number was last checked."""
    numbers = public_numbers()
    line = numbers.eoir_case_information
    finding = context.words("finding")

    def translated(language: str) -> dict[str, object]:
        hours = finding.in_language(language, line.hours_key) if line.hours_key else ""
        return {"hours": hours, "checked": date_text(numbers.checked, language)}

    phone = display_phone(line.phone)
    return words.paragraphs("eoir", _compact()[2], translated, phone=phone)


def _private(words: Words) -> list[Flowable]:
    """The kit's shaded "keep it private" box, with less white around it: each line saved is
    a line of the case on the one page."""
    box = ParagraphStyle("summary_notice", parent=styles().notice, spaceBefore=9, spaceAfter=9)
    return notice(words, "private", box_style=box)


def _body(context: RenderContext, parent: Adult, arrest: Arrest, cut: int) -> list[Flowable]:
    plan, language, words = context.plan, context.language, context.words(DOMAIN)
    small = styles().small
    shortened = any(len(note.strip()) > cut for note in _long_notes(parent, arrest))
    return [
        *_title(words, parent),
        *_detained(parent, words, language),
        *_what_happened(arrest, words, language, cut),
        *_case(parent.case, words, language, cut),
        *_attorney(plan, parent.case, words),
        *_children(plan, parent, words, language),
        *_family(plan, parent, words, language),
        Spacer(0, 3),
        *_eoir(context, words),
        *(words.paragraphs("shortened", small) if shortened else []),
        *_private(words),
        *words.paragraphs("kit.not_legal_advice", small),
    ]


def _continued(parent: Adult, words: Words) -> list[Flowable]:
    """The head of every page after the first: whose summary it is, since a page may be handed
    on alone (the kit's footer says which page of how many)."""
    style = ParagraphStyle("summary_continued", parent=styles().label, textColor=MUTED)
    text = f"{words.both('title')}: {safe(parent.full_name)} ({words.both('continued')})"
    return [Paragraph(text, style), Spacer(0, 6)]


def _story(context: RenderContext, parent: Adult, arrest: Arrest) -> list[Flowable]:
    """One page, if notes cut shorter and type at least `SMALLEST` of its size let it fit;
    else the summary at its usual size over as many pages as it takes."""
    for cut in NOTE_CHARS:
        page = KeepInFrame(WIDTH, ROOM, _body(context, parent, arrest, cut), mode="shrink")
        page.wrapOn(Canvas(io.BytesIO()), WIDTH, ROOM)  # measured in memory, never drawn
        if 1 / getattr(page, "_scale", 1) >= SMALLEST:
            return [page]
    body = _body(context, parent, arrest, NOTE_CHARS[0])
    return [PTOContainer(body, header=_continued(parent, context.words(DOMAIN)))]


def render_case_summary(
    plan: Plan, parent_id: str, arrest: Arrest, options: RenderOptions
) -> bytes:
    """The summary of a detained parent's case for their lawyer, as a PDF in memory."""
    parent = next((a for a in plan.adults if a.id == parent_id), None)
    if parent is None:
        raise ValueError("the case summary is drawn for one adult of the plan")
    context = RenderContext.for_plan(plan, options)
    meta = context.meta("case_summary", context.words(DOMAIN).english("title"))
    return build_pdf(_story(context, parent, arrest), meta, context.footer())
