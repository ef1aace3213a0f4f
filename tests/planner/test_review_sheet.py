"""The review sheet an attorney reads: every element of a state's paper, its section, its place
and our source for it, from `planner review-sheet XX` and as a page of the packet.

The command runs in this process (`cli`, through `planner.cli.main`); none needs a process."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from forms import review
from forms.context import RenderContext, RenderOptions
from planner.i18n import SUPPORTED_LANGUAGES, catalogue
from planner.jurisdictions import (
    DOMAIN,
    Jurisdiction,
    NotaryForm,
    OtherParentRule,
    PendingCase,
    RevocationHow,
    RulesPart,
    SignWhen,
    available_states,
    label,
    load_jurisdiction,
)
from planner.review_sheet import CITES, ELSEWHERE, FACTS, review_sheet, review_text
from tests.conftest import RunCommand, example_plan
from tests.forms.pdf import body_text, flat


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


def test_the_command_prints_a_states_sheet_and_refuses_a_state_without_rules(
    cli: RunCommand,
) -> None:
    result = cli("review-sheet", "tx")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Texas: Authorization Agreement for Nonparent Adult Caregiver")
    assert "Tex. Fam. Code §34.003(a)(5)" in result.stdout
    spanish = cli("review-sheet", "TX", "--lang", "es")
    assert "La ley exige" in spanish.stdout
    refused = cli("review-sheet", "OH")
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


# --- every rule the program applies -------------------------------------------------------------

READ_ELSEWHERE = {
    "code": ("planner/jurisdictions.py", ".code"),
    "elements.fills": ("forms/caregiver.py", ".fills"),
    "elements.signer": ("planner/paper_parties.py", ".signer"),
    "elements.applies": ("forms/caregiver.py", ".applies"),
}
"""Facts of the rules models the review sheet does not print, each with the module that reads it
(and what it reads): the file's own name, and how the paper lays an element out (its values,
whose signature lines, whether a short NY designation leaves it out). The test checks the module
still reads it; a new field must be shown on the sheet (`FACTS`) or added here with its reader."""

ROOT = Path(__file__).resolve().parents[2]


def _models(annotation: object) -> list[type[BaseModel]]:
    """The rules models inside a field's type: `Standby | None`, `tuple[Element, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, RulesPart):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models(arg)]


def _fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every fact of the rules models, named as `unconfirmed` names it: `signing.notary`."""
    names = []
    for name, field in model.model_fields.items():
        inner = _models(field.annotation)
        for part in inner:
            names += _fields(part, f"{prefix}{name}.")
        if not inner:
            names.append(f"{prefix}{name}")
    return names


def test_every_fact_of_the_rules_is_on_the_sheet_or_read_by_the_code() -> None:
    """A fact parsed and neither shown to an attorney nor read by any code is a fact nobody can
    check (issue #14): adding a field to the rules models means showing it here too."""
    facts = _fields(Jurisdiction)
    cites = {f"{section}.{field}" for section, field in CITES}
    shown = {f"{s}.{f}" if s else f for s, fields in ELSEWHERE.items() for f in fields}
    covered = set(FACTS) | cites | shown
    assert [f for f in facts if f not in covered and f not in READ_ELSEWHERE] == []
    for fact, (module, attribute) in READ_ELSEWHERE.items():
        assert fact not in covered, f"{fact} is shown on the sheet: drop it from READ_ELSEWHERE"
        assert attribute in (ROOT / module).read_text(encoding="utf-8"), (fact, module)
    assert sorted((covered | set(READ_ELSEWHERE)) - set(facts)) == [], "names no field"


OWN_WAYS = {"yes_no", "days", "months", "hours", "years", "number", "text", "choice"}
"""How a value reads in this sheet's own words; any other way names a `jurisdictions` table."""


def test_every_way_a_rule_reads_has_words_in_every_language() -> None:
    tables = {key.partition(".")[0] for key in catalogue(DOMAIN, "en")}
    for fact, shown in FACTS.items():
        key = fact if "." in fact else f"state.{fact}"
        for language in SUPPORTED_LANGUAGES:
            assert key in catalogue("review_sheet", language), (key, language)
        assert shown in OWN_WAYS or shown in tables, (fact, shown)
    for table, choices in {
        "signing.notary_form": NotaryForm,
        "signing.when": SignWhen,
        "other_parent.rule": OtherParentRule,
        "other_parent.pending_case": PendingCase,
        "revocation.how": RevocationHow,
    }.items():
        assert FACTS[table] == "choice"
        for value in get_args(choices):
            for language in SUPPORTED_LANGUAGES:
                assert f"choice.{table}.{value}" in catalogue("review_sheet", language)


def _set_facts(rules: Jurisdiction) -> list[tuple[str, str, Any]]:
    """(section, fact, value) for each fact of the state's file that the sheet lists as a rule."""
    found = []
    for section in ("", "instrument", "signing", "term", "other_parent", "revocation"):
        found += _set_in(rules, section)
    return found + _set_in(rules, "filing") + _set_in(rules, "standby")


def _set_in(rules: Jurisdiction, section: str) -> list[tuple[str, str, Any]]:
    part = getattr(rules, section) if section else rules
    if part is None:
        return []
    names = [(f"{section}.{f}" if section else f, v) for f, v in part if f in part.model_fields_set]
    return [(section or "state", name, value) for name, value in names if name in FACTS]


def _expected(rules: Jurisdiction, fact: str, value: Any, language: str) -> list[str]:
    """The words that must stand on the fact's line, worked out from the data alone."""
    shown = FACTS[fact]
    if isinstance(value, bool):
        return [{"en": "Yes", "es": "Sí"}[language] if value else "No"]
    if isinstance(value, int):
        return [str(value)]
    keys = (value,) if isinstance(value, str) else tuple(value)
    if shown == "text":
        return list(keys)
    if shown == "choice":
        return [catalogue("review_sheet", language)[f"choice.{fact}.{key}"] for key in keys]
    days = rules.signing.notary_if_term_over_days  # NY: a notary only past these days
    return [label(shown, key, language, days=days) for key in keys]


def _citation(rules: Jurisdiction, section: str, fact: str) -> str:
    """The citation the sheet must give beside a fact: its own, or its section's."""
    assert rules.instrument is not None
    if fact == "instrument.wording" and rules.instrument.wording_citation:
        return rules.instrument.wording_citation
    if section == "signing":
        return rules.signing.citation or rules.instrument.citation
    if section == "standby":
        assert rules.standby is not None
        return rules.standby.citation
    return "" if section == "state" else rules.instrument.citation


def _sections_of(text: str, language: str) -> dict[str, list[str]]:
    """The rules part of a text sheet: each section's heading line, and its rule lines."""
    lines = text.splitlines()
    start = lines.index(catalogue("review_sheet", language)["sheet.facts"]) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    sections: dict[str, list[str]] = {}
    heading = ""
    for line in lines[start:end]:
        if line.startswith("  - "):
            sections[heading].append(line)
        else:
            heading = line
            sections[heading] = []
    return sections


def _heading(rules: Jurisdiction, section: str, language: str) -> str:
    kind = label("standby_kind", rules.standby.kind, language) if rules.standby else ""
    return catalogue("review_sheet", language)[f"section.{section}"].format(kind=kind)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("state", available_states())
def test_the_sheet_shows_every_rule_the_state_sets_with_its_citation(
    state: str, language: str
) -> None:
    rules = load_jurisdiction(state)
    sections = _sections_of(review_text(review_sheet(rules), language), language)
    facts = _set_facts(rules)
    assert facts, "every state's file sets rules"
    for section, fact, value in facts:
        citation = _citation(rules, section, fact)
        title = _heading(rules, section, language)
        heading = next(h for h in sections if h.split(" — ")[0] == title)
        name = catalogue("review_sheet", language)[fact if "." in fact else f"state.{fact}"]
        line = next((ln for ln in sections[heading] if ln.startswith(f"  - {name}: ")), None)
        assert line is not None, (fact, language)
        for words in _expected(rules, fact, value, language):
            assert words in line, (fact, words)
        mark = "statute" if rules.is_confirmed(fact) else "secondary"
        assert line.endswith(f" — {label('mark', mark, language)}"), (fact, line)
        if citation:
            assert citation in line or heading == f"{title} — {citation}", (fact, citation)


@pytest.mark.parametrize("state", available_states())
def test_the_packet_page_shows_every_rule_the_state_sets(state: str) -> None:
    plan = example_plan("large-tx.json")
    plan.household.state = state
    context = RenderContext.for_plan(plan, RenderOptions(language="es"))
    text = flat(body_text(review.render(context)))
    rules = load_jurisdiction(state)
    assert "The rules this program applies" in text  # English, as the law it cites
    for section, fact, value in _set_facts(rules):
        name = catalogue("review_sheet", "en")[fact if "." in fact else f"state.{fact}"]
        expected = _expected(rules, fact, value, "en")
        assert f"{flat(name)} {flat(expected[0])}" in text, (fact, expected[0])
        assert all(flat(words) in text for words in expected), fact
        citation = _citation(rules, section, fact)
        assert flat(citation) in text, (fact, citation)


NEVER_READ_BEFORE = [
    ("TX", "  - Void if the notice is not sent: Yes — Law"),
    ("TX", "  - The cancellation is filed with: the county clerk, and the clerk of each court"),
    ("TX", "  - Where a custody order or case exists: The court's written approval is needed"),
    ("GA", "  - The caregiver returns the child within: 48 hours — Law"),
    ("GA", "  - The signed paper is filed with: the probate court — Law"),
    ("GA", "  - Days within which it is filed: 10 days — Secondary source"),
    ("GA", "  - Days the other parent has to object (an objection defeats it): 21 days — Law"),
    ("NY", "Another route: Standby guardian — N.Y. Surr. Ct. Proc. Act §1726"),
    ("NY", "  - Court: the Surrogate's Court — Law"),
    ("NY", "  - Days within which the court is petitioned: 60 days — Secondary source"),
    ("NY", "  - Term of a paper that states no period: 30 days — Law"),
    ("NY", "  - Wording: The law lists what the paper must say. — N.Y. Gen. Oblig. Law §5-1552"),
    ("NY", "  - The state's law names an immigration arrest or detention as an event that can"),
    ("NJ", "  - Where the law gives its form: N.J.S.A. 3B:12-74 — Law"),
    ("NJ", "  - It lapses if no court is asked within: 6 months — Secondary source"),
    ("NJ", "  - Days within which an appointed standby guardian asks for confirmation: 90 days"),
    ("IL", "  - The caregiver may sign later than the parent: Yes — Law"),
    ("NC", "  - May be cancelled at any time: Yes — Law"),
    ("CA", "  - Open to a parent who is temporarily unavailable: Yes — Secondary source"),
    ("CA", "  - A parent's contrary decision prevails over the caregiver's: Yes — Law"),
    ("MA", "  - The agent accepts in writing: Yes — Law"),
    ("MA", "  - The other parent consents, if that parent can be reached: Yes — Law"),
    ("AZ", "  - May be renewed: Yes — Secondary source"),
]
"""Facts issue #14 found parsed and read by no code, as an attorney now reads them."""


@pytest.mark.parametrize(("state", "line"), NEVER_READ_BEFORE)
def test_rules_no_code_read_reach_the_attorney(state: str, line: str) -> None:
    assert line in review_text(review_sheet(load_jurisdiction(state)))


def test_the_rules_read_in_spanish() -> None:
    spanish = review_text(review_sheet(load_jurisdiction("GA")), "es")
    assert "Cómo cancelarlo — O.C.G.A. §§19-9-120–19-9-134" in spanish
    assert "  - El cuidador devuelve al niño o niña dentro de: 48 horas — Ley" in spanish
    assert "  - El documento firmado se presenta ante: el tribunal testamentario" in spanish


def test_the_generic_letter_has_no_rules_of_a_state() -> None:
    """Its signing choices are the program's suggestion for a letter, not a law to check."""
    sheet = review_sheet(load_jurisdiction("OH"))
    assert sheet.sections == ()
    assert catalogue("review_sheet", "en")["sheet.facts"] not in review_text(sheet)


@pytest.mark.parametrize("state", available_states())
def test_the_sheet_quotes_the_papers_words_not_their_markup(state: str) -> None:
    """Texas's paper prints "Warnings and disclosures:" in bold; the sheet showed "<b>…</b>"."""
    rows = review_sheet(load_jurisdiction(state)).rows
    assert [row.element for row in rows if "<" in row.printed] == []
