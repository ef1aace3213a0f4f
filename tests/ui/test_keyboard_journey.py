"""The wizard's acceptance test: a parent with only a keyboard fills every section for the large
example household (two parents, five children) into a new plan, makes the packet, and finds what
they typed in the documents.

Every value arrives by key events: Tab and Shift+Tab move on, letters are typed, drop-downs and
lists select by typing a name, Space ticks and presses, Alt+letter reaches a labelled field or
presses a button, Alt+N or Enter moves to the next section. Nothing is set by calling a widget's
setter or by writing into the plan."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from forms.packet import RenderedDocument
from planner.flow import SectionId
from planner.formats import canonical_phone, display_phone
from planner.model import Plan
from planner.packet import PacketDocumentKind
from tests.conftest import example_plan
from tests.forms.pdf import body_text, flat
from tests.ui.conftest import WindowMaker
from ui.pages.attorney import AttorneyPage
from ui.pages.caregivers import CaregiversPage
from ui.pages.children import ChildrenPage
from ui.pages.contacts import ContactsPage
from ui.pages.documents import DocumentsPage
from ui.pages.household import HouseholdPage
from ui.pages.money import MoneyPage
from ui.pages.papers import PapersPage
from ui.pages.review import ReviewPage
from ui.pages.welcome import WelcomePage
from ui.wizard import WizardWindow

Page = TypeVar("Page", bound=QWidget)
SKIP = None
"""In `Keyboard.fill`: leave the field as it is and Tab on."""


class Keyboard:
    """A person at the keyboard: keys go to whatever has focus, as they would."""

    def __init__(self, qtbot: QtBot, window: WizardWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.searched: dict[int, float] = {}

    @property
    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def at(self, widget: QWidget) -> None:
        """The focus is where the person expects it."""
        assert self.focused is widget, f"focus is on {self.focused!r}, not {widget!r}"

    def type(self, text: str) -> None:
        """Key presses, one a character. QTest spells out ASCII only; any other character
        arrives as the key event a keyboard layout sends for it: its key (if Qt names one) with
        the character as the event's text."""
        for character in text:
            if character.isascii():
                self.qtbot.keyClicks(self.focused, character)
            else:
                upper = character.upper()
                code = ord(upper) if len(upper) == 1 and ord(upper) < 256 else 0
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click,
                    self.focused,
                    Qt.Key(code),
                    character,
                    Qt.KeyboardModifier.NoModifier,
                )

    def choose(self, text: str) -> None:
        """Type the start of an entry's name into a drop-down or list, which selects it. Qt
        joins the letters typed within its keyboard interval into one search, so a second
        search in the same list waits that long first, as a person pauses. (No spaces: Space
        opens a drop-down, or ticks a list's entry.)"""
        assert " " not in text
        widget = self.focused
        interval = QApplication.keyboardInputInterval() / 1000 + 0.05
        wait = self.searched.get(id(widget), 0.0) + interval - time.monotonic()
        if wait > 0:
            self.qtbot.wait(int(wait * 1000) + 1)
        self.type(text)
        self.searched[id(widget)] = time.monotonic()

    def press(self, key: Qt.Key, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused, key)

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times)

    def back_tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)

    def space(self) -> None:
        self.press(Qt.Key.Key_Space)

    def alt(self, letter: str, until: Callable[[], object] | None = None) -> None:
        """Alt and a letter: a label's letter moves the focus to its field; a button's letter
        presses the button (Qt shows it pressed for a moment first, hence `until`)."""
        key = Qt.Key(ord(letter.upper()))
        self.qtbot.keyClick(self.focused, key, Qt.KeyboardModifier.AltModifier)
        if until is not None:
            self.qtbot.waitUntil(lambda: bool(until()), timeout=2000)

    def fill(self, *answers: str | None) -> None:
        """Type each answer into the focused field and Tab to the next; SKIP leaves one as is."""
        for answer in answers:
            if answer is not None:
                self.type(answer)
            self.tab()

    def next_section(self, expected: SectionId) -> None:
        """Alt+N, the Next button's letter."""
        self.alt("n", until=lambda: self.window.current is expected)

    def enter_to(self, expected: SectionId) -> None:
        """Enter moves on, as in a dialog, from any field but several lines of notes."""
        self.press(Qt.Key.Key_Return)
        assert self.window.current is expected


def page_of(window: WizardWindow, section: SectionId, kind: type[Page]) -> Page:
    page = window.pages[section]
    assert isinstance(page, kind)
    return page


# --- the sections, in order ----------------------------------------------------------------------


def fill_welcome(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.WELCOME, WelcomePage)
    kb.at(page.language)
    kb.tab()
    kb.at(page.state)
    kb.choose("Texas")
    kb.tab()
    kb.at(page.name)
    kb.type("Morales Pérez Family")
    kb.next_section(SectionId.HOUSEHOLD)


def fill_household(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.HOUSEHOLD, HouseholdPage)
    kb.at(page.editor("household.address.street"))
    kb.fill("8124 Bellfort Oaks Dr", SKIP, "Houston")
    kb.at(page.editor("household.address.state"))  # Texas, as chosen on Welcome
    kb.fill(SKIP, "77061")
    kb.at(page.editor("household.address.country"))
    kb.tab()
    kb.fill("713-555-0126")
    kb.at(page.editor("household.family_languages"))
    kb.choose("Spanish")
    kb.space()
    adult = page.list_of("adults").form.answers

    def new_parent() -> bool:
        given = adult["given_names"].editor
        return given.hasFocus() and not given.text()

    for parent in (
        (
            ("Carlos Eduardo", "Morales Xicará", "Father", "Carlos Morales", "11/03/1984"),
            ("Guatemala", "(713) 555-0121", "281.555.0163", "carlos.morales@example.com"),
            ("Gulf Coast Roofing & Siding LLC", "2815550163"),
            ("Consulado General de Guatemala en Houston", "713 555 0108"),
        ),
        (
            ("Ana Lucía", "Pérez de Morales", "Mother", "Ana Lucía Pérez Camacho", "1987-06-28"),
            ("Mexico", "832-555-0145", "", "analucia.perez@example.org"),
            ("St. Anne's Home Health", "713-555-0137"),
            ("Consulado General de México en Houston", "713-555-0117"),
        ),
    ):
        (given, family, role, other_names, born), (country, *reach), employer, consulate = parent
        kb.alt("a", until=new_parent)  # "&Add a parent or guardian"
        kb.fill(given, family)
        kb.at(adult["role"].editor)
        kb.choose(role)
        kb.tab()
        kb.at(adult["family_name_first"].editor)
        kb.tab()
        kb.fill(other_names, born)
        kb.at(adult["date_of_birth"].editor.button)
        kb.tab()
        kb.at(adult["country_of_birth"].editor)
        kb.choose(country)
        kb.tab()
        kb.at(adult["languages"].editor)
        kb.tab()
        _, mobile, _ = page.list_of("adults").form.phones["phones"]
        kb.at(mobile)
        kb.fill(*reach)
        kb.at(adult["lives_in_household"].editor)
        kb.back_tab(3)  # a look back: the numbers now read as they will print
        kb.at(mobile)
        assert mobile.text() == display_phone(canonical_phone(reach[0]))
        kb.tab(4)  # on past the phones, the email and "Lives in this household"
        kb.at(adult["employer.name"].editor)
        kb.fill(*employer)
        kb.at(page.list_of("adults").form.addresses["employer.address"].editors["street"])
        kb.fill(SKIP, SKIP, SKIP, SKIP, SKIP, SKIP, SKIP)  # its address and notes, and on
        kb.at(adult["consulate.name"].editor)
        kb.fill(consulate[0])
        kb.at(adult["consulate.phone"].editor)
        kb.type(consulate[1])
    kb.enter_to(SectionId.CHILDREN)


SCHOOLS = (
    ("Lincoln Elementary & Pre-K", "School", "713-555-0170", "7600 Airport Blvd", "77061"),
    ("Tomás Rivera Middle School", "School", "713-555-0172", "6700 Bellfort Ave", "77087"),
    (
        "Casita de Colores Child Care & Learning Center",
        "Child",
        "713-555-0176",
        "8015 Broadway St",
        "77061",
    ),
)
CHILDREN = (
    ("Isabella", "05/14/2012", "Tomás", "8th grade", "Mr. Obregón (homeroom)"),
    ("Mateo José", "2014-02-07", "Tomás", "7th grade", "Ms. Thompson"),
    ("Sebastián", "10/30/2017", "Lincoln", "3rd grade", "Mrs. Gutiérrez"),
    ("Camila Renée", "03/10/2022", "Lincoln", "Pre-K 4", "Ms. Rosales"),
    ("Lucas", "07/19/2024", "Casita", "Toddler room", "Miss Yesenia"),
)


WHEN = "Every school morning with breakfast"


def fill_children(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.CHILDREN, ChildrenPage)
    school, child = page.list_of("schools").form.answers, page.list_of("children").form.answers
    kb.at(page.list_of("schools").editor.items)
    for name, kind, phone, street, postal_code in SCHOOLS:
        named = school["name"].editor
        kb.alt("h", until=lambda: named.hasFocus() and not named.text())  # noqa: B023
        kb.fill(name)
        kb.at(school["kind"].editor)
        kb.choose(kind)
        kb.tab()
        kb.fill(phone, street, SKIP, "Houston", "Texas", postal_code)

    for index, (given, born, school, grade, teacher) in enumerate(CHILDREN):
        kb.alt(
            "a",
            until=lambda: (
                child["given_names"].editor.hasFocus() and not child["given_names"].editor.text()
            ),
        )
        kb.fill(given, "Morales Pérez", born)
        kb.at(child["date_of_birth"].editor.button)
        kb.tab()
        kb.at(child["family_name_first"].editor)
        kb.tab()
        kb.at(child["languages"].editor)
        kb.choose("Spanish")
        kb.space()
        kb.tab()
        kb.at(child["school_id"].editor)
        kb.choose(school)
        kb.tab()
        kb.fill(grade, teacher)
        if index == 0:
            kb.at(child["health.doctor"].editor)
            kb.fill("Dr. Patel, Southeast Family Clinic", "713-555-0150", "Smile Kids Dental")
            kb.fill("(713) 555-0151", "Texas CHIP", SKIP, SKIP)
            kb.at(child["health.medications"].editor.table)
            kb.tab()  # past the table to its Add button
            kb.at(child["health.medications"].editor.add)
            kb.tab()
            kb.fill("None known")
        if index == 1:
            kb.tab(6)  # the doctor, dentist and insurance are left blank for Mateo
            kb.at(child["health.conditions"].editor)
            kb.fill("ADHD")
            kb.at(child["health.medications"].editor.table)
            kb.tab()
            kb.at(child["health.medications"].editor.add)
            kb.space()
            kb.type("Methylphenidate ER")
            kb.tab()
            kb.type("18 mg")
            kb.tab()
            kb.type(WHEN)
            kb.press(Qt.Key.Key_Return)  # finishes the cell (once Qt is idle), not the page
            kb.qtbot.waitUntil(
                lambda: [m.schedule for m in child["health.medications"].editor.value()] == [WHEN]
            )
            assert window.current is SectionId.CHILDREN
        if index == 2:
            kb.alt("t")  # "Who mus&t NOT pick the child up"
            kb.at(child["must_not_be_released_to"].editor)
            kb.type("Óscar Pérez (uncle — not allowed)")
            kb.tab()
        kb.alt("y")  # "Who ma&y pick the child up": the mother, for now
        kb.at(child["may_be_released_to"].editor)
        kb.choose("Ana")
        kb.space()
    kb.next_section(SectionId.CONTACTS)


CONTACTS = (
    (
        ("Rosa María", "Pérez Camacho", "Aunt", "Ana's sister, the kids' tía"),
        ("832-555-0188", "713.555.0174", "rosa.perez@example.com"),
        ("2519 Edgebrook Dr", "", "Houston", "Texas", "77034", ""),
        ("12/01/1983", True, True, "Yes"),
    ),
    (
        ("Julio César", "Xicará", "God", "Carlos's cousin and Mateo's padrino"),
        ("281-555-0192", "", ""),
        ("117 Shaver St", "Apt 12", "Pasadena", "TX", "77506", ""),
        ("", True, False, "Yes"),
    ),
    (
        ("Maribel", "Castañeda", "Neigh", "Next-door neighbor, Doña Maribel"),
        ("7135550183", "", ""),
        ("8130 Bellfort Oaks Dr", "", "Houston", "tx", "77061", ""),
        ("", True, False, ""),
    ),
    (
        ("Jennifer", "Morales", "Cous", "Carlos's niece, a nursing student"),
        ("(512) 555-0190", "", "jen.morales@example.org"),
        ("901 E. Riverside Dr", "Unit 4", "Austin", "TX", "78741", ""),
        ("08/15/2001", True, True, "Yes"),
    ),
    (
        ("Francisca", "Xicará Tum", "Grand", "Carlos's mother, la abuelita"),
        ("+502 5555 1234", "", ""),
        ("3a Calle 4-21, Zona 2", "", "Quetzaltenango", "Quetzaltenango", "09002", "Guatemala"),
        ("1958-03-19", False, False, ""),
    ),
)


def fill_contacts(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.CONTACTS, ContactsPage)
    contact = page.list_of("emergency_contacts").form.answers
    named = contact["given_names"].editor
    kb.at(page.list_of("emergency_contacts").editor.items)
    for index, entry in enumerate(CONTACTS):
        (given, family, relationship, words), reach, home, about = entry
        (street, unit, city, region, postal_code, country) = home
        born, picks_up, has_a_copy, stable = about
        kb.alt("a", until=lambda: named.hasFocus() and not named.text())  # "&Add a contact"
        kb.fill(given, family)
        kb.at(contact["family_name_first"].editor)
        kb.tab()
        kb.at(contact["relationship"].editor)
        kb.choose(relationship)
        kb.tab()
        kb.fill(words, *reach)
        kb.at(page.editor(f"emergency_contacts[{index}].address.street"))
        kb.fill(street, unit, city, region, postal_code)
        kb.at(page.editor(f"emergency_contacts[{index}].address.country"))
        if country:
            kb.choose(country)
        kb.tab()
        kb.at(contact["languages"].editor)
        kb.choose("Spanish")
        kb.space()
        kb.tab()
        kb.at(contact["date_of_birth"].editor.line)
        kb.fill(born)
        kb.tab()  # past the calendar button
        for box, tick in (
            ("may_pick_up_children", picks_up),
            ("knows_the_plan", True),
            ("has_a_copy", has_a_copy),
        ):
            kb.at(contact[box].editor)
            if tick:
                kb.space()
            kb.tab()
        kb.at(contact["situation_is_stable"].editor)
        if stable:
            kb.choose(stable)
    kb.next_section(SectionId.CAREGIVERS)


CARE = (
    ("Jen", "Long", "Yes", "Ana's income and the savings account"),
    ("Jul", "Long", "Yes", ""),
    ("Jul", "Short", "No", ""),
    ("Mari", "Not", "", ""),
    ("Mari", "Short", "", ""),
)


def fill_caregivers(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.CAREGIVERS, CaregiversPage)
    kb.at(page.to_contacts)
    kb.tab()
    assert len(page.groups) == len(CARE)  # every child's box at once
    for index, (alternate, term, told, who_pays) in enumerate(CARE):
        care = f"children[{index}].care"
        kb.at(page.editor(f"{care}.primary_caregiver_id"))
        kb.choose("Rosa")
        kb.tab()
        kb.at(page.editor(f"{care}.alternate_caregiver_id"))
        kb.choose(alternate)
        kb.tab()
        kb.at(page.editor(f"{care}.term"))
        kb.choose(term)
        kb.tab()
        kb.at(page.editor(f"{care}.child_has_been_told"))
        if told:
            kb.choose(told)
        kb.tab()
        kb.at(page.editor(f"{care}.who_pays"))
        kb.fill(who_pays)
        kb.at(page.editor(f"{care}.paper_signed_on").line)  # not signed yet: left empty
        kb.tab(2)  # and past the calendar button
        if index == 0:  # the first child's caregivers for all, then each one's own
            same_for_all = page.groups[0].same_for_all
            assert same_for_all is not None
            kb.at(same_for_all)
            kb.space()
    kb.next_section(SectionId.ATTORNEY)


def fill_attorney(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.ATTORNEY, AttorneyPage)
    attorneys, cases, hotlines = (
        page.list_of(path) for path in ("attorneys", "adults", "local_hotlines")
    )
    attorney, case = attorneys.form.answers, cases.form.answers
    kb.at(attorneys.editor.items)
    given = attorney["given_names"].editor
    kb.alt("a", until=given.hasFocus)  # "&Add an attorney"
    kb.fill("Mariana", "Delgado", SKIP)  # her name is written given names first
    kb.fill("Delgado & Asociados Immigration Law", "EOIR ID XK000000")
    kb.fill("713-555-0160", "(832) 555-0161", "mdelgado@example.com")
    kb.at(attorney["is_accredited_representative"].editor)
    kb.tab()
    kb.fill("1200 Smith St", "Suite 1650", "Houston", "Texas", "77002")
    kb.at(page.editor("attorneys[0].address.country"))
    kb.tab()

    kb.at(cases.editor.items)  # Carlos, the first parent
    kb.tab()
    kb.at(case["case.a_number"].editor)
    kb.fill("A-208-456-317")
    kb.choose("Case")
    kb.tab()
    kb.fill("Houston Immigration Court, 600 Jefferson St", "02/16/2027")
    kb.at(case["case.next_hearing"].editor.button)
    kb.tab()
    kb.fill("I-589 asylum and withholding of removal")
    kb.at(case["case.attorney_id"].editor)
    kb.choose("Mariana")
    kb.tab()
    kb.at(case["case.g28_signed"].editor)
    kb.choose("Yes")
    kb.tab()
    kb.fill("Lic. Mariana Delgado, original in her office", SKIP)
    kb.at(case["case.notes"].editor)
    kb.type("Do not sign anything; call Lic. Delgado's 24-hour line first.")
    kb.tab()

    kb.alt("c")  # "Whose &case": Ana's
    kb.at(cases.editor.items)
    kb.choose("Ana")
    assert cases.heading.text() == "Ana Lucía Pérez de Morales"
    kb.tab()
    kb.at(case["case.a_number"].editor)
    kb.fill("87654321")  # eight digits: the A-number gets its leading zero
    kb.choose("Permanent")
    kb.tab(10)  # past the rest of her case to the local hotlines
    kb.at(hotlines.editor.items)
    kb.tab()
    kb.at(hotlines.editor.add)
    kb.space()
    kb.at(hotlines.form.answers["name"].editor)
    kb.fill("Houston Rapid Response Network (example)", "713-555-0100")
    kb.at(hotlines.form.answers["kind"].editor)
    kb.tab()
    kb.type("24/7")
    kb.next_section(SectionId.PAPERS)


SHELF = "Red folder, top shelf of the bedroom closet"
BOX = "Fireproof box under the bed"
CAR = "Glove box (registration); title in the fireproof box"
BOND = (
    "Bond money: about $2,000 saved in the credit union. "
    "Rosa knows how to pay a bond through the ICE online system."
)


def fill_papers(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.PAPERS, PapersPage)
    papers = page.list_of("documents")
    paper = papers.form.answers
    kb.at(papers.editor.items)
    for kind, description, whose, where, status in (
        ("Birth", "Texas birth certificates for all five children", "", SHELF, ""),
        ("Pass", "Guatemalan passport", "Carlos", "Red folder", "Exp"),
    ):
        kb.alt("a", until=lambda: paper["kind"].editor.hasFocus())  # "&Add a paper"
        kb.choose(kind)
        kb.tab()
        kb.fill(description)
        kb.at(paper["belongs_to"].editor)
        if whose:
            kb.choose(whose)
        kb.tab()
        kb.fill(where)
        kb.at(paper["status"].editor)
        if status:
            kb.choose(status)
    kb.next_section(SectionId.MONEY)


def fill_money(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.MONEY, MoneyPage)
    money = page.list_of("money_and_property")
    kb.at(money.editor.items)
    for kind, description, who, where in (
        ("Bank", "Joint checking at Neighborhood Credit Union (ends 4471)", "Carlos & Ana", BOX),
        ("Veh", "2016 Honda Odyssey, title in Carlos's name", "Ana, Rosa (spare key)", CAR),
    ):
        kb.alt("a", until=lambda: money.form.answers["kind"].editor.hasFocus())  # "&Add to …"
        kb.choose(kind)
        kb.tab()
        kb.fill(description, who, where)
    kb.at(page.editor("money_notes"))
    kb.type(BOND)
    kb.tab()
    kb.next_section(SectionId.REVIEW)


def fill_review(kb: Keyboard, window: WizardWindow) -> None:
    page = page_of(window, SectionId.REVIEW, ReviewPage)
    dates = page.date_fields
    for letter, name, typed in (
        ("v", "last_reviewed", "09/12/2026"),  # "Last re&viewed on"
        ("x", "next_review", "2027-03-01"),  # "Ne&xt review"
        ("o", "reviewed_by_attorney_on", "09/20/2026"),  # "Reviewed by an attorney &on"
    ):
        kb.alt(letter)
        kb.at(dates[name].line)
        kb.type(typed)
    kb.next_section(SectionId.DOCUMENTS)


def make_packet(kb: Keyboard, window: WizardWindow) -> list[RenderedDocument]:
    page = page_of(window, SectionId.DOCUMENTS, DocumentsPage)
    kb.alt("m", until=lambda: page.render_job >= 0 or page.files)  # "&Make the documents"
    kb.qtbot.waitUntil(lambda: page.render_job < 0, timeout=30_000)
    assert page.status.text().endswith(
        "files are ready. Look at each one, then print them or save them."
    )
    return list(page.files)


# --- the journey ---------------------------------------------------------------------------------


def test_a_parent_fills_every_section_by_keyboard_and_finds_it_in_the_packet(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    started = time.monotonic()
    window = make_window()  # a new, empty plan, in a workshop, in English
    kb = Keyboard(qtbot, window)
    fill_welcome(kb, window)
    fill_household(kb, window)
    fill_children(kb, window)
    fill_contacts(kb, window)
    fill_caregivers(kb, window)
    fill_attorney(kb, window)
    fill_papers(kb, window)
    fill_money(kb, window)
    fill_review(kb, window)
    files = make_packet(kb, window)
    check_plan(window.session.plan)
    check_packet(files)
    assert time.monotonic() - started < 60


def check_plan(plan: Plan) -> None:
    """What was typed is in the plan, stored the canonical way (phones E.164, A-numbers as 9
    digits, dates as dates), and equals the large example wherever the example's words were
    typed in full."""
    example = example_plan("large-tx.json")
    assert plan.household.model_dump(exclude={"family_languages"}) == example.household.model_dump(
        exclude={"family_languages"}
    )
    assert plan.household.home_phone == "+17135550126"
    assert plan.household.family_languages == ["en", "es"]

    carlos, ana = plan.adults
    for typed, wanted in zip(plan.adults, example.adults, strict=True):
        fields = {"given_names", "family_names", "role", "date_of_birth", "country_of_birth"}
        assert typed.model_dump(include=fields | {"email"}) == wanted.model_dump(
            include=fields | {"email"}
        )
        assert [p.number for p in typed.phones] == [p.number for p in wanted.phones]
        for part in ("employer", "consulate"):
            mine, theirs = getattr(typed, part), getattr(wanted, part)
            assert (mine.name, mine.phone) == (theirs.name, theirs.phone)
    assert [p.number for p in carlos.phones] == ["+17135550121", "+12815550163"]
    assert carlos.date_of_birth == date(1984, 11, 3)
    assert carlos.case is not None and ana.case is not None
    assert (carlos.case.a_number, ana.case.a_number) == ("208456317", "087654321")
    assert carlos.case.next_hearing == date(2027, 2, 16)
    statuses = [a.case.immigration_status if a.case else None for a in example.adults]
    assert [carlos.case.immigration_status, ana.case.immigration_status] == statuses
    assert carlos.case.g28_signed is True
    attorney = plan.attorneys[0]
    assert carlos.case.attorney_id == attorney.id
    assert attorney.model_dump(exclude={"id"}) == example.attorneys[0].model_dump(exclude={"id"})
    assert attorney.phone_24h == "+18325550161"
    assert plan.local_hotlines == example.local_hotlines[:1]

    school_parts = {"name", "kind", "phone", "address"}
    assert [s.model_dump(include=school_parts) for s in plan.schools] == [
        example.school(s).model_dump(include=school_parts)  # type: ignore[union-attr]
        for s in ("school-lincoln", "school-rivera", "school-casita")
    ]
    child_parts = {"given_names", "family_names", "date_of_birth", "grade", "teacher"}
    for typed, wanted in zip(plan.children, example.children, strict=True):
        assert typed.model_dump(include=child_parts) == wanted.model_dump(include=child_parts)
        assert school_name(plan, typed.school_id) == school_name(example, wanted.school_id)
        assert typed.may_be_released_to == [ana.id]
        assert typed.care.term == wanted.care.term
        assert typed.care.child_has_been_told == wanted.care.child_has_been_told
        for role in ("primary_caregiver_id", "alternate_caregiver_id"):
            mine, theirs = getattr(typed.care, role), getattr(wanted.care, role)
            assert person_name(plan, mine) == person_name(example, theirs)
    isabella, mateo, sebastian = plan.children[:3]
    health = ("doctor", "doctor_phone", "dentist", "dentist_phone")
    assert isabella.health.model_dump(include=set(health)) == example.children[0].health.model_dump(
        include=set(health)
    )
    assert isabella.health.dentist_phone == "+17135550151"
    assert mateo.health.medications == example.children[1].health.medications
    assert sebastian.must_not_be_released_to == example.children[2].must_not_be_released_to

    contact_parts = {
        "given_names",
        "family_names",
        "relationship",
        "relationship_detail",
        "email",
        "address",
        "date_of_birth",
        "may_pick_up_children",
        "knows_the_plan",
        "has_a_copy",
        "situation_is_stable",
    }
    for typed, wanted in zip(plan.emergency_contacts, example.emergency_contacts, strict=True):
        assert typed.model_dump(include=contact_parts) == wanted.model_dump(include=contact_parts)
        assert [p.number for p in typed.phones] == [p.number for p in wanted.phones]
    abuela = plan.emergency_contacts[-1]
    assert abuela.phones[0].number == "+50255551234"
    assert abuela.address is not None and abuela.address.country == "GT"

    assert [d.model_dump(exclude={"belongs_to"}) for d in plan.documents] == [
        example.documents[i].model_dump(exclude={"belongs_to"}) for i in (0, 4)
    ]
    assert [d.belongs_to for d in plan.documents] == [None, carlos.id]
    assert plan.money_and_property == [example.money_and_property[i] for i in (0, 3)]
    assert plan.money_notes == example.money_notes
    assert plan.review == example.review


def school_name(plan: Plan, school_id: str | None) -> str:
    school = plan.school(school_id or "")
    return school.name if school else ""


def person_name(plan: Plan, person_id: str | None) -> str:
    person = plan.person(person_id or "")
    return person.full_name if person else ""


def texts(files: list[RenderedDocument], kind: PacketDocumentKind) -> list[str]:
    """Each PDF of a kind as one line of text (page footers left out)."""
    return [flat(body_text(f.content)) for f in files if f.planned.kind is kind]


def check_packet(files: list[RenderedDocument]) -> None:
    """The typed values, as a caregiver, a school or an officer will read them."""
    kinds = [f.planned.kind for f in files]
    assert {kind: kinds.count(kind) for kind in PacketDocumentKind} == {
        PacketDocumentKind.INSTRUCTIONS: 1,
        PacketDocumentKind.CONTACTS: 1,
        PacketDocumentKind.CHILD: 5,
        PacketDocumentKind.SIGNING_SHEET: 1,
        PacketDocumentKind.CAREGIVER_AUTHORIZATION: 5,
        PacketDocumentKind.REVIEW_SHEET: 0,  # for an attorney: made only when ticked
        PacketDocumentKind.SCHOOL_RELEASE: 3,
        PacketDocumentKind.CASE: 2,
        PacketDocumentKind.WALLET_CARDS: 1,
        PacketDocumentKind.PAPERS: 1,
        PacketDocumentKind.VCARD: 1,
    }
    (instructions,) = texts(files, PacketDocumentKind.INSTRUCTIONS)
    (contacts,) = texts(files, PacketDocumentKind.CONTACTS)
    for name in ("Rosa María Pérez Camacho", "Julio César Xicará", "Francisca Xicará Tum"):
        assert name in contacts
    for phone in ("+502 5555 1234", "(713) 555-0121", "(832) 555-0188", "(713) 555-0160"):
        assert phone in contacts, phone
    assert "Quetzaltenango" in contacts and "Guatemala" in contacts
    for school in (name for name, *_ in SCHOOLS):
        assert school in contacts, school

    children = texts(files, PacketDocumentKind.CHILD)
    for text, (given, *_), born in zip(
        children,
        CHILDREN,
        ("May 14, 2012", "February 7, 2014", "October 30, 2017", "March 10, 2022", "July 19, 2024"),
        strict=True,
    ):
        assert f"{given} Morales Pérez" in text and born in text
    assert "Tomás Rivera Middle School" in children[0] and "Dr. Patel" in children[0]
    assert "Methylphenidate ER" in children[1]
    assert "Óscar Pérez (uncle — not allowed)" in children[2]

    title = "Authorization Agreement for Nonparent Adult Caregiver"
    authorizations = texts(files, PacketDocumentKind.CAREGIVER_AUTHORIZATION)
    for text, (given, *_) in zip(authorizations, CHILDREN, strict=True):
        assert title in text
        assert f"{given} Morales Pérez" in text and "Rosa María Pérez Camacho" in text
        # §34.003(a)(2): the parent's name, address and phone; no birth date (nothing the
        # statute does not ask for is on the paper).
        assert "Carlos Eduardo Morales Xicará" in text and "November 3, 1984" not in text
        assert "(713) 555-0121" in text and "8124 Bellfort Oaks Dr" in text

    releases = texts(files, PacketDocumentKind.SCHOOL_RELEASE)
    for text, school in zip(releases, (name for name, *_ in SCHOOLS), strict=True):
        assert school in text
    assert "Óscar Pérez" in releases[0]  # Lincoln: Sebastián's school

    carlos_case, ana_case = texts(files, PacketDocumentKind.CASE)
    assert "A-208-456-317" in carlos_case and "November 3, 1984" in carlos_case
    assert "February 16, 2027" in carlos_case and "Mariana Delgado" in carlos_case
    assert "A-087-654-321" in ana_case and "June 28, 1987" in ana_case
    (wallet,) = texts(files, PacketDocumentKind.WALLET_CARDS)
    assert "A-208-456-317" in wallet and "Houston Rapid Response Network (example)" in wallet
    (papers,) = texts(files, PacketDocumentKind.PAPERS)
    for words in ("Guatemalan passport", SHELF, "Neighborhood Credit Union", "Honda Odyssey"):
        assert words in papers, words
    assert "March 1, 2027" in instructions  # the next review
    (vcard,) = [f.content.decode() for f in files if f.planned.kind is PacketDocumentKind.VCARD]
    assert "+50255551234" in vcard.replace(" ", "").replace("-", "")
