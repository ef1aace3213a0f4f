"""How people, phones, addresses and choices read on paper, shared by every document."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from planner.formats import display_phone
from planner.i18n import translate
from planner.model import Address, Adult, Contact, Phone, Plan
from planner.places import country_name, language_name

FSI = "\u2068"
"""FIRST STRONG ISOLATE: what follows, up to PDI, takes the direction of its first letter."""
PDI = "\u2069"
"""POP DIRECTIONAL ISOLATE: the end of an isolate."""

RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Hebrew, Arabic, Syriac, Thaana, N'Ko … letters and marks, and the right-to-left mark."""


def isolate(text: str) -> str:
    """The family's words set apart from the sentence around them, each line in an isolate
    (FSI … PDI) when it holds right-to-left letters: "عمر حداد" keeps its own order inside
    "Llame a عمر حداد" and leaves the order of our words alone, on paper and on screen. Text
    without right-to-left letters is returned as it is: it cannot turn a line around."""
    if not RIGHT_TO_LEFT.search(text):
        return text
    return "\n".join(
        f"{FSI}{line}{PDI}" if RIGHT_TO_LEFT.search(line) else line for line in text.split("\n")
    )


def label(choice: StrEnum, language: str) -> str:
    """The printed name of one of the plan's choices, e.g. Relationship.GODPARENT → "Godparent"."""
    group = {
        "Relationship": "relationship",
        "AdultRole": "role",
        "PhoneKind": "phone_kind",
        "ImmigrationStatus": "immigration_status",
        "PaperKind": "document_kind",
        "DocumentStatus": "document_status",
        "MoneyKind": "money_kind",
    }[type(choice).__name__]
    return translate(f"{group}.{choice.value}", language, domain="labels")


def phone_line(phone: Phone, language: str, mark: Callable[[str], str] = str) -> str:
    """ "(713) 555-0121 (mobile) — WhatsApp"; `mark` marks our words (the pseudo-locale)."""
    kind = mark(translate(f"phone_kind.{phone.kind.value}", language, domain="labels"))
    text = f"{display_phone(phone.number)} ({kind})"
    return f"{text} — {isolate(phone.note)}" if phone.note else text


def phones_text(phones: list[Phone], language: str) -> str:
    return "\n".join(phone_line(p, language) for p in phones)


def address_text(address: Address | None, language: str) -> str:
    """An address as an envelope shows it; the country is named only when it is not the US."""
    if address is None:
        return ""
    street = ", ".join(isolate(part) for part in (address.street, address.unit) if part)
    # "Houston, TX 77061": the comma only between a city and what follows it, so a city the
    # family typed with punctuation of its own keeps it.
    rest = " ".join(part for part in (address.state, address.postal_code) if part)
    town = isolate(address.city) if address.city else ""
    city = f"{town}, {rest}" if town and rest else town or rest
    country = "" if address.country == "US" else country_name(address.country, language)
    return "\n".join(line for line in (street, city, country) if line)


def languages_text(codes: list[str], language: str) -> str:
    return ", ".join(language_name(code, language) for code in codes)


def person_name(plan: Plan, person_id: str | None) -> str:
    """The full name of the adult or contact with this id; empty if nobody is chosen."""
    person = plan.person(person_id) if person_id else None
    return person.full_name if person else ""


def relationship_text(person: Adult | Contact, language: str) -> str:
    if isinstance(person, Adult):
        return label(person.role, language)
    base = label(person.relationship, language)
    detail = person.relationship_detail
    return f"{base} — {isolate(detail)}" if detail else base


def home_address(plan: Plan, person: Adult | Contact) -> Address | None:
    """Where the person lives: their own address, or the household's when they live there."""
    if person.address is not None:
        return person.address
    if isinstance(person, Adult) and person.lives_in_household:
        return plan.household.address
    return None


_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}  # fmt: skip


def date_text(day: date | None, language: str) -> str:
    """A date with the month in words, so 03/09 cannot be read as March or September."""
    if day is None:
        return ""
    month = _MONTHS.get(language, _MONTHS["en"])[day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"
