"""Right-to-left names and notes on paper, and characters no embedded font can draw.

Every person here is invented. pypdf gives a right-to-left run back in logical order (the order
it was typed) when the PDF draws it in visual order, one line at a time: so a line read back in
the typed order is a line drawn the right way round.
"""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from forms import child, contacts, instructions
from forms.context import RenderContext, RenderOptions
from forms.kit import (
    Footer,
    PdfMeta,
    build_pdf,
    fields_table,
    grid,
    plain,
    printable,
    safe,
    shape_arabic,
    styles,
    uncovered_characters,
    user_paragraph,
)
from forms.paragraph import Paragraph, visual_text
from planner.model import Plan
from planner.people import FSI, PDI, RIGHT_TO_LEFT, isolate
from tests.conftest import TODAY, example_plan
from tests.forms.pdf import body_text, flat, pdf_text

FOOTER = Footer(revision="abc12345", generated_on=date(2026, 11, 25), language="es")
META = PdfMeta(kind="test", title="Test document", language="es")

GIVEN, FAMILY = "عمر", "حداد"
NAME = f"{GIVEN} {FAMILY}"
LONG_GIVEN, LONG_FAMILY = "عمر عبد الرحمن يوسف", "حداد الخطيب النجار"
LONG_NAME = f"{LONG_GIVEN} {LONG_FAMILY}"
"""Invented; long enough to wrap in the contact sheet's name column."""
NOTE = (
    "في الصباح يذهب الطفل إلى المدرسة مع جاره ثم يعود في الظهيرة ليأكل الأرز والعدس مع أخته"
    " الصغيرة وبعد ذلك يقرأ كتابه المفضل ويلعب بالكرة في الحديقة القريبة من البيت حتى يحين"
    " موعد العشاء فيغسل يديه جيدا ويجلس مع العائلة ثم ينام مبكرا لأن عنده امتحان في اليوم"
    " التالي ويحتاج إلى الراحة والهدوء"
)
"""An invented note in Arabic, long enough for several lines, that reads as itself in one order
only. (No word ends in lām-alif: drawn first on a line after a label, pypdf reads that one sign back
ahead of the line's other text.)"""


def build(story: list[Flowable]) -> bytes:
    return build_pdf(story, META, FOOTER)


def read(content: bytes) -> str:
    return flat(body_text(content))


def arabic_lines(content: bytes) -> list[str]:
    return [line for line in body_text(content).splitlines() if RIGHT_TO_LEFT.search(line)]


# --- the visual order of each line ----------------------------------------------------------------


def test_a_long_arabic_note_reads_in_order_on_every_line() -> None:
    content = build([user_paragraph(NOTE)])
    assert len(arabic_lines(content)) >= 3
    assert flat(NOTE) in read(content)
    first = arabic_lines(content)[0].split()
    assert first == NOTE.split()[: len(first)]


def test_a_long_arabic_note_in_a_table_cell_reads_in_order() -> None:
    content = build([fields_table([("Notas", NOTE)])])
    assert len(arabic_lines(content)) >= 3
    assert flat(NOTE) in read(content)


def test_each_typed_line_of_a_note_keeps_its_own_order() -> None:
    typed = f"{NOTE}\n{NAME} (primo)\nLlamar después de las 5"
    content = build([fields_table([("Notas", typed)])])
    text = read(content)
    assert flat(NOTE) in text
    assert NAME in text
    assert "Llamar después de las 5" in text


def test_an_arabic_name_broken_across_lines_reads_first_name_first() -> None:
    narrow = grid([[LONG_NAME, "x"]], ["Nombre", "x"], [0.9 * inch, 0.5 * inch])
    content = build([narrow])
    assert len(arabic_lines(content)) >= 2
    assert LONG_NAME in read(content)


def test_a_spanish_sentence_keeps_its_order_around_an_arabic_name() -> None:
    sentence = f"Llame a <b>{safe(NAME)}</b> antes de las cinco; {safe(NAME)} sabe el plan."
    content = build([Paragraph(sentence, styles().body)])
    text = read(content)
    assert NAME in text
    assert text.index("Llame a") < text.index(NAME) < text.index("antes de las cinco")
    assert text.index("antes de las cinco") < text.index("sabe el plan")


def test_the_family_s_words_are_isolated_only_when_they_hold_right_to_left_letters() -> None:
    assert isolate("Ana López") == "Ana López"
    assert isolate(NAME) == f"{FSI}{NAME}{PDI}"
    assert isolate(f"Ana\n{NAME}") == f"Ana\n{FSI}{NAME}{PDI}"
    assert safe("Ana <b>") == "Ana &lt;b&gt;"


def test_lines_are_put_in_visual_order_with_brackets_facing_the_right_way() -> None:
    assert visual_text(f"{FSI}(עמר){PDI}") == "(רמע)"
    assert visual_text(f"Llame a {FSI}עמר חדד{PDI} hoy") == "Llame a דדח רמע hoy"
    assert visual_text(f"{FSI}עמר likes rice{PDI}") == "likes rice רמע"
    assert visual_text("nada que mover (ok)") == "nada que mover (ok)"


def test_a_canvas_line_is_drawn_in_visual_order() -> None:
    assert plain("Llame a שלום") == "Llame a םולש"
    assert plain("Nguye\u0302\u0303n") == "Nguyễn"


# --- Arabic letters join ------------------------------------------------------------------------


def test_arabic_letters_take_their_joined_shapes() -> None:
    # ع initial, م medial, ر final; ح initial, د final; ا and د stand alone (they join only to
    # the letter before them, and د does not join onward).
    assert shape_arabic(NAME) == "\ufecb\ufee4\ufeae \ufea3\ufeaa\u0627\u062f"
    assert shape_arabic("ولا") == "\u0648\ufefb"  # lām-alif is one sign
    assert shape_arabic("Ana") == "Ana"
    assert printable(NAME) == [f"{FSI}{shape_arabic(NAME)}{PDI}"]


def test_joined_shapes_read_back_as_the_letters_typed() -> None:
    content = build([user_paragraph(f"{NAME}\nولا الأرز")])
    text = pdf_text(content)
    assert NAME in text
    assert "ولا الأرز" in text
    assert not any("\ufb50" <= c <= "\ufeff" for c in text)


# --- the documents -------------------------------------------------------------------------------


def plan_with_arabic_contact(given: str, family: str) -> Plan:
    plan = example_plan("small-ca.json")
    contact = plan.emergency_contacts[0]  # the child's primary caregiver in this plan
    contact.given_names, contact.family_names = given, family
    contact.notes = NOTE
    return plan


def rendered(plan: Plan, document: str, language: str) -> bytes:
    context = RenderContext.for_plan(plan, RenderOptions(language=language, today=TODAY))
    if document == "contacts":
        return contacts.render(context)
    if document == "child":
        return child.render(context, plan.children[0].id)
    return instructions.render(context)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("document", ["contacts", "child", "instructions"])
def test_an_arabic_name_reads_in_order_on_every_document(document: str, language: str) -> None:
    content = rendered(plan_with_arabic_contact(GIVEN, FAMILY), document, language)
    assert NAME in read(content)


@pytest.mark.parametrize("document", ["contacts", "child", "instructions"])
def test_a_long_arabic_name_reads_in_order_wherever_it_wraps(document: str) -> None:
    content = rendered(plan_with_arabic_contact(LONG_GIVEN, LONG_FAMILY), document, "es")
    assert LONG_NAME in read(content)


def test_a_contact_s_arabic_note_reads_in_order_on_the_instructions() -> None:
    content = rendered(plan_with_arabic_contact(GIVEN, FAMILY), "instructions", "es")
    assert flat(NOTE) in read(content)


# --- characters no embedded font has ------------------------------------------------------------


def test_a_character_no_font_has_is_named_on_paper_not_drawn_as_a_box() -> None:
    assert uncovered_characters("Mateo 🏠") == {"🏠"}
    text = pdf_text(build([user_paragraph("Mateo 🏠"), fields_table([("Nombre", "Mateo 🏠")])]))
    assert "🏠" not in text
    assert text.count("Mateo [house building]") == 2


def test_an_emoji_the_font_has_prints_as_itself() -> None:
    assert uncovered_characters("Sofía 😀") == set()
    assert "Sofía 😀" in pdf_text(build([user_paragraph("Sofía 😀")]))


def test_letters_of_a_script_the_fonts_lack_are_named_by_code_point() -> None:
    assert uncovered_characters("王芳 Wang") == {"王", "芳"}
    assert plain("王芳 Wang") == "[U+738B, U+82B3] Wang"
    assert plain("👍🏽 🇲🇽") == "[thumbs up sign] [flag MX]"


def test_white_space_joiners_and_direction_marks_are_never_flagged() -> None:
    assert uncovered_characters(f"a b\tc\n{FSI}d{PDI}\u200d\u200e\u200f\ufe0f\u202b\u202c") == set()
    assert uncovered_characters(NAME) == set()
    assert uncovered_characters("") == set()


def test_nothing_on_a_sheet_is_drawn_without_a_glyph() -> None:
    plan = plan_with_arabic_contact(GIVEN, "حداد 🏠")
    plan.children[0].given_names = "Sofía ⚽ 王"
    for document in ("contacts", "child", "instructions"):
        text = pdf_text(rendered(plan, document, "es"))
        assert uncovered_characters(text) == set(), document
        assert "[soccer ball] [U+738B]" in text or document == "contacts", document
