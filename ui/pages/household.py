"""Household and parents: the page of `ui.questions.household`, with "Another language" for the
home, a blank plan's languages following the interface, the state's reason to ask where a parent
living elsewhere lives, and what a parent living in the household no longer keeps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton

from planner.flow import (
    SectionId,
    asks_about_family_violence,
    asks_other_parent_address,
    asks_whether_other_parent_is_available,
)
from planner.model import Household, Plan
from planner.places import US_STATES
from planner.validation import Problem
from ui.answers import Box, Items, Part
from ui.check_list import CheckList
from ui.pages.choices import language_choices, other_language_choices
from ui.pages.form import DeclaredPage
from ui.questions.household import (
    ADULTS,
    ELSEWHERE,
    FAMILY_LANGUAGES,
    HOME,
    LANGUAGES,
    LIVES_HERE,
    NOTES,
    VIOLENCE,
)
from ui.session import follow_language
from ui.widgets import ChoiceField, Field, YesNoField


def keep_home_state(home: Household) -> None:
    """An address with nothing else typed in it only shows the plan's state as a start: that is
    not an answer, so it follows a later choice on Welcome."""
    address = home.address
    typed = (address.street, address.unit, address.city, address.postal_code)
    if not any(typed) and address.country == "US" and address.state == home.state:
        address.state = ""


class HouseholdPage(DeclaredPage):
    section_id = SectionId.HOUSEHOLD
    declared = (HOME, LANGUAGES, ADULTS, NOTES)

    speaking: str | None = None
    """The interface's language at the last load: a blank plan's languages follow a switch."""
    _other_languages_in: str | None = None
    """The language the long list of other languages was built in; `load` renames it after a
    switch (the window loads the page it shows again), so `retranslate` need not."""

    def build(self) -> None:
        self.adults = self.list_of(ADULTS.path)
        languages = self.top.answers[FAMILY_LANGUAGES.path].editor
        assert isinstance(languages, CheckList)
        self.languages = languages
        form = self.adults.form
        self.elsewhere_box = next(box for box, title in form.boxes if title == ELSEWHERE.title)
        inside = self.elsewhere_box.layout()
        assert isinstance(inside, QBoxLayout)
        self.notice_note, self.sign_note = QLabel(), QLabel()
        for at, note in enumerate((self.notice_note, self.sign_note)):
            note.setObjectName("why")
            note.setWordWrap(True)
            inside.insertWidget(at, note)
        lives_here = form.answers[LIVES_HERE.path].editor
        assert isinstance(lives_here, YesNoField)
        lives_here.toggled.connect(lambda here: self.elsewhere_box.setVisible(not here))
        lives_here.edited.connect(self._show_address_problem)

    def build_extra(self, part: Part | Box, layout: QBoxLayout) -> None:
        """Below the home's languages: any other language, chosen by name and added."""
        if part is not FAMILY_LANGUAGES:
            return
        line = QHBoxLayout()
        self.other_language = ChoiceField()
        self.other_language_field = Field(self.other_language)
        line.addWidget(self.other_language_field, 1)
        self.add_language = QPushButton()
        line.addWidget(self.add_language, 0, Qt.AlignmentFlag.AlignBottom)
        line.addStretch(1)
        layout.addLayout(line)
        self.add_language.clicked.connect(self._add_language)

    # --- the plan in and out ---------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        spoken = self.words.catalogue_language
        if self._other_languages_in != spoken:
            self._fill_other_languages()
        follow_language(plan, self.speaking or spoken, spoken)  # a blank plan only
        self.speaking = spoken
        super().load(plan)

    def load_extra(self, items: Items | None, entry: Any) -> None:
        if items is ADULTS:
            self.elsewhere_box.setVisible(not entry.lives_in_household)
            self._describe_elsewhere()

    def store(self, plan: Plan) -> list[Problem]:
        problems = super().store(plan)
        keep_home_state(plan.household)
        adult = self.adults.current()
        if adult is not None and adult.lives_in_household:  # no other home, nobody to mail to
            adult.address = None
            adult.family_violence_order = False
        return problems

    # --- reactions -------------------------------------------------------------------------------

    def _show_address_problem(self) -> None:
        """Leaving "Lives in this household" unticked is leaving the address it asks for: a
        missing one is said at once, beside the street."""
        self.touched.add(self.adults.form.path("address"))
        self.show_problems(self.shown_problems)

    def _describe_elsewhere(self) -> None:
        """The state's reason to ask where a parent living elsewhere is (Texas, Georgia: notice by
        mail; Illinois, New Jersey: that parent may need to sign)."""
        plan = self.plan
        notice = plan is not None and asks_other_parent_address(plan)
        sign = plan is not None and asks_whether_other_parent_is_available(plan)
        code = plan.household.state if plan is not None else ""
        state = US_STATES.get(code) or self.words("household.your_state")
        self.notice_note.setText(self.words("household.notice_why", state=state) if notice else "")
        self.notice_note.setVisible(notice)
        self.sign_note.setText(self.words("household.sign_why", state=state) if sign else "")
        self.sign_note.setVisible(sign)
        violence = self.adults.form.answers[VIOLENCE.path]
        violence.field.setVisible(plan is not None and asks_about_family_violence(plan))

    def _fill_other_languages(self) -> None:
        """Hundreds of language names: built when the page is first shown, not at start-up."""
        language = self.words.catalogue_language
        self.other_language.set_choices(
            [("", self.words("household.choose")), *other_language_choices(language)]
        )
        self._other_languages_in = language

    def _add_language(self) -> None:
        code = self.other_language.value()
        if not code:
            return
        languages = self.languages
        if code not in languages.choices():
            choices = [*languages.choices(), code]
            languages.set_choices(language_choices(choices, self.words.catalogue_language))
        languages.set_value_checked(code)  # the tick reaches the plan through `edited`
        languages.setCurrentRow(languages.choices().index(code))

    def retranslate(self) -> None:
        super().retranslate()
        w = self.words
        self.other_language_field.set_texts(w("household.other_language"))
        self.add_language.setText(w("household.add_language"))
        self.add_language.setAccessibleName(w("household.add_language").replace("&", ""))
        self._describe_elsewhere()
