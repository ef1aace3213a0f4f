"""Money and property: accounts, benefits, vehicles, a lease — described in words, never with a
full account number — who can reach each one, and where its papers are."""

from __future__ import annotations

import re

from planner.flow import SectionId
from planner.model import MoneyItem, MoneyKind, Plan
from planner.people import label
from planner.validation import Problem
from ui.i18n import PSEUDO, pseudo
from ui.pages.list_page import ListSectionPage
from ui.widgets import ChoiceField, NotesField, TextField

LONG_NUMBER = re.compile(r"\d(?:[\s.-]?\d){7,}")
"""Eight digits or more in a row (spaces and dashes allowed): likely a full account number."""
NOT_ACCOUNTS = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # a date
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # a date
    r"|(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"  # a phone number
)
CHECKED = ("description", "who_can_access", "where_papers_are")


def looks_like_account_number(text: str) -> bool:
    return LONG_NUMBER.search(NOT_ACCOUNTS.sub(" ", text)) is not None


class MoneyPage(ListSectionPage):
    section_id = SectionId.MONEY
    list_name = "money_and_property"

    def build(self) -> None:
        super().build()
        self.notes = NotesField()
        self.add_field("money_notes", self.notes)

    def build_item(self) -> None:
        self.kind = ChoiceField()
        self.add_item_field("kind", self.kind)
        self.description = TextField()
        self.add_item_field("description", self.description)
        self.access = TextField()
        self.add_item_field("who_can_access", self.access)
        self.papers = TextField()
        self.add_item_field("where_papers_are", self.papers)

    # --- the list ---------------------------------------------------------------------------------

    def new_item(self) -> MoneyItem:
        return MoneyItem(kind=MoneyKind.OTHER, description="")

    def item_label(self, item: MoneyItem) -> str:
        kind = self._label(item.kind)
        return f"{kind}: {item.description}" if item.description else kind

    def load_item(self, item: MoneyItem) -> None:
        self.kind.set_value(item.kind.value)
        self.description.set_value(item.description)
        self.access.set_value(item.who_can_access)
        self.papers.set_value(item.where_papers_are)

    def store_item(self, item: MoneyItem) -> None:
        item.kind = MoneyKind(self.kind.value() or MoneyKind.OTHER)
        item.description = self.description.value()
        item.who_can_access = self.access.value()
        item.where_papers_are = self.papers.value()

    def load_rest(self, plan: Plan) -> None:
        self.notes.set_value(plan.money_notes)

    def store_rest(self, plan: Plan) -> None:
        plan.money_notes = self.notes.value()

    def _fit_width(self) -> None:
        super()._fit_width()
        if "money_notes" in self.fields:
            self.fields["money_notes"].setMaximumWidth(self.detail.maximumWidth() + 12)

    # --- a full account number typed by mistake ---------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        """Beside the plan's own problems, a warning on any field that holds a long number."""
        super().show_problems(problems)
        warning = self.words("money.long_number")
        shown = self.detail.isVisibleTo(self)
        editors = [self.item_fields[leaf] for leaf in CHECKED] if shown else []
        for field in [*editors, self.fields["money_notes"]]:
            text = field.editor.value()  # type: ignore[attr-defined]
            if not field.problem.text() and looks_like_account_number(text):
                field.set_problem(warning, is_error=False)

    # --- words ------------------------------------------------------------------------------------

    def _label(self, kind: MoneyKind) -> str:
        text = label(kind, self.words.catalogue_language)
        return pseudo(text) if self.words.language == PSEUDO else text

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.list_editor.retranslate()
        self.list_editor.items.setAccessibleName(w("money.list"))
        self.empty.setText(w("money.empty"))
        fields = self.item_fields
        fields["kind"].set_texts(w("money.kind"))
        fields["description"].set_texts(w("money.description"), w("money.description_why"))
        fields["who_can_access"].set_texts(w("money.who_can_access"), w("money.access_why"))
        fields["where_papers_are"].set_texts(w("money.where_papers_are"))
        self.fields["money_notes"].set_texts(w("money.notes"), w("money.notes_why"))
        self.kind.set_choices([(k.value, self._label(k)) for k in MoneyKind])
        self.relabel()
