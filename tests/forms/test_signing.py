"""The signing sheet: when each paper is signed, before whom, until when; and our own remarks,
which live here and not on the paper."""

from __future__ import annotations

from datetime import date

import pytest

from forms import signing
from forms.context import RenderContext, RenderOptions
from planner.jurisdictions import available_states, load_jurisdiction
from planner.model import PaperPeriod, PaperStart, Plan
from tests.conftest import example_plan, parent_elsewhere
from tests.forms.pdf import body_text, flat, pdf_text

SIGNED_ON = date(2026, 11, 25)
MOVES_IN = {"CA", "MA"}
"""Affidavits in which the caregiver swears the child lives with them (Cal. Fam. Code §6552;
M.G.L. c.201F §5: "an adult with whom the minor resides")."""


def sheet(plan: Plan, language: str = "en", bilingual: bool = False) -> str:
    options = RenderOptions(language=language, bilingual=bilingual, today=SIGNED_ON)
    return flat(body_text(signing.render(RenderContext.for_plan(plan, options))))


def in_state(state: str) -> Plan:
    plan = example_plan("small-ca.json")
    plan.household.state = state
    return plan


@pytest.mark.parametrize("state", available_states())
def test_the_sheet_says_when_to_sign(state: str) -> None:
    text = sheet(in_state(state))
    assert "It is not part of the paper you sign." in text
    if state in MOVES_IN:
        assert "Do not sign it now." in text
        assert "only when the child has moved in with the caregiver" in text
        assert "Sign it now" not in text
    else:
        assert "Sign it now" in text
        assert "Do not sign it now." not in text


@pytest.mark.parametrize("state", available_states())
def test_every_unconfirmed_fact_is_marked_for_an_attorney_here(state: str) -> None:
    rules = load_jurisdiction(state)
    text = sheet(in_state(state))
    assert ("Confirm with an attorney." in text) == bool(rules.unconfirmed)
    assert "This packet was prepared with a computer program. It is not legal advice" in text
    assert f"last checked on {rules.rules_last_checked:%B} {rules.rules_last_checked.day}" in text
    joined = text.replace(" ", "")  # a long link wraps mid-word
    for source in rules.sources:
        assert source.url in joined


def test_the_table_gives_each_child_the_last_day_and_the_day_to_sign_a_new_one() -> None:
    plan = in_state("NY")
    text = sheet(plan)
    child = plan.children[0]
    assert child.full_name in text
    assert "November 23, 2027" in text  # less than twelve months from November 25, 2026


def test_a_paper_that_starts_on_detention_has_no_date_to_guess() -> None:
    plan = in_state("NY")
    plan.children[0].care.paper_period = PaperPeriod(starts=PaperStart.ON_EVENT)
    text = sheet(plan)
    assert "If the parent is detained" in text


def test_texas_tells_the_family_to_mail_the_other_parent_a_copy() -> None:
    plan = in_state("TX")
    plan.adults.append(parent_elsewhere())
    text = sheet(plan)
    assert "within 10 days" in text
    assert "Send a copy to: Tobías Lejano, 77 Far Rd El Paso, TX 79901." in text


def test_an_alternate_the_paper_cannot_name_needs_a_paper_of_their_own() -> None:
    plan = in_state("TX")
    alternate = plan.person(plan.children[0].care.alternate_caregiver_id or "")
    assert alternate is not None
    assert f"sign a separate paper naming {alternate.full_name}" in sheet(plan)
    assert "sign a separate paper naming" not in sheet(in_state("FL"))  # §765.2035(3)


def test_a_bilingual_sheet_has_english_under_each_sentence() -> None:
    text = sheet(in_state("TX"), "es", bilingual=True)
    assert (
        "Antes de firmar: sus documentos de cuidador / Before you sign: your caregiver papers"
        in text
    )
    assert "Fírmelo ahora" in text and "Sign it now" in text


def test_a_state_without_rules_gets_the_letter_sheet() -> None:
    text = sheet(in_state("OH"))
    assert "Before you sign: the letter naming a caregiver" in text
    assert "This letter is not a legal instrument." in text


def test_every_page_says_when_the_rules_were_checked() -> None:
    rules = load_jurisdiction("GA")
    options = RenderOptions(today=SIGNED_ON)
    text = pdf_text(signing.render(RenderContext.for_plan(in_state("GA"), options)))
    assert text.count("Rules checked ") == text.count("Page ") >= 1
    assert rules.rules_last_checked.isoformat() in text


def test_a_parent_under_the_family_violence_exception_is_named_with_the_exception() -> None:
    """Tex. Fam. Code §34.005(a-2): no copy need be mailed to a parent without court-ordered
    access whose family violence a protective order or a conviction shows."""
    plan = in_state("TX")
    plan.adults.append(parent_elsewhere(family_violence_order=True))
    text = sheet(plan)
    assert "Send a copy to: Tobías Lejano" not in text
    assert "does not require mailing Tobías Lejano a copy. Confirm with an attorney" in text
    plan.household.state = "GA"  # notice within 15 days (§19-9-125), no such exception found
    assert "Send a copy to: Tobías Lejano" in sheet(plan)
