""" "A parent was detained" on screen, with the large Texas example (invented people): starting it
for the father, the checklist in order with the plan's real numbers, ticking by keyboard (the
time kept, the log handed on), the log shown again after a restart, what the plan lacks, a
message copied, the case summary's PDF, and a language switch that keeps every tick."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.detained import Detention, checklist
from planner.model import Plan
from planner.packet import PacketDocumentKind
from tests.conftest import example_plan
from tests.strategies import as_a_note, typed_text
from ui.app import make_application
from ui.detained import DetainedView, case_summary_bytes
from ui.detained_parts import MessagePart, arrest_of
from ui.i18n import Words

NOW = datetime(2026, 11, 20, 14, 32).astimezone()
"""The screen's clock, in this computer's time zone, as the screen shows times."""
TAKEN = datetime(2026, 11, 20, 7, 40).astimezone()
Maker = Callable[..., DetainedView]


@pytest.fixture
def large() -> Plan:
    return example_plan("large-tx.json")


@pytest.fixture
def make_view(qtbot: QtBot) -> Iterator[Maker]:
    """A detained view in a language, its clock at NOW, shown at 1366×768."""
    make_application([])

    def build(language: str = "en") -> DetainedView:
        view = DetainedView(Words(language))
        view.now = lambda: NOW
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        view.activateWindow()
        qtbot.waitExposed(view)
        qtbot.waitUntil(view.isActiveWindow)
        return view

    yield build


def carlos(**changes: object) -> Detention:
    """Carlos, the father, taken on his way to work (invented)."""
    return Detention(parent_id="adult-carlos", started_at=NOW, taken_at=TAKEN, **changes)


def shown_text(widget: QWidget) -> str:
    """Everything the person can read in the widget: labels and tick boxes."""
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    return "\n".join(parts)


def start_for_father(view: DetainedView, qtbot: QtBot) -> list[Detention]:
    """Chooses Carlos and presses Start; the logs handed on are returned."""
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    form = view.start
    form.who.setCurrentIndex(form.who.findData("adult-carlos"))
    form.where.setText("Outside the house")
    qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    return logged


@pytest.mark.parametrize("language", ["en", "es"])
def test_starting_for_the_father_shows_each_step_in_order_with_the_plans_numbers(
    make_view: Maker, qtbot: QtBot, large: Plan, language: str
) -> None:
    view = make_view(language)
    view.show_household(large, None)
    assert view.start.who.count() == len(large.adults)
    logged = start_for_father(view, qtbot)
    assert len(logged) == 1
    started = logged[0]
    assert started.parent_id == "adult-carlos"
    assert started.started_at == NOW
    assert started.place == "Outside the house"
    assert started.taken_at is not None and started.taken_at <= NOW
    expected = checklist(large, started, language)
    assert list(view.rows) == [step.id for step in expected]
    assert [row.tick.accessibleName() for row in view.rows.values()] == [
        step.title for step in expected
    ]
    page = shown_text(view.steps_area.widget())
    for number in ("A-208-456-317", "(832) 555-0161", "(713) 555-0100", "(713) 555-0108"):
        assert number in page  # A-number, the attorney's 24-hour line, rapid response, consulate
    assert "Rosa María Pérez Camacho" in page
    checked = "November 1, 2026" if language == "en" else "1 de noviembre de 2026"
    assert checked in shown_text(view)


def test_ticking_by_keyboard_records_the_time_and_hands_the_log_on(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos())
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    first = view.rows["locate"].tick
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert logged[-1].steps == {"locate": NOW}
    assert view.rows["locate"].done.text() == "Done at 2:32 pm"
    assert "Done at 2:32 pm" in first.accessibleDescription()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    second = view.rows["call_attorney:attorney-delgado"].tick
    assert second.hasFocus()  # Tab goes from tick box to tick box: facts take no focus
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert list(logged[-1].steps) == ["locate", "call_attorney:attorney-delgado"]

    qtbot.keyClick(second, Qt.Key.Key_Space)  # ticked by mistake
    assert list(logged[-1].steps) == ["locate"]
    assert view.rows["call_attorney:attorney-delgado"].done.text() == "Not done yet"


def test_a_restart_shows_the_same_ticks_and_times(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos())
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    view.rows["call_rapid_response"].tick.click()
    kept = Detention.model_validate_json(logged[-1].model_dump_json())  # as the vault keeps it

    later = make_view()
    later.now = lambda: NOW + timedelta(days=1)
    later.show_household(large, kept)
    assert later.pages.currentIndex() == 1
    ticked = [sid for sid, row in later.rows.items() if row.tick.isChecked()]
    assert ticked == ["call_rapid_response"]
    local = NOW.astimezone()
    assert later.rows["call_rapid_response"].done.text().startswith("Done on")
    assert (
        f"{local.hour % 12 or 12}:{local.minute:02d}"
        in later.rows["call_rapid_response"].done.text()
    )
    assert later.rows["locate"].done.text() == "Not done yet"


def test_a_plan_without_the_a_number_says_what_the_locator_step_lacks(
    make_view: Maker, large: Plan
) -> None:
    father = large.adults[0]
    assert father.case is not None
    unnumbered = father.model_copy(update={"case": father.case.model_copy(update={"a_number": ""})})
    plan = large.model_copy(update={"adults": [unnumbered, *large.adults[1:]]})
    view = make_view()
    view.show_household(plan, carlos())
    row = view.rows["locate"]
    assert row.missing.isVisibleTo(view)
    assert row.missing.text().startswith("Missing from the plan:")
    assert "A-number" in row.missing.text()
    assert row.missing.property("severity") == "warning"
    assert "Missing from the plan" in row.tick.accessibleDescription()
    assert not view.rows["call_consulate"].missing.isVisibleTo(view)


def test_copy_puts_the_message_on_the_clipboard_and_forget_takes_it_off(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos())
    row = view.rows["message_caregiver:contact-rosa"]
    part = row.findChild(MessagePart)
    assert part is not None
    assert part.language.currentData() == "es"  # Rosa reads Spanish first
    qtbot.mouseClick(part.copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Rosa María Pérez Camacho" in copied
    assert "Isabella" in copied and "(832) 555-0161" in copied
    assert copied == part.text.toPlainText()

    part.language.setCurrentIndex(part.language.findData("en"))
    assert "picked up" in part.text.toPlainText() or "pick up" in part.text.toPlainText()
    view.forget()
    assert QGuiApplication.clipboard().text() == ""
    assert view.rows == {}


def test_the_school_message_says_nothing_of_immigration(make_view: Maker, large: Plan) -> None:
    view = make_view()
    view.show_household(large, carlos())
    part = view.rows["message_school:school-lincoln"].findChild(MessagePart)
    assert part is not None and part.language.currentData() == "en"
    text = part.text.toPlainText()
    assert "Sebastián" in text
    for word in ("ICE", "immigration", "A-208", "detain"):
        assert word not in text


def test_papers_to_sign_are_asked_for_by_signal(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos())
    row = view.rows["pickup:child-isabella"]
    assert "Authorization Agreement for Nonparent Adult Caregiver" in shown_text(row)
    with qtbot.waitSignal(view.papers_requested) as asked:
        from ui.detained_parts import PapersPart

        part = row.findChild(PapersPart)
        assert part is not None
        part.print_button.click()
    [paper] = asked.args[0]
    assert paper.kind is PacketDocumentKind.CAREGIVER_AUTHORIZATION
    assert paper.subject_id == "child-isabella"


def test_the_case_summary_is_asked_for_with_what_was_recorded(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos(place="Outside the house"))
    with qtbot.waitSignal(view.case_summary_requested) as asked:
        view.summary.click()
    [detention] = asked.args
    assert detention.parent_id == "adult-carlos"
    arrest = arrest_of(detention)
    assert arrest.taken_at == TAKEN and arrest.place == "Outside the house"


def test_a_summary_about_a_parent_no_longer_in_the_plan_asks_again_who_was_taken(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos())
    large.adults = [adult for adult in large.adults if adult.id != "adult-carlos"]
    asked: list[object] = []
    view.case_summary_requested.connect(asked.append)
    view.summary.click()
    assert asked == []
    assert view.pages.currentWidget() is view.start


@pytest.mark.parametrize("language", ["en", "es"])
def test_case_summary_bytes_hold_the_a_number_and_the_childrens_caregivers(
    large: Plan, language: str
) -> None:
    pdf = case_summary_bytes(large, carlos(place="Outside the house"), language)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    flat = " ".join(text.split())
    assert "A-208-456-317" in flat
    assert "Rosa María Pérez Camacho" in flat
    assert "Outside the house" in flat
    for child in large.children:
        assert child.given_names.split()[0] in flat


def test_a_language_switch_retranslates_and_keeps_every_tick(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos())
    view.rows["locate"].tick.click()
    tick = view.rows["call_consulate"].tick
    tick.click()
    tick.setFocus()
    qtbot.waitUntil(tick.hasFocus)
    view.words.set_language("es")
    assert view.title.text() == "Detuvieron a un padre o una madre"
    assert view.rows["call_consulate"].tick.accessibleName() == "Llame al consulado"
    ticked = [sid for sid, row in view.rows.items() if row.tick.isChecked()]
    assert ticked == ["locate", "call_consulate"]
    assert view.rows["locate"].done.text() == "Hecho: 2:32 p. m."
    assert view.rows["call_consulate"].tick.hasFocus()  # the navigator's place is kept
    assert view.detention is not None and list(view.detention.steps) == ["locate", "call_consulate"]


def test_a_time_to_come_is_refused_and_nothing_typed_is_lost(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, None)
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    form = view.start
    form.when.setDateTime(form.when.dateTime().addDays(2))
    form.where.setText("Parking lot")
    qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    assert logged == []
    assert form.problem.isVisibleTo(view) and "later than now" in form.problem.text()
    assert form.where.text() == "Parking lot"
    form.unknown.setChecked(True)
    qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    assert logged[-1].taken_at is None and logged[-1].place == "Parking lot"


def test_changing_what_happened_keeps_the_ticks(
    make_view: Maker, qtbot: QtBot, large: Plan
) -> None:
    view = make_view()
    view.show_household(large, carlos(steps={"locate": NOW}))
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    view.edit.click()
    assert view.pages.currentWidget() is view.start
    assert view.start.where.text() == ""
    view.start.where.setText("At the bus stop")
    view.start.start.click()
    assert logged[-1].place == "At the bus stop"
    assert logged[-1].steps == {"locate": NOW}
    assert logged[-1].started_at == NOW
    assert view.rows["locate"].tick.isChecked()


def test_every_control_has_an_accessible_name(make_view: Maker, large: Plan) -> None:
    view = make_view("es")
    view.show_household(large, carlos())
    controls = [
        w
        for w in view.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(view)
        and not isinstance(w, QLabel)
        and w.metaObject().className() not in ("QScrollBar", "QWidget", "QScrollArea")
    ]
    assert len(controls) > 20
    unnamed = [w.metaObject().className() for w in controls if not w.accessibleName().strip()]
    assert unnamed == []


places = st.lists(typed_text, max_size=4).map(" ".join)
"""A place as typed: any script, `<`, `&`, emoji, right-to-left (under the field's limit)."""
long_notes = st.one_of(typed_text, typed_text.filter(str.strip).map(lambda t: (t * 5000)[:5000]))
"""What was seen: a few words, or a 5,000-character note."""


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(place=places, seen=long_notes)
@example(place="Calle 5\N{NO-BREAK SPACE}Norte", seen="0\N{NO-BREAK SPACE}0\N{LINE SEPARATOR}van")
def test_what_the_family_types_is_kept_as_typed(
    make_view: Maker, qtbot: QtBot, large: Plan, place: str, seen: str
) -> None:
    view = make_view()
    view.show_household(large, None)
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    view.start.where.setText(place)
    view.start.seen.setPlainText(seen)
    view.start.start.click()
    [started] = logged
    assert started.place == place.strip()
    assert started.what_was_seen == as_a_note(seen)
    case_text = shown_text(view.rows["case"])
    if started.place:
        assert started.place in shown_text(view)
    view.close()
    assert case_text


def test_the_view_never_saves_in_utc_without_a_zone(make_view: Maker, large: Plan) -> None:
    """Times carry their zone: a log read on another laptop still says when things happened."""
    view = make_view()
    view.now = lambda: datetime.now(UTC)
    view.show_household(large, carlos())
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    view.rows["money"].tick.click()
    assert logged[-1].steps["money"].tzinfo is not None


def test_a_log_about_a_parent_the_plan_no_longer_has_asks_again_who_was_taken(
    make_view: Maker, large: Plan
) -> None:
    """A plan imported or edited since the arrest: no crash, the ticks kept, the parent chosen
    again."""
    others = [adult for adult in large.adults if adult.id != "adult-carlos"]
    without = large.model_copy(update={"adults": others})
    view = make_view()
    view.show_household(without, carlos(steps={"locate": NOW}))
    assert view.pages.currentWidget() is view.start
    assert view.start.cancel.isHidden()  # nothing to go back to
    logged: list[Detention] = []
    view.log_changed.connect(logged.append)
    view.start.start.click()
    assert logged[-1].parent_id == others[0].id
    assert logged[-1].steps == {"locate": NOW}
    assert view.rows["locate"].tick.isChecked()
