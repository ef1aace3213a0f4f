"""The review page with a name in Arabic letters: our Spanish sentences keep their own order.

Qt takes the direction of a block of rich text from its first letter unless the block says
otherwise, so "عمر حداد: Por corregir: …" would be laid out right to left, the Spanish words
after the name drawn to its left. The page isolates the family's words and gives each block the
interface's direction. The person is invented.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.model import Plan
from planner.people import FSI, PDI
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.answers import Reading
from ui.pages.review import ReviewPage
from ui.pages.review_summary import Reader
from ui.questions.contacts import CONTACTS
from ui.wizard import WizardWindow

NAME = "عمر حداد"


def plan_with_arabic_contact() -> Plan:
    plan = example_plan("large-tx.json")
    contact = plan.emergency_contacts[0]
    contact.given_names, contact.family_names = "عمر", "حداد"
    contact.relationship_detail = "جار"
    contact.phones[0].number = "12"  # not a number: the to-do list names whom it is about
    return plan


def open_review(window: WizardWindow, qtbot: QtBot) -> ReviewPage:
    window.sidebar.setCurrentRow(ORDER.index(SectionId.REVIEW))
    page = window.pages[SectionId.REVIEW]
    assert isinstance(page, ReviewPage)
    qtbot.waitUntil(lambda: not page.pending)
    return page


def block_with(document: QTextDocument, text: str) -> QTextBlock:
    document.setTextWidth(900)
    document.size()  # lays the document out
    block = document.begin()
    while block.isValid():
        if text in block.text():
            return block
        block = block.next()
    raise AssertionError(text)


def x_of(block: QTextBlock, text: str) -> float:
    """Where the first character of `text` stands on the block's first line."""
    index = block.text().index(text)
    line = block.layout().lineForTextPosition(index)
    return float(line.cursorToX(index)[0])


def test_the_warning_about_an_arabic_name_keeps_its_spanish_order(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    page = open_review(make_window(plan_with_arabic_contact(), language="es"), qtbot)
    warnings = [label for label in page.findChildren(QLabel) if NAME in label.text()]
    assert warnings, "no warning names the contact"
    html = warnings[0].text()
    assert f"{FSI}{NAME}{PDI}: Por corregir:" in html
    assert "dir='ltr'" in html
    document = QTextDocument()
    document.setHtml(html)
    line = block_with(document, "Por corregir")
    assert line.textDirection().name == "LeftToRight"
    assert x_of(line, NAME) < x_of(line, "Por corregir")


def test_the_answers_keep_their_labels_before_an_arabic_name(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    page = open_review(make_window(plan_with_arabic_contact(), language="es"), qtbot)
    shown = f"1. {FSI}{NAME}{PDI} ("
    views = [v for v in page.findChildren(QTextBrowser) if shown in v.toPlainText()]
    assert views, "no answer shows the contact"
    heading = block_with(views[0].document(), shown)
    assert heading.textDirection().name == "LeftToRight"
    assert x_of(heading, "1.") < x_of(heading, NAME) < x_of(heading, "(")
    assert x_of(heading, NAME) < x_of(heading, "جار")


def test_the_reader_isolates_the_family_s_words_beside_ours() -> None:
    plan = plan_with_arabic_contact()
    reader = Reader(Reading(plan, lambda key, **_: key, "es"))
    contact = reader.entries(CONTACTS, numbered=True)[0]
    assert contact.heading.startswith(f"1. {FSI}{NAME}{PDI} (")
    assert contact.heading.endswith(f" — {FSI}جار{PDI})")
    assert reader.subject("emergency_contacts[0].phones[0].number") == f"{FSI}{NAME}{PDI}"
    # Names in Latin letters cannot turn a line around and are left as they are.
    assert (
        reader.subject("emergency_contacts[1].given_names") == plan.emergency_contacts[1].full_name
    )
