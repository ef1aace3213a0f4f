"""The plan being edited and how it is kept: saved in the vault, or workshop (memory only)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QLocale, QObject, Signal

from planner.model import Household, Plan
from planner.validation import Problem, check, completeness
from ui.i18n import LANGUAGES, qt_locale

DEFAULT_STATE = "CA"
"""The state a blank plan starts at, until the family chooses theirs on the welcome page."""


class Mode(StrEnum):
    SAVE = "save"
    """Every change is saved, encrypted, in the vault on this computer."""
    WORKSHOP = "workshop"
    """Nothing touches the disk but the files the family chooses to save."""


def new_plan(state: str = DEFAULT_STATE, language: str = "en") -> Plan:
    """A blank plan. Its home languages start as the one language the interface speaks: a
    Spanish-speaking parent does not find English ticked for her (she may tick it herself)."""
    plan = Plan(household=Household(display_name="", state=state))
    plan.household.document_language = language
    plan.household.family_languages = [language]
    return plan


def interface_language() -> str:
    """The language the interface speaks now (`ui.i18n` makes it Qt's default locale); English
    for the pseudo-locale."""
    spoken = QLocale().language()
    return next((code for code in LANGUAGES if qt_locale(code).language() == spoken), "en")


def follow_language(plan: Plan, old: str, new: str) -> bool:
    """The interface switched from `old` to `new`: a plan nobody has answered yet (still as
    `new_plan` made it in `old`, but for its name and state) takes `new` as its home and papers'
    language. Languages the family answered, and any plan with answers, stay. True if changed."""
    if new not in LANGUAGES or new == old:
        return False
    home = plan.household
    blank = new_plan(home.state, old)
    blank.household.display_name = home.display_name
    if plan != blank:
        return False
    home.family_languages = [new]
    home.document_language = new
    return True


class Session(QObject):
    """One household open in the window. Pages edit `plan` in place; the window then emits
    `plan_changed`."""

    plan_changed = Signal()
    plan_replaced = Signal()

    def __init__(self, plan: Plan | None = None, mode: Mode = Mode.WORKSHOP) -> None:
        super().__init__()
        self.plan = plan or new_plan(language=interface_language())
        self.mode = mode
        self.household_id: str | None = None
        self.local_problems: list[Problem] = []

    def problems(self) -> list[Problem]:
        """Everything to show: what the plan checks find, then what only the pages could see."""
        return check(self.plan) + completeness(self.plan) + self.local_problems

    def replace(self, plan: Plan, household_id: str | None = None) -> None:
        """Another household opened (or a new one started): pages reload from it."""
        self.plan = plan
        self.household_id = household_id
        self.local_problems = []
        self.plan_replaced.emit()

    def forget(self) -> None:
        """Workshop's "Finish and erase": a blank plan, in the interface's language, takes its
        place, with nothing of the last family's (its state is the default one again)."""
        self.replace(new_plan(DEFAULT_STATE, interface_language()))
