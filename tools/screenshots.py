"""Screenshots of every section, as a person sees them: a real window on a virtual screen.

`make screenshots` runs this under Xvfb (1366×768, the small laptops clinics use) with Qt's scale at
125%, in English, Spanish and the pseudo-locale (long accented strings that make clipped or
untranslated labels obvious), with the large invented example household loaded. PNGs go to
`screenshots/` (git-ignored): look at every one before calling a UI change done.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.flow import ORDER, SectionId
from planner.model import Plan
from planner.resources import resource
from ui.app import make_application
from ui.i18n import Words
from ui.pages import PAGES
from ui.pages.welcome import WelcomePage
from ui.session import Mode, Session
from ui.wizard import WizardWindow

OUT = Path("screenshots")
LANGUAGES = ("en", "es", "pseudo")
MAX_PARTS = 8
"""At most this many screenfuls of one section."""


def example(state: str | None = None) -> Plan:
    """The large example household, moved to `state` to see another state's caregiver paper."""
    text = resource("examples", "large-tx.json").read_text(encoding="utf-8")
    plan = Plan.model_validate_json(text)
    if state:
        plan.household.state = state
    return plan


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def grab(path: Path, written: list[Path]) -> None:
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    written.append(path)


def shoot(language: str, state: str | None, only: set[str]) -> list[Path]:
    """Each section from top to bottom, a screenful at a time (`-2`, `-3` … for the parts
    below the first), and the Documents section once more with the packet made and previewed."""
    words = Words(language)
    session = Session(mode=Mode.SAVE)
    window = WizardWindow(words, session, PAGES, show_pseudo=language == "pseudo")
    screen = QApplication.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    session.replace(example(state), household_id="example")
    welcome = window.pages[SectionId.WELCOME]
    assert isinstance(welcome, WelcomePage)
    welcome.set_mode(session.mode)  # what the controller does: the choice matches the toolbar
    written: list[Path] = []
    for number, section_id in enumerate(ORDER, start=1):
        if only and section_id.value not in only:
            continue
        window.show_section(section_id)
        page = window.pages[section_id]
        bar = page.scroll_area.verticalScrollBar()
        bar.setValue(0)
        settle()
        stem = f"{number:02d}-{section_id.value}-{language}" + (f"-{state}" if state else "")
        grab(OUT / f"{stem}.png", written)
        part = 1
        while bar.value() < bar.maximum() and part < MAX_PARTS:
            part += 1
            bar.setValue(bar.value() + bar.pageStep() - bar.singleStep() * 2)
            settle()
            grab(OUT / f"{stem}-{part}.png", written)
        bar.setValue(0)
        if section_id is SectionId.DOCUMENTS:
            make_documents(page)
            settle()
            grab(OUT / f"{stem}-made.png", written)
    window.close()
    return written


def make_documents(page: object) -> None:
    """Press "Make the documents", wait for the worker, and preview the caregiver's paper."""
    from ui.pages.documents import DocumentsPage

    assert isinstance(page, DocumentsPage)
    page.generate.click()
    deadline = time.monotonic() + 120
    while (page.render_job >= 0 or not page.files) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    page.files_list.setCurrentRow(min(3, page.files_list.count() - 1))
    for _ in range(20):  # the preview renders its pages in the background
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", help="move the example household to this state (e.g. NY)")
    parser.add_argument("--only", default="", help="sections to shoot, e.g. caregivers,documents")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    make_application(sys.argv[:1])
    only = {part for part in args.only.split(",") if part}
    for language in LANGUAGES:
        for path in shoot(language, args.state, only):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
