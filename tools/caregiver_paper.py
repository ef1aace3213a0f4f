"""Render one state's caregiver paper for the small example family, for a person to look at.

python tools/caregiver_paper.py TX es /tmp/tx-es.pdf
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from forms import caregiver
from forms.context import RenderContext, RenderOptions
from planner.plan_file import load_plan
from planner.resources import resource


def main() -> None:
    state, language, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    plan = load_plan(resource("examples", "small-ca.json"))
    plan.household.state = state
    options = RenderOptions(language=language, today=date(2026, 12, 6))
    context = RenderContext.for_plan(plan, options)
    out.write_bytes(caregiver.render(context, plan.children[0].id))


if __name__ == "__main__":
    main()
