"""`family-planner --self-test`: proves an installed copy works, with no one at the screen.

A wheel, a bundle or a clinic's laptop is checked the same way: the window is built offscreen
(nobody sees it), as a workshop (no vault is opened and no keyring asked: the vault's folder is a
temporary one, which must still be empty at the end), every section is opened with the large
example household (invented people) in it, and its packet is rendered into a temporary folder,
checked (each PDF starts as one and has pages) and removed. Exit status 0, else 1 with one line.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from planner.flow import ORDER
from planner.i18n import translate
from planner.model import Plan
from planner.resources import resource

EXAMPLE = "large-tx.json"
DOMAIN = "self_test"
_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


class SelfTestFailed(Exception):
    """A check did not hold: `key` names its reason in the self_test catalogue."""

    def __init__(self, key: str, **params: str) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def reason(self, language: str) -> str:
        return translate(self.key, language, self.params, DOMAIN)


@dataclass(frozen=True)
class Outcome:
    sections: int
    documents: int
    pages: int


class _NoKeyring:
    """The workshop asks no keyring: any question to this one is a failure of the test."""

    def get(self, name: str) -> bytes | None:
        raise SelfTestFailed("keyring_asked")

    def set(self, name: str, secret: bytes) -> None:
        raise SelfTestFailed("keyring_asked")

    def delete(self, name: str) -> None:
        raise SelfTestFailed("keyring_asked")


def pdf_pages(path: Path) -> int:
    """The pages of a PDF as reportlab writes it (page objects in the clear); 0 if not a PDF."""
    data = path.read_bytes()
    return len(_PAGE.findall(data)) if data.startswith(b"%PDF-") else 0


def check_packet(paths: list[Path]) -> int:
    """Every file written and whole: each PDF has pages, any other file has content. Returns
    the number of pages."""
    pages = 0
    for path in paths:
        if not path.is_file() or path.stat().st_size == 0:
            raise SelfTestFailed("not_written", file=path.name)
        if path.suffix == ".pdf":
            found = pdf_pages(path)
            if not found:
                raise SelfTestFailed("not_a_pdf", file=path.name)
            pages += found
    return pages


def render_into(plan: Plan, folder: Path) -> list[Path]:
    """The plan's whole packet, written as `planner render` and the window write it."""
    from forms.context import RenderOptions
    from forms.packet import render_each
    from planner.output_files import write_files

    documents = render_each(plan, RenderOptions())
    return write_files(folder, ((d.filename, d.content) for d in documents))


def open_every_section(plan: Plan, home: Path, language: str) -> int:
    """Build the window as the program starts it, put the plan in, show each section once."""
    from PySide6.QtWidgets import QApplication

    from ui.app import make_application
    from ui.controller import start
    from ui.i18n import Words

    app = make_application([sys.argv[0] if sys.argv else "family-planner"])
    controller = start(Words(language), home=home, keyring=_NoKeyring())
    try:
        controller.session.replace(plan)
        for section in ORDER:
            controller.window.show_section(section)
            QApplication.processEvents()
            if controller.window.current is not section:
                raise SelfTestFailed("section_not_opened", section=section.value)
    finally:
        controller.close()
        controller.window.deleteLater()
        app.processEvents()
    return len(ORDER)


def run_checks(language: str, example: str = EXAMPLE) -> Outcome:
    """Every check, in temporary folders removed before this returns."""
    plan = Plan.model_validate_json(resource("examples", example).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="family-planner-self-test-") as temporary:
        home = Path(temporary) / "vault"
        home.mkdir(mode=0o700)
        sections = open_every_section(plan, home, language)
        if any(home.iterdir()):
            raise SelfTestFailed("vault_written")
        paths = render_into(plan, Path(temporary) / "packet")
        pages = check_packet(paths)
    return Outcome(sections, len(paths), pages)


def run(language: str = "en", example: str = EXAMPLE) -> int:
    """The self-test as a command: one line on standard output or standard error."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the application exists: never shown
    try:
        outcome = run_checks(language, example)
    except SelfTestFailed as failed:
        reason = failed.reason(language)
    except Exception as failed:  # anything else becomes the one line too, never a traceback
        reason = " ".join(f"{type(failed).__name__}: {failed}".split())
    else:
        print(translate("passed", language, asdict(outcome), DOMAIN))
        return 0
    print(translate("failed", language, {"reason": reason}, DOMAIN), file=sys.stderr)
    return 1
