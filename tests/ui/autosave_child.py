"""The program in a child process, for the kill test: save mode, two saved edits, then editing on
until SIGKILL arrives.

Run as `python -m tests.ui.autosave_child` with FAMILY_PLANNER_HOME and a Secret Service in the
environment (the OS keyring, chosen as the program chooses it). Prints `saved ID NAME` after every
save and `editing` once it is typing changes that the debounce keeps from being saved.
"""

from __future__ import annotations

import itertools
import os
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from planner.flow import SectionId
from planner.vault_records import Revision
from tests.ui.vault_helpers import make_controller
from ui.app import make_application

NAMES = ("Familia Antes Del Golpe", "Familia Guardada Al Final")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application([])
    controller = make_controller()
    controller.autosave.timer.setInterval(400)
    window = controller.window
    window.resize(1366, 768)
    window.show()
    name = controller.window.pages[SectionId.WELCOME].fields["household.display_name"].editor

    def wait(condition: object, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.005)
        if not condition():  # type: ignore[operator]
            print("timeout", flush=True)
            sys.exit(3)

    saves: list[Revision] = []

    def saved(revision: Revision, _: object) -> None:
        saves.append(revision)
        plan = controller.session.plan
        print(f"saved {revision.household_id} {plan.household.display_name}", flush=True)

    controller.autosave.saved.connect(saved)
    controller.welcome.save_mode.click()
    wait(lambda: controller.vault_open)
    for count, text in enumerate(NAMES, start=1):
        name.setFocus()
        name.selectAll()
        QTest.keyClicks(name, text)
        QTest.keyClick(name, Qt.Key.Key_Tab)
        wait(lambda count=count: len(saves) == count and not controller.autosave.pending)

    counter = itertools.count()

    def type_more() -> None:
        """A change every 40 ms: the debounce (400 ms) keeps restarting, so none is saved."""
        name.setFocus()
        name.selectAll()
        QTest.keyClicks(name, f"Familia Sin Guardar {next(counter)}")
        QTest.keyClick(name, Qt.Key.Key_Tab)

    typing = QTimer()
    typing.timeout.connect(type_more)
    typing.start(40)
    QTimer.singleShot(200, lambda: print("editing", flush=True))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
