"""Languages and countries as the plan stores them and people read them."""

from __future__ import annotations

import pytest

from planner.places import country_name, is_country, is_language, language_codes, language_name


@pytest.mark.parametrize("code", ["es", "es-MX", "quc", "mam", "ht", "zh-Hant", "nhe"])
def test_languages_families_speak_are_accepted(code: str) -> None:
    assert is_language(code)


@pytest.mark.parametrize("code", ["", "x", "xx", "zz-1", "espa", "Spanish", "e s"])
def test_what_is_no_language_is_refused(code: str) -> None:
    assert not is_language(code)


def test_a_language_is_named_in_the_readers_language() -> None:
    assert language_name("de", "es") == "Alemán"
    assert language_name("de", "en") == "German"
    assert language_name("quc", "en") == "K'iche'"
    assert language_name("ht", "ht") == "Kreyòl ayisyen"


def test_an_unknown_language_reads_as_its_code() -> None:
    assert language_name("xyz-1") == "xyz-1"


def test_the_two_letter_list_holds_the_common_languages_only_once() -> None:
    codes = language_codes()
    assert {"en", "es", "pt", "ht", "vi", "zh", "fr", "ar"} <= set(codes)
    assert len(codes) == len(set(codes)) and all(len(code) == 2 for code in codes)


def test_countries_are_upper_case_codes_named_in_the_readers_language() -> None:
    assert is_country("MX") and not is_country("mx") and not is_country("XX")
    assert country_name("MX", "es") == "México"
    assert country_name("XX") == "XX"
