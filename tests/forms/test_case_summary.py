"""The case summary for the lawyer: every fact a lawyer asks for, on one page for a family like
most, and on as many readable pages as a very large one takes, each saying whose it is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from forms.case_summary import render_case_summary
from forms.context import RenderOptions
from planner.formats import display_phone
from planner.messages import Arrest
from planner.model import Child, Plan
from planner.people import date_text
from planner.places import country_name
from tests.conftest import TODAY, example_plan
from tests.forms.documents import comes_out, not_shown, read
from tests.forms.pdf import metadata, page_count, pdf_text, render_pngs

ARREST = Arrest(
    datetime(2026, 11, 25, 7, 40),
    "Outside the house, 8124 Bellfort Oaks Dr",
    "Vests that said POLICE ICE; a white van; two officers",
)


def render(plan: Plan, parent: str, language: str = "en", bilingual: bool = False) -> bytes:
    options = RenderOptions(language=language, bilingual=bilingual, today=TODAY)
    return render_case_summary(plan, parent, ARREST, options)


@pytest.mark.parametrize(("language", "bilingual"), [("en", False), ("es", False), ("es", True)])
def test_every_fact_the_lawyer_asks_for_is_on_the_page(language: str, bilingual: bool) -> None:
    plan = example_plan("large-tx.json")
    content = render(plan, "adult-carlos", language, bilingual)
    assert page_count(content) == (2 if bilingual else 1)  # two languages take two pages
    text = read(content)
    hearing = "February 16, 2027" if language == "en" else "16 de febrero de 2027"
    taken = "7:40 am" if language == "en" else "7:40 a. m."
    expected = [
        "Carlos Eduardo Morales Xicará",
        "Carlos Morales; Carlos E. Xicará (Guatemalan ID)",
        "A-208-456-317",
        country_name("GT", language),
        date_text(plan.adults[0].date_of_birth, language),
        date_text(TODAY, language),
        taken,
        ARREST.place,
        ARREST.what_was_seen,
        "Houston Immigration Court – 600 Jefferson St",
        hearing,
        "I-589 asylum & withholding of removal",
        "Lic. Mariana Delgado — original in her office",
        "Mariana Delgado",
        "(832) 555-0161",
        "EOIR ID XK000000",
        "Ana Lucía Pérez de Morales",
        "(800) 898-7180",
        date_text(datetime(2026, 11, 1).date(), language),  # when the EOIR number was checked
    ]
    for child in plan.children:
        expected += [child.full_name, date_text(child.date_of_birth, language)]
    expected += ["Rosa María Pérez Camacho", "(832) 555-0188"]
    assert not_shown(text, expected) == []
    assert ("Yes" if language == "en" else "Sí") in text  # the G-28 was signed in advance
    assert ("not legal advice" if language == "en" else "no es asesoría legal") in text
    if bilingual:
        assert "Case summary for the attorney" in text


def test_each_child_is_with_the_primary_caregiver_else_the_alternate() -> None:
    plan = example_plan("large-tx.json")
    plan.children[4].care.primary_caregiver_id = None
    text = read(render(plan, "adult-carlos"))
    assert "Lucas Morales Pérez July 19, 2024 Maribel Castañeda (alternate caregiver)" in text
    assert display_phone("+17135550183") in text


def test_a_status_not_recorded_prints_no_row_and_another_parents_a_number_is_absent() -> None:
    plan = example_plan("large-tx.json")
    assert plan.adults[0].case is not None
    plan.adults[0].case.immigration_status = None
    text = read(render(plan, "adult-carlos"))
    assert "Immigration status" not in text
    assert "A-087-654-321" not in text  # Ana's


def test_the_footer_carries_the_revision_and_the_metadata_names_no_one() -> None:
    plan = example_plan("large-tx.json")
    content = render(plan, "adult-carlos")
    assert "Plan revision" in pdf_text(content)
    assert "Carlos" not in " ".join(metadata(content).values())


def _crowded(plan: Plan) -> Plan:
    """The largest example with every long note at 5,000 characters, names in Arabic and
    Vietnamese, and as many children as a plan holds."""
    note = ("Mỗi sáng đưa cháu đến trường & đón lúc 3 giờ <b>không</b> trễ. " * 80)[:5000]
    parent = plan.adults[0]
    parent.given_names, parent.family_names = "عمر خالد", "حداد الحسيني"
    parent.other_names = "Nguyễn Thị Hồng Đặng; " * 13
    assert parent.case is not None
    parent.case.pending_applications = note
    parent.case.notes = note
    parent.case.g28_held_by = "x" * 300
    plan.emergency_contacts[0].given_names = "Nguyễn Thị Hồng Ngọc Ánh Dương Phương Thảo"
    plan.emergency_contacts[0].family_names = "Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ"
    template = plan.children[0]
    plan.children = [
        Child.model_validate(
            {**template.model_dump(), "id": f"child-{n}", "given_names": f"ليلى {n} Ánh"}
        )
        for n in range(25)
    ]
    return plan


@pytest.mark.parametrize(("language", "bilingual"), [("en", False), ("es", True)])
def test_twenty_five_children_and_long_notes_run_onto_readable_pages(
    language: str, bilingual: bool
) -> None:
    """Nothing is set smaller than a lawyer can read: every child and who has them is there,
    every page after the first says whose summary it is, and the footer numbers the pages."""
    plan = _crowded(example_plan("large-tx.json"))
    arrest = Arrest(ARREST.taken_at, "Ñ" * 300, "Một chiếc xe tải trắng, ba người. " * 150)
    options = RenderOptions(language=language, bilingual=bilingual, today=TODAY)
    content = render_case_summary(plan, "adult-carlos", arrest, options)
    pages = page_count(content)
    assert pages > 1
    text = read(content)
    assert comes_out(text, "عمر خالد")
    for child in plan.children:
        assert comes_out(text, child.given_names), child.given_names
    caregiver = "Nguyễn Thị Hồng Ngọc Ánh Dương"
    assert " ".join(text.split()).count(caregiver) >= len(plan.children)  # and as a contact
    assert "…" in text  # a cut note shows it was cut
    assert "A-208-456-317" in text
    shortened = "cut short" if language == "en" else "aparecen cortadas"
    assert shortened in text
    continued = "continued" if language == "en" else "continuación"
    assert text.count(continued) == pages - 1  # a page handed on alone says whose it is
    numbered = "Page {} of {}" if language == "en" else "Página {} de {}"
    footers = pdf_text(content)
    assert all(numbered.format(n, pages) in footers for n in range(1, pages + 1))


def test_a_parent_with_no_case_attorney_or_arrest_details_gets_a_page_that_says_so() -> None:
    plan = example_plan("large-tx.json")
    plan.adults[0].case = None
    options = RenderOptions(today=TODAY)
    text = read(render_case_summary(plan, "adult-carlos", Arrest(), options))
    assert "No case information was recorded." in text
    assert "No attorney or accredited representative is recorded" in text
    assert "The family has not written down when or where it happened." in text


def test_an_unknown_parent_is_refused() -> None:
    with pytest.raises(ValueError):
        render(example_plan("large-tx.json"), "adult-nobody")


def test_a_real_renderer_draws_it(tmp_path: Path) -> None:
    content = render(_crowded(example_plan("large-tx.json")), "adult-carlos", "es", True)
    assert len(render_pngs(content, tmp_path, "summary")) == page_count(content) > 1
