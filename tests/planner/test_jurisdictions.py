"""Each state's rules match the domain notes; files are checked on load; both languages agree."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.i18n import SUPPORTED_LANGUAGES, catalogue
from planner.jurisdictions import (
    CHOICES,
    DOMAIN,
    JURISDICTIONS,
    Jurisdiction,
    JurisdictionError,
    add_months,
    available_states,
    label,
    load_jurisdiction,
)
from planner.paper_parties import paper_signers

STATES = ("AZ", "CA", "CO", "FL", "GA", "IL", "MA", "NC", "NJ", "NY", "TX", "WA")


def fact(rules: Jurisdiction, path: str) -> Any:
    """`signing.witnesses` → the value; a name without a dot may be a property (`needs_notary`)."""
    value: Any = rules
    for part in path.split("."):
        value = getattr(value, part)
    return value


def has(*items: str) -> Callable[[Any], bool]:
    return lambda value: all(item in value for item in items)


def unconfirmed(*facts: str) -> Callable[[Jurisdiction], bool]:
    return lambda rules: not any(rules.is_confirmed(f) for f in facts)


def confirmed(*facts: str) -> Callable[[Jurisdiction], bool]:
    return lambda rules: all(rules.is_confirmed(f) for f in facts)


# One row a state: fact → expected value (or a check). `rules` checks the whole jurisdiction.
FACTS: dict[str, dict[str, Any]] = {
    "CA": {
        "signing.caregiver_signs": True,
        "signing.parent_signs": False,
        "signing.sworn_by": ("caregiver",),
        "signing.notary": "none",
        "needs_notary": False,
        "instrument.citation": has("Fam. Code", "6550"),
        "instrument.powers": has("school_enrollment", "school_medical_consent"),
        "instrument.relative_powers": has("medical_consent", "dental_consent"),
        "instrument.parent_decision_prevails": True,
        "instrument.wording": "statutory_form",
        "signing.when": "when_child_moves_in",  # the caregiver swears the minor lives in their home
        "standby.kind": "joint_guardianship",
        "immigration_trigger": False,
        "rules": unconfirmed("signing.notary", "term.max_months", "instrument.relative_max_degree"),
    },
    "TX": {
        "signing.parent_signs": True,
        "signing.caregiver_signs": True,
        "signing.sworn_by": ("parent", "caregiver"),
        "signing.notary": "required",
        "signing.notary_form": "jurat",  # §34.004: signed and sworn to before a notary
        "needs_notary": True,
        "sworn_before_notary": True,
        "instrument.citation": has("ch. 34"),
        "instrument.official_form": "DFPS Form 2638",
        "instrument.powers": has("medical_consent", "immunization", "public_benefits"),
        "instrument.excluded_powers": has("abortion", "emergency_contraception"),
        "other_parent.rule": "one_with_notice",
        "other_parent.notice_days": 10,
        "other_parent.notice_method": "certified_or_international_and_first_class_mail",
        "other_parent.exception": "family_violence_no_court_access",  # §34.005(a-2)
        "other_parent.void_without_notice": True,
        "other_parent.pending_case": "court_order_needed",
        "revocation.file_with": "county_clerk_and_court_clerks",  # §34.008
        # No end date in ch. 34; a secondary site's "6 months" is not printed as law, since a
        # second agreement signed while one is in effect is void (§34.002(d)).
        "term.max_months": None,
        "signing.when": "now",
        "rules": unconfirmed("term.max_months", "instrument.official_form"),
    },
    "NY": {
        "signing.notary": "if_term_over",
        "signing.notary_if_term_over_days": 30,
        "signing.notary_form": "acknowledgment",  # notarized: no oath before the notary
        "needs_notary": True,
        "sworn_before_notary": False,
        "signing.caregiver_signs": True,
        "term.max_months": 12,
        "term.default_days_if_unstated": 30,
        "term.starts_on_event": True,
        "immigration_trigger": True,
        "other_parent.rule": "only_if_court_order",
        "standby.witnesses": 2,
        "standby.immigration_trigger": True,
        "standby.court": "surrogates_court",
        "instrument.citation": has("5-1551"),
        "rules": unconfirmed("revocation.how", "standby.petition_within_days"),
    },
    "IL": {
        "signing.witnesses": 2,
        "signing.witness_min_age": 18,
        "signing.witness_exclusions": ("caregiver",),
        "signing.notary": "none",
        "needs_notary": False,
        "signing.caregiver_signs": True,
        "signing.caregiver_may_sign_later": True,
        # P.A. 101-0120 excuses an other parent abroad after an immigration separation from
        # consenting; it does not start the appointment.
        "immigration_trigger": False,
        "other_parent.rule": "when_available",
        "other_parent.exception": "abroad_after_immigration_separation",
        "term.max_days": 365,
        "standby.citation": has("11-5.3"),
        "rules": unconfirmed("term.max_days", "instrument.powers"),
    },
    "FL": {
        "instrument.general_care": False,
        "instrument.powers": ("health_care", "public_benefits"),  # §765.2038's form
        "instrument.names_alternate": True,
        "instrument.title": has("Health Care Surrogate"),
        "signing.witnesses": 2,
        "witness_count": 2,
        "rules": unconfirmed("signing.witnesses", "signing.notary", "term.max_months"),
    },
    "WA": {
        "notary_or_witnesses": True,
        "signing.witnesses": 2,
        "needs_notary": False,
        "term.max_months": 24,
        "term.min_days": 1,
        "instrument.powers": has("care_custody_property", "health_care"),  # RCW 11.130.145
        "instrument.excluded_powers": ("marriage", "adoption"),
        "rules": lambda rules: (
            unconfirmed("signing.notary", "signing.witnesses")(rules)
            and confirmed("instrument.citation")(rules)
        ),
    },
    "AZ": {
        "signing.witnesses": 1,
        "signing.notary": "required",
        # A.R.S. §14-5501(D)(3): not the agent, the agent's spouse or child, or the notary.
        "signing.witness_exclusions": (
            "caregiver",
            "caregiver_spouse",
            "caregiver_children",
            "notary_public",
        ),
        "term.max_months": 6,
        "instrument.excluded_powers": ("marriage", "adoption"),
        "rules": unconfirmed(
            "signing.witnesses", "signing.notary", "term.max_months", "instrument"
        ),
    },
    "NJ": {
        "term.max_months": 12,
        "term.renewable": True,
        # "Properly executed": a notary block is printed, and no witnesses; both unconfirmed.
        "signing.notary": "required",
        "signing.witnesses": 0,
        "term.starts_on_event": True,  # "or upon another activating event specified"
        "immigration_trigger": True,
        "other_parent.rule": "when_available",
        "standby.witnesses": 2,
        "standby.confirm_within_days": 90,
        "instrument.citation": has("3B:12-39"),
        "rules": lambda rules: (
            unconfirmed("signing.notary", "signing.witnesses")(rules)
            and confirmed("instrument.powers", "other_parent.rule", "term.max_months")(rules)
        ),
    },
    "GA": {
        "signing.notary": "required",
        "needs_notary": True,
        "term.max_months": 12,
        "filing.office": "probate_court",
        "filing.within_days": 10,
        "other_parent.notice_days": 15,
        "other_parent.objection_days": 21,
        "other_parent.pending_case": "void_unless_both_agree",
        "revocation.how": "written_certified_mail",
        "revocation.return_child_within_hours": 48,
        "instrument.excluded_powers": has(
            "marriage", "adoption", "abortion", "terminate_parental_rights"
        ),
        "rules": lambda rules: (
            unconfirmed("filing.within_days")(rules)
            and confirmed("term.max_months", "signing.notary")(rules)
        ),
    },
    "NC": {
        "instrument.general_care": False,
        "instrument.powers": ("health_care",),
        "signing.notary": "required",
        "signing.parent_signs": True,
        "term.max_months": None,
        "term.ends_on": has("stated_date", "child_turns_18", "parent_loses_custody"),
        "revocation.anytime": True,
        "standby.witnesses": 2,
        "instrument.excluded_powers": ("withhold_life_sustaining",),  # §32A-31(c)
        # §32A-29: "an adult"; the age 18 is only inferred from the definition of a minor.
        "rules": lambda rules: rules.unconfirmed == ("instrument.caregiver_min_age",),
    },
    "CO": {
        "term.max_months": 12,
        "instrument.excluded_powers": ("marriage", "adoption"),
        "signing.notary": "optional",  # §15-14-705: notarizing makes the signature presumed genuine
        "rules": unconfirmed(
            "term.max_months", "instrument"
        ),  # §15-14-105 only in secondary copies
    },
    "MA": {
        "signing.parent_signs": True,
        "signing.caregiver_signs": True,
        "signing.sworn_by": ("parent",),
        "signing.witnesses": 2,
        "signing.witness_min_age": None,  # "2 adult witnesses": no age in c.201F
        "signing.witness_exclusions": ("caregiver",),
        "signing.notary": "required",
        "signing.when": "when_child_moves_in",  # the caregiver attests the minor resides with them
        # Penalty of perjury before witnesses and a notary: not an oath the notary takes.
        "signing.notary_form": "acknowledgment",
        "sworn_before_notary": False,
        "term.max_months": 24,
        "term.renewable": True,
        "instrument.citation": has("201F"),
        "standby.max_days": 60,
        "rules": lambda rules: (
            confirmed("signing.witnesses", "term", "instrument")(rules)
            and unconfirmed("signing.notary_form")(rules)
        ),
    },
}


@pytest.mark.parametrize("code", STATES)
def test_each_state_matches_the_domain_notes(code: str) -> None:
    rules = load_jurisdiction(code)
    assert rules.code == code
    assert rules.rules_last_checked == date(2026, 12, 6)
    for path, expected in FACTS[code].items():
        if path == "rules":
            assert expected(rules), f"{code}: confirmed/unconfirmed marks"
            continue
        value = fact(rules, path)
        if callable(expected):
            assert expected(value), f"{code} {path} = {value!r}"
        else:
            assert value == expected, f"{code} {path}"


def test_every_state_in_the_domain_notes_has_a_file() -> None:
    assert available_states() == STATES


@pytest.mark.parametrize(
    ("code", "signers"),
    [
        ("CA", ("caregiver",)),  # Cal. Fam. Code §6552: the caregiver alone
        ("TX", ("parent", "other_parent", "caregiver")),  # §34.003(a)(3): the other, if a party
        ("MA", ("parent", "caregiver")),  # c.201F §5
        ("NC", ("parent",)),  # §32A-34: the custodial parent
        ("IL", ("parent", "other_parent", "caregiver")),  # 11-5.4(b): the other parent consents
    ],
)
def test_who_signs_differs_by_state(code: str, signers: tuple[str, ...]) -> None:
    assert paper_signers(load_jurisdiction(code)) == signers


def test_a_short_new_york_designation_needs_no_designee_signature() -> None:
    new_york = load_jurisdiction("NY")
    short = paper_signers(new_york, lambda e: e.applies == "always")
    assert short == ("parent", "other_parent")  # §5-1552(1); the consent is for over 30 days


@pytest.mark.parametrize("code", ["OH", "oh ", "PA", "", "../CA", "generic", "XYZ"])
def test_a_state_without_a_file_gets_the_generic_fallback(code: str) -> None:
    rules = load_jurisdiction(code)
    assert rules.code == "generic"
    assert rules.is_generic
    assert rules.instrument is None
    assert rules.renew_by(date(2026, 11, 25)) is None
    assert "not a legal instrument" in (rules.text("limits") or "")
    assert "attorney" in (rules.text("limits") or "")
    assert len(rules.texts("steps", "es")) == len(rules.texts("steps")) >= 3


def test_loading_is_cached() -> None:
    assert load_jurisdiction("TX") is load_jurisdiction("tx")


@pytest.mark.parametrize("code", [*STATES, "generic"])
def test_every_sentence_is_filled_in_both_languages(code: str) -> None:
    rules = load_jurisdiction(code)
    parts = ("name", "summary", "limits", "signing", "term", "other_parent", "revoke")
    for language in SUPPORTED_LANGUAGES:
        for part in (*parts, "standby", "filing", "relative"):
            text = rules.text(part, language)
            assert text is None or ("{" not in text and text.strip()), (code, part, language)
        assert rules.text("summary", language)
        assert all(label_ != "" for label_ in rules.power_labels(language))


@pytest.mark.parametrize("code", STATES)
def test_sources_are_https_and_include_the_law(code: str) -> None:
    rules = load_jurisdiction(code)
    assert all(source.url.startswith("https://") for source in rules.sources)
    # A state whose law we read only in secondary copies says so for its whole instrument.
    read_the_law = any(source.mark == "statute" for source in rules.sources)
    assert read_the_law or not rules.is_confirmed("instrument")


def test_spanish_names_the_state_in_spanish() -> None:
    assert load_jurisdiction("NY").display_name("es") == "Nueva York"
    assert load_jurisdiction("NC").display_name("es") == "Carolina del Norte"
    assert load_jurisdiction("OH").display_name("es") == "Otros estados"
    assert load_jurisdiction("CA").display_name("es") == "California"


# --- renewal dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "signed_on", "renew_by"),
    [
        ("NY", date(2026, 2, 28), date(2027, 2, 27)),
        ("NY", date(2028, 2, 29), date(2029, 2, 27)),
        ("MA", date(2028, 2, 29), date(2030, 2, 27)),
        ("WA", date(2026, 8, 31), date(2028, 8, 30)),
        ("AZ", date(2026, 8, 31), date(2027, 2, 27)),
        ("IL", date(2027, 3, 1), date(2028, 2, 28)),
        ("CO", date(2026, 12, 31), date(2027, 12, 30)),
        ("TX", date(2026, 1, 15), None),  # ch. 34 sets no end date
        ("FL", date(2026, 1, 15), None),
        ("NC", date(2026, 1, 15), None),
    ],
)
def test_renew_by_is_the_last_day_within_the_longest_term(
    code: str, signed_on: date, renew_by: date | None
) -> None:
    assert load_jurisdiction(code).renew_by(signed_on) == renew_by


def test_a_renewal_date_from_a_secondary_source_is_not_confirmed() -> None:
    assert not load_jurisdiction("TX").renew_by_confirmed
    assert load_jurisdiction("NY").renew_by_confirmed
    assert not load_jurisdiction("IL").renew_by_confirmed


def test_a_section_with_one_unconfirmed_fact_is_unconfirmed_as_a_whole() -> None:
    new_york = load_jurisdiction("NY")  # standby.petition_within_days is secondary-sourced
    assert not new_york.is_confirmed("standby")
    assert not new_york.is_confirmed("standby.petition_within_days")
    assert new_york.is_confirmed("standby.kind")
    assert new_york.is_confirmed("signing")
    assert not load_jurisdiction("GA").is_confirmed("filing")
    assert load_jurisdiction("GA").is_confirmed("filing.office")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 24, date(2028, 12, 15)),
    ],
)
def test_add_months_keeps_to_real_dates(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


# --- broken files -------------------------------------------------------------------------------

TEXAS = (JURISDICTIONS / "TX.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("witnesses = 0", "witnesses = 5", "signing.witnesses"),
        ('notary = "required"', 'notary = "sometimes"', "signing.notary"),
        ('notary_form = "jurat"', 'notary_form = "oath"', "signing.notary_form"),
        ('notary = "required"', 'notary = "optional"', "signing.notary_form"),
        ('sworn_by = ["parent", "caregiver"]', "sworn_by = []", "signing.notary_form"),
        ("parent_signs = true", 'parent_signs = "yes"', "signing.parent_signs"),
        ("rules_last_checked = 2026-12-06", 'rules_last_checked = "2026-12"', "rules_last_checked"),
        ('"https://texaslawhelp.org/', '"http://texaslawhelp.org/', "sources[1].url"),
        ('"employment",', '"babysitting",', "instrument.powers[10]"),
        (
            'title = "Authorization Agreement',
            'titel = "Authorization Agreement',
            "instrument.titel",
        ),
        ("[signing]\n", '[signing]\ncolour = "blue"\n', "signing.colour"),
        ('"term.max_months"', '"term.length"', "unconfirmed"),
        ('    "term.max_months",\n', "", "term.max_months"),
        ('code = "TX"', 'code = "OK"', "code"),
        ("notice_days = 10", "notice_days = 0", "other_parent.notice_days"),
        ('rule = "one_with_notice"', 'rule = "when_available"', "other_parent.rule"),
        # Every element needs a sentence in every language and a place the paper can draw.
        ('id = "no_conflicting_claim"', 'id = "no_conflict"', "paper_tx.no_conflict"),
        ('id = "voluntary_authorization"', 'id = "no_conflicting_claim"', "elements.id"),
        ('place = "notary"', 'place = "stamp"', "place"),
        ('signer = "caregiver"', 'signer = "aunt"', "signer"),
        ('signer = "caregiver"', 'signer = "parent"', "signing.caregiver_signs"),
    ],
)
def test_a_broken_file_names_the_file_and_the_field_in_one_sentence(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    assert old in TEXAS
    (tmp_path / "TX.toml").write_text(TEXAS.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(JurisdictionError) as raised:
        load_jurisdiction("TX", folder=tmp_path)
    for language in SUPPORTED_LANGUAGES:
        message = raised.value.message(language)
        assert "TX.toml" in message
        assert field in message
        assert message.endswith(".") and ". " not in message, message
        assert "Traceback" not in message and "pydantic" not in message
    assert str(raised.value) == raised.value.message("en")


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_deleting_one_elements_sentence_in_one_language_is_caught(
    monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    from planner import jurisdictions

    real = jurisdictions.catalogue

    def without(domain: str, lang: str) -> dict[str, str]:
        texts = dict(real(domain, lang))
        if domain == "paper_tx" and lang == language:
            del texts["no_court_order"]
        return texts

    monkeypatch.setattr(jurisdictions, "catalogue", without)
    with pytest.raises(JurisdictionError, match=r"paper_tx\.no_court_order"):
        jurisdictions.parse_jurisdiction(JURISDICTIONS / "TX.toml")


def test_a_sentence_may_fill_in_only_what_the_paper_has(monkeypatch: pytest.MonkeyPatch) -> None:
    from planner import jurisdictions

    real = jurisdictions.catalogue

    def leaking(domain: str, lang: str) -> dict[str, str]:
        texts = dict(real(domain, lang))
        if domain == "paper_tx":
            texts["no_court_order"] += " {a_number}"
        return texts

    monkeypatch.setattr(jurisdictions, "catalogue", leaking)
    with pytest.raises(JurisdictionError, match=r"paper_tx\.no_court_order"):
        jurisdictions.parse_jurisdiction(JURISDICTIONS / "TX.toml")


@pytest.mark.parametrize("code", STATES)
def test_every_state_lists_its_elements_with_citations_and_when_it_is_signed(code: str) -> None:
    rules = load_jurisdiction(code)
    assert rules.elements
    assert all(element.citation and element.requires for element in rules.elements)
    assert rules.signing.when == ("when_child_moves_in" if code in ("CA", "MA") else "now")
    signers = {e.signer for e in rules.elements if e.place == "signature"}
    assert "parent" in signers or code == "CA"  # CA: the caregiver alone signs (§6552)
    if rules.needs_notary:
        assert any(e.place == "notary" for e in rules.elements)


def test_a_file_that_is_not_toml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "TX.toml").write_text('code = "TX"\nname = \n', encoding="utf-8")
    with pytest.raises(JurisdictionError, match=r"TX\.toml.*line 2"):
        load_jurisdiction("TX", folder=tmp_path)


def test_the_loader_reads_another_folder(tmp_path: Path) -> None:
    (tmp_path / "TX.toml").write_text(TEXAS.replace("notice_days = 10", "notice_days = 12"))
    (tmp_path / "generic.toml").write_text((JURISDICTIONS / "generic.toml").read_text())
    assert load_jurisdiction("TX", folder=tmp_path).other_parent.notice_days == 12
    assert load_jurisdiction("CA", folder=tmp_path).is_generic
    assert available_states(tmp_path) == ("TX",)


# --- the catalogues -----------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_each_language_has_every_sentence_with_the_same_placeholders(language: str) -> None:
    english, other = catalogue(DOMAIN, "en"), catalogue(DOMAIN, language)
    assert set(other) == set(english)
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key
        assert other[key] != text, f"{key} is not translated"


def test_every_choice_fixed_in_code_has_a_label() -> None:
    for table, values in CHOICES.items():
        for value in values:
            for language in SUPPORTED_LANGUAGES:
                assert f"{table}.{value}" in catalogue(DOMAIN, language), (table, value, language)
    assert label("notary", "if_term_over", "es", days=30).count("30") == 1


def test_no_sentence_names_a_key_instead_of_words() -> None:
    keys = re.compile(r"\b[a-z]+_[a-z_]+\b")
    for language in SUPPORTED_LANGUAGES:
        for key, text in catalogue(DOMAIN, language).items():
            bare = re.sub(r"\{[a-z_]+\}", "", text)
            assert not keys.search(bare), (language, key, text)


def test_a_state_without_sentences_is_refused(tmp_path: Path) -> None:
    (tmp_path / "OK.toml").write_text(TEXAS.replace('code = "TX"', 'code = "OK"'))
    with pytest.raises(JurisdictionError, match=r"OK\.toml.*OK\.summary"):
        load_jurisdiction("OK", folder=tmp_path)
