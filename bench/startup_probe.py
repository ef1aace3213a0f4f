"""Run by bench/startup.py in a fresh process: start the program as `family-planner` does, report
when the first section is painted, the longest step of building the other pages ahead, then
section-switch times and memory with the large example."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.flow import ORDER
from planner.model import Plan
from planner.resources import resource
from ui.app import make_application
from ui.i18n import Words
from ui.wizard import WizardWindow


def paint(window: WizardWindow) -> None:
    """Paint now: `repaint` draws the window and its children before it returns."""
    QApplication.processEvents()
    window.repaint()


def resident_mib() -> float:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    # The program's own start: ui.app.main's steps, with an empty data folder (a first start).
    from ui.controller import start

    make_application(sys.argv[:1])
    controller = start(Words("en"), home=Path(tempfile.mkdtemp(prefix="bench-home-")))
    window = controller.window
    window.resize(1366, 768)
    window.show()
    paint(window)
    print(f"first_paint_at {time.time()}", flush=True)

    plan = Plan.model_validate_json(resource("examples", "large-tx.json").read_text("utf-8"))
    window.session.replace(plan, household_id="bench")
    # What `family-planner` does while the family reads the first section: build the other
    # pages one step at a time. Each step holds the GUI thread; the slowest is reported.
    steps = []
    more = True
    while more:
        started = time.perf_counter()
        more = window.build_next_ahead()
        QApplication.processEvents()
        steps.append(time.perf_counter() - started)
    print(f"build_ahead_step_max_ms {max(steps) * 1000:.1f}")
    switches = []
    for _ in range(3):
        for section_id in ORDER:
            started = time.perf_counter()
            window.show_section(section_id)
            paint(window)
            switches.append(time.perf_counter() - started)
    print(f"switch_median_ms {statistics.median(switches) * 1000:.1f}")
    print(f"switch_max_ms {max(switches) * 1000:.1f}")
    print(f"rss_mib {resident_mib():.1f}")
    os._exit(0)


if __name__ == "__main__":
    main()
