"""Rendering grows with the text, not faster (issue 12, item 6).

A 200 KB note took 5.6 s and 400 KB 31.8 s: reportlab lays out all that is left of a paragraph
again after each page, and takes its words one by one off the front of a list. Long text is now
laid out in pieces of bounded size (`forms.paragraph.paragraphs`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from forms.context import RenderContext, RenderOptions
from forms.kit import safe, styles, text_height
from forms.packet import render_document
from forms.paragraph import LONG_MARKUP, Paragraph, paragraphs
from planner.model import Plan
from planner.packet import PacketDocumentKind, PlannedDocument
from tests.conftest import TODAY, example_plan
from tests.forms.limits import comes_out_in_order, unbroken_filler, words_filler
from tests.forms.pdf import body_text


def _with_long_notes(size: int) -> Plan:
    """An example with a note of `size` characters where notes print: alone on the page, in a
    table of label and value, in a grid column, and in a box."""
    data = example_plan("small-ca.json").model_dump(mode="json")
    data["notes"] = words_filler(size, 1)
    data["emergency_contacts"][0]["notes"] = words_filler(size, 2)
    data["children"][0]["custody_orders"] = words_filler(size, 3)
    data["children"][0]["health"]["allergies"] = unbroken_filler(size, 4)
    return Plan.model_validate(data)


def _documents(plan: Plan) -> list[PlannedDocument]:
    return [
        PlannedDocument(PacketDocumentKind.INSTRUCTIONS),
        PlannedDocument(PacketDocumentKind.CHILD, plan.children[0].id),
    ]


def _render(plan: Plan) -> list[bytes]:
    context = RenderContext.for_plan(plan, RenderOptions(language="en", today=TODAY))
    return [render_document(context, planned).content for planned in _documents(plan)]


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The length of the text each call of reportlab's line breaking is given."""
    lengths: list[int] = []
    original = Paragraph.breakLines

    def counting(self: Paragraph, width: Any) -> Any:
        lengths.append(sum(len(getattr(frag, "text", "")) for frag in self.frags))
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    yield lengths


def test_the_text_laid_out_grows_with_the_note_not_faster(laid_out: list[int]) -> None:
    _render(_with_long_notes(33_000))
    small = sum(laid_out)
    laid_out.clear()
    _render(_with_long_notes(100_000))
    assert sum(laid_out) < 3.6 * small
    assert max(laid_out) < 2 * LONG_MARKUP


def test_rendering_a_100_kb_note_takes_about_three_times_a_33_kb_one() -> None:
    """Measured in this process, the best of two runs each; quadratic was nine times."""
    _render(_with_long_notes(1_000))  # fonts, catalogues

    def seconds(plan: Plan) -> float:
        runs = []
        for _ in range(2):
            started = time.process_time()  # this process's own time: a busy machine or a
            _render(plan)  # test on the other core does not count against it
            runs.append(time.process_time() - started)
        return min(runs)

    assert seconds(_with_long_notes(100_000)) < 4.5 * seconds(_with_long_notes(33_000))


def test_a_long_note_prints_whole() -> None:
    plan = _with_long_notes(40_000)
    text = "\n".join(body_text(content) for content in _render(plan))
    notes = [plan.notes, plan.emergency_contacts[0].notes, plan.children[0].custody_orders]
    assert all(comes_out_in_order(text, note) for note in notes)
    assert comes_out_in_order(text, plan.children[0].health.allergies)


def test_short_markup_stays_one_paragraph() -> None:
    markup = "Una palabra. " * (LONG_MARKUP // 13)
    assert len(paragraphs(markup, styles().body)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(words_filler(700, n) for n in range(30)),
        words_filler(20_000, 1) + "\n\n" + words_filler(5_000, 2),
        unbroken_filler(20_000, 3).replace("A", "&"),
        "Primera frase. " * 2_000,
    ],
    ids=["lines", "long_line", "entities", "sentences"],
)
def test_pieces_of_a_long_paragraph_hold_all_of_it_and_no_more(text: str) -> None:
    markup = safe(text)
    pieces = [piece.text for piece in paragraphs(markup, styles().body)]
    assert len(pieces) > 1
    assert all(len(piece) <= 2 * LONG_MARKUP for piece in pieces)
    assert "".join(markup.split("<br/>")).replace(" ", "") == "".join(pieces).replace(
        "<br/>", ""
    ).replace(" ", "")
    assert all(piece.count("&") == piece.count(";") for piece in pieces)  # no entity cut


def test_pieces_cut_at_line_breaks_stand_exactly_as_one_paragraph() -> None:
    """No space between the pieces: cut only where the family broke the line, the note is as
    tall as it was in one paragraph."""
    markup = safe("\n".join(words_filler(400, n) for n in range(30)))
    width = 400.0
    whole = Paragraph(markup, styles().body).wrap(width, 10_000)[1]
    assert text_height(markup, styles().body, width) == pytest.approx(whole)
