"""Caregivers: the page of `ui.questions.caregivers`. For each child, who takes care of them if
the parents cannot, and who takes over if that person cannot, chosen from people already in the
plan, so a caregiver's phone and address are typed once.

Every child's care shows at once, one box a child, rather than as a list with the selected
child's form below it (as `Items` are shown elsewhere): a family decides the children's
caregivers together, compares them, copies the first child's to the others, and Tab walks through
them all."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.flow import SectionId
from planner.jurisdictions import load_jurisdiction
from planner.model import Child, Plan
from planner.places import US_STATES
from planner.validation import Problem
from ui.answers import put_at, value_at
from ui.pages.form import DeclaredPage, Form
from ui.pages.parts import why_label
from ui.questions.caregivers import ARRANGEMENT, CARE, DATES, PERIOD, WHO_PAYS, ChildReading
from ui.widgets import TextField

OWN_FACTS = ("child_has_been_told", "paper_signed_on")
"""What "Use the same for the other children" leaves as each child has it."""


def without_letter(label: str) -> str:
    """A label's words without the mark of its Alt+letter ("&&" is a shown "&": it stays)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def tab_in_order(widgets: list[QWidget]) -> None:
    """Fields made after the window reach Tab in reading order, not in the order they were made."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


class ChildCare:
    """One child's box: the answers of `CARE` below `children[index]`, the period's place and, in
    the first box only, "Use the same for the other children". The period's form is made only where
    the state's paper states one (most do not): each field costs the page's first showing."""

    def __init__(self, page: CaregiversPage, index: int) -> None:
        self.page = page
        self.index = index
        self.box = QGroupBox()
        layout = QVBoxLayout(self.box)
        self.form = Form(page, lambda: f"{CARE.path}[{index}]")
        self.form.build(ARRANGEMENT, layout)
        self.period = QWidget()
        self.period_layout = QVBoxLayout(self.period)
        self.period_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.period)
        self.dates: Form | None = None
        self.same_for_all: QPushButton | None = None
        if index == 0:
            self.same_for_all = QPushButton()
            self.same_for_all.clicked.connect(lambda: page.copy_to_all())
            layout.addWidget(self.same_for_all, 0, Qt.AlignmentFlag.AlignLeft)

    def forms(self) -> list[Form]:
        return [self.form] if self.dates is None else [self.form, self.dates]

    def add_period(self) -> None:
        self.dates = Form(self.page, self.form.base)
        self.dates.build(PERIOD, self.period_layout)
        tab_in_order(self.editors())

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
        line = QHBoxLayout()
        self.form.addLayout(line)
        note = why_label(line)
        line.setStretchFactor(note, 1)
        button = QPushButton()
        button.clicked.connect(lambda: self.edit_requested.emit(section.value))
        line.addWidget(button)
        return note, button

    # --- one box per child ------------------------------------------------------------------------

    def _fit(self, count: int) -> None:
        """A box for each of `count` children: the boxes there are stay, with what they show."""
        for group in self.groups[count:]:
            group.box.hide()
            group.box.setParent(None)
            group.box.deleteLater()
        del self.groups[count:]
        for index in range(len(self.groups), count):
            previous = self.groups[-1].editors()[-1] if self.groups else self.to_children
            group = ChildCare(self, index)
            self.groups.append(group)
            self.children_layout.addWidget(group.box)
            self._texts(group)
            tab_in_order([previous, *group.editors()])

    def copy_to_all(self) -> None:
        """The first child's care for every child. Whether each child was told, and the day
        their paper was signed, stay: they are facts about that child, not choices to copy."""
        if self.plan is None:
            return
        self.store(self.plan)
        source = self.plan.children[0].care
        for child in self.plan.children[1:]:
            own = {name: getattr(child.care, name) for name in OWN_FACTS}
            child.care = source.model_copy(deep=True, update=own)
        self.load(self.plan)
        self.edited.emit()

    def child_reading(self, child: Child) -> ChildReading:
        """How one child's answers are read: the alternate's choices leave out their caregiver."""
        return ChildReading(**vars(self.reading()), child=child)

    # --- load and store ---------------------------------------------------------------------------

    def register(self) -> None:
        super().register()
        for group in self.groups:
            for form in group.forms():
                self.fields.update(form.fields())

    def has_period(self) -> bool:
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
        self._describe_paper(plan)
        self.no_children.setVisible(not plan.children)
        self.to_children.setVisible(not plan.children)
        has_period = self.has_period()
        for group, child in zip(self.groups, plan.children, strict=True):
            if has_period and group.dates is None:
                group.add_period()
                self._texts(group)
            reading = self.child_reading(child)
            for form in group.forms():
                form.show(child, reading, child.id)
            self._title(group, child)
            group.period.setVisible(has_period)
            self._dates_enabled(group)
            if group.same_for_all is not None:  # while no other child has a caregiver
                others = [c.care for c in plan.children if c is not child]
                chosen = any(c.primary_caregiver_id or c.alternate_caregiver_id for c in others)
                group.same_for_all.setVisible(bool(others) and not chosen)
        self.register()

    def _title(self, group: ChildCare, child: Child) -> None:
        group.box.setTitle(
            child.full_name or self.words("caregivers.child", number=group.index + 1)
        )

    def _dates_enabled(self, group: ChildCare) -> None:
        if group.dates is None:
            return
        answers = group.dates.answers
        for choice, (day, on_date) in DATES.items():
            answers[day].editor.setEnabled(answers[choice].value() == on_date)

    def store(self, plan: Plan) -> list[Problem]:
        """Each child's answers; the period only where it was asked, a date only "on a date"."""
        problems = super().store(plan)
        has_period = self.has_period()
        for group, child in zip(self.groups, plan.children, strict=False):
            stored = [p for form in group.forms() for p in form.store(child)]
            for choice, (day, on_date) in DATES.items():
                if has_period and value_at(child, choice) != on_date:
                    put_at(child, day, None)  # a date kept from "on a date" is not the answer
                    stored = [p for p in stored if p.path != group.form.path(day)]
            problems += stored
            reading = self.child_reading(child)
            for form in group.forms():
                form.refresh(reading)
            self._dates_enabled(group)
        return problems

    def _describe_paper(self, plan: Plan) -> None:
        w = self.words
        rules = load_jurisdiction(plan.household.state)
        state = US_STATES.get(plan.household.state, plan.household.state)
        instrument = rules.instrument
        if instrument is None:
            paper = w("caregivers.paper_generic", state=state)
        else:
            name = rules.instrument_name(w.catalogue_language)
            paper = w(f"caregivers.paper_{instrument.scope}", state=state, paper=name)
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
        reading = self.child_reading(child) if child is not None else None
        for form in group.forms():
            form.retranslate(reading)
        who_pays = group.form.answers[WHO_PAYS.path].editor
        assert isinstance(who_pays, TextField)
        who_pays.setPlaceholderText(self.words("caregivers.who_pays_example"))
        if group.same_for_all is not None:
            self._name_button(group.same_for_all, "caregivers.same_for_all")
        if child is not None:
            self._title(group, child)
        self._letters(group)

    def _name_button(self, button: QPushButton, key: str) -> None:
        """Its words, and its name for a screen reader without the Alt+letter's mark."""
        button.setText(self.words(key))
        button.setAccessibleName(self.words(key).replace("&", ""))

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
            self._lettered = self.groups[0]
        lettered = group is self._lettered
        for form in group.forms():
            for shown in form.answers.values():
                label = self.words(shown.answer.label)
                shown.field.label.setText(label if lettered else without_letter(label))

    def retranslate(self) -> None:
        super().retranslate()
        self.children_box.setAccessibleName(self.words("caregivers.children"))
        self.missing.setText(self.words("caregivers.missing"))
        self.no_children.setText(self.words("caregivers.no_children"))
        self._name_button(self.to_contacts, "caregivers.to_contacts")
        self._name_button(self.to_children, "caregivers.to_children")
        if self.plan is not None:
            for group, child in zip(self.groups, self.plan.children, strict=False):
                self._texts(group, child)
            self._describe_paper(self.plan)
