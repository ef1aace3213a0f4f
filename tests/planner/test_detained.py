""" "A parent was detained": the checklist a caregiver or navigator follows, built from the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.detained import Detention, Step, StepKind, caregiver_today, checklist
from planner.model import CaseInfo, Plan
from planner.packet import PacketDocumentKind
from planner.people import isolate
from tests.conftest import example_plan
from tests.strategies import typed_text, whole_plans

TAKEN = datetime(2026, 11, 20, 7, 40, tzinfo=timezone(timedelta(hours=-6)))
STARTED = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)


def carlos_taken(**changes: object) -> Detention:
    """Carlos, the father in the large Texas example, taken on his way to work (invented)."""
    return Detention(parent_id="adult-carlos", started_at=STARTED, taken_at=TAKEN, **changes)


def by_id(steps: list[Step]) -> dict[str, Step]:
    return {step.id: step for step in steps}


def text_of(step: Step) -> str:
    return "\n".join((step.title, *step.facts, *step.missing))


def without_case_facts(plan: Plan, **case: object) -> Plan:
    """The plan with Carlos's case changed (an A-number removed …) and his other facts as given."""
    carlos = plan.adults[0]
    assert carlos.case is not None
    changed = carlos.model_copy(update={"case": carlos.case.model_copy(update=case)})
    return plan.model_copy(update={"adults": [changed, *plan.adults[1:]]})


def with_adult(plan: Plan, **changes: object) -> Plan:
    carlos = plan.adults[0].model_copy(update=changes)
    return plan.model_copy(update={"adults": [carlos, *plan.adults[1:]]})


def test_the_steps_come_in_the_order_that_matters_with_stable_ids() -> None:
    steps = checklist(example_plan("large-tx.json"), carlos_taken(), "en")
    assert [s.id for s in steps] == [
        "locate",
        "call_attorney:attorney-delgado",
        "call_rapid_response",
        "call_consulate",
        "pickup:child-isabella",
        "pickup:child-mateo",
        "pickup:child-sebastian",
        "pickup:child-camila",
        "pickup:child-lucas",
        "message_caregiver:contact-rosa",
        "message_school:school-lincoln",
        "message_school:school-rivera",
        "message_school:school-casita",
        "message_employer:adult-carlos",
        "case",
        "money",
    ]
    kinds = [s.kind for s in steps]
    assert kinds == sorted(kinds, key=list(StepKind).index)


@pytest.mark.parametrize(
    ("language", "born", "hearing", "country"),
    [
        ("en", "November 3, 1984", "February 16, 2027", "Guatemala"),
        ("es", "3 de noviembre de 1984", "16 de febrero de 2027", "Guatemala"),
    ],
)
def test_each_step_holds_the_plans_real_numbers(
    language: str, born: str, hearing: str, country: str
) -> None:
    steps = by_id(checklist(example_plan("large-tx.json"), carlos_taken(), language))
    locate = text_of(steps["locate"])
    for fact in ("https://locator.ice.gov/odls/", "A-208-456-317", country, born,
                 "Carlos Eduardo Morales Xicará", "(888) 351-4024"):  # fmt: skip
        assert fact in locate, fact
    assert steps["locate"].missing == ()
    attorney = steps["call_attorney:attorney-delgado"].facts
    day_and_night = next(i for i, f in enumerate(attorney) if "(832) 555-0161" in f)
    office = next(i for i, f in enumerate(attorney) if "(713) 555-0160" in f)
    assert day_and_night < office  # the 24-hour number first
    assert "(713) 555-0100" in text_of(steps["call_rapid_response"])
    assert "(713) 555-0108" in text_of(steps["call_consulate"])
    assert "Consulado General de Guatemala en Houston" in text_of(steps["call_consulate"])
    case = text_of(steps["case"])
    for fact in ("(800) 898-7180", "A-208-456-317", hearing, country, born,
                 "Houston Immigration Court", "Lic. Mariana Delgado"):  # fmt: skip
        assert fact in case, fact
    assert "Bond money" in text_of(steps["money"])
    assert "(281) 555-0163" in text_of(steps["message_employer:adult-carlos"])


def test_the_spanish_checklist_is_in_spanish() -> None:
    english = checklist(example_plan("large-tx.json"), carlos_taken(), "en")
    spanish = checklist(example_plan("large-tx.json"), carlos_taken(), "es")
    assert [s.id for s in spanish] == [s.id for s in english]
    for en, es in zip(english, spanish, strict=True):
        assert es.title != en.title, en.id
    assert spanish[0].title.startswith("Busque a Carlos")
    assert any("revisado el 1 de noviembre de 2026" in f for f in spanish[0].facts)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_missing_a_number_or_country_of_birth_is_named(language: str) -> None:
    plan = example_plan("large-tx.json")
    full = by_id(checklist(plan, carlos_taken(), language))["locate"]
    no_a_number = by_id(checklist(without_case_facts(plan, a_number=""), carlos_taken(), language))
    locate = no_a_number["locate"]
    assert len(locate.missing) == 1
    assert "A-208-456-317" not in text_of(locate)
    assert ("A-number" if language == "en" else "número A") in locate.missing[0]
    assert len(locate.facts) == len(full.facts) - 1  # the name search replaces the A-number one
    no_country = by_id(checklist(with_adult(plan, country_of_birth=""), carlos_taken(), language))
    locate = no_country["locate"]
    assert any(("country of birth" if language == "en" else "país de nacimiento") in m
               for m in locate.missing)  # fmt: skip
    assert not any(f.startswith(("Country of birth", "País de nacimiento")) for f in locate.facts)
    assert not any(f.startswith(("Search", "Busque")) for f in locate.facts)  # no search can run
    unsearchable = with_adult(
        without_case_facts(plan, a_number=""), country_of_birth="", date_of_birth=None
    )
    assert len(by_id(checklist(unsearchable, carlos_taken(), language))["locate"].missing) == 3


def test_a_parent_with_no_attorney_gets_the_legal_aid_line_instead() -> None:
    plan = without_case_facts(example_plan("large-tx.json"), attorney_id=None)
    steps = by_id(checklist(plan, carlos_taken(), "en"))
    call = steps["call_attorney"]
    assert "call_attorney:attorney-delgado" not in steps
    assert call.missing and "no attorney" in call.missing[0]
    assert "(713) 555-0102" in text_of(call)  # the family's legal-aid line
    assert "Delgado" not in "\n".join(call.facts)


def test_an_attorney_without_a_24_hour_number_is_noted() -> None:
    ana_taken = Detention(parent_id="adult-ana", started_at=STARTED)
    steps = by_id(checklist(example_plan("large-tx.json"), ana_taken, "en"))
    call = steps["call_attorney:attorney-nguyen"]
    assert any("24-hour" in m for m in call.missing)
    assert "(713) 555-0166" in text_of(call)
    assert "Mexico" in text_of(steps["locate"])


def test_a_caregiver_who_is_the_parent_taken_gives_way_to_the_alternate() -> None:
    plan = example_plan("large-tx.json")
    child = plan.children[0]
    care = child.care.model_copy(update={"primary_caregiver_id": "adult-carlos"})
    plan.children[0] = child.model_copy(update={"care": care})
    assert caregiver_today(plan, plan.children[0], "adult-carlos") is plan.person(
        "contact-jennifer"
    )
    pickup = by_id(checklist(plan, carlos_taken(), "en"))["pickup:child-isabella"]
    assert "Jennifer Morales" in pickup.facts[0]
    assert any("parent who was taken" in f for f in pickup.facts)
    assert "message_caregiver:contact-jennifer" in by_id(checklist(plan, carlos_taken(), "en"))


def test_a_child_without_a_caregiver_and_an_unsigned_paper_are_named() -> None:
    plan = example_plan("large-tx.json")
    child = plan.children[4]
    care = child.care.model_copy(
        update={"primary_caregiver_id": None, "alternate_caregiver_id": None}
    )
    plan.children[4] = child.model_copy(update={"care": care})
    pickup = by_id(checklist(plan, carlos_taken(), "en"))["pickup:child-lucas"]
    assert any("No caregiver is named for Lucas" in m for m in pickup.missing)
    assert any("not signed yet" in m for m in pickup.missing)
    assert [(p.kind, p.subject_id) for p in pickup.papers] == [
        (PacketDocumentKind.CAREGIVER_AUTHORIZATION, "child-lucas")
    ]


def test_a_paper_already_signed_is_not_printed_again() -> None:
    plan = example_plan("large-tx.json")
    child = plan.children[0]
    care = child.care.model_copy(update={"paper_signed_on": datetime(2026, 10, 2).date()})
    plan.children[0] = child.model_copy(update={"care": care})
    pickup = by_id(checklist(plan, carlos_taken(), "en"))["pickup:child-isabella"]
    assert pickup.papers == ()
    assert any("signed on October 2, 2026" in f for f in pickup.facts)


def test_a_california_affidavit_is_signed_when_the_child_moves_in() -> None:
    plan = example_plan("small-ca.json")
    parent = plan.adults[0].id
    steps = checklist(plan, Detention(parent_id=parent, started_at=STARTED), "en")
    pickups = [s for s in steps if s.kind is StepKind.PICKUP]
    assert pickups
    for pickup in pickups:
        assert len(pickup.papers) == 1
        assert any("moves in" in f for f in pickup.facts)


def test_ticks_carry_their_time_and_stay_with_their_step_when_the_plan_changes() -> None:
    plan = example_plan("large-tx.json")
    detention = carlos_taken().ticked("pickup:child-lucas", STARTED + timedelta(minutes=9))
    detention = detention.ticked("locate", STARTED + timedelta(minutes=2))
    detention = detention.ticked("locate", STARTED + timedelta(hours=3))  # the first time stays
    steps = by_id(checklist(plan, detention, "en"))
    assert steps["locate"].done_at == STARTED + timedelta(minutes=2)
    assert steps["pickup:child-lucas"].done_at == STARTED + timedelta(minutes=9)
    assert steps["case"].done_at is None
    lucas = plan.children[4].model_copy(update={"given_names": "Lucas Andrés"})
    edited = plan.model_copy(update={"children": [lucas, *plan.children[:4]]})
    steps = by_id(checklist(edited, detention, "en"))
    assert steps["pickup:child-lucas"].done_at == STARTED + timedelta(minutes=9)
    assert "Lucas Andrés" in steps["pickup:child-lucas"].title
    assert steps["locate"].done_at is not None
    assert "locate" not in detention.unticked("locate").steps


def test_a_parent_no_longer_in_the_plan_still_gives_a_checklist() -> None:
    steps = by_id(checklist(example_plan("large-tx.json"), Detention(
        parent_id="adult-gone", started_at=STARTED), "es"))  # fmt: skip
    assert steps["locate"].missing and steps["case"].missing
    assert "message_employer:adult-gone" not in steps


def test_a_detention_refuses_what_a_plan_refuses() -> None:
    with pytest.raises(ValidationError):
        Detention(parent_id="adult-carlos", started_at=STARTED, surprise=1)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Detention(parent_id="adult-carlos", started_at=datetime(2026, 11, 20))  # no time zone
    with pytest.raises(ValidationError):
        Detention(parent_id="adult-carlos", started_at=STARTED, place="\ud800")
    with pytest.raises(ValidationError):
        Detention(parent_id="adult-carlos", started_at=STARTED, steps={"no such id!": STARTED})


@settings(max_examples=40, deadline=None)
@given(place=typed_text, seen=typed_text.map(lambda typed: ((typed + "\n") * 5_000)[:5_000]))
def test_what_the_family_records_comes_back_exactly(place: str, seen: str) -> None:
    detention = carlos_taken(place=place, what_was_seen=seen).ticked("case", STARTED)
    again = Detention.model_validate_json(detention.model_dump_json())
    assert again == detention
    case = by_id(checklist(example_plan("large-tx.json"), again, "en"))["case"]
    assert any(isolate(seen) in fact for fact in case.facts)


@settings(max_examples=30, deadline=None)
@given(plan=whole_plans(), language=st.sampled_from(["en", "es"]))
def test_any_valid_plan_gives_a_checklist_for_each_of_its_adults(plan: Plan, language: str) -> None:
    for adult in plan.adults:
        steps = checklist(plan, Detention(parent_id=adult.id, started_at=STARTED), language)
        ids = [s.id for s in steps]
        assert len(ids) == len(set(ids))
        assert ids[0] == "locate" and ids[-1] == "money"
        assert sum(s.kind is StepKind.PICKUP for s in steps) == len(plan.children)
        for step in steps:
            assert step.title and all(step.facts + step.missing)
            assert not {"{name}", "{child}"} & {step.title}  # every placeholder filled


def test_a_case_without_anything_recorded_says_so() -> None:
    plan = with_adult(example_plan("large-tx.json"), case=None)
    case = by_id(checklist(plan, carlos_taken(), "en"))["case"]
    assert any("Nothing is written" in m for m in case.missing)
    plan = with_adult(example_plan("large-tx.json"), case=CaseInfo(g28_signed=None))
    assert any("G-28" in m for m in by_id(checklist(plan, carlos_taken(), "en"))["case"].missing)
