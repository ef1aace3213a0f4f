"""Message catalogues for text the planner itself produces (validation messages, CLI errors).

Catalogues are TOML files in `resources/translations/`, one a language, with the same keys and
the same `{placeholders}` in every language (a test checks). A key missing in one language falls
back to English, so a half-finished translation never shows a user a raw key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

from planner.resources import resource

SUPPORTED_LANGUAGES = ("en", "es")
FALLBACK_LANGUAGE = "en"


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(domain: str, language: str) -> dict[str, str]:
    """All messages of one domain (e.g. "messages") in one language; empty if none ship."""
    path = resource("translations", f"{domain}.{language}.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as file:
        return _flatten(tomllib.load(file))


def translate(
    key: str,
    language: str = "en",
    params: Mapping[str, object] | None = None,
    domain: str = "messages",
) -> str:
    """The message for `key` in `language`, with its placeholders filled in."""
    text = catalogue(domain, language).get(key) or catalogue(domain, FALLBACK_LANGUAGE).get(key)
    text = text or key
    return text.format_map(params) if params else text
