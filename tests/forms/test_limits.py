"""Every document comes out whole from a plan at the model's limits (issue 12, item 5).

Validation accepts any text up to its field's limit, so a name of 100 characters or a note of
10,000 must print: no LayoutError, nothing cut off, nothing drawn over something else.
"""

from __future__ import annotations

from functools import cache

import pytest
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer

from forms.context import RenderOptions
from forms.kit import Footer, PdfMeta, build_pdf, fields_table, form_fields, safe, styles
from forms.packet import RenderedDocument, render_packet
from forms.paragraph import Paragraph
from forms.table import Table
from planner.model import Plan
from planner.packet import PacketDocumentKind
from planner.validation import check, has_errors
from tests.conftest import TODAY
from tests.forms.limits import (
    Filler,
    comes_out_in_order,
    free_text_values,
    plan_at_text_limits,
    unbroken_filler,
    words_filler,
)
from tests.forms.pdf import body_text, overlapping, page_count, word_boxes

LAYOUTS = {"english": ("en", False), "spanish": ("es", False), "bilingual": ("es", True)}
SHORTENED_BY_DESIGN = {PacketDocumentKind.WALLET_CARDS}
"""A wallet card is a summary fitted to its size: it ends a long value with "…" (and every
value it shows is whole in the other documents)."""


@cache
def _plan(fill: Filler) -> Plan:
    return plan_at_text_limits(fill)


@cache
def _packet(fill: Filler, layout: str) -> tuple[RenderedDocument, ...]:
    language, bilingual = LAYOUTS[layout]
    options = RenderOptions(
        language=language,
        bilingual=bilingual,
        only=frozenset(kind.value for kind in PacketDocumentKind),
        today=TODAY,
    )
    return tuple(render_packet(_plan(fill), options))


def _text(documents: tuple[RenderedDocument, ...]) -> str:
    return "\n".join(
        body_text(d.content) if d.filename.endswith(".pdf") else d.content.decode("utf-8")
        for d in documents
        if d.planned.kind not in SHORTENED_BY_DESIGN
    )


def test_the_plan_at_its_limits_is_valid_and_fills_every_text_field() -> None:
    plan = _plan(words_filler)
    assert not has_errors(check(plan, TODAY))
    values = list(free_text_values(plan))
    assert len(values) > 200
    assert {"given_names", "notes", "street", "note", "must_not_be_released_to"} <= {
        name for name, _ in values
    }


@pytest.mark.parametrize(
    ("fill", "layout"),
    [
        (words_filler, "english"),
        (words_filler, "spanish"),
        (words_filler, "bilingual"),
        (unbroken_filler, "bilingual"),
    ],
)
def test_every_document_prints_every_text_at_its_limit(fill: Filler, layout: str) -> None:
    documents = _packet(fill, layout)
    assert {d.planned.kind for d in documents} == set(PacketDocumentKind)
    text = _text(documents)
    missing = [
        name for name, value in free_text_values(_plan(fill)) if not comes_out_in_order(text, value)
    ]
    assert missing == []


def test_long_values_on_a_paper_to_sign_stay_off_the_labels_around_them() -> None:
    """A form's value row is a line to write on, at least; a long value makes it taller instead
    of being drawn over the sentence above it."""
    paper = next(
        d
        for d in _packet(words_filler, "bilingual")
        if d.planned.kind is PacketDocumentKind.CAREGIVER_AUTHORIZATION
    )
    assert [pair for page in word_boxes(paper.content) for pair in overlapping(page)] == []


def _built(story: list[Flowable]) -> bytes:
    return build_pdf(story, PdfMeta("test", "test", "en"), Footer("abc", TODAY, "en"))


def test_a_row_taller_than_a_page_splits_even_where_rows_are_kept_whole() -> None:
    """The school letter's From / To block keeps its one row whole: a long enough name made
    reportlab give up (LayoutError) instead of continuing it on the next page."""
    long_text = words_filler(6000, 1)
    body = styles().body
    table = Table(
        [[Paragraph(safe(long_text), body), Paragraph("To", body)]], colWidths=[3 * inch, 3 * inch]
    )
    content = _built([Spacer(0, 100), table])
    assert page_count(content) > 1
    assert comes_out_in_order(body_text(content), long_text)


def test_a_note_longer_than_two_pages_continues_on_every_page_it_needs() -> None:
    """The part of a split row left for the next page may split again."""
    note = words_filler(10_000, 2)
    content = _built([fields_table([("Short", "x"), ("Notes", note)])])
    assert page_count(content) >= 3
    assert comes_out_in_order(body_text(content), note)


def test_a_long_value_on_a_form_line_pushes_its_label_down() -> None:
    value = words_filler(1000, 3)
    above = Paragraph("The sentence above the form's lines.", styles().body)
    content = _built([above, form_fields([("Label under the line", value)])])
    boxes = word_boxes(content)
    assert [pair for page in boxes for pair in overlapping(page)] == []
    assert comes_out_in_order(body_text(content), value)
