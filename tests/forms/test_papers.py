"""Where our papers are: each paper under its owner, what is still to get, money and property."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from forms import papers
from planner.model import DocumentStatus, Household, Plan
from planner.people import label
from tests.conftest import EXAMPLES, example_plan
from tests.forms.documents import LANGUAGES, comes_out, context, not_shown, read, rich_plans

EXAMPLE_NAMES = [p.name for p in EXAMPLES]
CHECKLIST = {"en": ("Still to get or renew", "Money and property"),
             "es": ("Falta conseguir o renovar", "Dinero y bienes")}  # fmt: skip


def render(plan: Plan, language: str = "en", bilingual: bool = False) -> str:
    return read(papers.render(context(plan, language, bilingual)))


def checklist(text: str, language: str) -> str:
    start, end = CHECKLIST[language]
    return text[text.index(start) : text.index(end)]


def expected_values(plan: Plan, language: str) -> list[str]:
    values = [plan.household.display_name, plan.money_notes]
    owners = {p.id: p.full_name for p in [*plan.adults, *plan.children]}
    for paper in plan.documents:
        values += [label(paper.kind, language), label(paper.status, language)]
        values += [paper.description, paper.location, owners.get(paper.belongs_to or "", "")]
    for item in plan.money_and_property:
        values += [label(item.kind, language), item.description]
        values += [item.who_can_access, item.where_papers_are]
    return values


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_paper_and_asset_is_printed(example: str, language: str) -> None:
    plan = example_plan(example)
    assert not_shown(render(plan, language), expected_values(plan, language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_the_checklist_has_what_is_missing_or_expired_and_nothing_else(
    example: str, language: str
) -> None:
    plan = example_plan(example)
    section = checklist(render(plan, language), language)
    todo = [d for d in plan.documents if d.status is not DocumentStatus.HAVE]
    have = [d for d in plan.documents if d.status is DocumentStatus.HAVE]
    assert todo, "every example has something to get"
    assert section.count("☐") == len(todo)
    assert not_shown(section, [d.description for d in todo]) == []
    todo_descriptions = " ".join(d.description for d in todo)
    for paper in have:
        if paper.description not in todo_descriptions:
            assert paper.description not in section
        if paper.location:
            assert paper.location not in section


def test_each_checklist_line_says_whose_paper_and_what_to_do() -> None:
    section = checklist(render(example_plan("large-tx.json")), "en")
    assert "☐ Passport: US passport, for Mateo José Morales Pérez. Expired: renew it." in section
    assert "for the household. Still missing: get it." in section
    section = checklist(render(example_plan("large-tx.json"), "es"), "es")
    assert "Vencido: hay que renovarlo." in section


def test_papers_are_grouped_under_their_owners_in_plan_order() -> None:
    text = render(example_plan("mixed-names-ny.json"))
    headings = [
        "Nguyễn Thị Hồng — Mother",
        "Wesner Jean-Robert Jean-Baptiste — Father",
        "Minh Anh Sophie Jean-Baptiste — Child",
        "Đức Emmanuel Jean-Baptiste — Child",
        "Céleste Hương Jean-Baptiste — Child",
    ]
    positions = [text.find(h) for h in headings]
    assert -1 not in positions and positions == sorted(positions)
    assert "Papers for the whole household" not in text  # this family listed none


def test_a_plan_without_papers_or_money_says_so() -> None:
    plan = Plan(household=Household(display_name="Casa Prueba", state="CA"))
    text = render(plan)
    assert "The plan does not list any papers yet." in text
    assert "No paper is missing or expired." in text
    assert "The plan does not list any money or property." in text
    assert "☐" not in text


def test_spanish_output_speaks_spanish() -> None:
    text = render(example_plan("small-ca.json"), "es")
    for heading in ("Dónde están nuestros papeles", "Falta conseguir o renovar", "Dinero y bienes"):
        assert heading in text
    assert "Where our papers are" not in text
    bilingual = render(example_plan("small-ca.json"), "es", bilingual=True)
    assert "Dinero y bienes / Money and property" in bilingual


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_plans())
def test_any_text_a_family_types_renders_and_comes_out(plan: Plan) -> None:
    text = render(plan, "es", bilingual=True)
    typed = [
        plan.household.display_name,
        plan.money_notes,
        *(d.description for d in plan.documents),
        *(d.location for d in plan.documents),
        *(m.description for m in plan.money_and_property),
        *(m.who_can_access for m in plan.money_and_property),
        *(m.where_papers_are for m in plan.money_and_property),
    ]
    owners = {d.belongs_to for d in plan.documents}
    typed += [p.full_name for p in [*plan.adults, *plan.children] if p.id in owners]
    assert [value for value in typed if not comes_out(text, value)] == []
