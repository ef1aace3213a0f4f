"""Phones and A-numbers as people type them: accepted in every format, stored one way."""

from __future__ import annotations

import pytest
from hypothesis import given

from planner.formats import (
    a_number_digits,
    canonical_a_number,
    canonical_phone,
    display_a_number,
    display_phone,
)
from tests.strategies import typed_a_number, typed_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(213) 555-0143", "+12135550143"),
        ("213-555-0143", "+12135550143"),
        ("213.555.0143", "+12135550143"),
        ("2135550143", "+12135550143"),
        ("+1 213 555 0143", "+12135550143"),
        ("1-213-555-0143", "+12135550143"),
        (" (213) 555-0143 ", "+12135550143"),
        ("+502 5555 1234", "+50255551234"),  # a grandmother in Guatemala
        ("+509 3712 3456", "+50937123456"),  # Haiti
        ("+84 912 345 678", "+84912345678"),  # Vietnam
        ("+52 55 1234 5678", "+525512345678"),  # Mexico City
        ("+52 1 55 1234 5678", "+525512345678"),  # the mobile "1" Mexico dropped in 2019
        ("+52 1 664 123 4567", "+526641234567"),  # Tijuana mobile, old style
        ("00502 5555 1234", "+50255551234"),  # "00" instead of "+", as dialled abroad
        ("00 52 55 1234 5678", "+525512345678"),
        ("011 502 5555 1234", "+50255551234"),  # the US international prefix
        ("(213) 555-0143 x12", "+12135550143;ext=12"),  # an extension is kept, not dropped
        ("213-555-0143 ext. 12", "+12135550143;ext=12"),
        ("+12135550143;ext=12", "+12135550143;ext=12"),  # stored form reads back the same
    ],
)
def test_a_valid_phone_is_stored_in_e164(typed: str, stored: str) -> None:
    assert canonical_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["555-1234", "12 345", "call me", "5555 1234", "+1 000 000 0000", "   ", "00", "0055 1234",
     "+52 2 55 1234 5678", "+52 1 55 1234 567"],
)  # fmt: skip
def test_a_number_that_cannot_be_dialled_is_kept_as_typed(typed: str) -> None:
    assert canonical_phone(typed) == typed


def test_a_foreign_number_without_country_code_is_not_mistaken_for_a_us_number() -> None:
    # 8 digits is a whole number in Guatemala, but not in the US: it must not become a US number.
    assert canonical_phone("5555 1234") == "5555 1234"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+12135550143", "(213) 555-0143"),
        ("+50255551234", "+502 5555 1234"),
        ("+12135550143;ext=12", "(213) 555-0143 ext. 12"),
    ],
)
def test_phones_print_as_people_read_them(stored: str, shown: str) -> None:
    assert display_phone(stored) == shown


@given(typed_phone())
def test_any_format_of_a_valid_phone_means_the_same_number(case: tuple[str, str]) -> None:
    typed, e164 = case
    assert canonical_phone(typed) == e164
    assert canonical_phone(canonical_phone(typed)) == e164


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("A-123-456-789", "123456789"),
        ("A123456789", "123456789"),
        ("a 123 456 789", "123456789"),
        ("123456789", "123456789"),
        ("12345678", "012345678"),  # 8 digits: DHS adds a leading zero
        ("A12345678", "012345678"),
        ("A-12-345-678", "012345678"),
        ("A\u2010123\u2013456\u2014789", "123456789"),  # dashes copied from a letter or a PDF
        ("A\u00a0123\u00a0456\u00a0789", "123456789"),  # no-break spaces
    ],
)
def test_a_valid_a_number_is_stored_as_nine_digits(typed: str, stored: str) -> None:
    assert canonical_a_number(typed) == stored


@pytest.mark.parametrize(
    "typed", ["A1234567", "1234567", "A1234567890", "B123456789", "A12345678X", "١٢٣٤٥٦٧٨٩", ""]
)
def test_something_else_is_not_an_a_number(typed: str) -> None:
    assert a_number_digits(typed) is None
    assert canonical_a_number(typed) == typed


def test_a_numbers_print_as_on_a_notice_to_appear() -> None:
    assert display_a_number("012345678") == "A-012-345-678"


@given(typed_a_number())
def test_any_format_of_an_a_number_is_stored_the_same(case: tuple[str, str]) -> None:
    typed, stored = case
    assert canonical_a_number(typed) == stored
