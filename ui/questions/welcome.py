"""What the Welcome section asks of the plan: the state the children live in (it decides the
caregiver paper) and what to call the plan."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.jurisdictions import available_states
from planner.places import US_STATES
from ui.answers import Answer, Choices, Editor, Reading


class RuledStates(Choices):
    """Every state by name, alphabetically; one this program has no caregiver rules for says
    so. A state is always chosen: there is no empty choice."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        with_rules, say = set(available_states()), reading.say
        by_name = sorted(US_STATES.items(), key=lambda item: item[1])
        return [
            (code, name if code in with_rules else say("welcome.state_no_rules", state=name))
            for code, name in by_name
        ]

    def read(self, reading: Reading, value: str) -> str:
        return US_STATES.get(value, value)

    def stored(self, choice: str) -> Any:
        return choice


STATE = Answer(
    "household.state", "welcome.state", Editor.CHOICE, why="welcome.state_why",
    choices=RuledStates(),
)  # fmt: skip
NAME = Answer("household.display_name", "welcome.name", why="welcome.name_why")
WELCOME = (STATE, NAME)
