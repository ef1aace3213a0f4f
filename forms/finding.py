"""How a caregiver finds a detained parent: the detainee locator, its search facts, federal lines.

Shared by the caregiver's instructions and each adult's case sheet, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer

from forms.context import RenderContext
from forms.kit import Words, grid, styles
from forms.paragraph import Paragraph
from planner.formats import display_a_number, display_phone
from planner.model import Adult
from planner.people import date_text
from planner.places import country_name
from planner.public_numbers import PublicService, public_numbers

LOCATOR_COLUMNS = ("given_names", "family_names", "a_number", "country_of_birth", "date_of_birth")
"""Exactly what the locator searches by, in the order its search form asks."""


def locator_facts(adult: Adult, language: str) -> list[str]:
    """One adult's search facts as printed; a fact the family did not record is left blank."""
    a_number = adult.case.a_number if adult.case else ""
    country = adult.country_of_birth
    return [
        adult.given_names,
        adult.family_names,
        display_a_number(a_number) if a_number else "",
        country_name(country, language) if country else "",
        date_text(adult.date_of_birth, language),
    ]


def locator_table(adults: list[Adult], words: Words, language: str) -> list[Flowable]:
    """A row of search facts for each adult, and a warning for anyone without a country of birth."""
    header = [words.both(c) for c in LOCATOR_COLUMNS]
    widths = [w * inch for w in (1.6, 1.65, 1.2, 1.25, 1.3)]
    story: list[Flowable] = [grid([locator_facts(a, language) for a in adults], header, widths)]
    for adult in adults:
        if not adult.country_of_birth:
            story.extend(words.paragraphs("no_country", styles().small, name=adult.full_name))
    return story


def _small_print(words: Words, *keys: str) -> list[Flowable]:
    """Several sentences as one paragraph of small print (and its English, when bilingual)."""
    s = styles()
    story: list[Flowable] = [Paragraph(" ".join(words(k) for k in keys), s.small)]
    if words.bilingual:
        story.append(Paragraph(" ".join(words.english(k) for k in keys), s.english))
    return story


def locator_story(
    context: RenderContext, adults: list[Adult], with_table: bool = True
) -> list[Flowable]:
    """How to search the locator, the adults' facts (unless shown elsewhere), what if not found."""
    words = context.words("finding")
    url = public_numbers().detainee_locator.url
    table = [*locator_table(adults, words, context.language), Spacer(0, 6)] if with_table else []
    return [
        *words.paragraphs("locator", url=url),
        *_small_print(words, "locator_details", "locator_confirm"),
        *table,
        *words.paragraphs("not_found"),
    ]


def _service_line(words: Words, key: str, service: PublicService) -> list[Flowable]:
    """One federal number as a bullet, its hours in words, "confirm" beside what is unconfirmed."""
    s = styles()

    def sentence(say: Callable[..., str]) -> str:
        params = {"phone": display_phone(service.phone), "url": service.url}
        if service.hours_key:
            params["hours"] = say(service.hours_key)
        text: str = say(key, **params)
        return text if service.confirmed else f"{text} {say('confirm')}"

    lines: list[Flowable] = [Paragraph("• " + sentence(words), s.body)]
    if words.bilingual:
        lines.append(Paragraph(sentence(words.english), s.english))
    return lines


def federal_lines_story(context: RenderContext) -> list[Flowable]:
    """The EOIR case line and portal, and the ICE detention line."""
    words = context.words("finding")
    numbers = public_numbers()
    return [
        *_service_line(words, "eoir", numbers.eoir_case_information),
        *_service_line(words, "eoir_portal", numbers.eoir_portal),
        *_service_line(words, "ice", numbers.ice_detention_information),
    ]
