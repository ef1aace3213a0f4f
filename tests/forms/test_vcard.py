"""Contacts for phones: the vCard file read back by a strict parser gives every name and number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms import kit, vcard
from forms.context import RenderContext, RenderOptions
from forms.packet import RENDERERS, render_packet
from planner.model import Address, Attorney, Contact, Phone, PhoneKind, Plan
from planner.packet import PacketDocumentKind
from planner.people import relationship_text
from tests.conftest import EXAMPLES, TODAY, example_plan
from tests.strategies import name_text, typed_text, valid_plans

LANGUAGES = ("en", "es")
NAMES = [p.name for p in EXAMPLES]
TYPES = {PhoneKind.MOBILE: "cell", PhoneKind.HOME: "home", PhoneKind.WORK: "work"}

# --- a small, strict reader -----------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z0-9-]+")
_PARAM = re.compile(r'([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*(?:,[^";:,]*)*)')


@dataclass(frozen=True)
class Property:
    name: str
    params: dict[str, str]
    value: str
    """Still escaped, as written."""


def physical_lines(content: bytes) -> list[bytes]:
    if not content:
        return []
    assert content.endswith(b"\r\n")
    assert content.count(b"\n") == content.count(b"\r") == content.count(b"\r\n"), "CRLF only"
    lines = content[:-2].split(b"\r\n")
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # strict: a fold never splits a character
    return lines


def unfold(lines: list[bytes]) -> list[str]:
    logical: list[bytes] = []
    for line in lines:
        if line.startswith((b" ", b"\t")):
            assert logical, "a continuation with nothing to continue"
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]


def content_line(line: str) -> Property:
    match = _NAME.match(line)
    assert match, line
    name, rest = match.group().upper(), line[match.end() :]
    params: dict[str, str] = {}
    while rest.startswith(";"):
        param = _PARAM.match(rest, 1)
        assert param, line
        params[param.group(1).upper()] = param.group(2).strip('"')
        rest = rest[param.end() :]
    assert rest.startswith(":"), line
    return Property(name, params, rest[1:])


def unescape(value: str, compound: bool = False) -> list[str]:
    """The fields of a value (one unless `compound`); a stray `,` `;` or `\\` fails the test."""
    fields, current, index = [], "", 0
    while index < len(value):
        character = value[index]
        if character == "\\":
            following = value[index + 1 : index + 2]
            assert following in ("\\", ",", ";", "n", "N"), f"bad escape in {value!r}"
            current += "\n" if following in "nN" else following
            index += 2
            continue
        assert character != ",", f"unescaped comma in {value!r}"
        if character == ";":
            assert compound, f"unescaped semicolon in {value!r}"
            fields.append(current)
            current = ""
        else:
            current += character
        index += 1
    return [*fields, current]


def text(prop: Property) -> str:
    (value,) = unescape(prop.value)
    return value


def parse(content: bytes) -> list[list[Property]]:
    """The cards of a vCard file, each a list of its properties."""
    cards: list[list[Property]] = []
    current: list[Property] | None = None
    for prop in map(content_line, unfold(physical_lines(content))):
        if prop.name == "BEGIN":
            assert current is None and prop.value.upper() == "VCARD"
            current = [prop]
        elif prop.name == "END":
            assert current is not None and prop.value.upper() == "VCARD"
            cards.append(current[1:])
            current = None
        else:
            assert current is not None, "a property outside BEGIN/END"
            if len(current) == 1:
                assert (prop.name, prop.value) == ("VERSION", "4.0"), "VERSION comes first"
            current.append(prop)
    assert current is None
    return cards


def one(card: list[Property], name: str) -> Property:
    (found,) = [p for p in card if p.name == name]
    return found


def tels(card: list[Property]) -> list[tuple[str, str]]:
    return [(p.params["TYPE"], p.value) for p in card if p.name == "TEL"]


# --- the file -------------------------------------------------------------------------------------


def render(plan: Plan, language: str = "en") -> bytes:
    return vcard.render(RenderContext.for_plan(plan, RenderOptions(language=language, today=TODAY)))


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_every_contact_and_attorney_comes_back_exactly(name: str, language: str) -> None:
    plan = example_plan(name)
    content = render(plan, language)
    assert content.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    cards = parse(content)
    assert len(cards) == len(plan.emergency_contacts) + len(plan.attorneys)
    category = "Emergency plan" if language == "en" else "Plan de emergencia"
    for order, (contact, card) in enumerate(zip(plan.emergency_contacts, cards, strict=False), 1):
        assert text(one(card, "FN")) == nfc(contact.full_name)
        assert unescape(one(card, "N").value, compound=True) == [
            nfc(contact.family_names),
            nfc(contact.given_names),
            "",
            "",
            "",
        ]
        assert tels(card) == [(TYPES[p.kind], f"tel:{p.number}") for p in contact.phones]
        assert all(p.params["VALUE"] == "uri" for p in card if p.name == "TEL")
        first_tel = next(p for p in card if p.name == "TEL")
        assert first_tel.params["PREF"] == "1"
        note = text(one(card, "NOTE"))
        assert note.splitlines()[0] == (
            f"{vcard.ordinal(order, language)} to call"
            if language == "en"
            else f"{order}.ª persona a quien llamar"
        )
        assert relationship_text(contact, language) in note
        assert text(one(card, "CATEGORIES")) == category
        if contact.email:
            assert text(one(card, "EMAIL")) == contact.email
    for attorney, card in zip(plan.attorneys, cards[len(plan.emergency_contacts) :], strict=True):
        assert text(one(card, "FN")) == nfc(attorney.full_name)
        numbers = [f"tel:{n}" for n in (attorney.phone, attorney.phone_24h) if n]
        assert [value for _, value in tels(card)] == numbers
        assert text(one(card, "ORG")) == attorney.organization


def test_the_first_contact_is_the_first_to_call() -> None:
    content = render(example_plan("large-tx.json")).decode()
    assert "NOTE:1st to call\\n" in content
    assert [vcard.ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip
    assert vcard.ordinal(2, "es") == "2.ª"


def test_an_address_keeps_its_fields_apart() -> None:
    plan = example_plan("mixed-names-ny.json")
    cards = parse(render(plan, "en"))
    address = unescape(one(cards[2], "ADR").value, compound=True)
    assert address == ["", "", "45, Rue Capois", "Port-au-Prince", "Ouest", "HT6110", "Haiti"]
    us_address = unescape(one(cards[0], "ADR").value, compound=True)
    assert us_address[-1] == "", "a US address names no country"


TRICKY = [
    ("Thị Lan", "Đặng", True),
    ("Sofía 😀", "Núñez; Pérez, Jr.", False),
    ("back\\slash", "semi;colon,comma", False),
    ("👨‍👩‍👧 family", "🇬🇹", False),
    ("Nguye\u0302\u0303n", "Trần", True),
    ("line\nbreak", "tab\there", False),
]


@pytest.mark.parametrize(("given_names", "family_names", "family_first"), TRICKY)
def test_tricky_names_come_back_exactly(
    given_names: str, family_names: str, family_first: bool
) -> None:
    contact = Contact(
        id="c-1",
        given_names=given_names,
        family_names=family_names,
        family_name_first=family_first,
        relationship_detail="a;b,c\\d",
        phones=[
            Phone(number="+84912345678", note="Zalo; after 6 pm, \\ ok"),
            Phone(number="(213) 555-0143", kind=PhoneKind.HOME),
        ],
    )
    plan = example_plan("small-ca.json").model_copy(update={"emergency_contacts": [contact]})
    (card, *_) = parse(render(plan))
    expected = kit.clean_text(contact.full_name)
    assert text(one(card, "FN")) == expected
    assert expected == nfc(contact.full_name).replace("\t", " ")
    assert unescape(one(card, "N").value, compound=True)[:2] == [
        kit.clean_text(family_names),
        kit.clean_text(given_names),
    ]
    assert tels(card) == [("cell", "tel:+84912345678"), ("home", "tel:+12135550143")]
    note = text(one(card, "NOTE"))
    assert "a;b,c\\d" in note and "Zalo; after 6 pm, \\ ok" in note


def test_long_values_fold_at_75_octets_without_splitting_a_character() -> None:
    long_name = "Nguyễn Thị Hồng 😀 " * 300
    contact = Contact(id="c-1", given_names=long_name, address=Address(street="ễ" * 500))
    plan = example_plan("small-ca.json").model_copy(update={"emergency_contacts": [contact]})
    content = render(plan)
    lines = physical_lines(content)
    assert len(lines) > 200
    (card, *_) = parse(content)
    assert text(one(card, "FN")) == long_name.strip()


@pytest.mark.parametrize("width", range(70, 80))
def test_folding_never_splits_a_multibyte_character(width: int) -> None:
    line = "N" * (width - 3) + "ễ😀é" * 40
    folded = vcard.fold(line)
    parts = folded.removesuffix(b"\r\n").split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    assert b"".join([parts[0], *(p[1:] for p in parts[1:])]).decode("utf-8") == line


def test_a_number_that_is_not_a_phone_number_is_kept_as_text() -> None:
    contact = Contact(id="c-1", given_names="Ana", phones=[Phone(number="ask the neighbor, 2B")])
    plan = example_plan("small-ca.json").model_copy(update={"emergency_contacts": [contact]})
    (card, *_) = parse(render(plan))
    (tel,) = [p for p in card if p.name == "TEL"]
    assert "VALUE" not in tel.params
    assert text(tel) == "ask the neighbor, 2B"


def test_an_extension_is_dialled_after_the_number() -> None:
    contact = Contact(id="c-1", given_names="Ana", phones=[Phone(number="(213) 555-0143 x12")])
    plan = example_plan("small-ca.json").model_copy(update={"emergency_contacts": [contact]})
    (card, *_) = parse(render(plan))
    (tel,) = [p for p in card if p.name == "TEL"]
    # A URI value is not escaped text: RFC 6350 itself writes `tel:+1-555-555-5555;ext=5555`.
    assert tel.value == "tel:+12135550143;ext=12"


def test_no_sensitive_notes_go_to_the_phone() -> None:
    plan = example_plan("mixed-names-ny.json")
    content = render(plan).decode()
    for contact in plan.emergency_contacts:
        if contact.notes:
            assert vcard.escape(contact.notes) not in content


def test_an_attorney_without_a_name_is_filed_under_the_organization() -> None:
    attorney = Attorney(id="a-1", given_names="", organization="Legal Aid; Inc.", phone="")
    plan = example_plan("small-ca.json").model_copy(update={"attorneys": [attorney]})
    card = parse(render(plan))[-1]
    assert text(one(card, "FN")) == "Legal Aid; Inc."
    assert not [p for p in card if p.name == "TEL"]


def test_the_packet_includes_the_vcard() -> None:
    assert RENDERERS[PacketDocumentKind.VCARD] is vcard.render
    options = RenderOptions(language="en", today=TODAY, only=frozenset({"vcard"}))
    (document,) = render_packet(example_plan("large-tx.json"), options)
    assert document.filename.endswith(".vcf")
    assert document.content.startswith(b"BEGIN:VCARD\r\n")


@given(plan=valid_plans(), language=st.sampled_from(LANGUAGES))
def test_any_plan_gives_a_file_a_strict_reader_accepts(plan: Plan, language: str) -> None:
    cards = parse(render(plan, language))
    assert len(cards) == len(plan.emergency_contacts) + len(plan.attorneys)
    for contact, card in zip(plan.emergency_contacts, cards, strict=False):
        name = kit.clean_text(contact.full_name).strip() or relationship_text(contact, language)
        assert text(one(card, "FN")) == name
        assert [v for _, v in tels(card)] == [f"tel:{p.number}" for p in contact.phones]


@given(given_names=name_text, family_names=typed_text, note=typed_text)
def test_any_typed_name_and_note_come_back(given_names: str, family_names: str, note: str) -> None:
    contact = Contact(
        id="c-1",
        given_names=given_names,
        family_names=family_names,
        relationship_detail=note,
        phones=[Phone(number="+12135550143", note=note)],
    )
    plan = example_plan("small-ca.json").model_copy(update={"emergency_contacts": [contact]})
    (card, *_) = parse(render(plan))
    name = kit.clean_text(contact.full_name).strip() or relationship_text(contact, "en")
    assert text(one(card, "FN")) == name
    assert unescape(one(card, "N").value, compound=True)[:2] == [
        kit.clean_text(family_names),
        kit.clean_text(given_names),
    ]
    assert kit.clean_text(note) in text(one(card, "NOTE"))


def test_direction_overrides_never_reach_a_phone() -> None:
    """Validation refuses them, but the window prints a plan with problems too: before, the
    vCard passed U+202E to phones, which show the name reversed."""
    from forms.vcard import escape

    assert escape("\u202eعمر حداد\u202c") == "عمر حداد"
    assert escape("Ana\u2066 Ruiz\u2069") == "Ana Ruiz"
    assert escape("\u200fعمر") == "\u200fعمر"  # a right-to-left mark is kept: it reorders nothing
