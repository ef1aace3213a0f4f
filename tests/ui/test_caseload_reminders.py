""" "Export reminders" from the navigator's Households list (invented households): a calendar
file the icalendar package reads back, with each household's review and each signed paper's
renew-by date, naming only short codes unless the navigator chooses names, and updating the same
events when exported again."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.caseload import short_code
from planner.keys import INSECURE_TEST_COST, RecoveryCode
from planner.model import CareArrangement, Child, Household, Plan, ReviewSchedule
from planner.vault import Vault
from tests.planner.conftest import MemoryKeyStore
from tests.ui.vault_helpers import FileDialogs, make_controller, open_saved_plans
from ui.app import make_application
from ui.controller import Controller

PASSPHRASE = "invented passphrase for the reminders"  # noqa: S105
TODAY = date.today()
FAMILY = "Quispe Mamani"
CHILD = "Xóchitl"


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, str]:
    """One household: a review in ten days, and a California paper signed 300 days ago."""
    folder = tmp_path / "home"
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.create(PASSPHRASE, code=RecoveryCode.generate())
    care = CareArrangement(paper_signed_on=TODAY - timedelta(days=300))
    plan = Plan(
        household=Household(display_name=FAMILY, state="CA"),
        children=[Child(id="child", given_names=CHILD, family_names="Quispe", care=care)],
        review=ReviewSchedule(next_review=TODAY + timedelta(days=10)),
    )
    household_id = vault.save(plan).household_id
    vault.lock()
    return folder, household_id


@pytest.fixture
def navigator(qtbot: QtBot, store: tuple[Path, str]) -> Iterator[tuple[Controller, FileDialogs]]:
    make_application([])
    dialogs = FileDialogs()
    dialogs.secrets = [PASSPHRASE]
    controller = make_controller(home=store[0], keyring=MemoryKeyStore(), dialogs=dialogs)
    qtbot.addWidget(controller.window)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    open_saved_plans(qtbot, controller)
    yield controller, dialogs
    controller.close()


def export(qtbot: QtBot, controller: Controller, dialogs: FileDialogs, target: Path) -> bytes:
    dialogs.files.append(str(target))
    qtbot.mouseClick(controller.caseload.reminders_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(kind == "inform" for kind in dialogs.kinds()), timeout=10_000)
    dialogs.asked.clear()
    return target.with_suffix(".ics").read_bytes()


def events(content: bytes) -> dict[str, tuple[str, date]]:
    calendar = icalendar.Calendar.from_ical(content)
    return {
        str(event["UID"]): (str(event["SUMMARY"]), event.decoded("DTSTART"))
        for event in calendar.walk("VEVENT")
    }


def test_the_calendar_names_only_short_codes_unless_names_are_chosen(
    navigator: tuple[Controller, FileDialogs], qtbot: QtBot, store: tuple[Path, str], tmp_path: Path
) -> None:
    controller, dialogs = navigator
    dialogs.confirms = [False]  # "Short codes only"
    content = export(qtbot, controller, dialogs, tmp_path / "reminders")
    saved = tmp_path / "reminders.ics"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    found = events(content)
    assert [day for _, day in found.values()] == sorted(day for _, day in found.values())
    days = {day for _, day in found.values()}
    assert TODAY + timedelta(days=10) in days  # the review
    assert len(found) == 2  # and the paper's renew-by date
    text = content.decode()
    assert short_code(store[1]) in text
    for private in (FAMILY, "Quispe", CHILD, "Xochitl"):
        assert private not in text

    dialogs.confirms = [True]  # "Put the names"
    named = export(qtbot, controller, dialogs, saved)
    assert FAMILY in named.decode()
    assert CHILD not in named.decode()
    assert events(named).keys() == found.keys()  # the same events, updated, not new ones
