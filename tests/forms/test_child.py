"""The child information sheet: everything about one child reaches paper, and no other child."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings

from forms import child
from forms.context import RenderContext, RenderOptions
from forms.pickup import may_pick_up
from planner.formats import display_phone
from planner.model import Child, Plan
from planner.people import address_text, date_text
from planner.places import language_name
from tests.conftest import EXAMPLES, TODAY, example_plan
from tests.forms.child_plans import child_plans, comes_out, poppler_text
from tests.forms.pdf import body_text, flat, metadata, page_count, render_pngs

EXAMPLE_NAMES = [p.name for p in EXAMPLES]


def render(plan: Plan, child_id: str, language: str = "en", bilingual: bool = False) -> bytes:
    options = RenderOptions(language=language, bilingual=bilingual, today=TODAY)
    return child.render(RenderContext.for_plan(plan, options), child_id)


@cache
def sheet_text(example: str, child_id: str, language: str, bilingual: bool = False) -> str:
    content = render(example_plan(example), child_id, language, bilingual)
    return normalised(body_text(content))


def normalised(text: str) -> str:
    return flat(unicodedata.normalize("NFC", text))


def values_shown(plan: Plan, kid: Child, language: str) -> list[str]:
    """Every value of the child the sheet should show, in the form a person reads it."""
    health = kid.health
    values = [
        kid.full_name,
        date_text(kid.date_of_birth, language),
        *(language_name(code, language) for code in kid.languages),
        kid.grade,
        kid.teacher,
        health.doctor,
        display_phone(health.doctor_phone),
        health.dentist,
        display_phone(health.dentist_phone),
        health.insurance,
        health.insurance_member_id,
        health.conditions,
        health.allergies,
        health.special_needs,
        *(part for m in health.medications for part in (m.name, m.dose, m.schedule)),
        kid.custody_orders,
        kid.passport_status,
        kid.routines_and_comfort,
        kid.care.who_pays,
        *kid.must_not_be_released_to,
    ]
    for entry in may_pick_up(plan, kid):
        values.append(entry.person.full_name)
        values += [display_phone(p.number) for p in entry.person.phones]
    school = plan.school(kid.school_id) if kid.school_id else None
    if school is not None:
        values += [school.name, display_phone(school.phone), school.notes]
        values += address_text(school.address, language).splitlines()
    for paper in plan.documents:
        if paper.belongs_to == kid.id:
            values += [paper.description, paper.location]
    return [v for v in values if v.strip()]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_value_of_each_child_is_on_their_sheet(example: str, language: str) -> None:
    plan = example_plan(example)
    for kid in plan.children:
        text = sheet_text(example, kid.id, language)
        missing = [v for v in values_shown(plan, kid, language) if normalised(v) not in text]
        assert missing == [], kid.id


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_a_childs_sheet_names_no_other_child(example: str, language: str) -> None:
    plan = example_plan(example)
    for kid in plan.children:
        text = sheet_text(example, kid.id, language)
        others = [c.full_name for c in plan.children if c.id != kid.id]
        assert [name for name in others if normalised(name) in text] == [], kid.id


def test_caregivers_and_pick_up_people_come_with_their_phones() -> None:
    plan = example_plan("large-tx.json")
    text = sheet_text("large-tx.json", "child-lucas", "en")
    assert "Primary caregiver Rosa María Pérez Camacho (832) 555-0188 (mobile)" in text
    assert "Alternate caregiver Maribel Castañeda (713) 555-0183 (mobile)" in text
    assert "For how long Short term" in text
    # Lucas's release list names Ana, Rosa and Maribel; the caregivers are already on it.
    people = [entry.person.id for entry in may_pick_up(plan, plan.children[4])]
    assert people == ["adult-ana", "contact-rosa", "contact-maribel"]


def test_people_who_must_not_pick_up_are_boxed_before_those_who_may() -> None:
    text = sheet_text("large-tx.json", "child-sebastian", "en")
    warning = text.index(
        "Do NOT let these people pick up Sebastián: • Óscar Pérez (uncle — not allowed)"
    )
    assert warning < text.index("Ana Lucía Pérez de Morales")


def test_a_custody_order_is_shown_before_everything_else_about_the_child() -> None:
    text = sheet_text("small-ca.json", "child-sofia", "es")
    order = text.index("Ninguna orden de custodia. El padre no está en el acta ni tiene contacto.")
    assert (
        text.index("Orden de custodia o de un tribunal") < order < text.index("Personas cuidadoras")
    )


def test_the_sheet_says_what_to_do_with_it() -> None:
    text = sheet_text("mixed-names-ny.json", "child-celeste", "en")
    assert (
        "give a copy to each caregiver named on it and keep one with Céleste Hương's papers" in text
    )


def test_household_papers_are_pointed_to_not_claimed() -> None:
    text = sheet_text("large-tx.json", "child-isabella", "en")
    assert "Passport — US passport Red folder Have it" in text
    assert "Papers kept for the whole family are on the family's list of papers." in text
    assert "Texas birth certificates for all five children" not in text


def test_empty_parts_of_a_child_are_left_out() -> None:
    plan = Plan.model_validate(
        {
            "household": {"display_name": "Prueba", "state": "CA"},
            "children": [{"id": "child-1", "given_names": "Inés", "family_names": "Prueba"}],
        }
    )
    text = normalised(body_text(render(plan, "child-1")))
    assert "Inés Prueba" in text
    for heading in ("Health", "Caregivers", "People allowed to pick up", "Travel", "Allergies"):
        assert heading not in text


def test_spanish_sheets_have_spanish_headings() -> None:
    text = sheet_text("large-tx.json", "child-mateo", "es")
    for heading in ("Personas cuidadoras", "Personas autorizadas para recoger", "Salud",
                    "Medicamentos", "Rutinas y lo que le da tranquilidad", "Escuela o guardería",
                    "Viajes y pasaporte", "Dónde están sus papeles"):  # fmt: skip
        assert heading in text
    assert "People allowed to pick up" not in text
    assert "Fecha de nacimiento 7 de febrero de 2014" in text


def test_bilingual_sheets_carry_english_beside_spanish() -> None:
    text = sheet_text("large-tx.json", "child-mateo", "es", bilingual=True)
    assert "Salud / Health" in text
    assert "Personas cuidadoras / Caregivers" in text
    assert "What to do with this sheet:" in text


def test_metadata_names_the_kind_not_the_child() -> None:
    plan = example_plan("mixed-names-ny.json")
    info = metadata(render(plan, "child-duc-emmanuel", "es"))
    assert info["/Title"] == "Child information sheet"
    assert "Đức" not in " ".join(info.values())


def test_an_unknown_child_is_refused_without_naming_anyone() -> None:
    with pytest.raises(ValueError, match="no child") as raised:
        render(example_plan("small-ca.json"), "child-nobody")
    assert "nobody" not in str(raised.value)


def test_long_routines_flow_onto_a_second_page_and_rasterise(tmp_path: Path) -> None:
    plan = example_plan("small-ca.json")
    routines = ("Bedtime at 8:30 with Coco the rabbit & a song <3. " * 100)[:5000]
    kid = plan.children[0].model_copy(update={"routines_and_comfort": routines})
    plan = plan.model_copy(update={"children": [kid]})
    content = render(plan, kid.id)
    pages = page_count(content)
    assert pages >= 2
    assert flat(routines) in normalised(body_text(content))
    pictures = render_pngs(content, tmp_path, "child")
    assert len(pictures) == pages
    assert all(p.stat().st_size > 2000 for p in pictures)


@settings(max_examples=25)
@given(child_plans())
def test_any_child_renders_and_every_value_comes_out(plan: Plan) -> None:
    for kid in plan.children:
        text = poppler_text(render(plan, kid.id, "es", bilingual=True))
        missing = [v for v in values_shown(plan, kid, "es") if not comes_out(v, text)]
        assert missing == []
