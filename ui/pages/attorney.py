"""Attorney and case: the page of `ui.questions.attorney`, with the way to the Household page while
no parent is entered, a new case that starts at the plan's only attorney, and the examples and
list buttons no declaration says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QPushButton

from planner.flow import SectionId
from planner.model import Adult, Plan
from planner.validation import Problem
from ui.answers import Items
from ui.pages.form import DeclaredPage
from ui.questions.attorney import (
    ATTORNEYS,
    CASE_ATTORNEY,
    CASES,
    HOTLINES,
    HOURS,
    PENDING,
    only_attorney,
)
from ui.widgets import ChoiceField


class AttorneyPage(DeclaredPage):
    section_id = SectionId.ATTORNEY
    declared = (ATTORNEYS, CASES, HOTLINES)
    edit_requested = Signal(str)
    """The family asks to go to another section (to enter the parents first)."""

    def build(self) -> None:
        """Beside the words shown while no parent is entered, the button to the Household page."""
        self.cases = self.list_of(CASES.path)
        chooser = self.cases.form.answers[CASE_ATTORNEY.path].editor
        assert isinstance(chooser, ChoiceField)
        self.case_attorney = chooser
        empty, box = self.cases.empty, self.cases.box
        holder = box.layout() if box is not None else self.form
        assert isinstance(holder, QBoxLayout)
        self.to_household = QPushButton()
        self.to_household.clicked.connect(
            lambda: self.edit_requested.emit(SectionId.HOUSEHOLD.value)
        )
        line = QHBoxLayout()
        holder.insertLayout(holder.indexOf(empty), line)
        holder.removeWidget(empty)
        line.addWidget(empty, 1)
        line.addWidget(self.to_household)

    def load_extra(self, items: Items | None, entry: Any) -> None:
        """Without parents, the way to enter them instead of an empty list; a case not started
        yet starts at the plan's one attorney."""
        if items is not CASES or self.plan is None:
            return
        adults = bool(self.plan.adults)
        self.cases.list_field.setVisible(adults)
        self.to_household.setVisible(not adults)
        only = only_attorney(self.plan)
        if adults and isinstance(entry, Adult) and entry.case is None and only is not None:
            self.case_attorney.set_value(only)

    def store(self, plan: Plan) -> list[Problem]:
        adult = self.cases.current()
        if adult is not None and adult.case is None:
            chooser, only = self.case_attorney, only_attorney(plan)
            if only and chooser.value() is None and chooser.findData(only) < 0:
                # the plan's first attorney, added just now, for the case shown
                assert CASE_ATTORNEY.choices is not None
                chooser.set_choices(CASE_ATTORNEY.choices.options(self.reading(), [only]), only)
        return super().store(plan)

    def retranslate(self) -> None:
        super().retranslate()
        w = self.words
        self.to_household.setText(w("attorney.to_household"))
        self.to_household.setAccessibleName(w("attorney.to_household").replace("&", ""))
        pending = self.cases.form.answers[PENDING.path].editor
        hours = self.list_of(HOTLINES.path).form.answers[HOURS.path].editor
        assert isinstance(pending, QLineEdit) and isinstance(hours, QLineEdit)
        pending.setPlaceholderText(w("attorney.pending_example"))
        hours.setPlaceholderText(w("attorney.hotline_hours_example"))
        # The hotlines' own move buttons, without the attorneys' Alt letters.
        editor = self.list_of(HOTLINES.path).editor
        for button, key in ((editor.up, "hotline_up"), (editor.down, "hotline_down")):
            button.setText(w(f"attorney.{key}"))
            button.setAccessibleName(w(f"attorney.{key}"))
