"""Hypothesis strategies for what people type: names in every script, phones in every format."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import phonenumbers
from hypothesis import strategies as st

from planner.model import (
    Address,
    Adult,
    Attorney,
    CareArrangement,
    CaseInfo,
    Child,
    Consulate,
    Contact,
    DocumentLocation,
    DocumentStatus,
    Employer,
    HealthInfo,
    Hotline,
    Household,
    ImmigrationStatus,
    Medication,
    MoneyItem,
    MoneyKind,
    PaperEnd,
    PaperKind,
    PaperPeriod,
    PaperStart,
    Phone,
    PhoneKind,
    Plan,
    Relationship,
    ReviewSchedule,
    School,
)

# Characters that break naive code: markup, quotes, accents, Vietnamese, Arabic and Hebrew (right to
# left), emoji (outside the BMP), and the zero-width joiner emoji sequences use.
TRICKY = "<>&\"'/\\;{}[]%$#ÁéíóúñÑüçãõâêôơưăđĐễệỗửữĩ ﻣحمدعليשלוםŁłŻżØøßæ😀👨‍👩‍👧🇬🇹\u200d"

DIRECTION_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The invisible embeddings, overrides and isolates validation refuses (the marks it allows)."""

typed_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY),
        st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=DIRECTION_CONTROLS
        ),
    ),
    max_size=40,
)
"""Free text as a person types it: anything but control characters, lone surrogates and the
direction controls a valid plan cannot hold."""


def as_a_note(text: str) -> str:
    """What a note field keeps of typed text: all of it, but Unicode's line and paragraph
    separators (Shift+Enter types one) become line breaks, which every document prints."""
    return text.replace("\u2028", "\n").replace("\u2029", "\n").strip()


name_text = typed_text.filter(lambda s: s.strip() != "")

lone_surrogates = st.characters(categories=["Cs"])
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
"""Half of a UTF-16 pair, as a JSON escape ("\\ud800") or a broken copy and paste leaves it."""

surrogate_text = st.builds(
    lambda before, halves, after: before + "".join(halves) + after,
    typed_text,
    st.lists(lone_surrogates, min_size=1, max_size=3),
    typed_text,
).filter(lambda text: not _SURROGATE_PAIR.search(text))
"""Typed text holding at least one lone surrogate: no plan may keep it (every other text
strategy here leaves them out, since tests that print or save text need real characters)."""


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


LAST_PAST_DAY = date(2026, 11, 24)
"""The day before the tests' today (tests.conftest.TODAY): the last past date generated."""
past_dates = st.dates(min_value=date(1940, 1, 1), max_value=LAST_PAST_DAY)
child_births = st.dates(min_value=date(2009, 1, 1), max_value=LAST_PAST_DAY)


attorneys = st.builds(Attorney, id=st.just("attorney-0"), given_names=name_text)


def signing_days(born: date) -> st.SearchStrategy[date]:
    """A day a child's caregiver paper was signed: in the past, not before the child's birth."""
    return st.dates(min_value=born, max_value=LAST_PAST_DAY)


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
    births = draw(st.lists(child_births, max_size=4))
    children = [
        Child(
            id=f"child-{i}",
            given_names=draw(names),
            family_names=draw(typed_text),
            date_of_birth=born,
            school_id=draw(st.sampled_from([None, "school-0"])),
            routines_and_comfort=draw(typed_text),
            care=CareArrangement(
                primary_caregiver_id=draw(st.sampled_from(people)),
                paper_signed_on=draw(st.none() | signing_days(born)),
            ),
        )
        for i, born in enumerate(births)
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


phones = st.sampled_from(VALID_NUMBERS)


@st.composite
def rich_plans(draw: st.DrawFn) -> Plan:
    """Valid plans whose every free-text field a document prints is filled with tricky text."""
    plan = draw(valid_plans())
    attorney_id = plan.attorneys[0].id if plan.attorneys else None
    adults = [
        adult.model_copy(
            update={
                "other_names": draw(typed_text),
                "consulate": Consulate(name=draw(typed_text), phone=draw(phones)),
                "employer": Employer(name=draw(typed_text), notes=draw(typed_text)),
                "case": CaseInfo(
                    a_number=adult.case.a_number if adult.case else "",
                    immigration_status=draw(st.none() | st.sampled_from(ImmigrationStatus)),
                    immigration_court=draw(typed_text),
                    next_hearing=draw(st.none() | past_dates),
                    pending_applications=draw(typed_text),
                    attorney_id=attorney_id,
                    g28_signed=draw(st.none() | st.booleans()),
                    g28_held_by=draw(typed_text),
                    arresting_officer=draw(typed_text),
                    notes=draw(typed_text),
                ),
            }
        )
        for adult in plan.adults
    ]
    owners = [None, *(a.id for a in plan.adults), *(c.id for c in plan.children)]
    documents = st.builds(
        DocumentLocation,
        kind=st.sampled_from(PaperKind),
        description=typed_text,
        belongs_to=st.sampled_from(owners),
        location=typed_text,
        status=st.sampled_from(DocumentStatus),
    )
    money = st.builds(
        MoneyItem,
        kind=st.sampled_from(MoneyKind),
        description=typed_text,
        who_can_access=typed_text,
        where_papers_are=typed_text,
    )
    hotlines = st.builds(Hotline, name=typed_text, phone=phones, hours=typed_text)
    return plan.model_copy(
        update={
            "adults": adults,
            "documents": draw(st.lists(documents, max_size=4)),
            "money_and_property": draw(st.lists(money, max_size=3)),
            "money_notes": draw(typed_text),
            "local_hotlines": draw(st.lists(hotlines, max_size=2)),
        }
    )


abroad = st.builds(
    Address,
    street=typed_text,
    city=typed_text,
    state=typed_text,
    postal_code=typed_text,
    country=st.sampled_from(["GT", "HT", "VN", "MX", "SV"]),
)
at_home = st.builds(
    Address,
    street=typed_text,
    unit=typed_text,
    city=typed_text,
    state=st.sampled_from(["CA", "TX", "NY", "DC", "PR", ""]),
    postal_code=st.sampled_from(["", "93701", "10027-1234"]),
)


@st.composite
def paper_periods(draw: st.DrawFn) -> PaperPeriod:
    """A period every state allows, whatever today is: an end date only after a start date, at
    most 90 days on (AZ allows six months)."""
    if not draw(st.booleans()):
        return PaperPeriod()
    start = draw(st.dates(min_value=date(2027, 1, 1), max_value=date(2027, 3, 1)))
    ends = draw(st.sampled_from(PaperEnd))
    end = start + timedelta(days=draw(st.integers(30, 90)))
    return PaperPeriod(
        starts=PaperStart.ON_DATE,
        start_date=start,
        ends=ends,
        end_date=end if ends is PaperEnd.ON_DATE else None,
    )


SPOKEN = ["es", "en", "quc", "ht", "vi"]
"""Languages an adult may speak: each at most once, as the window's check boxes give them."""


@st.composite
def whole_plans(draw: st.DrawFn) -> Plan:
    """Valid plans with every part of the model filled: adults with cases, employers and
    consulates, contacts abroad, attorneys, schools, health, papers, money, hotlines, review."""
    plan = draw(rich_plans())
    people = [p.id for p in [*plan.adults, *plan.emergency_contacts]]
    typed_phones = st.builds(
        Phone,
        number=typed_phone().map(lambda t: t[0]),
        kind=st.sampled_from(PhoneKind),
        note=typed_text,
    )
    adults = [
        adult.model_copy(
            update={
                "email": draw(st.sampled_from(["", "ines@example.org", "ñandú@ejemplo.com.mx"])),
                "address": draw(st.none() | at_home),
                "languages": draw(st.lists(st.sampled_from(SPOKEN), unique=True)),
                "lives_in_household": draw(st.booleans()),
                "family_violence_order": draw(st.booleans()),
                "employer": Employer(
                    name=draw(typed_text), phone=draw(phones), address=draw(st.none() | at_home)
                ),
                "consulate": Consulate(
                    name=draw(typed_text), phone=draw(phones), address=draw(st.none() | at_home)
                ),
            }
        )
        for adult in plan.adults
    ]
    contacts = [
        contact.model_copy(
            update={
                "phones": draw(st.lists(typed_phones, max_size=2)),
                "address": draw(st.none() | abroad | at_home),
                "relationship": draw(st.sampled_from(Relationship)),
                "date_of_birth": draw(st.none() | past_dates),
                "may_pick_up_children": draw(st.booleans()),
                "situation_is_stable": draw(st.none() | st.booleans()),
            }
        )
        for contact in plan.emergency_contacts
    ]
    children = [
        child.model_copy(
            update={
                "may_be_released_to": draw(st.lists(st.sampled_from(people), unique=True)),
                "must_not_be_released_to": draw(st.lists(typed_text, max_size=2)),
                "health": HealthInfo(
                    doctor=draw(typed_text),
                    doctor_phone=draw(phones),
                    allergies=draw(typed_text),
                    medications=draw(st.lists(st.builds(Medication, name=name_text), max_size=2)),
                ),
                "care": CareArrangement(
                    primary_caregiver_id=child.care.primary_caregiver_id,
                    alternate_caregiver_id=draw(
                        st.sampled_from(
                            [None, *(p for p in people if p != child.care.primary_caregiver_id)]
                        )
                    ),
                    term=draw(st.sampled_from(["short_term", "long_term", "undecided"])),
                    who_pays=draw(typed_text),
                    child_has_been_told=draw(st.none() | st.booleans()),
                    paper_period=draw(paper_periods()),
                    paper_signed_on=child.care.paper_signed_on,
                ),
            }
        )
        for child in plan.children
    ]
    attorneys = [
        attorney.model_copy(
            update={
                "organization": draw(typed_text),
                "phone": draw(phones),
                "phone_24h": draw(st.just("") | phones),
                "email": "lee@example.org",
                "address": draw(st.none() | at_home),
                "bar_or_eoir_id": draw(typed_text),
                "is_accredited_representative": draw(st.booleans()),
            }
        )
        for attorney in plan.attorneys
    ]
    schools = [
        school.model_copy(
            update={
                "address": draw(st.none() | at_home),
                "phone": draw(phones),
                "kind": draw(st.sampled_from(["school", "child_care", "after_school"])),
            }
        )
        for school in plan.schools
    ]
    review = ReviewSchedule(
        last_reviewed=draw(st.none() | past_dates),
        next_review=plan.review.next_review,
        reviewed_by_attorney_on=draw(st.none() | past_dates),
    )
    return plan.model_copy(
        update={"adults": adults, "emergency_contacts": contacts, "children": children,
                "attorneys": attorneys, "schools": schools, "review": review}
    )  # fmt: skip
