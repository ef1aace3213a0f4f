"""The caregivers page: each child's caregiver and alternate chosen by keyboard from people already
in the plan, problems beside them in English and Spanish, and the state's caregiver paper."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.flow import SectionId
from planner.model import (
    Adult,
    AdultRole,
    Child,
    Contact,
    PaperEnd,
    PaperStart,
    Plan,
    Relationship,
)
from tests.conftest import example_plan
from tests.ui.conftest import WindowMaker
from tests.ui.keyboard import assert_unique_mnemonics, focus, retype
from ui.pages.caregivers import CaregiversPage
from ui.session import new_plan
from ui.widgets import ChoiceField, DateField, TextField
from ui.wizard import WizardWindow


def texts(choice: ChoiceField) -> list[str]:
    return [choice.itemText(i) for i in range(choice.count())]


def choice(page: CaregiversPage, index: int, path: str) -> ChoiceField:
    """The drop-down showing `care.<path>` of the child at `index`."""
    editor = page.editor(f"children[{index}].care.{path}")
    assert isinstance(editor, ChoiceField)
    return editor


def text(page: CaregiversPage, index: int, path: str) -> TextField:
    editor = page.editor(f"children[{index}].care.{path}")
    assert isinstance(editor, TextField)
    return editor


def day(page: CaregiversPage, index: int, path: str) -> DateField:
    editor = page.editor(f"children[{index}].care.paper_period.{path}")
    assert isinstance(editor, DateField)
    return editor


def signing_day(page: CaregiversPage, index: int) -> DateField:
    editor = page.editor(f"children[{index}].care.paper_signed_on")
    assert isinstance(editor, DateField)
    return editor


def period(page: CaregiversPage, index: int) -> list[QWidget]:
    """The fields of the period the child's paper states."""
    paths = ("starts", "start_date", "ends", "end_date")
    return [page.fields[f"children[{index}].care.paper_period.{p}"] for p in paths]


def open_page(window: WizardWindow) -> CaregiversPage:
    window.show_section(SectionId.CAREGIVERS)
    page = window.pages[SectionId.CAREGIVERS]
    assert isinstance(page, CaregiversPage)
    return page


def three_children() -> Plan:
    plan = new_plan("CA")
    plan.household.display_name = "Familia Soto"
    plan.adults = [Adult(id="adult-ana", given_names="Ana", family_names="Soto", role="mother")]
    plan.children = [
        Child(id=f"child-{name.lower()}", given_names=name, family_names="Soto")
        for name in ("Sofia", "Diego", "Lucia")
    ]
    plan.emergency_contacts = [
        Contact(
            id="contact-rosa",
            given_names="Rosa",
            family_names="Soto",
            relationship=Relationship.AUNT_UNCLE,
        ),
        Contact(id="contact-juan", given_names="Juan", relationship=Relationship.GODPARENT),
    ]
    return plan


def test_caregivers_are_chosen_by_keyboard_from_people_already_entered(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(three_children())  # a new plan: problems show as fields are left
    page = open_page(window)
    first = page.groups[0]
    primary, alternate = (
        choice(page, 0, "primary_caregiver_id"),
        choice(page, 0, "alternate_caregiver_id"),
    )
    term, told = choice(page, 0, "term"), choice(page, 0, "child_has_been_told")
    who_pays = text(page, 0, "who_pays")
    assert first.box.title() == "Sofia Soto"
    assert texts(primary) == [  # Ana, the mother at home, is who the plan is for
        "Not chosen yet",
        "Rosa Soto (Aunt or uncle)",
        "Juan (Godparent)",
    ]
    focus(qtbot, primary)
    qtbot.keyClicks(primary, "Rosa")
    qtbot.keyClick(primary, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is alternate
    assert texts(alternate) == ["Not chosen yet", "Juan (Godparent)"]
    qtbot.keyClicks(alternate, "Juan")
    qtbot.keyClick(alternate, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is term
    qtbot.keyClick(term, Qt.Key.Key_Up)  # not decided → long term
    qtbot.keyClick(term, Qt.Key.Key_Tab)
    qtbot.keyClick(told, Qt.Key.Key_Down)  # not recorded → yes
    qtbot.keyClick(told, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is who_pays
    qtbot.keyClicks(who_pays, "Ana's savings")
    qtbot.keyClick(who_pays, Qt.Key.Key_Tab)
    signed_on = signing_day(page, 0)
    assert QApplication.focusWidget() is signed_on.line
    qtbot.keyClicks(signed_on.line, "03/09/2026")
    qtbot.keyClick(signed_on.line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is signed_on.button  # the calendar, then on
    qtbot.keyClick(signed_on.button, Qt.Key.Key_Tab)

    care = window.session.plan.children[0].care
    assert care.primary_caregiver_id == "contact-rosa"
    assert care.alternate_caregiver_id == "contact-juan"
    assert (care.term, care.child_has_been_told, care.who_pays, care.paper_signed_on) == (
        "long_term",
        True,
        "Ana's savings",
        date(2026, 3, 9),
    )

    assert first.same_for_all is not None and first.same_for_all.isVisible()
    assert QApplication.focusWidget() is first.same_for_all
    qtbot.mouseClick(first.same_for_all, Qt.MouseButton.LeftButton)
    others = [c.care for c in window.session.plan.children[1:]]
    assert {(c.primary_caregiver_id, c.alternate_caregiver_id, c.term) for c in others} == {
        ("contact-rosa", "contact-juan", "long_term")
    }
    assert {c.child_has_been_told for c in others} == {None}
    assert {c.paper_signed_on for c in others} == {None}  # their own papers are not signed
    assert choice(page, 2, "primary_caregiver_id").currentText() == "Rosa Soto (Aunt or uncle)"
    assert not first.same_for_all.isVisible()
    assert [g.same_for_all for g in page.groups[1:]] == [None, None]  # the first child's only

    focus(qtbot, primary)
    qtbot.keyClick(primary, Qt.Key.Key_Home)
    assert window.session.plan.children[0].care.primary_caregiver_id is None


def test_the_same_person_twice_is_named_beside_the_alternate(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window()
    window.session.replace(three_children())
    page = open_page(window)
    primary, alternate_choice = (
        choice(page, 1, "primary_caregiver_id"),
        choice(page, 1, "alternate_caregiver_id"),
    )
    focus(qtbot, alternate_choice)
    qtbot.keyClicks(alternate_choice, "Juan")
    alternate = page.fields["children[1].care.alternate_caregiver_id"]
    assert not alternate.problem.isVisible()
    focus(qtbot, primary)  # then Juan is made the caregiver as well
    qtbot.keyClicks(primary, "Juan")
    qtbot.keyClick(primary, Qt.Key.Key_Tab)
    care = window.session.plan.children[1].care
    assert (care.primary_caregiver_id, care.alternate_caregiver_id) == ("contact-juan",) * 2
    assert alternate_choice.currentText() == (  # kept, not silently dropped, and marked
        "Juan (Godparent) — already the caregiver: choose someone else"
    )
    assert texts(alternate_choice) == [
        "Not chosen yet",
        "Rosa Soto (Aunt or uncle)",
        "Juan (Godparent) — already the caregiver: choose someone else",
    ]
    window.go_next()  # moving on shows what is still wrong here
    window.go_back()
    assert alternate.problem.isVisible()
    assert alternate.problem.text().startswith("The alternate caregiver is the same person")
    window.words.set_language("es")
    assert alternate.problem.text().startswith("El cuidador suplente es la misma persona")
    assert alternate_choice.currentText() == (
        "Juan (Padrino o madrina) — ya es el cuidador: elija a otra persona"
    )
    assert page.fields["children[1].care.primary_caregiver_id"].label.text() == "C&uidador"
    focus(qtbot, alternate_choice)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not "Juan" + "Rosa"
    qtbot.keyClicks(alternate_choice, "Rosa")  # fixed: Juan is no longer offered as alternate
    qtbot.keyClick(alternate_choice, Qt.Key.Key_Tab)
    assert care.alternate_caregiver_id == "contact-rosa"
    window.show_section(SectionId.CAREGIVERS)
    assert "Juan (Padrino o madrina)" not in " ".join(texts(alternate_choice))


def test_the_parents_at_home_are_not_offered_but_one_chosen_stays_marked(
    make_window: WindowMaker,
) -> None:
    plan = three_children()
    plan.adults.append(  # a father who lives elsewhere may be the caregiver
        Adult(id="adult-luis", given_names="Luis", role=AdultRole.FATHER, lives_in_household=False)
    )
    plan.children[0].care.primary_caregiver_id = "adult-ana"  # from an older plan
    plan.children[0].care.alternate_caregiver_id = "contact-rosa"
    window = make_window(plan)
    page = open_page(window)
    primary, alternate = (
        choice(page, 0, "primary_caregiver_id"),
        choice(page, 0, "alternate_caregiver_id"),
    )
    assert texts(primary) == [
        "Not chosen yet",
        "Ana Soto (Mother) — lives with the child: choose someone else",
        "Luis (Father)",
        "Rosa Soto (Aunt or uncle)",
        "Juan (Godparent)",
    ]
    assert primary.value() == "adult-ana"
    assert texts(alternate) == [
        "Not chosen yet",
        "Luis (Father)",
        "Rosa Soto (Aunt or uncle)",
        "Juan (Godparent)",
    ]
    others = [choice(open_page(window), 1, f"{r}_caregiver_id") for r in ("primary", "alternate")]
    assert "Ana Soto (Mother)" not in " ".join(texts(others[0]) + texts(others[1]))
    window.go_next()
    care = window.session.plan.children[0].care
    assert (care.primary_caregiver_id, care.alternate_caregiver_id) == ("adult-ana", "contact-rosa")


def test_the_care_term_says_what_short_and_long_term_mean(make_window: WindowMaker) -> None:
    window = make_window(example_plan("small-ca.json"))
    field = open_page(window).fields["children[0].care.term"]
    assert field.why.isVisibleTo(field)
    assert field.why.text().startswith("Short term: days or weeks, until a parent is back home.")
    assert "Long term: months or longer" in field.why.text()
    window.words.set_language("es")
    assert field.why.text().startswith("Corto plazo: días o semanas")
    assert "Largo plazo: meses o más" in field.why.text()


def test_someone_missing_is_added_on_another_page(make_window: WindowMaker, qtbot: QtBot) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    assert "Add them as an emergency contact" in page.missing.text()
    assert not page.to_children.isVisible()
    qtbot.mouseClick(page.to_contacts, Qt.MouseButton.LeftButton)
    assert window.current is SectionId.CONTACTS

    window.session.replace(new_plan("TX"), household_id="opened")
    page = open_page(window)
    assert page.groups == [] and page.to_children.isVisible()
    qtbot.mouseClick(page.to_children, Qt.MouseButton.LeftButton)
    assert window.current is SectionId.CHILDREN


def test_the_page_names_the_states_paper_and_the_alternates_copy(
    make_window: WindowMaker,
) -> None:
    window = make_window(example_plan("large-tx.json"))
    page = open_page(window)
    assert page.paper.text().startswith(
        'In Texas, the caregiver paper is the "Authorization Agreement for Nonparent Adult'
    )
    assert "needs a separate signed copy" in page.alternate_note.text()
    for state, expected in (("FL", "place to name the alternate"), ("OH", "separate signed copy")):
        plan = example_plan("large-tx.json")
        plan.household.state = state
        window.session.replace(plan, household_id="opened")
        page = open_page(window)
        assert expected in page.alternate_note.text()
    assert page.paper.text().startswith("This program has no caregiver rules for Ohio.")
    window.words.set_language("es")
    assert page.paper.text().startswith("Este programa no tiene reglas de cuidadores para Ohio.")


def test_someone_no_longer_in_the_plan_is_kept_and_named(make_window: WindowMaker) -> None:
    plan = example_plan("small-ca.json")
    plan.children[0].care.alternate_caregiver_id = "contact-gone"
    window = make_window(plan)
    page = open_page(window)
    assert choice(page, 0, "alternate_caregiver_id").currentText() == (
        "(someone no longer in the plan)"
    )
    problem = page.fields["children[0].care.alternate_caregiver_id"].problem
    assert problem.text().startswith("This person is not in the plan.")
    window.go_next()
    assert window.session.plan.children[0].care.alternate_caregiver_id == "contact-gone"


def test_a_new_child_gets_a_group_and_tab_reaches_it(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("small-ca.json")
    window = make_window(plan)
    page = open_page(window)
    assert len(page.groups) == 1
    first = page.groups[0].box
    window.session.plan.children.append(Child(id="child-new", given_names="Mia"))
    window.session.plan.adults.append(
        Adult(id="adult-2", given_names="Luis", role=AdultRole.FATHER, lives_in_household=False)
    )
    page = open_page(window)
    assert [g.box.title() for g in page.groups] == ["Sofía Valentina Ramírez", "Mia"]
    assert page.groups[0].box is first  # the first child's box stays as it is
    assert "Luis (Father)" in texts(choice(page, 1, "primary_caregiver_id"))
    qtbot.waitUntil(choice(page, 1, "primary_caregiver_id").isVisible)  # shows once events run
    focus(qtbot, page.to_contacts)
    qtbot.keyClick(page.to_contacts, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is choice(page, 0, "primary_caregiver_id")
    focus(qtbot, text(page, 0, "who_pays"))
    qtbot.keyClick(text(page, 0, "who_pays"), Qt.Key.Key_Tab)
    qtbot.keyClick(signing_day(page, 0).line, Qt.Key.Key_Tab)
    qtbot.keyClick(signing_day(page, 0).button, Qt.Key.Key_Tab)
    same_for_all = page.groups[0].same_for_all
    assert same_for_all is not None and QApplication.focusWidget() is same_for_all
    qtbot.keyClick(same_for_all, Qt.Key.Key_Tab)  # Tab goes on to the new box
    assert QApplication.focusWidget() is choice(page, 1, "primary_caregiver_id")
    retype(qtbot, text(page, 1, "who_pays"), "Luis")
    assert window.session.plan.children[1].care.who_pays == "Luis"
    assert "children[1].care.who_pays" in page.fields


def test_the_papers_period_is_asked_only_where_the_states_paper_states_one(
    make_window: WindowMaker,
) -> None:
    window = make_window(example_plan("small-ca.json"))  # CA: the affidavit states no period
    page = open_page(window)
    assert not page.groups[0].period.isVisibleTo(page)
    assert page.groups[0].dates is None  # not even made
    assert "children[0].care.paper_period.starts" not in page.fields
    plan = example_plan("small-ca.json")
    plan.household.state = "NY"  # GOL §5-1552(2): "the date or contingent event"
    window.session.replace(plan)
    page = open_page(window)
    assert all(field.isVisibleTo(page) for field in period(page, 0))
    assert texts(choice(page, 0, "paper_period.starts")) == [
        "On the day it is signed",
        "On a date",
        "If the parent is arrested, detained or removed by immigration authorities",
    ]
    assert texts(choice(page, 0, "paper_period.ends")) == [
        "As late as the state's law allows",
        "On a date",
    ]
    assert not day(page, 0, "start_date").isEnabled()
    assert not day(page, 0, "end_date").isEnabled()
    plan = example_plan("small-ca.json")
    plan.household.state = "GA"  # no start on an event found in O.C.G.A. §19-9-120 ff.
    window.session.replace(plan)
    assert choice(open_page(window), 0, "paper_period.starts").count() == 2


def test_a_period_longer_than_the_law_allows_is_named_beside_the_end_date(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("small-ca.json")
    plan.household.state = "NY"
    window = make_window(plan)
    page = open_page(window)
    ends, end_date = choice(page, 0, "paper_period.ends"), day(page, 0, "end_date")
    focus(qtbot, ends)
    qtbot.keyClick(ends, Qt.Key.Key_Down)  # the longest allowed → on a date
    assert end_date.isEnabled()
    retype(qtbot, end_date.line, "2031-01-31")
    period = window.session.plan.children[0].care.paper_period
    assert period.end_date is not None and period.end_date.isoformat() == "2031-01-31"
    problem = page.fields["children[0].care.paper_period.end_date"].problem
    qtbot.waitUntil(problem.isVisible)
    assert "at most 12 months" in problem.text()
    window.words.set_language("es")
    assert "como máximo 12 meses" in problem.text()


def test_a_date_is_kept_only_while_on_a_date_is_chosen(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("small-ca.json")
    plan.household.state = "NY"
    window = make_window(plan)
    page = open_page(window)
    starts, start_date = choice(page, 0, "paper_period.starts"), day(page, 0, "start_date")
    focus(qtbot, starts)
    qtbot.keyClick(starts, Qt.Key.Key_Down)  # on the day it is signed → on a date
    assert start_date.isEnabled()
    retype(qtbot, start_date.line, "2030-06-01")
    period = window.session.plan.children[0].care.paper_period
    assert (period.starts, str(period.start_date)) == ("on_date", "2030-06-01")
    focus(qtbot, starts)
    qtbot.keyClick(starts, Qt.Key.Key_Down)  # on a date → on the parent's detention
    period = window.session.plan.children[0].care.paper_period
    assert (period.starts, period.start_date) == ("on_event", None)
    assert not start_date.isEnabled()
    window.go_next()
    window.go_back()
    assert start_date.value() is None and not start_date.isEnabled()


def test_a_start_on_an_event_where_the_law_has_none_stays_beside_its_problem(
    make_window: WindowMaker,
) -> None:
    plan = example_plan("small-ca.json")
    plan.household.state = "GA"  # no start on an event found in O.C.G.A. §19-9-120 ff.
    plan.children[0].care.paper_period.starts = PaperStart.ON_EVENT  # from a NY plan, moved
    window = make_window(plan)
    page = open_page(window)
    starts = choice(page, 0, "paper_period.starts")
    assert starts.value() == "on_event"  # kept, not silently turned into another start
    assert starts.count() == 3
    problem = page.fields["children[0].care.paper_period.starts"].problem
    assert problem.isVisible()
    assert problem.text().startswith("This state's caregiver paper cannot start on an event.")
    window.go_next()
    assert window.session.plan.children[0].care.paper_period.starts is PaperStart.ON_EVENT


def test_a_date_is_typed_in_the_readers_order(make_window: WindowMaker, qtbot: QtBot) -> None:
    plan = example_plan("small-ca.json")
    plan.household.state = "NY"
    plan.children[0].care.paper_period.ends = PaperEnd.ON_DATE
    window = make_window(plan, language="es")
    page = open_page(window)
    end_date = day(page, 0, "end_date")
    assert end_date.isEnabled()
    assert page.fields["children[0].care.paper_period.end_date"].label.text() == "Último día"
    retype(qtbot, end_date.line, "03/02/2027")  # día/mes/año
    assert str(window.session.plan.children[0].care.paper_period.end_date) == "2027-02-03"


def test_each_alt_letter_reaches_the_child_being_worked_on(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    plan = example_plan("large-tx.json")  # five children: five boxes asking the same
    plan.household.state = "NY"  # and each child's period
    window = make_window(plan)
    page = open_page(window)
    for language in ("en", "es"):
        window.words.set_language(language)
        assert_unique_mnemonics(window, page, [])
    window.words.set_language("en")
    label = page.fields["children[2].care.alternate_caregiver_id"].label
    assert label.text() == "Alternate caregiver"  # the first box has the letters, until…
    focus(qtbot, text(page, 2, "who_pays"))  # … the family works on the third child
    assert label.text() == "Al&ternate caregiver"
    assert page.fields["children[0].care.alternate_caregiver_id"].label.text() == (
        "Alternate caregiver"
    )
    assert_unique_mnemonics(window, page, [])
    qtbot.keyClick(text(page, 2, "who_pays"), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is choice(page, 2, "alternate_caregiver_id")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is choice(page, 2, "paper_period.ends")
    window.words.set_language("es")  # the words change; the letters stay with the third child
    assert label.text() == "Cuidador su&plente"
    assert_unique_mnemonics(window, page, [])


def test_the_day_the_paper_was_signed_is_asked_with_why_and_checked(
    make_window: WindowMaker, qtbot: QtBot
) -> None:
    window = make_window(example_plan("small-ca.json"))
    page = open_page(window)
    field = page.fields["children[0].care.paper_signed_on"]
    assert field.label.text() == "Caregiver paper s&igned on"
    assert field.why.text().startswith("The day the caregiver paper was signed. Leave it empty")
    assert "when to sign a new one" in field.why.text()
    signed_on = signing_day(page, 0)
    assert signed_on.value() is None  # not signed yet: nothing is made up
    retype(qtbot, signed_on.line, "2099-01-05")
    assert window.session.plan.children[0].care.paper_signed_on == date(2099, 1, 5)  # kept
    qtbot.waitUntil(field.problem.isVisible)
    assert field.problem.text().startswith("This day has not come yet.")
    window.words.set_language("es")
    assert field.label.text() == "Documento de cuidador &firmado el"
    assert field.why.text().startswith("El día en que se firmó el documento de cuidador.")
    assert field.problem.text().startswith("Este día todavía no ha llegado.")
    born = window.session.plan.children[0].date_of_birth
    assert born is not None
    before = born - timedelta(days=1)
    retype(qtbot, signed_on.line, before.strftime("%d/%m/%Y"))  # día/mes/año
    assert window.session.plan.children[0].care.paper_signed_on == before
    qtbot.waitUntil(lambda: "anterior al nacimiento" in field.problem.text())
    retype(qtbot, signed_on.line, "")
    assert window.session.plan.children[0].care.paper_signed_on is None
    qtbot.waitUntil(lambda: not field.problem.isVisible())
