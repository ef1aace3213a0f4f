"""Welcome: the language, the state, what to call the plan, and whether to keep it on this
computer or keep nothing (a workshop). A navigator opens a saved household from here."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

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
    open_requested = Signal(str)
    new_requested = Signal()
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
        """After the state and the plan's name: keep or keep nothing, and the saved plans."""
        state, name = self.top.answers[STATE.path].editor, self.top.answers[NAME.path].editor
        assert isinstance(state, ChoiceField) and isinstance(name, TextField)
        self.state, self.name = state, name
        self.state.edited.connect(self._describe_state)
        self._build_mode()
        self._build_saved()

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
        self.form.addWidget(self.mode_box)

    def _build_saved(self) -> None:
        self.saved_box = QGroupBox()
        self.saved = QListWidget()
        self.saved.setMaximumHeight(140)
        self.open_button, self.new_button = QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.saved_box)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open)
        self.saved.itemActivated.connect(lambda _: self._open())
        self.new_button.clicked.connect(self.new_requested)
        self.saved_box.hide()
        self.form.addWidget(self.saved_box)

    def set_saved_households(self, households: list[tuple[str, str]]) -> None:
        """(id, label) of the households in the vault; the box shows only when there are some."""
        self.saved.clear()
        for household_id, label in households:
            item = QListWidgetItem(label, self.saved)
            item.setData(256, household_id)
        self.saved_box.setVisible(bool(households))

    def set_mode(self, mode: Mode) -> None:
        button = self.save_mode if mode is Mode.SAVE else self.workshop_mode
        with QSignalBlocker(button):
            button.setChecked(True)

    def _open(self) -> None:
        item = self.saved.currentItem()
        if item is not None:
            self.open_requested.emit(str(item.data(256)))

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
        self.saved_box.setTitle(w("welcome.saved"))
        self.open_button.setText(w("welcome.open"))
        self.new_button.setText(w("welcome.new"))
        self._describe_state()
