"""Reminders from the caseload's summaries, and the calendar file a navigator may put in a work
calendar: it parses, holds exactly the reviews and renew-by days, keeps its UIDs from one export
to the next, and names nobody unless the navigator asked for names (then only the household's
display name)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from planner.caseload import PaperState, short_code
from planner.model import Plan
from planner.reminders import (
    PRODID,
    Reminder,
    ReminderKind,
    calendar,
    due,
    one_line,
    reminders,
)
from planner.vault import Vault
from planner.vault_records import HouseholdSummary, summary_bytes, summary_from
from tests.conftest import example_plan
from tests.planner.conftest import sentinel_plan
from tests.strategies import typed_text

TODAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 15, 30, tzinfo=UTC)
GARCIA = "5e6f3f9a2c01"
NGUYEN = "b7e1d4c5a690"
BROKEN = "0099aa88bb77"
CODE = short_code(GARCIA)
EVENT_FIELDS = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "TRANSP"}
"""All an event carries: no DESCRIPTION, LOCATION, ATTENDEE or anything else of the plan."""


def household(
    household_id: str,
    *,
    name: str = "Familia García",
    review: date | None = None,
    papers: tuple[PaperState, ...] = (),
) -> HouseholdSummary:
    return HouseholdSummary(
        household_id, 1, display_name=name, children=("Lupita", "Mateo"), next_review=review,
        papers=papers, search="garcia lupita mateo 2135550143 208456317",
    )  # fmt: skip


def caseload() -> list[HouseholdSummary]:
    """Two households: one with a late review and two signed papers (one due soon), one whose
    review is far off and whose child's paper is not signed yet; and one damaged."""
    garcia = household(
        GARCIA,
        review=TODAY - timedelta(days=3),
        papers=(
            PaperState(date(2025, 4, 1), TODAY + timedelta(days=5)),
            PaperState(date(2025, 9, 1), TODAY + timedelta(days=200)),
        ),
    )
    nguyen = household(
        NGUYEN,
        name="Nguyễn Thị Hồng",
        review=TODAY + timedelta(days=30),
        papers=(PaperState(None, None), PaperState(date(2026, 1, 2), None)),
    )
    return [nguyen, garcia, HouseholdSummary(BROKEN, 3, damaged=True)]


def events(ics: bytes) -> list[icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(ics)
    assert str(parsed["PRODID"]) == PRODID
    return parsed.events


def test_every_review_and_signed_paper_is_a_reminder_by_day() -> None:
    assert reminders(caseload()) == [
        Reminder(GARCIA, ReminderKind.REVIEW, date(2026, 3, 7)),
        Reminder(GARCIA, ReminderKind.PAPER, date(2026, 3, 15), 0),
        Reminder(NGUYEN, ReminderKind.REVIEW, date(2026, 4, 9)),
        Reminder(GARCIA, ReminderKind.PAPER, date(2026, 9, 26), 1),
    ]  # not the unsigned paper, nor the one with no end, nor the damaged household


def test_due_this_week_includes_what_is_late_and_stops_at_the_last_day() -> None:
    week = due(caseload(), TODAY)
    assert [(r.household_id, r.kind, r.day) for r in week] == [
        (GARCIA, ReminderKind.REVIEW, date(2026, 3, 7)),
        (GARCIA, ReminderKind.PAPER, date(2026, 3, 15)),
    ]
    assert len(due(caseload(), TODAY, days=30)) == 3, "the 30th day counts"
    assert len(due(caseload(), TODAY, days=29)) == 2
    assert due([], TODAY) == []


def test_the_calendar_has_exactly_the_reminders_as_all_day_events_with_codes_only() -> None:
    found = events(calendar(caseload(), now=NOW))
    code = CODE
    assert [(str(e["SUMMARY"]), e.start, e.end) for e in found] == [
        (f"{code}: plan review due", date(2026, 3, 7), date(2026, 3, 8)),
        (f"{code}: caregiver paper, child 1: sign a new one", date(2026, 3, 15), date(2026, 3, 16)),
        (f"{short_code(NGUYEN)}: plan review due", date(2026, 4, 9), date(2026, 4, 10)),
        (f"{code}: caregiver paper, child 2: sign a new one", date(2026, 9, 26), date(2026, 9, 27)),
    ]
    for event in found:
        assert set(event) == EVENT_FIELDS
        assert event.decoded("DTSTAMP") == NOW
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -timedelta(hours=15), "9 in the morning the day before"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_uids_stay_the_same_across_exports_and_differ_between_events() -> None:
    first = events(calendar(caseload(), now=NOW))
    moved = [
        HouseholdSummary(s.household_id, s.revision + 1, display_name=s.display_name,
                         next_review=s.next_review and s.next_review + timedelta(days=90),
                         papers=s.papers, damaged=s.damaged)
        for s in caseload()
    ]  # fmt: skip
    later = events(calendar(moved, now=NOW + timedelta(days=1)))
    uids = [str(e["UID"]) for e in first]
    assert len(set(uids)) == len(uids)
    assert sorted(str(e["UID"]) for e in later) == sorted(uids), "moved, not added"
    assert f"review-{GARCIA}@family-planner" in uids
    assert f"paper-2-{GARCIA}@family-planner" in uids


def test_a_real_plan_leaves_no_name_child_phone_or_a_number_in_the_calendar() -> None:
    plan, markers = sentinel_plan()
    summary = summary_from(GARCIA, 1, summary_bytes(signed(plan), NOW))
    assert summary.papers and summary.next_review, "the plan yields both kinds of reminder"
    digits = [word for word in summary.search.split() if word.isdigit()]
    assert len(digits) >= 3, "the plan has phones and an A-number to leak"

    coded = calendar([summary], now=NOW).decode()
    assert len(events(coded.encode())) == 2
    for secret in [*markers, *digits, *(child.given_names for child in plan.children)]:
        assert secret not in coded

    named = calendar([summary], names=True, now=NOW).decode()
    assert plan.household.display_name in named
    for secret in [*markers[1:], *digits, *(child.given_names for child in plan.children)]:
        assert secret not in named, "names=True adds the display name and nothing else"


def signed(plan: Plan, on: date = date(2026, 1, 5)) -> Plan:
    """The plan with every child's caregiver paper signed `on` that day."""
    children = [
        child.model_copy(update={"care": child.care.model_copy(update={"paper_signed_on": on})})
        for child in plan.children
    ]
    return plan.model_copy(update={"children": children})


def test_spanish_words_when_the_navigator_reads_spanish() -> None:
    titles = [str(e["SUMMARY"]) for e in events(calendar(caseload(), language="es", now=NOW))]
    assert titles[0] == f"{CODE}: toca revisar el plan"
    assert titles[1] == f"{CODE}: documento de cuidador, niño o niña 1: firmar uno nuevo"


def test_an_empty_caseload_is_still_a_calendar() -> None:
    assert events(calendar([], now=NOW)) == []
    assert events(calendar([HouseholdSummary(BROKEN, 1, damaged=True)], names=True)) == []


typed_names = st.lists(
    st.one_of(
        typed_text,
        st.sampled_from(
            ["\n", "\r\n", ",", ";", ":", "\\", "<b>&amp;", "😀👨‍👩‍👧", "שלום", "\u2028"]
        ),
    ),
    max_size=6,
).map("".join)
"""Display names as typed or pasted: markup, emoji, right-to-left words, line breaks and the
commas, semicolons and backslashes iCalendar must escape."""


@given(name=typed_names)
def test_any_display_name_reads_back_as_one_line_only_when_chosen(name: str) -> None:
    summary = household(GARCIA, name=name, review=TODAY)
    (coded,) = events(calendar([summary], now=NOW))
    assert str(coded["SUMMARY"]) == f"{CODE}: plan review due"
    (named,) = events(calendar([summary], names=True, now=NOW))
    shown = one_line(name) or CODE
    assert str(named["SUMMARY"]) == f"{shown}: plan review due"
    assert "\n" not in shown and "\r" not in shown
    assert set(named) == EVENT_FIELDS


def paper_uids(vault: Vault, household_id: str) -> dict[int, str]:
    """Each signed paper's UID in the household's calendar, by the child's title number."""
    (summary,) = [s for s in vault.list_households() if s.household_id == household_id]
    return {r.child + 1: r.uid for r in reminders([summary]) if r.child is not None}


def test_a_childs_paper_keeps_its_uid_when_an_earlier_child_is_removed(vault: Vault) -> None:
    """Re-exported after the first child left the plan, the second child's event moves (it is
    now "child 1") instead of taking the first child's event or becoming a second copy."""
    plan = signed(example_plan("mixed-names-ny.json"))
    assert len(plan.children) >= 3
    household_id = vault.save(plan).household_id
    before = paper_uids(vault, household_id)
    assert len(set(before.values())) == len(plan.children)

    vault.save(plan.model_copy(update={"children": plan.children[1:]}), household_id)
    after = paper_uids(vault, household_id)
    assert after == {number - 1: before[number] for number in before if number > 1}
    assert before[1] not in after.values(), "the removed child's event is not reused"
    ics = calendar(vault.list_households(), names=True, now=NOW).decode()
    for child in plan.children:
        assert child.id not in ics, "a hand-written id may hold the child's name"


def test_a_summary_saved_before_child_ids_were_kept_still_gives_reminders() -> None:
    """An earlier summary has no children's ids: its papers are told apart by position."""
    old = {
        "display_name": "Familia Ramírez Ortega",
        "children": ["Sofía Valentina", "Mateo"],
        "missing_items": 0,
        "next_review": "2027-04-04",
        "updated_at": "2026-10-04T15:02:00+00:00",
        "state": "CA",
        "papers": [["2026-03-01", "2027-02-28"], ["2026-03-01", "2027-02-28"]],
        "no_alternate": False,
        "search": "familia ramirez ortega sofia valentina mateo",
    }
    summary = summary_from(GARCIA, 4, json.dumps(old).encode())
    assert summary.child_ids == ()
    assert [r.uid for r in reminders([summary])] == [
        f"paper-1-{GARCIA}@family-planner",
        f"paper-2-{GARCIA}@family-planner",
        f"review-{GARCIA}@family-planner",
    ]
    assert len(events(calendar([summary], now=NOW))) == 3


def test_ids_that_do_not_match_the_papers_fall_back_to_positions() -> None:
    """A summary whose ids and papers disagree (only damage could) still reminds of both."""
    summary = household(GARCIA, papers=(PaperState(TODAY, TODAY), PaperState(TODAY, TODAY)))
    lopsided = dataclasses.replace(summary, child_ids=("child-1",))
    assert [r.uid for r in reminders([lopsided])] == [
        f"paper-1-{GARCIA}@family-planner",
        f"paper-2-{GARCIA}@family-planner",
    ]
