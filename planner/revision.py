"""A plan's revision: a short fingerprint of its content, printed on every page.

A navigator holding two signed copies can tell whether they came from the same version of the plan;
the same content always gives the same revision, and any change gives a new one.
"""

from __future__ import annotations

import hashlib

from planner.model import Plan
from planner.plan_file import plan_to_json


def plan_revision(plan: Plan) -> str:
    """Eight hex digits of the SHA-256 of the plan's canonical JSON."""
    return hashlib.sha256(plan_to_json(plan).encode("utf-8")).hexdigest()[:8]
