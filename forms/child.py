"""The child information sheet: one a child, for the caregivers and the folder of their papers."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from forms.context import RenderContext
from forms.kit import (
    Words,
    build_pdf,
    fields_table,
    notice,
    safe,
    styles,
    title_block,
    user_paragraphs,
)
from forms.paragraph import Paragraph
from forms.pickup import (
    alert,
    choice_text,
    may_pick_up,
    must_not_pick_up,
    section,
    whole_row_grid,
)
from planner.formats import display_phone
from planner.model import Child, Plan
from planner.people import (
    address_text,
    date_text,
    label,
    languages_text,
    phones_text,
    relationship_text,
)


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def find_child(plan: Plan, child_id: str | None) -> Child:
    child = next((c for c in plan.children if c.id == child_id), None)
    if child is None:
        raise ValueError("The plan has no child with the id this document was asked for.")
    return child


def _yes_no(value: bool | None, words: Words) -> str:
    if value is None:
        return ""
    return words("kit.yes") if value else words("kit.no")


def _person(plan: Plan, person_id: str | None, language: str) -> str:
    person = plan.person(person_id) if person_id else None
    return _lines(person.full_name, phones_text(person.phones, language)) if person else ""


def _caregivers(plan: Plan, child: Child, words: Words) -> list[Flowable]:
    care, language = child.care, words.language
    primary = _person(plan, care.primary_caregiver_id, language)
    alternate = _person(plan, care.alternate_caregiver_id, language)
    if not (primary or alternate or care.who_pays):
        return []
    rows = [
        (words.both("primary"), primary),
        (words.both("alternate"), alternate),
        (words.both("term"), choice_text("care_term", care.term, words)),
        (words.both("who_pays"), care.who_pays),
        (words.both("told"), _yes_no(care.child_has_been_told, words)),
    ]
    return section(words.both("caregivers"), fields_table(rows))


def _pick_up(plan: Plan, child: Child, words: Words) -> list[Flowable]:
    language = words.language
    blocks: list[Flowable] = []
    refused = must_not_pick_up(child)
    if refused:
        lead = words.both("must_not", name=child.given_names)
        blocks.append(alert(lead, [safe(name) for name in refused]))
    allowed = may_pick_up(plan, child)
    if allowed:
        caregiver = words("caregiver_mark")
        rows = [
            [
                entry.person.full_name,
                _lines(
                    relationship_text(entry.person, language),
                    caregiver if entry.is_caregiver else "",
                ),
                phones_text(entry.person.phones, language),
            ]
            for entry in allowed
        ]
        header = [words.both(c) for c in ("col_name", "col_relationship", "col_phones")]
        blocks.append(whole_row_grid(rows, header, [w * inch for w in (2.0, 2.3, 2.7)]))
    return section(words.both("pick_up"), *blocks, keep=2) if blocks else []


def _school(plan: Plan, child: Child, words: Words) -> list[Flowable]:
    school = plan.school(child.school_id) if child.school_id else None
    rows = [
        (words.both("grade"), child.grade),
        (words.both("teacher"), child.teacher),
    ]
    if school is not None:
        rows = [
            (choice_text("school_kind", school.kind, words), school.name),
            (words.both("address"), address_text(school.address, words.language)),
            (words.both("phone"), display_phone(school.phone)),
            *rows,
            (words.both("school_notes"), school.notes),
        ]
    if not any(value.strip() for _, value in rows):
        return []
    return section(words.both("school"), fields_table(rows))


def _health(child: Child, words: Words) -> list[Flowable]:
    health = child.health
    blocks: list[Flowable] = []
    needs = [
        (words.both("allergies"), health.allergies),
        (words.both("conditions"), health.conditions),
        (words.both("special_needs"), health.special_needs),
    ]
    if any(value.strip() for _, value in needs):
        blocks.append(fields_table(needs))
    if health.medications:
        header = [words.both(c) for c in ("col_medicine", "col_dose", "col_schedule")]
        meds = [[m.name, m.dose, m.schedule] for m in health.medications]
        title = Paragraph(words.both("medicines"), styles().label)
        table = whole_row_grid(meds, header, [w * inch for w in (2.4, 1.4, 3.2)])
        blocks += [CondPageBreak(1 * inch), Spacer(0, 6), title, Spacer(0, 3), table, Spacer(0, 6)]
    care = [
        (words.both("doctor"), _lines(health.doctor, display_phone(health.doctor_phone))),
        (words.both("dentist"), _lines(health.dentist, display_phone(health.dentist_phone))),
        (words.both("insurance"), health.insurance),
        (words.both("member_id"), health.insurance_member_id),
    ]
    if any(value.strip() for _, value in care):
        blocks.append(fields_table(care))
    return section(words.both("health"), *blocks) if blocks else []


def _routines(child: Child, words: Words) -> list[Flowable]:
    if not child.routines_and_comfort.strip():
        return []
    return section(words.both("routines"), *user_paragraphs(child.routines_and_comfort))


def _travel(child: Child, words: Words) -> list[Flowable]:
    rows = [
        (words.both("may_travel"), _yes_no(child.may_travel_abroad_to_join_parent, words)),
        (words.both("passport"), child.passport_status),
    ]
    if not any(value for _, value in rows):
        return []
    return section(words.both("travel"), fields_table(rows))


def _papers(plan: Plan, child: Child, words: Words) -> list[Flowable]:
    language = words.language
    papers = [d for d in plan.documents if d.belongs_to == child.id]
    blocks: list[Flowable] = []
    if papers:
        rows = [
            [
                " — ".join(x for x in (label(d.kind, language), d.description) if x),
                d.location,
                label(d.status, language),
            ]
            for d in papers
        ]
        header = [words.both(c) for c in ("col_paper", "col_where", "col_status")]
        blocks.append(whole_row_grid(rows, header, [w * inch for w in (2.6, 3.0, 1.4)]))
    if any(d.belongs_to is None for d in plan.documents):
        blocks += [Spacer(0, 4), *words.paragraphs("household_papers", styles().small)]
    return section(words.both("papers"), *blocks, keep=len(blocks)) if blocks else []


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    plan, language = context.plan, context.language
    child = find_child(plan, subject_id)
    words = context.words("doc_child")
    subtitle = f"{words.both('title')} · {safe(plan.household.display_name)}"
    story: list[Flowable] = [*title_block(safe(child.full_name), subtitle)]
    story.append(
        fields_table(
            [
                (words.both("date_of_birth"), date_text(child.date_of_birth, language)),
                (words.both("languages"), languages_text(child.languages, language)),
            ]
        )
    )
    if child.custody_orders.strip():
        custody = alert(words.both("custody"), [safe(child.custody_orders)], bullets=False)
        story.append(custody)
    story += [
        *notice(words, "what_to_do", name=child.given_names),
        *_caregivers(plan, child, words),
        *_pick_up(plan, child, words),
        *_health(child, words),
        *_routines(child, words),
        *_school(plan, child, words),
        *_travel(child, words),
        *_papers(plan, child, words),
    ]
    return build_pdf(story, context.meta("child", words.english("title")), context.footer())
