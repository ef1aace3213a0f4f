"""US states and the world's countries, as codes the plan stores and names people read."""

from __future__ import annotations

import gettext
import json
from functools import cache
from pathlib import Path
from types import ModuleType

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}  # fmt: skip
"""States, DC and the inhabited territories: where a family in the US may live."""


def _iso() -> ModuleType:
    """pycountry, imported the first time a country or language is looked up: most starts of
    the window and most commands never need its tables."""
    import pycountry

    return pycountry


def is_us_state(code: str) -> bool:
    return code in US_STATES


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code, upper case, as the plan stores countries."""
    return len(code) == 2 and code.isupper() and _iso().countries.get(alpha_2=code) is not None


@cache
def _country_names(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", _iso().LOCALES_DIR, languages=[language], fallback=True)


def country_name(code: str, language: str = "en") -> str:
    """The country's common name in the reader's language; the code itself if unknown."""
    country = _iso().countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    name: str = getattr(country, "common_name", None) or country.name
    return _country_names(language).gettext(name)


def country_codes() -> list[str]:
    return sorted(c.alpha_2 for c in _iso().countries)


@cache
def _language_names(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso639-3", _iso().LOCALES_DIR, languages=[language], fallback=True)


_LANGUAGE_NAMES_WE_SAY = {
    ("ht", "en"): "Haitian Creole",
    ("ht", "es"): "Criollo haitiano",
    ("ht", "ht"): "Kreyòl ayisyen",
    ("en", "en"): "English",
    ("en", "es"): "Inglés",
    ("es", "en"): "Spanish",
    ("es", "es"): "Español",
    ("pt", "en"): "Portuguese",
    ("pt", "es"): "Portugués",
    ("vi", "en"): "Vietnamese",
    ("vi", "es"): "Vietnamita",
    ("zh", "en"): "Chinese",
    ("zh", "es"): "Chino",
    ("fr", "en"): "French",
    ("fr", "es"): "Francés",
    ("ar", "en"): "Arabic",
    ("ar", "es"): "Árabe",
}
"""Where ISO's name is not the one families use (Haitian Creole), and the languages heard most in
the families this program serves, named without loading ISO's 8,000-language table at start-up."""


@cache
def _languages() -> dict[str, str]:
    """ISO 639's languages, each two- and three-letter code to its English name, read from
    pycountry's own table with the standard JSON reader: a third of the time pycountry takes
    to index its 8,000 entries as objects, which every `planner` command that checks a plan,
    and every worker that renders one, would pay."""
    table = Path(_iso().DATABASE_DIR, "iso639-3.json").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for entry in json.loads(table)["639-3"]:
        names[entry["alpha_3"]] = entry["name"]
        if "alpha_2" in entry:
            names[entry["alpha_2"]] = entry["name"]
    return names


def language_codes() -> list[str]:
    """Every two-letter language code, as ISO 639-1 gives them."""
    return [code for code in _languages() if len(code) == 2]


def is_language(code: str) -> bool:
    """An ISO 639 language (two letters, or three for languages such as K'iche' "quc" or Mam),
    with or without a region or script after it ("es-MX")."""
    base = code.split("-")[0]
    if (base, "en") in _LANGUAGE_NAMES_WE_SAY:
        return True
    return len(base) in (2, 3) and base in _languages()


def language_name(code: str, language: str = "en") -> str:
    """A language's name in the reader's language ("vi" → "Vietnamese" / "Vietnamita")."""
    base = code.split("-")[0]
    if (base, language) in _LANGUAGE_NAMES_WE_SAY:
        return _LANGUAGE_NAMES_WE_SAY[(base, language)]
    name = _languages().get(base) if len(base) in (2, 3) else None
    if name is None:
        return code
    return _language_names(language).gettext(name)
