"""The review sheet as a page of the packet: for the family's attorney, what each element of the
state's caregiver paper is, the section that requires it and the source we read, and then every
rule the program applies for the state with its section and source (see
`planner.review_sheet`). Always in English, the language of the law it cites."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from forms.context import RenderContext
from forms.kit import Words, build_pdf, grid, heading, safe, styles, title_block
from forms.paragraph import Paragraph
from planner.jurisdictions import label, load_jurisdiction
from planner.review_sheet import ReviewSection, review_sheet


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    rules = load_jurisdiction(context.plan.household.state)
    sheet = review_sheet(rules)
    words = Words("doc_review", "en")
    story: list[Flowable] = title_block(
        words("title"), safe(f"{sheet.state}: {sheet.instrument} ({sheet.citation})")
    )
    story += words.paragraphs("intro", date=sheet.checked.isoformat())
    if not sheet.rows:
        story += words.paragraphs("no_elements")
    else:
        rows = [
            [
                str(row.number),
                f"{row.citation}\n{label('place', row.place)} · {label('mark', row.source)}",
                f"{row.requires}\n\n{words('printed')}: {row.printed}",
            ]
            for row in sheet.rows
        ]
        header = [words("col_number"), words("col_where"), words("col_what")]
        story.append(grid(rows, header, [w * inch for w in (0.35, 2.0, 4.65)]))
    if sheet.sections:
        story += heading(words("rules_heading"))
        story += words.paragraphs("rules_intro", styles().small)
    for section in sheet.sections:
        story += _rules(section, words)
    if sheet.unconfirmed:
        story.append(Spacer(0, 8))
        story.append(Paragraph(words("unconfirmed"), styles().label))
        story.append(Paragraph(safe(", ".join(sheet.unconfirmed)), styles().small))
    for source in sheet.sources:
        line = f"{safe(source.title)} ({safe(label('mark', source.mark))}): {safe(source.url)}"
        story.append(Paragraph(line, styles().small))
    meta = context.meta("review_sheet", words("title"))
    return build_pdf(story, meta, context.footer(rules_checked=sheet.checked))


def _rules(section: ReviewSection, words: Words) -> list[Flowable]:
    """One section's rules: its title and the law's sections, then a row a rule (a list's items
    one a line; its own citation, where it has one, above its source). The title never sits
    alone at a page's foot."""
    title = section.title()
    if section.citation:
        title = f"{title} — {section.citation}"
    rows = [
        [
            fact.label(),
            "\n".join(fact.items()),
            "\n".join(filter(None, (fact.citation, label("mark", fact.source)))),
        ]
        for fact in section.facts
    ]
    header = [words("col_rule"), words("col_value"), words("col_source")]
    table = grid(rows, header, [w * inch for w in (2.3, 3.3, 1.4)])
    caption = Paragraph(safe(title), styles().label)
    return [CondPageBreak(1.2 * inch), Spacer(0, 6), caption, Spacer(0, 3), table]
