"""planner package: the domain of the Family Preparedness Planner (no Qt, no reportlab)."""

__version__ = "0.2.0"
"""The program's one version: pyproject.toml reads it, and both commands print it."""
