"""Emergency contacts: the page of `ui.questions.contacts`, with the advice above the list, each
contact numbered in calling order, the phones' why-lines, the example in "In their own words",
and the note that a removed contact had been chosen as a caregiver or to pick up a child."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit

from planner.flow import SectionId
from planner.model import Contact, Plan
from ui.answers import Items, Reading
from ui.pages.form import DeclaredPage
from ui.pages.parts import why_label
from ui.questions import forget
from ui.questions.contacts import CONTACTS, RELATIONSHIPS, contact_name, is_chosen
from ui.widgets import Field


class ContactsPage(DeclaredPage):
    section_id = SectionId.CONTACTS
    declared = (CONTACTS,)

    def build_first(self) -> None:
        self.advice = why_label(self.form)

    def build(self) -> None:
        self.contacts = self.list_of(CONTACTS.path)
        # The list as this page shows it: numbered in calling order, and a removal says whom
        # it took off a child's care or pick-up list.
        self.contacts.items = replace(CONTACTS, heading=self._listed, removed=self._removed)
        self.removed_note = QLabel()
        self.removed_note.setObjectName("why")
        self.removed_note.setWordWrap(True)
        self.removed_note.hide()
        self.form.insertWidget(self.form.indexOf(self.contacts.list_field) + 1, self.removed_note)

    def _listed(self, contact: Contact, reading: Reading) -> str:
        """A contact as the list shows them, numbered in calling order: "2. Julio (Godparent)"."""
        say, name = reading.say, contact_name(contact, reading)
        entries = reading.plan.emergency_contacts
        number = next((n for n, c in enumerate(entries, start=1) if c is contact), None)
        if number is None:
            return name
        relationship = RELATIONSHIPS.read(reading, contact.relationship.value)
        return say("contacts.item", number=number, name=name, relationship=relationship)

    def _removed(self, plan: Plan, contact: Contact) -> None:
        chosen = is_chosen(plan, contact)
        forget(plan, contact)
        name = contact_name(contact, self.reading())
        self.removed_note.setText(self.words("contacts.removed", name=name) if chosen else "")
        self.removed_note.setVisible(chosen)

    def load_extra(self, items: Items | None, entry: Any) -> None:
        if items is None:
            self.removed_note.hide()  # said once, right after the removal

    def retranslate(self) -> None:
        super().retranslate()
        w, form = self.words, self.contacts.form
        self.advice.setText(w("contacts.advice"))
        _, first, second = form.phones["phones"]
        for editor, key in ((first, "contacts.mobile"), (second, "contacts.second")):
            field = editor.parentWidget()
            assert isinstance(field, Field)
            field.set_texts(w(key), w(f"{key}_why"))
        detail = form.answers["relationship_detail"].editor
        assert isinstance(detail, QLineEdit)
        detail.setPlaceholderText(w("contacts.relationship_detail_example"))
