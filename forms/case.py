"""The attorney and case sheet: one per adult, for their lawyer and their children's caregiver."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from forms.context import RenderContext
from forms.finding import federal_lines_story, locator_story, locator_table
from forms.kit import Words, build_pdf, fields_table, heading, notice, title_block
from planner.formats import display_phone
from planner.model import Adult, CaseInfo, Plan
from planner.people import address_text, date_text, label, languages_text, phones_text

DOMAIN = "doc_case"


def _yes_no(value: bool | None, words: Words) -> str:
    """Yes / No, or nothing when the family did not say: an unanswered question prints no row."""
    if value is None:
        return ""
    return words("kit.yes") if value else words("kit.no")


def has_case_information(case: CaseInfo | None) -> bool:
    """Whether anything about the case itself was recorded (the A-number is identity)."""
    if case is None:
        return False
    texts = (
        case.immigration_court,
        case.pending_applications,
        case.g28_held_by,
        case.arresting_officer,
        case.notes,
    )
    chosen = (case.immigration_status, case.next_hearing, case.attorney_id, case.g28_signed)
    return any(t.strip() for t in texts) or any(c is not None for c in chosen)


def _identity(context: RenderContext, adult: Adult, words: Words) -> list[Flowable]:
    """Who the sheet is about, with the facts the detainee locator searches by under the name."""
    language = context.language
    rows = [
        (words.both("full_name"), adult.full_name),
        (words.both("other_names"), adult.other_names),
        (words.both("role"), label(adult.role, language)),
        (words.both("phones"), phones_text(adult.phones, language)),
        (words.both("email"), adult.email),
        (words.both("languages"), languages_text(adult.languages, language)),
    ]
    search_facts = locator_table([adult], context.words("finding"), language)
    return [*heading(words.both("identity")), fields_table(rows), Spacer(0, 6), *search_facts]


def _case(case: CaseInfo | None, words: Words, language: str) -> list[Flowable]:
    story: list[Flowable] = heading(words.both("case"))
    if case is None or not has_case_information(case):
        return [*story, *words.paragraphs("no_case")]
    status = case.immigration_status
    rows = [
        (words.both("status"), label(status, language) if status else ""),
        (words.both("court"), case.immigration_court),
        (words.both("next_hearing"), date_text(case.next_hearing, language)),
        (words.both("pending"), case.pending_applications),
        (words.both("officer"), case.arresting_officer),
        (words.both("notes"), case.notes),
    ]
    return [*story, fields_table(rows)]


def _attorney(plan: Plan, case: CaseInfo | None, words: Words, language: str) -> list[Flowable]:
    story: list[Flowable] = heading(words.both("attorney"))
    attorney = plan.attorney(case.attorney_id) if case and case.attorney_id else None
    if attorney is None:
        story.extend(words.paragraphs("no_attorney"))
    else:
        kind = "accredited" if attorney.is_accredited_representative else "lawyer"
        rows = [
            (words.both("name"), f"{attorney.full_name} ({words(kind)})"),
            (words.both("organization"), attorney.organization),
            (words.both("phone"), display_phone(attorney.phone)),
            (words.both("phone_24h"), display_phone(attorney.phone_24h)),
            (words.both("email"), attorney.email),
            (words.both("address"), address_text(attorney.address, language)),
            (words.both("bar_id"), attorney.bar_or_eoir_id),
        ]
        story.append(fields_table(rows))
    if case is not None:
        g28 = [
            (words.both("g28_signed"), _yes_no(case.g28_signed, words)),
            (words.both("g28_held_by"), case.g28_held_by),
        ]
        story.append(fields_table(g28))
    return story


def _consulate(adult: Adult, words: Words, language: str) -> list[Flowable]:
    story: list[Flowable] = heading(words.both("consulate"))
    consulate = adult.consulate
    rows = []
    if consulate is not None:
        rows = [
            (words.both("name"), consulate.name),
            (words.both("phone"), display_phone(consulate.phone)),
            (words.both("address"), address_text(consulate.address, language)),
        ]
    if not any(value.strip() for _, value in rows):
        return [*story, *words.paragraphs("no_consulate")]
    return [*story, fields_table(rows)]


def _employer(adult: Adult, words: Words, language: str) -> list[Flowable]:
    employer = adult.employer
    if employer is None:
        return []
    rows = [
        (words.both("name"), employer.name),
        (words.both("phone"), display_phone(employer.phone)),
        (words.both("address"), address_text(employer.address, language)),
        (words.both("notes"), employer.notes),
    ]
    if not any(value.strip() for _, value in rows):
        return []
    return [*heading(words.both("employer")), fields_table(rows)]


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    plan, language = context.plan, context.language
    adult = next((a for a in plan.adults if a.id == subject_id), None)
    if adult is None:
        raise ValueError("the case sheet is drawn for one adult of the plan")
    words = context.words(DOMAIN)
    story: list[Flowable] = [
        *title_block(words.both("title"), words("subtitle", name=adult.full_name)),
        *notice(words, "who_gets_a_copy"),
        *_identity(context, adult, words),
        *_case(adult.case, words, language),
        *_attorney(plan, adult.case, words, language),
        *heading(words.both("finding")),
        *locator_story(context, [adult], with_table=False),
        *federal_lines_story(context),
        *_consulate(adult, words, language),
        *_employer(adult, words, language),
    ]
    meta = context.meta("case", words.english("title"))
    return build_pdf(story, meta, context.footer())
