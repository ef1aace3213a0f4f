"""Canaries for the parts of reportlab that are not its public interface, one a part we rely on.

pyproject.toml pins reportlab below its next major version (`reportlab>=5,<6`), but a minor
release may still rename or rework an internal. Each test here checks one internal has the shape
and behaviour our code assumes, and its message names the module of ours to fix when it fails.
"""

from __future__ import annotations

import ast
import inspect
import io
from pathlib import Path
from typing import Any

import pypdf
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table

from forms.kit import FONT, _to_unicode_cmap, register_fonts
from planner.direction import BIDI_CONTROLS

STYLE = ParagraphStyle("canary", fontName="Helvetica", fontSize=10, leading=12)
WORDS = "one two three four five six seven eight nine ten"


def _fix(module: str, what: str) -> str:
    return f"reportlab changed {what}: {module} relies on it and must follow"


def _text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


# --- ttfonts.makeToUnicodeCMap: forms/kit.py replaces it (characters beyond U+FFFF) ------------

KIT_CMAP = "forms/kit.py (register_fonts replaces ttfonts.makeToUnicodeCMap with _to_unicode_cmap)"


def _ttfonts_source() -> ast.Module:
    return ast.parse(Path(inspect.getfile(ttfonts)).read_text(encoding="utf-8"))


def _defined_cmap(module: ast.Module) -> ast.FunctionDef | None:
    """reportlab's own makeToUnicodeCMap, as its source defines it (kit.py replaces the name)."""
    return next(
        (
            node
            for node in module.body
            if isinstance(node, ast.FunctionDef) and node.name == "makeToUnicodeCMap"
        ),
        None,
    )


def test_make_to_unicode_cmap_is_a_module_function_looked_up_where_the_font_is_written() -> None:
    module = _ttfonts_source()
    defined = _defined_cmap(module)
    assert defined is not None, _fix(KIT_CMAP, "where ttfonts.makeToUnicodeCMap is defined")
    assert [arg.arg for arg in defined.args.args] == ["fontname", "subset"], _fix(
        KIT_CMAP, "the arguments of ttfonts.makeToUnicodeCMap"
    )
    called = [
        node
        for node in ast.walk(module)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "makeToUnicodeCMap"
    ]
    assert called, _fix(KIT_CMAP, "how ttfonts calls makeToUnicodeCMap (no longer by its name)")


def test_our_to_unicode_cmap_writes_what_reportlabs_does_for_the_basic_plane() -> None:
    """Ours differs only beyond U+FFFF (and for Arabic presentation forms, see `_meaning`)."""
    defined = _defined_cmap(_ttfonts_source())
    assert defined is not None, _fix(KIT_CMAP, "where ttfonts.makeToUnicodeCMap is defined")
    namespace: dict[str, Any] = {}
    code = compile(ast.Module(body=[defined], type_ignores=[]), "ttfonts.py", "exec")
    exec(code, namespace)  # noqa: S102 -- reportlab's own function, from its installed source
    theirs = namespace["makeToUnicodeCMap"]
    subset = [0, *map(ord, "Aá ñ€—ЖΩשׁ"), 0x2028]
    assert _to_unicode_cmap("F1+0", subset) == theirs("F1+0", subset), _fix(
        KIT_CMAP, "the ToUnicode CMap it writes"
    )


def test_a_character_beyond_the_basic_plane_reaches_the_pdf_as_a_utf16_pair() -> None:
    register_fonts()
    assert ttfonts.makeToUnicodeCMap is _to_unicode_cmap, _fix(KIT_CMAP, "ttfonts' globals")
    written = io.BytesIO()
    canvas = Canvas(written, pageCompression=0)
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 720, "A\U00010300")  # OLD ITALIC LETTER A, in DejaVu Sans
    canvas.showPage()
    canvas.save()
    assert b"<D800DF00>" in written.getvalue(), _fix(KIT_CMAP, "how a font's ToUnicode is made")


# --- TTFontFace.charWidths and charToGlyph: forms/kit.py (widths of controls, coverage) ---------

KIT_FACE = "forms/kit.py (register_fonts, font_covers, _covered read and change TTFont.face)"


def test_a_faces_widths_and_glyphs_are_dicts_that_string_width_and_coverage_read() -> None:
    """Only the font forms.kit registers is used: a second font of the same face would be
    registered as an alias of the first, whichever registers first."""
    register_fonts()
    face: Any = pdfmetrics.getFont(FONT).face
    assert isinstance(face.charWidths, dict), _fix(KIT_FACE, "TTFontFace.charWidths")
    assert isinstance(face.charToGlyph, dict), _fix(KIT_FACE, "TTFontFace.charToGlyph")
    assert face.charToGlyph.get(ord("A")), _fix(KIT_FACE, "what TTFontFace.charToGlyph holds")
    assert ord("王") not in face.charToGlyph, _fix(KIT_FACE, "TTFontFace.charToGlyph")
    for control in BIDI_CONTROLS:  # register_fonts set their widths to 0 in charWidths
        assert face.charWidths[ord(control)] == 0
        assert pdfmetrics.stringWidth(f"x{control}x", FONT, 10) == pdfmetrics.stringWidth(
            "xx", FONT, 10
        ), _fix(KIT_FACE, "where stringWidth finds a character's width (charWidths)")
    assert pdfmetrics.stringWidth("xx", FONT, 10) > 0


# --- Paragraph._setup: forms/paragraph.py overrides it (a packet parses a text once) ------------

PARAGRAPH_SETUP = "forms/paragraph.py (Paragraph._setup, which reuses a packet's parse)"


def test_paragraph_setup_takes_the_arguments_init_passes_it() -> None:
    parameters = list(inspect.signature(Paragraph._setup).parameters)
    assert parameters == ["self", "text", "style", "bulletText", "frags", "cleaner"], _fix(
        PARAGRAPH_SETUP, "the arguments of Paragraph._setup"
    )
    calls: list[tuple[Any, ...]] = []

    class Spy(Paragraph):
        def _setup(self, *args: Any) -> None:
            calls.append(args)
            super()._setup(*args)  # type: ignore[misc]

    Spy("Hola <b>mundo</b>", STYLE)
    assert len(calls) == 1, _fix(PARAGRAPH_SETUP, "whether Paragraph.__init__ calls _setup")
    text, style, bullet, frags, cleaner = calls[0]
    assert (text, style, bullet, frags) == ("Hola <b>mundo</b>", STYLE, None, None), _fix(
        PARAGRAPH_SETUP, "what Paragraph.__init__ passes to _setup"
    )
    assert callable(cleaner)


def test_paragraph_setup_keeps_its_parse_in_four_attributes_and_takes_pieces_as_given() -> None:
    parsed = Paragraph("Hola <b>mundo</b>", STYLE)
    assert parsed.text == "Hola <b>mundo</b>" and parsed.bulletText is None, _fix(
        PARAGRAPH_SETUP, "Paragraph.text and bulletText after _setup"
    )
    assert isinstance(parsed.style, ParagraphStyle), _fix(PARAGRAPH_SETUP, "Paragraph.style")
    pieces = [piece.clone() for piece in parsed.frags]
    assert [piece.text for piece in pieces] == ["Hola ", "mundo"], _fix(
        PARAGRAPH_SETUP, "Paragraph.frags and their clone()"
    )

    def never(text: str) -> str:
        raise AssertionError(
            _fix(PARAGRAPH_SETUP, "_setup: it parses again, though given the pieces")
        )

    again = Paragraph.__new__(Paragraph)
    again.caseSensitive = 1
    again._setup(parsed.text, parsed.style, None, pieces, never)  # type: ignore[attr-defined]
    assert again.frags is pieces and again.text == parsed.text, _fix(
        PARAGRAPH_SETUP, "what _setup keeps of the pieces it is given"
    )
    assert again.wrap(200, 100)[1] == Paragraph("Hola <b>mundo</b>", STYLE).wrap(200, 100)[1]


# --- Paragraph.blPara: forms/paragraph.py keeps it per width and reorders it to draw -----------

PARAGRAPH_LINES = "forms/paragraph.py (Paragraph.wrap and drawPara, _visual_lines)"


def test_wrap_keeps_a_new_layout_in_bl_para_and_its_size_in_width_and_height() -> None:
    paragraph = Paragraph(WORDS, STYLE)
    size = paragraph.wrap(60, 1000)
    first = paragraph.__dict__.get("blPara")
    assert first is not None, _fix(PARAGRAPH_LINES, "where Paragraph.wrap keeps its lines")
    assert size == (paragraph.width, paragraph.height) == (60, 12 * len(first.lines)), _fix(
        PARAGRAPH_LINES, "Paragraph.width and height after wrap"
    )
    paragraph.wrap(80, 1000)
    assert paragraph.__dict__["blPara"] is not first, _fix(
        PARAGRAPH_LINES, "wrap: it no longer makes a new blPara for each layout"
    )
    paragraph.wrap(60, 1000)
    laid_out = paragraph.__dict__["blPara"]
    for part in paragraph.split(60, 25):
        assert part.__dict__.get("blPara") is not laid_out, _fix(
            PARAGRAPH_LINES, "split: a piece shares the whole paragraph's blPara"
        )


def test_lines_of_one_style_are_space_and_words_and_of_several_are_frag_lines() -> None:
    plain = Paragraph(WORDS, STYLE)
    plain.wrap(60, 1000)
    lines: Any = plain.blPara  # type: ignore[attr-defined]
    assert lines.kind == 0 and all(
        isinstance(line, tuple) and isinstance(line[1], list) and isinstance(line[1][0], str)
        for line in lines.lines
    ), _fix(PARAGRAPH_LINES, "the lines of a paragraph of one style")
    assert lines.clone(lines=[]).lines == [], _fix(PARAGRAPH_LINES, "blPara.clone(lines=…)")

    styled = Paragraph('one <b>two</b> three <a name="here"/>four five six', STYLE)
    styled.wrap(60, 1000)
    lines = styled.blPara  # type: ignore[attr-defined]
    assert lines.kind == 1, _fix(PARAGRAPH_LINES, "the kind of a paragraph of several styles")
    words = [word for line in lines.lines for word in line.words]
    text = " ".join(
        "".join(getattr(word, "text", "") for word in line.words) for line in lines.lines
    )
    assert text.split() == ["one", "two", "three", "four", "five", "six"], _fix(
        PARAGRAPH_LINES, "the words of a FragLine and their text"
    )
    assert any(hasattr(word, "cbDefn") for word in words), _fix(
        PARAGRAPH_LINES, "how a piece that is not text (an anchor) is marked: cbDefn"
    )
    line = lines.lines[0]
    assert line.clone(words=[]).words == [], _fix(PARAGRAPH_LINES, "FragLine.clone(words=…)")
    text_word = next(word for word in line.words if getattr(word, "text", "").strip())
    assert text_word.clone(text="x").text == "x", _fix(PARAGRAPH_LINES, "a piece's clone(text=…)")


def test_draw_para_draws_the_lines_held_in_bl_para() -> None:
    """forms.paragraph swaps in lines in visual order for the time of drawPara."""
    written = io.BytesIO()
    canvas = Canvas(written)
    paragraph = Paragraph("alpha beta", STYLE)
    paragraph.wrap(300, 100)
    logical: Any = paragraph.blPara  # type: ignore[attr-defined]
    ((space, _),) = logical.lines
    paragraph.blPara = logical.clone(lines=[(space, ["beta", "alpha"])])  # type: ignore[attr-defined]
    paragraph.drawOn(canvas, 72, 700)
    canvas.showPage()
    canvas.save()
    assert "beta alpha" in _text_of(written.getvalue())[0], _fix(
        PARAGRAPH_LINES, "what drawPara draws (no longer self.blPara's lines)"
    )


# --- Table._cellvalues, _rowHeights, splitInRow: forms/table.py ----------------------------------

TABLE = "forms/table.py (Table.split: _blank reads _cellvalues, _has_row reads _rowHeights)"


def _tall_table() -> Table:
    tall = Paragraph(" ".join([WORDS] * 12), STYLE)
    return Table([["Notas", tall], ["Nombre", "Ana"]], colWidths=[60, 120])


def test_a_table_holds_its_cells_in_cellvalues_and_its_row_heights_after_wrap() -> None:
    table = _tall_table()
    rows: Any = getattr(table, "_cellvalues", None)
    assert rows is not None and [row[0] for row in rows] == ["Notas", "Nombre"], _fix(
        TABLE, "where a Table keeps its cells (_cellvalues)"
    )
    table.wrap(180, 1000)
    heights: Any = getattr(table, "_rowHeights", None)
    assert isinstance(heights, list) and len(heights) == 2, _fix(
        TABLE, "where a Table keeps its row heights after wrap (_rowHeights)"
    )
    assert all(isinstance(height, int | float) for height in heights), _fix(TABLE, "_rowHeights")
    assert heights[0] > 5 * heights[1], _fix(TABLE, "what _rowHeights measures")


def test_split_reads_split_in_row_from_the_table_and_its_pieces_keep_their_cells() -> None:
    table = _tall_table()
    table.splitInRow = 0
    assert table.split(180, 100) == [], _fix(TABLE, "split with splitInRow 0: a row moves whole")
    table.splitInRow = 1
    parts = table.split(180, 100)
    assert len(parts) == 2, _fix(TABLE, "split: it no longer reads splitInRow from the table")
    for part in parts:
        rows: Any = getattr(part, "_cellvalues", None)
        assert isinstance(rows, list) and rows and all(isinstance(r, list) for r in rows), _fix(
            TABLE, "the cells (_cellvalues) of the pieces split returns"
        )


# --- Canvas._startPage: forms/kit.py's NumberedCanvas draws "Page x of y" at the end ------------

KIT_CANVAS = "forms/kit.py (_numbered_canvas: showPage keeps each page, save draws them)"


def test_start_page_begins_a_page_without_writing_the_last_one() -> None:
    assert list(inspect.signature(Canvas._startPage).parameters) == ["self"], _fix(  # type: ignore[attr-defined]
        KIT_CANVAS, "the arguments of Canvas._startPage"
    )

    class Counted(Canvas):
        """The same steps as forms.kit's NumberedCanvas."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.kept: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self.kept.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            for number, state in enumerate(self.kept, start=1):
                self.__dict__.update(state)
                self.drawString(72, 72, f"Page {number} of {len(self.kept)}")
                super().showPage()
            super().save()

    written = io.BytesIO()
    canvas = Counted(written)
    for name in ("uno", "dos", "tres"):
        canvas.drawString(72, 720, name)
        canvas.showPage()
    canvas.save()
    pages = _text_of(written.getvalue())
    assert len(pages) == 3, _fix(KIT_CANVAS, "Canvas._startPage (a page written, or one lost)")
    for number, (name, text) in enumerate(zip(("uno", "dos", "tres"), pages, strict=True), 1):
        assert name in text and f"Page {number} of 3" in text, _fix(
            KIT_CANVAS, "what a Canvas keeps of a page in its __dict__"
        )
        assert all(other not in text for other in {"uno", "dos", "tres"} - {name}), _fix(
            KIT_CANVAS, "Canvas._startPage: a page starts with what the last one drew"
        )
