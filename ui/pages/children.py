"""Children: the page of `ui.questions.children`, with the way to the emergency contacts when
there are none to choose from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton

from planner.flow import SectionId
from ui.answers import Box, Items, Part
from ui.pages.form import DeclaredPage
from ui.pages.parts import why_label
from ui.questions.children import CHILDREN, RELEASED_TO, SCHOOLS


class ChildrenPage(DeclaredPage):
    section_id = SectionId.CHILDREN
    declared = (SCHOOLS, CHILDREN)
    edit_requested = Signal(str)
    """The family asks to go to another section (to enter the emergency contacts first)."""

    def build_extra(self, part: Part | Box, layout: QBoxLayout) -> None:
        """Without emergency contacts, a sentence and the way to them instead of a bare list."""
        if part is not RELEASED_TO:
            return
        line = QHBoxLayout()
        self.no_contacts = why_label(line)
        line.setStretchFactor(self.no_contacts, 1)
        self.to_contacts = QPushButton()
        self.to_contacts.clicked.connect(lambda: self.edit_requested.emit(SectionId.CONTACTS.value))
        line.addWidget(self.to_contacts)
        layout.addLayout(line)

    def load_extra(self, items: Items | None, entry: Any) -> None:
        """The pick-up list only when it has someone to tick (a parent, or someone the child's
        list still names); the hint about it only when there are contacts to choose."""
        if items is not CHILDREN or self.plan is None:
            return
        form = self.list_of(CHILDREN.path).form
        released = form.answers[RELEASED_TO.path]
        has_contacts = bool(self.plan.emergency_contacts)
        released.field.setVisible(released.editor.count() > 0)  # type: ignore[attr-defined]
        for label, key in form.notes:
            if key == "children.released_hint":
                label.setVisible(has_contacts)
        self.no_contacts.setVisible(not has_contacts)
        self.to_contacts.setVisible(not has_contacts)

    def retranslate(self) -> None:
        super().retranslate()
        self.no_contacts.setText(self.words("children.no_contacts"))
        self.to_contacts.setText(self.words("children.to_contacts"))
        self.to_contacts.setAccessibleName(self.words("children.to_contacts").replace("&", ""))
