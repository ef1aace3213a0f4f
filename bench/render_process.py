"""Benchmark: `planner render` of the large example as a whole process (start, imports, checks,
rendering, files written), against LibreOffice converting one 3-page DOCX, side by side.

The issue's yardstick is the office suite a clinic would otherwise use to fill in a template: the
packet as a whole should take at most half the time LibreOffice takes for one document. Both are
timed pair by pair in the same run (the machine's load changes both alike), and the median of
the pairs' ratios is printed with the medians of each. The DOCX is written here (a few XML files
in a zip: no python-docx needed); LibreOffice runs headless with a profile folder of its own,
made once by a warm-up run, so no pair pays for a first start. Without LibreOffice the command is
still timed, and the output says LibreOffice is not installed.

Prints one figure a line as `metric: value unit`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

RUNS = 7
ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "resources" / "examples" / "large-tx.json"
TARGET_RATIO = 0.5
PAGES = 3
PARAGRAPHS_A_PAGE = 12

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SENTENCE = (
    "If a parent is detained, the caregiver named in this letter may pick the children up from "
    "school, consent to their medical care, and speak for them with their teachers. "
)


def _paragraph(text: str, bold: bool = False, page_break: bool = False) -> str:
    run_props = "<w:rPr><w:b/><w:sz w:val='32'/></w:rPr>" if bold else ""
    brk = '<w:r><w:br w:type="page"/></w:r>' if page_break else ""
    return f"<w:p><w:r>{run_props}<w:t xml:space='preserve'>{text}</w:t></w:r>{brk}</w:p>"


def write_docx(path: Path) -> None:
    """A 3-page letter-like DOCX: a heading and a dozen paragraphs a page, a page break between."""
    body = []
    for page in range(1, PAGES + 1):
        body.append(_paragraph(f"Caregiver authorization, page {page}", bold=True))
        body += [_paragraph(_SENTENCE * 3) for _ in range(PARAGRAPHS_A_PAGE)]
        if page < PAGES:
            body.append(_paragraph("", page_break=True))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", _CONTENT_TYPES)
        docx.writestr("_rels/.rels", _RELS)
        docx.writestr("word/document.xml", document)


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def time_libreoffice(program: str, docx: Path, profile: Path, out: Path) -> float:
    """Seconds for one headless conversion to PDF, with the given (already made) profile."""
    command = [
        program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
        "--convert-to", "pdf", "--outdir", str(out), str(docx),
    ]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    if not (out / docx.with_suffix(".pdf").name).is_file():
        raise RuntimeError("LibreOffice wrote no PDF")
    return seconds


def time_planner(out: Path, env: dict[str, str] | None = None) -> float:
    """Seconds for one whole `planner render` of the large example into a new folder."""
    command = [sys.executable, "-m", "planner.cli", "render", str(PLAN), "--out", str(out)]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env or dict(os.environ))
    return time.perf_counter() - started


def warm_up(out: Path) -> None:
    """One run that may write bytecode (`__pycache__`, ignored by git): an installed program has
    its modules compiled at install, so no timed run should compile them from source, even where
    PYTHONDONTWRITEBYTECODE is set."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    time_planner(out, env)


def main() -> None:
    program = libreoffice()
    with tempfile.TemporaryDirectory(prefix="bench-render-process-") as folder:
        work = Path(folder)
        docx = work / "letter.docx"
        write_docx(docx)
        profile = work / "libreoffice-profile"
        warm_up(work / "warm-up")
        if program:
            time_libreoffice(program, docx, profile, work / "warm-up-pdf")  # makes the profile
        planner_runs: list[float] = []
        office_runs: list[float] = []
        for run in range(RUNS):
            planner_runs.append(time_planner(work / f"packet-{run}"))
            if program:
                office_runs.append(time_libreoffice(program, docx, profile, work / f"pdf-{run}"))
    print(f"planner_render_whole_process_median: {statistics.median(planner_runs) * 1000:.0f} ms")
    if not program:
        print("libreoffice: not installed (no soffice or libreoffice on PATH), no ratio")
        return
    ratios = [mine / theirs for mine, theirs in zip(planner_runs, office_runs, strict=True)]
    print(f"libreoffice_3_page_docx_median: {statistics.median(office_runs) * 1000:.0f} ms")
    print(f"packet_over_libreoffice_ratio_median: {statistics.median(ratios):.2f}")
    print(f"packet_over_libreoffice_ratio_target: {TARGET_RATIO:.2f}")


if __name__ == "__main__":
    main()
