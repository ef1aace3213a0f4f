"""The wizard's pages, one class a section (see planner/flow.py for the order)."""

from __future__ import annotations

from collections.abc import Callable

from planner.flow import ORDER, SectionId
from ui.i18n import Words
from ui.pages.attorney import AttorneyPage
from ui.pages.base import SectionPage
from ui.pages.caregivers import CaregiversPage
from ui.pages.children import ChildrenPage
from ui.pages.contacts import ContactsPage
from ui.pages.documents import DocumentsPage
from ui.pages.household import HouseholdPage
from ui.pages.money import MoneyPage
from ui.pages.papers import PapersPage
from ui.pages.review import ReviewPage
from ui.pages.welcome import WelcomePage

PAGES: dict[SectionId, Callable[[Words], SectionPage]] = {
    SectionId.WELCOME: WelcomePage,
    SectionId.HOUSEHOLD: HouseholdPage,
    SectionId.CHILDREN: ChildrenPage,
    SectionId.CONTACTS: ContactsPage,
    SectionId.CAREGIVERS: CaregiversPage,
    SectionId.ATTORNEY: AttorneyPage,
    SectionId.PAPERS: PapersPage,
    SectionId.MONEY: MoneyPage,
    SectionId.REVIEW: ReviewPage,
    SectionId.DOCUMENTS: DocumentsPage,
}
assert tuple(PAGES) == ORDER, "one page a section, in the flow's order"
