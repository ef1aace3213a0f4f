"""Attorney and case: the family's attorneys or accredited representatives, what a caregiver or
lawyer needs to find a detained parent and follow their case (all optional), and the local
hotlines — rapid response, legal aid — which the family or navigator enters: none ship with it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.flow import SectionId
from planner.model import Adult, Attorney, CaseInfo, Hotline, ImmigrationStatus, Plan, new_id
from planner.validation import Problem
from ui.pages.entries import (
    ERROR_MARK,
    AddressBlock,
    EntriesPage,
    EntryList,
    answer_choices,
    as_answer,
    from_answer,
    full_name_or,
    label,
    labelled,
    row,
    why_label,
)
from ui.pages.parts import label_check, label_date
from ui.widgets import (
    ANumberField,
    ChoiceField,
    DateField,
    Field,
    NotesField,
    PhoneField,
    TextField,
    YesNoField,
)

HOTLINE_KINDS = ("rapid_response", "legal_aid", "other")


def _heading(parent: QVBoxLayout) -> QLabel:
    """The title of one part of the page (the page's own title is larger)."""
    heading = QLabel()
    heading.setTextFormat(Qt.TextFormat.RichText)
    heading.setWordWrap(True)
    heading.setContentsMargins(0, 12, 0, 0)
    parent.addWidget(heading)
    return heading


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def _only_attorney(plan: Plan) -> str | None:
    """The attorney's id when the plan has exactly one: a parent need not pick it again."""
    return plan.attorneys[0].id if len(plan.attorneys) == 1 else None


class AttorneyPage(EntriesPage):
    section_id = SectionId.ATTORNEY
    edit_requested = Signal(str)
    """The family asks to go to another section (to enter the parents first)."""

    def build_page(self) -> None:
        self._build_attorneys()
        self._build_case()
        self._build_hotlines()

    # --- attorneys --------------------------------------------------------------------------------

    def _build_attorneys(self) -> None:
        self.attorney = self.new_entry("attorneys")
        self.attorney_detail = QGroupBox()
        self.no_attorney = why_label()
        self.attorneys = EntryList(
            self,
            self.attorney,
            self.attorney_detail,
            items=lambda plan: plan.attorneys,
            new=lambda: Attorney(id=new_id("attorney"), given_names=""),
            describe=self._describe_attorney,
            fill=self._fill_attorney,
            removed=self._forget_attorney,
            first=lambda: self.attorney_given,
            empty=self.no_attorney,
        )
        self.add_field("attorneys", self.attorneys.editor)
        self.form.addWidget(self.no_attorney)
        box = QVBoxLayout(self.attorney_detail)
        e = self.attorney
        self.attorney_given = TextField()
        self.attorney_family = TextField()
        row(
            box,
            e.add("given_names", self.attorney_given),
            e.add("family_names", self.attorney_family),
        )
        self.organization = TextField()
        self.bar_id = TextField()
        row(box, e.add("organization", self.organization), e.add("bar_or_eoir_id", self.bar_id))
        self.attorney_phone = PhoneField()
        self.phone_24h = PhoneField()
        row(box, e.add("phone", self.attorney_phone), e.add("phone_24h", self.phone_24h))
        self.attorney_email = TextField()
        row(box, e.add("email", self.attorney_email), QWidget())
        self.accredited = YesNoField()
        box.addWidget(e.add("is_accredited_representative", self.accredited))
        self.attorney_address = AddressBlock(self.words, e, box)
        self.form.addWidget(self.attorney_detail)

    def _describe_attorney(self, _index: int, attorney: Attorney) -> str:
        name = full_name_or(self.words, attorney, "attorney.unnamed")
        if attorney.organization:
            return self.words("attorney.item", name=name, organization=attorney.organization)
        return name

    def _fill_attorney(self, attorney: Attorney) -> None:
        name = full_name_or(self.words, attorney, "attorney.new")
        self.attorney_detail.setTitle(self.words("attorney.detail", name=name))
        self.attorney_given.set_value(attorney.given_names)
        self.attorney_family.set_value(attorney.family_names)
        self.organization.set_value(attorney.organization)
        self.bar_id.set_value(attorney.bar_or_eoir_id)
        self.attorney_phone.set_value(attorney.phone)
        self.phone_24h.set_value(attorney.phone_24h)
        self.attorney_email.set_value(attorney.email)
        self.accredited.set_value(attorney.is_accredited_representative)
        self.attorney_address.load(attorney.address)

    def _write_attorney(self, attorney: Attorney) -> list[Problem]:
        attorney.given_names = self.attorney_given.value()
        attorney.family_names = self.attorney_family.value()
        attorney.organization = self.organization.value()
        attorney.bar_or_eoir_id = self.bar_id.value()
        attorney.phone = self.attorney_phone.value()
        attorney.phone_24h = self.phone_24h.value()
        attorney.email = self.attorney_email.value()
        attorney.is_accredited_representative = self.accredited.value()
        attorney.address = self.attorney_address.value(attorney.address)
        name = full_name_or(self.words, attorney, "attorney.new")
        self.attorney_detail.setTitle(self.words("attorney.detail", name=name))
        return []

    def _forget_attorney(self, plan: Plan, attorney: Attorney) -> None:
        """Nobody's case points at a removed attorney."""
        for adult in plan.adults:
            if adult.case is not None and adult.case.attorney_id == attorney.id:
                adult.case.attorney_id = None
        if self.case_attorney.value() == attorney.id:  # the case shown must not write it back
            self.case_attorney.set_value("")

    # --- each adult's case ------------------------------------------------------------------------

    def _build_case(self) -> None:
        self.case_heading = _heading(self.form)
        self.case_note = why_label()
        self.form.addWidget(self.case_note)
        self.no_adults = why_label()
        self.to_household = QPushButton()
        self.to_household.clicked.connect(
            lambda: self.edit_requested.emit(SectionId.HOUSEHOLD.value)
        )
        line = QHBoxLayout()
        line.addWidget(self.no_adults, 1)
        line.addWidget(self.to_household)
        self.form.addLayout(line)
        self.whose = ChoiceField()
        self.whose_field = Field(self.whose)
        self.whose.activated.connect(self._select_adult)
        row(self.form, self.whose_field, QWidget())
        self.case = self.new_entry("adults")
        self.case_detail = QWidget()
        box = QVBoxLayout(self.case_detail)
        box.setContentsMargins(0, 0, 0, 0)
        e = self.case
        self.a_number = ANumberField()
        self.status = ChoiceField()
        row(
            box,
            e.add("case.a_number", self.a_number),
            e.add("case.immigration_status", self.status),
        )
        self.court = TextField()
        self.hearing = DateField()
        row(
            box,
            e.add("case.immigration_court", self.court),
            e.add("case.next_hearing", self.hearing),
        )
        self.pending = TextField()
        box.addWidget(e.add("case.pending_applications", self.pending))
        self.case_attorney = ChoiceField()
        row(box, e.add("case.attorney_id", self.case_attorney), QWidget())
        self.g28 = ChoiceField()
        self.g28_holder = TextField()
        row(box, e.add("case.g28_signed", self.g28), e.add("case.g28_held_by", self.g28_holder))
        self.officer = TextField()
        box.addWidget(e.add("case.arresting_officer", self.officer))
        self.case_notes = NotesField()
        box.addWidget(e.add("case.notes", self.case_notes))
        self.form.addWidget(self.case_detail)

    def _select_adult(self, index: int) -> None:
        if self.plan is None or index == self.case.index:
            return
        changed = self.sync()
        self._show_case(self.plan, index)
        self.reshow()
        if changed:
            self.edited.emit()

    def _show_case(self, plan: Plan, index: int) -> None:
        adults = plan.adults
        self.case.index = min(max(index, 0), len(adults) - 1)
        self.no_adults.setVisible(not adults)
        self.to_household.setVisible(not adults)
        self.whose_field.setVisible(bool(adults))
        self.case_detail.setVisible(bool(adults))
        self._list_adults(plan)
        if adults:
            self._fill_case(plan, adults[self.case.index])
        self.register()

    def _list_adults(self, plan: Plan) -> None:
        flagged = self.flagged(self.case)
        choices = []
        for index, adult in enumerate(plan.adults):
            name = full_name_or(self.words, adult, "attorney.unnamed")
            choices.append((str(index), f"{ERROR_MARK} {name}" if index in flagged else name))
        self.whose.set_choices(choices, str(self.case.index))

    def _fill_case(self, plan: Plan, adult: Adult) -> None:
        case = adult.case or CaseInfo()
        self.a_number.set_value(case.a_number)
        self.status.set_value(case.immigration_status.value if case.immigration_status else "")
        self.court.set_value(case.immigration_court)
        self.hearing.set_value(case.next_hearing)
        self.pending.set_value(case.pending_applications)
        chosen = case.attorney_id
        if adult.case is None:  # a case not started yet starts with the plan's one attorney
            chosen = _only_attorney(plan)
        self.case_attorney.set_choices(self._attorney_choices(plan, chosen), chosen or "")
        self.g28.set_value(as_answer(case.g28_signed))
        self.g28_holder.set_value(case.g28_held_by)
        self.officer.set_value(case.arresting_officer)
        self.case_notes.set_value(case.notes)

    def _attorney_choices(self, plan: Plan, chosen: str | None) -> list[tuple[str, str]]:
        w = self.words
        choices = [("", w("attorney.no_attorney_chosen"))]
        choices += [(a.id, self._describe_attorney(i, a)) for i, a in enumerate(plan.attorneys)]
        if chosen and plan.attorney(chosen) is None:
            choices.append((chosen, w("attorney.not_in_plan")))
        return choices

    def _write_case(self, adult: Adult) -> list[Problem]:
        """The adult's case as the form shows it; none is made until something is entered."""
        problems: list[Problem] = []
        old = adult.case or CaseInfo()
        hearing = old.next_hearing
        if self.hearing.is_valid():
            hearing = self.hearing.value()
        else:
            problems.append(Problem(self.case.path("case.next_hearing"), "date.invalid"))
        status = self.status.value()
        case = CaseInfo(
            a_number=self.a_number.value(),
            immigration_status=ImmigrationStatus(status) if status else None,
            immigration_court=self.court.value(),
            next_hearing=hearing,
            pending_applications=self.pending.value(),
            attorney_id=self.case_attorney.value(),
            g28_signed=from_answer(self.g28.value()),
            g28_held_by=self.g28_holder.value(),
            arresting_officer=self.officer.value(),
            notes=self.case_notes.value(),
        )
        if case == CaseInfo():
            adult.case = None
        elif case != adult.case:
            adult.case = case
        return problems

    # --- local hotlines ---------------------------------------------------------------------------

    def _build_hotlines(self) -> None:
        self.hotline = self.new_entry("local_hotlines")
        self.hotline_detail = QGroupBox()
        self.hotlines = EntryList(
            self,
            self.hotline,
            self.hotline_detail,
            items=lambda plan: plan.local_hotlines,
            new=lambda: Hotline(name="", phone=""),
            describe=self._describe_hotline,
            fill=self._fill_hotline,
            first=lambda: self.hotline_name,
        )
        self.add_field("local_hotlines", self.hotlines.editor)
        box = QVBoxLayout(self.hotline_detail)
        e = self.hotline
        self.hotline_name = TextField()
        self.hotline_phone = PhoneField()
        row(box, e.add("name", self.hotline_name), e.add("phone", self.hotline_phone))
        self.hotline_kind = ChoiceField()
        self.hotline_hours = TextField()
        row(box, e.add("kind", self.hotline_kind), e.add("hours", self.hotline_hours))
        self.form.addWidget(self.hotline_detail)

    def _describe_hotline(self, _index: int, hotline: Hotline) -> str:
        name = hotline.name or self.words("attorney.hotline_unnamed")
        kind = label(self.words, "hotline_kind", hotline.kind)
        return self.words("attorney.hotline_item", name=name, kind=kind)

    def _fill_hotline(self, hotline: Hotline) -> None:
        name = hotline.name or self.words("attorney.hotline_new")
        self.hotline_detail.setTitle(self.words("attorney.detail", name=name))
        self.hotline_name.set_value(hotline.name)
        self.hotline_phone.set_value(hotline.phone)
        self.hotline_kind.set_value(hotline.kind)
        self.hotline_hours.set_value(hotline.hours)

    def _write_hotline(self, hotline: Hotline) -> list[Problem]:
        hotline.name = self.hotline_name.value()
        hotline.phone = self.hotline_phone.value()
        kind = self.hotline_kind.value()
        hotline.kind = kind if kind in HOTLINE_KINDS else "other"  # type: ignore[assignment]
        hotline.hours = self.hotline_hours.value()
        name = hotline.name or self.words("attorney.hotline_new")
        self.hotline_detail.setTitle(self.words("attorney.detail", name=name))
        return []

    # --- load and store ---------------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        self.plan = plan
        self.attorneys.load(plan)
        self._show_case(plan, self.case.index)
        self.hotlines.load(plan)

    def store(self, plan: Plan) -> list[Problem]:
        problems = self.attorneys.store(plan, self._write_attorney)
        chosen = self.case_attorney.value()  # an attorney added or renamed just now is offered
        adult = plan.adults[self.case.index] if 0 <= self.case.index < len(plan.adults) else None
        only = _only_attorney(plan)
        # the first attorney, typed just now, for a case not started yet
        started = adult is None or adult.case is not None
        if chosen is None and not started and only and self.case_attorney.findData(only) < 0:
            chosen = only
        self.case_attorney.set_choices(self._attorney_choices(plan, chosen), chosen or "")
        if adult is not None:
            problems += self._write_case(plan.adults[self.case.index])
        problems += self.hotlines.store(plan, self._write_hotline)
        return problems

    def show_problems(self, problems: list[Problem]) -> None:
        super().show_problems(problems)
        if self.plan is not None and self.plan.adults:
            self._list_adults(self.plan)

    # --- words ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.attorneys.editor.retranslate()
        self.attorneys.editor.items.setAccessibleName(w("attorney.list").replace("&", ""))
        self.fields["attorneys"].set_texts(w("attorney.list"), w("attorney.list_why"))
        self.no_attorney.setText(w("attorney.empty"))
        f = self.attorney.fields
        f["given_names"].set_texts(w("attorney.given_names"))
        f["family_names"].set_texts(w("attorney.family_names"))
        f["organization"].set_texts(w("attorney.organization"))
        f["bar_or_eoir_id"].set_texts(w("attorney.bar_or_eoir_id"))
        f["phone"].set_texts(w("attorney.phone"))
        f["phone_24h"].set_texts(w("attorney.phone_24h"))
        f["email"].set_texts(w("attorney.email"))
        label_check(f["is_accredited_representative"], w("attorney.accredited"))
        self.attorney_address.retranslate()
        self._retranslate_case()
        self._retranslate_hotlines()

    def _retranslate_case(self) -> None:
        w = self.words
        self.case_heading.setText(_bold(w("attorney.case_heading")))
        self.case_note.setText(w("attorney.case_note"))
        self.no_adults.setText(w("attorney.no_adults"))
        self.to_household.setText(w("attorney.to_household"))
        self.to_household.setAccessibleName(w("attorney.to_household").replace("&", ""))
        self.whose_field.set_texts(w("attorney.whose"))
        f = self.case.fields
        f["case.a_number"].set_texts(w("attorney.a_number"), w("attorney.a_number_why"))
        f["case.immigration_status"].set_texts(w("attorney.status"), w("attorney.status_why"))
        self.status.set_choices(
            [("", w("answer.not_recorded")), *labelled(w, "immigration_status", ImmigrationStatus)]
        )
        f["case.immigration_court"].set_texts(w("attorney.court"), w("attorney.court_why"))
        label_date(f["case.next_hearing"], w, w("attorney.hearing"), w("attorney.hearing_why"))
        f["case.pending_applications"].set_texts(w("attorney.pending"))
        self.pending.setPlaceholderText(w("attorney.pending_example"))
        f["case.attorney_id"].set_texts(w("attorney.case_attorney"))
        f["case.g28_signed"].set_texts(w("attorney.g28"), w("attorney.g28_why"))
        self.g28.set_choices(answer_choices(w))
        f["case.g28_held_by"].set_texts(w("attorney.g28_held_by"), w("attorney.g28_held_by_why"))
        f["case.arresting_officer"].set_texts(w("attorney.officer"), w("attorney.officer_why"))
        f["case.notes"].set_texts(w("attorney.case_notes"))

    def _retranslate_hotlines(self) -> None:
        w = self.words
        editor = self.hotlines.editor
        editor.retranslate()
        for button, key in (
            (editor.add, "hotline_add"),
            (editor.remove, "hotline_remove"),
            (editor.up, "hotline_up"),
            (editor.down, "hotline_down"),
        ):
            button.setText(w(f"attorney.{key}"))
            button.setAccessibleName(w(f"attorney.{key}").replace("&", ""))
        editor.items.setAccessibleName(w("attorney.hotlines").replace("&", ""))
        self.fields["local_hotlines"].set_texts(w("attorney.hotlines"), w("attorney.hotlines_note"))
        f = self.hotline.fields
        f["name"].set_texts(w("attorney.hotline_name"))
        f["phone"].set_texts(w("attorney.hotline_phone"))
        f["kind"].set_texts(w("attorney.hotline_kind"))
        self.hotline_kind.set_choices(labelled(w, "hotline_kind", HOTLINE_KINDS))
        f["hours"].set_texts(w("attorney.hotline_hours"))
        self.hotline_hours.setPlaceholderText(w("attorney.hotline_hours_example"))
