"""Caregivers: the page of `ui.questions.caregivers`. For each child, who takes care of them if
the parents cannot, and who takes over if that person cannot, chosen from people already in the
plan, so a caregiver's phone and address are typed once.

Every child's care shows at once, one box a child, rather than as a list with the selected
child's form below it (as `Items` are shown elsewhere): a family decides the children's
caregivers together, compares them, copies the first child's to the others, and Tab walks through
them all. What no declaration says stays here: the state's caregiver paper and its limits, the
ways to the Children and Emergency contacts sections, the period asked only where the state's
paper states one, a date asked only "on a date", and "Use the same for the other children"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.flow import SectionId
from planner.jurisdictions import load_jurisdiction
from planner.model import CareArrangement, Child, Plan
from planner.places import US_STATES
from planner.validation import Problem
from ui.answers import Box, Items, Part, put_at, value_at
from ui.pages.form import DeclaredPage, Form
from ui.pages.parts import why_label
from ui.questions.caregivers import ARRANGEMENT, CARE, DATES, PERIOD, WHO_PAYS, ChildReading
from ui.widgets import TextField


def without_letter(label: str) -> str:
    """A label's words without the mark of its Alt+letter ("&&" is a shown "&": it stays)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&&")


class ChildCare:
    """One child's box: the declared answers of `CARE` below `children[index]`. The period is a
    form of its own, made only once the state's paper states one (`period_form`): each field
    costs the page's first showing, and most states' papers state none."""

    def __init__(self, page: CaregiversPage, index: int) -> None:
        self.page = page
        self.index = index
        self.box = QGroupBox()
        self.form = Form(page, self.base)
        self.period = QWidget()
        """Where the period's fields go (`build_extra` puts it after who pays)."""
        self.period_layout = QVBoxLayout(self.period)
        self.period_layout.setContentsMargins(0, 0, 0, 0)
        self.dates: Form | None = None
        self.same_for_all: QPushButton | None = None
        """Made by the page's `build_extra`, in the first child's box only."""

    def base(self) -> str:
        return f"{CARE.path}[{self.index}]"

    def forms(self) -> list[Form]:
        return [self.form] if self.dates is None else [self.form, self.dates]

    def period_form(self) -> Form:
        """The period's fields, made the first time the state's paper asks for them, and put in
        reading order after who pays."""
        if self.dates is None:
            self.dates = Form(self.page, self.base)
            self.dates.build(PERIOD, self.period_layout)
            previous = self.form.answers[WHO_PAYS.path].editor
            for shown in self.dates.answers.values():
                QWidget.setTabOrder(previous, shown.editor)
                previous = shown.editor
        return self.dates

    def editors(self) -> list[QWidget]:
        """What Tab reaches in this box, in reading order."""
        editors = [shown.editor for form in self.forms() for shown in form.answers.values()]
        return editors + ([self.same_for_all] if self.same_for_all is not None else [])


class CaregiversPage(DeclaredPage):
    section_id = SectionId.CAREGIVERS
    declared = ()
    """Nothing as a list: each child's box is built from `CARE` (see `ChildCare`)."""
    edit_requested = Signal(str)
    """The family asks to go to another section (to add someone who is missing)."""

    def build(self) -> None:
        self.groups: list[ChildCare] = []
        self._building: ChildCare | None = None
        self._lettered: ChildCare | None = None
        """The box whose labels carry their Alt+letters (see `_follow_focus`)."""
        self.paper = why_label(self.form)
        self.alternate_note = why_label(self.form)
        self.missing, self.to_contacts = self._way_to(SectionId.CONTACTS)
        self.no_children, self.to_children = self._way_to(SectionId.CHILDREN)
        self.children_box = QWidget()
        self.children_layout = QVBoxLayout(self.children_box)
        self.children_layout.setContentsMargins(0, 0, 0, 0)
        self.form.addWidget(self.children_box)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _way_to(self, section: SectionId) -> tuple[QLabel, QPushButton]:
        """A sentence, and beside it a button to another section."""
        note = QLabel()
        note.setObjectName("why")
        note.setWordWrap(True)
        button = QPushButton()
        button.clicked.connect(lambda: self.edit_requested.emit(section.value))
        line = QHBoxLayout()
        line.addWidget(note, 1)
        line.addWidget(button)
        self.form.addLayout(line)
        return note, button

    # --- one box per child ------------------------------------------------------------------------

    def _fit(self, count: int) -> None:
        """A box for each of `count` children: the boxes there are stay, with what they show."""
        for group in self.groups[count:]:
            group.box.hide()
            group.box.setParent(None)
            group.box.deleteLater()
        del self.groups[count:]
        previous: QWidget = self.groups[-1].editors()[-1] if self.groups else self.to_children
        for index in range(len(self.groups), count):
            group = ChildCare(self, index)
            self.groups.append(group)
            self._building = group
            group.form.build(ARRANGEMENT, QVBoxLayout(group.box))
            self._building = None
            self.children_layout.addWidget(group.box)
            self._texts(group)
            for widget in group.editors():
                QWidget.setTabOrder(previous, widget)  # made after the window: keep reading order
                previous = widget

    def build_extra(self, part: Part | Box, layout: QBoxLayout) -> None:
        """After who pays: the place of the period, and in the first child's box the way to
        give every child the same."""
        group = self._building
        if group is None or part is not ARRANGEMENT[-1]:
            return
        layout.addWidget(group.period)
        if group.index == 0:
            button = group.same_for_all = QPushButton()
            button.clicked.connect(lambda: self.copy_to_all(0))
            line = QHBoxLayout()
            line.addWidget(button)
            line.addStretch(1)
            layout.addLayout(line)

    def copy_to_all(self, index: int) -> None:
        """The same caregivers, term, costs and period for every child; whether each was told
        stays."""
        if self.plan is None:
            return
        self.store(self.plan)
        source = self.plan.children[index].care
        for child in self.plan.children:
            if child.care is not source:
                child.care = CareArrangement(
                    primary_caregiver_id=source.primary_caregiver_id,
                    alternate_caregiver_id=source.alternate_caregiver_id,
                    term=source.term,
                    who_pays=source.who_pays,
                    child_has_been_told=child.care.child_has_been_told,
                    paper_period=source.paper_period.model_copy(),
                )
        self.load(self.plan)
        self.edited.emit()

    def child_reading(self, child: Child) -> ChildReading:
        """How one child's answers are read: the alternate's choices leave out their caregiver."""
        plain = self.reading()
        return ChildReading(plain.plan, plain.say, plain.language, plain.own, child)

    def _boxes(self) -> list[tuple[ChildCare, Child]]:
        children = self.plan.children if self.plan is not None else []
        return list(zip(self.groups, children, strict=False))

    # --- load and store ---------------------------------------------------------------------------

    def register(self) -> None:
        super().register()
        for group in self.groups:
            for form in group.forms():
                self.fields.update(form.fields())

    def has_period(self) -> bool:
        """Whether the state's caregiver paper states a period (NY, WA…)."""
        return self.plan is not None and load_jurisdiction(self.plan.household.state).has_period

    def load_steps(self, plan: Plan) -> Iterator[None]:
        """A box for each child a step (each is a form of its own), then the plan in them."""
        for count in range(len(self.groups) + 1, len(plan.children) + 1):
            self._fit(count)
            yield
        self.load(plan)

    def load(self, plan: Plan) -> None:
        if len(self.groups) != len(plan.children):
            self._fit(len(plan.children))
        super().load(plan)
        for group, child in self._boxes():
            reading = self.child_reading(child)
            if self.has_period() and group.dates is None:
                group.period_form().retranslate(reading)
                self._letters(group)
            for form in group.forms():
                form.show(child, reading, child.id)
            self.load_extra(CARE, child)
        self.register()

    def load_extra(self, items: Items | None, entry: Any) -> None:
        """The page: the state's paper, and the ways to the other sections. A child's box: its
        name, the period where the state's paper states one, and the copy for all."""
        if items is None:
            self._describe_paper(entry)
            self.no_children.setVisible(not entry.children)
            self.to_children.setVisible(not entry.children)
            return
        assert self.plan is not None
        group = next(g for g, child in self._boxes() if child is entry)
        self._title(group, entry)
        group.period.setVisible(self.has_period())
        self._dates_enabled(group)
        if group.same_for_all is not None:
            others = [c.care for c in self.plan.children if c is not entry]
            undecided = all(
                c.primary_caregiver_id is None and c.alternate_caregiver_id is None for c in others
            )
            group.same_for_all.setVisible(bool(others) and undecided)

    def _title(self, group: ChildCare, child: Child) -> None:
        """The child's name; "Child 2" while the child has none."""
        w = self.words
        named = CARE.heading(child, self.reading()) if child.full_name else ""
        group.box.setTitle(named or w("caregivers.child", number=group.index + 1))

    def _dates_enabled(self, group: ChildCare) -> None:
        """A date is asked for only when the family chose "on a date"."""
        if group.dates is None:
            return
        answers = group.dates.answers
        for choice, (day, on_date) in DATES.items():
            answers[day].editor.setEnabled(answers[choice].value() == on_date)

    def store(self, plan: Plan) -> list[Problem]:
        """Each child's answers; the period only where it was asked (else the plan's stays),
        and a date only while "on a date" is chosen."""
        problems = super().store(plan)
        has_period = self.has_period()
        for group, child in zip(self.groups, plan.children, strict=False):
            stored = [p for form in group.forms() for p in form.store(child)]
            unasked = set()
            for choice, (day, on_date) in DATES.items():
                if has_period and value_at(child, choice) != on_date:
                    put_at(child, day, None)  # a date kept from "on a date" is not the answer
                    unasked.add(group.form.path(day))
            problems += [p for p in stored if p.path not in unasked]
            reading = self.child_reading(child)
            for form in group.forms():
                form.refresh(reading)
            self._dates_enabled(group)
        return problems

    def _describe_paper(self, plan: Plan) -> None:
        w = self.words
        code = plan.household.state
        state = US_STATES.get(code, code)
        rules = load_jurisdiction(code)
        instrument = rules.instrument
        if instrument is None:
            paper = w("caregivers.paper_generic", state=state)
        else:
            scope = "per_child" if instrument.scope == "per_child" else "per_household"
            name = rules.instrument_name(w.catalogue_language)
            paper = w(f"caregivers.paper_{scope}", state=state, paper=name)
            if instrument.caregiver_min_age is not None:
                paper += " " + w("caregivers.min_age", age=instrument.caregiver_min_age)
            if instrument.caregiver_must_live_in_state:
                paper += " " + w("caregivers.lives_in_state", state=state)
        self.paper.setText(paper)
        on_paper = instrument is not None and instrument.names_alternate
        self.alternate_note.setText(
            w("caregivers.alternate_on_paper" if on_paper else "caregivers.alternate_copy")
        )

    # --- words ------------------------------------------------------------------------------------

    def _texts(self, group: ChildCare, child: Child | None = None) -> None:
        w = self.words
        reading = self.child_reading(child) if child is not None else None
        for form in group.forms():
            form.retranslate(reading)
        who_pays = group.form.answers[WHO_PAYS.path].editor
        assert isinstance(who_pays, TextField)
        who_pays.setPlaceholderText(w("caregivers.who_pays_example"))
        if group.same_for_all is not None:
            group.same_for_all.setText(w("caregivers.same_for_all"))
            group.same_for_all.setAccessibleName(w("caregivers.same_for_all").replace("&", ""))
        if child is not None:
            self._title(group, child)
        self._letters(group)

    # --- Alt+letters ------------------------------------------------------------------------------

    def _follow_focus(self, _: QWidget | None, now: QWidget | None) -> None:
        """Every box asks the same questions, and an Alt+letter must reach one field: the
        letters go with the box the family is working in, so Alt+T is this child's alternate."""
        if now is None or not shiboken6.isValid(self) or not self.children_box.isAncestorOf(now):
            return
        found = next((g for g in self.groups if g.box.isAncestorOf(now)), None)
        if found is not None and found is not self._lettered:
            self._lettered = found
            for group in self.groups:
                self._letters(group)

    def _letters(self, group: ChildCare) -> None:
        """The labels of `group` with their Alt+letters if it is the box worked in (the first
        until the family enters one), else the same words without."""
        if self._lettered not in self.groups:
            self._lettered = self.groups[0] if self.groups else None
        lettered = group is self._lettered
        for form in group.forms():
            for shown in form.answers.values():
                label = self.words(shown.answer.label)
                shown.field.label.setText(label if lettered else without_letter(label))

    def retranslate(self) -> None:
        super().retranslate()
        w = self.words
        self.children_box.setAccessibleName(w("caregivers.children"))
        self.missing.setText(w("caregivers.missing"))
        self.to_contacts.setText(w("caregivers.to_contacts"))
        self.to_contacts.setAccessibleName(w("caregivers.to_contacts").replace("&", ""))
        self.no_children.setText(w("caregivers.no_children"))
        self.to_children.setText(w("caregivers.to_children"))
        self.to_children.setAccessibleName(w("caregivers.to_children").replace("&", ""))
        for group, child in self._boxes():
            self._texts(group, child)
        if self.plan is not None:
            self._describe_paper(self.plan)
