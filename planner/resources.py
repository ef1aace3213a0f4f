"""Where the program's data files live (fonts, translations, jurisdictions, examples)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file under `resources/`; the folder ships beside the packages."""
    return RESOURCES.joinpath(*parts)
