"""How phone numbers and A-numbers are typed, stored and printed.

People type these in every format ("(213) 555-0143", "A-123-456-789"). The plan stores one
canonical form when the input is valid, and keeps the typed text untouched when it is not, so that
validation can point at it and nobody's entry silently disappears.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "US"
"""A number typed without a country code is taken as a US number."""

_A_NUMBER_SEPARATORS = re.compile(r"[\s.\-#\u2010-\u2015\u2212]")
"""Spaces, dots, hyphens, and the dashes a word processor or a PDF turns hyphens into."""


def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The number a person meant, or None when it cannot be a real, dialable number.

    Besides what phonenumbers reads, this accepts the way families abroad write numbers: the
    international prefix "00" (used from Mexico, Central America, Haiti, Vietnam) instead of "+",
    and a Mexican mobile with the "1" after +52 that Mexico stopped using in 2019. An extension
    ("x12", "ext. 12") is kept.
    """
    text = text.strip()
    if not text:
        return None
    candidates = [text, "+" + text[2:]] if text.startswith("00") else [text]
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
        national = str(number.national_number)
        if number.country_code == 52 and len(national) == 11 and national.startswith("1"):
            number.national_number = int(national[1:])
            if phonenumbers.is_valid_number(number):
                return number
    return None


@lru_cache(maxsize=4096)
def canonical_phone(text: str) -> str:
    """E.164 (`+12135550143`) for a valid number, with `;ext=12` for an extension (as in a tel:
    URI, which phonenumbers reads back); the typed text unchanged otherwise."""
    number = parse_phone(text)
    if number is None:
        return text
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164


@lru_cache(maxsize=4096)
def display_phone(text: str) -> str:
    """How a person reads the number: national format at home, international format abroad."""
    number = parse_phone(text)
    if number is None:
        return text
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def a_number_digits(text: str) -> str | None:
    """The 9 digits of an A-number typed as `A-123-456-789`, `A12345678` or `123456789`.

    An 8-digit number gets a leading zero, as DHS writes it. None when the text is not an A-number.
    """
    cleaned = _A_NUMBER_SEPARATORS.sub("", text.strip())
    if cleaned[:1] in ("A", "a"):
        cleaned = cleaned[1:]
    if cleaned.isascii() and cleaned.isdigit() and len(cleaned) in (8, 9):
        return cleaned.zfill(9)
    return None


def canonical_a_number(text: str) -> str:
    """The 9 stored digits for a valid A-number; the typed text unchanged otherwise."""
    digits = a_number_digits(text)
    return text if digits is None else digits


def display_a_number(text: str) -> str:
    """`A-012-345-678`, the way the Notice to Appear prints it."""
    digits = a_number_digits(text)
    if digits is None:
        return text
    return f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}"
