"""Welcome: the language, the state, what to call the plan, and whether to keep it on this
computer or keep nothing (a workshop). The saved households are listed in one place only, the
Households view (`ui.caseload`): this page shows nothing of them, only, while the navigator has
them open, a button that leads there."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGroupBox, QPushButton, QRadioButton, QVBoxLayout

from planner.flow import SectionId
from planner.jurisdictions import load_jurisdiction
from planner.model import Plan
from ui.answers import Box, Part
from ui.pages.form import DeclaredPage
from ui.pages.parts import why_label
from ui.questions.welcome import NAME, STATE, WELCOME
from ui.session import Mode, follow_language
from ui.widgets import ChoiceField, TextField


class WelcomePage(DeclaredPage):
    section_id = SectionId.WELCOME
    declared = WELCOME
    mode_chosen = Signal(str)
    households_requested = Signal()
    """"Show the saved households": the controller shows its Households view."""
    speaking: str | None = None
    """The interface's language at the last load: a blank plan's languages follow a switch."""

    def build_first(self) -> None:
        """Above the plan's answers: the interface's own language."""
        self.language = ChoiceField()
        self.language.set_choices([("en", "English"), ("es", "Español")])
        self.language.activated.connect(
            lambda _: self.words.set_language(str(self.language.currentData()))
        )
        self.add_field("interface.language", self.language)

    def build(self) -> None:
        """After the state and the plan's name: keep or keep nothing."""
        state, name = self.top.answers[STATE.path].editor, self.top.answers[NAME.path].editor
        assert isinstance(state, ChoiceField) and isinstance(name, TextField)
        self.state, self.name = state, name
        self.state.edited.connect(self._describe_state)
        self._build_mode()

    def build_extra(self, part: Part | Box, layout: QBoxLayout) -> None:
        """Below the state: which paper it brings, or that it brings only a general letter."""
        if part is STATE:
            self.state_note = why_label(layout)

    def _build_mode(self) -> None:
        self.mode_box = QGroupBox()
        layout = QVBoxLayout(self.mode_box)
        self.save_mode, self.workshop_mode = QRadioButton(), QRadioButton()  # siblings: exclusive
        layout.addWidget(self.save_mode)
        layout.addWidget(self.workshop_mode)
        self.workshop_mode.setChecked(True)
        self.save_note = why_label(layout)
        self.save_mode.toggled.connect(
            lambda on: self.mode_chosen.emit((Mode.SAVE if on else Mode.WORKSHOP).value)
        )
        self.households_button = QPushButton()
        self.households_button.clicked.connect(self.households_requested)
        self.households_button.hide()
        layout.addWidget(self.households_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addWidget(self.mode_box)

    def offer_households(self, allowed: bool) -> None:
        """The way to the saved households shows only while the navigator has them open: in a
        workshop, or locked, the person at the keyboard may not be the navigator."""
        self.households_button.setVisible(allowed)

    def set_mode(self, mode: Mode) -> None:
        button = self.save_mode if mode is Mode.SAVE else self.workshop_mode
        with QSignalBlocker(button):
            button.setChecked(True)

    def _describe_state(self) -> None:
        rules = load_jurisdiction(self.state.value() or "")
        language = self.words.catalogue_language
        key = "welcome.state_instrument" if rules.instrument else "welcome.state_generic"
        self.state_note.setText(self.words(key, instrument=rules.instrument_name(language)))
        self.state_note.setToolTip(rules.text("summary", language) or "")

    def load(self, plan: Plan) -> None:
        spoken = self.words.catalogue_language
        follow_language(plan, self.speaking or spoken, spoken)  # a blank plan only
        self.speaking = spoken
        self.language.set_value(self.words.language)
        super().load(plan)
        self._describe_state()

    def retranslate(self) -> None:
        w = self.words
        super().retranslate()
        self.language.set_value(w.language)  # chosen in the toolbar, perhaps
        self.fields["interface.language"].set_texts(w("welcome.language"))
        self.mode_box.setTitle(w("welcome.mode"))
        self.save_mode.setText(w("welcome.save"))
        self.workshop_mode.setText(w("welcome.workshop"))
        self.save_note.setText(w("welcome.mode_note"))
        self.households_button.setText(w("welcome.households"))
        self._describe_state()
