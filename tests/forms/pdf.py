"""Reading PDFs back as a person (or a screen reader) would: text, pages, metadata, pictures."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """All text of a PDF, NFC-normalised, pages joined by newlines."""
    reader = PdfReader(io.BytesIO(content))
    return unicodedata.normalize(
        "NFC", "\n".join(page.extract_text() or "" for page in reader.pages)
    )


_FOOTER_LINE = re.compile(
    r"^(Plan revision|Versión del plan|Page \d+ of \d+|Página \d+ de \d+|Initials on every page"
    r"|Iniciales en cada página)"
)


def body_text(content: bytes) -> str:
    """Every page's text without its footer, so a value crossing a page break reads whole."""
    reader = PdfReader(io.BytesIO(content))
    lines = [
        line
        for page in reader.pages
        for line in (page.extract_text() or "").splitlines()
        if not _FOOTER_LINE.match(line.strip())
    ]
    return unicodedata.normalize("NFC", "\n".join(lines))


def flat(text: str) -> str:
    """Text with every run of white space folded to one space: values may wrap across lines."""
    return " ".join(text.split())


def page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def metadata(content: bytes) -> dict[str, str]:
    info = PdfReader(io.BytesIO(content)).metadata or {}
    return {str(k): str(v) for k, v in info.items()}


def render_pngs(content: bytes, folder: Path, stem: str, dpi: int = 60) -> list[Path]:
    """Rasterise every page with pdftoppm (poppler): proof a real renderer can draw it."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm is not installed (Debian: poppler-utils)")
    pdf = folder / f"{stem}.pdf"
    pdf.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / stem)], check=True, timeout=120
    )
    return sorted(folder.glob(f"{stem}*.png"))


@dataclass(frozen=True)
class Word:
    """One printed word and its box, in points from the page's top-left corner (poppler's)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def pdftotext(content: bytes, mode: str) -> str:
    """poppler's reading of a PDF (`mode` "-raw" for text, "-bbox" for word boxes), UTF-8."""
    if shutil.which("pdftotext") is None:
        raise RuntimeError("pdftotext is not installed (Debian: poppler-utils)")
    run = subprocess.run(
        ["pdftotext", mode, "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return run.stdout.decode("utf-8")


def word_boxes(content: bytes) -> list[list[Word]]:
    """Every page's words with the box a real renderer draws them in (pdftotext -bbox): unlike
    a text position, a box shows where a long word ends."""
    pages = _PAGE.findall(pdftotext(content, "-bbox"))
    return [
        [Word(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in _WORD.findall(page)]
        for page in pages
    ]


def overlapping(words: list[Word], slack: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than `slack` points both ways."""
    found = []
    ordered = sorted(words, key=lambda w: w.top)
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.top >= first.bottom - slack:
                break
            across = min(first.right, second.right) - max(first.left, second.left)
            if across > slack:
                found.append((first.text, second.text))
    return found
