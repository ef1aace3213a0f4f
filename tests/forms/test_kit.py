"""The page kit: escaping, fonts, page numbers, footers and metadata every document relies on."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.platypus import Flowable

from forms.kit import (
    MARGIN,
    PAGE_SIZE,
    Footer,
    PdfMeta,
    Words,
    build_pdf,
    fields_table,
    font_covers,
    notary_block,
    plain,
    safe,
    signature_block,
    user_paragraph,
    witness_block,
)
from tests.forms.pdf import (
    body_text,
    flat,
    metadata,
    overlapping,
    page_count,
    pdf_text,
    word_boxes,
)

FOOTER = Footer(revision="abc12345", generated_on=date(2026, 11, 25), language="en")
META = PdfMeta(kind="test", title="Test document", language="en")


def build(story: list[Flowable], footer: Footer = FOOTER) -> bytes:
    return build_pdf(story, META, footer)


@pytest.mark.parametrize(
    "typed",
    [
        "María <b>",
        '<img src="/etc/passwd"/>',
        '<font color="[[[red]]]">x</font>',
        "Tom & Jerry <3",
        "a</para>b",
        "&amp; &lt; &#1234;",
        "<br/><br/>",
    ],
)
def test_markup_in_user_text_prints_literally(typed: str) -> None:
    content = build([user_paragraph(typed)])
    assert typed in pdf_text(content)


def test_a_local_file_named_in_text_is_never_read() -> None:
    content = build([user_paragraph('<img src="/etc/hostname"/>')])
    assert b"XObject" not in content
    assert '<img src="/etc/hostname"/>' in pdf_text(content)


def test_line_breaks_in_user_text_are_kept() -> None:
    assert safe("one\ntwo\r\nthree") == "one<br/>two<br/>three"


def test_text_is_nfc_normalised() -> None:
    decomposed = "Nguye\u0302\u0303n"  # e + circumflex + tilde, as some keyboards send it
    assert plain(decomposed) == "Nguyễn"


def test_control_characters_are_dropped() -> None:
    assert plain("a\x00b\x07c\x1bd") == "abcd"


@pytest.mark.parametrize(
    "name", ["Nguyễn Thị Hồng", "Đặng Văn Đức", "Łukasz Żółć", "Ἀθηνᾶ", "Дмитрий", "Jean-Baptiste"]
)
def test_names_in_latin_vietnamese_greek_and_cyrillic_print_exactly(name: str) -> None:
    assert all(font_covers(ch) for ch in name if not ch.isspace())
    assert name in pdf_text(build([user_paragraph(name)]))


def test_an_emoji_survives_into_the_pdf_text() -> None:
    assert "Sofía 😀" in pdf_text(build([user_paragraph("Sofía 😀")]))


def test_right_to_left_names_come_out_in_reading_order() -> None:
    assert "שלום" in pdf_text(build([user_paragraph("שלום")]))


def test_a_5000_character_note_flows_onto_more_pages() -> None:
    note = ("Lunch: rice & beans, no peanuts. " * 160)[:5000]
    content = build([user_paragraph(note)])
    assert page_count(content) >= 2
    assert flat(note) in flat(body_text(content))


def test_a_5000_character_value_in_a_table_does_not_break_the_layout() -> None:
    note = "x" * 30 + " allergies & needs " * 260
    content = build([fields_table([("Notes", note)])])
    assert page_count(content) >= 2
    assert flat(note) in flat(body_text(content))


def test_every_page_says_page_x_of_y_and_carries_the_revision() -> None:
    content = build([user_paragraph("line " * 2000)])
    text = pdf_text(content)
    pages = page_count(content)
    assert pages > 1
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text
    assert text.count("Plan revision abc12345 · generated 2026-11-25") == pages
    assert text.count("This is not legal advice.") == pages


def test_initials_appear_on_every_page_of_a_multi_page_instrument() -> None:
    footer = Footer("abc12345", date(2026, 11, 25), "en", initials_for=("Parent", "Caregiver"))
    content = build([user_paragraph("line " * 2000)], footer)
    assert pdf_text(content).count("Initials on every page: Parent: ______") == page_count(content)


def test_the_footer_speaks_spanish() -> None:
    footer = Footer("abc12345", date(2026, 11, 25), "es")
    text = pdf_text(build([user_paragraph("hola")], footer))
    assert "Página 1 de 1" in text
    assert "Esto no es asesoría legal." in text
    assert "This is not legal advice" not in text


def test_a_bilingual_footer_says_not_legal_advice_in_both_languages_on_every_page() -> None:
    roles = ("Padre o madre / Parent", "Cuidador / Caregiver")
    footer = Footer("abc12345", date(2026, 11, 25), "es", bilingual=True, initials_for=roles)
    content = build([user_paragraph("línea " * 2000)], footer)
    text, pages = pdf_text(content), page_count(content)
    assert pages > 1
    assert text.count("Esto no es asesoría legal. / This is not legal advice.") == pages
    initials = "Iniciales en cada página / Initials on every page: Padre o madre / Parent: ______"
    assert text.count(initials) == pages


def test_a_footer_too_long_for_its_edges_is_set_smaller_not_past_them() -> None:
    """Spanish and English side by side with a long revision: still inside the margins, and
    "Página 1 de 2" does not run into the notes."""
    footer = Footer("a" * 40, date(2026, 11, 25), "es", bilingual=True, initials_for=("x" * 90,))
    content = build([user_paragraph("línea " * 900)], footer)
    right = PAGE_SIZE[0] - MARGIN
    for words in word_boxes(content):
        assert all(w.left >= MARGIN - 0.5 and w.right <= right + 0.5 for w in words)
        assert overlapping(words) == []
    assert "Esto no es asesoría legal. / This is not legal advice." in pdf_text(content)


def test_signature_witness_and_notary_blocks() -> None:
    words = Words("kit", "en")
    content = build(
        [
            signature_block("parent", "Inés Prueba", words),
            witness_block(2, "A witness must be 18 or older.", words),
            notary_block("Massachusetts", "the parent", words),
        ]
    )
    text = pdf_text(content)
    assert "Signature of parent" in text
    assert "Inés Prueba" in text
    assert "Signature of witness 1" in text and "Signature of witness 2" in text
    assert "Notary acknowledgment" in text and "State of Massachusetts" in text


def test_a_jurat_says_sworn_to_and_subscribed_and_not_acknowledged() -> None:
    text = pdf_text(build([notary_block("Texas", "Inés Prueba", Words("kit", "en"), jurat=True)]))
    assert "Notary jurat" in text and "State of Texas" in text
    assert "Sworn to (or affirmed) and subscribed before me" in text and "Inés Prueba" in text
    assert "acknowledg" not in text


def test_bilingual_labels_carry_english_beside_the_familys_language() -> None:
    words = Words("kit", "es", bilingual=True)
    assert words.both("kit.date") == "Fecha / Date"
    assert Words("kit", "en", bilingual=True).both("kit.date") == "Date"


def test_metadata_names_the_kind_and_language_not_a_person() -> None:
    info = metadata(build([user_paragraph("Inés Prueba")]))
    assert info["/Title"] == "Test document"
    assert "lang=en" in info["/Keywords"]
    assert "Inés" not in " ".join(info.values())


def test_the_same_story_gives_the_same_bytes() -> None:
    assert build([user_paragraph("same")]) == build([user_paragraph("same")])


def test_a_paragraph_laid_out_again_at_another_width_gets_new_lines() -> None:
    note = user_paragraph("Llamar a la tía Rosa después de las 6 de la tarde, nunca antes. " * 4)
    _, narrow = note.wrap(120, 1000)
    _, wide = note.wrap(480, 1000)
    _, narrow_again = note.wrap(120, 1000)
    assert wide < narrow
    assert narrow_again == narrow


def test_a_paragraph_split_across_pages_keeps_every_word() -> None:
    words = [f"palabra{n}" for n in range(1500)]
    note = user_paragraph(" ".join(words))
    note.wrap(200, 10_000)
    note.wrap(200, 10_000)  # laid out once, asked twice, as a table asks
    pdf = build([note])
    assert page_count(pdf) > 1
    printed = [w for w in flat(body_text(pdf)).split() if w.startswith("palabra")]
    assert printed == words


def test_paragraphs_sharing_one_parse_are_laid_out_each_on_its_own() -> None:
    """Within a packet the same text is parsed once; splitting one copy across pages must not
    cut words from the other."""
    from forms.paragraph import Paragraph, parsed_once

    text = " ".join(f"palabra{n}" for n in range(300))
    with parsed_once({}):
        first, second = (Paragraph(text, user_paragraph("x").style) for _ in range(2))
    first.wrap(200, 10_000)
    pieces = first.split(200, 100)
    assert len(pieces) == 2
    _, height = second.wrap(400, 10_000)
    _, alone = Paragraph(text, user_paragraph("x").style).wrap(400, 10_000)
    assert height == alone
    assert flat(body_text(build([second]))).split() == text.split()


def test_a_packet_keeps_no_parsed_text_once_it_is_made() -> None:
    from forms import paragraph
    from forms.context import RenderOptions
    from forms.packet import render_packet
    from tests.conftest import example_plan

    render_packet(example_plan("small-ca.json"), RenderOptions(language="es"))
    assert paragraph._parsed.get() is None
