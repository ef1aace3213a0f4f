"""US states and the world's countries, as codes the plan stores and names people read."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

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


def is_us_state(code: str) -> bool:
    return code in US_STATES


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code, upper case, as the plan stores countries."""
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


@cache
def _country_names(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str, language: str = "en") -> str:
    """The country's common name in the reader's language; the code itself if unknown."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    name: str = getattr(country, "common_name", None) or country.name
    return _country_names(language).gettext(name)


def country_codes() -> list[str]:
    return sorted(c.alpha_2 for c in pycountry.countries)


@cache
def _language_names(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


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


def is_language(code: str) -> bool:
    """An ISO 639 language (two letters, or three for languages such as K'iche' "quc" or Mam),
    with or without a region or script after it ("es-MX")."""
    base = code.split("-")[0]
    if (base, "en") in _LANGUAGE_NAMES_WE_SAY:
        return True
    if len(base) == 2:
        return pycountry.languages.get(alpha_2=base) is not None
    return len(base) == 3 and pycountry.languages.get(alpha_3=base) is not None


def language_name(code: str, language: str = "en") -> str:
    """A language's name in the reader's language ("vi" → "Vietnamese" / "Vietnamita")."""
    base = code.split("-")[0]
    if (base, language) in _LANGUAGE_NAMES_WE_SAY:
        return _LANGUAGE_NAMES_WE_SAY[(base, language)]
    found = pycountry.languages.get(alpha_2=base) if len(base) == 2 else None
    found = found or pycountry.languages.get(alpha_3=base)
    if found is None:
        return code
    return _language_names(language).gettext(found.name)
