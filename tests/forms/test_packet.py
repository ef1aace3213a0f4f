"""The whole packet: every value the family entered reaches paper, in a font that can print it."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from functools import cache

import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from pypdf import PdfReader

from forms.context import RenderOptions
from forms.kit import MARGIN, PAGE_SIZE
from forms.packet import RenderedDocument, render_packet
from forms.people import date_text
from planner.formats import display_a_number, display_phone
from planner.i18n import translate
from planner.model import Plan
from planner.places import US_STATES, country_name, language_name
from planner.resources import resource
from tests.conftest import EXAMPLES, TODAY, example_plan
from tests.forms.pdf import body_text, flat, metadata
from tests.strategies import printable_names, valid_plans

SETTINGS_NOT_PRINTED = {"schema_version", "id", "document_language", "family_name_first"}
PHONE_FIELDS = {"number", "phone", "phone_24h", "doctor_phone", "dentist_phone", "home_phone"}
LABEL_GROUPS = {
    "relationship": "relationship",
    "role": "role",
    "immigration_status": "immigration_status",
    "status": "document_status",
    "term": "care_term",
}
KIND_GROUPS = {
    "DocumentLocation": "document_kind",
    "MoneyItem": "money_kind",
    "Phone": "phone_kind",
    "School": "school_kind",
    "Hotline": "hotline_kind",
}


def _printed_forms(owner: str, name: str, value: object, language: str) -> set[str]:
    """The ways a value may appear on paper; empty when it is a setting, not something printed."""
    if name in SETTINGS_NOT_PRINTED or name.endswith("_id") or name == "belongs_to":
        return set()
    if isinstance(value, bool) or value is None or value == "":
        return set()
    if isinstance(value, date):
        if owner == "Contact" and name == "date_of_birth":  # a phone contact's birthday (vCard)
            return {date_text(value, language), f"BDAY:{value:%Y%m%d}"}
        return {date_text(value, language)}
    if name == "may_be_released_to":
        return set()  # ids; the people they point at are checked by name
    text = str(value.value if isinstance(value, StrEnum) else value)
    if name in PHONE_FIELDS:
        return {display_phone(text)}
    if name == "a_number":
        return {display_a_number(text)}
    if name in ("country", "country_of_birth"):
        return set() if text == "US" else {country_name(text, language)}
    if name in ("languages", "family_languages"):
        return {language_name(text, language)}
    if name == "state" and owner == "Household":
        return {text, US_STATES.get(text, text)}
    if name in LABEL_GROUPS:
        return {translate(f"{LABEL_GROUPS[name]}.{text}", language, domain="labels")}
    if name == "kind":
        return {translate(f"{KIND_GROUPS[owner]}.{text}", language, domain="labels")}
    return {text}


def printed_values(model: BaseModel, language: str) -> Iterator[tuple[str, set[str]]]:
    """(field name, acceptable printed forms) for every value of the plan a document should show."""
    owner = type(model).__name__
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                yield from printed_values(item, language)
            else:
                forms = _printed_forms(owner, name, item, language)
                if forms:
                    yield name, forms


def normalised(text: str) -> str:
    return flat(unicodedata.normalize("NFC", text))


@cache
def packet(example: str, language: str) -> tuple[RenderedDocument, ...]:
    options = RenderOptions(language=language, today=TODAY)
    return tuple(render_packet(example_plan(example), options))


def packet_text(documents: tuple[RenderedDocument, ...]) -> str:
    pdfs = [body_text(d.content) for d in documents if d.filename.endswith(".pdf")]
    others = [d.content.decode("utf-8") for d in documents if not d.filename.endswith(".pdf")]
    return normalised("\n".join(pdfs)) + "\n" + "\n".join(others)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_every_value_of_the_plan_is_somewhere_in_the_packet(example: str, language: str) -> None:
    text = packet_text(packet(example, language))
    plan = example_plan(example)
    missing = [
        (name, sorted(forms))
        for name, forms in printed_values(plan, language)
        if not any(normalised(form) in text for form in forms)
    ]
    assert missing == []


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_no_person_is_named_in_any_pdf_metadata(example: str) -> None:
    plan = example_plan(example)
    names = [p.given_names for p in [*plan.adults, *plan.children, *plan.emergency_contacts]]
    for document in packet(example, "en"):
        if document.filename.endswith(".pdf"):
            info = " ".join(metadata(document.content).values())
            assert not [n for n in names if n in info], document.filename


@cache
def _font_characters() -> frozenset[int]:
    characters: set[int] = set()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = TTFont(str(resource("fonts", name))).getBestCmap()
        characters |= set(cmap) if not characters else set(cmap) & characters
    return frozenset(characters)


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_every_glyph_of_the_example_names_exists_in_the_embedded_font(example: str) -> None:
    plan = example_plan(example)
    people = [*plan.adults, *plan.children, *plan.emergency_contacts, *plan.attorneys]
    text = "".join(p.full_name for p in people) + plan.household.display_name
    missing = sorted(
        {ch for ch in unicodedata.normalize("NFC", text) if ord(ch) not in _font_characters()}
    )
    assert missing == []


def _text_positions(content: bytes) -> Iterator[tuple[int, float, float, str]]:
    reader = PdfReader(io.BytesIO(content))
    for number, page in enumerate(reader.pages, start=1):
        found: list[tuple[float, float, str]] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            found: list[tuple[float, float, str]] = found,
        ) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y, text))

        page.extract_text(visitor_text=visit)
        for x, y, text in found:
            yield number, x, y, text


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_no_text_starts_outside_the_margins(example: str) -> None:
    width, height = PAGE_SIZE
    outside = []
    for document in packet(example, "es"):
        if not document.filename.endswith(".pdf"):
            continue
        for page, x, y, text in _text_positions(document.content):
            if not (MARGIN - 1 <= x <= width - MARGIN and 0.3 * 72 <= y <= height - MARGIN + 12):
                outside.append((document.filename, page, round(x), round(y), text[:30]))
    assert outside == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_any_plan_a_family_could_type_renders_without_an_error(plan: Plan) -> None:
    documents = render_packet(plan, RenderOptions(language="es", bilingual=True))
    assert all(d.content for d in documents)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans(names=printable_names))
def test_names_in_any_script_the_font_prints_come_out_of_the_packet(plan: Plan) -> None:
    text = packet_text(tuple(render_packet(plan, RenderOptions(language="es", bilingual=True))))
    for person in [*plan.adults, *plan.children, *plan.emergency_contacts]:
        assert normalised(person.given_names) in text
