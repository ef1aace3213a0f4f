"""Wallet cards: exact card size, cut and fold marks, every value printed, nothing spilling out."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from forms import wallet
from forms.card_text import FittedSide, band_font_size, line_widths
from forms.context import RenderContext, RenderOptions
from forms.kit import FONT_BOLD, Words, plain
from forms.packet import RENDERERS, render_packet
from forms.wallet import (
    CARD_TEXT_AREA,
    Rect,
    band_rect,
    card_places,
    crop_marks,
    fitted_cards,
    fold_marks,
)
from planner.formats import display_a_number, display_phone
from planner.model import (
    Adult,
    Attorney,
    CareArrangement,
    CaseInfo,
    Child,
    Contact,
    Hotline,
    Phone,
    Plan,
)
from planner.packet import PacketDocumentKind
from planner.public_numbers import public_numbers
from tests.conftest import EXAMPLES, TODAY, example_plan
from tests.forms.pdf import flat, metadata, page_count, pdf_text, render_pngs
from tests.strategies import typed_text, valid_plans

LANGUAGES = ("en", "es")
NAMES = [p.name for p in EXAMPLES]


def render(plan: Plan, language: str) -> bytes:
    options = RenderOptions(language=language, today=TODAY)
    return wallet.render(RenderContext.for_plan(plan, options))


def assert_fits(fitted: FittedSide, area: Rect = CARD_TEXT_AREA) -> None:
    assert 6.0 <= fitted.font_size <= 8.0
    assert fitted.height <= area.height + 0.01
    for placed in fitted.lines:
        assert max(line_widths(placed.paragraph), default=0.0) <= area.width + 0.01
    band = band_rect(Rect(0, 0, wallet.CARD_WIDTH, wallet.CARD_HEIGHT))
    room = band.width - 2 * (wallet.PADDING - wallet.INSET)
    size = band_font_size(fitted.side.title, room)
    assert stringWidth(plain(fitted.side.title), FONT_BOLD, size) <= room


# --- the layout -----------------------------------------------------------------------------------


def test_a_card_is_exactly_credit_card_size() -> None:
    for page in card_places(9):
        for place in page:
            for side in (place.front, place.back):
                assert side.width == pytest.approx(3.375 * inch)
                assert side.height == pytest.approx(2.125 * inch)
            assert place.back.x == pytest.approx(place.front.right)
            assert place.back.y == place.front.y
            assert place.fold_x == pytest.approx(place.front.right)
            assert place.outline.width == pytest.approx(6.75 * inch)


@pytest.mark.parametrize("count", range(1, 10))
def test_cards_fill_pages_four_at_a_time(count: int) -> None:
    pages = card_places(count)
    assert wallet.rows_per_page() == 4
    assert len(pages) == math.ceil(count / 4)
    assert sum(len(page) for page in pages) == count


def _inside(x: float, y: float, box: Rect) -> bool:
    return box.x - 0.01 <= x <= box.right + 0.01 and box.y - 0.01 <= y <= box.top + 0.01


def _segment_points(line: wallet.Line, steps: int = 20) -> list[tuple[float, float]]:
    x1, y1, x2, y2 = line
    return [(x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps) for i in range(steps + 1)]


def test_cut_marks_point_at_every_corner_from_outside_the_card() -> None:
    (page,) = card_places(4)
    for place in page:
        box = place.outline
        marks = crop_marks(place)
        assert len(marks) == 8
        corners = {(box.x, box.y), (box.x, box.top), (box.right, box.y), (box.right, box.top)}
        for x1, y1, x2, y2 in marks:
            assert x1 == x2 or y1 == y2, "marks are horizontal or vertical"
            assert any(
                (x1 == x2 == cx and abs(y1 - cy) == wallet.MARK_OFFSET)
                or (y1 == y2 == cy and abs(x1 - cx) == wallet.MARK_OFFSET)
                for cx, cy in corners
            ), "each mark starts just outside a corner, on the line of one edge"
            for x, y in _segment_points((x1, y1, x2, y2)):
                assert not _inside(
                    x, y, Rect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1)
                )


def test_marks_of_one_card_never_touch_another_card_or_its_marks() -> None:
    (page,) = card_places(4)
    for place in page:
        for other in page:
            if other is place:
                continue
            for mark in crop_marks(place) + fold_marks(place)[1:]:
                for x, y in _segment_points(mark):
                    assert not _inside(x, y, other.outline)
                    for other_mark in crop_marks(other) + fold_marks(other)[1:]:
                        assert (x, y) not in _segment_points(other_mark)


def test_the_fold_line_runs_between_front_and_back() -> None:
    (page,) = card_places(1)
    (place,) = page
    inside, above, below = fold_marks(place)
    assert inside == (place.fold_x, place.front.y, place.fold_x, place.front.top)
    assert above[0] == above[2] == below[0] == below[2] == place.fold_x
    assert above[1] > place.front.top and below[1] < place.front.y


def test_cards_and_marks_stay_between_the_header_and_the_footer() -> None:
    for page in card_places(12):
        for place in page:
            lowest = place.outline.y - wallet.MARK_OFFSET - wallet.MARK_LENGTH
            highest = place.outline.top + wallet.MARK_OFFSET + wallet.MARK_LENGTH
            assert lowest >= wallet.CARDS_BOTTOM_LIMIT - 0.01
            assert highest <= wallet.PAGE_HEIGHT - wallet.TOP_MARGIN - wallet.HEADER_HEIGHT + 0.01
            left = place.outline.x - wallet.MARK_OFFSET - wallet.SIDE_MARK_LENGTH
            assert left >= 0.5 * inch
            assert place.outline.right + wallet.MARK_OFFSET + wallet.SIDE_MARK_LENGTH <= (
                wallet.PAGE_WIDTH - 0.5 * inch
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_instructions_fit_under_the_title(language: str) -> None:
    paragraph = wallet.header_paragraph(Words(wallet.DOMAIN, language))
    used = wallet.TITLE_SIZE + wallet.TITLE_GAP + paragraph.height
    assert used + 2 <= wallet.HEADER_HEIGHT, "clear of the cut marks above the first card"


def _dark_runs(values: list[int]) -> list[float]:
    """Centres of runs of dark pixels along one row or column of the page."""
    centres, start = [], None
    for index, value in enumerate([*values, 255]):
        if value < 128 and start is None:
            start = index
        elif value >= 128 and start is not None:
            centres.append((start + index - 1) / 2)
            start = None
    return centres


def test_the_printed_page_shows_the_marks_a_card_apart(tmp_path: Path) -> None:
    dpi = 100
    content = render(example_plan("large-tx.json"), "en")
    (png,) = render_pngs(content, tmp_path, "wallet", dpi=dpi)
    image = Image.open(png).convert("L")
    place = card_places(4)[0][0]
    box = place.outline

    def px(points: float) -> int:
        return round(points / 72 * dpi)

    column = px(box.x - wallet.MARK_OFFSET - wallet.SIDE_MARK_LENGTH / 2)
    rows = _dark_runs([int(image.getpixel((column, y))) for y in range(image.height)])  # type: ignore[arg-type]
    assert len(rows) == 8, "a mark at the top and the bottom of each of the four pairs"
    assert rows[1] - rows[0] == pytest.approx(2.125 * dpi, abs=1.5)

    row = image.height - px(box.top + wallet.MARK_OFFSET + 1.5)
    columns = _dark_runs([int(image.getpixel((x, row))) for x in range(image.width)])  # type: ignore[arg-type]
    assert len(columns) == 3, "the left and right cut marks, and the fold mark between them"
    assert columns[1] - columns[0] == pytest.approx(3.375 * dpi, abs=1.5)
    assert columns[2] - columns[0] == pytest.approx(6.75 * dpi, abs=1.5)


# --- what the cards say ---------------------------------------------------------------------------


def _caregivers(plan: Plan, adult: Adult) -> list[Adult | Contact]:
    found: list[Adult | Contact] = []
    for child in plan.children:
        chosen = child.care.primary_caregiver_id
        if chosen == adult.id:
            chosen = child.care.alternate_caregiver_id
        person = plan.person(chosen) if chosen else None
        if person is not None and person not in found:
            found.append(person)
    return found


def expected_values(plan: Plan) -> list[str]:
    values = [display_phone(public_numbers().eoir_case_information.phone)]
    hotline = next(h for h in plan.local_hotlines if h.kind == "rapid_response")
    values += [hotline.name, display_phone(hotline.phone), hotline.hours]
    for adult in plan.adults:
        values.append(adult.full_name)
        if adult.case and adult.case.a_number:
            values.append(display_a_number(adult.case.a_number))
        own = adult.case.attorney_id if adult.case else None
        attorney = plan.attorney(own) if own else plan.attorneys[0]
        assert attorney is not None
        values += [attorney.full_name, display_phone(attorney.phone)]
        values += [display_phone(attorney.phone_24h)] if attorney.phone_24h else []
        for person in _caregivers(plan, adult):
            values += [person.full_name, *(display_phone(p.number) for p in person.phones[:2])]
    return values


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_every_value_on_the_cards_is_printed(name: str, language: str) -> None:
    plan = example_plan(name)
    content = render(plan, language)
    text = flat(pdf_text(content))
    for value in expected_values(plan):
        assert flat(value) in text, value
    assert "…" not in text, "nothing in the examples needs shortening"
    cards = len(plan.adults) * 2
    assert page_count(content) == math.ceil(cards / 4)
    assert f"Page 1 of {page_count(content)}" in text or "Página 1 de" in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_the_rights_card_carries_both_languages(name: str, language: str) -> None:
    text = flat(pdf_text(render(example_plan(name), language)))
    for card_language in ("en", "es"):
        words = Words(wallet.DOMAIN, card_language)
        for key in ("kyr_title", *wallet.RIGHTS):
            assert flat(words(key)) in text, (card_language, key)
    english = Words(wallet.DOMAIN, "en")
    assert english("have_lawyer") in text


def test_the_rights_card_puts_the_familys_language_in_front() -> None:
    assert wallet.rights_languages("es") == ("es", "en")
    assert wallet.rights_languages("en") == ("en", "es")
    assert wallet.rights_languages("vi") == ("en", "es"), (
        "no Vietnamese text yet: not twice English"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_nothing_overflows_a_card_in_the_examples(name: str, language: str) -> None:
    for front, back in fitted_cards(example_plan(name), language):
        for side in (front, back):
            assert_fits(side)
            assert side.left_off == 0
            assert side.font_size >= 7.0, "the examples print at a comfortable size"


def test_the_a_number_is_printed_only_when_recorded() -> None:
    plan = example_plan("mixed-names-ny.json")
    text = pdf_text(render(plan, "en"))
    assert text.count("A-number:") == 1
    assert "A-213-579-468" in text


def test_an_adults_own_caregiver_role_passes_to_the_alternate() -> None:
    plan = example_plan("small-ca.json")
    adult = plan.adults[0]
    child = plan.children[0].model_copy(
        update={"care": CareArrangement(primary_caregiver_id=adult.id, alternate_caregiver_id=None)}
    )
    other = plan.children[0].model_copy(update={"id": "child-2"})
    plan = plan.model_copy(update={"children": [child, other]})
    people = [person.id for person, _ in wallet.caregivers_for(plan, adult)]
    assert adult.id not in people
    assert people == [other.care.primary_caregiver_id]


def test_metadata_names_the_kind_and_language_not_a_person() -> None:
    plan = example_plan("mixed-names-ny.json")
    info = metadata(render(plan, "es"))
    assert info["/Title"] == "Wallet cards"
    assert "wallet_cards" in info["/Keywords"] and "lang=es" in info["/Keywords"]
    everything = " ".join(info.values())
    for person in [*plan.adults, *plan.emergency_contacts]:
        assert person.given_names not in everything


def test_the_same_plan_gives_the_same_bytes() -> None:
    plan = example_plan("large-tx.json")
    assert render(plan, "en") == render(plan, "en")


def test_the_packet_includes_the_wallet_cards() -> None:
    assert RENDERERS[PacketDocumentKind.WALLET_CARDS] is wallet.render
    options = RenderOptions(language="es", today=TODAY, only=frozenset({"wallet_cards"}))
    (document,) = render_packet(example_plan("small-ca.json"), options)
    assert document.filename == "09-tarjetas-1.pdf"  # named in the packet's language
    assert document.content.startswith(b"%PDF")


def test_a_plan_without_adults_still_gets_a_rights_card() -> None:
    plan = example_plan("small-ca.json").model_copy(update={"adults": []})
    text = flat(pdf_text(render(plan, "en")))
    assert "Know your rights" in text and "Conozca sus derechos" in text


# --- long and tricky text -------------------------------------------------------------------------

LONG = ("Guadalupe Itzel & <Ramírez> " * 200)[:5000]
UNBROKEN = "x" * 5000


def long_plan(value: str) -> Plan:
    """Every value a card prints is 5000 characters; six children with six caregivers."""
    contacts = [
        Contact(id=f"contact-{n}", given_names=value, phones=[Phone(number=value)] * 3)
        for n in range(6)
    ]
    children = [
        Child(
            id=f"child-{n}",
            given_names=value,
            care=CareArrangement(primary_caregiver_id=f"contact-{n}"),
        )
        for n in range(6)
    ]
    return Plan.model_validate(
        {
            "household": {"display_name": value, "state": "TX"},
            "adults": [
                Adult(
                    id="adult-0",
                    given_names=value,
                    family_names=value,
                    case=CaseInfo(a_number=value, attorney_id="attorney-0"),
                ).model_dump()
            ],
            "children": [c.model_dump() for c in children],
            "emergency_contacts": [c.model_dump() for c in contacts],
            "attorneys": [
                Attorney(
                    id="attorney-0", given_names=value, phone=value, phone_24h=value
                ).model_dump()
            ],
            "local_hotlines": [Hotline(name=value, phone=value, hours=value).model_dump()],
        }
    )


@pytest.mark.parametrize(("value", "language"), [(LONG, "en"), (UNBROKEN, "es")])
def test_5000_characters_are_shortened_with_an_ellipsis_not_spilled(
    value: str, language: str
) -> None:
    plan = long_plan(value)
    cards = fitted_cards(plan, language)
    for front, back in cards:
        assert_fits(front)
        assert_fits(back)
    front, _ = cards[0]
    assert front.left_off > 0, "six caregivers do not fit on one card"
    text = flat(pdf_text(render(plan, language)))
    assert "…" in text
    assert flat(value) not in text
    assert flat(value)[:12] in text, "the start of a long value is still printed"
    note = Words(wallet.DOMAIN, language)("more_caregivers")
    assert flat(note) in text


def test_empty_sections_leave_a_line_to_write_on() -> None:
    plan = example_plan("small-ca.json").model_copy(update={"attorneys": [], "local_hotlines": []})
    text = pdf_text(render(plan, "en"))
    assert text.count(wallet.BLANK) >= 2


@settings(max_examples=25)
@given(plan=valid_plans(), language=st.sampled_from(LANGUAGES), hotline=typed_text)
def test_any_plan_renders_and_fits(plan: Plan, language: str, hotline: str) -> None:
    if hotline.strip():
        plan = plan.model_copy(
            update={"local_hotlines": [Hotline(name=hotline, phone="+12135550100", hours=hotline)]}
        )
    content = render(plan, language)
    assert content.startswith(b"%PDF")
    for front, back in fitted_cards(plan, language):
        assert_fits(front)
        assert_fits(back)
