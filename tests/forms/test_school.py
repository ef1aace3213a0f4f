"""The school release letter: one a school, its children only, who may and may not pick them up."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings

from forms import school
from forms.context import RenderContext, RenderOptions
from forms.pickup import may_pick_up
from forms.school import join_names
from planner.formats import display_phone
from planner.i18n import translate
from planner.model import Plan
from planner.packet import PacketDocumentKind, planned_documents
from planner.people import address_text, date_text
from tests.conftest import EXAMPLES, TODAY, example_plan
from tests.forms.child_plans import child_plans, comes_out, poppler_text
from tests.forms.pdf import body_text, flat, metadata, page_count, render_pngs

EXAMPLE_NAMES = [p.name for p in EXAMPLES]
SIGNATURE = {
    language: translate("kit.signature_of", language, domain="kit").split("{")[0]
    for language in ("en", "es")
}
"""The start of a signature line's caption: "Signature of ", "Firma ("."""


def render(plan: Plan, school_id: str, language: str = "en", bilingual: bool = False) -> bytes:
    options = RenderOptions(language=language, bilingual=bilingual, today=TODAY)
    return school.render(RenderContext.for_plan(plan, options), school_id)


def normalised(text: str) -> str:
    return flat(unicodedata.normalize("NFC", text))


def schools_in_use(plan: Plan) -> list[str]:
    documents = planned_documents(plan, frozenset({PacketDocumentKind.SCHOOL_RELEASE}))
    return [d.subject_id for d in documents if d.subject_id]


@cache
def letter_text(example: str, school_id: str, language: str, bilingual: bool = False) -> str:
    return normalised(body_text(render(example_plan(example), school_id, language, bilingual)))


def values_shown(plan: Plan, school_id: str, language: str) -> list[str]:
    """Every value the letter to this school should show, in the form a person reads it."""
    place = plan.school(school_id)
    assert place is not None
    values = [place.name, display_phone(place.phone)]
    values += address_text(place.address, language).splitlines()
    for kid in (c for c in plan.children if c.school_id == school_id):
        values += [kid.full_name, date_text(kid.date_of_birth, language), kid.grade, kid.teacher]
        values += kid.must_not_be_released_to
        for entry in may_pick_up(plan, kid):
            values.append(entry.person.full_name)
            values += [display_phone(p.number) for p in entry.person.phones]
    for adult in plan.adults:
        values.append(adult.full_name)
        values += [display_phone(p.number) for p in adult.phones]
    return [v for v in values if v.strip()]


def cases() -> list[tuple[str, str, str]]:
    return [
        (example, school_id, language)
        for example in EXAMPLE_NAMES
        for school_id in schools_in_use(example_plan(example))
        for language in ("en", "es")
    ]


@pytest.mark.parametrize(("example", "school_id", "language"), cases())
def test_every_value_for_the_school_is_in_its_letter(
    example: str, school_id: str, language: str
) -> None:
    plan = example_plan(example)
    text = letter_text(example, school_id, language)
    missing = [v for v in values_shown(plan, school_id, language) if normalised(v) not in text]
    assert missing == []


@pytest.mark.parametrize(("example", "school_id", "language"), cases())
def test_a_letter_lists_only_the_children_at_that_school(
    example: str, school_id: str, language: str
) -> None:
    plan = example_plan(example)
    text = letter_text(example, school_id, language)
    elsewhere = [c.full_name for c in plan.children if c.school_id != school_id]
    assert [name for name in elsewhere if normalised(name) in text] == []


@pytest.mark.parametrize(("example", "school_id", "language"), cases())
def test_each_parent_has_a_signature_line_with_their_printed_name(
    example: str, school_id: str, language: str
) -> None:
    plan = example_plan(example)
    text = letter_text(example, school_id, language)
    closing = translate("closing", language, domain="doc_school")
    ending = text.split(closing)[-1]
    assert ending.count(SIGNATURE[language]) == len(plan.adults)
    for adult in plan.adults:
        assert normalised(adult.full_name) in ending


def test_the_letter_asks_for_the_contact_list_and_says_what_it_is_not() -> None:
    text = letter_text("large-tx.json", "school-lincoln", "en")
    assert "To the principal and office staff of Lincoln Elementary & Pre-K:" in text
    assert "We are the parents of Sebastián Morales Pérez and Camila Renée Morales Pérez." in text
    assert "Please update the emergency-contact and pick-up lists" in text
    assert "signed caregiver authorization form" in text
    assert "It is not a court order, and it does not give anyone custody" in text
    assert "Please do not release Sebastián and Camila Renée to these people:" in text
    assert "Caregiver in the family plan" in text


def test_one_parent_writes_in_the_first_person_singular() -> None:
    text = letter_text("small-ca.json", "school-boyle", "es")
    assert "Soy la madre de Sofía Valentina Ramírez." in text
    assert "Si yo no puedo ir, pueden entregar a Sofía Valentina" in text
    assert text.count("Firma (madre)") == 1


def test_spanish_letters_have_spanish_headings() -> None:
    text = letter_text("mixed-names-ny.json", "school-ps-finch", "es")
    for heading in ("Carta de autorización para recoger a menores", "Datos de los menores",
                    "Personas que pueden recoger", "Nombre en letra de molde"):  # fmt: skip
        assert heading in text
    assert "People who may pick up" not in text
    assert "3 de diciembre de 2015" in text


def test_bilingual_letters_put_english_under_each_paragraph_and_beside_each_label() -> None:
    text = letter_text("large-tx.json", "school-casita", "es", bilingual=True)
    assert "Datos del menor / About the child" in text
    assert "We are the parents of Lucas Morales Pérez." in text
    assert "Firma (padre) / Signature of father" in text
    assert "Signature of padre" not in text


def test_people_allowed_for_only_some_children_say_for_whom() -> None:
    plan = example_plan("large-tx.json")
    isabella, mateo = plan.children[0], plan.children[1]
    mateo = mateo.model_copy(
        update={
            "may_be_released_to": ["adult-ana"],
            "care": mateo.care.model_copy(update={"alternate_caregiver_id": None}),
            "must_not_be_released_to": ["Pat & <b>Example</b>"],
        }
    )
    plan = plan.model_copy(update={"children": [isabella, mateo, *plan.children[2:]]})
    text = normalised(body_text(render(plan, "school-rivera")))
    assert "May pick up" in text
    assert "Jennifer Morales Cousin — Carlos's niece, a nursing student" in text
    assert "Pat & <b>Example</b> (only for Mateo José)" in text


def test_names_are_joined_the_way_each_language_joins_them() -> None:
    words = RenderContext.for_plan(example_plan("small-ca.json"), RenderOptions()).words(
        "doc_school"
    )
    assert join_names(["Ana"], "en", words) == "Ana"
    assert join_names(["Ana", "Luis", "Mateo"], "en", words) == "Ana, Luis and Mateo"
    spanish = RenderContext.for_plan(
        example_plan("small-ca.json"), RenderOptions(language="es")
    ).words("doc_school")
    assert join_names(["Mateo", "Isabella"], "es", spanish) == "Mateo e Isabella"
    assert join_names(["Ana", "Hilda"], "es", spanish) == "Ana e Hilda"
    assert join_names(["Ana", "Hielo"], "es", spanish) == "Ana y Hielo"
    assert join_names(["Ana", "Luis", "Sofía"], "es", spanish) == "Ana, Luis y Sofía"


def test_metadata_names_the_kind_not_the_school_or_a_child(tmp_path: Path) -> None:
    content = render(example_plan("mixed-names-ny.json"), "school-ngoi-sao", "es")
    info = " ".join(metadata(content).values())
    assert "Pick-up permission letter" in info
    assert "Céleste" not in info and "Ngôi" not in info
    pictures = render_pngs(content, tmp_path, "letter")
    assert len(pictures) == page_count(content)


def test_a_school_nobody_attends_is_refused() -> None:
    with pytest.raises(ValueError, match="no school"):
        render(example_plan("small-ca.json"), "school-nowhere")


@settings(max_examples=25)
@given(child_plans())
def test_any_letter_renders_and_every_value_comes_out(plan: Plan) -> None:
    text = poppler_text(render(plan, "school-0", "es", bilingual=True))
    missing = [v for v in values_shown(plan, "school-0", "es") if not comes_out(v, text)]
    assert missing == []
