"""Read aloud: speaks a screen's text through Qt TextToSpeech, where a speech engine exists.

The PySide6 wheel ships two engine plug-ins for Linux: ``speechd``, which talks to the
speech-dispatcher service (with espeak-ng it has Mandarin and English voices), and ``mock``,
Qt's engine for testing, which makes no sound and is never chosen unless asked for by name.
QtTextToSpeech itself links against QtMultimedia and so needs ``libpulse.so.0``; where that
is missing the module does not even import. In every such case :meth:`ReadAloud.available`
stays False and the "Read aloud" button stays hidden; nothing else changes.

Nothing is probed when a :class:`ReadAloud` is made: :meth:`ReadAloud.start` imports the
module and opens the engine, so the application calls it after the first screen is painted
and shows the button when :attr:`ReadAloud.availability_changed` says so.

What is spoken is a resident's data: it is never logged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

_log = logging.getLogger(__name__)

#: Qt's test engine: it reports progress but makes no sound.
MOCK_ENGINE = "mock"


class ReadAloud(QObject):
    """Speaks text in the UI language with a voice of that language, if there is one.

    Available only when an engine works and has a voice for the current language: an
    English voice reading Chinese helps nobody, so then the button hides.

    Signals:
        availability_changed(bool): whether :meth:`say` can speak now changed (after
            :meth:`start`, a language switch, or an engine error).
        speaking_changed(bool): speech started (True) or ended (False).
    """

    availability_changed = Signal(bool)
    speaking_changed = Signal(bool)

    def __init__(
        self,
        *,
        language: str = "zh_CN",
        engine: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``engine`` names the engine plug-in to use; by default the first one installed
        that works, never :data:`MOCK_ENGINE`."""
        super().__init__(parent)
        self._language = language
        self._engine_name = engine
        self._speech: QTextToSpeech | None = None
        self._started = False
        self._available = False
        self._speaking = False

    def available(self) -> bool:
        """Whether :meth:`say` will speak (False until :meth:`start` found an engine)."""
        return self._available

    def speaking(self) -> bool:
        return self._speaking

    def engine(self) -> str | None:
        """The name of the engine in use, or None."""
        return self._speech.engine() if self._speech is not None else None

    def start(self) -> None:
        """Find a working engine with a voice for the current language. Safe to call again."""
        if self._started:
            return
        self._started = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            # Typically libpulse.so.0 missing: the wheel's QtMultimedia needs it.
            _log.info("Read aloud unavailable: Qt TextToSpeech cannot load (%s)", error)
            return
        engines = QTextToSpeech.availableEngines()
        wanted = (
            [self._engine_name]
            if self._engine_name is not None
            else [name for name in engines if name != MOCK_ENGINE]
        )
        for name in wanted:
            if name not in engines:
                continue
            speech = QTextToSpeech(name, self)
            if speech.state() == QTextToSpeech.State.Error:
                _log.info("Speech engine %s does not work: %s", name, speech.errorString())
                speech.deleteLater()
                continue
            self._speech = speech
            speech.stateChanged.connect(self._on_state_changed)
            _log.info("Read aloud uses the %s speech engine", name)
            break
        else:
            _log.info("Read aloud unavailable: no working speech engine among %s", engines)
            return
        self._choose_voice()

    def set_language(self, language: str) -> None:
        """Speak ``language`` (``zh_CN`` or ``en``) from now on; stops what is being said."""
        self._language = language
        if self._speech is not None:
            self._speech.stop()
            self._choose_voice()

    def say(self, text: str) -> None:
        """Speak ``text``, interrupting anything still being said. Does nothing when
        speech is unavailable."""
        if self._speech is None or not self._available or not text.strip():
            return
        self._speech.say(text)

    def stop(self) -> None:
        """Stop speaking at once (the session ends, or the screen changes)."""
        if self._speech is not None:
            self._speech.stop()

    def _choose_voice(self) -> None:
        speech = self._speech
        assert speech is not None
        wanted = QLocale(self._language)
        locales = speech.availableLocales()
        same_place = [
            locale
            for locale in locales
            if locale.language() == wanted.language() and locale.territory() == wanted.territory()
        ]
        same_language = [locale for locale in locales if locale.language() == wanted.language()]
        found = False
        for locale in same_place or same_language:
            speech.setLocale(locale)
            voices = speech.availableVoices()
            if voices:
                speech.setVoice(voices[0])
                found = True
                break
        if not found:
            _log.info("Read aloud: the speech engine has no voice for %s", self._language)
        self._set_available(found)

    def _on_state_changed(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error:
            assert self._speech is not None
            _log.warning("Speech engine error: %s", self._speech.errorString())
            self._set_available(False)
        speaking = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

    def _set_available(self, available: bool) -> None:
        if available != self._available:
            self._available = available
            self.availability_changed.emit(available)
