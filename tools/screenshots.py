"""Screenshots of every section, as a person sees them: a real window on a virtual screen.

`make screenshots` runs this under Xvfb (1366×768, the small laptops clinics use) with Qt's scale at
125%, in English, Spanish and the pseudo-locale (long accented strings that make clipped or
untranslated labels obvious), with the large invented example household loaded. PNGs go to
`screenshots/` (git-ignored): look at every one before calling a UI change done.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.flow import ORDER
from planner.model import Plan
from planner.resources import resource
from ui.app import make_application
from ui.i18n import Words
from ui.pages import PAGES
from ui.session import Mode, Session
from ui.wizard import WizardWindow

OUT = Path("screenshots")
LANGUAGES = ("en", "es", "pseudo")


def example() -> Plan:
    text = resource("examples", "large-tx.json").read_text(encoding="utf-8")
    return Plan.model_validate_json(text)


def shoot(language: str) -> list[Path]:
    words = Words(language)
    session = Session(mode=Mode.SAVE)
    window = WizardWindow(words, session, PAGES, show_pseudo=language == "pseudo")
    screen = QApplication.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    session.replace(example(), household_id="example")
    written = []
    for number, section_id in enumerate(ORDER, start=1):
        window.show_section(section_id)
        for _ in range(5):
            QApplication.processEvents()
        path = OUT / f"{number:02d}-{section_id.value}-{language}.png"
        QApplication.primaryScreen().grabWindow(0).save(str(path))
        written.append(path)
    window.close()
    return written


def main() -> int:
    OUT.mkdir(exist_ok=True)
    make_application(sys.argv[:1])
    for language in LANGUAGES:
        for path in shoot(language):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
