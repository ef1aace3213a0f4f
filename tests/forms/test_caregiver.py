"""The caregiver authorization, state by state: signers, witness lines, notary, citation and term.

Expectations are written from shared/domain/jurisdictions.md, not read from the rules files, so a
wrong rules file fails here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given, settings

from forms import caregiver
from forms.context import RenderContext, RenderOptions
from planner.model import Address, Adult, Plan
from tests.conftest import example_plan
from tests.forms.pdf import body_text, flat, pdf_text, render_pngs
from tests.strategies import printable_names

SIGNED_ON = date(2026, 11, 25)


@dataclass(frozen=True)
class Expected:
    title: str
    citation: str
    parent_signs: bool
    caregiver_signs: bool
    witnesses: int
    notary: bool
    renew_by: str | None
    """The printed "sign a new one by" date for a paper signed on SIGNED_ON; None: no limit."""
    term: str
    """What the "How long it lasts" section must say."""
    unconfirmed: tuple[str, ...] = ()
    """The end of every sentence that must be followed by "Confirm with an attorney." (the ◐
    and ✖ facts of the domain notes); no other sentence may be."""


CONFIRM = "Confirm with an attorney."
JURAT = {"TX"}
"""States whose signers swear to the paper before the notary (TX §34.004: "signed and sworn to
before a notary public"): the notary block is a jurat. Every other notary block acknowledges."""
STATES = {
    "CA": Expected("Caregiver's Authorization Affidavit", "Cal. Fam. Code §§6550–6552", False,
                   True, 0, False, "November 24, 2027",
                   "commonly treated as lasting up to 12 months",
                   ("Our sources say no notary is needed.", "may count as a relative.",
                    "so check the current rule.", "sign a new one by November 24, 2027.",
                    "to parents who are temporarily unavailable.")),
    "TX": Expected("Authorization Agreement for Nonparent Adult Caregiver",
                   "Tex. Fam. Code ch. 34 (§§34.002–34.008)", True, True, 0, True, "May 24, 2027",
                   "The law we read sets no end date. One secondary source says it lasts 6 months",
                   ("You may use that form instead.", "sign a new one if in doubt.",
                    "sign a new one by May 24, 2027.")),
    "NY": Expected("Designation of Person in Parental Relation",
                   "N.Y. Gen. Oblig. Law §§5-1551–5-1556", True, True, 0, True, "November 24, 2027",
                   "It can last up to 12 months. If no period is written in it, it lasts 30 days",
                   ("You may use that form instead.", "at least 18 years old.",
                    "our sources say within 60 days.")),
    "IL": Expected("Short-Term Guardian", "755 ILCS 5/11-5.4", True, True, 2, False,
                   "November 24, 2027", "Our sources say it lasts up to 365 days.",
                   ("You may use that form instead.", "care of the child from day to day.",
                    "it lasts up to 365 days.", "sign a new one by November 24, 2027.")),
    "FL": Expected("Health Care Surrogate", "Fla. Stat. §§765.2035, 765.2038", True, False, 2,
                   False, None, "We found no time limit in the law.",
                   ("whether a notary is needed.", "Witnesses",
                    "how long it stays valid.")),
    "WA": Expected("Power of Attorney", "RCW 11.130.145", True, False, 2, True,
                   "November 24, 2028", "It can last from one day up to 24 months.",
                   ("RCW 11.130.145", "in front of 2 witnesses.",
                    "Another person the parent chooses.", "at least 18 years old.", "Witnesses")),
    "AZ": Expected("Delegation of Parental Powers", "A.R.S. §14-5104", True, False, 1, True,
                   "May 24, 2027",
                   "Our sources say it lasts up to 6 months and can be signed again.",
                   ("A.R.S. §14-5104", "anyone in that person's family.",
                    "the child's care, custody and property.", "marriage or adoption.",
                    "can be signed again.", "sign a new one by May 24, 2027.",
                    "Another person the parent chooses.",
                    "Nobody in the caregiver's family can be a witness.")),
    "NJ": Expected("Power of Attorney", "N.J.S.A. 3B:12-39", True, False, 0, False,
                   "November 24, 2027", "Our sources say it lasts up to 12 months",
                   ("Ask an attorney how to sign it.", "immigration action against the parent.",
                    "sign a new one by November 24, 2027.", "confirmation within 90 days.")),
    "GA": Expected("Power of Attorney for the Care of a Minor Child",
                   "O.C.G.A. §§19-9-120–19-9-134", True, False, 0, True, "November 24, 2027",
                   "It lasts up to 12 months.",
                   ("approved by an agency or a faith group.", "at least 18 years old.",
                    "must live in Georgia.", "our sources say within 10 days.")),
    "NC": Expected("Authorization to Consent to Health Care for Minor",
                   "N.C. Gen. Stat. §§32A-28–32A-34", True, False, 0, True, None,
                   "until the child turns 18, or until the parent loses custody"),
    "CO": Expected("Delegation", "C.R.S. §15-14-105", True, False, 0, False, "November 24, 2027",
                   "It lasts up to 12 months.",
                   ("C.R.S. §15-14-105", "We could not confirm any other signing rules.",
                    "the child's care, custody and property.", "marriage or adoption.",
                    "Another person the parent chooses.")),
    "MA": Expected("Caregiver Authorization Affidavit", "M.G.L. c. 201F", True, True, 2, True,
                   "November 24, 2028", "It lasts up to 24 months and can be renewed."),
}  # fmt: skip


def paper(plan: Plan, language: str = "en", bilingual: bool = False) -> bytes:
    options = RenderOptions(language=language, bilingual=bilingual, today=SIGNED_ON)
    context = RenderContext.for_plan(plan, options)
    return caregiver.render(context, plan.children[0].id)


def in_state(state: str) -> Plan:
    plan = example_plan("small-ca.json")
    plan.household.state = state
    return plan


@pytest.mark.parametrize("state", sorted(STATES))
def test_each_states_instrument_has_its_signers_witnesses_notary_citation_and_term(
    state: str,
) -> None:
    expected = STATES[state]
    text = flat(body_text(paper(in_state(state))))
    assert expected.title.lower() in text.lower()
    assert expected.citation in text
    assert ("Signature of parent or guardian" in text) == expected.parent_signs
    assert ("Signature of caregiver" in text) == expected.caregiver_signs
    assert text.count("Signature of witness") == expected.witnesses
    assert ("Notary acknowledgment" in text) == (expected.notary and state not in JURAT)
    assert ("Notary jurat" in text) == (state in JURAT)
    assert ("Signature of notary public" in text) == expected.notary
    term = text[text.index("How long it lasts") :]
    assert expected.term in term[: term.index("The other parent")]
    if expected.renew_by:
        assert f"sign a new one by {expected.renew_by}" in text
    else:
        assert "sign a new one by" not in text
    assert "were last checked on November 1, 2026" in text
    assert "It is not legal advice" in text


@pytest.mark.parametrize("state", sorted(STATES))
def test_exactly_the_secondary_sourced_facts_say_confirm_with_an_attorney(state: str) -> None:
    expected = STATES[state]
    text = flat(body_text(paper(in_state(state))))
    missing = [end for end in expected.unconfirmed if f"{end} {CONFIRM}" not in text]
    assert missing == []
    assert text.count(CONFIRM) == len(expected.unconfirmed)


@pytest.mark.parametrize("state", sorted(STATES))
def test_each_states_instrument_in_spanish_keeps_its_lines_citation_and_warnings(
    state: str,
) -> None:
    expected = STATES[state]
    text = flat(body_text(paper(in_state(state), language="es")))
    assert expected.citation in text
    assert ("Firma (padre, madre o tutor)" in text) == expected.parent_signs
    assert ("Firma (cuidador)" in text) == expected.caregiver_signs
    assert text.count("Firma del testigo") == expected.witnesses
    assert ("Firma del notario público" in text) == expected.notary
    assert "se revisaron por última vez el 1 de noviembre de 2026" in text
    assert "No es asesoría legal" in text
    assert text.count("Confírmelo con un abogado.") == len(expected.unconfirmed)


def test_north_carolina_says_what_ends_it_and_never_that_no_limit_exists() -> None:
    text = flat(body_text(paper(in_state("NC"))))
    assert "until the child turns 18" in text
    assert "no time limit" not in text
    assert flat(body_text(paper(in_state("FL")))).count("We found no time limit") == 1


@pytest.mark.parametrize("state", ["FL", "NC"])
def test_health_care_only_states_say_plainly_what_is_not_covered(state: str) -> None:
    text = flat(body_text(paper(in_state(state))))
    assert "What this paper does not cover" in text
    assert "covers health care only" in text
    assert "attorney" in text


def test_a_state_without_rules_gets_a_letter_that_says_it_is_not_a_legal_instrument() -> None:
    text = flat(body_text(paper(in_state("OH"))))
    assert "Letter naming a caregiver (not a legal instrument)" in text
    assert "This letter is not a legal instrument" in text
    assert "Notary acknowledgment" not in text


def test_witness_rules_are_printed_above_the_witness_lines() -> None:
    text = flat(body_text(paper(in_state("MA"))))
    assert "Each witness must be at least 18 years old." in text
    assert "The caregiver cannot be a witness." in text


def test_washington_offers_a_notary_or_two_witnesses() -> None:
    text = flat(body_text(paper(in_state("WA"))))
    assert "One of the two is enough." in text


def test_texas_names_the_other_parent_to_mail_a_copy_to() -> None:
    plan = in_state("TX")
    plan.adults.append(
        Adult(
            id="adult-elsewhere",
            given_names="Tobías",
            family_names="Lejano",
            lives_in_household=False,
            address=Address(street="77 Far Rd", city="El Paso", state="TX", postal_code="79901"),
        )
    )
    text = flat(body_text(paper(plan)))
    assert "within 10 days" in text
    assert "Send a copy to: Tobías Lejano, 77 Far Rd El Paso, TX 79901." in text


def test_illinois_asks_an_available_other_parent_to_sign() -> None:
    plan = in_state("IL")
    plan.adults.append(Adult(id="adult-2", given_names="Tobías", lives_in_household=False))
    text = flat(body_text(paper(plan)))
    assert "Signature of other parent" in text
    assert "Tobías" in text


def test_the_caregiver_and_child_are_named_and_the_alternate_is_told_to_sign_their_own() -> None:
    plan = example_plan("small-ca.json")
    child = plan.children[0]
    primary = plan.person(child.care.primary_caregiver_id or "")
    alternate = plan.person(child.care.alternate_caregiver_id or "")
    assert primary is not None and alternate is not None
    text = flat(body_text(paper(plan)))
    assert child.full_name in text
    assert primary.full_name in text
    assert f"sign a separate copy naming {alternate.full_name}" in text


def test_a_relative_caregiver_in_california_gets_the_relatives_medical_powers() -> None:
    text = flat(body_text(paper(example_plan("small-ca.json"))))  # the caregiver is an aunt
    assert "the law also allows: • Consent to medical care • Consent to dental care" in text


def test_every_page_of_the_instrument_asks_for_initials() -> None:
    content = paper(in_state("TX"))
    text = pdf_text(content)
    pages = text.count("Initials on every page: Parent: ______")
    assert pages >= 2
    assert pages == text.count("Page ")


def test_every_page_of_a_bilingual_instrument_says_not_legal_advice_in_both_languages() -> None:
    content = paper(in_state("TX"), language="es", bilingual=True)
    text = pdf_text(content)
    pages = text.count("Página ")
    assert pages >= 2
    assert text.count("Esto no es asesoría legal. / This is not legal advice.") == pages
    initials = "Iniciales en cada página / Initials on every page: Padre o madre / Parent: ______"
    assert text.count(initials) == pages
    assert "Cuidador / Caregiver: ______" in text


def test_spanish_paper_keeps_the_official_english_title_and_the_citation() -> None:
    text = flat(body_text(paper(in_state("TX"), language="es")))
    assert "Autorización para el cuidador" in text
    assert "Authorization Agreement for Nonparent Adult Caregiver" in text
    assert "Tex. Fam. Code" in text
    assert "Firma (padre, madre o tutor)" in text


def test_bilingual_paper_prints_english_under_each_sentence_and_says_english_controls() -> None:
    text = flat(body_text(paper(in_state("TX"), language="es", bilingual=True)))
    assert "prevalece el texto en inglés" in text
    assert "If the two differ, the English text controls." in text
    assert "Cuánto tiempo dura / How long it lasts" in text
    assert "sign a new one by May 24, 2027" in text
    assert "firme uno nuevo a más tardar el 24 de mayo de 2027" in text


def test_the_paper_rasterises(tmp_path: object) -> None:
    from pathlib import Path

    assert render_pngs(paper(in_state("MA")), Path(str(tmp_path)), "ma")


@settings(max_examples=20, deadline=None)
@given(printable_names, printable_names)
def test_any_names_come_out_on_the_signature_lines(child_name: str, caregiver_name: str) -> None:
    plan = example_plan("small-ca.json")
    plan.children[0].given_names = child_name
    primary = plan.person(plan.children[0].care.primary_caregiver_id or "")
    assert primary is not None
    primary.given_names = caregiver_name
    text = flat(body_text(paper(plan)))
    assert flat(child_name) in text
    assert flat(caregiver_name) in text


def test_the_english_lines_of_a_bilingual_paper_carry_no_spanish() -> None:
    text = flat(body_text(paper(in_state("NY"), language="es", bilingual=True)))
    assert "How to sign: The parent signs it." in text
    assert "Signature of parent or guardian" in text and "Signature of caregiver" in text
    assert "State of New York, County of" in text
    assert "The rules for New York in this packet were last checked on November 1, 2026." in text
    for spanish_in_english in ("Signature of padre", "Signature of cuidador", "of Nueva York"):
        assert spanish_in_english not in text
    texas = flat(body_text(paper(in_state("TX"), language="es", bilingual=True)))
    assert "How to sign: The parent and the caregiver both sign" in texas


@pytest.mark.parametrize(("state", "title", "names"), [
    ("TX", "Notary jurat", "by Ana <b> & Co"),
    ("MA", "Notary acknowledgment", "appeared Ana <b> & Co"),
])  # fmt: skip
def test_names_with_markup_print_literally_in_the_notary_block(
    state: str, title: str, names: str
) -> None:
    plan = in_state(state)
    plan.adults[0].given_names = "Ana <b> & Co"
    text = flat(body_text(paper(plan)))
    notary = text[text.index(title) :]
    assert names in notary
    assert "&amp;" not in text and "&lt;" not in text


def notary_part(text: str) -> str:
    """From the signatures heading (Firmas in Spanish) on: the lines signed and notarized."""
    return text[text.index("Signatures" if "Signatures" in text else "Firmas") :]


def test_texas_signers_swear_before_the_notary_in_a_jurat() -> None:
    plan = in_state("TX")
    text = notary_part(flat(body_text(paper(plan))))
    caregiver_id = plan.children[0].care.primary_caregiver_id or ""
    caregiver_person = plan.person(caregiver_id)
    assert caregiver_person is not None
    names = ", ".join([plan.adults[0].full_name, caregiver_person.full_name])
    assert "Notary jurat (sworn statement)" in text
    assert (
        f"Sworn to (or affirmed) and subscribed before me on ______________ (date) by {names}."
        in text
    )
    assert text.count("I swear (or affirm) before the notary public below") == 2
    assert "Signature of notary public" in text and "My commission expires" in text
    assert "(Seal)" in text
    assert "the notary may attach it instead of completing this block" in text
    for acknowledgment in (
        "acknowledged signing it",
        "Notary acknowledgment",
        "penalty of perjury",
    ):
        assert acknowledgment not in text


def test_texas_jurat_in_spanish_and_bilingual_with_english_under_it() -> None:
    spanish = notary_part(flat(body_text(paper(in_state("TX"), language="es"))))
    assert "Jurat ante notario (declaración jurada)" in spanish
    assert "Jurado (o afirmado) y firmado ante mí el" in spanish
    assert "Juro (o afirmo) ante el notario público" in spanish
    assert "reconoció haberlo firmado" not in spanish and "perjurio" not in spanish
    both = notary_part(flat(body_text(paper(in_state("TX"), language="es", bilingual=True))))
    missing = [
        line
        for line in (
            "Jurat ante notario (declaración jurada) / Notary jurat (sworn statement)",
            "Jurado (o afirmado) y firmado ante mí el",
            "Sworn to (or affirmed) and subscribed before me on",
            "State of Texas, County of",
            "the notary may attach it instead of completing this block",
        )
        if line not in both
    ]
    assert missing == []
    assert "acknowledged signing it" not in both


@pytest.mark.parametrize("state", ["MA", "NY", "GA", "NC"])
def test_a_state_that_asks_only_for_an_acknowledgment_keeps_it(state: str) -> None:
    text = notary_part(flat(body_text(paper(in_state(state)))))
    assert "Notary acknowledgment" in text and "acknowledged signing it" in text
    assert "Notary jurat" not in text and "Sworn to (or affirmed)" not in text
    assert "I swear (or affirm)" not in text


def test_massachusetts_parent_still_declares_under_penalty_of_perjury() -> None:
    text = notary_part(flat(body_text(paper(in_state("MA")))))
    assert text.count("I declare under penalty of perjury under the laws of Massachusetts") == 1
