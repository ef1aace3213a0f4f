"""Contacts for phones: the emergency contacts, in calling order, and the attorneys as vCard 4.0.

One `.vcf` file (RFC 6350) a phone imports in one tap: UTF-8, CRLF line ends, lines folded at 75
octets without splitting a character, and every value escaped, so a name with `;` `,` or `\\`
comes back exactly as typed. Only what a caller needs goes in: no status, no sensitive notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from forms.context import RenderContext
from forms.kit import clean_text
from planner.formats import canonical_phone, display_phone, parse_phone
from planner.i18n import translate
from planner.model import Address, Attorney, Contact, Phone, PhoneKind
from planner.people import relationship_text
from planner.places import country_name

DOMAIN = "doc_vcard"
LINE_OCTETS = 75
"""RFC 6350 §3.2: a longer line is folded; each continuation starts with one space."""
PRODUCT = "-//Family Preparedness Planner//Emergency contacts//EN"

_TEL_TYPE = {
    PhoneKind.MOBILE: "cell",
    PhoneKind.HOME: "home",
    PhoneKind.WORK: "work",
    PhoneKind.OTHER: "voice",
}


def escape(text: str) -> str:
    """A text value, or one field of a compound one, escaped as RFC 6350 §3.4 asks."""
    text = clean_text(text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\n", "\\n")


def compound(*fields: str) -> str:
    """A value made of fields (N, ADR, ORG): each escaped, then joined by semicolons."""
    return ";".join(escape(field) for field in fields)


def fold(line: str) -> bytes:
    """One content line as UTF-8 with its CRLF, folded so no line exceeds 75 octets.

    A fold never falls inside a character's UTF-8 bytes (RFC 6350 §3.2).
    """
    out = bytearray()
    width = 0
    for character in line:
        encoded = character.encode("utf-8", "replace")
        if width + len(encoded) > LINE_OCTETS:
            out += b"\r\n "
            width = 1
        out += encoded
        width += len(encoded)
    return bytes(out) + b"\r\n"


def _line(name: str, value: str, params: Sequence[str] = ()) -> str:
    return ";".join([name, *params]) + ":" + value


def _words(key: str, language: str, **params: object) -> str:
    return translate(key, language, params or None, domain=DOMAIN)


def ordinal(number: int, language: str) -> str:
    """1st, 2nd, 3rd, 11th … in English; 1.ª, 2.ª … in Spanish."""
    key = {1: "ordinal_one", 2: "ordinal_two", 3: "ordinal_few"}.get(number % 10, "ordinal_other")
    if number % 100 in (11, 12, 13):
        key = "ordinal_other"
    return _words(key, language, number=number)


def tel_line(number: str, kind: str, preferred: bool = False) -> str:
    """A TEL property: a `tel:` URI for a real number, the typed text for anything else."""
    params = [f"TYPE={kind}", *(["PREF=1"] if preferred else [])]
    if parse_phone(number) is None:
        return _line("TEL", escape(number), params)
    # The stored form is a tel: URI's own: E.164, and ";ext=12" as in RFC 6350's example.
    return _line("TEL", f"tel:{canonical_phone(number)}", ["VALUE=uri", *params])


def _phones(phones: Sequence[Phone]) -> list[str]:
    return [
        tel_line(phone.number, _TEL_TYPE[phone.kind], preferred=index == 0)
        for index, phone in enumerate(phones)
        if phone.number.strip()
    ]


def _address(address: Address | None, kind: str, language: str) -> list[str]:
    if address is None:
        return []
    street = ", ".join(part for part in (address.street, address.unit) if part)
    country = "" if address.country == "US" else country_name(address.country, language)
    fields = ("", "", street, address.city, address.state, address.postal_code, country)
    return [_line("ADR", compound(*fields), [f"TYPE={kind}"])] if any(fields) else []


def _birthday(contact: Contact) -> list[str]:
    """BDAY as RFC 6350 writes a date (19580319): phones show it, and it tells people apart."""
    born = contact.date_of_birth
    return [_line("BDAY", born.strftime("%Y%m%d"))] if born else []


def _card(body: list[str], name: str, family: str, given: str, language: str) -> list[str]:
    return [
        "BEGIN:VCARD",
        "VERSION:4.0",
        _line("PRODID", escape(PRODUCT)),
        _line("FN", escape(name)),
        _line("N", compound(family, given, "", "", "")),
        *body,
        _line("CATEGORIES", escape(_words("category", language))),
        "END:VCARD",
    ]


def contact_lines(contact: Contact, order: int, language: str) -> list[str]:
    """One emergency contact, with their place in the calling order in the note."""
    note = [_words("order", language, ordinal=ordinal(order, language))]
    note.append(relationship_text(contact, language))
    if contact.may_pick_up_children:
        note.append(_words("may_pick_up", language))
    note += [f"{display_phone(p.number)}: {p.note}" for p in contact.phones if p.note.strip()]
    body = [
        *_phones(contact.phones),
        *([_line("EMAIL", escape(contact.email))] if contact.email.strip() else []),
        *_address(contact.address, "home", language),
        *_birthday(contact),
        *(_line("LANG", code, [f"PREF={n}"]) for n, code in enumerate(contact.languages, 1)),
        _line("NOTE", escape("\n".join(note))),
    ]
    name = clean_text(contact.full_name).strip() or relationship_text(contact, language)
    return _card(body, name, contact.family_names, contact.given_names, language)


def attorney_lines(attorney: Attorney, language: str) -> list[str]:
    """An attorney or accredited representative, with the 24-hour line marked in the note."""
    accredited = attorney.is_accredited_representative
    title = _words("accredited_representative" if accredited else "attorney", language)
    note: list[str] = []
    if attorney.phone_24h:
        note.append(_words("phone_24h", language, phone=display_phone(attorney.phone_24h)))
    note += [attorney.bar_or_eoir_id] if attorney.bar_or_eoir_id.strip() else []
    phones = [tel_line(attorney.phone, "work", preferred=True)] if attorney.phone.strip() else []
    if attorney.phone_24h.strip():
        phones.append(tel_line(attorney.phone_24h, "voice", preferred=not phones))
    body = [
        *([_line("ORG", compound(attorney.organization))] if attorney.organization else []),
        _line("TITLE", escape(title)),
        *phones,
        *([_line("EMAIL", escape(attorney.email))] if attorney.email.strip() else []),
        *_address(attorney.address, "work", language),
        *([_line("NOTE", escape("\n".join(note)))] if note else []),
    ]
    name = (
        clean_text(attorney.full_name).strip() or clean_text(attorney.organization).strip() or title
    )
    return _card(body, name, attorney.family_names, attorney.given_names, language)


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    """The whole file: contacts in the order to call them, then the attorneys."""
    plan, language = context.plan, context.language
    lines: list[str] = []
    for order, contact in enumerate(plan.emergency_contacts, start=1):
        lines += contact_lines(contact, order, language)
    for attorney in plan.attorneys:
        lines += attorney_lines(attorney, language)
    return b"".join(fold(line) for line in lines)
