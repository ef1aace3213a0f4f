"""The federal numbers block (detainee locator, EOIR, ICE, ORR) several documents print."""

from __future__ import annotations

from reportlab.platypus import Flowable

from forms.context import RenderContext
from forms.kit import heading, styles
from forms.paragraph import Paragraph
from planner.formats import display_phone
from planner.public_numbers import public_numbers


def public_numbers_story(context: RenderContext) -> list[Flowable]:
    numbers = public_numbers()
    words = context.words("doc_contacts")
    lines = [
        words("locator", url=numbers.detainee_locator.url),
        words("eoir", phone=display_phone(numbers.eoir_case_information.phone)),
        words(
            "ice",
            phone=display_phone(numbers.ice_detention_information.phone),
            hours=words("ice_hours"),
        ),
        words("orr", phone=display_phone(numbers.orr_parent_hotline.phone)),
    ]
    body = styles().body
    return [*heading(words.both("public")), *(Paragraph("• " + line, body) for line in lines)]
