"""Lists people choose from (languages, countries), named in the interface's language
and sorted the way a reader of that language expects."""

from __future__ import annotations

import unicodedata
from functools import cache

from planner.places import country_codes, country_name, language_codes, language_name

COMMON_LANGUAGES = ("en", "es", "pt", "ht", "vi", "zh", "fr", "ar")
"""Shown first, as check boxes: the languages most families at a clinic speak."""
INDIGENOUS_LANGUAGES = ("quc", "mam", "kjb", "cak", "tzo", "yua", "zap")
"""Mayan and other languages of Mexico and Guatemala, which have no two-letter code."""


def sort_key(text: str) -> str:
    """Á sorts with A, Ñ with N: what a reader scanning an alphabetical list expects."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def language_label(code: str, language: str) -> str:
    name = language_name(code, language)
    return name[:1].upper() + name[1:]


def language_choices(codes: list[str], language: str) -> list[tuple[str, str]]:
    """The common languages in their usual order, then any others the plan holds."""
    shown = [*COMMON_LANGUAGES, *(c for c in codes if c not in COMMON_LANGUAGES)]
    return [(code, language_label(code, language)) for code in dict.fromkeys(shown)]


@cache
def _other_languages(language: str) -> tuple[tuple[str, str], ...]:
    codes = {*language_codes(), *INDIGENOUS_LANGUAGES} - set(COMMON_LANGUAGES)
    named = [(code, language_label(code, language)) for code in codes]
    return tuple(sorted(named, key=lambda pair: sort_key(pair[1])))


def other_language_choices(language: str) -> list[tuple[str, str]]:
    """Every other language with a name, alphabetically, to add to the check boxes."""
    return list(_other_languages(language))


@cache
def _countries(language: str) -> tuple[tuple[str, str], ...]:
    named = [(code, country_name(code, language)) for code in country_codes()]
    return tuple(sorted(named, key=lambda pair: sort_key(pair[1])))


def country_choices(language: str, keep: str = "") -> list[tuple[str, str]]:
    """Every country by name; a code the plan holds that is no country is kept, shown as itself."""
    choices = list(_countries(language))
    if keep and keep not in dict(choices):
        choices.insert(0, (keep, keep))
    return choices
