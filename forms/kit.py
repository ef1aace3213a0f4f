"""The page kit every document is built from: font, styles, safe text, blocks to sign, page frame.

User text never reaches reportlab's Paragraph markup unescaped: a name like `María <b>` would
break the build, and `<img src="/etc/passwd"/>` would make reportlab read a local file. Everything
a family typed goes through `safe()` first.

`safe()` also makes the family's words printable, still in the order they were typed: a
character the embedded fonts cannot draw (most emoji, Chinese, Devanagari …) is printed as a
bracketed note naming it rather than as an empty box (`uncovered_characters()` tells the
interface which ones, so it can say so while the family types); Arabic letters take the shape
their neighbours ask for (joined, and lām-alif as one sign); a line with right-to-left letters
is set in an isolate, so it keeps its own direction inside our sentences. The visual order of
each line is made when a paragraph is drawn, after its lines are broken (`forms.paragraph`).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import chain
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)

from forms.paragraph import Paragraph, paragraphs, visual_text
from forms.table import Table
from planner.direction import BIDI_CONTROLS, OVERRIDE_RANGES
from planner.i18n import translate
from planner.people import isolate
from planner.resources import resource

FONT = "PlannerSans"
FONT_BOLD = "PlannerSans-Bold"
PAGE_SIZE = LETTER
MARGIN = 0.75 * inch
FOOTER_HEIGHT = 0.45 * inch
FOOTER_SIZE = 7.5
FOOTER_MIN_SIZE = 6.0
"""The footer's type size, and the smallest it shrinks to so a long line stays between the edges."""
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#eeeeee")

_CONTROL = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{OVERRIDE_RANGES}]")
"""C0 and C1 controls, and the direction overrides and isolates a family's text may carry
(validation refuses them, but the window prints a plan with problems too): a name would read in
one order in a title and another in its body, and a phone would show it reversed. Our own
isolates are added after cleaning."""


# --- font ----------------------------------------------------------------------------------------


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 pairs.

    reportlab 5.1 writes them as five hex digits, which PDF readers reject: an emoji in a name
    would print but vanish from copied or searched text. Same output as reportlab's otherwise.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(
            f"<{i:02X}> <{_meaning(v).encode('utf-16-be').hex().upper()}>"
            for i, v in enumerate(subset)
        ),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _meaning(code: int) -> str:
    """The text a glyph stands for: an Arabic letter's joined shape (a presentation form, which
    the printed text uses) is the letter itself, and the lām-alif sign is lām then alif, so text
    copied or searched in the PDF, or read aloud, has the letters the family typed."""
    char = chr(code)
    if _PRESENTATION_FORM.match(char):
        return unicodedata.normalize("NFKC", char).strip() or char
    return char


@cache
def register_fonts() -> None:
    """Embed DejaVu Sans (Latin Extended, Vietnamese, Cyrillic, Greek, Hebrew, Arabic) once."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        font = TTFont(name, str(resource("fonts", file)))
        # Directional controls steer a line's order and are never drawn (forms.paragraph takes
        # them out): they take no room when a line is measured, glyph or not.
        for control in BIDI_CONTROLS:
            font.face.charWidths[ord(control)] = 0
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def font_covers(character: str) -> bool:
    """Whether the embedded font has a glyph for this character."""
    register_fonts()
    face = pdfmetrics.getFont(FONT).face  # type: ignore[attr-defined]
    return ord(character) in face.charToGlyph


@cache
def _covered() -> frozenset[int]:
    """The characters both embedded faces (regular and bold) can draw."""
    register_fonts()
    regular, bold = (pdfmetrics.getFont(name).face for name in (FONT, FONT_BOLD))  # type: ignore[attr-defined]
    return frozenset(
        code for code, glyph in regular.charToGlyph.items() if glyph and bold.charToGlyph.get(code)
    )


_UNSEEN = frozenset(BIDI_CONTROLS | {"\u200b", "\u200c", "\u200d", "\u2060", "\ufe0e", "\ufeff"})
"""Characters that have no picture of their own: direction, joining, width and variation
controls. They never print as a box, whatever the font has."""


def _is_joiner(char: str) -> bool:
    """A character that belongs to the sign before it: a joiner, a variation selector, an emoji
    tag, a skin tone or a keycap."""
    code = ord(char)
    return (
        code == 0x200D
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0020 <= code <= 0xE007F
        or 0x1F3FB <= code <= 0x1F3FF
        or code == 0x20E3
    )


def uncovered_characters(text: str) -> set[str]:
    """The characters of `text` that no embedded font can draw, for the interface to point out
    while the family types (and to suggest another spelling). On paper each run of them prints
    as a bracketed note naming what is missing, e.g. "[house building]" or "[U+738B, U+82B3]",
    never as an empty box. White space, control characters and the invisible joiners and
    direction marks are not counted."""
    return {char for char in clean_text(text) if _lacking(char)}


def _lacking(char: str) -> bool:
    """Whether the fonts lack a character that would need a picture."""
    return ord(char) not in _covered() and not char.isspace() and char not in _UNSEEN


def _described(run: str) -> str:
    """A run of characters the fonts lack, as the paper names it: a symbol (emoji) by its Unicode
    name, a flag by its country code, any other character by its code point."""
    names: list[str] = []
    signs = [char for char in run if not _is_joiner(char)]
    index = 0
    while index < len(signs):
        char = signs[index]
        pair = signs[index : index + 2]
        if len(pair) == 2 and all(0x1F1E6 <= ord(c) <= 0x1F1FF for c in pair):
            names.append("flag " + "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in pair))
            index += 2
            continue
        name = unicodedata.name(char, "")
        symbol = name and unicodedata.category(char).startswith("S")
        names.append(name.lower() if symbol else f"U+{ord(char):04X}")
        index += 1
    if not names:  # only joiners and skin tones, with nothing to join
        names = [f"U+{ord(char):04X}" for char in run]
    return "[" + ", ".join(names) + "]"


def _mark_uncovered(line: str) -> str:
    """The line with each run of characters the fonts lack replaced by a note naming them."""
    if line.isascii():
        return line
    out: list[str] = []
    run = ""
    for char in line:
        if _lacking(char) or (run and _is_joiner(char)):
            run += char
        else:
            if run:
                out.append(_described(run))
                run = ""
            out.append(char)
    if run:
        out.append(_described(run))
    return "".join(out)


# --- Arabic letters ------------------------------------------------------------------------------

_ARABIC = re.compile("[\u0620-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_ALIFS = frozenset("\u0622\u0623\u0625\u0627")
"""The alifs that join a lām before them into one sign (lām-alif), as Arabic is always written."""
_LAM = "\u0644"
_JOIN_CAUSING = frozenset("\u0640\u200d")  # tatweel, zero width joiner


@cache
def _arabic_shapes() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], str]]:
    """From Unicode's own data: each letter's joined shapes ("initial", "medial", "final") and
    the lām-alif signs (alif, shape → sign), the shapes the fonts can draw only."""
    covered = _covered()
    shapes: dict[str, dict[str, str]] = {}
    lam_alif: dict[tuple[str, str], str] = {}
    for code in chain(range(0xFB50, 0xFE00), range(0xFE70, 0xFEFF)):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) < 2 or code not in covered:
            continue
        shape = decomposition[0].strip("<>")
        if shape not in ("isolated", "initial", "medial", "final"):
            continue
        letters = "".join(chr(int(part, 16)) for part in decomposition[1:])
        if len(letters) == 1 and _ARABIC.match(letters):
            shapes.setdefault(letters, {}).setdefault(shape, chr(code))
        elif len(letters) == 2 and letters[0] == _LAM and letters[1] in _ALIFS:
            lam_alif.setdefault((letters[1], shape), chr(code))
    return shapes, lam_alif


def _joining(char: str, shapes: dict[str, dict[str, str]]) -> str:
    """Unicode's joining type: D joins on both sides, R only to the letter before it, C causes
    joining, T is transparent (marks), U does not join."""
    if char in _JOIN_CAUSING:
        return "C"
    own = shapes.get(char)
    if own is not None:
        return "D" if "initial" in own or "medial" in own else "R"
    if char != "\u200c" and unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return "T"
    return "U"


def shape_arabic(text: str) -> str:
    """Arabic letters as the shapes they take beside their neighbours (isolated, initial, medial,
    final; lām-alif as one sign), in logical order. The fonts draw one glyph a character and the
    PDF has no shaping engine, so the shapes are Unicode's presentation forms; the PDF's text
    maps them back to the letters. A shape the fonts lack leaves the letter as typed."""
    if not _ARABIC.search(text):
        return text
    shapes, lam_alif = _arabic_shapes()
    kinds = [_joining(char, shapes) for char in text]

    def neighbour(index: int, step: int) -> str:
        index += step
        while 0 <= index < len(text) and kinds[index] == "T":
            index += step
        return kinds[index] if 0 <= index < len(text) else "U"

    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        joins_before = kinds[index] in ("D", "R") and neighbour(index, -1) in ("D", "C")
        if char == _LAM and index + 1 < len(text) and text[index + 1] in _ALIFS:
            sign = lam_alif.get((text[index + 1], "final" if joins_before else "isolated"))
            if sign is not None:
                out.append(sign)
                index += 2
                continue
        joins_after = kinds[index] == "D" and neighbour(index, 1) in ("D", "R", "C")
        if joins_before and joins_after:
            shape = "medial"
        elif joins_before:
            shape = "final"
        elif joins_after:
            shape = "initial"
        else:
            shape = "isolated"
        out.append(shapes.get(char, {}).get(shape, char) if shape != "isolated" else char)
        index += 1
    return "".join(out)


# --- text ----------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """NFC, `\n` for every line break, no control characters: in logical order, for any output."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text.replace("\t", " "))


def printable(text: str) -> list[str]:
    """The family's text as the fonts can print it, line by line, still in logical order: clean,
    a note in place of what no font has, Arabic letters joined, and each line that holds
    right-to-left letters in an isolate of its own."""
    return [isolate(shape_arabic(_mark_uncovered(line))) for line in clean_text(text).split("\n")]


def plain(text: str) -> str:
    """User text as it is drawn straight on a canvas, one line at a time (a card's title):
    printable, each line in visual order from left to right."""
    return "\n".join(visual_text(line) for line in printable(text))


def safe(text: str) -> str:
    """User text made safe for Paragraph markup: printable and escaped, with its line breaks
    kept. The paragraph puts each of its lines in visual order once it has broken them."""
    escaped = "\n".join(printable(text))
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    english: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    notice: ParagraphStyle
    centered: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10.5, leading=14, textColor=INK, spaceAfter=5
    )
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=4
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=10),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=2),
        english=ParagraphStyle(
            "english", parent=body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=6
        ),
        label=ParagraphStyle(
            "label", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12, spaceAfter=0
        ),
        value=ParagraphStyle("value", parent=body, spaceAfter=0),
        notice=ParagraphStyle(
            "notice",
            parent=body,
            fontSize=9.5,
            leading=13,
            borderColor=RULE,
            borderWidth=0.75,
            borderPadding=6,
            backColor=SHADE,
            # The border stands 6 pt outside the text: these leave about 6 pt of white above
            # and below it, so two notices in a row do not share a border.
            spaceBefore=12,
            spaceAfter=18,
        ),
        centered=ParagraphStyle("centered", parent=body, alignment=TA_CENTER),
    )


def in_language(
    params: dict[str, object],
    translated: Callable[[str], dict[str, object]] | None,
    language: str,
) -> dict[str, object]:
    """A sentence's parameters for one language: the same ones, and those `translated` gives
    for that language (a state's name, a date in words), so the English line is all English."""
    return {**params, **(translated(language) if translated else {})}


class Words:
    """Document text from a catalogue, in the family's language, optionally beside English.

    Only text written by us goes through here; what the family typed goes through `safe()`.
    Catalogue text may use Paragraph markup (<b>); user values are escaped before filling in.
    """

    def __init__(self, domain: str, language: str, bilingual: bool = False) -> None:
        self.domain = domain
        self.language = language
        self.bilingual = bilingual and language != "en"

    def __call__(self, key: str, **params: object) -> str:
        """One sentence in the family's language."""
        return self._text(key, self.language, params)

    def english(self, key: str, **params: object) -> str:
        return self._text(key, "en", params)

    def in_language(self, language: str, key: str, **params: object) -> str:
        return self._text(key, language, params)

    def both(self, key: str, **params: object) -> str:
        """`family language / English` for short labels; just the sentence when not bilingual."""
        text = self(key, **params)
        english = self.english(key, **params)
        return f"{text} / {english}" if self.bilingual and english != text else text

    def paragraphs(
        self,
        key: str,
        style: ParagraphStyle | None = None,
        translated: Callable[[str], dict[str, object]] | None = None,
        **params: object,
    ) -> list[Flowable]:
        """A sentence as a paragraph, and its English under it in bilingual documents.

        `translated(language)` gives the parameters that differ by language (a state's name, a
        date in words), so the English line is English throughout.
        """
        main = Paragraph(
            self(key, **in_language(params, translated, self.language)), style or styles().body
        )
        if not self.bilingual:
            return [main]
        english = self.english(key, **in_language(params, translated, "en"))
        return [main, Paragraph(english, styles().english)]

    def _text(self, key: str, language: str, params: dict[str, object]) -> str:
        escaped = {k: safe(v) if isinstance(v, str) else v for k, v in params.items()}
        shared = key.startswith("kit.")
        return translate(key, language, escaped, domain="kit" if shared else self.domain)


def kit_words(language: str, bilingual: bool = False) -> Words:
    return Words("kit", language, bilingual)


# --- building blocks ------------------------------------------------------------------------------


def user_paragraph(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """The family's text as one paragraph: for short text (a long note takes `user_paragraphs`)."""
    return Paragraph(safe(text), style or styles().body)


def user_paragraphs(text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """The family's text as a paragraph (as several pieces reading as one, when it is long)."""
    return list(paragraphs(safe(text), style or styles().body))


def cell_text(markup: str, style: ParagraphStyle) -> Flowable | list[Flowable]:
    """What a table cell holds for `markup`: a paragraph, or the pieces of a long one."""
    pieces: list[Flowable] = list(paragraphs(markup, style))
    return pieces[0] if len(pieces) == 1 else pieces


def text_height(markup: str, style: ParagraphStyle, width: float) -> float:
    """How tall `markup` stands at `width`, measured piece by piece as it will be laid out."""
    return sum(piece.wrap(width, PAGE_SIZE[1])[1] for piece in paragraphs(markup, style))


def fields_table(rows: Iterable[tuple[str, str]], label_width: float = 1.9 * inch) -> Flowable:
    """Label / value pairs; labels are ours (markup allowed), values the family's (escaped).

    Rows with an empty value are left out: a blank line on a printed sheet looks like missing data.
    """
    s = styles()
    cells = [
        [Paragraph(label, s.label), cell_text(safe(value), s.value)]
        for label, value in rows
        if value.strip()
    ]
    if not cells:
        return Spacer(0, 0)
    width = PAGE_SIZE[0] - 2 * MARGIN
    table = Table(cells, colWidths=[label_width, width - label_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def form_fields(rows: Iterable[tuple[str, str]]) -> Flowable:
    """Label / value pairs of a paper to be signed, as a form has them: the value on a ruled line
    (left blank to write on by hand when the plan does not have it), its label under the line."""
    width = PAGE_SIZE[0] - 2 * MARGIN
    lines = [_line_cells([label], [value], [width]) for label, value in rows]
    return KeepTogether([*lines, Spacer(0, 4)])


def warning_box(texts: Sequence[str]) -> Flowable:
    """A warning the law wants seen: bold, at least 10 point, in a box (Cal. Fam. Code §6552);
    a translation stands under the English inside the same box."""
    s = styles()
    style = ParagraphStyle("warning", parent=s.body, fontName=FONT_BOLD, fontSize=10.5, leading=14)
    width = PAGE_SIZE[0] - 2 * MARGIN
    box = Table([[[Paragraph(text, style) for text in texts]]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([Spacer(0, 6), box, Spacer(0, 8)])


def grid(rows: Sequence[Sequence[str]], header: Sequence[str], widths: Sequence[float]) -> Flowable:
    """A table with a header row (ours) and cells of the family's (escaped); splits across pages."""
    s = styles()
    body = [[cell_text(safe(cell), s.small) for cell in row] for row in rows]
    table = Table(
        [[Paragraph(h, s.label) for h in header], *body],
        colWidths=list(widths),
        repeatRows=1,
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def heading(text: str) -> list[Flowable]:
    """A section heading that never sits alone at the bottom of a page."""
    return [CondPageBreak(1.2 * inch), Paragraph(text, styles().heading)]


def _line_cells(labels: Sequence[str], filled: Sequence[str], widths: Sequence[float]) -> Table:
    s = styles()
    values = [cell_text(safe(v), s.value) for v in filled]
    captions = [Paragraph(label, s.small) for label in labels]
    # At least the height of a line to write on; a long value makes its row taller, never
    # spilling over the label above it.
    table = Table([values, captions], colWidths=list(widths), minRowHeights=[0.42 * inch, 0])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
            ]
        )
    )
    return table


def signature_block(
    role: str, printed_name: str, words: Words, role_in_english: str = ""
) -> Flowable:
    """Signature, printed name (filled in when known) and date, kept together on one page.

    `role` is in the family's language; bilingual documents print `role_in_english` beside it.
    """
    width = PAGE_SIZE[0] - 2 * MARGIN
    signature = words("kit.signature_of", role=role)
    if words.bilingual:
        signature += " / " + words.english("kit.signature_of", role=role_in_english or role)
    labels = [
        signature,
        words.both("kit.printed_name"),
        words.both("kit.date"),
    ]
    cells = _line_cells(labels, ["", printed_name, ""], [width * 0.42, width * 0.38, width * 0.2])
    return KeepTogether([Spacer(0, 6), cells, Spacer(0, 8)])


def witness_block(count: int, rules: str, words: Words) -> Flowable:
    """Lines for `count` witnesses, with who may not witness stated above them."""
    width = PAGE_SIZE[0] - 2 * MARGIN
    parts: list[Flowable] = [Paragraph(words.both("kit.witnesses_title"), styles().label)]
    if rules:
        parts.append(Paragraph(rules, styles().small))
    for number in range(1, count + 1):
        labels = [
            words.both("kit.witness_signature", number=number),
            words.both("kit.printed_name"),
            words.both("kit.date"),
        ]
        parts.append(_line_cells(labels, ["", "", ""], [width * 0.42, width * 0.38, width * 0.2]))
        parts.append(_line_cells([words.both("kit.witness_address")], [""], [width]))
    return KeepTogether([Spacer(0, 8), *parts, Spacer(0, 8)])


def notary_block(
    state_name: str,
    signers: str,
    words: Words,
    state_in_english: str = "",
    jurat: bool = False,
    commonwealth: bool = False,
) -> Flowable:
    """A plain notary certificate, which the notary may replace with the state's own form.

    An acknowledgment (the signers say they signed), or with `jurat` a jurat (they swore to the
    paper, or affirmed it, and signed it before the notary): which one the state's rules ask for.
    `state_name` is in the family's language (Nueva York); bilingual documents print
    `state_in_english` in the English lines. A `commonwealth` (Massachusetts) is named so in the
    venue.
    """
    s = styles()

    def state(language: str) -> dict[str, object]:
        return {"state": state_in_english or state_name if language == "en" else state_name}

    width = PAGE_SIZE[0] - 2 * MARGIN
    padding = 8
    inner = width - 2 * padding - 12  # the lines' own cell padding
    body: list[Flowable] = [
        Paragraph(words.both("kit.jurat_title" if jurat else "kit.notary_title"), s.label),
        *words.paragraphs(
            "kit.notary_venue_commonwealth" if commonwealth else "kit.notary_venue", s.small, state
        ),
        *words.paragraphs(
            "kit.jurat_text" if jurat else "kit.notary_text", s.small, signers=signers
        ),
        _line_cells(
            [words.both("kit.notary_signature"), words.both("kit.notary_commission")],
            ["", ""],
            [inner * 0.55, inner * 0.45],
        ),
        Paragraph(words.both("kit.notary_seal"), s.small),
        Spacer(0, 0.9 * inch),
        *words.paragraphs("kit.notary_own_certificate", s.small),
    ]
    box = Table([[body]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    return KeepTogether([Spacer(0, 10), box, Spacer(0, 6)])


def notice(
    words: Words,
    key: str,
    translated: Callable[[str], dict[str, object]] | None = None,
    *,
    box_style: ParagraphStyle | None = None,
    **params: object,
) -> list[Flowable]:
    """A shaded box for what the family must do with the page (sign where, give a copy to whom).

    In a bilingual document the English stands inside the same box, under the family's language.
    `translated(language)` gives the parameters that are themselves sentences (a state's signing
    rule), so the English line does not carry the family's language inside it. `box_style`, made
    from the kit's notice style, sets a denser page's box.
    """
    text = words(key, **in_language(params, translated, words.language))
    if words.bilingual:
        english = words.english(key, **in_language(params, translated, "en"))
        muted = "#" + MUTED.hexval()[2:]
        text += f'<br/><font size="8.5" color="{muted}">{english}</font>'
    return [Paragraph(text, box_style or styles().notice)]


def checkbox(checked: bool) -> str:
    return "☒" if checked else "☐"


# --- the page frame -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Footer:
    """What every page carries: which plan revision it shows, when it was made, page x of y."""

    revision: str
    generated_on: date
    language: str
    bilingual: bool = False
    legal_notice: bool = True
    initials_for: tuple[str, ...] = ()
    """Who initials every page of a multi-page legal instrument, e.g. ("Parent", "Caregiver")."""
    rules_checked: date | None = None
    """When the state's rules behind the document were last checked, for a paper that uses them."""


@dataclass(frozen=True)
class PdfMeta:
    """PDF document information: the document's kind and language, never a person's name."""

    kind: str
    title: str
    language: str
    extra_keywords: tuple[str, ...] = field(default_factory=tuple)


def draw_footer(
    canvas: Canvas,
    footer: Footer,
    page: int,
    pages: int,
    left: float = MARGIN,
    right: float = PAGE_SIZE[0] - MARGIN,
    baseline: float = MARGIN - 0.12 * inch,
) -> None:
    """Revision, date, "not legal advice" and "Page x of y" (and initials) on one page.

    In a bilingual document "not legal advice" and the initials line are in English too; a line
    too long for the edges is set smaller rather than run past them.
    Documents laid out by the story get it from `build_pdf`; documents drawn straight on a canvas
    (wallet cards) call it with their own edges.
    """
    words = kit_words(footer.language, footer.bilingual)
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    y = baseline
    canvas.line(left, y + 10, right, y + 10)
    canvas.setFillColor(MUTED)
    notes = words(
        "kit.footer_revision", revision=footer.revision, date=footer.generated_on.isoformat()
    )
    if footer.legal_notice:
        notes += "  ·  " + words.both("kit.not_legal_advice_short")
    if footer.rules_checked is not None:
        notes += "  ·  " + words("kit.rules_checked_short", date=footer.rules_checked.isoformat())
    page_of = words("kit.page_x_of_y", page=page, pages=pages)
    canvas.setFont(FONT, _fitting_size(right - left, notes, page_of))
    canvas.drawString(left, y, notes)
    canvas.drawRightString(right, y, page_of)
    if footer.initials_for and pages > 1:
        boxes = "   ".join(f"{role}: ______" for role in footer.initials_for)
        initials = f"{words.both('kit.initials_on_every_page')}: {boxes}"
        canvas.setFont(FONT, _fitting_size(right - left, initials))
        canvas.drawString(left, y - 11, initials)
    canvas.restoreState()


def _fitting_size(width: float, *parts: str, gap: float = 12) -> float:
    """The footer size at which `parts`, `gap` apart, fill at most `width` (never below 6 pt)."""
    room = width - gap * (len(parts) - 1)
    text = sum(pdfmetrics.stringWidth(part, FONT, FOOTER_SIZE) for part in parts)
    return FOOTER_SIZE if text <= room else max(FOOTER_MIN_SIZE, FOOTER_SIZE * room / text)


def _numbered_canvas(footer: Footer) -> Callable[..., Canvas]:
    """A canvas that knows the page count when it draws the footers ("Page x of y")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab internal, stable since 2.x

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw_footer(self, footer, number, len(self._pages))
                super().showPage()
            super().save()

    return NumberedCanvas


_NO_SIDE_PADDING = {"leftPadding": 0, "rightPadding": 0}


def document_info(meta: PdfMeta) -> dict[str, Any]:
    """The PDF's information dictionary: what the document is and its language, never who."""
    return {
        "title": meta.title,
        "subject": f"{meta.kind} ({meta.language})",
        "keywords": [meta.kind, f"lang={meta.language}", *meta.extra_keywords],
        "author": "Family Preparedness Planner",
        "creator": "Family Preparedness Planner",
    }


def pdf_canvas(buffer: io.BytesIO, meta: PdfMeta) -> Canvas:
    """A Letter canvas with the same document information `build_pdf` writes, for documents
    drawn directly (wallet cards). Invariant, so the same plan gives the same bytes."""
    info = document_info(meta)
    canvas = Canvas(buffer, pagesize=PAGE_SIZE, invariant=True, lang=meta.language)
    canvas.setTitle(info["title"])
    canvas.setSubject(info["subject"])
    canvas.setKeywords(", ".join(info["keywords"]))
    canvas.setAuthor(info["author"])
    canvas.setCreator(info["creator"])
    return canvas


def build_pdf(story: list[Flowable], meta: PdfMeta, footer: Footer) -> bytes:
    """Lay out the story on Letter pages with the footer; return the PDF (nothing on disk)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOTER_HEIGHT,
        lang=meta.language,
        **document_info(meta),
        invariant=True,
    )
    # No side padding: tables and signature lines are sized to the full width between margins.
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", **_NO_SIDE_PADDING
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()


def title_block(
    title: str,
    subtitle: str = "",
    styled: tuple[ParagraphStyle, ParagraphStyle] | None = None,
) -> list[Flowable]:
    """The page's title and subtitle, in the kit's styles or (`styled`) a denser page's."""
    s = styles()
    title_style, subtitle_style = styled or (s.title, s.subtitle)
    parts: list[Flowable] = [Paragraph(title, title_style)]
    if subtitle:
        parts.append(Paragraph(subtitle, subtitle_style))
    return parts


__all__ = [
    "FONT",
    "FONT_BOLD",
    "MARGIN",
    "PAGE_SIZE",
    "TA_LEFT",
    "Footer",
    "PdfMeta",
    "Styles",
    "Words",
    "build_pdf",
    "cell_text",
    "checkbox",
    "fields_table",
    "font_covers",
    "form_fields",
    "grid",
    "heading",
    "kit_words",
    "notary_block",
    "notice",
    "plain",
    "printable",
    "register_fonts",
    "safe",
    "shape_arabic",
    "signature_block",
    "styles",
    "text_height",
    "title_block",
    "uncovered_characters",
    "user_paragraph",
    "user_paragraphs",
    "warning_box",
    "witness_block",
]
