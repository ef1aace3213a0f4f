"""A navigator's caseload: what the household list shows, searches, filters and sorts by.

Everything here reads a household's summary (`vault_records.HouseholdSummary`), which is sealed
apart from the plan: listing 10,000 households decrypts 10,000 small summaries, never a plan.
What the summary keeps is worked out from the plan when it is saved: the state, each child's
caregiver paper (signed when, renew by), whether every child has an alternate caregiver, and one
search text — names folded to plain letters, phone digits and A-numbers — so a search never
needs the plan either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

import phonenumbers

from planner.formats import parse_phone
from planner.model import Plan

if TYPE_CHECKING:
    from planner.vault_records import HouseholdSummary


class PaperState(NamedTuple):
    """One child's caregiver paper: when it was signed, and by when a new one is needed (None
    where the state sets no limit, or the paper starts on an event). A named tuple: listing
    makes tens of thousands of them at each unlock."""

    signed_on: date | None = None
    renew_by: date | None = None


class PapersStatus(StrEnum):
    """A household's caregiver papers in one word, the most urgent first."""

    EXPIRED = "expired"
    NOT_SIGNED = "not_signed"
    RENEW_BY = "renew_by"
    SIGNED = "signed"
    NONE_NEEDED = "none_needed"


_STROKED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ı": "i", "ħ": "h", "æ": "ae", "œ": "oe"})
"""Letters Unicode does not split into a base and a mark, which people type without it."""


def fold(text: str) -> str:
    """Text as search compares it: case and accents dropped ("Nguyễn" finds "nguyen", "Đức"
    "duc"), digits of any script as 0-9, each run of other characters one space. The marks
    that are letters' own vowels (Devanagari's, Thai's) stay, so those names keep their words."""
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_STROKED)
    plain = unicodedata.normalize("NFKD", folded)
    kept = []
    for c in plain:
        if unicodedata.combining(c):
            continue  # an accent, a tone mark, Arabic and Hebrew vowel points
        if c.isdecimal():
            kept.append(str(unicodedata.decimal(c)))
        elif c.isalnum() or unicodedata.category(c).startswith("M"):
            kept.append(c)
        else:
            kept.append(" ")
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) for c in text if c.isdecimal())


_DIALLED = (phonenumbers.PhoneNumberFormat.E164, phonenumbers.PhoneNumberFormat.NATIONAL)


def _phone_digits(number: str) -> list[str]:
    """A phone as it may be typed: with its country code, and as dialled at home (the US
    number without the 1; elsewhere with the trunk 0 where the country uses one)."""
    parsed = parse_phone(number)
    if parsed is None:
        return [_digits(number)]
    parsed.extension = None  # a fresh object: "ext. 12" is not part of the number typed
    return [_digits(phonenumbers.format_number(parsed, style)) for style in _DIALLED]


def _name_forms(name: str) -> list[str]:
    """A name folded, and once more with its words run together, so "Jean-Baptiste",
    "Jean Baptiste" and "JeanBaptiste" all find each other."""
    folded = fold(name)
    joined = folded.replace(" ", "")
    return [folded, joined] if joined != folded else [folded]


def search_text(plan: Plan) -> str:
    """What a navigator may type to find this household: the plan's name, the names of its adults
    and children (other names included), every phone of the household and its adults, and the
    A-numbers. Contacts are left out on purpose: a neighbour or a grandmother named in many plans
    would bring up all of them, and a navigator looks a family up by the family."""
    names = [plan.household.display_name]
    phones = [plan.household.home_phone]
    a_numbers = []
    for adult in plan.adults:
        names += [adult.full_name, *adult.other_names.split(";")]
        phones += [phone.number for phone in adult.phones]
        if adult.case is not None:
            a_numbers.append(_digits(adult.case.a_number))
    names += [child.full_name for child in plan.children]
    words = [form for name in names if name.strip() for form in _name_forms(name)]
    numbers = [d for phone in phones if phone.strip() for d in _phone_digits(phone)]
    return " ".join(dict.fromkeys(w for w in [*words, *numbers, *a_numbers] if w))


def paper_states(plan: Plan) -> tuple[PaperState, ...]:
    """Each child's caregiver paper, in the children's order."""
    from planner.jurisdictions import load_jurisdiction
    from planner.paper_period import end_day

    rules = load_jurisdiction(plan.household.state)
    states = []
    for child in plan.children:
        signed = child.care.paper_signed_on
        renew = end_day(rules, child.care.paper_period, signed) if signed else None
        states.append(PaperState(signed, renew))
    return tuple(states)


def lacks_alternate(plan: Plan) -> bool:
    """Some child has no alternate caregiver (or the same person twice): nobody takes over if
    the caregiver cannot."""
    return any(
        child.care.alternate_caregiver_id in (None, child.care.primary_caregiver_id)
        for child in plan.children
    )


def papers_status(papers: Iterable[PaperState], today: date) -> tuple[PapersStatus, date | None]:
    """The most urgent state of a household's papers, with its date (the earliest renew-by, or
    the day the first one ran out): an expired paper before one not signed yet, and that before
    one to renew."""
    papers = list(papers)
    if not papers:
        return PapersStatus.NONE_NEEDED, None
    ends = sorted(p.renew_by for p in papers if p.signed_on and p.renew_by)
    if ends and ends[0] < today:
        return PapersStatus.EXPIRED, ends[0]
    if any(p.signed_on is None for p in papers):
        return PapersStatus.NOT_SIGNED, None
    if ends:
        return PapersStatus.RENEW_BY, ends[0]
    return PapersStatus.SIGNED, None


_DASHES = "\u2010-\u2015\u2212"
_DIGIT_GAPS = re.compile(rf"(?<=\d)[\s\-().+/{_DASHES}]+(?=\d)")
_A_PREFIX = re.compile(rf"(?i)\ba[\s\-#{_DASHES}]*(?=\d)")
_ABROAD_PREFIX = re.compile(r"\b(?:011|00)(?=\d{8,})")
"""How a number abroad is dialled from the US (011) or from most other countries (00)."""


def query_terms(query: str) -> list[str]:
    """A search box's words as search compares them. Digits typed in groups ("(713) 555-0126",
    "A-208-456-317") are one number, an A-number's "A" goes (from the first digit typed on, so
    the family stays in the list while it is typed), and so does the prefix for dialling abroad."""
    joined = _A_PREFIX.sub("", _DIGIT_GAPS.sub("", query))
    return [_ABROAD_PREFIX.sub("", term) for term in fold(joined).split()]


def matches(summary: HouseholdSummary, terms: list[str]) -> bool:
    """Every word of the search is somewhere in the household's search text."""
    return all(term in summary.search for term in terms)


@dataclass(frozen=True)
class Filter:
    """One of the caseload's filters: its id (the interface names it) and its test."""

    id: str
    keeps: Callable[[HouseholdSummary, date], bool]


def _review_due(summary: HouseholdSummary, today: date) -> bool:
    due = summary.next_review
    return due is not None and due <= today + timedelta(days=30)


def _paper_expires(summary: HouseholdSummary, today: date) -> bool:
    limit = today + timedelta(days=60)
    return any(p.signed_on and p.renew_by and p.renew_by <= limit for p in summary.papers)


def _no_alternate(summary: HouseholdSummary, today: date) -> bool:
    return summary.no_alternate


FILTERS = (
    Filter("review_due_30_days", _review_due),
    Filter("paper_expires_60_days", _paper_expires),
    Filter("no_alternate", _no_alternate),
)
"""Review due within 30 days, or overdue; a signed paper that runs out within 60 days, or has
run out; a child without an alternate caregiver. Besides these, the list filters by state
(`in_state`)."""


def in_state(state: str) -> Filter:
    code = state.strip().upper()
    return Filter(f"state_{code}", lambda summary, today: summary.state == code)


def is_overdue(summary: HouseholdSummary, today: date) -> bool:
    return summary.next_review is not None and summary.next_review < today


def short_code(household_id: str) -> str:
    """A household's short code ("FP-3C4D-5E6F"), for a calendar that must not name the family:
    from its random id, so it says nothing of the family and stays the same. Eight characters,
    so two of 10,000 households rarely share one."""
    code = household_id.replace("-", "")[-8:].upper().rjust(8, "0")  # ids are [a-z0-9-]
    return f"FP-{code[:4]}-{code[4:]}"


def with_code(search: str, household_id: str) -> str:
    """A summary's search text with its short code added, so a navigator who reads the code in
    a calendar finds the household by it, typed with or without its hyphens."""
    code = short_code(household_id).lower()  # ASCII already: folding is only its hyphens
    return f"{search} {code.replace('-', ' ')} {code.replace('-', '')}".strip()


def select(
    summaries: Iterable[HouseholdSummary],
    query: str = "",
    filters: Iterable[Filter] = (),
    today: date | None = None,
) -> list[HouseholdSummary]:
    """The households a search and filters keep, in the order given. A damaged household shows
    only in the whole list: nothing of it can be searched."""
    terms, chosen, day = query_terms(query), list(filters), today or date.today()
    if not terms and not chosen:
        return list(summaries)
    return [
        s
        for s in summaries
        if not s.damaged and matches(s, terms) and all(f.keeps(s, day) for f in chosen)
    ]


SortValue = tuple[object, ...]
_RANK = {status: rank for rank, status in enumerate(PapersStatus)}


def _by_papers(summary: HouseholdSummary, today: date) -> SortValue:
    status, day = papers_status(summary.papers, today)
    return (_RANK[status], day or date.max)


SORT_KEYS: dict[str, Callable[[HouseholdSummary, date], SortValue | None]] = {
    "family": lambda s, today: (s.sort_name,),
    "children": lambda s, today: (len(s.children), s.sort_children),
    "state": lambda s, today: (s.state,) if s.state else None,
    "papers": _by_papers,
    "missing_items": lambda s, today: (s.missing_items,),
    "next_review": lambda s, today: (s.next_review,) if s.next_review else None,
    "last_saved": lambda s, today: (s.updated_at,) if s.updated_at else None,
}
"""Each column's sort key, ascending: the family's name as search folds it; how many children,
then their names; the state; the papers most urgent first (expired, not signed, renew by the
earliest date, signed, none needed); missing items; next review, earliest first; last saved.
None is a value the household does not have (no review date): `sort_by` puts it last."""


def sort_by(
    summaries: Iterable[HouseholdSummary],
    column: str,
    today: date | None = None,
    descending: bool = False,
) -> list[HouseholdSummary]:
    """The households ordered by a column, households with equal values by name. Damaged ones,
    and those without a value (no review date), come last in either direction, where a navigator
    looking for the most urgent does not trip over them."""
    key, day = SORT_KEYS[column], today or date.today()
    valued: list[tuple[SortValue, HouseholdSummary]] = []
    unvalued: list[HouseholdSummary] = []
    for summary in sorted(summaries, key=lambda s: (s.damaged, s.sort_name)):
        value = None if summary.damaged else key(summary, day)
        if value is None:
            unvalued.append(summary)
        else:
            valued.append((value, summary))
    valued.sort(key=lambda pair: pair[0], reverse=descending)
    return [summary for _, summary in valued] + unvalued
