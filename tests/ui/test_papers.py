"""The papers page, used as a parent would: adding a paper by keyboard, the usual papers, problems
beside the field in both languages, reordering and removing."""

from __future__ import annotations

from typing import Any

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
    Plan,
    list_limit_at,
)
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import focus, open_section, type_and_tab
from ui.pages.papers import PapersPage, usual_papers
from ui.session import new_plan


def family() -> Plan:
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


def paper_editor(page: PapersPage, path: str) -> Any:
    """The editor of the shown paper's answer at `path` (`belongs_to`)."""
    return page.list_of("documents").form.answers[path].editor


def test_a_paper_added_and_typed_by_keyboard_reaches_the_plan(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(family())
    page = open_section(window, SectionId.PAPERS, PapersPage)
    papers = page.list_of("documents")
    assert papers.empty.isVisible() and not papers.detail.isVisible()
    assert papers.empty.text().startswith("No papers are listed yet.")
    qtbot.mouseClick(papers.editor.add, Qt.MouseButton.LeftButton)
    kind = page.editor("documents[0].kind")
    qtbot.waitUntil(kind.hasFocus)
    qtbot.keyClicks(kind, "Pass")
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    assert page.editor("documents[0].description").hasFocus()
    type_and_tab(qtbot, "Mexican passport")
    owner = page.editor("documents[0].belongs_to")
    assert owner.hasFocus()
    qtbot.keyClicks(owner, "Beto")
    qtbot.keyClick(owner, Qt.Key.Key_Tab)
    assert page.editor("documents[0].location").hasFocus()
    type_and_tab(qtbot, "Blue folder in the closet")
    status = page.editor("documents[0].status")
    assert status.hasFocus()
    qtbot.keyClicks(status, "Exp")
    qtbot.keyClick(status, Qt.Key.Key_Tab)
    paper = window.session.plan.documents[0]
    assert paper == DocumentLocation(
        kind=PaperKind.PASSPORT,
        description="Mexican passport",
        belongs_to="adult-b",
        location="Blue folder in the closet",
        status=DocumentStatus.EXPIRED,
    )
    line = "Passport: Mexican passport — Beto Ruiz — Expired"
    assert papers.editor.items.item(0).text() == line
    assert papers.heading.text() == line
    assert "documents[0].kind" in page.fields


def test_the_usual_papers_are_added_once_as_still_missing(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = family()
    plan.documents = [DocumentLocation(kind=PaperKind.BIRTH_CERTIFICATE, belongs_to=None)]
    window = make_window(plan)
    page = open_section(window, SectionId.PAPERS, PapersPage)
    papers = page.list_of("documents")
    qtbot.mouseClick(page.usual, Qt.MouseButton.LeftButton)
    documents = window.session.plan.documents
    added = documents[1:]
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
    assert papers.editor.current() == 1
    assert papers.editor.items.hasFocus()
    assert page.editor("documents[1].belongs_to").currentText() == "Ana Ruiz"
    assert papers.editor.items.item(1).text() == "Passport — Ana Ruiz — Still missing"
    qtbot.mouseClick(page.usual, Qt.MouseButton.LeftButton)
    assert len(window.session.plan.documents) == len(documents)
    assert page.usual_note.text() == "The usual papers are all listed already."
    assert usual_papers(window.session.plan) == []


def test_the_usual_papers_stop_at_the_most_a_plan_holds(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    limit = list_limit_at("documents")
    assert limit is not None
    plan = family()
    plan.documents = [DocumentLocation(kind=PaperKind.OTHER) for _ in range(limit - 2)]
    window = make_window(plan)
    page = open_section(window, SectionId.PAPERS, PapersPage)
    qtbot.mouseClick(page.usual, Qt.MouseButton.LeftButton)
    assert len(window.session.plan.documents) == limit
    assert page.usual_note.text().startswith("2 papers added as still missing.")
    qtbot.mouseClick(page.usual, Qt.MouseButton.LeftButton)
    assert len(window.session.plan.documents) == limit
    assert page.usual_note.text() == (
        f"This list holds at most {limit}: remove one to add another."
    )


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
    papers = page.list_of("documents")
    field = page.fields["documents[0].belongs_to"]
    assert not field.problem.isVisible()
    # The paper with the problem is marked in the list, and read out so.
    marked = papers.editor.items.item(1)
    assert marked.text() == "⚠ Green card — Someone no longer in the plan — Have it"
    assert marked.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", has problems")
    papers.editor.items.setCurrentRow(1)
    field = page.fields["documents[1].belongs_to"]
    assert "documents[0].belongs_to" not in page.fields
    assert field.problem.isVisible()
    assert field.problem.text() == translate("reference.person_missing", "en")
    owner = page.editor("documents[1].belongs_to")
    assert owner.currentText() == "Someone no longer in the plan"
    window.words.set_language("es")
    assert papers.index == 1  # the same paper stays shown
    assert field.problem.text() == translate("reference.person_missing", "es")
    assert owner.currentText() == "Alguien que ya no está en el plan"
    assert field.label.text() == "¿De quién es el &papel?"
    # Choosing a person who is in the plan clears it; the id that was there was kept until then.
    assert window.session.plan.documents[1].belongs_to == "someone-gone"
    focus(qtbot, owner)
    qtbot.keyClicks(owner, "Carla")
    qtbot.keyClick(owner, Qt.Key.Key_Tab)
    assert window.session.plan.documents[1].belongs_to == "child-c"
    assert not field.problem.isVisible()
    assert (
        papers.editor.items.item(1).text()
        == "Tarjeta de residencia (green card) — Carla Ruiz — Lo tenemos"
    )


def test_papers_move_up_and_down_and_are_removed(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.PAPERS, PapersPage)
    papers = page.list_of("documents")
    documents = window.session.plan.documents
    first, second, count = documents[0], documents[1], len(documents)
    papers.editor.items.setCurrentRow(1)
    qtbot.mouseClick(papers.editor.up, Qt.MouseButton.LeftButton)
    assert window.session.plan.documents[:2] == [second, first]
    assert papers.editor.current() == 0
    assert page.editor("documents[0].description").text() == second.description
    focus(qtbot, papers.editor.remove)
    qtbot.keyClick(papers.editor.remove, Qt.Key.Key_Space)
    assert len(window.session.plan.documents) == count - 1
    assert window.session.plan.documents[0] == first
    assert page.editor("documents[0].description").text() == first.description


def test_switching_language_keeps_every_paper(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_section(window, SectionId.PAPERS, PapersPage)
    papers = page.list_of("documents")
    papers.editor.items.setCurrentRow(4)
    window.words.set_language("es")
    assert papers.editor.current() == 4
    assert paper_editor(page, "kind").currentText() == "Pasaporte"
    assert paper_editor(page, "status").currentText() == "Vencido"
    assert paper_editor(page, "description").text() == "Guatemalan passport"
    assert papers.editor.items.item(4).text().startswith("Pasaporte: Guatemalan passport")
    assert papers.editor.add.text() == "Ag&regar un papel"
    assert papers.editor.items.accessibleName() == "Papeles"
    window.words.set_language("en")
    window.sidebar.setCurrentRow(ORDER.index(SectionId.MONEY))
    window.sidebar.setCurrentRow(ORDER.index(SectionId.PAPERS))
    assert papers.editor.current() == 4  # coming back, the same paper is shown
    assert window.session.plan == example_plan("large-tx.json")
