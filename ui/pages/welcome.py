"""Welcome: the language, the state, what to call the plan, and whether to keep it on this
computer or keep nothing (a workshop). A navigator opens a saved household from here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from planner.flow import SectionId
from planner.jurisdictions import available_states, load_jurisdiction
from planner.model import Plan
from planner.places import US_STATES
from ui.pages.base import SectionPage
from ui.session import Mode, follow_language
from ui.widgets import ChoiceField, TextField


class WelcomePage(SectionPage):
    section_id = SectionId.WELCOME
    mode_chosen = Signal(str)
    open_requested = Signal(str)
    new_requested = Signal()

    def build(self) -> None:
        self.speaking: str | None = None
        """The interface's language when the page last loaded: a switch since moves a blank
        plan's languages along (see `ui.session.follow_language`)."""
        self.language = ChoiceField()
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.activated.connect(
            lambda _: self.words.set_language(str(self.language.currentData()))
        )
        self.add_field("interface.language", self.language)
        self.state = ChoiceField()
        self.add_field("household.state", self.state)
        self.state_note = QLabel()
        self.state_note.setWordWrap(True)
        self.state_note.setObjectName("why")
        self.form.addWidget(self.state_note)
        self.state.edited.connect(self._describe_state)
        self.name = TextField()
        self.add_field("household.display_name", self.name)
        self._build_mode()
        self._build_saved()

    def _build_mode(self) -> None:
        self.mode_box = QGroupBox()
        self.save_mode = QRadioButton()
        self.workshop_mode = QRadioButton()
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.save_mode)
        self.modes.addButton(self.workshop_mode)
        self.workshop_mode.setChecked(True)
        self.save_note = QLabel()
        self.save_note.setWordWrap(True)
        self.save_note.setObjectName("why")
        layout = QVBoxLayout(self.mode_box)
        layout.addWidget(self.save_mode)
        layout.addWidget(self.workshop_mode)
        layout.addWidget(self.save_note)
        self.save_mode.toggled.connect(
            lambda on: self.mode_chosen.emit((Mode.SAVE if on else Mode.WORKSHOP).value)
        )
        self.form.addWidget(self.mode_box)

    def _build_saved(self) -> None:
        self.saved_box = QGroupBox()
        self.saved = QListWidget()
        self.saved.setMaximumHeight(140)
        self.open_button = QPushButton()
        self.new_button = QPushButton()
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
            item = QListWidgetItem(label)
            item.setData(256, household_id)
            self.saved.addItem(item)
        self.saved_box.setVisible(bool(households))

    def set_mode(self, mode: Mode) -> None:
        button = self.save_mode if mode is Mode.SAVE else self.workshop_mode
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)

    def _open(self) -> None:
        item = self.saved.currentItem()
        if item is not None:
            self.open_requested.emit(str(item.data(256)))

    def _describe_state(self) -> None:
        code = self.state.value() or ""
        rules = load_jurisdiction(code)
        language = self.words.catalogue_language
        if rules.instrument is None:
            self.state_note.setText(self.words("welcome.state_generic"))
        else:
            self.state_note.setText(
                self.words("welcome.state_instrument", instrument=rules.instrument_name(language))
            )
        self.state_note.setToolTip(rules.text("summary", language) or "")

    def load(self, plan: Plan) -> None:
        spoken = self.words.catalogue_language
        follow_language(plan, self.speaking or spoken, spoken)  # a blank plan only
        self.speaking = spoken
        self.language.set_value(self.words.language)
        self.state.set_value(plan.household.state)
        self.name.set_value(plan.household.display_name)
        self._describe_state()

    def store(self, plan: Plan) -> list:  # type: ignore[type-arg]
        plan.household.state = self.state.value() or plan.household.state
        plan.household.display_name = self.name.value()
        return []

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.language.set_value(w.language)  # chosen in the toolbar, perhaps
        self.fields["interface.language"].set_texts(w("welcome.language"))
        self.fields["household.state"].set_texts(w("welcome.state"), w("welcome.state_why"))
        self.fields["household.display_name"].set_texts(w("welcome.name"), w("welcome.name_why"))
        with_rules = set(available_states())
        choices = [
            (code, name if code in with_rules else w("welcome.state_no_rules", state=name))
            for code, name in sorted(US_STATES.items(), key=lambda item: item[1])
        ]
        self.state.set_choices(choices)
        self.mode_box.setTitle(w("welcome.mode"))
        self.save_mode.setText(w("welcome.save"))
        self.workshop_mode.setText(w("welcome.workshop"))
        self.save_note.setText(w("welcome.mode_note"))
        self.saved_box.setTitle(w("welcome.saved"))
        self.open_button.setText(w("welcome.open"))
        self.new_button.setText(w("welcome.new"))
        self._describe_state()
