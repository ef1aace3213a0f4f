"""What a navigator must do soon across the caseload, and the same as a calendar file.

A reminder is a household's next plan review, or a child's caregiver paper reaching the day a
new one must be signed. Everything here reads the households' summaries only (no plan is
decrypted), so the list at unlock costs what the household list costs.

The calendar (`.ics`) is made to sit in a work calendar that others may see or that syncs to a
server: by default an event names a household only by its short code ("FP-3C4D-5E6F") and says
what is due, never a name, a child, a phone or a number. The navigator may choose to put the
household's display name instead; nothing else of the plan is ever written. Each event's UID
comes from the household's random id, what is due and which child (a digest of the child's plan
id, not the id itself, which a hand-written plan may make from the child's name), so importing
the file again moves the same events instead of adding copies, even after a child is removed.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from planner.caseload import short_code
from planner.direction import OVERRIDES
from planner.i18n import translate
from planner.vault_records import HouseholdSummary

if TYPE_CHECKING:
    from icalendar import Event

DOMAIN: Final = "reminders"
PRODID: Final = "-//Family Preparedness Planner//Reminders//EN"
UID_DOMAIN: Final = "family-planner"
ALARM_BEFORE: Final = timedelta(hours=15)
"""An all-day event starts at midnight: 15 hours before is 9 in the morning the day before."""


class ReminderKind(StrEnum):
    REVIEW = "review"
    PAPER = "paper"


@dataclass(frozen=True)
class Reminder:
    """One thing due for one household on one day. `child` is the index (from 0, in the
    household's order) of the child whose caregiver paper it is, for its title; None for a
    review. `child_id` is that child's plan id ("" when the summary has none)."""

    household_id: str
    kind: ReminderKind
    day: date
    child: int | None = None
    child_id: str = ""

    @property
    def uid(self) -> str:
        """The same for the same household, kind and child in every export, whatever the day,
        so a calendar updates the event rather than adding a second one.

        A paper's UID names its child by a digest of the child's id, so removing one child
        leaves the others' events where they are. A summary saved before the children's ids were
        kept has only their positions (`paper-2-...`); once the household is saved again, its
        papers' UIDs change this once to the id form."""
        if self.child is None:
            child = ""
        elif self.child_id:
            child = f"-{child_tag(self.household_id, self.child_id)}"
        else:
            child = f"-{self.child + 1}"
        return f"{self.kind}{child}-{self.household_id}@{UID_DOMAIN}"


def child_tag(household_id: str, child_id: str) -> str:
    """A child in a UID: 16 hex digits from the household's and the child's ids, the same in
    every export, never the id itself (a plan written by hand may have "child-isabella")."""
    seed = f"{household_id}\n{child_id}".encode()
    return hashlib.sha256(seed, usedforsecurity=False).hexdigest()[:16]


def _order(reminder: Reminder) -> tuple[date, str, str, int]:
    child = -1 if reminder.child is None else reminder.child
    return reminder.day, reminder.household_id, reminder.kind, child


def reminders(summaries: Iterable[HouseholdSummary]) -> list[Reminder]:
    """Every household's next review and every signed paper's renew-by day, by day. A damaged
    household has nothing readable to remind of; the household list shows it as damaged."""
    found: list[Reminder] = []
    for summary in summaries:
        if summary.damaged:
            continue
        if summary.next_review is not None:
            found.append(Reminder(summary.household_id, ReminderKind.REVIEW, summary.next_review))
        found.extend(_papers(summary))
    return sorted(found, key=_order)


def _papers(summary: HouseholdSummary) -> Iterable[Reminder]:
    """Each signed paper's renew-by day, with its child's position and (if kept) id."""
    ids = summary.child_ids
    if len(ids) != len(summary.papers):  # an earlier summary: positions only
        ids = ("",) * len(summary.papers)
    for child, (paper, child_id) in enumerate(zip(summary.papers, ids, strict=True)):
        if paper.signed_on is not None and paper.renew_by is not None:
            kind = ReminderKind.PAPER
            yield Reminder(summary.household_id, kind, paper.renew_by, child, child_id)


def due(summaries: Iterable[HouseholdSummary], today: date, days: int = 7) -> list[Reminder]:
    """What is due within `days` days of `today`, overdue ones included: the list at unlock."""
    last = today + timedelta(days=days)
    return [reminder for reminder in reminders(summaries) if reminder.day <= last]


def what_is_due(reminder: Reminder, language: str = "en") -> str:
    """'plan review due', 'caregiver paper, child 2: sign a new one', in `language`."""
    if reminder.kind is ReminderKind.REVIEW:
        return translate("event.review", language, domain=DOMAIN)
    child = (reminder.child or 0) + 1
    return translate("event.paper", language, {"child": child}, domain=DOMAIN)


def one_line(text: str) -> str:
    """A name as one line of plain text: line breaks and other control characters become
    spaces and direction overrides go (a calendar title is one line, and a control character
    would make the file unreadable to some calendars)."""
    kept = (
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
        if char not in OVERRIDES
    )
    return " ".join("".join(kept).split())


def title(reminder: Reminder, who: str, language: str = "en") -> str:
    """'FP-3C4D-5E6F: plan review due': who (a short code or a name) and what is due."""
    what = what_is_due(reminder, language)
    return translate("event.title", language, {"household": who, "what": what}, domain=DOMAIN)


def household_label(summary: HouseholdSummary, names: bool) -> str:
    """The household's display name if the navigator chose names (its code if it has none)."""
    name = one_line(summary.display_name) if names else ""
    return name or short_code(summary.household_id)


def _event(reminder: Reminder, summary: str, stamp: datetime) -> Event:
    from icalendar import Alarm, Event  # only when a calendar is written: it costs 40 ms

    event = Event()
    event.add("uid", reminder.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", reminder.day)
    event.add("dtend", reminder.day + timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def calendar(
    summaries: Iterable[HouseholdSummary],
    *,
    names: bool = False,
    language: str = "en",
    now: datetime | None = None,
) -> bytes:
    """Every reminder as an all-day event of an iCalendar file, with an alarm the day before.

    An event's title is the household's short code and what is due; with `names`, the
    household's display name instead of its code. Nothing else of the plan goes in."""
    households = [summary for summary in summaries if not summary.damaged]
    shown = {s.household_id: household_label(s, names) for s in households}
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    from icalendar import Calendar

    document = Calendar()
    document.add("prodid", PRODID)
    document.add("version", "2.0")
    for reminder in reminders(households):
        summary = title(reminder, shown[reminder.household_id], language)
        document.add_component(_event(reminder, summary, stamp))
    ical: bytes = document.to_ical()
    return ical
