"""Every list in the window stops adding at the plan's limit for it (MaxItems), and says why."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from planner.flow import ORDER
from planner.model import list_limit_at
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from ui.list_editor import ListEditor


def test_every_list_in_the_window_knows_its_limit(make_window: WindowMaker) -> None:
    window = make_window(example_plan("large-tx.json"))
    editors: list[ListEditor] = []
    for section in ORDER:
        window.show_section(section)
        editors += window.pages[section].findChildren(ListEditor)
    assert editors
    assert [e for e in editors if e.limit is None] == []


def test_add_stops_at_the_most_children_a_plan_holds(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    from planner.flow import SectionId

    limit = list_limit_at("children")
    assert limit == 25
    plan = example_plan("large-tx.json")
    first = plan.children[0]
    children = [
        first.model_copy(update={"id": f"child-{n}", "given_names": f"Niño {n}"})
        for n in range(limit - 1)
    ]
    window = make_window(plan.model_copy(update={"children": children}))
    window.show_section(SectionId.CHILDREN)
    page = window.pages[SectionId.CHILDREN]
    editor = next(e for e in page.findChildren(ListEditor) if e.items.count() == limit - 1)
    assert editor.add.isEnabled()
    editor.add.click()
    qtbot.waitUntil(lambda: editor.items.count() == limit)
    assert not editor.add.isEnabled()
    assert editor.add.toolTip() == f"This list holds at most {limit}: remove one to add another."
    assert len(window.session.plan.children) == limit
