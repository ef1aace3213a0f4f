"""Caregivers: for each child, who takes care of them if the parents cannot, and who takes over if
that person cannot. Both are chosen from people already in the plan (an emergency contact, or a
parent who lives elsewhere), so a caregiver's phone and address are typed once. The parents at
home are the ones the plan is for, so they are not offered, and the alternate list leaves out
the caregiver; someone already chosen stays, marked, so nothing is lost unseen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from planner.flow import SectionId
from planner.jurisdictions import load_jurisdiction
from planner.model import CareArrangement, Child, PaperEnd, PaperPeriod, PaperStart, Plan
from planner.places import US_STATES
from planner.validation import Problem
from ui.pages.base import SectionPage
from ui.pages.entries import (
    answer_choices,
    as_answer,
    from_answer,
    label,
    labelled,
    why_label,
)
from ui.widgets import ChoiceField, DateField, TextField

TERMS = ("short_term", "long_term", "undecided")


def _column(line: QHBoxLayout) -> QVBoxLayout:
    """One of the side-by-side places a field goes, keeping it at the top."""
    column = QVBoxLayout()
    line.addLayout(column, 1)
    return column


class ChildCare:
    """The group of one child's care arrangement."""

    def __init__(self, page: CaregiversPage, index: int) -> None:
        self.index = index
        self.box = QGroupBox()
        box = QVBoxLayout(self.box)
        self.primary = ChoiceField()
        self.alternate = ChoiceField()
        self.term = ChoiceField()
        self.told = ChoiceField()
        self.who_pays = TextField()
        self._pair(
            page,
            box,
            ("primary_caregiver_id", self.primary),
            ("alternate_caregiver_id", self.alternate),
        )
        self._pair(page, box, ("term", self.term), ("child_has_been_told", self.told))
        page.add_field(self.path("who_pays"), self.who_pays, box)
        # after the window has stored the new caregiver: the alternate list leaves them out
        self.primary.edited.connect(lambda: page.offer_alternates(self))
        self.period = QWidget()
        """Where the period goes when the state's paper states one (NY, WA…); its fields are
        made only then (`period_fields`), since each costs the page's first showing."""
        self._period_layout = QVBoxLayout(self.period)
        self._period_layout.setContentsMargins(0, 0, 0, 0)
        self.dates: PeriodFields | None = None
        box.addWidget(self.period)
        self.same_for_all = QPushButton()
        self.same_for_all.clicked.connect(lambda: page.copy_to_all(self.index))
        copy_line = QHBoxLayout()
        copy_line.addWidget(self.same_for_all)
        copy_line.addStretch(1)
        box.addLayout(copy_line)

    def _pair(self, page: CaregiversPage, box: QVBoxLayout, *fields: tuple[str, QWidget]) -> None:
        """Fields side by side (a lone one takes half the width), each kept at the top."""
        line = QHBoxLayout()
        box.addLayout(line)
        for leaf, editor in fields:
            column = _column(line)
            page.add_field(self.path(leaf), editor, column)
            column.addStretch(1)
        if len(fields) == 1:
            _column(line)

    def path(self, leaf: str) -> str:
        return f"children[{self.index}].care.{leaf}"

    def period_fields(self, page: CaregiversPage) -> PeriodFields:
        """The period's fields, made the first time the state's paper asks for them, and put
        in reading order after who pays."""
        if self.dates is None:
            self.dates = PeriodFields(self, page)
            previous: QWidget = self.who_pays
            for widget in [*self.dates.editors(), self.same_for_all]:
                QWidget.setTabOrder(previous, widget)
                previous = widget
        return self.dates

    def stored_period(self, kept: PaperPeriod) -> PaperPeriod:
        """The chosen period; the one in the plan when the page never asked (no period here)."""
        return self.dates.stored() if self.dates is not None else kept

    def editors(self) -> list[QWidget]:
        period = self.dates.editors() if self.dates is not None else []
        return [self.primary, self.alternate, self.term, self.told, self.who_pays, *period]


class PeriodFields:
    """When the child's paper starts and ends, for a state whose paper states a period."""

    def __init__(self, group: ChildCare, page: CaregiversPage) -> None:
        self.starts, self.start_date = ChoiceField(), DateField()
        self.ends, self.end_date = ChoiceField(), DateField()
        layout = group._period_layout
        group._pair(
            page,
            layout,
            ("paper_period.starts", self.starts),
            ("paper_period.start_date", self.start_date),
        )
        group._pair(
            page,
            layout,
            ("paper_period.ends", self.ends),
            ("paper_period.end_date", self.end_date),
        )
        self.starts.edited.connect(self._dates_enabled)
        self.ends.edited.connect(self._dates_enabled)

    def _dates_enabled(self) -> None:
        """A date is asked for only when the family chose "on a date"."""
        self.start_date.setEnabled(self.starts.value() == PaperStart.ON_DATE.value)
        self.end_date.setEnabled(self.ends.value() == PaperEnd.ON_DATE.value)

    def load(self, period: PaperPeriod) -> None:
        self.starts.set_value(period.starts.value)
        self.start_date.set_value(period.start_date)
        self.ends.set_value(period.ends.value)
        self.end_date.set_value(period.end_date)
        self._dates_enabled()

    def stored(self) -> PaperPeriod:
        starts = self.starts.value() or PaperStart.WHEN_SIGNED.value
        ends = self.ends.value() or PaperEnd.LONGEST.value
        return PaperPeriod(
            starts=PaperStart(starts),
            start_date=self.start_date.value() if starts == PaperStart.ON_DATE.value else None,
            ends=PaperEnd(ends),
            end_date=self.end_date.value() if ends == PaperEnd.ON_DATE.value else None,
        )

    def editors(self) -> list[QWidget]:
        return [self.starts, self.start_date, self.ends, self.end_date]


class CaregiversPage(SectionPage):
    section_id = SectionId.CAREGIVERS
    edit_requested = Signal(str)
    """The family asks to go to another section (to add someone who is missing)."""

    def build(self) -> None:
        self.plan: Plan | None = None
        self.groups: list[ChildCare] = []
        self.paper = why_label()
        self.alternate_note = why_label()
        self.form.addWidget(self.paper)
        self.form.addWidget(self.alternate_note)
        self.missing = why_label()
        self.to_contacts = QPushButton()
        self.to_contacts.clicked.connect(lambda: self.edit_requested.emit(SectionId.CONTACTS.value))
        self.form.addLayout(self._line(self.missing, self.to_contacts))
        self.no_children = why_label()
        self.to_children = QPushButton()
        self.to_children.clicked.connect(lambda: self.edit_requested.emit(SectionId.CHILDREN.value))
        self.form.addLayout(self._line(self.no_children, self.to_children))
        self.children_box = QWidget()
        self.children_layout = QVBoxLayout(self.children_box)
        self.children_layout.setContentsMargins(0, 0, 0, 0)
        self.form.addWidget(self.children_box)

    @staticmethod
    def _line(note: QWidget, button: QPushButton) -> QHBoxLayout:
        line = QHBoxLayout()
        line.addWidget(note, 1)
        line.addWidget(button)
        return line

    # --- one group per child ----------------------------------------------------------------------

    def _rebuild(self, count: int) -> None:
        for group in self.groups:
            group.box.hide()
            group.box.setParent(None)
            group.box.deleteLater()
        self.fields = {p: f for p, f in self.fields.items() if not p.startswith("children[")}
        self.groups = [ChildCare(self, index) for index in range(count)]
        previous: QWidget = self.to_children
        for group in self.groups:
            self.children_layout.addWidget(group.box)
            self._texts(group)
            for widget in [*group.editors(), group.same_for_all]:
                QWidget.setTabOrder(previous, widget)  # made after the window: keep reading order
                previous = widget

    def copy_to_all(self, index: int) -> None:
        """The same caregivers, term and costs for every child; whether each was told stays."""
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

    # --- load and store ---------------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        self.plan = plan
        if len(self.groups) != len(plan.children):
            self._rebuild(len(plan.children))
        self._describe_paper(plan)
        has_children = bool(plan.children)
        self.no_children.setVisible(not has_children)
        self.to_children.setVisible(not has_children)
        for group, child in zip(self.groups, plan.children, strict=True):
            self._fill(group, child, plan)

    def _people(
        self, plan: Plan, chosen: str | None, caregiver: str | None = None
    ) -> list[tuple[str, str]]:
        """Everyone who can be chosen: the parents who live elsewhere, then the emergency
        contacts in calling order. Parents at home, and for the alternate the `caregiver`, are
        left out, unless already `chosen`: then they stay, marked as not possible."""
        w = self.words
        people = [("", w("caregivers.not_chosen"))]
        for adult in plan.adults:
            role = label(w, "role", adult.role)
            name = adult.full_name or w("caregivers.unnamed")
            person = w("caregivers.person", name=name, who=role)
            if adult.id == chosen and adult.id == caregiver:
                person = w("caregivers.already_caregiver", person=person)
            elif adult.id == chosen and adult.lives_in_household:
                person = w("caregivers.lives_with_child", person=person)
            elif adult.lives_in_household or adult.id == caregiver:
                continue
            people.append((adult.id, person))
        for contact in plan.emergency_contacts:
            who = label(w, "relationship", contact.relationship)
            name = contact.full_name or w("caregivers.unnamed")
            person = w("caregivers.person", name=name, who=who)
            if contact.id == caregiver:
                if contact.id != chosen:
                    continue
                person = w("caregivers.already_caregiver", person=person)
            people.append((contact.id, person))
        if chosen and plan.person(chosen) is None:
            people.append((chosen, w("caregivers.not_in_plan")))
        return people

    def offer_alternates(self, group: ChildCare) -> None:
        """The alternate list for the caregiver now chosen (the alternate shown stays)."""
        if self.plan is None or group.index >= len(self.plan.children):
            return
        alternate = group.alternate.value()
        people = self._people(self.plan, alternate, group.primary.value())
        group.alternate.set_choices(people, alternate or "")

    def _fill(self, group: ChildCare, child: Child, plan: Plan) -> None:
        w = self.words
        number = group.index + 1
        group.box.setTitle(child.full_name or w("caregivers.child", number=number))
        care = child.care
        group.primary.set_choices(
            self._people(plan, care.primary_caregiver_id), care.primary_caregiver_id or ""
        )
        alternates = self._people(plan, care.alternate_caregiver_id, care.primary_caregiver_id)
        group.alternate.set_choices(alternates, care.alternate_caregiver_id or "")
        group.term.set_value(care.term)
        group.told.set_value(as_answer(care.child_has_been_told))
        group.who_pays.set_value(care.who_pays)
        has_period = load_jurisdiction(plan.household.state).has_period
        group.period.setVisible(has_period)
        if has_period:
            self._period_texts(group)
            self._period_choices(group, plan)
            group.period_fields(self).load(care.paper_period)
        others = [c.care for c in plan.children if c is not child]
        undecided = all(
            c.primary_caregiver_id is None and c.alternate_caregiver_id is None for c in others
        )
        group.same_for_all.setVisible(group.index == 0 and bool(others) and undecided)

    def _period_texts(self, group: ChildCare) -> None:
        w = self.words
        group.period_fields(self)
        self.fields[group.path("paper_period.starts")].set_texts(
            w("caregivers.starts"), w("caregivers.period_why")
        )
        self.fields[group.path("paper_period.start_date")].set_texts(w("caregivers.start_date"))
        self.fields[group.path("paper_period.ends")].set_texts(w("caregivers.ends"))
        self.fields[group.path("paper_period.end_date")].set_texts(w("caregivers.end_date"))

    def _period_choices(self, group: ChildCare, plan: Plan) -> None:
        """A start on an event is offered only where the state's law allows it (NY, NJ…)."""
        w = self.words
        starts = [PaperStart.WHEN_SIGNED, PaperStart.ON_DATE]
        if load_jurisdiction(plan.household.state).term.starts_on_event:
            starts.append(PaperStart.ON_EVENT)
        dates = group.period_fields(self)
        dates.starts.set_choices(labelled(w, "paper_starts", [s.value for s in starts]))
        dates.ends.set_choices(labelled(w, "paper_ends", [e.value for e in PaperEnd]))

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

    def store(self, plan: Plan) -> list[Problem]:
        for group, child in zip(self.groups, plan.children, strict=False):
            care = child.care
            care.primary_caregiver_id = group.primary.value()
            care.alternate_caregiver_id = group.alternate.value()
            term = group.term.value()
            care.term = term if term in TERMS else "undecided"  # type: ignore[assignment]
            care.who_pays = group.who_pays.value()
            care.child_has_been_told = from_answer(group.told.value())
            care.paper_period = group.stored_period(care.paper_period)
        return []

    # --- words ------------------------------------------------------------------------------------

    def _texts(self, group: ChildCare) -> None:
        w = self.words
        self.fields[group.path("primary_caregiver_id")].set_texts(
            w("caregivers.primary"), w("caregivers.primary_why")
        )
        self.fields[group.path("alternate_caregiver_id")].set_texts(
            w("caregivers.alternate"), w("caregivers.alternate_why")
        )
        self.fields[group.path("term")].set_texts(w("caregivers.term"), w("caregivers.term_why"))
        self.fields[group.path("child_has_been_told")].set_texts(w("caregivers.told"))
        self.fields[group.path("who_pays")].set_texts(w("caregivers.who_pays"))
        group.who_pays.setPlaceholderText(w("caregivers.who_pays_example"))
        group.term.set_choices(labelled(w, "care_term", TERMS))
        group.told.set_choices(answer_choices(w))
        if group.dates is not None:
            self._period_texts(group)
            if self.plan is not None:
                self._period_choices(group, self.plan)
        group.same_for_all.setText(w("caregivers.same_for_all"))
        group.same_for_all.setAccessibleName(w("caregivers.same_for_all").replace("&", ""))

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.missing.setText(w("caregivers.missing"))
        self.to_contacts.setText(w("caregivers.to_contacts"))
        self.to_contacts.setAccessibleName(w("caregivers.to_contacts").replace("&", ""))
        self.no_children.setText(w("caregivers.no_children"))
        self.to_children.setText(w("caregivers.to_children"))
        self.to_children.setAccessibleName(w("caregivers.to_children").replace("&", ""))
        for group in self.groups:
            self._texts(group)
        if self.plan is not None:
            self._describe_paper(self.plan)
