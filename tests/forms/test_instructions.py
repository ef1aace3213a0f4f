"""If I am detained: the caregiver's steps, in order, each with the plan's own facts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from forms import instructions
from planner.formats import display_a_number, display_phone
from planner.model import Adult, Household, Plan
from planner.people import address_text, date_text, label
from planner.places import country_name
from planner.public_numbers import public_numbers
from tests.conftest import EXAMPLES, example_plan
from tests.forms.documents import LANGUAGES, comes_out, context, not_shown, read, rich_plans
from tests.forms.pdf import metadata, page_count, render_pngs

EXAMPLE_NAMES = [p.name for p in EXAMPLES]


def render(plan: Plan, language: str = "en", bilingual: bool = False) -> bytes:
    return instructions.render(context(plan, language, bilingual))


def expected_values(plan: Plan, language: str) -> list[str]:
    """Everything of the plan this document is meant to show, as a person reads it."""
    numbers = public_numbers()
    review = plan.review
    values = [
        plan.household.display_name,
        plan.notes,
        plan.money_notes,
        numbers.detainee_locator.url,
        display_phone(numbers.eoir_case_information.phone),
        display_phone(numbers.ice_detention_information.phone),
        *(date_text(d, language) for d in (review.last_reviewed, review.next_review)),
        date_text(review.reviewed_by_attorney_on, language),
    ]
    for child in plan.children:
        values.append(child.full_name)
        school = plan.school(child.school_id) if child.school_id else None
        if school is not None:
            values += [school.name, display_phone(school.phone)]
            values += address_text(school.address, language).splitlines()
    for contact in plan.emergency_contacts:
        values += [contact.full_name, label(contact.relationship, language)]
        values += [contact.relationship_detail, contact.notes]
        values += [display_phone(p.number) for p in contact.phones] + [
            p.note for p in contact.phones
        ]
    for attorney in plan.attorneys:
        values += [attorney.full_name, attorney.organization, attorney.email]
        values += [display_phone(attorney.phone), display_phone(attorney.phone_24h)]
    for hotline in plan.local_hotlines:
        values += [hotline.name, display_phone(hotline.phone), hotline.hours]
    for adult in plan.adults:
        values += _locator_facts(adult, language)
        if adult.consulate is not None:
            values += [adult.consulate.name, display_phone(adult.consulate.phone)]
            values += address_text(adult.consulate.address, language).splitlines()
    people = {p.id: p.full_name for p in [*plan.adults, *plan.children]}
    for paper in plan.documents:
        values += [paper.description, paper.location, people.get(paper.belongs_to or "", "")]
    return values


def _locator_facts(adult: Adult, language: str) -> list[str]:
    a_number = adult.case.a_number if adult.case else ""
    return [
        adult.given_names,
        adult.family_names,
        display_a_number(a_number) if a_number else "",
        country_name(adult.country_of_birth, language) if adult.country_of_birth else "",
        date_text(adult.date_of_birth, language),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_fact_the_caregiver_needs_is_printed(example: str, language: str) -> None:
    plan = example_plan(example)
    text = read(render(plan, language))
    assert not_shown(text, expected_values(plan, language)) == []
    assert "(800) 898-7180" in text
    assert "(888) 351-4024" in text


def test_a_numbers_are_printed_the_way_the_notice_to_appear_writes_them() -> None:
    text = read(render(example_plan("large-tx.json")))
    assert "A-208-456-317" in text and "A-087-654-321" in text
    assert "208456317" not in text


def test_countries_of_birth_are_named_in_the_documents_language() -> None:
    plan = example_plan("mixed-names-ny.json")
    assert "Haiti" in read(render(plan, "en"))
    assert "Haití" in read(render(plan, "es"))


ENGLISH_STEPS = [
    "1. Keep the children safe and calm",
    "2. Your caregiver paper",
    "3. Call these people, in this order",
    "4. Call the attorney and the local hotline",
    "5. Find out where the parent is held",
    "6. Call the consulate",
    "7. Find the papers",
    "8. Money and bills",
    "9. What not to do",
]
SPANISH_STEPS = [
    "1. Mantenga a los niños seguros y tranquilos",
    "2. Su documento de cuidador",
    "3. Llame a estas personas, en este orden",
    "4. Llame al abogado y a la línea de ayuda local",
    "5. Averigüe dónde tienen detenido al padre o a la madre",
    "6. Llame al consulado",
    "7. Encuentre los papeles",
    "8. Dinero y cuentas por pagar",
    "9. Lo que no debe hacer",
]


@pytest.mark.parametrize(("language", "steps"), [("en", ENGLISH_STEPS), ("es", SPANISH_STEPS)])
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_the_steps_come_in_order(example: str, language: str, steps: list[str]) -> None:
    text = read(render(example_plan(example), language))
    positions = [text.find(step) for step in steps]
    assert -1 not in positions, [s for s, p in zip(steps, positions, strict=True) if p == -1]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("state", "said"),
    [
        ("CA", "When the children come to live with you, complete the Caregiver's Authorization"),
        ("MA", "Do not sign it before the children live with you"),
        ("TX", "The parents signed the Authorization Agreement for Nonparent Adult Caregiver"),
        ("OH", "It is not a legal instrument"),
    ],
)
def test_the_caregiver_is_told_when_their_paper_is_signed(state: str, said: str) -> None:
    plan = example_plan("small-ca.json")
    plan.household.state = state
    assert said in read(render(plan, "en"))


def test_spanish_output_speaks_spanish() -> None:
    text = read(render(example_plan("small-ca.json"), "es"))
    assert "Si me detienen: instrucciones para quien cuide a mis hijos" in text
    assert "What not to do" not in text
    assert "Call the consulate" not in text


def test_bilingual_output_puts_english_beside_spanish() -> None:
    text = read(render(example_plan("small-ca.json"), "es", bilingual=True))
    assert "9. Lo que no debe hacer / What not to do" in text
    assert "No firme ningún papel" in text and "Do not sign any paper" in text
    # The English line dates in English (it said "Next check due: 4 de abril de 2027").
    assert "Next check due: April 4, 2027." in text
    assert "Próxima revisión: 4 de abril de 2027." in text


def test_the_locator_note_keeps_to_the_known_facts_and_asks_to_confirm_the_rest() -> None:
    text = read(render(example_plan("small-ca.json")))
    assert "exact match" in text
    assert "under 18" in text
    assert "Check them on the locator's own page" in text
    assert "https://acis.eoir.justice.gov/en/ (Confirm this" in text


def test_a_plan_with_almost_nothing_says_so_and_skips_steps_without_facts() -> None:
    plan = Plan(
        household=Household(display_name="Casa Prueba", state="CA"),
        adults=[Adult(id="adult-1", given_names="Inés", family_names="Prueba")],
    )
    text = read(render(plan))
    assert "No children are recorded in this plan." in text
    assert "No emergency contacts are recorded in this plan." in text
    assert "No attorney is recorded in this plan." in text
    assert "No local rapid-response hotline is recorded." in text
    assert "No country of birth is recorded for Inés Prueba" in text
    assert "Call the consulate" not in text
    assert "5. Find the papers" in text and "7. What not to do" in text


def test_user_text_is_never_read_as_markup() -> None:
    plan = example_plan("small-ca.json")
    plan.notes = '<b>bold</b> & <img src="/etc/hostname"/>'
    content = render(plan)
    assert '<b>bold</b> & <img src="/etc/hostname"/>' in read(content)
    assert b"XObject" not in content


def test_no_person_is_named_in_the_metadata() -> None:
    plan = example_plan("large-tx.json")
    info = " ".join(metadata(render(plan)).values())
    names = [p.given_names for p in [*plan.adults, *plan.children, *plan.emergency_contacts]]
    assert [n for n in names if n in info] == []
    assert plan.household.display_name not in info


def test_a_real_renderer_can_draw_every_page(tmp_path: Path) -> None:
    content = render(example_plan("large-tx.json"), "es", bilingual=True)
    pictures = render_pngs(content, tmp_path, "instructions")
    assert len(pictures) == page_count(content) >= 2
    assert all(p.stat().st_size > 5_000 for p in pictures)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_plans())
def test_any_text_a_family_types_renders_and_comes_out(plan: Plan) -> None:
    text = read(render(plan, "es", bilingual=True))
    typed = [
        plan.household.display_name,
        *(a.full_name for a in plan.adults),
        *(c.full_name for c in plan.children),
        *(c.full_name for c in plan.emergency_contacts),
        *(c.relationship_detail for c in plan.emergency_contacts),
        *(c.notes for c in plan.emergency_contacts),
        *(h.name for h in plan.local_hotlines),
        *(d.description for d in plan.documents),
        *(d.location for d in plan.documents),
        plan.money_notes,
        plan.notes,
    ]
    assert [value for value in typed if not comes_out(text, value)] == []
    signed = [c.care.paper_signed_on for c in plan.children if c.care.paper_signed_on]
    assert not_shown(text, [date_text(day, "es") for day in signed]) == []


def test_each_signed_paper_says_when_a_new_one_must_be_signed() -> None:
    plan = example_plan("small-ca.json")  # CA: the affidavit lasts a year from signing
    child = plan.children[0]
    assert f"{child.full_name}: caregiver paper signed" not in read(render(plan))
    child.care.paper_signed_on = date(2026, 3, 9)
    assert (
        f"{child.full_name}: caregiver paper signed on March 9, 2026; a new one must be signed"
        " by March 8, 2027." in read(render(plan))
    )
    assert (
        f"{child.full_name}: documento de cuidador firmado el 9 de marzo de 2026; hay que firmar"
        " uno nuevo a más tardar el 8 de marzo de 2027." in read(render(plan, "es"))
    )
    bilingual = read(render(plan, "es", bilingual=True))
    assert "firmado el 9 de marzo de 2026" in bilingual
    assert "signed on March 9, 2026; a new one must be signed by March 8, 2027." in bilingual


def test_a_paper_the_law_sets_no_end_for_says_only_when_it_was_signed() -> None:
    plan = example_plan("large-tx.json")  # TX: the agreement lasts until it is revoked
    signed, unsigned = plan.children[0], plan.children[1]
    signed.care.paper_signed_on = date(2025, 12, 1)
    text = read(render(plan))
    assert f"{signed.full_name}: caregiver paper signed on December 1, 2025." in text
    assert "a new one must be signed" not in text
    assert f"{unsigned.full_name}: caregiver paper" not in text
