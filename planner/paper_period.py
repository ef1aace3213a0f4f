"""The period a child's caregiver paper states: checked against the state's limits, and the day by
which a new paper must be signed.

Where the state's paper has no period of its own (the CA affidavit), the state's longest term,
counted from the day it is signed, gives the "renew by" date instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from planner.jurisdictions import Jurisdiction
from planner.model import PaperEnd, PaperPeriod, PaperStart


@dataclass(frozen=True)
class PeriodProblem:
    """One thing wrong with a chosen period: which part (`start_date`, `end_date`, `starts`) and
    the message key in the `messages` catalogue, with its parameters."""

    part: str
    key: str
    params: dict[str, str | int]
    warning: bool = False
    """A paper that can still be signed as it is (a start date that has passed): not an error."""


def start_day(period: PaperPeriod, signed_on: date) -> date | None:
    """The first day the paper is in effect; None when it starts on an event not yet known."""
    if period.starts is PaperStart.ON_EVENT:
        return None
    if period.starts is PaperStart.ON_DATE and period.start_date is not None:
        return period.start_date
    return signed_on


def end_day(rules: Jurisdiction, period: PaperPeriod, signed_on: date) -> date | None:
    """The last day the paper is in effect, where a date can be known: the chosen end date, or
    the longest the state allows counted from the start. None when the start is an event (or the
    state sets no limit)."""
    if not rules.has_period:
        return rules.renew_by(signed_on)
    if period.ends is PaperEnd.ON_DATE and period.end_date is not None:
        return period.end_date
    start = start_day(period, signed_on)
    return rules.longest_end(start) if start is not None else None


def days_in_effect(rules: Jurisdiction, period: PaperPeriod, signed_on: date) -> int | None:
    """How many days the paper is in effect: what decides whether a longer paper's extra
    requirements apply (NY §5-1552(2), over 30 days). When it starts on an event, the longest
    the law allows; None where the law sets no limit."""
    start, end = start_day(period, signed_on), end_day(rules, period, signed_on)
    if start is None or end is None:
        longest = rules.longest_end(signed_on)
        return (longest - signed_on).days + 1 if longest else None
    return (end - start).days + 1


def period_problems(
    rules: Jurisdiction, period: PaperPeriod, today: date
) -> Iterator[PeriodProblem]:
    """What is wrong with the chosen period under this state's law (nothing when the state's
    paper states no period: the choices are then not printed)."""
    if not rules.has_period:
        return
    if period.starts is PaperStart.ON_EVENT and not rules.term.starts_on_event:
        yield PeriodProblem("starts", "period.no_event_start", {})
    if period.starts is PaperStart.ON_DATE and period.start_date is None:
        yield PeriodProblem("start_date", "period.start_date_missing", {})
    if period.ends is PaperEnd.ON_DATE and period.end_date is None:
        yield PeriodProblem("end_date", "period.end_date_missing", {})
    start = start_day(period, today)
    end = period.end_date if period.ends is PaperEnd.ON_DATE else None
    if period.starts is PaperStart.ON_DATE and period.start_date and period.start_date < today:
        yield PeriodProblem("start_date", "period.start_in_past", {}, warning=True)
    if start is None or end is None:
        return
    if end <= start:
        yield PeriodProblem("end_date", "period.end_before_start", {})
        return
    longest = rules.longest_end(start)
    if longest is not None and end > longest:
        term = rules.term
        if term.max_days is not None:
            yield PeriodProblem("end_date", "period.too_long_days", {"days": term.max_days})
        else:
            yield PeriodProblem(
                "end_date", "period.too_long_months", {"months": term.max_months or 0}
            )
    shortest = rules.term.min_days
    if shortest is not None and (end - start).days < shortest:
        yield PeriodProblem("end_date", "period.too_short", {"days": shortest})
