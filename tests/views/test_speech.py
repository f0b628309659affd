"""Read aloud: hidden where no speech engine works, speaking where one does."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.views.speech import MOCK_ENGINE, ReadAloud

# Where libpulse is installed but PipeWire is not, QtMultimedia (loaded with TextToSpeech)
# says so once at warning level; that is the machine, not our code.
pytestmark = pytest.mark.qt_log_ignore("pipewire")


def test_without_an_engine_nothing_is_available_and_say_does_nothing(qtbot: QtBot) -> None:
    """With no engine of that name, read aloud is unavailable and say() is a quiet no-op."""
    speaker = ReadAloud(engine="no-such-engine")
    speaker.start()
    assert not speaker.available()
    assert speaker.engine() is None
    speaker.say("杨正刚")
    speaker.stop()
    assert not speaker.speaking()


def test_nothing_is_probed_before_start(qtbot: QtBot) -> None:
    """Making a ReadAloud opens no engine: the start-up path stays fast."""
    speaker = ReadAloud()
    assert not speaker.available()
    assert speaker.engine() is None


def test_the_mock_engine_is_never_chosen_by_itself(qtbot: QtBot) -> None:
    """Qt's silent test engine is not taken for a real voice."""
    speaker = ReadAloud(language="en")
    speaker.start()
    assert speaker.engine() != MOCK_ENGINE


def _mock_engine_or_skip() -> None:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:  # the wheel's QtMultimedia needs libpulse.so.0
        pytest.skip(f"Qt TextToSpeech cannot load here: {error}")
    if MOCK_ENGINE not in QTextToSpeech.availableEngines():
        pytest.skip("the PySide6 wheel has no mock speech engine")


def test_an_engine_with_a_voice_speaks(qtbot: QtBot) -> None:
    """Where an engine works (Qt's mock one, a real part of the wheel), say() leaves Ready."""
    _mock_engine_or_skip()
    speaker = ReadAloud(language="en", engine=MOCK_ENGINE)
    with qtbot.waitSignal(speaker.availability_changed) as blocker:
        speaker.start()
    assert blocker.args == [True]
    with qtbot.waitSignal(speaker.speaking_changed) as blocker:
        speaker.say("Your responsible official is Yang Zhenggang.")
    assert blocker.args == [True]
    speaker.stop()
    qtbot.waitUntil(lambda: not speaker.speaking())


def test_no_voice_for_the_language_means_unavailable(qtbot: QtBot) -> None:
    """An engine without a Chinese voice is not offered for the Chinese UI."""
    _mock_engine_or_skip()
    speaker = ReadAloud(language="en", engine=MOCK_ENGINE)
    speaker.start()
    assert speaker.available()
    with qtbot.waitSignal(speaker.availability_changed) as blocker:
        speaker.set_language("zh_CN")
    assert blocker.args == [False]
    speaker.say("你好")
    assert not speaker.speaking()
