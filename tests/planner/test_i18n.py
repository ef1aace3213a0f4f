"""Every message exists in every language, with the same placeholders, and every key used exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from planner.i18n import SUPPORTED_LANGUAGES, catalogue

PLANNER = Path(__file__).resolve().parents[2] / "planner"
KEY_IN_CODE = re.compile(r"""["']([a-z_]+\.[a-z_]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_each_language_has_every_message_with_the_same_placeholders(language: str) -> None:
    english, other = catalogue("messages", "en"), catalogue("messages", language)
    assert set(other) == set(english)
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key
        assert other[key] != text or key.startswith("cli."), f"{key} is not translated"


def test_every_message_key_the_planner_uses_is_in_the_catalogue() -> None:
    english = catalogue("messages", "en")
    used = {
        key
        for source in PLANNER.glob("*.py")
        for key in KEY_IN_CODE.findall(source.read_text(encoding="utf-8"))
        if not key.endswith((".json", ".toml", ".py"))
    }
    assert used, "found no message keys in planner/"
    assert sorted(used - set(english)) == []
