"""Every message exists in every language, with the same placeholders, and every key used exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from pydantic import BaseModel

from planner.i18n import SUPPORTED_LANGUAGES, catalogue
from planner.model import Plan

PLANNER = Path(__file__).resolve().parents[2] / "planner"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
KEY_IN_CODE = re.compile(r"""["']([a-z_]+\.[a-z_]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


ENGLISH_ONLY = {"doc_review"}
"""The attorney's review sheet quotes and cites the law, in English (forms/review.py)."""
DOMAINS = sorted(
    p.name.removesuffix(".en.toml")
    for p in TRANSLATIONS.glob("*.en.toml")
    if p.name.removesuffix(".en.toml") not in ENGLISH_ONLY
)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_each_language_has_every_message_with_the_same_placeholders(
    domain: str, language: str
) -> None:
    english, other = catalogue(domain, "en"), catalogue(domain, language)
    assert set(other) == set(english)
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key
        assert other[key] != text or _same_in_both(key, text), f"{domain}: {key} is not translated"


def _is_plan_path(text: str) -> bool:
    """`household.display_name` names a field of the plan (planner/flow.py), not a message."""
    section, _, field = text.partition(".")
    part = Plan.model_fields.get(section)
    model = part.annotation if part is not None else None
    return isinstance(model, type) and issubclass(model, BaseModel) and field in model.model_fields


def _same_in_both(key: str, text: str) -> bool:
    """Words spelled the same in both languages ("No", "#"), or text that is only placeholders."""
    words = re.sub(r"\{[^}]*\}", "", text)
    no_words = not any(ch.isalpha() for ch in words)
    return key.startswith("cli.") or len(text) <= 3 or no_words or text in {"Email", "Total"}


def test_every_message_key_the_planner_uses_is_in_a_catalogue() -> None:
    english = {
        key
        for path in TRANSLATIONS.glob("*.en.toml")
        for key in catalogue(path.name.removesuffix(".en.toml"), "en")
    }
    used = {
        key
        for source in PLANNER.glob("*.py")
        for key in KEY_IN_CODE.findall(source.read_text(encoding="utf-8"))
        if not key.endswith((".json", ".toml", ".py")) and not _is_plan_path(key)
    }
    assert used, "found no message keys in planner/"
    assert sorted(used - set(english)) == []
