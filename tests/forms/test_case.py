"""The attorney and case sheet: one adult's identity, case, attorney, consulate and employer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from forms import case
from planner.formats import display_a_number, display_phone
from planner.model import Adult, Plan
from planner.people import address_text, date_text, label, languages_text
from planner.places import country_name
from tests.conftest import EXAMPLES, example_plan
from tests.forms.documents import LANGUAGES, comes_out, context, not_shown, read, rich_plans
from tests.forms.pdf import metadata

EXAMPLE_NAMES = [p.name for p in EXAMPLES]


def render(plan: Plan, adult_id: str, language: str = "en", bilingual: bool = False) -> str:
    return read(case.render(context(plan, language, bilingual), adult_id))


def expected_values(plan: Plan, adult: Adult, language: str) -> list[str]:
    """Everything this adult's sheet is meant to show, as a person reads it."""
    values = [
        adult.full_name,
        adult.given_names,
        adult.family_names,
        adult.other_names,
        label(adult.role, language),
        adult.email,
        languages_text(adult.languages, language),
        date_text(adult.date_of_birth, language),
        country_name(adult.country_of_birth, language) if adult.country_of_birth else "",
        *(display_phone(p.number) for p in adult.phones),
        *(p.note for p in adult.phones),
        "(800) 898-7180",
    ]
    if adult.consulate is not None:
        values += [adult.consulate.name, display_phone(adult.consulate.phone)]
        values += address_text(adult.consulate.address, language).splitlines()
    if adult.employer is not None:
        values += [adult.employer.name, display_phone(adult.employer.phone), adult.employer.notes]
        values += address_text(adult.employer.address, language).splitlines()
    info = adult.case
    if info is not None:
        status = info.immigration_status
        values += [
            display_a_number(info.a_number) if info.a_number else "",
            label(status, language) if status else "",
            info.immigration_court,
            date_text(info.next_hearing, language),
            info.pending_applications,
            info.g28_held_by,
            info.arresting_officer,
            info.notes,
        ]
        attorney = plan.attorney(info.attorney_id) if info.attorney_id else None
        if attorney is not None:
            values += [attorney.full_name, attorney.organization, attorney.email]
            values += [display_phone(attorney.phone), display_phone(attorney.phone_24h)]
            values += [attorney.bar_or_eoir_id, *address_text(attorney.address, language).split()]
    return values


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_fact_of_the_adult_is_printed(example: str, language: str) -> None:
    plan = example_plan(example)
    for adult in plan.adults:
        text = render(plan, adult.id, language)
        assert not_shown(text, expected_values(plan, adult, language)) == [], adult.id


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_a_sheet_shows_only_its_own_adults_a_number(example: str) -> None:
    plan = example_plan(example)
    for adult in plan.adults:
        text = render(plan, adult.id)
        others = [o for o in plan.adults if o.id != adult.id and o.case and o.case.a_number]
        for other in others:
            assert other.case is not None
            assert display_a_number(other.case.a_number) not in text
            assert other.full_name not in text


def test_the_a_number_is_printed_in_display_form() -> None:
    text = render(example_plan("large-tx.json"), "adult-ana")
    assert "A-087-654-321" in text
    assert "087654321" not in text


def test_the_attorney_and_the_g28() -> None:
    plan = example_plan("large-tx.json")
    carlos = render(plan, "adult-carlos")
    assert "Mariana Delgado (attorney)" in carlos
    assert "G-28 signed in advance Yes" in carlos
    assert "(832) 555-0161" in carlos
    ana = render(plan, "adult-ana")
    assert "Thomas Nguyen (DOJ-accredited representative)" in ana
    assert "G-28 signed in advance No" in ana


def test_a_status_the_family_chose_not_to_give_says_so() -> None:
    plan = example_plan("mixed-names-ny.json")
    assert "Immigration status Prefers not to say" in render(plan, "adult-hong")
    assert "Situación migratoria Prefiere no decirlo" in render(plan, "adult-hong", "es")


def test_an_unanswered_question_prints_no_row() -> None:
    text = render(example_plan("mixed-names-ny.json"), "adult-hong")
    assert "G-28 signed in advance" not in text
    assert "No attorney or accredited representative is recorded for this person." in text
    assert "A-number" in text  # the locator's column, left blank


def test_an_adult_without_case_information_still_gets_identity_consulate_and_locator_facts() -> (
    None
):
    plan = example_plan("large-tx.json")
    plan.adults[0].case = None
    text = render(plan, "adult-carlos")
    assert "No case information was recorded for this person." in text
    assert "No attorney or accredited representative is recorded for this person." in text
    for value in ("Carlos Eduardo", "Morales Xicará", "Guatemala", "November 3, 1984"):
        assert value in text
    assert "Consulado General de Guatemala en Houston" in text
    assert "https://locator.ice.gov/odls/" in text
    assert "A-208-456-317" not in text


def test_the_sheet_says_who_gets_a_copy_and_to_keep_it_private() -> None:
    text = render(example_plan("small-ca.json"), "adult-guadalupe")
    assert "Who gets a copy: the attorney and the caregiver" in text
    assert "Keep it private: it has sensitive information" in text


def test_spanish_output_speaks_spanish() -> None:
    text = render(example_plan("small-ca.json"), "adult-guadalupe", "es")
    for heading in ("Hoja del abogado y del caso", "De quién es esta hoja", "Caso de inmigración"):
        assert heading in text
    assert "Attorney and case sheet" not in text
    bilingual = render(example_plan("small-ca.json"), "adult-guadalupe", "es", bilingual=True)
    assert "Consulado / Consulate" in bilingual


def test_a_sheet_for_someone_not_in_the_plan_is_refused() -> None:
    with pytest.raises(ValueError, match="one adult"):
        case.render(context(example_plan("small-ca.json"), "en"), "contact-marisol")


def test_no_person_is_named_in_the_metadata() -> None:
    plan = example_plan("large-tx.json")
    info = " ".join(metadata(case.render(context(plan, "en"), "adult-carlos")).values())
    assert "Carlos" not in info and "Morales" not in info


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_plans())
def test_any_text_a_family_types_renders_and_comes_out(plan: Plan) -> None:
    adult = plan.adults[-1]
    text = render(plan, adult.id, "es", bilingual=True)
    assert adult.case is not None and adult.consulate is not None and adult.employer is not None
    typed = [
        adult.given_names,
        adult.family_names,
        adult.other_names,
        adult.case.immigration_court,
        adult.case.pending_applications,
        adult.case.g28_held_by,
        adult.case.arresting_officer,
        adult.case.notes,
        adult.consulate.name,
        adult.employer.name,
        adult.employer.notes,
        *(a.full_name for a in plan.attorneys),
    ]
    assert [value for value in typed if not comes_out(text, value)] == []
