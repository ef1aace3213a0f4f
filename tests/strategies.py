"""Hypothesis strategies for what people type: names in every script, phones in every format."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import phonenumbers
from hypothesis import strategies as st

from planner.model import (
    Adult,
    Attorney,
    CareArrangement,
    CaseInfo,
    Child,
    Contact,
    Household,
    Phone,
    Plan,
    ReviewSchedule,
    School,
)

# Characters that break naive code: markup, quotes, accents, Vietnamese, Arabic and Hebrew (right to
# left), emoji (outside the BMP), and the zero-width joiner emoji sequences use.
TRICKY = "<>&\"'/\\;{}[]%$#ÁéíóúñÑüçãõâêôơưăđĐễệỗửữĩ ﻣحمدعليשלוםŁłŻżØøßæ😀👨‍👩‍👧🇬🇹\u200d"

typed_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY),
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    ),
    max_size=40,
)
"""Free text as a person types it: anything but control characters and lone surrogates."""

name_text = typed_text.filter(lambda s: s.strip() != "")


def _printable(character: str) -> bool:
    from forms.kit import font_covers

    return font_covers(character)


_RIGHT_TO_LEFT = ("R", "AL", "AN")

printable_text = st.text(
    alphabet=st.one_of(
        st.sampled_from([c for c in TRICKY if c != "\u200d" and _printable(c)]),
        st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Mn", "Me", "Zl", "Zp")
        ).filter(_printable),
    ).filter(lambda c: unicodedata.bidirectional(c) not in _RIGHT_TO_LEFT),
    max_size=40,
)
"""Left-to-right text a person types that the embedded font can print: it must come back out."""

right_to_left_names = st.lists(
    st.text(alphabet="אבגדהוזחטיכלמנסעפצקרשתمحمدعليفاطمةحسنيوسف", min_size=1, max_size=8),
    min_size=1,
    max_size=3,
).map(" ".join)
"""Hebrew and Arabic names as people write them: words of one script. (Mixed with stray neutral
characters, extraction order from a PDF is ambiguous, so those are only rendered, not compared.)"""

printable_names = st.one_of(printable_text.filter(lambda s: s.strip() != ""), right_to_left_names)

VALID_NUMBERS = ["+12135550143", "+15125550177", "+17185550100", "+50255551234", "+50937123456",
                 "+84912345678", "+525512345678"]  # fmt: skip


@st.composite
def typed_phone(draw: st.DrawFn) -> tuple[str, str]:
    """(what a person might type, the E.164 number they meant)."""
    e164 = draw(st.sampled_from(VALID_NUMBERS))
    number = phonenumbers.parse(e164)
    style = draw(st.sampled_from(["national", "international", "e164", "digits", "dots"]))
    if phonenumbers.region_code_for_number(number) != "US" and style in ("national", "digits"):
        style = "international"
    national = str(number.national_number)
    typed = {
        "national": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
        "international": phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        ),
        "e164": e164,
        "digits": national,
        "dots": f"+{number.country_code}." + ".".join([national[:3], national[3:6], national[6:]]),
    }[style]
    padding = draw(st.sampled_from(["", " ", "  "]))
    return padding + typed + padding, e164


@st.composite
def typed_a_number(draw: st.DrawFn) -> tuple[str, str]:
    """(an A-number as typed, the 9 digits stored)."""
    digits = draw(st.text(alphabet="0123456789", min_size=8, max_size=9))
    stored = digits.zfill(9)
    prefix = draw(st.sampled_from(["", "A", "a", "A-", "A "]))
    if len(digits) == 9 and draw(st.booleans()):
        digits = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return prefix + digits, stored


past_dates = st.dates(min_value=date(1940, 1, 1), max_value=date(2026, 11, 24))
child_births = st.dates(min_value=date(2009, 1, 1), max_value=date(2026, 11, 24))


attorneys = st.builds(Attorney, id=st.just("attorney-0"), given_names=name_text)


@st.composite
def valid_plans(draw: st.DrawFn, names: st.SearchStrategy[str] = name_text) -> Plan:
    """Plans a family could really save: every reference points at someone who exists."""
    n_adults = draw(st.integers(1, 2))
    n_contacts = draw(st.integers(0, 4))
    adults = [
        Adult(
            id=f"adult-{i}",
            given_names=draw(names),
            family_names=draw(typed_text),
            phones=[Phone(number=draw(typed_phone())[0])],
            date_of_birth=draw(st.none() | past_dates),
            country_of_birth=draw(st.sampled_from(["", "MX", "GT", "HT", "VN", "SV"])),
            case=CaseInfo(
                a_number=draw(st.just("") | typed_a_number().map(lambda t: t[0])),
                notes=draw(typed_text),
            ),
        )
        for i in range(n_adults)
    ]
    contacts = [
        Contact(
            id=f"contact-{i}",
            given_names=draw(names),
            family_names=draw(typed_text),
            relationship_detail=draw(typed_text),
            phones=[Phone(number=draw(typed_phone())[0], note=draw(typed_text))],
            notes=draw(typed_text),
        )
        for i in range(n_contacts)
    ]
    people = [p.id for p in adults + contacts]
    schools = [School(id="school-0", name=draw(name_text))]
    children = [
        Child(
            id=f"child-{i}",
            given_names=draw(names),
            family_names=draw(typed_text),
            date_of_birth=draw(child_births),
            school_id=draw(st.sampled_from([None, "school-0"])),
            routines_and_comfort=draw(typed_text),
            care=CareArrangement(primary_caregiver_id=draw(st.sampled_from(people))),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    return Plan(
        household=Household(
            display_name=draw(name_text), state=draw(st.sampled_from(["CA", "TX", "NY", "IL"]))
        ),
        adults=adults,
        children=children,
        emergency_contacts=contacts,
        attorneys=draw(st.lists(attorneys, max_size=1)),
        schools=schools,
        review=ReviewSchedule(
            next_review=draw(st.none() | st.just(date(2026, 11, 25) + timedelta(days=90)))
        ),
        notes=draw(typed_text),
    )
