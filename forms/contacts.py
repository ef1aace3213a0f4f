"""The emergency contact sheet: everyone to call, in order, on one page for the fridge."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from forms.context import RenderContext
from forms.kit import Words, build_pdf, fields_table, grid, heading, notice, safe, title_block
from forms.public import public_numbers_story
from planner.formats import display_phone
from planner.model import Plan
from planner.people import address_text, label, languages_text, phones_text, relationship_text


def _contacts_grid(plan: Plan, words: Words, language: str) -> Flowable:
    yes, no = words("kit.yes"), words("kit.no")
    rows = [
        [
            str(order),
            "\n".join(
                part
                for part in (contact.full_name, address_text(contact.address, language))
                if part
            ),
            relationship_text(contact, language),
            phones_text(contact.phones, language),
            languages_text(contact.languages, language),
            yes if contact.may_pick_up_children else no,
            yes if contact.knows_the_plan else no,
        ]
        for order, contact in enumerate(plan.emergency_contacts, start=1)
    ]
    columns = ("order", "name", "relationship", "phones", "languages", "pick_up", "knows")
    header = [words.both(f"col_{c}") for c in columns]
    widths = [0.3, 1.3, 1.1, 1.65, 1.05, 0.8, 0.8]
    return grid(rows, header, [w * inch for w in widths])


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _parents(plan: Plan, words: Words, language: str) -> list[Flowable]:
    rows = [
        (label(a.role, language), f"{a.full_name}\n{phones_text(a.phones, language)}")
        for a in plan.adults
    ]
    return [*heading(words.both("parents")), fields_table(rows)] if rows else []


def _schools(plan: Plan, words: Words, language: str) -> list[Flowable]:
    rows = [
        (safe(s.name), _lines(display_phone(s.phone), address_text(s.address, language)))
        for s in plan.schools
    ]
    return [*heading(words.both("schools")), fields_table(rows, 2.6 * inch)] if rows else []


def _attorneys(plan: Plan, words: Words) -> list[Flowable]:
    story: list[Flowable] = []
    for attorney in plan.attorneys:
        story.append(
            fields_table(
                [
                    (words.both("col_name"), attorney.full_name),
                    (words.both("organization"), attorney.organization),
                    (words.both("phone"), display_phone(attorney.phone)),
                    (words.both("phone_24h"), display_phone(attorney.phone_24h)),
                    (words.both("email"), attorney.email),
                ]
            )
        )
    return [*heading(words.both("attorneys")), *story] if story else []


def _hotlines(plan: Plan, words: Words) -> list[Flowable]:
    rows = [
        (safe(h.name), " — ".join(x for x in (display_phone(h.phone), h.hours) if x))
        for h in plan.local_hotlines
    ]
    return [*heading(words.both("hotlines")), fields_table(rows, 2.6 * inch)] if rows else []


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    plan, language = context.plan, context.language
    words = context.words("doc_contacts")
    home = [
        (words.both("address"), address_text(plan.household.address, language)),
        (words.both("home_phone"), display_phone(plan.household.home_phone)),
    ]
    story: list[Flowable] = [
        *title_block(words.both("title"), words("subtitle", household=plan.household.display_name)),
        *notice(words, "what_to_do"),
        *heading(words.both("contacts")),
        _contacts_grid(plan, words, language),
        *_parents(plan, words, language),
        *heading(words.both("household")),
        fields_table(home),
        *_schools(plan, words, language),
        *_attorneys(plan, words),
        *_hotlines(plan, words),
        *public_numbers_story(context),
    ]
    return build_pdf(story, context.meta("contacts", words.english("title")), context.footer())
