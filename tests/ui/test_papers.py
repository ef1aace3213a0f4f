"""The papers page, used as a parent would: adding a paper by keyboard, the usual papers, problems
beside the field in both languages, reordering and removing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.flow import ORDER, SectionId
from planner.i18n import translate
from planner.model import (
    Adult,
    CaseInfo,
    Child,
    DocumentLocation,
    DocumentStatus,
    ImmigrationStatus,
    PaperKind,
)
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.papers import PapersPage, usual_papers
from ui.session import new_plan


def family() -> object:
    plan = new_plan("TX")
    plan.household.display_name = "Test family"
    plan.adults = [
        Adult(id="adult-a", given_names="Ana", family_names="Ruiz"),
        Adult(
            id="adult-b",
            given_names="Beto",
            family_names="Ruiz",
            case=CaseInfo(immigration_status=ImmigrationStatus.US_CITIZEN),
        ),
    ]
    plan.children = [Child(id="child-c", given_names="Carla", family_names="Ruiz")]
    return plan


def test_a_paper_added_and_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(family())
    page = open_section(window, SectionId.PAPERS, PapersPage)
    assert page.empty.isVisible() and not page.detail.isVisible()
    qtbot.mouseClick(page.list_editor.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.kind.hasFocus)
    qtbot.keyClicks(page.kind, "Pass")
    qtbot.keyClick(page.kind, Qt.Key.Key_Tab)
    assert page.description.hasFocus()
    type_and_tab(qtbot, "Mexican passport")
    assert page.owner.hasFocus()
    qtbot.keyClicks(page.owner, "Beto")
    qtbot.keyClick(page.owner, Qt.Key.Key_Tab)
    type_and_tab(qtbot, "Blue folder in the closet")
    assert page.status.hasFocus()
    qtbot.keyClicks(page.status, "Exp")
    qtbot.keyClick(page.status, Qt.Key.Key_Tab)
    paper = window.session.plan.documents[0]
    assert paper == DocumentLocation(
        kind=PaperKind.PASSPORT,
        description="Mexican passport",
        belongs_to="adult-b",
        location="Blue folder in the closet",
        status=DocumentStatus.EXPIRED,
    )
    assert page.list_editor.items.item(0).text() == (
        "Passport: Mexican passport — Beto Ruiz — Expired"
    )
    assert "documents[0].kind" in page.fields


def test_the_usual_papers_are_added_once_as_still_missing(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = family()
    plan.documents = [DocumentLocation(kind=PaperKind.BIRTH_CERTIFICATE, belongs_to=None)]
    window = make_window(plan)
    page = open_section(window, SectionId.PAPERS, PapersPage)
    qtbot.mouseClick(page.usual, Qt.MouseButton.LeftButton)
    papers = window.session.plan.documents
    added = papers[1:]
    assert added and all(p.status is DocumentStatus.MISSING for p in added)
    # The household's birth certificates count for everyone.
    assert not [p for p in added if p.kind is PaperKind.BIRTH_CERTIFICATE]
    assert {(p.kind, p.belongs_to) for p in added if p.belongs_to == "child-c"} == {
        (PaperKind.PASSPORT, "child-c")
    }
    ana = {p.kind for p in added if p.belongs_to == "adult-a"}
    assert {PaperKind.PASSPORT, PaperKind.CONSULAR_ID, PaperKind.WORK_PERMIT} <= ana
    beto = {p.kind for p in added if p.belongs_to == "adult-b"}
    assert PaperKind.CONSULAR_ID not in beto and PaperKind.WORK_PERMIT not in beto
    assert page.usual_note.text() == f"{len(added)} papers added as still missing. " + (
        "Select each one and say where it is kept."
    )
    assert page.list_editor.current() == 1
    assert page.owner.currentText() == "Ana Ruiz"
    qtbot.mouseClick(page.usual, Qt.MouseButton.LeftButton)
    assert len(window.session.plan.documents) == len(papers)
    assert page.usual_note.text() == "The usual papers are all listed already."
    assert usual_papers(window.session.plan) == []


def test_a_paper_of_someone_not_in_the_plan_shows_the_problem_in_english_and_spanish(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = family()
    plan.documents = [
        DocumentLocation(kind=PaperKind.PASSPORT, belongs_to="adult-a"),
        DocumentLocation(kind=PaperKind.GREEN_CARD, belongs_to="someone-gone"),
    ]
    window = make_window(plan)
    page = open_section(window, SectionId.PAPERS, PapersPage)
    field = page.fields["documents[0].belongs_to"]
    assert not field.problem.isVisible()
    page.list_editor.items.setCurrentRow(1)
    field = page.fields["documents[1].belongs_to"]
    assert "documents[0].belongs_to" not in page.fields
    assert field.problem.isVisible()
    assert field.problem.text() == translate("reference.person_missing", "en")
    assert page.owner.currentText() == "Someone no longer in the plan"
    window.words.set_language("es")
    assert field.problem.text() == translate("reference.person_missing", "es")
    assert page.owner.currentText() == "Alguien que ya no está en el plan"
    assert field.label.text() == "¿De quién es el &papel?"
    # Choosing a person who is in the plan clears it; the id that was there was kept until then.
    assert window.session.plan.documents[1].belongs_to == "someone-gone"
    focus(qtbot, page.owner)
    qtbot.keyClicks(page.owner, "Carla")
    qtbot.keyClick(page.owner, Qt.Key.Key_Tab)
    assert window.session.plan.documents[1].belongs_to == "child-c"
    assert not field.problem.isVisible()


def test_papers_move_up_and_down_and_are_removed(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.PAPERS, PapersPage)
    papers = window.session.plan.documents
    first, second, count = papers[0], papers[1], len(papers)
    page.list_editor.items.setCurrentRow(1)
    qtbot.mouseClick(page.list_editor.up, Qt.MouseButton.LeftButton)
    assert window.session.plan.documents[:2] == [second, first]
    assert page.list_editor.current() == 0
    assert page.description.text() == second.description
    focus(qtbot, page.list_editor.remove)
    qtbot.keyClick(page.list_editor.remove, Qt.Key.Key_Space)
    assert len(window.session.plan.documents) == count - 1
    assert window.session.plan.documents[0] == first
    assert page.description.text() == first.description


def test_switching_language_keeps_every_paper(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.PAPERS, PapersPage)
    page.list_editor.items.setCurrentRow(4)
    window.words.set_language("es")
    assert page.kind.currentText() == "Pasaporte"
    assert page.status.currentText() == "Vencido"
    assert page.description.text() == "Guatemalan passport"
    assert page.list_editor.items.item(4).text().startswith("Pasaporte: Guatemalan passport")
    window.words.set_language("en")
    window.sidebar.setCurrentRow(ORDER.index(SectionId.MONEY))
    assert window.session.plan == example_plan("large-tx.json")
