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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.caseload import PaperState, fold
from planner.flow import ORDER, SectionId
from planner.model import Plan
from planner.resources import resource
from planner.vault_records import HouseholdSummary
from ui.app import make_application
from ui.caseload import CaseloadView
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


INVENTED = [
    ("Quispe Mamani", ("Itzel", "Mateo"), "CA"),
    ("Nguyễn family", ("Bảo",), "TX"),
    ("Kowalska", ("Zofia", "Jan", "Ola"), "IL"),
    ("الحسيني", ("ليلى",), "NY"),
    ("Otieno", ("Amani",), "WA"),
    ("Pérez López", ("Sofía", "Diego"), "FL"),
    ("Ngata", ("Mere",), "CA"),
    ("Шевченко", ("Данило",), "NY"),
    ("Ramírez", ("Valeria",), "TX"),
    ("Mensah", ("Ama", "Kofi"), "NJ"),
    ("Hernández Cruz", ("Luis",), "AZ"),
    ("Chen", ("Mei",), "CA"),
]


def invented_caseload(today: date) -> list[HouseholdSummary]:
    """A dozen invented households with reviews and papers due, late and far off."""
    summaries = []
    for i, (name, children, state) in enumerate(INVENTED):
        signed = None if i % 4 == 1 else today - timedelta(days=40 * i + 20)
        renew = signed + timedelta(days=180 + 15 * i) if signed else None
        summaries.append(
            HouseholdSummary(
                household_id=f"example-{i}",
                revision=1,
                display_name=name,
                children=children,
                missing_items=(i * 5) % 9,
                next_review=None if i == 6 else today + timedelta(days=(i * 23) % 150 - 30),
                updated_at=datetime.now(UTC) - timedelta(days=3 * i, hours=i),
                state=state,
                papers=tuple(PaperState(signed, renew) for _ in children),
                no_alternate=i % 3 == 0,
                search=fold(" ".join((name, *children))),
            )
        )
    return summaries


def shoot_caseload(language: str) -> list[Path]:
    """The navigator's households, as they show once the saved plans are opened."""
    words = Words(language)
    window = WizardWindow(words, Session(mode=Mode.SAVE), PAGES, show_pseudo=language == "pseudo")
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    view = CaseloadView(words)
    window.screens.addWidget(view)
    window.screens.setCurrentWidget(view)
    window.households_action.setVisible(True)
    window.show()
    view.set_households(invented_caseload(date.today()))
    view.focus_search()
    settle()
    written: list[Path] = []
    grab(OUT / f"00-caseload-{language}.png", written)
    view.filters["review_due_30_days"].click()
    view.search.setText("a")
    settle()
    grab(OUT / f"00-caseload-{language}-filtered.png", written)
    window.close()
    return written


def shoot_detained(language: str) -> list[Path]:
    """ "A parent was detained" on the large example: the father taken this morning, two steps
    done; then what happened, as it is first asked."""
    from planner.detained import Detention
    from ui.detained import DetainedView

    plan = Plan.model_validate_json(resource("examples", "large-tx.json").read_text("utf-8"))
    now = datetime.now().astimezone().replace(hour=14, minute=32, second=0, microsecond=0)
    detention = Detention(
        parent_id="adult-carlos",
        started_at=now - timedelta(minutes=20),
        taken_at=now.replace(hour=7, minute=40),
        place="Outside the house, on the way to work",
        what_was_seen="Two officers, an unmarked white van",
        steps={"locate": now - timedelta(minutes=12), "call_attorney:attorney-delgado": now},
    )
    written: list[Path] = []
    for name, shown in (("", detention), ("-start", None)):
        words = Words(language)
        window = WizardWindow(words, Session(mode=Mode.SAVE), PAGES, show_pseudo=False)
        window.setGeometry(QApplication.primaryScreen().availableGeometry())
        view = DetainedView(words)
        view.now = lambda: now
        window.screens.addWidget(view)
        window.screens.setCurrentWidget(view)
        window.show()
        view.show_household(plan, shown)
        settle()
        grab(OUT / f"00-detained-{language}{name}.png", written)
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
    parser.add_argument(
        "--only", default="", help="what to shoot, e.g. caseload,caregivers,documents"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    make_application(sys.argv[:1])
    only = {part for part in args.only.split(",") if part}
    sections = only - {"caseload", "detained"}
    for language in LANGUAGES:
        shots = shoot_caseload(language) if not only or "caseload" in only else []
        if language != "pseudo" and (not only or "detained" in only):
            shots += shoot_detained(language)
        if not only or sections:
            shots += shoot(language, args.state, sections)
        for path in shots:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
