"""The whole packet: every value the family entered reaches paper, in a font that can print it."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pypdf import PdfReader
from reportlab.lib.units import inch

from forms import wallet
from forms.context import RenderOptions
from forms.kit import FOOTER_HEIGHT, MARGIN, PAGE_SIZE
from forms.packet import RenderedDocument, render_packet
from planner.formats import display_a_number, display_phone
from planner.i18n import translate
from planner.model import CareArrangement, Child, Plan
from planner.packet import PacketDocumentKind
from planner.people import date_text
from planner.places import US_STATES, country_name, language_name
from planner.resources import resource
from tests.conftest import EXAMPLES, TODAY, example_plan
from tests.forms.documents import comes_out
from tests.forms.pdf import body_text, flat, metadata, overlapping, word_boxes
from tests.strategies import printable_names, right_to_left_names, valid_plans

SETTINGS_NOT_PRINTED = {
    "schema_version",
    "document_language",
    "family_name_first",
    "starts",  # a paper's period is printed in the state's words (test_caregiver.py checks it)
    "ends",
}
REFERENCES = {
    "id",
    "attorney_id",
    "school_id",
    "primary_caregiver_id",
    "alternate_caregiver_id",
    "belongs_to",
    "may_be_released_to",
}
"""Ids that point at another part of the plan; the people they point at are checked by name.
Named one by one: a value such as `insurance_member_id` or `bar_or_eoir_id` is printed."""
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
    if name in SETTINGS_NOT_PRINTED or name in REFERENCES:
        return set()
    if isinstance(value, bool) or value is None or value == "":
        return set()
    if isinstance(value, date):
        if owner == "Contact" and name == "date_of_birth":  # a phone contact's birthday (vCard)
            return {date_text(value, language), f"BDAY:{value:%Y%m%d}"}
        return {date_text(value, language)}
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


def _leaves(value: object, name: str = "") -> Iterator[tuple[str, object]]:
    """Every (field name, value) of the plan's JSON, at any depth: what the family typed."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, name)
    else:
        yield name, value


NOT_PRINTED_ANSWERS = {"situation_is_stable", "has_a_copy"}
"""Yes/no answers for the navigator, kept off paper (a contact's own immigration situation)."""


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_the_enumeration_reaches_every_value_of_the_plan(example: str) -> None:
    """The packet test can only fail for values `printed_values` yields: it must yield every
    non-empty value, however deeply nested, except settings, references and US as a country."""
    plan = example_plan(example)
    typed = Counter(
        name
        for name, value in _leaves(plan.model_dump(mode="json"))
        if value not in (None, "", "US")
        and not isinstance(value, bool)
        and name not in SETTINGS_NOT_PRINTED | REFERENCES | NOT_PRINTED_ANSWERS
    )
    enumerated = Counter(name for name, _ in printed_values(plan, "en"))
    assert typed - enumerated == Counter()


def normalised(text: str) -> str:
    return flat(unicodedata.normalize("NFC", text))


@cache
def packet_in(example: str, language: str, bilingual: bool) -> tuple[RenderedDocument, ...]:
    options = RenderOptions(language=language, bilingual=bilingual, today=TODAY)
    return tuple(render_packet(example_plan(example), options))


def packet_text(documents: tuple[RenderedDocument, ...]) -> str:
    pdfs = [body_text(d.content) for d in documents if d.filename.endswith(".pdf")]
    others = [d.content.decode("utf-8") for d in documents if not d.filename.endswith(".pdf")]
    return normalised("\n".join(pdfs)) + "\n" + "\n".join(others)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_every_value_of_the_plan_is_somewhere_in_the_packet(example: str, language: str) -> None:
    text = packet_text(packet_in(example, language, False))
    plan = example_plan(example)
    missing = [
        (name, sorted(forms))
        for name, forms in printed_values(plan, language)
        if not any(normalised(form) in text for form in forms)
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_no_person_is_named_in_any_pdf_metadata_or_file_name(example: str, language: str) -> None:
    plan = example_plan(example)
    people = [*plan.adults, *plan.children, *plan.emergency_contacts, *plan.attorneys]
    words = {w for p in people for w in f"{p.given_names} {p.family_names}".split() if len(w) > 2}
    words |= set(plan.household.display_name.split()) - {"Family", "Household", "&"}
    for document in packet_in(example, language, False):
        assert not [w for w in words if w in document.filename]
        if document.filename.endswith(".pdf"):
            info = metadata(document.content)
            assert f"lang={language}" in info["/Keywords"], document.filename
            assert document.planned.kind.value in info["/Subject"], document.filename
            assert not [w for w in words if w in " ".join(info.values())], document.filename


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


def _fonts_drawing_text(content: bytes) -> dict[str, bytes | None]:
    """Every font some text of the PDF is drawn in, with its embedded font file (None: not
    embedded, so the reader's computer would substitute its own font)."""
    fonts: dict[str, bytes | None] = {}
    for page in PdfReader(io.BytesIO(content)).pages:

        def visit(text: str, _cm: object, _tm: object, font: Any, _size: object) -> None:
            if text.strip() and font is not None:
                descriptor = font.get("/FontDescriptor")
                embedded = descriptor.get_object().get("/FontFile2") if descriptor else None
                data = embedded.get_object().get_data() if embedded else None
                fonts[str(font["/BaseFont"])] = data

        page.extract_text(visitor_text=visit)
    return fonts


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_all_text_is_drawn_in_the_embedded_font(example: str) -> None:
    for document in packet_in(example, "es", True):
        if not document.filename.endswith(".pdf"):
            continue
        for name, data in _fonts_drawing_text(document.content).items():
            assert data is not None, (document.filename, name)
            family = TTFont(io.BytesIO(data))["name"].getDebugName(1)
            assert family == "DejaVu Sans", (document.filename, name, family)


FOOTER_BOTTOM = 0.4 * inch
"""The footer's last line (initials on every page) ends above this, from the page's bottom."""


def _text_area(document: RenderedDocument) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in points from the top-left corner, where text may stand."""
    width, height = PAGE_SIZE
    if (
        document.planned.kind is PacketDocumentKind.WALLET_CARDS
    ):  # cards are centred, the header high
        bottom = height - (wallet.FOOTER_BASELINE - 0.1 * inch)
        return wallet.PAIR_LEFT, wallet.TOP_MARGIN, width - wallet.PAIR_LEFT, bottom
    return MARGIN, MARGIN, width - MARGIN, height - FOOTER_BOTTOM


LAYOUTS = [("en", False), ("es", False), ("es", True)]


@pytest.mark.parametrize(("language", "bilingual"), LAYOUTS)
@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_no_word_on_any_page_reaches_outside_the_margins(
    example: str, language: str, bilingual: bool
) -> None:
    outside = []
    for document in packet_in(example, language, bilingual):
        if not document.filename.endswith(".pdf"):
            continue
        left, top, right, bottom = _text_area(document)
        for page, words in enumerate(word_boxes(document.content), start=1):
            outside += [
                (document.filename, page, w.text, round(w.left), round(w.right))
                for w in words
                if w.left < left - 0.5
                or w.right > right + 0.5
                or w.top < top - 0.5
                or w.bottom > bottom
            ]
    assert outside == []


@pytest.mark.parametrize(("language", "bilingual"), LAYOUTS)
@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_no_two_words_on_any_page_overlap(example: str, language: str, bilingual: bool) -> None:
    crossed = [
        (document.filename, page, pair)
        for document in packet_in(example, language, bilingual)
        if document.filename.endswith(".pdf")
        for page, words in enumerate(word_boxes(document.content), start=1)
        for pair in overlapping(words)
    ]
    assert crossed == []


@pytest.mark.parametrize(("language", "bilingual"), LAYOUTS)
@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_no_page_is_blank_or_a_stray_line(example: str, language: str, bilingual: bool) -> None:
    """A page with nothing on it but the footer (or one stray line) is a page a family prints,
    signs and wonders about; a sheet's last bit of text belongs with the rest."""
    body_bottom = PAGE_SIZE[1] - MARGIN - FOOTER_HEIGHT  # from the top; the footer is below
    thin = [
        (document.filename, page, [w.text for w in body])
        for document in packet_in(example, language, bilingual)
        if document.filename.endswith(".pdf")
        for page, words in enumerate(word_boxes(document.content), start=1)
        if len(body := [w for w in words if w.bottom <= body_bottom]) < 4
    ]
    assert thin == []


HOSTILE = (
    '<font color="[[[red]]]">x</font>',
    '<img src="/etc/passwd"/>',
    "María <b>",
    "a</para>b &amp; &lt; &#1234; <br/>",
    "Sofía 😀 👨\u200d👩\u200d👧 🇬🇹",
    "שלום محمد",
)
"""Text that breaks naive PDF code: reportlab markup, a local file, emoji, right to left."""

STATES = ("CA", "TX", "NY", "IL", "FL", "WA", "AZ", "NJ", "GA", "NC", "CO", "MA", "OH")


@st.composite
def hostile_plans(draw: st.DrawFn) -> Plan:
    """Valid plans with markup in names and notes, a 5,000-character note, right-to-left
    names, up to twelve children, in any state we have rules for (and one we do not)."""
    plan = draw(valid_plans(names=printable_names | st.sampled_from(HOSTILE)))
    markup = draw(st.sampled_from(HOSTILE))
    long_note = (f"{markup} Lunch: rice & beans <3. " * 300)[:5000]
    template = Child(
        id="child-template",
        given_names=draw(right_to_left_names),
        date_of_birth=date(2016, 3, 9),
        routines_and_comfort=long_note,
        care=CareArrangement(primary_caregiver_id=plan.adults[0].id),
    )
    count = draw(st.sampled_from([len(plan.children), 12]))
    extra = [
        template.model_copy(update={"id": f"child-x{i}", "given_names": f"{markup} {i}"})
        for i in range(count - len(plan.children))
    ]
    plan.household.state = draw(st.sampled_from(STATES))
    return plan.model_copy(
        update={
            "children": [*plan.children, *extra],
            "notes": long_note[: draw(st.integers(1, 5000))],
        }
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_plans(), st.sampled_from(["en", "es"]), st.booleans())
def test_any_plan_renders_without_an_error_and_its_names_and_notes_come_out(
    plan: Plan, language: str, bilingual: bool
) -> None:
    documents = render_packet(plan, RenderOptions(language=language, bilingual=bilingual))
    pdfs = [d.content for d in documents if d.filename.endswith(".pdf")]
    assert all(content.startswith(b"%PDF") for content in pdfs)
    assert not [d.filename for d in documents if b"/XObject" in d.content]  # no file was read
    text = packet_text(tuple(documents))
    people = [*plan.adults, *plan.children, *plan.emergency_contacts]
    assert [p.given_names for p in people if not comes_out(text, p.given_names)] == []
    assert comes_out(text, plan.notes)
