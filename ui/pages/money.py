"""Money and property: the page of `ui.questions.money`, which also warns when an answer holds what
looks like a full account or card number."""

from __future__ import annotations

import re

from planner.flow import SectionId
from planner.model import Plan
from planner.validation import Problem
from ui.pages.form import AnswerField, DeclaredPage
from ui.questions.money import MONEY, MONEY_NOTES

LONG_NUMBER = re.compile(r"\d(?:[\s.-]?\d){7,}")
"""Eight digits or more in a row (spaces and dashes allowed): likely a full account number."""
NOT_ACCOUNTS = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # a date
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # a date
    r"|(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"  # a phone number
)
CHECKED = ("description", "who_can_access", "where_papers_are")
"""The answers of an entry checked for a full number (with the notes below the list)."""


def looks_like_account_number(text: str) -> bool:
    return LONG_NUMBER.search(NOT_ACCOUNTS.sub(" ", text)) is not None


class MoneyPage(DeclaredPage):
    section_id = SectionId.MONEY
    declared = (MONEY, MONEY_NOTES)

    def build(self) -> None:
        self.money = self.list_of(MONEY.path)

    def load(self, plan: Plan) -> None:
        """The entry shown stays shown when the family comes back or switches language (entries
        have no id the list could find them by)."""
        kept = self.money.index if plan is self.plan else -1
        super().load(plan)
        if 0 < kept < len(plan.money_and_property):
            self.money.show(kept)

    def show_problems(self, problems: list[Problem]) -> None:
        """Beside the plan's own problems, a warning on any answer that holds a long number.
        The family decides: the answer is kept as typed."""
        super().show_problems(problems)
        warning = self.words("money.long_number")
        shown = self.money.current() is not None
        checked: list[AnswerField] = [self.money.form.answers[p] for p in CHECKED] if shown else []
        for answer in [*checked, self.top.answers[MONEY_NOTES.path]]:
            field = answer.field
            if not field.problem.text() and looks_like_account_number(answer.value()):
                field.set_problem(warning, is_error=False)
