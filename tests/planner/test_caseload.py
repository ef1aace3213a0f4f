"""The caseload's search, filters and sorting, as a navigator with many households meets them:
a family is found however its names, phones and A-numbers are typed, and never by another's."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planner.caseload import (
    FILTERS,
    SORT_KEYS,
    PapersStatus,
    PaperState,
    fold,
    in_state,
    is_overdue,
    papers_status,
    query_terms,
    select,
    short_code,
    sort_by,
)
from planner.model import Plan
from planner.vault_records import HouseholdSummary, summary_bytes, summary_from
from tests.conftest import example_plan
from tests.strategies import VALID_NUMBERS, typed_a_number, typed_phone

TODAY = date(2026, 12, 6)

NAMES = {  # invented names in the scripts families write them in
    "latin": ["María José", "Guadalupe Itzel", "Xicará", "Pérez de Morales", "Zoë", "Łukasz"],
    "vietnamese": ["Nguyễn Thị Hồng", "Đặng Văn Đức", "Trần Minh Anh"],
    "haitian": ["Jean-Baptiste", "Wesner Jean-Robert", "Pierre-Louis"],
    "arabic": ["محمد علي", "فاطمة الزهراء", "يوسف"],
    "hebrew": ["שלום כהן"],
    "chinese": ["王小明", "李娜"],
    "devanagari": ["अनीता शर्मा", "राहुल"],
    "cyrillic": ["Ольга Иванова", "Дмитрий Йовович"],
    "apostrophe": ["O'Brien", "D’Angelo"],
}
ALL_NAMES = [name for names in NAMES.values() for name in names]


def plain(text: str) -> str:
    """The name as typed on a keyboard without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


TYPINGS = [str.upper, str.lower, str.title, plain, lambda t: plain(t).upper(),
           lambda t: t.replace("-", " "), lambda t: t.replace(" ", "-")]  # fmt: skip


def household(
    name: str = "Familia Invented",
    adults: tuple[str, ...] = ("Guadalupe",),
    children: tuple[str, ...] = ("Sofía",),
    phones: tuple[str, ...] = (),
    a_number: str = "",
    contact: str = "",
) -> Plan:
    """An invented household from the small example, its names, phones and A-number as typed
    (validated as the window validates them: phones and A-numbers kept canonically)."""
    data: dict[str, Any] = example_plan("small-ca.json").model_dump(mode="json")
    data["household"].update(display_name=name, home_phone="")
    first = data["adults"][0]
    first.update(phones=[{"number": p} for p in phones], other_names="")
    first["case"]["a_number"] = a_number
    data["adults"] = [dict(first, given_names=given, family_names="") for given in adults[:1]]
    data["adults"] += [
        dict(first, id=f"adult-{i}", given_names=given, family_names="", phones=[], case=None)
        for i, given in enumerate(adults[1:])
    ]
    child = data["children"][0]
    data["children"] = [
        dict(child, id=f"child-{i}", given_names=given, family_names="")
        for i, given in enumerate(children)
    ]
    if contact:
        data["emergency_contacts"][0].update(given_names=contact, family_names="")
    return Plan.model_validate(data)


def summary_of(plan: Plan, household_id: str = "3c4d5e6f7a8b", **changes: Any) -> HouseholdSummary:
    """The household's line in the list, made as the vault makes it from a saved plan."""
    made = summary_from(household_id, 1, summary_bytes(plan, datetime(2026, 12, 1, tzinfo=UTC)))
    return dataclasses.replace(made, **changes)


def found(plan: Plan, query: str) -> bool:
    return bool(select([summary_of(plan)], query, today=TODAY))


# --- search -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    adults=st.lists(st.sampled_from(ALL_NAMES), min_size=1, max_size=2),
    children=st.lists(st.sampled_from(ALL_NAMES), max_size=3),
    data=st.data(),
)
def test_a_household_is_found_by_each_of_its_names_however_typed(
    adults: list[str], children: list[str], data: st.DataObject
) -> None:
    plan = household(adults=tuple(adults), children=tuple(children))
    for name in [*adults, *children]:
        typing = data.draw(st.sampled_from(TYPINGS))
        assert found(plan, typing(name)), typing(name)
        word = data.draw(st.sampled_from(name.split()))
        assert found(plan, word[: data.draw(st.integers(1, len(word)))])  # typed so far


@pytest.mark.parametrize("name", ALL_NAMES)
def test_a_name_in_any_script_finds_only_its_household(name: str) -> None:
    ours = household(adults=(name,), children=())
    others = [household(adults=(other,), children=()) for other in ALL_NAMES if other != name]
    assert found(ours, name)
    assert not any(found(other, name) for other in others if name not in other.adults[0].full_name)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("Nguyễn Thị Hồng", "nguyen thi hong"), ("Đặng Văn Đức", "Dang Van Duc"),
     ("Xicará", "XICARA"), ("Jean-Baptiste", "jean baptiste"), ("Jean Baptiste", "Jean-Baptiste"),
     ("Jean-Baptiste", "JeanBaptiste"), ("O'Brien", "obrien"), ("Łukasz", "lukasz"),
     ("Дмитрий Йовович", "дмитрий"), ("王小明", "小明"), ("अनीता शर्मा", "अनीता"),
     ("محمد علي", "علي"), ("Straße", "STRASSE"), ("Zoë", "zoe")],
)  # fmt: skip
def test_accents_case_and_joining_marks_do_not_hide_a_name(stored: str, typed: str) -> None:
    assert found(household(adults=(stored,)), typed)


@settings(max_examples=60, deadline=None)
@given(stored=typed_phone(), typed=st.data())
def test_a_household_is_found_by_a_phone_typed_in_any_format(
    stored: tuple[str, str], typed: st.DataObject
) -> None:
    plan = household(phones=(stored[0],))
    again = typed.draw(typed_phone().filter(lambda t: t[1] == stored[1]))
    assert found(plan, again[0])
    national = again[1][2:] if again[1].startswith("+1") else again[1][1:]
    assert found(plan, national[-7:])  # the last digits only


@pytest.mark.parametrize(
    "typed",
    ["(713) 555-0126", "713-555-0126", "713.555.0126", "+1 713 555 0126", "1 (713) 555 0126",
     "7135550126", "+17135550126", "555-0126", "713 555"],
)  # fmt: skip
def test_a_us_phone_written_every_way(typed: str) -> None:
    assert found(household(phones=("(713) 555-0126",)), typed)


def test_a_phone_abroad_as_dialled_from_the_us_or_at_home() -> None:
    plan = household(phones=("+502 5555 1234",))
    for typed in ("011 502 5555 1234", "00502 5555-1234", "+502 5555 1234", "5555 1234"):
        assert found(plan, typed), typed


@settings(max_examples=60, deadline=None)
@given(stored=typed_a_number(), typed=st.data())
def test_a_household_is_found_by_its_a_number_in_any_format(
    stored: tuple[str, str], typed: st.DataObject
) -> None:
    plan = household(a_number=stored[0])
    digits = stored[1]
    written = typed.draw(
        st.sampled_from([
            f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"A{digits}", digits, f"a {digits}",
            f"A#{digits}", f"{digits[:3]} {digits[3:6]} {digits[6:]}", digits.lstrip("0"),
            f"A{digits.lstrip('0')}",
        ])
    )  # fmt: skip
    assert found(plan, written), written


def test_an_a_number_stays_found_while_it_is_typed() -> None:
    plan = household(a_number="A-208-456-317")
    typed = "A-208-456-317"
    for end in range(2, len(typed) + 1):
        assert found(plan, typed[:end]), typed[:end]
    assert query_terms("A208456317") == query_terms("A-208-456-317") == ["208456317"]


@settings(max_examples=60, deadline=None)
@given(
    ours=st.tuples(st.sampled_from(VALID_NUMBERS), typed_a_number()),
    theirs=st.tuples(st.sampled_from(VALID_NUMBERS), typed_a_number()),
    names=st.lists(st.sampled_from(ALL_NAMES), min_size=2, max_size=2, unique=True),
)
def test_another_households_name_phone_or_a_number_does_not_find_this_one(
    ours: tuple[str, tuple[str, str]], theirs: tuple[str, tuple[str, str]], names: list[str]
) -> None:
    assume(ours[0] != theirs[0] and ours[1][1] != theirs[1][1])
    assume(fold(names[1]) not in fold(names[0]))
    plan = household(adults=(names[0],), children=(), phones=(ours[0],), a_number=ours[1][0])
    assert found(plan, names[0]) and found(plan, ours[0]) and found(plan, ours[1][0])
    assert not found(plan, names[1])
    assert not found(plan, theirs[0])
    assert not found(plan, theirs[1][1])


def test_contacts_are_not_searched() -> None:
    """A neighbour in many plans would bring up every one of them."""
    plan = household(contact="Marisolina")
    assert not found(plan, "Marisolina")


def test_every_word_must_match() -> None:
    plan = household(adults=("Ana Lucía",), children=("Mateo",))
    assert found(plan, "lucia mateo")
    assert not found(plan, "lucia zapata")


def test_a_household_is_found_by_its_short_code() -> None:
    summary = summary_of(household(), "3c4d5e6f7a8b")
    assert short_code("3c4d5e6f7a8b") == "FP-5E6F-7A8B"
    for typed in ("FP-5E6F-7A8B", "fp5e6f7a8b", "5E6F-7A8B"):
        assert select([summary], typed, today=TODAY) == [summary]


def test_the_short_code_says_nothing_of_the_family_and_stays_the_same() -> None:
    assert short_code("3c4d5e6f7a8b") == short_code("3c4d5e6f7a8b")
    assert short_code("3c4d5e6f7a8b") != short_code("3c4d5e6f7a8c")
    assert short_code("x1") == "FP-0000-00X1"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_folding_twice_changes_nothing_and_never_fails(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert all(term == fold(term) for term in query_terms(text))


# --- filters -----------------------------------------------------------------------------------

days = st.integers(-400, 400).map(lambda n: TODAY + timedelta(days=n))
papers = st.lists(
    st.builds(PaperState, st.none() | days, st.none() | days).map(
        lambda p: p if p.signed_on else PaperState(None, None)
    ),
    max_size=4,
)
summaries = st.builds(
    HouseholdSummary,
    household_id=st.text("0123456789abcdef", min_size=12, max_size=12),
    revision=st.integers(1, 20),
    display_name=st.sampled_from(ALL_NAMES),
    children=st.lists(st.sampled_from(ALL_NAMES), max_size=3).map(tuple),
    missing_items=st.integers(0, 12),
    next_review=st.none() | days,
    updated_at=st.none() | days.map(lambda d: datetime(d.year, d.month, d.day, tzinfo=UTC)),
    damaged=st.booleans(),
    state=st.sampled_from(["", "CA", "TX", "NY", "IL"]),
    papers=papers.map(tuple),
    no_alternate=st.booleans(),
    search=st.sampled_from(ALL_NAMES).map(fold),
)
caseloads = st.lists(summaries, max_size=30)
FILTER = {f.id: f for f in FILTERS}


@settings(max_examples=80, deadline=None)
@given(caseloads)
def test_review_due_within_30_days_includes_the_overdue(caseload: list[HouseholdSummary]) -> None:
    kept = select(caseload, filters=[FILTER["review_due_30_days"]], today=TODAY)
    expected = [
        s
        for s in caseload
        if not s.damaged and s.next_review and (s.next_review - TODAY).days <= 30
    ]
    assert kept == expected
    assert all(is_overdue(s, TODAY) for s in kept if s.next_review and s.next_review < TODAY)


@settings(max_examples=80, deadline=None)
@given(caseloads)
def test_a_paper_expiring_within_60_days(caseload: list[HouseholdSummary]) -> None:
    kept = select(caseload, filters=[FILTER["paper_expires_60_days"]], today=TODAY)
    expected = [
        s
        for s in caseload
        if not s.damaged
        and any(p.signed_on and p.renew_by and (p.renew_by - TODAY).days <= 60 for p in s.papers)
    ]
    assert kept == expected


@settings(max_examples=80, deadline=None)
@given(caseloads, st.sampled_from(["CA", "tx", " NY "]))
def test_no_alternate_and_state_filters_combine(
    caseload: list[HouseholdSummary], state: str
) -> None:
    kept = select(caseload, filters=[FILTER["no_alternate"], in_state(state)], today=TODAY)
    code = state.strip().upper()
    assert kept == [s for s in caseload if not s.damaged and s.no_alternate and s.state == code]


@settings(max_examples=50, deadline=None)
@given(caseloads)
def test_damaged_households_show_only_in_the_whole_list(caseload: list[HouseholdSummary]) -> None:
    assert select(caseload, "", today=TODAY) == caseload
    for chosen in FILTERS:
        assert not any(s.damaged for s in select(caseload, filters=[chosen], today=TODAY))
    assert not any(s.damaged for s in select(caseload, "a", today=TODAY))


def test_no_alternate_is_worked_out_from_the_plan() -> None:
    plan = household(children=("Sofía", "Mateo"))
    assert not summary_of(plan).no_alternate
    children = list(plan.children)
    care = children[1].care.model_copy(update={"alternate_caregiver_id": None})
    children[1] = children[1].model_copy(update={"care": care})
    assert summary_of(plan.model_copy(update={"children": children})).no_alternate


# --- papers ------------------------------------------------------------------------------------

SIGNED = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("papers", "status"),
    [
        ([], (PapersStatus.NONE_NEEDED, None)),
        ([PaperState(SIGNED, None)], (PapersStatus.SIGNED, None)),
        ([PaperState(SIGNED, date(2027, 2, 28))], (PapersStatus.RENEW_BY, date(2027, 2, 28))),
        ([PaperState(SIGNED, date(2027, 2, 28)), PaperState(SIGNED, date(2027, 1, 9))],
         (PapersStatus.RENEW_BY, date(2027, 1, 9))),
        ([PaperState(SIGNED, date(2027, 2, 28)), PaperState()], (PapersStatus.NOT_SIGNED, None)),
        ([PaperState(), PaperState(SIGNED, date(2026, 12, 5))],
         (PapersStatus.EXPIRED, date(2026, 12, 5))),
        ([PaperState(SIGNED, date(2026, 12, 6))], (PapersStatus.RENEW_BY, date(2026, 12, 6))),
    ],
)  # fmt: skip
def test_papers_status_expired_beats_not_signed_beats_renew_by(
    papers: list[PaperState], status: tuple[PapersStatus, date | None]
) -> None:
    assert papers_status(papers, TODAY) == status


@settings(max_examples=100, deadline=None)
@given(papers)
def test_expired_whenever_a_signed_paper_has_run_out(paper_list: list[PaperState]) -> None:
    status, day = papers_status(paper_list, TODAY)
    run_out = [p.renew_by for p in paper_list if p.signed_on and p.renew_by and p.renew_by < TODAY]
    assert (status is PapersStatus.EXPIRED) == bool(run_out)
    if run_out:
        assert day == min(run_out)


# --- sorting -----------------------------------------------------------------------------------


def line(name: str, **fields: Any) -> HouseholdSummary:
    return HouseholdSummary(household_id=fold(name).replace(" ", "")[:12], revision=1,
                            display_name=name, **fields)  # fmt: skip


def names(ordered: list[HouseholdSummary]) -> list[str]:
    return [s.display_name for s in ordered]


def test_families_sort_by_name_as_people_read_it() -> None:
    caseload = [line("Zapata"), line("Álvarez"), line("alvarez"), line("Bello")]
    assert names(sort_by(caseload, "family", TODAY)) == ["Álvarez", "alvarez", "Bello", "Zapata"]


def test_no_review_date_comes_last_in_either_direction() -> None:
    caseload = [line("A"), line("B", next_review=date(2027, 1, 1)),
                line("C", next_review=date(2026, 11, 1)), line("D", damaged=True)]  # fmt: skip
    assert names(sort_by(caseload, "next_review", TODAY)) == ["C", "B", "A", "D"]
    assert names(sort_by(caseload, "next_review", TODAY, descending=True)) == ["B", "C", "A", "D"]


def test_papers_sort_most_urgent_first() -> None:
    caseload = [
        line("None needed"),
        line("Signed", papers=(PaperState(SIGNED, None),)),
        line("Renew late", papers=(PaperState(SIGNED, date(2027, 6, 1)),)),
        line("Renew soon", papers=(PaperState(SIGNED, date(2027, 1, 1)),)),
        line("Not signed", papers=(PaperState(),)),
        line("Expired", papers=(PaperState(SIGNED, date(2026, 6, 1)),)),
    ]
    assert names(sort_by(caseload, "papers", TODAY)) == [
        "Expired", "Not signed", "Renew soon", "Renew late", "Signed", "None needed"
    ]  # fmt: skip


def test_other_columns_sort_with_ties_by_name() -> None:
    saved = datetime(2026, 12, 1, tzinfo=UTC)
    caseload = [
        line("Ortiz", children=("Ana", "Luis"), state="TX", missing_items=3, updated_at=saved),
        line("Baca", children=("Zoë",), state="CA", missing_items=0),
        line("Cruz", children=("Eva",), state="", missing_items=3,
             updated_at=saved - timedelta(days=9)),
    ]  # fmt: skip
    assert names(sort_by(caseload, "children", TODAY)) == ["Cruz", "Baca", "Ortiz"]
    assert names(sort_by(caseload, "state", TODAY)) == ["Baca", "Ortiz", "Cruz"]
    assert names(sort_by(caseload, "missing_items", TODAY)) == ["Baca", "Cruz", "Ortiz"]
    assert names(sort_by(caseload, "missing_items", TODAY, True)) == ["Cruz", "Ortiz", "Baca"]
    assert names(sort_by(caseload, "last_saved", TODAY, True)) == ["Ortiz", "Cruz", "Baca"]


@settings(max_examples=50, deadline=None)
@given(caseloads, st.sampled_from(sorted(SORT_KEYS)), st.booleans())
def test_sorting_keeps_every_household_and_puts_damaged_last(
    caseload: list[HouseholdSummary], column: str, descending: bool
) -> None:
    ordered = sort_by(caseload, column, TODAY, descending)
    assert sorted(map(id, ordered)) == sorted(map(id, caseload))
    flags = [s.damaged for s in ordered]
    assert flags == sorted(flags)
