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
