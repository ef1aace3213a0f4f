"""The release letter: one a school or child-care provider, naming who may and may not pick up."""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Spacer,
    TableStyle,
)

from forms.context import RenderContext
from forms.kit import (
    MARGIN,
    PAGE_SIZE,
    RULE,
    Words,
    build_pdf,
    fields_table,
    notice,
    safe,
    signature_block,
    styles,
    title_block,
)
from forms.paragraph import Paragraph
from forms.pickup import (
    alert,
    may_pick_up,
    must_not_pick_up,
    section,
    whole_row_grid,
)
from forms.table import Table
from planner.formats import display_phone
from planner.model import Adult, AdultRole, Child, Contact, Plan, School
from planner.people import address_text, date_text, phones_text, relationship_text

SIGNATURE_HEIGHT = 0.85 * inch
"""About the height of one kit signature block: the closing waits for room for all of them."""

PARENT_ROLES = frozenset({AdultRole.MOTHER, AdultRole.FATHER, AdultRole.PARENT})


@cache
def _letter_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """Body and English styles that never leave one line of a paragraph alone on a page."""
    s = styles()
    return (
        ParagraphStyle("letter", parent=s.body, allowWidows=0, allowOrphans=0),
        ParagraphStyle("letter_english", parent=s.english, allowWidows=0, allowOrphans=0),
    )


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def join_names(names: list[str], language: str, words: Words) -> str:
    """`A, B and C` in the language asked for; Spanish `y` becomes `e` before an /i/ sound."""
    if len(names) < 2:
        return "".join(names)
    conjunction = words.english("and") if language == "en" else words("and")
    last = names[-1]
    sounds_like_i = last.lower().startswith(("i", "hi", "í", "hí"))
    if language == "es" and sounds_like_i and not last.lower().startswith(("hia", "hie", "hio")):
        conjunction = "e"
    return f"{', '.join(names[:-1])} {conjunction} {last}"


class Letter:
    """The wording of one school's letter: sentences name its children, in one voice or two."""

    def __init__(self, words: Words, plan: Plan, children: list[Child]) -> None:
        self.words = words
        self.children = children
        self.voice = "one" if len(plan.adults) == 1 else "many"
        self.bilingual = words.bilingual

    def names(self, language: str, full: bool = False, among: list[Child] | None = None) -> str:
        children = self.children if among is None else among
        names = [c.full_name if full else c.given_names for c in children]
        return join_names(names, language, self.words)

    def sentence(
        self, key: str, language: str, *, full: bool = False, among: list[Child] | None = None
    ) -> str:
        """One catalogue sentence in `language`, naming the children (or `among` them)."""
        say = self.words.english if language == "en" else self.words
        return say(key, children=self.names(language, full, among))

    def paragraph(self, *keys: str, full_first: bool = False) -> list[Flowable]:
        """Sentences as one paragraph in the family's language, and in English under it.

        With `full_first`, the first sentence names the children in full, the others by given name.
        """

        def text(language: str) -> str:
            return " ".join(
                self.sentence(key, language, full=full_first and n == 0)
                for n, key in enumerate(keys)
            )

        story: list[Flowable] = [Paragraph(text(self.words.language), _letter_styles()[0])]
        if self.bilingual:
            story.append(Paragraph(text("en"), _letter_styles()[1]))
        return story

    def both(self, key: str, among: list[Child] | None = None) -> str:
        """A short line naming the children, with its English after a slash."""
        text = self.sentence(key, self.words.language, among=among)
        return f"{text} / {self.sentence(key, 'en', among=among)}" if self.bilingual else text


def _intro_key(plan: Plan) -> str:
    if len(plan.adults) == 1:
        return f"intro.{plan.adults[0].role.value}"
    parents_only = all(a.role in PARENT_ROLES for a in plan.adults)
    return "intro.parents" if parents_only else "intro.mixed"


def _letterhead(plan: Plan, school: School, words: Words) -> Flowable:
    """From (the parents, their phones, the home address) beside To (the school), as in a letter."""
    s, language = styles(), words.language
    sender: list[Flowable] = [Paragraph(words.both("from"), s.label)]
    for adult in plan.adults:
        role = words.both(f"signer.{adult.role.value}")
        sender.append(Paragraph(f"<b>{safe(adult.full_name)}</b> ({role})", s.value))
        sender.append(Paragraph(safe(phones_text(adult.phones, language)), s.value))
    home = _lines(
        address_text(plan.household.address, language), display_phone(plan.household.home_phone)
    )
    sender += [Spacer(0, 4), Paragraph(safe(home), s.value)]
    place = _lines(school.name, address_text(school.address, language), display_phone(school.phone))
    recipient = [Paragraph(words.both("to"), s.label), Paragraph(safe(place), s.value)]
    width = PAGE_SIZE[0] - 2 * MARGIN
    table = Table([[sender, recipient]], colWidths=[width * 0.55, width * 0.45], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _children(children: list[Child], words: Words) -> list[Flowable]:
    rows = [
        [c.full_name, date_text(c.date_of_birth, words.language), c.grade, c.teacher]
        for c in children
    ]
    header = [words.both(c) for c in ("col_child", "col_birth", "col_grade", "col_teacher")]
    return section(
        words.both("children_one" if len(children) == 1 else "children_many"),
        whole_row_grid(rows, header, [w * inch for w in (2.5, 1.6, 1.3, 1.6)]),
    )


def _release(plan: Plan, letter: Letter) -> list[Flowable]:
    words, language = letter.words, letter.words.language
    people: dict[str, tuple[Adult | Contact, list[Child], bool]] = {}
    for child in letter.children:
        for entry in may_pick_up(plan, child):
            person, kids, caregiver = people.get(entry.person.id, (entry.person, [], False))
            people[entry.person.id] = (person, [*kids, child], caregiver or entry.is_caregiver)
    if not people:
        return []
    differ = any(len(kids) < len(letter.children) for _, kids, _ in people.values())
    mark = words("caregiver_mark")
    rows = []
    for person, kids, caregiver in people.values():
        row = [
            person.full_name,
            _lines(relationship_text(person, language), mark if caregiver else ""),
            phones_text(person.phones, language),
        ]
        if differ:
            row.append("\n".join(c.given_names for c in kids))
        rows.append(row)
    columns = ["col_name", "col_relationship", "col_phones"]
    widths = [1.9, 2.0, 3.1]
    if differ:
        columns.append("col_children")
        widths = [1.7, 1.7, 2.3, 1.3]
    header = [words.both(c) for c in columns]
    table = whole_row_grid(rows, header, [w * inch for w in widths])
    intro = letter.paragraph(f"release_text.{letter.voice}")
    return section(words.both("release"), *intro, table, Spacer(0, 6), keep=len(intro) + 1)


def _must_not(letter: Letter) -> list[Flowable]:
    names: dict[str, list[Child]] = {}
    for child in letter.children:
        for name in must_not_pick_up(child):
            names.setdefault(name, []).append(child)
    if not names:
        return []
    lines = [
        safe(name)
        if len(kids) == len(letter.children)
        else f"{safe(name)} ({letter.both('only_for', among=kids)})"
        for name, kids in names.items()
    ]
    return [alert(letter.both("must_not"), lines)]


def _custody(children: list[Child], words: Words) -> list[Flowable]:
    rows = [(safe(c.full_name), c.custody_orders) for c in children if c.custody_orders.strip()]
    return section(words.both("custody"), fields_table(rows), Spacer(0, 8)) if rows else []


def _ending(plan: Plan, words: Words, last: list[Flowable]) -> list[Flowable]:
    """The last paragraph, the thanks and a signature block per parent, on one page if they fit.

    The paragraph comes along so that a page never holds signatures alone.
    """
    signers: list[tuple[str, str]] = [(a.role.value, a.full_name) for a in plan.adults]
    blocks = [
        signature_block(words(f"signer.{role}"), name, words, words.english(f"signer.{role}"))
        for role, name in signers or [("parent", "")]
    ]
    closing = Paragraph(words.both("closing"), styles().body)
    width = PAGE_SIZE[0] - 2 * MARGIN
    text = sum(f.wrap(width, PAGE_SIZE[1])[1] for f in [*last, closing])
    # Not KeepTogether: a signature block already is one, and nesting them forces a page break.
    room = text + SIGNATURE_HEIGHT * len(blocks) + 0.2 * inch
    return [CondPageBreak(room), *last, closing, *blocks]


def find_school(plan: Plan, school_id: str | None) -> School:
    school = plan.school(school_id) if school_id else None
    if school is None:
        raise ValueError("The plan has no school with the id this letter was asked for.")
    return school


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    plan = context.plan
    school = find_school(plan, subject_id)
    children = [c for c in plan.children if c.school_id == school.id]
    if not children:
        raise ValueError("No child in the plan goes to the school this letter was asked for.")
    words = context.words("doc_school")
    letter = Letter(words, plan, children)
    story: list[Flowable] = [
        *title_block(words.both("title"), safe(school.name)),
        *notice(words, "what_to_do"),
        _letterhead(plan, school, words),
        Spacer(0, 10),
        *words.paragraphs(f"greeting.{school.kind}", school=school.name),
        *letter.paragraph(_intro_key(plan), f"purpose.{letter.voice}", full_first=True),
        *_children(children, words),
        *_release(plan, letter),
        *_must_not(letter),
        *_custody(children, words),
        *letter.paragraph("update", "authorization"),
        *_ending(
            plan, words, letter.paragraph(f"not_legal.{letter.voice}", f"questions.{letter.voice}")
        ),
    ]
    meta = context.meta("school_release", words.english("title"))
    return build_pdf(story, meta, context.footer())
