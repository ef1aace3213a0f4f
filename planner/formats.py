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

_A_NUMBER_SEPARATORS = re.compile(r"[\s.\-#]")


def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The number a person meant, or None when it cannot be a real, dialable number."""
    if not text.strip():
        return None
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


@lru_cache(maxsize=4096)
def canonical_phone(text: str) -> str:
    """E.164 (`+12135550143`) for a valid number; the typed text unchanged otherwise."""
    number = parse_phone(text)
    if number is None:
        return text
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


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
