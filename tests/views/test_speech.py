"""Read aloud: hidden where no speech engine works, speaking where one does, never blocking."""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Iterator
from typing import TypedDict, Unpack

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.views.speech import MOCK_ENGINE, ReadAloud, voice_score

# Where libpulse is installed but PipeWire is not, QtMultimedia (loaded with TextToSpeech)
# says so once at warning level; that is the machine, not our code.
pytestmark = pytest.mark.qt_log_ignore("pipewire")

#: Voice names as speech-dispatcher's espeak-ng module lists them, all under the C locale.
ESPEAK_VOICES = [
    "Bishnupriya Manipuri",
    "Hakka Chinese",
    "Chinese (Mandarin, latin as English)",
    "Chinese (Mandarin, latin as English)+Adam",
    "Chinese (Mandarin, latin as Pinyin)",
    "Armenian (West Armenia)",
    "English (Caribbean)",
]


@pytest.fixture
def speakers() -> Iterator[list[ReadAloud]]:
    """ReadAloud objects a test makes; their engine threads are ended after it."""
    made: list[ReadAloud] = []
    yield made
    for speaker in made:
        speaker.shutdown(timeout_s=10)


class SpeakerOptions(TypedDict, total=False):
    """The ReadAloud arguments these tests choose; the rest keep their defaults."""

    language: str
    engine: str


def _speaker(speakers: list[ReadAloud], **options: Unpack[SpeakerOptions]) -> ReadAloud:
    speaker = ReadAloud(**options)
    speakers.append(speaker)
    return speaker


def _mock_engine_or_skip() -> None:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:  # the wheel's QtMultimedia needs libpulse.so.0
        pytest.skip(f"Qt TextToSpeech cannot load here: {error}")
    if MOCK_ENGINE not in QTextToSpeech.availableEngines():
        pytest.skip("the PySide6 wheel has no mock speech engine")


def test_without_an_engine_nothing_is_available_and_say_does_nothing(
    qtbot: QtBot, speakers: list[ReadAloud]
) -> None:
    """With no engine of that name, the search ends unavailable and say() is a quiet no-op."""
    speaker = _speaker(speakers, engine="no-such-engine")
    with qtbot.waitSignal(speaker.search_finished):
        speaker.start()
    assert not speaker.available()
    assert speaker.engine() is None
    speaker.say("杨正刚")
    speaker.stop()
    assert not speaker.speaking()


def test_nothing_is_probed_before_start(qtbot: QtBot, speakers: list[ReadAloud]) -> None:
    """Making a ReadAloud opens no engine: the start-up path stays fast."""
    speaker = _speaker(speakers)
    assert not speaker.available()
    assert not speaker.searching()
    assert speaker.engine() is None


def test_the_mock_engine_is_never_chosen_by_itself(qtbot: QtBot, speakers: list[ReadAloud]) -> None:
    """Qt's silent test engine is not taken for a real voice, even though it holds the place
    of the real engine while that loads."""
    speaker = _speaker(speakers, language="en")
    with qtbot.waitSignal(speaker.search_finished, timeout=30_000):
        speaker.start()
    assert speaker.engine() != MOCK_ENGINE


def test_an_engine_with_a_voice_speaks(qtbot: QtBot, speakers: list[ReadAloud]) -> None:
    """Where an engine works (Qt's mock one, a real part of the wheel), say() leaves Ready."""
    _mock_engine_or_skip()
    speaker = _speaker(speakers, language="en", engine=MOCK_ENGINE)
    with qtbot.waitSignal(speaker.availability_changed) as blocker:
        speaker.start()
    assert blocker.args == [True]
    assert speaker.engine() == MOCK_ENGINE
    with qtbot.waitSignal(speaker.speaking_changed) as blocker:
        speaker.say("Your responsible official is Yang Zhenggang.")
    assert blocker.args == [True]
    speaker.stop()
    qtbot.waitUntil(lambda: not speaker.speaking())


def test_no_voice_for_the_language_means_unavailable(
    qtbot: QtBot, speakers: list[ReadAloud]
) -> None:
    """An engine without a Chinese voice is not offered for the Chinese UI."""
    _mock_engine_or_skip()
    speaker = _speaker(speakers, language="en", engine=MOCK_ENGINE)
    with qtbot.waitSignal(speaker.search_finished):
        speaker.start()
    assert speaker.available()
    with qtbot.waitSignal(speaker.availability_changed) as blocker:
        speaker.set_language("zh_CN")
    assert blocker.args == [False]
    speaker.say("你好")
    assert not speaker.speaking()


def test_start_returns_at_once_and_the_ui_keeps_running(
    qtbot: QtBot, speakers: list[ReadAloud]
) -> None:
    """start() only begins the search: the UI thread's timers keep firing while it runs."""
    speaker = _speaker(speakers, language="zh_CN")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    speaker.start()
    returned = time.monotonic() - started
    with qtbot.waitSignal(speaker.search_finished, timeout=30_000):
        pass
    timer.stop()
    # Loading speech-dispatcher's engine takes seconds; start() must not wait for it.
    assert returned < 1.0
    longest_gap = max((b - a for a, b in itertools.pairwise(ticks)), default=0.0)
    assert longest_gap < 1.0, f"the UI thread stood still for {longest_gap:.1f} s"


def test_shutdown_ends_the_engine_thread(qtbot: QtBot, speakers: list[ReadAloud]) -> None:
    """After shutdown() nothing is available and say() does nothing."""
    _mock_engine_or_skip()
    speaker = _speaker(speakers, language="en", engine=MOCK_ENGINE)
    with qtbot.waitSignal(speaker.search_finished):
        speaker.start()
    with qtbot.waitSignal(speaker.availability_changed) as blocker:
        speaker.shutdown(timeout_s=10)
    assert blocker.args == [False]
    speaker.say("Nobody hears this.")
    assert not speaker.speaking()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh_CN", "Chinese (Mandarin, latin as English)"),
        ("en", "English (Caribbean)"),
    ],
)
def test_a_voice_is_found_by_its_name_when_qt_cannot_name_its_locale(
    language: str, expected: str
) -> None:
    """espeak-ng's Mandarin ("cmn") is found by name; Hakka and variants come after it."""
    best = max(ESPEAK_VOICES, key=lambda name: voice_score(name, language))
    assert best == expected


def test_other_chinese_languages_are_not_taken_for_mandarin() -> None:
    """A Hakka or Cantonese voice is no voice for the Chinese UI, and neither is Armenian."""
    assert voice_score("Hakka Chinese", "zh_CN") == 0
    assert voice_score("Chinese (Cantonese)", "zh_CN") == 0
    assert voice_score("Armenian (West Armenia)", "en") == 0
    assert voice_score("Chinese (Mandarin, latin as English)", "en") == 0
    assert voice_score("cmn", "zh_CN") > voice_score("Chinese", "zh_CN") > 0


@pytest.mark.skipif(
    shutil.which("speech-dispatcher") is None, reason="speech-dispatcher is not installed"
)
def test_speech_dispatcher_reads_chinese_with_a_mandarin_voice(
    qtbot: QtBot, speakers: list[ReadAloud]
) -> None:
    """With speech-dispatcher and espeak-ng (as scripts/start installs them), the Chinese
    UI gets a Mandarin voice although Qt lists no zh_CN locale for it."""
    _mock_engine_or_skip()
    speaker = _speaker(speakers, language="zh_CN", engine="speechd")
    with qtbot.waitSignal(speaker.search_finished, timeout=60_000):
        speaker.start()
    assert speaker.engine() == "speechd"
    assert speaker.available()
    assert "Mandarin" in speaker.voice_name()
