"""The interface's words, switchable at any time without losing what the family typed.

Qt's own words follow: the default locale (calendars' month and day names) and Qt's translations
(standard buttons, file and print dialogs), loaded from the folder PySide6 ships them in.

Strings live in `resources/translations/ui.<lang>.toml` (the same catalogue format as the documents,
checked by the same placeholder test). `pseudo` is a test locale: every string longer and full of
accents, so a label that clips or a string that was never translated stands out in screenshots.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from planner.i18n import catalogue, translate

LANGUAGES = ("en", "es")
PSEUDO = "pseudo"
_ACCENTED = str.maketrans("AEIOUYaeiouycnsCNS", "ÅÉÎÕÛÝåéîõûýçñšÇÑŠ")
QT_CATALOGUES = ("qtbase",)


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
        use_qt_language(language)

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
            use_qt_language(language)
            self.language_changed.emit(language)

    def __call__(self, key: str, **params: object) -> str:
        return words_in(self._language, key, **params)


def words_in(language: str, key: str, /, **params: object) -> str:
    """One of the interface's sentences in `language` (`pseudo` included)."""
    text = translate(key, "en" if language == PSEUDO else language, params or None, domain_of(key))
    return pseudo(text) if language == PSEUDO else text


def current_language() -> str:
    """The interface's language: the last `Words` made or switched decides."""
    return _Interface.language


def shared_words(key: str, /, **params: object) -> str:
    """A sentence in the interface's current language, for a widget that has no `Words` of its
    own: it reads it again when it receives `QEvent.LanguageChange`, which every switch sends."""
    return words_in(_Interface.language, key, **params)


def domain_of(key: str) -> str:
    """`children.add` lives in `ui_children.*.toml` when that file exists; everything else in
    `ui.*.toml`. Each page keeps its words in its own file, so pages are edited independently."""
    own = f"ui_{key.split('.', 1)[0]}"
    return own if key in catalogue(own, "en") else "ui"


class _Interface:
    """The language `use_qt_language` last set, and what it installed: one for the whole
    application, as Qt's own locale and translators are."""

    language = "en"
    locale_name = ""
    translators: ClassVar[list[QTranslator]] = []


def qt_locale(language: str) -> QLocale:
    """The locale Qt's own widgets speak for an interface language: calendars' month and day
    names, dates, numbers. Spanish as in the United States (the family's forms are American)."""
    return QLocale("es_US" if language == "es" else "en_US")


def use_qt_language(language: str) -> None:
    """Make Qt's own widgets, those made already and later, speak `language` too (see above).
    The interface has one language: the last `Words` made or switched decides. English and
    pseudo need no translation file."""
    changed = language != _Interface.language
    _Interface.language = language
    locale = qt_locale(language)
    app = QCoreApplication.instance()
    if app is None:  # no application yet: the locale only, the translations with the next switch
        QLocale.setDefault(locale)
        _Interface.locale_name = ""
        return
    if _Interface.locale_name == locale.name():
        if changed:  # English ↔ pseudo: only our own words change
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        return
    _Interface.locale_name = locale.name()
    QLocale.setDefault(locale)
    while _Interface.translators:
        app.removeTranslator(_Interface.translators.pop())
    if locale.language() != QLocale.Language.English:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES:
            translator = QTranslator()
            if translator.load(locale, name, "_", folder):
                app.installTranslator(translator)
                _Interface.translators.append(translator)
    # Widgets made earlier keep the locale they started with unless told: the application passes
    # this on to every window that has not chosen a locale of its own. LanguageChange (Qt's own
    # and our widgets' words) is sent too, even when no translator came or went.
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LocaleChange))
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
