"""The plan being edited and how it is kept: saved in the vault, or workshop (memory only)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from planner.model import Household, Plan
from planner.validation import Problem, check, completeness


class Mode(StrEnum):
    SAVE = "save"
    """Every change is saved, encrypted, in the vault on this computer."""
    WORKSHOP = "workshop"
    """Nothing touches the disk but the files the family chooses to save."""


def new_plan(state: str = "CA", language: str = "en") -> Plan:
    plan = Plan(household=Household(display_name="", state=state))
    plan.household.document_language = language
    plan.household.family_languages = [language] if language == "en" else [language, "en"]
    return plan


class Session(QObject):
    """One household open in the window. Pages edit `plan` in place, then call `changed()`."""

    plan_changed = Signal()
    plan_replaced = Signal()

    def __init__(self, plan: Plan | None = None, mode: Mode = Mode.WORKSHOP) -> None:
        super().__init__()
        self.plan = plan or new_plan()
        self.mode = mode
        self.household_id: str | None = None
        self.local_problems: list[Problem] = []

    def problems(self) -> list[Problem]:
        """Everything to show: what the plan checks find, then what only the pages could see."""
        return check(self.plan) + completeness(self.plan) + self.local_problems

    def changed(self) -> None:
        self.plan_changed.emit()

    def replace(self, plan: Plan, household_id: str | None = None) -> None:
        """Another household opened (or a new one started): pages reload from it."""
        self.plan = plan
        self.household_id = household_id
        self.local_problems = []
        self.plan_replaced.emit()

    def forget(self) -> None:
        """Workshop's "Finish and erase": the plan leaves memory; a blank one takes its place."""
        self.replace(new_plan())
