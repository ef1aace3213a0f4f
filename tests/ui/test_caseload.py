"""The navigator's caseload over a saved-plans store of 1,000 invented households: it shows once
they are opened, narrows as the navigator types (a child's name, a phone or an A-number however
written), sorts by each column, filters, opens by Enter, deletes by the Delete key after asking,
and never shows in a workshop."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.caseload import PapersStatus, fold, papers_status
from planner.keys import INSECURE_TEST_COST, RecoveryCode
from planner.model import (
    Adult,
    CareArrangement,
    CaseInfo,
    Child,
    Contact,
    Household,
    Phone,
    Plan,
    ReviewSchedule,
)
from planner.reminders import ReminderKind, due
from planner.vault import Vault
from planner.vault_records import HouseholdSummary
from tests.planner.conftest import MemoryKeyStore
from tests.ui.vault_helpers import ScriptedDialogs, make_controller, open_saved_plans, visible_texts
from ui.app import make_application
from ui.caseload_model import OVERDUE_COLOUR, CaseloadModel, Column
from ui.controller import Controller
from ui.i18n import Words
from ui.session import Mode

HOUSEHOLDS = 1000
PASSPHRASE = "invented passphrase for the caseload"  # noqa: S105
TODAY = date.today()
GIVEN = ["Ana", "Nguyễn Thị", "Łukasz", "محمد", "Олена", "美玲", "Wanjiru", "José", "Aroha", "Kofi"]
FAMILY = ["Quispe", "Trần", "Kowalska", "الحسيني", "Шевченко", "陈", "Otieno", "Pérez", "Ngata"]
CHILDREN = ["Itzel", "Bảo", "Zofia", "ليلى", "Данило", "小明", "Amani", "Mateo", "Mere", "Ama"]
STATES = ["CA", "TX", "NY", "FL", "IL", "WA"]
CHOSEN = 457
"""The household the searches look for: its child alone is called Xóchitl."""


@dataclass(frozen=True)
class Made:
    """What the generator gave each household, to check the table against."""

    name: str
    state: str
    review: date | None
    alternate: bool


def invented_plan(i: int) -> tuple[Plan, Made]:
    """Household `i`: names in many scripts, a state, a phone (713) 555-0000 + i, an A-number
    2 0000 0000 + i, a review date and a paper signed some days ago, or none."""
    name = f"{FAMILY[i % len(FAMILY)]} {i}"
    state = STATES[i % len(STATES)]
    review = None if i % 11 == 0 else TODAY + timedelta(days=(i * 37) % 200 - 60)
    alternate = i % 3 != 0
    parent = Adult(
        id="parent",
        given_names=GIVEN[i % len(GIVEN)],
        family_names=FAMILY[i % len(FAMILY)],
        phones=[Phone(number=f"+1 713 555 {i:04d}")],
        case=CaseInfo(a_number=f"2{i:08d}"),
    )
    child_name = "Xóchitl" if i == CHOSEN else CHILDREN[(i * 7) % len(CHILDREN)]
    care = CareArrangement(
        primary_caregiver_id="aunt",
        alternate_caregiver_id="parent" if alternate else None,
        paper_signed_on=None if i % 4 == 0 else TODAY - timedelta(days=(i * 13) % 400),
    )
    child = Child(id="child", given_names=child_name, family_names=parent.family_names, care=care)
    aunt = Contact(id="aunt", given_names="Rosa", family_names="Invented")
    plan = Plan(
        household=Household(display_name=name, state=state),
        adults=[parent],
        children=[child],
        emergency_contacts=[aunt],
        review=ReviewSchedule(next_review=review),
    )
    return plan, Made(name, state, review, alternate)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Made]]:
    """A store of 1,000 households under a passphrase, made once; each test works on a copy."""
    folder = tmp_path_factory.mktemp("caseload") / "home"
    vault = Vault(folder, MemoryKeyStore(), kdf_cost=INSECURE_TEST_COST)
    vault.create(PASSPHRASE, code=RecoveryCode.generate())
    made = {}
    for i in range(HOUSEHOLDS):
        plan, facts = invented_plan(i)
        made[vault.save(plan).household_id] = facts
    vault.lock()
    return folder, made


@pytest.fixture
def made(generated: tuple[Path, dict[str, Made]]) -> dict[str, Made]:
    return generated[1]


Maker = Callable[..., Controller]


@pytest.fixture
def navigator(
    qtbot: QtBot, tmp_path: Path, generated: tuple[Path, dict[str, Made]]
) -> Iterator[Maker]:
    """A window over a copy of the store; `opened=True` opens it as the navigator does."""
    made: list[Controller] = []

    def make(language: str = "en", opened: bool = True) -> Controller:
        make_application([])
        home = tmp_path / f"home{len(made)}"
        shutil.copytree(generated[0], home)
        dialogs = ScriptedDialogs()
        dialogs.secrets = [PASSPHRASE]
        controller = make_controller(language, home=home, keyring=MemoryKeyStore(), dialogs=dialogs)
        made.append(controller)
        window = controller.window
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        if opened:
            open_saved_plans(qtbot, controller)
        return controller

    yield make
    for controller in made:
        controller.close()


def shown(controller: Controller) -> list[HouseholdSummary]:
    model = controller.caseload.model
    rows = (model.summary(row) for row in range(model.rowCount()))
    return [summary for summary in rows if summary is not None]


def cell(controller: Controller, row: int, column: Column) -> str:
    model = controller.caseload.model
    return str(model.data(model.index(row, column)))


def type_search(qtbot: QtBot, controller: Controller, text: str) -> list[int]:
    """Type into the search box a key at a time; the number of rows after each key."""
    search = controller.caseload.search
    search.setFocus()
    search.clear()
    counts = []
    for character in text:
        qtbot.keyClicks(search, character)
        counts.append(controller.caseload.model.rowCount())
    return counts


# --- reaching it --------------------------------------------------------------------------------


def test_the_navigator_lands_on_every_household_once_the_plans_are_opened(
    navigator: Maker,
) -> None:
    controller = navigator()
    assert controller.caseload.model.rowCount() == HOUSEHOLDS
    assert controller.window.households_action.isVisible()
    assert "Showing 1000 of 1000 households" in controller.caseload.count.text()
    assert controller.caseload.search.hasFocus()


def test_a_workshop_never_shows_the_households(navigator: Maker, qtbot: QtBot) -> None:
    """The shared-laptop rule: a family at this keyboard cannot reach the navigator's list, by
    the toolbar, its shortcut or by leaving save mode once it was opened."""
    controller = navigator(opened=False)
    assert controller.session.mode is Mode.WORKSHOP
    assert not controller.window.households_action.isVisible()
    qtbot.keyClick(controller.window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    controller.show_caseload()
    assert not controller.caseload.isVisible()

    open_saved_plans(qtbot, controller)
    controller.choose_mode(Mode.WORKSHOP)
    assert not controller.caseload.isVisible()
    assert not controller.window.households_action.isVisible()
    assert controller.caseload.model.rowCount() == 0
    controller.show_caseload()
    assert not controller.caseload.isVisible()
    texts = " ".join(visible_texts(controller.window))
    assert "Quispe" not in texts and "Kowalska" not in texts


def test_households_in_the_toolbar_comes_back_from_a_plan(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    controller.caseload.table.setFocus()
    qtbot.keyClick(controller.caseload.table, Qt.Key.Key_Return)
    qtbot.waitUntil(controller.window.plan_view.isVisible)
    controller.window.households_action.trigger()
    assert controller.caseload.isVisible()


def test_locking_hides_the_households_and_unlocking_brings_them_back(
    navigator: Maker, qtbot: QtBot
) -> None:
    controller = navigator()
    controller.lock()
    assert not controller.caseload.isVisible()
    assert not controller.window.households_action.isVisible()
    qtbot.waitUntil(controller.lock_screen.isEnabled)
    controller.lock_screen.secret_given.emit(PASSPHRASE)
    qtbot.waitUntil(controller.caseload.isVisible)


def test_what_is_due_this_week_shows_at_unlock_and_opens_by_enter(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot
) -> None:
    controller = navigator()
    strip = controller.caseload.due
    expected = due(controller.households, TODAY)
    assert 0 < len(expected) == strip.count()
    assert f"({len(expected)})" in controller.caseload.due_label.text()
    lines = [strip.item(row).text() for row in range(strip.count())]
    late = next(r for r in expected if r.kind is ReminderKind.REVIEW and r.day < TODAY)
    name = made[late.household_id].name
    assert any(line.startswith(f"{name}: plan review, late since ") for line in lines)
    strip.setFocus()
    strip.setCurrentRow(0)
    qtbot.keyClick(strip, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session.household_id == expected[0].household_id)
    assert controller.window.plan_view.isVisible()


# --- search -------------------------------------------------------------------------------------


def test_typing_a_childs_name_narrows_the_list_at_each_key(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot
) -> None:
    controller = navigator()
    counts = type_search(qtbot, controller, "xochitl")  # typed without the accent
    assert counts == sorted(counts, reverse=True) and counts[0] < HOUSEHOLDS
    (found,) = shown(controller)
    assert made[found.household_id].name.endswith(f" {CHOSEN}")


@pytest.mark.parametrize(
    "typed", ["(713) 555-0457", "713.555.0457", "+1 713 555 0457", "A-200-000-457", "200000457"]
)
def test_a_phone_or_an_a_number_is_found_however_it_is_written(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot, typed: str
) -> None:
    controller = navigator()
    type_search(qtbot, controller, typed)
    (found,) = shown(controller)
    assert made[found.household_id].name.endswith(f" {CHOSEN}")


def test_a_search_that_finds_nobody_says_so(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    type_search(qtbot, controller, "Zzyzx")
    assert controller.caseload.model.rowCount() == 0
    assert "Showing 0 of 1000" in controller.caseload.count.text()
    assert not controller.caseload.open_button.isEnabled()


# --- sort ---------------------------------------------------------------------------------------


def _meaning(column: Column) -> Callable[[HouseholdSummary], Any]:
    """Each column's order as a navigator reads it, written apart from the model's own keys."""
    return {
        Column.FAMILY: lambda s: fold(s.display_name),
        Column.CHILDREN: lambda s: (len(s.children), fold(" ".join(s.children))),
        Column.STATE: lambda s: s.state,
        Column.PAPERS: lambda s: list(PapersStatus).index(papers_status(s.papers, TODAY)[0]),
        Column.MISSING_ITEMS: lambda s: s.missing_items,
        Column.NEXT_REVIEW: lambda s: s.next_review,
        Column.LAST_SAVED: lambda s: s.updated_at,
    }[column]


@pytest.mark.parametrize("column", list(Column))
def test_clicking_a_column_heading_sorts_by_it_both_ways(
    navigator: Maker, qtbot: QtBot, column: Column
) -> None:
    """Each click turns the order round; a household without the value (no review date) stays
    at the end either way."""
    controller = navigator()
    header = controller.caseload.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, 5)
    key = _meaning(column)
    orders = []
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
        values = [key(s) for s in shown(controller)]
        valued = [v for v in values if v is not None]
        assert len(values) == HOUSEHOLDS and values[: len(valued)] == valued
        orders.append(valued)
    ascending, descending = orders if orders[0] == sorted(orders[0]) else orders[::-1]  # type: ignore[type-var]
    assert ascending == sorted(ascending)  # type: ignore[type-var]
    assert descending == sorted(descending, reverse=True)  # type: ignore[type-var]
    assert ascending != descending


# --- filters ------------------------------------------------------------------------------------


def test_review_due_within_30_days_keeps_those_and_the_overdue(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot
) -> None:
    controller = navigator()
    controller.caseload.filters["review_due_30_days"].click()
    expected = {
        i for i, m in made.items() if m.review is not None and m.review <= TODAY + timedelta(30)
    }
    assert {s.household_id for s in shown(controller)} == expected
    assert 0 < len(expected) < HOUSEHOLDS


def test_no_backup_caregiver_keeps_the_households_lacking_one(
    navigator: Maker, made: dict[str, Made]
) -> None:
    controller = navigator()
    controller.caseload.filters["no_alternate"].click()
    expected = {i for i, m in made.items() if not m.alternate}
    assert {s.household_id for s in shown(controller)} == expected
    assert 0 < len(expected) < HOUSEHOLDS


def test_a_paper_running_out_within_60_days_is_kept_and_says_when(navigator: Maker) -> None:
    controller = navigator()
    controller.caseload.filters["paper_expires_60_days"].click()
    kept = shown(controller)
    assert 0 < len(kept) < HOUSEHOLDS
    limit = TODAY + timedelta(days=60)
    for summary in kept:
        assert any(p.signed_on and p.renew_by and p.renew_by <= limit for p in summary.papers)
    for row in range(len(kept)):
        assert cell(controller, row, Column.PAPERS).startswith(("Renew by", "Expired since"))


def test_the_state_filter_keeps_one_state(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot
) -> None:
    controller = navigator()
    combo = controller.caseload.state
    assert [combo.itemData(i) for i in range(combo.count())] == ["", *sorted(STATES)]
    combo.setCurrentIndex(combo.findData("TX"))
    combo.activated.emit(combo.currentIndex())
    assert {s.household_id for s in shown(controller)} == {
        i for i, m in made.items() if m.state == "TX"
    }


def test_filters_and_search_combine(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    controller.caseload.filters["no_alternate"].click()
    every = controller.caseload.model.rowCount()
    type_search(qtbot, controller, "Quispe")
    assert 0 < controller.caseload.model.rowCount() < every
    assert all("Quispe" in s.display_name and s.no_alternate for s in shown(controller))


# --- what a row says ----------------------------------------------------------------------------


def test_an_overdue_review_is_red_and_says_so_in_words(navigator: Maker) -> None:
    controller = navigator()
    controller.caseload.table.sortByColumn(Column.NEXT_REVIEW, Qt.SortOrder.AscendingOrder)
    model = controller.caseload.model
    first = model.index(0, Column.NEXT_REVIEW)
    assert str(model.data(first)).startswith("Overdue since ")
    assert model.data(first, Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR


def test_spanish_words_in_every_column(navigator: Maker) -> None:
    controller = navigator("es")
    model = controller.caseload.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers[0] == "Familia" and headers[5] == "Próxima revisión"
    controller.caseload.table.sortByColumn(Column.NEXT_REVIEW, Qt.SortOrder.AscendingOrder)
    assert cell(controller, 0, Column.NEXT_REVIEW).startswith("Atrasada desde el ")
    assert "Se muestran 1000 de 1000 hogares" in controller.caseload.count.text()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=120).filter(str.strip))
def test_a_name_shows_exactly_as_typed(qtbot: QtBot, name: str) -> None:
    """Names in every script, `<`, `&`, emoji, right-to-left: the cell shows the text itself."""
    make_application([])
    model = CaseloadModel(Words("en"), today=lambda: TODAY)
    model.set_households([HouseholdSummary("h1", 1, name, (name,), 0, TODAY, None)])
    assert model.data(model.index(0, Column.FAMILY)) == name
    assert model.data(model.index(0, Column.CHILDREN)) == name
    assert model.data(model.index(0, Column.NEXT_REVIEW)) == model.text(
        model.summary(0),
        Column.NEXT_REVIEW,  # type: ignore[arg-type]
    )


# --- open, delete, copy -------------------------------------------------------------------------


def test_enter_in_the_search_box_opens_what_it_found(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot
) -> None:
    controller = navigator()
    type_search(qtbot, controller, "Xochitl")
    (found,) = shown(controller)
    qtbot.keyClick(controller.caseload.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session.household_id == found.household_id)
    assert controller.window.plan_view.isVisible() and not controller.caseload.isVisible()
    assert controller.session.plan.children[0].given_names == "Xóchitl"


def test_the_delete_key_asks_then_the_household_can_no_longer_be_read(
    navigator: Maker, made: dict[str, Made], qtbot: QtBot
) -> None:
    controller = navigator()
    dialogs = controller.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    type_search(qtbot, controller, "Xochitl")
    (doomed,) = shown(controller)
    table = controller.caseload.table
    table.setFocus()

    dialogs.confirms = [False]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: controller.vault.idle)
    qtbot.wait(50)
    assert controller.caseload.model.total == HOUSEHOLDS

    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: controller.caseload.model.total == HOUSEHOLDS - 1, timeout=20_000)
    question = [text for kind, text, _ in dialogs.asked if kind == "confirm"][-1]
    assert doomed.display_name in question and "can no longer be read" in question
    assert "overwrit" not in " ".join(text for _, text, _ in dialogs.asked)
    assert controller.caseload.model.rowCount() == 0  # the search still shows only her
    assert doomed.household_id not in {s.household_id for s in controller.households}


def test_deleting_the_open_household_leaves_a_blank_plan(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    type_search(qtbot, controller, "Xochitl")
    (doomed,) = shown(controller)
    controller.open_household(doomed.household_id)
    qtbot.waitUntil(lambda: controller.session.household_id == doomed.household_id)
    controller.delete_household(doomed.household_id)
    qtbot.waitUntil(lambda: controller.caseload.model.total == HOUSEHOLDS - 1, timeout=20_000)
    assert controller.session.household_id is None
    assert controller.session.plan.children == []


def test_copy_as_a_new_household(navigator: Maker, qtbot: QtBot) -> None:
    controller = navigator()
    type_search(qtbot, controller, "Xochitl")
    (original,) = shown(controller)
    controller.caseload.duplicate_button.click()
    qtbot.waitUntil(lambda: controller.caseload.model.total == HOUSEHOLDS + 1, timeout=20_000)
    names = sorted(s.display_name for s in shown(controller))
    assert names == [original.display_name, f"{original.display_name} (copy)"]
    copy = controller.caseload.current()
    assert copy is not None and copy.household_id != original.household_id


def test_every_action_has_its_own_alt_letter(navigator: Maker) -> None:
    for language in ("en", "es"):
        controller = navigator(language)
        view = controller.caseload
        labelled: list[QWidget] = [
            view.open_button,
            view.new_button,
            view.duplicate_button,
            view.delete_button,
            *view.filters.values(),
        ]
        texts = [w.text() for w in labelled]  # type: ignore[attr-defined]
        texts += [view.search_label.text(), view.state_label.text(), view.due_label.text()]
        letters = [t[t.index("&") + 1].casefold() for t in texts]
        assert len(set(letters)) == len(letters), texts
