"""The wizard under test: one QApplication, offscreen, a window built around an injected session."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from planner.model import Plan
from ui.app import make_application
from ui.i18n import Words
from ui.session import Mode, Session
from ui.wizard import WizardWindow

WindowMaker = Callable[..., WizardWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[WindowMaker]:
    """Build the main window for a plan (a new one by default) in a language, 1366×768."""
    make_application([])

    def build(
        plan: Plan | None = None, language: str = "en", mode: Mode = Mode.WORKSHOP
    ) -> WizardWindow:
        from ui.pages import PAGES

        words = Words(language)
        session = Session(plan, mode)
        window = WizardWindow(words, session, PAGES)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)
        if plan is not None:
            session.replace(plan, household_id="opened")
        return window

    yield build


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    """One real two-page PDF, rendered once, stands in for every document where only a page's
    handling of files is tested."""
    from forms.context import RenderContext, RenderOptions
    from forms.packet import render_document
    from planner.packet import PacketDocumentKind, PlannedDocument
    from tests.conftest import example_plan

    plan = example_plan("small-ca.json")
    context = RenderContext.for_plan(plan, RenderOptions())
    return render_document(context, PlannedDocument(PacketDocumentKind.CONTACTS)).content
