"""The languages of the user interface and the compiled translations (``kiosk_<lang>.qm``).

English is the source language: every visible string is written in English in the code and
marked with ``self.tr``. Simplified Chinese, the default, comes from ``kiosk_zh_CN.qm``,
compiled from ``resources/translations/kiosk_zh_CN.ts`` by ``scripts/update-translations``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kiosk.config import LANGUAGES

SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "zh_CN"
QM_DIR = Path(__file__).resolve().parent

_log = logging.getLogger(__name__)


def qm_path(language: str, directory: Path = QM_DIR) -> Path:
    """Where the compiled translation of ``language`` lives."""
    return directory / f"kiosk_{language}.qm"


class Translations(QObject):
    """Keeps the translator of the current UI language installed in the application.

    Switching language installs the new translator; Qt then sends every widget a
    ``LanguageChange`` event, and each screen sets its texts again in ``changeEvent``.
    The default ``QLocale`` follows, so dates and numbers are formatted to match.

    Signals:
        language_changed(str): the UI language is now the given code (``zh_CN`` or ``en``).
    """

    language_changed = Signal(str)

    def __init__(
        self,
        app: QCoreApplication,
        *,
        directory: Path = QM_DIR,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._directory = directory
        self._translator: QTranslator | None = None
        self._language = SOURCE_LANGUAGE

    @property
    def language(self) -> str:
        return self._language

    def other_language(self) -> str:
        """The language the language button switches to."""
        return SOURCE_LANGUAGE if self._language == DEFAULT_LANGUAGE else DEFAULT_LANGUAGE

    def set_language(self, language: str) -> bool:
        """Show the UI in ``language``; False (and a warning) if its translation is missing.

        With a missing translation the UI stays in the source language, English, which is
        still usable, rather than failing to start.
        """
        if language not in LANGUAGES:
            raise ValueError(f"unknown UI language {language!r}; expected one of {LANGUAGES}")
        translator: QTranslator | None = None
        found = True
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            path = qm_path(language, self._directory)
            if not translator.load(str(path)):
                _log.warning("No translation for %s at %s; showing English", language, path)
                translator.deleteLater()
                language, translator, found = SOURCE_LANGUAGE, None, False
        # The locale first: installing or removing a translator sends LanguageChange, and
        # the screens format their dates with the default locale when they handle it.
        QLocale.setDefault(QLocale(language))
        self._remove_translator()
        if translator is not None:
            self._app.installTranslator(translator)
            self._translator = translator
        self._language = language
        self.language_changed.emit(language)
        return found

    def clear(self) -> None:
        """Go back to the source language and remove the translator from the application."""
        QLocale.setDefault(QLocale(SOURCE_LANGUAGE))
        self._remove_translator()
        self._language = SOURCE_LANGUAGE

    def _remove_translator(self) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
