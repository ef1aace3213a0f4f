"""The interface's words, switchable at any time without losing what the family typed.

Strings live in `resources/translations/ui.<lang>.toml` (the same catalogue format as the documents,
checked by the same placeholder test). `pseudo` is a test locale: every string longer and full of
accents, so a label that clips or a string that was never translated stands out in screenshots.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from planner.i18n import catalogue, translate

LANGUAGES = ("en", "es")
PSEUDO = "pseudo"
_ACCENTED = str.maketrans("AEIOUYaeiouycnsCNS", "ÅÉÎÕÛÝåéîõûýçñšÇÑŠ")


def pseudo(text: str) -> str:
    """`Save` → `[Šåvé ···]`: about 40% longer, accented, bracketed, placeholders kept intact."""
    out, depth = [], 0
    for ch in text:
        depth += ch == "{"
        out.append(ch if depth else ch.translate(_ACCENTED))
        depth -= ch == "}"
    padding = "·" * max(2, len(text) * 2 // 5)
    return f"[{''.join(out)} {padding}]"


class Words(QObject):
    """The current interface language; widgets re-read their text when it changes."""

    language_changed = Signal(str)

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self._language = language

    @property
    def language(self) -> str:
        return self._language

    @property
    def catalogue_language(self) -> str:
        """The language validation messages and documents use (pseudo shows English)."""
        return "en" if self._language == PSEUDO else self._language

    def set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self.language_changed.emit(language)

    def __call__(self, key: str, **params: object) -> str:
        domain = domain_of(key)
        if self._language == PSEUDO:
            return pseudo(translate(key, "en", params or None, domain=domain))
        return translate(key, self._language, params or None, domain=domain)


def domain_of(key: str) -> str:
    """`children.add` lives in `ui_children.*.toml` when that file exists; everything else in
    `ui.*.toml`. Each page keeps its words in its own file, so pages are edited independently."""
    own = f"ui_{key.split('.', 1)[0]}"
    return own if key in catalogue(own, "en") else "ui"
