"""Children: the schools and child care first (children who share one share its entry), then each
child — school, health, custody and travel, routines, and who may or may not pick them up."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.flow import SectionId
from planner.model import Address, Child, Plan, School, new_id
from planner.validation import Problem
from ui.check_list import CheckList
from ui.pages.base import SectionPage
from ui.pages.choices import language_choices, state_choices
from ui.pages.item_form import ItemForm
from ui.pages.medications import MedicationTable
from ui.pages.parts import label_check, label_date, read_date, row, why_label
from ui.widgets import ChoiceField, DateField, NotesField, PhoneField, TextField, YesNoField

SCHOOL_KINDS = ("school", "child_care", "after_school")
TRAVEL = {"": None, "yes": True, "no": False}


def lines(text: str) -> list[str]:
    """One name a line; blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class ChildrenPage(SectionPage):
    section_id = SectionId.CHILDREN
    edit_requested = Signal(str)
    """The family asks to go to another section (to enter the emergency contacts first)."""

    def build(self) -> None:
        self.plan: Plan | None = None
        self.shown_problems: list[Problem] = []
        self._build_schools()
        self._build_children()

    # --- building ------------------------------------------------------------------------------

    def _build_schools(self) -> None:
        self.school_form = ItemForm(
            self,
            "schools",
            entries=lambda plan: plan.schools,
            read=self._read_school,
            write=self._write_school,
            label=self._school_label,
            new=lambda: School(id=new_id("school"), name=""),
            removed=self._school_removed,
        )
        self.school_box = QGroupBox()
        box = QVBoxLayout(self.school_box)
        self.school_list = self.add_field("schools", self.school_form.list, box)
        self.school_detail = self.school_form.detail = QWidget()
        detail = QVBoxLayout(self.school_detail)
        detail.setContentsMargins(0, 0, 0, 0)
        form = self.school_form
        line = row(detail)
        self.school_name = TextField()
        self.school_kind = ChoiceField()
        self.school_phone = PhoneField()
        line.addWidget(form.add("name", self.school_name), 3)
        line.addWidget(form.add("kind", self.school_kind), 2)
        line.addWidget(form.add("phone", self.school_phone), 2)
        line = row(detail)
        self.school_street = TextField()
        self.school_city = TextField()
        self.school_state = ChoiceField()
        self.school_zip = TextField()
        self.school_zip.setMaxLength(10)
        line.addWidget(form.add("address.street", self.school_street), 3)
        line.addWidget(form.add("address.city", self.school_city), 2)
        line.addWidget(form.add("address.state", self.school_state), 2)
        line.addWidget(form.add("address.postal_code", self.school_zip), 1)
        box.addWidget(self.school_detail)
        self.form.addWidget(self.school_box)

    def _build_children(self) -> None:
        self.child_form = ItemForm(
            self,
            "children",
            entries=lambda plan: plan.children,
            read=self._read_child,
            write=self._write_child,
            label=self._child_label,
            new=lambda: Child(id=new_id("child"), given_names=""),
            removed=_forget_child,
        )
        self.child_list = self.add_field("children", self.child_form.list)
        self.child_detail = self.child_form.detail = QWidget()
        detail = QVBoxLayout(self.child_detail)
        detail.setContentsMargins(0, 0, 0, 0)
        self.child_heading = QLabel()
        self.child_heading.setObjectName("itemHeading")
        self.child_heading.setWordWrap(True)
        detail.addWidget(self.child_heading)
        self._build_about(detail)
        self._build_health(detail)
        self._build_family(detail)
        self._build_pickup(detail)
        self.form.addWidget(self.child_detail)

    def _build_about(self, detail: QVBoxLayout) -> None:
        form = self.child_form
        self.about_box = QGroupBox()
        box = QVBoxLayout(self.about_box)
        line = row(box)
        self.given = TextField()
        self.family = TextField()
        self.born = DateField()
        line.addWidget(form.add("given_names", self.given), 2)
        line.addWidget(form.add("family_names", self.family), 2)
        line.addWidget(form.add("date_of_birth", self.born), 1)
        self.family_first = YesNoField()
        box.addWidget(form.add("family_name_first", self.family_first))
        self.languages = CheckList(wrap=True)
        box.addWidget(form.add("languages", self.languages))
        line = row(box)
        self.school = ChoiceField()
        self.grade = TextField()
        self.teacher = TextField()
        line.addWidget(form.add("school_id", self.school), 3)
        line.addWidget(form.add("grade", self.grade), 1)
        line.addWidget(form.add("teacher", self.teacher), 2)
        detail.addWidget(self.about_box)

    def _build_health(self, detail: QVBoxLayout) -> None:
        form = self.child_form
        self.health_box = QGroupBox()
        box = QVBoxLayout(self.health_box)
        self.doctor, self.doctor_phone = TextField(), PhoneField()
        self.dentist, self.dentist_phone = TextField(), PhoneField()
        for name, phone, path in (
            (self.doctor, self.doctor_phone, "doctor"),
            (self.dentist, self.dentist_phone, "dentist"),
        ):
            line = row(box)
            line.addWidget(form.add(f"health.{path}", name), 2)
            line.addWidget(form.add(f"health.{path}_phone", phone), 1)
        self.insurance = TextField()
        box.addWidget(form.add("health.insurance", self.insurance))
        line = row(box)
        self.member_id = TextField()
        line.addWidget(form.add("health.insurance_member_id", self.member_id), 1)
        line.addStretch(1)
        self.conditions = TextField()
        box.addWidget(form.add("health.conditions", self.conditions))
        self.medications = MedicationTable(self.words)
        box.addWidget(form.add("health.medications", self.medications))
        self.allergies = TextField()
        box.addWidget(form.add("health.allergies", self.allergies))
        self.special_needs = TextField()
        box.addWidget(form.add("health.special_needs", self.special_needs))
        detail.addWidget(self.health_box)

    def _build_family(self, detail: QVBoxLayout) -> None:
        form = self.child_form
        self.family_box = QGroupBox()
        box = QVBoxLayout(self.family_box)
        self.custody = NotesField()
        self.custody.setMaximumHeight(80)
        box.addWidget(form.add("custody_orders", self.custody))
        line = row(box)
        self.travel = ChoiceField()
        line.addWidget(form.add("may_travel_abroad_to_join_parent", self.travel), 1)
        line.addStretch(1)
        self.passport = TextField()
        box.addWidget(form.add("passport_status", self.passport))
        self.routines = NotesField()
        box.addWidget(form.add("routines_and_comfort", self.routines))
        detail.addWidget(self.family_box)

    def _build_pickup(self, detail: QVBoxLayout) -> None:
        form = self.child_form
        self.pickup_box = QGroupBox()
        box = QVBoxLayout(self.pickup_box)
        self.released_to = CheckList()
        self.released_field = form.add("may_be_released_to", self.released_to)
        box.addWidget(self.released_field)
        self.pickup_hint = why_label(box)
        # No emergency contact yet: say so, and offer the way there, instead of a bare list.
        self.no_contacts = QLabel()
        self.no_contacts.setObjectName("why")
        self.no_contacts.setWordWrap(True)
        self.to_contacts = QPushButton()
        self.to_contacts.clicked.connect(lambda: self.edit_requested.emit(SectionId.CONTACTS.value))
        line = QHBoxLayout()
        line.addWidget(self.no_contacts, 1)
        line.addWidget(self.to_contacts)
        box.addLayout(line)
        self.not_released_to = NotesField()
        self.not_released_to.setMaximumHeight(80)
        box.addWidget(form.add("must_not_be_released_to", self.not_released_to))
        detail.addWidget(self.pickup_box)

    # --- the plan in and out -------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        self.plan = plan
        self.school_form.load(plan)
        self.child_form.load(plan)

    def store(self, plan: Plan) -> list[Problem]:
        problems = self.school_form.store()
        problems += self.child_form.store()
        child = self.child_form.current()
        if child is not None:
            self.child_heading.setText(self._child_label(child))
            self.school.set_choices(self._school_choices(child.school_id), child.school_id or "")
        return problems

    def _read_school(self, school: School) -> None:
        self.school_name.set_value(school.name)
        self.school_kind.set_value(school.kind)
        self.school_phone.set_value(school.phone)
        address = school.address or Address()
        self.school_street.set_value(address.street)
        self.school_city.set_value(address.city)
        state = address.state or self._plan_state()  # no state yet: the one chosen on Welcome
        self.school_state.set_choices(self._state_choices(state), state)
        self.school_zip.set_value(address.postal_code)

    def _write_school(self, school: School) -> list[Problem]:
        school.name = self.school_name.value()
        kind = self.school_kind.value() or "school"
        school.kind = kind  # type: ignore[assignment]
        school.phone = self.school_phone.value()
        street, city = self.school_street.value(), self.school_city.value()
        state, postal_code = self.school_state.value() or "", self.school_zip.value()
        old = school.address
        if (
            not (street or city or postal_code or (old and old.unit))
            and state == self._plan_state()
        ):
            state = ""  # the plan's state shown as a start, in an empty address: not an answer
        typed = (street, city, state, postal_code)
        if any(typed) or (old is not None and (old.unit or old.country != "US")):
            school.address = Address(
                street=street,
                unit=old.unit if old else "",
                city=city,
                state=state,
                postal_code=postal_code,
                country=old.country if old else "US",
            )
        else:
            school.address = None
        return []

    def _read_child(self, child: Child) -> None:
        plan = self.plan
        assert plan is not None
        language = self.words.catalogue_language
        self.child_heading.setText(self._child_label(child))
        self.given.set_value(child.given_names)
        self.family.set_value(child.family_names)
        self.family_first.set_value(child.family_name_first)
        read_date(self.born, child.date_of_birth, child.id)
        codes = [*plan.household.family_languages, *child.languages]
        self.languages.set_choices(language_choices(codes, language), child.languages)
        self.school.set_choices(self._school_choices(child.school_id), child.school_id or "")
        self.grade.set_value(child.grade)
        self.teacher.set_value(child.teacher)
        health = child.health
        self.doctor.set_value(health.doctor)
        self.doctor_phone.set_value(health.doctor_phone)
        self.dentist.set_value(health.dentist)
        self.dentist_phone.set_value(health.dentist_phone)
        self.insurance.set_value(health.insurance)
        self.member_id.set_value(health.insurance_member_id)
        self.conditions.set_value(health.conditions)
        self.medications.set_value(health.medications)
        self.allergies.set_value(health.allergies)
        self.special_needs.set_value(health.special_needs)
        self.custody.set_value(child.custody_orders)
        travel = {None: "", True: "yes", False: "no"}[child.may_travel_abroad_to_join_parent]
        self.travel.set_value(travel)
        self.passport.set_value(child.passport_status)
        self.routines.set_value(child.routines_and_comfort)
        self.released_to.set_choices(self._people_choices(child), child.may_be_released_to)
        self._show_pickup_choices(plan)
        self.not_released_to.set_value("\n".join(child.must_not_be_released_to))

    def _show_pickup_choices(self, plan: Plan) -> None:
        """Without emergency contacts, a sentence and the way to them; the list only when it has
        someone to check (a parent, or someone the child's list still names)."""
        has_contacts = bool(plan.emergency_contacts)
        self.released_field.setVisible(self.released_to.count() > 0)
        self.pickup_hint.setVisible(has_contacts)
        self.no_contacts.setVisible(not has_contacts)
        self.to_contacts.setVisible(not has_contacts)

    def _write_child(self, child: Child) -> list[Problem]:
        """The form into `child` (the selected one, or a copy of it). No side effects elsewhere."""
        problems: list[Problem] = []
        child.given_names = self.given.value()
        child.family_names = self.family.value()
        child.family_name_first = self.family_first.value()
        if self.born.is_valid():
            child.date_of_birth = self.born.value()
        else:
            problems.append(Problem(self.child_form.path("date_of_birth"), "date.invalid"))
        ticked = self.languages.values()
        child.languages = [c for c in child.languages if c in ticked] + [
            c for c in ticked if c not in child.languages
        ]
        child.school_id = self.school.value()
        child.grade = self.grade.value()
        child.teacher = self.teacher.value()
        health = child.health
        health.doctor = self.doctor.value()
        health.doctor_phone = self.doctor_phone.value()
        health.dentist = self.dentist.value()
        health.dentist_phone = self.dentist_phone.value()
        health.insurance = self.insurance.value()
        health.insurance_member_id = self.member_id.value()
        health.conditions = self.conditions.value()
        health.medications = self.medications.value()
        health.allergies = self.allergies.value()
        health.special_needs = self.special_needs.value()
        child.custody_orders = self.custody.value()
        child.may_travel_abroad_to_join_parent = TRAVEL[self.travel.value() or ""]
        child.passport_status = self.passport.value()
        child.routines_and_comfort = self.routines.value()
        child.may_be_released_to = self.released_to.values()
        child.must_not_be_released_to = lines(self.not_released_to.value())
        return problems

    def _school_removed(self, plan: Plan, school: School) -> None:
        """Children of a removed school have no school chosen (rather than one that is gone)."""
        for child in plan.children:
            if child.school_id == school.id:
                child.school_id = None
        child = self.child_form.current()
        if child is not None:
            self.school.set_choices(self._school_choices(child.school_id), child.school_id or "")

    def show_problems(self, problems: list[Problem]) -> None:
        self.shown_problems = problems
        forms = (self.school_form, self.child_form)
        super().show_problems([p for p in problems if not any(f.is_elsewhere(p) for f in forms)])
        for form in forms:
            form.mark(self.visible(problems))

    # --- choices and labels --------------------------------------------------------------------

    def _school_label(self, school: School) -> str:
        kind = self.words(f"children.kind_{school.kind}")
        name = school.name or self.words("children.unnamed_school")
        return self.words("children.school_label", name=name, kind=kind)

    def _child_label(self, child: Child) -> str:
        return child.full_name or self.words("children.unnamed_child")

    def _school_choices(self, keep: str | None) -> list[tuple[str, str]]:
        plan = self.plan
        schools = plan.schools if plan is not None else []
        choices = [("", self.words("children.no_school"))]
        choices += [(s.id, s.name or self.words("children.unnamed_school")) for s in schools]
        if keep and keep not in {s.id for s in schools}:
            choices.append((keep, self.words("children.school_missing")))
        return choices

    def _people_choices(self, child: Child) -> list[tuple[str, str]]:
        """The plan's parents and emergency contacts by name; someone the child's list still
        names but the plan no longer has stays, ticked, until the family unticks them."""
        plan = self.plan
        assert plan is not None
        w = self.words
        unnamed = w("children.unnamed_person")
        choices = [(a.id, w("children.parent", name=a.full_name or unnamed)) for a in plan.adults]
        choices += [
            (c.id, w("children.contact", name=c.full_name or unnamed))
            for c in plan.emergency_contacts
        ]
        known = {value for value, _ in choices}
        choices += [
            (ref, w("children.person_missing"))
            for ref in child.may_be_released_to
            if ref not in known
        ]
        return choices

    def _state_choices(self, keep: str) -> list[tuple[str, str]]:
        return [("", self.words("children.choose")), *state_choices(keep)]

    def _plan_state(self) -> str:
        return self.plan.household.state if self.plan is not None else ""

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.school_box.setTitle(w("children.schools_box"))
        self.school_list.set_texts(w("children.schools"), w("children.schools_why"))
        self.school_form.retranslate(
            w("children.schools"), w("children.add_school"), w("children.remove_school")
        )
        form = self.school_form.fields
        form["name"].set_texts(w("children.school_name"))
        form["kind"].set_texts(w("children.school_kind"))
        self.school_kind.set_choices([(k, w(f"children.kind_{k}")) for k in SCHOOL_KINDS])
        form["phone"].set_texts(w("children.school_phone"))
        form["address.street"].set_texts(w("children.street"))
        form["address.city"].set_texts(w("children.city"))
        form["address.state"].set_texts(w("children.state"))
        self.school_state.set_choices(self._state_choices(self.school_state.value() or ""))
        form["address.postal_code"].set_texts(w("children.zip"))
        self._retranslate_child()

    def _retranslate_child(self) -> None:
        w = self.words
        language = w.catalogue_language
        self.child_list.set_texts(w("children.children"), w("children.children_why"))
        self.child_form.retranslate(
            w("children.children"), w("children.add_child"), w("children.remove_child")
        )
        form = self.child_form.fields
        self.about_box.setTitle(w("children.about_box"))
        form["given_names"].set_texts(w("children.given_names"))
        form["family_names"].set_texts(w("children.family_names"))
        label_date(form["date_of_birth"], w, w("children.date_of_birth"))
        label_check(form["family_name_first"], w("children.family_first"))
        form["languages"].set_texts(w("children.languages"))
        self.languages.set_choices(language_choices(self.languages.choices(), language))
        form["school_id"].set_texts(w("children.school"))
        child = self.child_form.current()
        keep = self.school.value()
        self.school.set_choices(self._school_choices(keep), keep or "")
        form["grade"].set_texts(w("children.grade"))
        form["teacher"].set_texts(w("children.teacher"))
        self.health_box.setTitle(w("children.health_box"))
        for key in ("doctor", "doctor_phone", "dentist", "dentist_phone", "insurance"):
            form[f"health.{key}"].set_texts(w(f"children.{key}"))
        form["health.insurance_member_id"].set_texts(
            w("children.insurance_member_id"), w("children.insurance_member_id_why")
        )
        form["health.conditions"].set_texts(w("children.conditions"))
        form["health.medications"].set_texts(
            w("children.medications"), w("children.medications_why")
        )
        self.medications.retranslate()
        form["health.allergies"].set_texts(w("children.allergies"))
        form["health.special_needs"].set_texts(w("children.special_needs"))
        self.family_box.setTitle(w("children.family_box"))
        form["custody_orders"].set_texts(w("children.custody"), w("children.custody_why"))
        form["may_travel_abroad_to_join_parent"].set_texts(
            w("children.travel"), w("children.travel_why")
        )
        self.travel.set_choices([(v, w(f"children.travel_{v or 'undecided'}")) for v in TRAVEL])
        form["passport_status"].set_texts(w("children.passport"), w("children.passport_why"))
        form["routines_and_comfort"].set_texts(w("children.routines"), w("children.routines_why"))
        self.pickup_box.setTitle(w("children.pickup_box"))
        form["may_be_released_to"].set_texts(w("children.released_to"), w("children.released_why"))
        self.pickup_hint.setText(w("children.released_hint"))
        self.no_contacts.setText(w("children.no_contacts"))
        self.to_contacts.setText(w("children.to_contacts"))
        self.to_contacts.setAccessibleName(w("children.to_contacts").replace("&", ""))
        form["must_not_be_released_to"].set_texts(
            w("children.not_released_to"), w("children.not_released_why")
        )
        if child is not None and self.plan is not None:
            self.child_heading.setText(self._child_label(child))
            self.released_to.set_choices(self._people_choices(child))


def _forget_child(plan: Plan, child: Child) -> None:
    for paper in plan.documents:
        if paper.belongs_to == child.id:
            paper.belongs_to = None
