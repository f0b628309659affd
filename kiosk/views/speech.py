"""Read aloud: speaks a screen's text through Qt TextToSpeech, where a speech engine exists.

The PySide6 wheel ships two engine plug-ins for Linux: ``speechd``, which talks to the
speech-dispatcher service (with espeak-ng it has Mandarin and English voices), and ``mock``,
Qt's engine for testing, which makes no sound and is never chosen unless asked for by name.
QtTextToSpeech itself links against QtMultimedia and so needs ``libpulse.so.0``; where that
is missing the module does not even import. In every such case :meth:`ReadAloud.available`
stays False and the "Read aloud" button stays hidden; nothing else changes.

Loading the speechd engine takes seconds (it connects to speech-dispatcher and lists some
1,500 voices), and a speech-dispatcher that hangs makes it wait for ever. PySide keeps the
GIL while it constructs an engine, so doing that on any Python thread would still freeze
the UI. So the engine lives in a thread of its own (:class:`_EngineThread`) whose Qt event
loop loads it: the UI thread only *queues* ``setEngine``, ``say`` and ``stop`` there, the
loop runs them in C++ without the GIL, and the answers come back as queued signals.

espeak-ng calls its Mandarin voice "cmn", a language code Qt does not know: the voice is
listed under the C locale as "Chinese (Mandarin, latin as English)". When no locale of the
UI language has a voice, :func:`voice_score` finds one by its name.

What is spoken is a resident's data: it is never logged.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Q_ARG,
    QEventLoop,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    Signal,
    Slot,
)

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

_log = logging.getLogger(__name__)

#: Qt's test engine: it reports progress but makes no sound.
MOCK_ENGINE = "mock"

#: Words in a voice's name that say which language it speaks, for engines whose locale for
#: the voice Qt cannot name (espeak-ng: "Chinese (Mandarin, latin as English)" under "C").
VOICE_NAME_WORDS = {
    "zh": frozenset({"chinese", "mandarin", "cmn", "zh", "putonghua"}),
    "en": frozenset({"english", "en"}),
}
#: Chinese languages a Mandarin-speaking resident would not follow.
NOT_MANDARIN = frozenset({"cantonese", "yue", "hakka", "hak", "min", "nan", "wu", "hokkien"})
_WORD = re.compile(r"[a-z]+")

_QUEUED = Qt.ConnectionType.QueuedConnection


def voice_score(name: str, language: str) -> int:
    """How well a voice called ``name`` suits ``language`` (``zh_CN`` or ``en``) judged by
    its name alone: 0 not at all; higher is better.

    The language is the part of the name before any bracket ("Chinese (Mandarin, ...)");
    a voice that names Mandarin outright beats a plain "Chinese", and an engine's own
    variant of a voice ("...+Adam") comes after the voice itself.
    """
    base = language.split("_")[0].lower()
    wanted = VOICE_NAME_WORDS.get(base, frozenset({base}))
    lowered = name.lower()
    head = set(_WORD.findall(lowered.split("(")[0].split("+")[0]))
    words = set(_WORD.findall(lowered))
    if not head & wanted:
        return 0
    score = 2
    if base == "zh":
        if words & NOT_MANDARIN:
            return 0
        if words & {"mandarin", "cmn"}:
            score += 2
    if "+" not in name:
        score += 1
    return score


class _EngineHost(QObject):
    """Made in the engine's thread, it answers the UI's questions about the engine there.

    Its slots run in that thread, briefly: they only read lists the engine already holds
    and set a voice.

    Signals:
        engine_checked(str, bool): after a queued load, the engine's name and whether it
            works (it has voices).
        voice_chosen(str, bool, str): the language asked for, whether a voice was found,
            and its name.
    """

    engine_checked = Signal(str, bool)
    voice_chosen = Signal(str, bool, str)

    def __init__(self, speech: QTextToSpeech) -> None:
        super().__init__()
        self._speech = speech

    @Slot(str)
    def check_engine(self, name: str) -> None:
        speech = self._speech
        works = speech.engine() == name and bool(speech.availableLocales())
        if not works:
            _log.info("Speech engine %s does not work: %s", name, speech.errorString())
        self.engine_checked.emit(name, works)

    @Slot(str)
    def choose_voice(self, language: str) -> None:
        speech = self._speech
        voice = _voice_by_locale(speech, language) or _voice_by_name(speech, language)
        if voice is None:
            _log.info("Read aloud: the speech engine has no voice for %s", language)
            self.voice_chosen.emit(language, False, "")
            return
        speech.setVoice(voice)
        self.voice_chosen.emit(language, True, voice.name())


class _EngineThread:
    """The engine's own thread: a Qt event loop on a daemon thread, holding the engine.

    A Python daemon thread, not a ``QThread``: when speech-dispatcher hangs, a load may
    never return, and the kiosk must still exit (destroying a running ``QThread`` aborts
    the process). Qt adopts the thread, so the engine and the host made in it belong to
    its loop, and calls queued to them run there.
    """

    def __init__(self, prepare: Callable[[], object] | None = None) -> None:
        self.speech: QTextToSpeech | None = None
        self._prepare = prepare
        self.host: _EngineHost | None = None
        self._loop: QEventLoop | None = None
        self._placeholder = MOCK_ENGINE
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._run, name="read-aloud", daemon=True)

    def start(self, placeholder: str) -> None:
        """Start the thread with an engine ``placeholder`` (fast to make) and return when
        its loop is about to run."""
        self._placeholder = placeholder
        self._thread.start()
        self._running.wait()

    def quit(self, timeout_s: float) -> bool:
        """End the loop and the engine; False if the thread is stuck (it is left behind)."""
        if self._loop is not None:
            QMetaObject.invokeMethod(self._loop, "quit", _QUEUED)
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _run(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        loop = QEventLoop()
        self.speech = QTextToSpeech(self._placeholder)
        self.host = _EngineHost(self.speech)
        self._loop = loop
        self._running.set()
        if self._prepare is not None:
            # Before the loop runs the queued engine loads (waiting for the kiosk's own
            # speech-dispatcher, say), and off the UI thread.
            self._prepare()
        loop.exec()
        # Dropped here, so they are deleted in the thread they belong to.
        self._loop = self.host = self.speech = None


def _voice_by_locale(speech: QTextToSpeech, language: str) -> QVoice | None:
    """The first voice of a locale of ``language`` (same territory first), or None."""
    wanted = QLocale(language)
    locales = speech.availableLocales()
    same_place = [
        locale
        for locale in locales
        if locale.language() == wanted.language() and locale.territory() == wanted.territory()
    ]
    same_language = [locale for locale in locales if locale.language() == wanted.language()]
    for locale in same_place or same_language:
        speech.setLocale(locale)
        voices = speech.availableVoices()
        if voices:
            return voices[0]
    return None


def _voice_by_name(speech: QTextToSpeech, language: str) -> QVoice | None:
    """The best voice for ``language`` by its name, among locales Qt cannot name."""
    unnamed = (QLocale.Language.C, QLocale.Language.AnyLanguage)
    best, best_score, best_locale = None, 0, None
    for locale in speech.availableLocales():
        if locale.language() not in unnamed:
            continue
        speech.setLocale(locale)
        for voice in speech.availableVoices():
            score = voice_score(voice.name(), language)
            if score > best_score:
                best, best_score, best_locale = voice, score, locale
    if best_locale is not None:
        speech.setLocale(best_locale)
    return best


class ReadAloud(QObject):
    """Speaks text in the UI language with a voice of that language, if there is one.

    Available only when an engine works and has a voice for the current language: an
    English voice reading Chinese helps nobody, so then the button hides. Nothing is
    probed when it is made; :meth:`start` begins the search on the engine's own thread and
    returns at once. :meth:`shutdown` ends that thread.

    Signals:
        availability_changed(bool): whether :meth:`say` can speak now changed (after
            :meth:`start`, a language switch, or an engine error).
        speaking_changed(bool): speech started (True) or ended (False).
        search_finished(): the search that :meth:`start` began is over, with or without
            an engine; :meth:`available` says which.
    """

    availability_changed = Signal(bool)
    speaking_changed = Signal(bool)
    search_finished = Signal()

    def __init__(
        self,
        *,
        language: str = "zh_CN",
        engine: str | None = None,
        prepare: Callable[[], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``engine`` names the engine plug-in to use; by default the first one installed
        that works, never :data:`MOCK_ENGINE`. ``prepare`` runs on the engine's thread
        before any engine loads (the kiosk waits there for its speech-dispatcher)."""
        super().__init__(parent)
        self._prepare = prepare
        self._language = language
        self._engine_wanted = engine
        self._engine: str | None = None
        self._voice = ""
        self._candidates: list[str] = []
        self._engine_thread: _EngineThread | None = None
        self._started = False
        self._searching = False
        self._available = False
        self._speaking = False

    def available(self) -> bool:
        """Whether :meth:`say` will speak (False until the search found an engine)."""
        return self._available

    def speaking(self) -> bool:
        return self._speaking

    def searching(self) -> bool:
        """Whether :meth:`start` began a search that is not over yet."""
        return self._searching

    def engine(self) -> str | None:
        """The name of the engine in use, or None."""
        return self._engine

    def voice_name(self) -> str:
        """The name of the voice chosen for the current language ("" if none)."""
        return self._voice

    def start(self) -> None:
        """Begin looking for a working engine with a voice for the current language, on
        the engine's thread; :attr:`search_finished` says when it is over. Safe to call
        again."""
        if self._started:
            return
        self._started = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            # Typically libpulse.so.0 missing: the wheel's QtMultimedia needs it.
            _log.info("Read aloud unavailable: Qt TextToSpeech cannot load (%s)", error)
            self.search_finished.emit()
            return
        engines = QTextToSpeech.availableEngines()
        wanted = (
            [self._engine_wanted]
            if self._engine_wanted is not None
            else [name for name in engines if name != MOCK_ENGINE]
        )
        self._candidates = [name for name in wanted if name in engines]
        if not self._candidates:
            _log.info("Read aloud unavailable: no speech engine among %s", engines)
            self.search_finished.emit()
            return
        # The mock engine loads in a millisecond; it only holds the place of the real one,
        # which the thread's loop loads without the GIL. Without it, the first engine is
        # made directly (and blocks while it loads).
        placeholder = MOCK_ENGINE if MOCK_ENGINE in engines else self._candidates[0]
        engine_thread = _EngineThread(self._prepare)
        self._searching = True
        engine_thread.start(placeholder)
        assert engine_thread.host is not None and engine_thread.speech is not None
        # Connected from here to objects of the engine's thread: queued both ways.
        engine_thread.host.engine_checked.connect(self._on_engine_checked)
        engine_thread.host.voice_chosen.connect(self._on_voice_chosen)
        engine_thread.speech.stateChanged.connect(self._on_state_changed)
        self._engine_thread = engine_thread
        self._try_next_engine()

    def shutdown(self, timeout_s: float = 2.0) -> bool:
        """Stop speaking and end the engine's thread (waiting at most ``timeout_s``).

        Returns False if the thread is still running (an engine stuck starting up): the
        process must then end without Qt's clean-up, which would pull the engine's objects
        from under that thread."""
        self.stop()
        engine_thread, self._engine_thread = self._engine_thread, None
        self._engine = None
        self._set_available(False)
        self._finish_search()
        if engine_thread is not None and not engine_thread.quit(timeout_s):
            _log.warning("The speech engine did not stop within %.1f s; left behind", timeout_s)
            return False
        return True

    def set_language(self, language: str) -> None:
        """Speak ``language`` (``zh_CN`` or ``en``) from now on; stops what is being said."""
        self._language = language
        if self._engine is not None:
            self.stop()
            self._queue_to_host("choose_voice", language)

    def say(self, text: str) -> None:
        """Speak ``text``, interrupting anything still being said. Does nothing when
        speech is unavailable."""
        if self._engine_thread is None or not self._available or not text.strip():
            return
        _queue(self._engine_thread.speech, "say", text)

    def stop(self) -> None:
        """Stop speaking at once (the session ends, or the screen changes)."""
        if self._engine_thread is not None and self._engine is not None:
            _queue(self._engine_thread.speech, "stop")

    def _queue_to_host(self, slot: str, argument: str) -> None:
        if self._engine_thread is not None:
            _queue(self._engine_thread.host, slot, argument)

    def _try_next_engine(self) -> None:
        if self._engine_thread is None:
            return
        if not self._candidates:
            _log.info("Read aloud unavailable: no speech engine works")
            self._finish_search()
            return
        name = self._candidates.pop(0)
        # Two calls queued to the engine's loop, which runs them in order: the load (C++
        # only, so the GIL stays free for the UI), then the check, which answers with
        # engine_checked.
        _queue(self._engine_thread.speech, "setEngine", name)
        self._queue_to_host("check_engine", name)

    @Slot(str, bool)
    def _on_engine_checked(self, name: str, works: bool) -> None:
        if self._engine_thread is None:
            return
        if not works:
            self._try_next_engine()
            return
        self._engine = name
        _log.info("Read aloud uses the %s speech engine", name)
        self._queue_to_host("choose_voice", self._language)

    @Slot(str, bool, str)
    def _on_voice_chosen(self, language: str, found: bool, voice: str) -> None:
        if self._engine_thread is None or language != self._language:
            return  # shut down, or the language changed again and its answer is on the way
        self._voice = voice
        self._set_available(found)
        self._finish_search()

    def _finish_search(self) -> None:
        if self._searching:
            self._searching = False
            self.search_finished.emit()

    @Slot(object)
    def _on_state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._engine is None:
            return  # the placeholder, or an engine still loading
        if state == QTextToSpeech.State.Error:
            _log.warning("Speech engine error")
            self._set_available(False)
        speaking = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

    def _set_available(self, available: bool) -> None:
        if available != self._available:
            self._available = available
            self.availability_changed.emit(available)


def _queue(target: QObject | None, method: str, *arguments: str) -> None:
    """Call ``target.method(*arguments)`` from its own thread's event loop."""
    if target is not None:
        QMetaObject.invokeMethod(target, method, _QUEUED, *(Q_ARG(str, a) for a in arguments))
