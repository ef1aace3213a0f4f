"""The caregiver paper, state by state: every element its statute requires, in order, in English,
Spanish and bilingual output; nothing of ours inside what is signed; the period and the notary.

Two kinds of expectation: the elements listed in each rules file (their sentences, filled with the
plan's values, must all be in the PDF's text, in order), and phrases written here from the
statutes (`STATUTE_PHRASES`), so a rules file that loses an element's substance fails too.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

from forms import caregiver
from forms.caregiver import PaperValues
from forms.context import RenderContext, RenderOptions
from planner.jurisdictions import Element, Jurisdiction, available_states, load_jurisdiction
from planner.model import PaperEnd, PaperPeriod, PaperStart, Plan
from planner.paper_parties import parties
from tests.conftest import example_plan, parent_elsewhere
from tests.forms.caregiver_phrases import STATUTE_PHRASES
from tests.forms.child_plans import comes_out, poppler_text
from tests.forms.pdf import body_text, flat, pdf_text, render_pngs
from tests.strategies import printable_names

SIGNED_ON = date(2026, 11, 25)
STATES = available_states()
OURS = (
    "Confirm with an attorney",
    "Confirme con un abogado",
    "Confírmelo con un abogado",
    "our sources",
    "nuestras fuentes",
    "we could not",
    "no pudimos",
    "secondary source",
)
"""Our own remarks: they belong on the signing sheet, never on what a person signs."""


def paper(plan: Plan, language: str = "en") -> bytes:
    options = RenderOptions(language=language, today=SIGNED_ON)
    context = RenderContext.for_plan(plan, options)
    return caregiver.render(context, plan.children[0].id)


def in_state(state: str) -> Plan:
    plan = example_plan("small-ca.json")
    plan.household.state = state
    return plan


def norm(text: str) -> str:
    """Text with white space folded and a line to write on (which wraps) as one short line."""
    return re.sub(r"_+(?:\s+_+)*", "___", flat(text))


def _plain(markup: str) -> str:
    """A catalogue sentence as the PDF's text has it: tags gone, entities read."""
    return norm(html.unescape(re.sub(r"<[^>]+>", "", markup)))


def paper_text(plan: Plan, language: str = "en") -> str:
    return norm(body_text(paper(plan, language)))


def expected_texts(plan: Plan, rules: Jurisdiction, element: Element, language: str) -> list[str]:
    """What the paper must show for `element` in `language`: its sentence with the plan's values
    (a missing value is a line to write on), and for a field each value the plan has (in
    English, which controls: a bilingual paper prints a value once)."""
    values = PaperValues(plan, rules, parties(plan, plan.children[0].id), SIGNED_ON)(language)
    filled = {key: html.escape(value) or "______________" for key, value in values.items()}
    texts = [_plain(rules.element_text(element, language, filled))]
    if element.place == "field" and language == "en":
        texts += [norm(values[fill]) for fill in element.fills if values.get(fill)]
    return texts


def missing_elements(
    text: str, plan: Plan, rules: Jurisdiction, languages: tuple[str, ...]
) -> list[str]:
    """The elements whose text the paper lacks. English sentences must come in the rules file's
    order; a translation and a field's values anywhere (they sit beside or under the English)."""
    missing, position = [], 0
    for element in rules.elements:
        if element.applies == "over_notary_threshold" and not rules.needs_notary_for(None):
            continue
        for language in languages:
            sentence, *values = expected_texts(plan, rules, element, language)
            found = text.find(sentence, position if language == "en" else 0)
            if found < 0:
                missing.append(f"{element.id} ({language}): {sentence[:70]}")
            elif language == "en":
                position = found
            missing += [f"{element.id}: value {v}" for v in values if v not in text]
    return missing


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_element_the_statute_requires_is_on_the_paper_in_order(
    state: str, language: str
) -> None:
    plan = in_state(state)
    rules = load_jurisdiction(state)
    text = paper_text(plan, language)
    languages = ("en",) if language == "en" else ("en", language)
    assert missing_elements(text, plan, rules, languages) == []


@pytest.mark.parametrize("state", STATES)
def test_the_statutes_own_substance_is_printed(state: str) -> None:
    text = flat(body_text(paper(in_state(state)))).lower()
    missing = [phrase for phrase in STATUTE_PHRASES[state] if phrase.lower() not in text]
    assert missing == []


def test_a_paper_missing_one_element_is_caught() -> None:
    """The check above can fail: drop one element from what is drawn and it names it."""
    plan = in_state("TX")
    rules = load_jurisdiction("TX")
    dropped = rules.elements[3]
    fewer = rules.model_copy(
        update={"elements": tuple(e for e in rules.elements if e is not dropped)}
    )
    original = caregiver.load_jurisdiction
    try:
        caregiver.load_jurisdiction = lambda code, folder=None: fewer  # type: ignore[assignment]
        text = paper_text(plan)
    finally:
        caregiver.load_jurisdiction = original  # type: ignore[assignment]
    assert any(line.startswith(dropped.id) for line in missing_elements(text, plan, rules, ("en",)))


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_of_ours_is_inside_what_is_signed(state: str, language: str) -> None:
    text = flat(body_text(paper(in_state(state), language)))
    assert [remark for remark in OURS if remark.lower() in text.lower()] == []


@pytest.mark.parametrize("state", STATES)
def test_every_page_says_not_legal_advice_and_when_the_rules_were_checked(state: str) -> None:
    rules = load_jurisdiction(state)
    text = pdf_text(paper(in_state(state)))
    pages = text.count("Page ")
    assert text.count("This is not legal advice.") == pages
    assert text.count(f"Rules checked {rules.rules_last_checked.isoformat()}") == pages


@pytest.mark.parametrize("state", STATES)
def test_a_spanish_paper_is_bilingual_with_english_first_and_the_notary_in_english(
    state: str,
) -> None:
    rules = load_jurisdiction(state)
    text = paper_text(in_state(state), "es")
    assert "If the two differ, the English text controls." in text
    assert "prevalece el texto en inglés" in text
    first = rules.elements[0]
    english, spanish = (
        expected_texts(in_state(state), rules, first, lang)[0] for lang in ("en", "es")
    )
    if english != spanish:
        assert text.index(english) < text.index(spanish)
    if any(e.place == "notary" for e in rules.elements):
        assert "Notary" in text and ("State of " in text or "Commonwealth of " in text)
        assert "Reconocimiento ante notario" not in text and "Estado de " not in text


@pytest.mark.parametrize("state", STATES)
def test_the_signers_named_by_the_rules_have_their_lines(state: str) -> None:
    rules = load_jurisdiction(state)
    plan = in_state(state)
    text = flat(body_text(paper(plan)))
    for element in rules.elements:
        if element.place == "signature":
            role = {
                "parent": "parent or guardian",
                "caregiver": "caregiver",
                "other_parent": "other parent",
            }
            assert f"Signature of {role[element.signer or 'parent']}" in text
    witnesses = text.count("Signature of witness")
    assert witnesses == (
        rules.witness_count if any(e.place == "witness" for e in rules.elements) else 0
    )
    assert ("Signature of notary public" in text) == any(
        e.place == "notary" for e in rules.elements
    )


def test_texas_signers_swear_before_the_notary_in_a_jurat_naming_both() -> None:
    plan = in_state("TX")
    text = flat(body_text(paper(plan)))
    who = parties(plan, plan.children[0].id)
    assert who.parent is not None and who.caregiver is not None
    assert "Notary jurat (sworn statement)" in text
    # The other parent swears too only when a party (§34.003(a)(3)): a line is left for them.
    names = f"{who.parent.full_name}, ______________________, {who.caregiver.full_name}"
    assert f"by {names}." in text
    assert "acknowledged signing it" not in text


@pytest.mark.parametrize("state", ["NY", "MA", "GA", "NC"])
def test_a_state_that_asks_for_an_acknowledgment_gets_one(state: str) -> None:
    text = flat(body_text(paper(in_state(state))))
    assert "Notary acknowledgment" in text and "acknowledged signing it" in text
    assert "Notary jurat" not in text


def test_california_prints_the_warning_in_a_box_and_no_notary() -> None:
    text = flat(body_text(paper(in_state("CA"))))
    assert "Warning: Do not sign this form if any of the statements above are incorrect" in text
    assert "Signature of notary public" not in text
    assert "Signature of witness" not in text


def test_florida_prints_the_alternate_surrogate() -> None:
    plan = in_state("FL")
    alternate = plan.person(plan.children[0].care.alternate_caregiver_id or "")
    assert alternate is not None
    assert alternate.full_name in flat(body_text(paper(plan)))


def test_texas_names_the_other_parent_and_gives_their_lines() -> None:
    plan = in_state("TX")
    plan.adults.append(parent_elsewhere())
    text = flat(body_text(paper(plan)))
    assert "Tobías Lejano" in text
    assert "77 Far Rd, El Paso, TX 79901" in text


def period_plan(state: str, period: PaperPeriod) -> Plan:
    plan = in_state(state)
    plan.children[0].care.paper_period = period
    return plan


def test_new_york_prints_the_chosen_period_and_never_a_year_it_cannot_give() -> None:
    period = PaperPeriod(
        starts=PaperStart.ON_DATE,
        start_date=date(2026, 12, 1),
        ends=PaperEnd.ON_DATE,
        end_date=date(2027, 5, 31),
    )
    text = flat(body_text(paper(period_plan("NY", period))))
    assert "December 1, 2026" in text and "May 31, 2027" in text
    longest = flat(body_text(paper(period_plan("NY", PaperPeriod()))))
    assert "12 months after the date this paper is signed, less two days" in longest


def test_a_paper_that_starts_on_detention_says_so_in_both_languages() -> None:
    plan = period_plan("NY", PaperPeriod(starts=PaperStart.ON_EVENT))
    text = flat(body_text(paper(plan, "es")))
    assert "the day I am arrested, detained or removed by immigration authorities" in text
    assert "el día en que las autoridades de inmigración me arresten" in text
    assert "12 months after the day it takes effect, less two days" in text


def test_a_short_new_york_designation_leaves_out_what_only_a_longer_one_needs() -> None:
    period = PaperPeriod(ends=PaperEnd.ON_DATE, end_date=SIGNED_ON.replace(day=30))
    rules = load_jurisdiction("NY")
    text = flat(body_text(paper(period_plan("NY", period))))
    only_longer = [e for e in rules.elements if e.applies == "over_notary_threshold"]
    assert only_longer
    assert "Signature of notary public" not in text
    assert "Signature of notary public" in flat(body_text(paper(period_plan("NY", PaperPeriod()))))


def test_a_state_without_rules_gets_a_letter_that_names_the_state_and_is_not_an_instrument() -> (
    None
):
    text = flat(body_text(paper(in_state("OH"))))
    assert "Letter naming a caregiver (not a legal instrument)" in text
    assert "This letter is not a legal instrument." in text
    assert "Ohio" in text
    assert "gives authority" not in text
    assert "Notary" not in text


def test_every_page_of_a_paper_asks_the_signers_for_initials() -> None:
    text = pdf_text(paper(in_state("TX")))
    pages = text.count("Page ")
    assert pages >= 2
    assert text.count("Initials on every page: Parent: ______   Caregiver: ______") == pages


def test_the_paper_rasterises(tmp_path: Path) -> None:
    assert render_pngs(paper(in_state("MA"), "es"), tmp_path, "ma")


@settings(max_examples=15, deadline=None)
@given(printable_names, printable_names)
def test_any_names_come_out_on_the_paper(child_name: str, caregiver_name: str) -> None:
    plan = in_state("TX")
    plan.children[0].given_names = child_name
    primary = plan.person(plan.children[0].care.primary_caregiver_id or "")
    assert primary is not None
    primary.given_names = caregiver_name
    text = poppler_text(paper(plan))  # right-to-left runs read back in logical order
    assert comes_out(child_name, text)
    assert comes_out(caregiver_name, text)


def test_names_with_markup_print_literally() -> None:
    plan = in_state("TX")
    plan.adults[0].given_names = "Ana <b> & Co"
    text = flat(body_text(paper(plan)))
    assert "Ana <b> & Co" in text
    assert "&amp;" not in text and "&lt;" not in text
