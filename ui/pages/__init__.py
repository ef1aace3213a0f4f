"""The wizard's pages, one class a section (see planner/flow.py for the order).

Each page's module is imported when its page is first built, so start-up loads only the first.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from planner.flow import ORDER, SectionId
from ui.i18n import Words
from ui.pages.base import SectionPage


def _page(module: str, name: str) -> Callable[..., SectionPage]:
    def build(words: Words, later: bool = False) -> SectionPage:
        page_type: type[SectionPage] = getattr(import_module(f"ui.pages.{module}"), name)
        return page_type(words, later=later)

    return build


PAGES: dict[SectionId, Callable[..., SectionPage]] = {
    SectionId.WELCOME: _page("welcome", "WelcomePage"),
    SectionId.HOUSEHOLD: _page("household", "HouseholdPage"),
    SectionId.CHILDREN: _page("children", "ChildrenPage"),
    SectionId.CONTACTS: _page("contacts", "ContactsPage"),
    SectionId.CAREGIVERS: _page("caregivers", "CaregiversPage"),
    SectionId.ATTORNEY: _page("attorney", "AttorneyPage"),
    SectionId.PAPERS: _page("papers", "PapersPage"),
    SectionId.MONEY: _page("money", "MoneyPage"),
    SectionId.REVIEW: _page("review", "ReviewPage"),
    SectionId.DOCUMENTS: _page("documents", "DocumentsPage"),
}
assert tuple(PAGES) == ORDER, "one page a section, in the flow's order"
