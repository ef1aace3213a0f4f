"""Emergency contacts: the people to call, in the order they should be called, and what the family
knows about each — how to reach them, whether they may pick up the children, whether they know the
plan. A contact entered here can then be chosen as a caregiver without typing them twice."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from planner.flow import SectionId
from planner.model import Contact, Phone, PhoneKind, Plan, Relationship, new_id
from planner.validation import Problem
from ui.pages.entries import (
    AddressBlock,
    EntriesPage,
    EntryList,
    LanguageList,
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
    ChoiceField,
    DateField,
    NotesField,
    PhoneField,
    TextField,
    YesNoField,
)

NEW_PHONE_KINDS = (PhoneKind.MOBILE, PhoneKind.OTHER)
"""The kind a number typed in the first or second phone field gets, if it is new."""


class ContactsPage(EntriesPage):
    section_id = SectionId.CONTACTS

    def build_page(self) -> None:
        self.advice = why_label()
        self.form.addWidget(self.advice)
        self.empty = why_label()
        self.contact = self.new_entry("emergency_contacts")
        self.detail = QGroupBox()
        self.contacts = EntryList(
            self,
            self.contact,
            self.detail,
            items=lambda plan: plan.emergency_contacts,
            new=lambda: Contact(id=new_id("contact"), given_names=""),
            describe=self._describe,
            fill=self._fill,
            removed=self._forget,
            first=lambda: self.given,
            empty=self.empty,
        )
        self.add_field("emergency_contacts", self.contacts.editor)
        self.removed_note = why_label()
        self.removed_note.hide()
        self.form.addWidget(self.removed_note)
        self.form.addWidget(self.empty)
        self._build_detail(QVBoxLayout(self.detail))
        self.form.addWidget(self.detail)

    def _build_detail(self, box: QVBoxLayout) -> None:
        e = self.contact
        self.given = TextField()
        self.family = TextField()
        row(box, e.add("given_names", self.given), e.add("family_names", self.family))
        self.family_first = YesNoField()
        box.addWidget(e.add("family_name_first", self.family_first))
        self.relationship = ChoiceField()
        self.relationship_detail = TextField()
        row(
            box,
            e.add("relationship", self.relationship),
            e.add("relationship_detail", self.relationship_detail),
        )
        self.mobile = PhoneField()
        self.second = PhoneField()
        row(
            box,
            e.add("mobile", self.mobile, where=lambda: "phones[0].number"),
            e.add("second", self.second, where=self._second_phone_path),
        )
        e.aliases["phones"] = "mobile"
        self.email = TextField()
        row(box, e.add("email", self.email), why_label())
        self.address = AddressBlock(self.words, e, box)
        self.languages = LanguageList()
        self.date_of_birth = DateField()
        row(box, e.add("languages", self.languages), e.add("date_of_birth", self.date_of_birth))
        self.may_pick_up = YesNoField()
        self.knows_the_plan = YesNoField()
        self.has_a_copy = YesNoField()
        box.addWidget(e.add("may_pick_up_children", self.may_pick_up))
        box.addWidget(e.add("knows_the_plan", self.knows_the_plan))
        box.addWidget(e.add("has_a_copy", self.has_a_copy))
        self.stable = ChoiceField()
        row(box, e.add("situation_is_stable", self.stable), why_label())
        self.notes = NotesField()
        box.addWidget(e.add("notes", self.notes))

    def _second_phone_path(self) -> str:
        """The second number is the plan's first phone when the first field is empty."""
        return "phones[1].number" if self.mobile.text().strip() else "phones[0].number"

    # --- the list ---------------------------------------------------------------------------------

    def _describe(self, index: int, contact: Contact) -> str:
        number = index + 1
        name = full_name_or(self.words, contact, "contacts.unnamed")
        relationship = label(self.words, "relationship", contact.relationship)
        return self.words("contacts.item", number=number, name=name, relationship=relationship)

    def _forget(self, plan: Plan, contact: Contact) -> None:
        """A removed contact is no longer anyone's caregiver or on a pick-up list."""
        was_chosen = False
        for child in plan.children:
            care = child.care
            if care.primary_caregiver_id == contact.id:
                care.primary_caregiver_id = None
                was_chosen = True
            if care.alternate_caregiver_id == contact.id:
                care.alternate_caregiver_id = None
                was_chosen = True
            if contact.id in child.may_be_released_to:
                child.may_be_released_to = [p for p in child.may_be_released_to if p != contact.id]
                was_chosen = True
        name = full_name_or(self.words, contact, "contacts.unnamed")
        self.removed_note.setText(self.words("contacts.removed", name=name) if was_chosen else "")
        self.removed_note.setVisible(was_chosen)

    # --- load and store ---------------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        self.plan = plan
        self.removed_note.hide()  # said once, right after the removal
        self.contacts.load(plan)

    def _fill(self, contact: Contact) -> None:
        assert self.plan is not None
        self.detail.setTitle(
            self.words("contacts.detail", name=full_name_or(self.words, contact, "contacts.new"))
        )
        self.given.set_value(contact.given_names)
        self.family.set_value(contact.family_names)
        self.family_first.set_value(contact.family_name_first)
        self.relationship.set_value(contact.relationship.value)
        self.relationship_detail.set_value(contact.relationship_detail)
        phones = [p.number for p in contact.phones]
        self.mobile.set_value(phones[0] if phones else "")
        self.second.set_value(phones[1] if len(phones) > 1 else "")
        self.email.set_value(contact.email)
        self.address.load(contact.address)
        offered = self.plan.household.family_languages
        self.languages.set_value(contact.languages, offered, self.words.catalogue_language)
        self.date_of_birth.set_value(contact.date_of_birth)
        self.may_pick_up.set_value(contact.may_pick_up_children)
        self.knows_the_plan.set_value(contact.knows_the_plan)
        self.has_a_copy.set_value(contact.has_a_copy)
        self.stable.set_value(as_answer(contact.situation_is_stable))
        self.notes.set_value(contact.notes)

    def store(self, plan: Plan) -> list[Problem]:
        return self.contacts.store(plan, self._write)

    def _write(self, contact: Contact) -> list[Problem]:
        problems: list[Problem] = []
        contact.given_names = self.given.value()
        contact.family_names = self.family.value()
        contact.family_name_first = self.family_first.value()
        contact.relationship = Relationship(self.relationship.value() or Relationship.OTHER)
        contact.relationship_detail = self.relationship_detail.value()
        contact.phones = self._phones(contact.phones)
        contact.email = self.email.value()
        contact.address = self.address.value(contact.address)
        contact.languages = self.languages.value()
        if self.date_of_birth.is_valid():
            contact.date_of_birth = self.date_of_birth.value()
        else:
            path = self.contact.path("date_of_birth")
            problems.append(Problem(path, "date.invalid"))
        contact.may_pick_up_children = self.may_pick_up.value()
        contact.knows_the_plan = self.knows_the_plan.value()
        contact.has_a_copy = self.has_a_copy.value()
        contact.situation_is_stable = from_answer(self.stable.value())
        contact.notes = self.notes.value()
        self.detail.setTitle(
            self.words("contacts.detail", name=full_name_or(self.words, contact, "contacts.new"))
        )
        return problems

    def _phones(self, old: list[Phone]) -> list[Phone]:
        """The two numbers in the form, keeping each one's kind and note; more stay as they are."""
        phones: list[Phone] = []
        for slot, editor in enumerate((self.mobile, self.second)):
            number = editor.value()
            if not number:
                continue
            if slot < len(old):
                before = old[slot]
                same = before.number == number
                phones.append(
                    before if same else Phone(number=number, kind=before.kind, note=before.note)
                )
            else:
                phones.append(Phone(number=number, kind=NEW_PHONE_KINDS[slot]))
        return phones + old[2:]

    # --- words ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.advice.setText(w("contacts.advice"))
        self.empty.setText(w("contacts.empty"))
        self.contacts.editor.retranslate()
        self.contacts.editor.items.setAccessibleName(w("contacts.list").replace("&", ""))
        self.fields["emergency_contacts"].set_texts(w("contacts.list"), w("contacts.list_why"))
        f = self.contact.fields
        f["given_names"].set_texts(w("contacts.given_names"))
        f["family_names"].set_texts(w("contacts.family_names"))
        label_check(f["family_name_first"], w("contacts.family_name_first"))
        f["relationship"].set_texts(w("contacts.relationship"))
        f["relationship_detail"].set_texts(w("contacts.relationship_detail"))
        self.relationship_detail.setPlaceholderText(w("contacts.relationship_detail_example"))
        f["mobile"].set_texts(w("contacts.mobile"), w("contacts.mobile_why"))
        f["second"].set_texts(w("contacts.second"), w("contacts.second_why"))
        f["email"].set_texts(w("contacts.email"))
        self.address.retranslate()
        f["languages"].set_texts(w("contacts.languages"), w("contacts.languages_why"))
        label_date(f["date_of_birth"], w, w("contacts.date_of_birth"), w("contacts.dob_why"))
        label_check(f["may_pick_up_children"], w("contacts.may_pick_up"))
        label_check(f["knows_the_plan"], w("contacts.knows_the_plan"))
        label_check(f["has_a_copy"], w("contacts.has_a_copy"))
        f["situation_is_stable"].set_texts(w("contacts.stable"), w("contacts.stable_why"))
        self.stable.set_choices(answer_choices(w, "contacts.stable_unasked"))
        f["notes"].set_texts(w("contacts.notes"))
        self.relationship.set_choices(labelled(w, "relationship", Relationship))
