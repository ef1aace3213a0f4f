"""The review sheet an attorney reads: every element of a state's paper, its section, its place
and our source for it, from `planner review-sheet XX` and as a page of the packet."""

from __future__ import annotations

import subprocess
import sys

import pytest

from forms import review
from forms.context import RenderContext, RenderOptions
from planner.jurisdictions import available_states, load_jurisdiction
from planner.review_sheet import review_sheet, review_text
from tests.conftest import example_plan
from tests.forms.pdf import body_text, flat


def planner(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("state", available_states())
def test_the_sheet_lists_every_element_with_its_citation_and_source(state: str) -> None:
    rules = load_jurisdiction(state)
    text = review_text(review_sheet(rules))
    for number, element in enumerate(rules.elements, start=1):
        assert f"{number}. {element.id} — {element.citation} — " in text
        assert element.requires in text
    assert f"Rules last checked: {rules.rules_last_checked.isoformat()}" in text
    for source in rules.sources:
        assert source.url in text
    for fact in rules.unconfirmed:
        assert f"  - {fact}" in text


def test_the_command_prints_a_states_sheet_and_refuses_a_state_without_rules() -> None:
    result = planner("review-sheet", "tx")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Texas: Authorization Agreement for Nonparent Adult Caregiver")
    assert "Tex. Fam. Code §34.003(a)(5)" in result.stdout
    spanish = planner("review-sheet", "TX", "--lang", "es")
    assert "La ley exige" in spanish.stdout
    refused = planner("review-sheet", "OH")
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "OH has no caregiver rules of its own" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_packet_page_carries_each_element_for_the_attorney() -> None:
    plan = example_plan("large-tx.json")
    context = RenderContext.for_plan(plan, RenderOptions(language="es"))
    text = flat(body_text(review.render(context)))
    rules = load_jurisdiction("TX")
    assert "Review sheet for an attorney" in text
    for element in rules.elements:
        assert element.citation in text
    assert "This sheet is not legal advice" in text
