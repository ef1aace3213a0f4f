"""Messages written from the plan when a parent is detained: each says what its reader needs,
in the chosen language, and nothing the reader should not get."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.formats import display_a_number
from planner.messages import (
    Arrest,
    languages_for,
    pickups,
    shorten,
    to_caregiver,
    to_employer,
    to_school,
    who_picks_up,
)
from planner.model import Plan
from tests.conftest import example_plan
from tests.strategies import name_text

LANGUAGES = ("en", "es")
ARREST = Arrest(datetime(2026, 11, 25, 14, 5), "Bellfort Ave & Telephone Rd", "Two unmarked SUVs")
CARLOS = "adult-carlos"


@pytest.fixture
def plan() -> Plan:
    return example_plan("large-tx.json")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_caregiver_hears_what_happened_and_whom_to_pick_up_where(
    plan: Plan, language: str
) -> None:
    message = to_caregiver(plan, CARLOS, ARREST, pickups(plan, CARLOS)["contact-rosa"], language)
    assert message.recipient == "Rosa María Pérez Camacho"
    assert "Carlos Eduardo Morales Xicará" in message.subject
    for child in plan.children:
        assert child.full_name in message.body
    for school in ("Tomás Rivera Middle School", "Casita de Colores", "(713) 555-0170"):
        assert school in message.body
    assert "Bellfort Ave & Telephone Rd" in message.body
    assert "Methylphenidate ER, 18 mg" in message.body  # a medicine that cannot wait
    assert "Peanuts & tree nuts" in message.body
    assert "(832) 555-0161" in message.body  # the lawyer's 24-hour line
    assert "Two unmarked SUVs" not in message.body  # for the lawyer, not the caregiver


def test_the_time_is_said_on_a_twelve_hour_clock_in_each_language(plan: Plan) -> None:
    children = ["child-lucas"]
    english = to_caregiver(plan, CARLOS, ARREST, children, "en").body
    spanish = to_caregiver(plan, CARLOS, ARREST, children, "es").body
    assert "November 25, 2026, at 2:05 pm" in english
    assert "25 de noviembre de 2026, a las 2:05 p. m." in spanish
    assert "Detuvieron a Carlos Eduardo Morales Xicará." in spanish


def test_a_child_picked_up_by_someone_else_says_who(plan: Plan) -> None:
    plan.children[1].care.primary_caregiver_id = "contact-julio"
    body = to_caregiver(plan, CARLOS, Arrest(), ["child-isabella", "child-mateo"], "en").body
    assert "Mateo José Morales Pérez: Julio César Xicará will pick them up ((281) 555-0192)" in body
    assert "When:" not in body  # nothing recorded, nothing said


def test_the_detained_parent_is_never_the_one_to_pick_up(plan: Plan) -> None:
    lucas = plan.children[4]
    lucas.care.primary_caregiver_id = CARLOS
    person = who_picks_up(plan, lucas, CARLOS)
    assert person is not None and person.id == "contact-maribel"
    assert pickups(plan, CARLOS)["contact-maribel"] == ["child-lucas"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_school_hears_who_picks_up_each_child_and_nothing_of_the_case(
    plan: Plan, language: str
) -> None:
    message = to_school(plan, "school-lincoln", CARLOS, language)
    assert message.recipient == "Lincoln Elementary & Pre-K"
    body = message.body
    for child in ("Sebastián Morales Pérez (3rd grade)", "Camila Renée Morales Pérez (Pre-K 4)"):
        assert f"{child}: Rosa María Pérez Camacho" in body
    assert "(832) 555-0188" in body
    assert "Óscar Pérez (uncle — not allowed)" in body
    assert "Isabella" not in body  # she goes to another school
    said = (message.subject + body).lower()
    for word in ("detain", "detuv", "immigra", "inmigra", "ice", "court", "corte", "lawyer"):
        assert word not in said.replace("ices", ""), word
    assert display_a_number("208456317") not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_employer_is_asked_for_the_last_paycheck_and_told_nothing_of_the_case(
    plan: Plan, language: str
) -> None:
    message = to_employer(plan, CARLOS, language)
    assert message.recipient == "Gulf Coast Roofing & Siding LLC"
    assert "Ask for Mr. Dunaway" in message.body  # the family's notes on the employer
    assert "Ana, with a signed letter from Carlos" in message.body  # who collects it
    said = (message.subject + message.body).lower()
    assert "detain" not in said and "detuv" not in said and "immigra" not in said


def test_an_employer_with_no_notes_still_gets_a_whole_message(plan: Plan) -> None:
    assert plan.adults[1].employer is not None
    plan.adults[1].employer.notes = ""
    message = to_employer(plan, "adult-ana", "es")
    assert message.recipient == "St. Anne's Home Health"
    assert "último cheque de pago de Ana Lucía Pérez de Morales" in message.body
    assert "notas" not in message.body


def test_languages_offered_are_the_readers_first_then_the_familys(plan: Plan) -> None:
    assert languages_for(plan, "contact-julio") == ("es", "en")  # Julio reads Spanish
    assert languages_for(plan, "contact-jennifer") == ("en", "es")
    assert languages_for(plan, "school-lincoln") == ("en", "es")  # a school in the US
    assert languages_for(plan, None) == ("en", "es")  # the employer
    assert languages_for(plan, "contact-abuela") == ("es", "en")  # K'iche' has no catalogue


def test_a_long_note_is_cut_at_a_word_and_says_so() -> None:
    note = "Peanuts and tree nuts. " * 300
    short = shorten(note, 400)
    assert len(short) <= 400 and short.endswith("…")
    assert short[:-1].split()[-1] in note.split()
    assert shorten("Strawberries", 400) == "Strawberries"


@given(
    parent=name_text,
    child=name_text,
    caregiver=name_text,
    school=name_text,
    place=st.text(max_size=80),
    language=st.sampled_from(LANGUAGES),
)
def test_any_typed_names_come_out_whole(
    parent: str, child: str, caregiver: str, school: str, place: str, language: str
) -> None:
    plan = example_plan("large-tx.json")
    plan.adults[0].given_names, plan.adults[0].family_names = parent, ""
    plan.children[0].given_names, plan.children[0].family_names = child, ""
    plan.emergency_contacts[0].given_names, plan.emergency_contacts[0].family_names = caregiver, ""
    plan.schools[1].name = school
    arrest = Arrest(None, place, "")
    messages = [
        to_caregiver(plan, CARLOS, arrest, ["child-isabella"], language),
        to_school(plan, "school-rivera", CARLOS, language),
        to_employer(plan, CARLOS, language),
    ]
    for message in messages:
        assert parent in message.subject + message.body
    assert child in messages[0].body and child in messages[1].body
    assert caregiver in messages[0].recipient and caregiver in messages[1].body
    assert school in messages[1].recipient


def test_markup_and_right_to_left_names_stay_plain_text(plan: Plan) -> None:
    plan.adults[0].given_names, plan.adults[0].family_names = "<b>Omar</b> & عمر", "حداد 😀"
    body = to_school(plan, "school-rivera", CARLOS, "en").body
    assert "\u2068<b>Omar</b> & عمر حداد 😀\u2069" in body  # one isolate keeps its order
    assert "&amp;" not in body and "&lt;" not in body
