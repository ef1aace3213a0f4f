"""Every validation rule a person can meet, and every completeness warning, one table row each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.model import (
    Address,
    Adult,
    Attorney,
    CareArrangement,
    CaseInfo,
    Child,
    Contact,
    DocumentLocation,
    Household,
    PaperKind,
    Phone,
    Plan,
    ReviewSchedule,
    School,
)
from planner.validation import Severity, check, completeness, format_path, has_errors
from tests.conftest import TODAY, example_plan
from tests.strategies import typed_text, valid_plans, whole_plans


def complete_plan() -> Plan:
    """An invented household with nothing wrong and nothing missing."""
    return Plan(
        household=Household(
            display_name="Familia Prueba",
            state="CA",
            address=Address(street="12 Elm St", city="Fresno", state="CA", postal_code="93701"),
        ),
        adults=[
            Adult(
                id="adult-a",
                given_names="Inés",
                family_names="Prueba",
                phones=[Phone(number="(559) 555-0101")],
                email="ines@example.org",
                date_of_birth=date(1990, 5, 2),
                country_of_birth="MX",
                case=CaseInfo(a_number="A-123-456-789", attorney_id="attorney-a"),
            )
        ],
        children=[
            Child(
                id="child-a",
                given_names="Tomás",
                date_of_birth=date(2018, 3, 9),
                school_id="school-a",
                may_be_released_to=["contact-a", "contact-b"],
                care=CareArrangement(
                    primary_caregiver_id="contact-a", alternate_caregiver_id="contact-b"
                ),
            )
        ],
        emergency_contacts=[
            Contact(
                id="contact-a",
                given_names="Rosa",
                phones=[Phone(number="559-555-0102")],
                knows_the_plan=True,
            ),
            Contact(
                id="contact-b",
                given_names="Abuela",
                phones=[Phone(number="+502 5555 1234")],
                address=Address(city="Quetzaltenango", country="GT"),
                knows_the_plan=True,
            ),
        ],
        attorneys=[Attorney(id="attorney-a", given_names="Lee", phone="(559) 555-0103")],
        schools=[School(id="school-a", name="Jefferson Elementary")],
        documents=[DocumentLocation(kind=PaperKind.PASSPORT, belongs_to="adult-a")],
        review=ReviewSchedule(next_review=date(2027, 3, 1)),
    )


def test_the_complete_plan_has_no_problem_and_nothing_missing() -> None:
    plan = complete_plan()
    assert check(plan, TODAY) == []
    assert completeness(plan) == []


Change = Callable[[Plan], object]

RULES: list[tuple[str, Change, str, str, Severity]] = [
    ("bad phone", lambda p: setattr(p.adults[0].phones[0], "number", "555-12"),
     "adults[0].phones[0].number", "phone.invalid", Severity.ERROR),
    ("bad attorney phone", lambda p: setattr(p.attorneys[0], "phone_24h", "call"),
     "attorneys[0].phone_24h", "phone.invalid", Severity.ERROR),
    ("8-character A-number", lambda p: setattr(p.adults[0].case, "a_number", "A1234567"),
     "adults[0].case.a_number", "a_number.invalid", Severity.ERROR),
    ("bad email", lambda p: setattr(p.adults[0], "email", "ines@"),
     "adults[0].email", "email.invalid", Severity.ERROR),
    ("unknown country", lambda p: setattr(p.adults[0], "country_of_birth", "Mexico"),
     "adults[0].country_of_birth", "country.invalid", Severity.ERROR),
    ("bad ZIP", lambda p: setattr(p.household.address, "postal_code", "9370"),
     "household.address.postal_code", "zip.invalid", Severity.ERROR),
    ("bad address state", lambda p: setattr(p.household.address, "state", "Cal"),
     "household.address.state", "state.invalid", Severity.ERROR),
    ("bad household state", lambda p: setattr(p.household, "state", "ZZ"),
     "household.state", "state.invalid", Severity.ERROR),
    ("child born next year", lambda p: setattr(p.children[0], "date_of_birth", date(2027, 1, 1)),
     "children[0].date_of_birth", "date.birth_in_future", Severity.ERROR),
    ("parent born in the future", lambda p: setattr(p.adults[0], "date_of_birth", date(2030, 1, 1)),
     "adults[0].date_of_birth", "date.birth_in_future", Severity.ERROR),
    ("child is 18", lambda p: setattr(p.children[0], "date_of_birth", date(2008, 11, 25)),
     "children[0].date_of_birth", "child.is_adult", Severity.WARNING),
    ("id used twice", lambda p: p.schools.append(School(id="adult-a", name="Head Start")),
     "schools[1].id", "id.duplicate", Severity.ERROR),
    ("missing school", lambda p: setattr(p.children[0], "school_id", "school-x"),
     "children[0].school_id", "reference.school_missing", Severity.ERROR),
    ("caregiver not in plan", lambda p: setattr(p.children[0].care, "primary_caregiver_id", "x"),
     "children[0].care.primary_caregiver_id", "reference.person_missing", Severity.ERROR),
    ("same caregiver twice",
     lambda p: setattr(p.children[0].care, "alternate_caregiver_id", "contact-a"),
     "children[0].care.alternate_caregiver_id", "caregiver.same_person", Severity.ERROR),
    ("pick-up person not in plan", lambda p: p.children[0].may_be_released_to.append("ghost"),
     "children[0].may_be_released_to[2]", "reference.person_missing", Severity.ERROR),
    ("caregiver is a child",
     lambda p: setattr(p.children[0].care, "primary_caregiver_id", "child-a"),
     "children[0].care.primary_caregiver_id", "reference.is_a_child", Severity.ERROR),
    ("released to a child", lambda p: p.children[0].may_be_released_to.append("child-a"),
     "children[0].may_be_released_to[2]", "reference.is_a_child", Severity.ERROR),
    ("school without a name", lambda p: setattr(p.schools[0], "name", " "),
     "schools[0].name", "school.name_missing", Severity.ERROR),
    ("unknown language", lambda p: p.children[0].languages.append("xx"),
     "children[0].languages[0]", "language.invalid", Severity.ERROR),
    ("unknown family language", lambda p: setattr(p.household, "family_languages", ["es", "zz"]),
     "household.family_languages[1]", "language.invalid", Severity.ERROR),
    ("unknown document language", lambda p: setattr(p.household, "document_language", "qq"),
     "household.document_language", "language.invalid", Severity.ERROR),
    ("Mexican number without +52",
     lambda p: setattr(p.emergency_contacts[1].phones[0], "number", "55 1234 5678"),
     "emergency_contacts[1].phones[0].number", "phone.us_number_abroad", Severity.WARNING),
    ("attorney not in plan", lambda p: setattr(p.adults[0].case, "attorney_id", "attorney-x"),
     "adults[0].case.attorney_id", "reference.attorney_missing", Severity.ERROR),
    ("paper of nobody", lambda p: setattr(p.documents[0], "belongs_to", "ghost"),
     "documents[0].belongs_to", "reference.person_missing", Severity.ERROR),
    ("no plan name", lambda p: setattr(p.household, "display_name", "  "),
     "household.display_name", "household.name_missing", Severity.ERROR),
    ("no given name", lambda p: setattr(p.emergency_contacts[0], "given_names", ""),
     "emergency_contacts[0].given_names", "name.missing", Severity.ERROR),
    ("past hearing", lambda p: setattr(p.adults[0].case, "next_hearing", date(2026, 1, 5)),
     "adults[0].case.next_hearing", "hearing.past", Severity.WARNING),
    ("review overdue", lambda p: setattr(p.review, "next_review", date(2026, 6, 1)),
     "review.next_review", "review.overdue", Severity.WARNING),
    ("CA caregiver aged 17",
     lambda p: setattr(p.emergency_contacts[0], "date_of_birth", date(2009, 11, 26)),
     "children[0].care.primary_caregiver_id", "caregiver.under_state_age", Severity.WARNING),
    ("alternate caregiver aged 16 where the rules name no age",
     lambda p: (setattr(p.household, "state", "IL"),
                setattr(p.emergency_contacts[1], "date_of_birth", date(2010, 1, 1))),
     "children[0].care.alternate_caregiver_id", "caregiver.minor", Severity.WARNING),
]  # fmt: skip


def test_a_caregiver_who_turned_18_today_is_old_enough() -> None:
    plan = complete_plan()
    plan.emergency_contacts[0].date_of_birth = date(2008, 11, 25)
    assert check(plan, TODAY) == []


def test_a_young_caregiver_is_told_the_states_age_in_both_languages() -> None:
    plan = complete_plan()
    plan.household.state = "TX"
    plan.household.address.state = "TX"
    plan.household.address.postal_code = "77061"
    plan.emergency_contacts[0].date_of_birth = date(2010, 2, 3)
    [problem] = check(plan, TODAY)
    assert problem.params == {"age": 18}
    assert "younger than 18" in problem.message("en")
    assert "menos de 18 años" in problem.message("es")


@pytest.mark.parametrize(
    ("change", "path", "key", "severity"),
    [row[1:] for row in RULES],
    ids=[row[0] for row in RULES],
)
def test_each_rule_points_at_the_field_a_person_must_fix(
    change: Change, path: str, key: str, severity: Severity
) -> None:
    plan = complete_plan()
    change(plan)
    found = [(p.path, p.key, p.severity) for p in check(plan, TODAY)]
    assert found == [(path, key, severity)]


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.children[0].languages.extend(["es-MX", "quc", "ht", "mam", "vi"]),
        lambda p: setattr(p.emergency_contacts[1].phones[0], "number", "00502 5555 1234"),
        lambda p: setattr(p.adults[0].phones[0], "number", "(559) 555-0101 x12"),
        lambda p: setattr(p.adults[0].case, "a_number", "12345678"),
        lambda p: setattr(p.adults[0].case, "next_hearing", TODAY),
        lambda p: setattr(p.adults[0], "email", "inés.prueba@ejemplo.com.mx"),
        lambda p: setattr(p.household.address, "state", "DC"),
        lambda p: setattr(p.household, "state", "PR"),
        # A US number is fine for someone who lives in the US, or whose address is not given.
        lambda p: setattr(p.emergency_contacts[0], "address", Address(city="Fresno")),
    ],
    ids=["languages", "00 prefix", "extension", "8-digit A-number", "hearing today", "accents",
         "DC", "Puerto Rico", "US number at home"],
)  # fmt: skip
def test_what_people_really_enter_is_accepted(change: Change) -> None:
    plan = complete_plan()
    change(plan)
    assert check(plan, TODAY) == []


def test_no_message_repeats_what_the_family_typed() -> None:
    plan = complete_plan()
    plan.adults[0].given_names = "Zebulón"
    plan.adults[0].email = "Zebulón@"
    plan.adults[0].phones[0].number = "Zebulón 555"
    plan.adults[0].case = CaseInfo(a_number="A-Zebulón")
    plan.household.state = "Zebulón"
    problems = check(plan, TODAY) + completeness(plan)
    assert len(problems) >= 4
    for problem in problems:
        for language in ("en", "es"):
            assert "Zebul" not in problem.message(language)


def test_a_us_zip_is_not_demanded_of_an_address_abroad() -> None:
    plan = complete_plan()
    assert plan.emergency_contacts[1].address is not None
    plan.emergency_contacts[1].address.postal_code = "09001"
    plan.emergency_contacts[1].address.state = "Quetzaltenango"
    assert check(plan, TODAY) == []


def test_a_zip_plus_four_is_accepted() -> None:
    plan = complete_plan()
    plan.household.address.postal_code = "93701-1234"
    assert check(plan, TODAY) == []


def test_a_child_turning_18_tomorrow_is_still_a_child() -> None:
    plan = complete_plan()
    plan.children[0].date_of_birth = date(2008, 11, 26)
    assert check(plan, TODAY) == []


GAPS: list[tuple[str, Change, str, str]] = [
    ("no alternate", lambda p: setattr(p.children[0].care, "alternate_caregiver_id", None),
     "children[0].care.alternate_caregiver_id", "caregiver.no_alternate"),
    ("no caregiver", lambda p: setattr(p.children[0].care, "primary_caregiver_id", None),
     "children[0].care.primary_caregiver_id", "caregiver.no_primary"),
    ("caregiver has no phone", lambda p: p.emergency_contacts[0].phones.clear(),
     "emergency_contacts[0].phones", "caregiver.no_phone"),
    ("caregiver does not know", lambda p: setattr(p.emergency_contacts[1], "knows_the_plan", False),
     "emergency_contacts[1].knows_the_plan", "caregiver.unaware"),
    ("child without a school", lambda p: setattr(p.children[0], "school_id", None),
     "children[0].school_id", "child.no_school"),
    ("attorney missing", lambda p: (p.attorneys.clear(), setattr(p.adults[0], "case", None)),
     "attorneys", "plan.no_attorney"),
    ("one contact only", lambda p: p.emergency_contacts.pop(),
     "emergency_contacts", "plan.few_contacts"),
    ("no country of birth", lambda p: setattr(p.adults[0], "country_of_birth", ""),
     "adults[0].country_of_birth", "adult.no_country_of_birth"),
    ("other parent without address", lambda p: setattr(p.adults[0], "lives_in_household", False),
     "adults[0].address", "adult.elsewhere_no_address"),
    ("no review date", lambda p: setattr(p.review, "next_review", None),
     "review.next_review", "review.not_scheduled"),
    ("no children", lambda p: p.children.clear(), "children", "plan.no_children"),
    ("contact has no phone",
     lambda p: p.emergency_contacts.append(Contact(id="contact-c", given_names="Beto")),
     "emergency_contacts[2].phones", "contact.no_phone"),
    ("parent as caregiver has no phone",
     lambda p: (p.adults[0].phones.clear(),
                setattr(p.children[0].care, "alternate_caregiver_id", "adult-a")),
     "adults[0].phones", "caregiver.no_phone"),
    ("attorney has no phone", lambda p: setattr(p.attorneys[0], "phone", ""),
     "attorneys[0].phone", "attorney.no_phone"),
    ("caregivers in one household",
     lambda p: [setattr(c, "address", Address(street="7 Oak Ave ", city="Fresno", postal_code=z))
                for c, z in zip(p.emergency_contacts, ("93702", "93702-1234"), strict=True)],
     "children[0].care.alternate_caregiver_id", "caregiver.same_household"),
    ("caregiver lives with the parent",
     lambda p: (setattr(p.children[0].care, "alternate_caregiver_id", "adult-a"),
                setattr(p.emergency_contacts[0], "address", p.household.address)),
     "children[0].care.alternate_caregiver_id", "caregiver.same_household"),
]  # fmt: skip


def test_caregivers_left_off_the_release_list_are_not_warned_about() -> None:
    """The school letter lists the caregivers whether or not the family ticked them, so Review
    must not say the school is not told (it contradicted the letter)."""
    plan = complete_plan()
    plan.children[0].may_be_released_to.clear()
    assert [g for g in completeness(plan) if "released" in g.key] == []


def test_caregivers_whose_address_is_not_entered_are_not_said_to_live_together() -> None:
    plan = complete_plan()
    plan.emergency_contacts[1].address = None
    plan.children[0].care.alternate_caregiver_id = "adult-a"  # lives at the household's address
    assert "caregiver.same_household" not in [g.key for g in completeness(plan)]


@pytest.mark.parametrize(
    ("change", "path", "key"), [row[1:] for row in GAPS], ids=[row[0] for row in GAPS]
)
def test_each_gap_is_a_warning_at_its_place(change: Change, path: str, key: str) -> None:
    plan = complete_plan()
    change(plan)
    gaps = completeness(plan)
    assert (path, key) in [(g.path, g.key) for g in gaps]
    assert all(g.severity is Severity.WARNING for g in gaps)
    assert not has_errors(gaps)


def test_a_plan_with_no_adults_says_so() -> None:
    plan = complete_plan()
    plan.adults.clear()
    assert "plan.no_adults" in [g.key for g in completeness(plan)]


@pytest.mark.parametrize(
    ("path", "text"),
    [((), "(plan)"), (("household",), "household"),
     (("children", 2, "care", "primary_caregiver_id"), "children[2].care.primary_caregiver_id")],
)  # fmt: skip
def test_paths_read_like_the_plan_file(path: tuple[str | int, ...], text: str) -> None:
    assert format_path(path) == text


@given(valid_plans() | whole_plans())
def test_whatever_a_family_types_into_a_valid_plan_passes(plan: Plan) -> None:
    assert not has_errors(check(plan, TODAY))


@given(st.lists(typed_text, min_size=12, max_size=12))
def test_anything_typed_into_any_text_field_is_checked_without_crashing(typed: list[str]) -> None:
    plan = complete_plan()
    address = Address(street=typed[0], city=typed[1], state=typed[2], postal_code=typed[3],
                      country=typed[4])  # fmt: skip
    plan.household.display_name = typed[5]
    plan.adults[0].given_names = typed[6]
    plan.adults[0].email = typed[7]
    plan.adults[0].country_of_birth = typed[8]
    plan.adults[0].phones[0].number = typed[9]
    plan.adults[0].case = CaseInfo(a_number=typed[10], attorney_id="attorney-a")
    plan.emergency_contacts[1].address = address
    plan.schools[0].name = typed[11]
    plan.attorneys[0].phone_24h = typed[9]
    for problem in check(plan, TODAY) + completeness(plan):
        assert problem.path and problem.severity in Severity
        assert problem.message("en") != problem.key
        assert problem.message("es") != problem.message("en")


def test_messages_exist_in_english_and_spanish_and_differ() -> None:
    plan = complete_plan()
    plan.adults[0].phones[0].number = "555-12"
    (problem,) = check(plan, TODAY)
    assert "phone" in problem.message("en")
    assert "teléfono" in problem.message("es")


def test_a_name_or_a_note_too_long_is_named_beside_its_field_and_the_file_still_loads() -> None:
    """Every text answer has a length the model declares (planner.model.MaxChars)."""
    from planner.model import limit_at

    plan = example_plan("small-ca.json")
    plan.children[0].given_names = "Sofía" * 1000
    plan.notes = "x" * 10_001
    plan.children[0].routines_and_comfort = "Bedtime at 8:30. " * 290  # 4,930 characters: fine
    found = {p.path: p for p in check(plan) if p.key == "text.too_long"}
    assert set(found) == {"children[0].given_names", "notes"}
    assert found["children[0].given_names"].message("es") == (
        "Esto es demasiado largo: como máximo 100 caracteres."
    )
    assert limit_at("adults[1].address.street") == 300
    assert limit_at("children[2].care.term") is None
