"""The on-screen pinyin keyboard: letters, candidates, pages, delete, space and done."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.services.pinyin_input import PinyinDictionary, default_dictionary
from kiosk.views.i18n import Translations
from kiosk.views.theme import NORMAL, load_stylesheet
from kiosk.views.widgets.pinyin_keyboard import NARROW_ROW, WIDE_ROW, PinyinKeyboard
from tests.views.hands import tap


@pytest.fixture(scope="module")
def dictionary() -> PinyinDictionary:
    """The real dictionary, built once for the module."""
    return default_dictionary()


@pytest.fixture
def holder(qtbot: QtBot, translations: Translations) -> Iterator[QWidget]:
    """A 1920x1080 window with the terminal's style sheet, in Chinese."""
    widget = QWidget()
    widget.setStyleSheet(load_stylesheet(NORMAL))
    QVBoxLayout(widget)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    yield widget


def keyboard_in(
    qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary | None
) -> PinyinKeyboard:
    keyboard = PinyinKeyboard(dictionary=dictionary)
    layout = holder.layout()
    assert layout is not None
    layout.addWidget(keyboard)
    holder.show()
    qtbot.waitExposed(holder)
    return keyboard


def type_letters(qtbot: QtBot, keyboard: PinyinKeyboard, letters: str) -> None:
    for letter in letters:
        tap(qtbot, keyboard.letter_buttons[letter])


def candidate_button(keyboard: PinyinKeyboard, text: str) -> QAbstractButton:
    for button in keyboard.candidate_buttons:
        if button.isVisible() and button.text() == text:
            return button
    raise AssertionError(f"{text} is not among {keyboard.shown_candidates()}")


def test_typing_xiao_and_touching_the_character(
    qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary
) -> None:
    """x i a o, then the candidate 小: the text is 小 and the letters are gone."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "xiao")
    assert keyboard.pinyin_label.text() == "xiao"
    assert "小" in keyboard.shown_candidates()[:3]
    with qtbot.waitSignal(keyboard.text_committed) as committed:
        tap(qtbot, candidate_button(keyboard, "小"))
    assert committed.args == ["小"]
    assert keyboard.text() == "小"
    assert keyboard.typed() == ""
    assert keyboard.target.text() == "小"


def test_without_a_dictionary_it_builds_one_in_the_background(
    qtbot: QtBot, holder: QWidget
) -> None:
    """Shown without a dictionary, the keyboard builds the shared one on the jobs' pool:
    letters type at once, and the characters come once it is built."""
    keyboard = keyboard_in(qtbot, holder, None)
    type_letters(qtbot, keyboard, "xiao")
    assert keyboard.pinyin_label.text() == "xiao"
    qtbot.waitUntil(lambda: "小" in keyboard.shown_candidates(), timeout=30_000)
    with qtbot.waitSignal(keyboard.text_committed):
        tap(qtbot, candidate_button(keyboard, "小"))
    assert keyboard.text() == "小"


def test_a_word_then_one_character_at_a_time(
    qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary
) -> None:
    """The letters daikuan offer 贷款; choosing 贷 alone leaves "kuan", whose 款 follows."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "daikuan")
    assert keyboard.shown_candidates()[0] == "贷款"
    with qtbot.waitSignal(keyboard.text_changed) as changed:
        tap(qtbot, candidate_button(keyboard, "贷"))
    assert changed.args == ["贷"]
    assert keyboard.typed() == "kuan"
    tap(qtbot, candidate_button(keyboard, "款"))
    assert keyboard.text() == "贷款"


def test_pages_of_candidates(qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary) -> None:
    """▶ shows the next candidates and ◀ the first ones again; ◀ is greyed on page one."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "yan")
    first = keyboard.shown_candidates()
    assert first
    assert not keyboard.previous_button.isEnabled()
    tap(qtbot, keyboard.next_button)
    second = keyboard.shown_candidates()
    assert second
    assert not set(first) & set(second)
    tap(qtbot, keyboard.previous_button)
    assert keyboard.shown_candidates() == first


def test_delete_takes_back_a_letter_then_a_character(
    qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary
) -> None:
    """Delete removes the last letter while letters wait, then the last character."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "xiao")
    tap(qtbot, candidate_button(keyboard, "小"))
    type_letters(qtbot, keyboard, "e")
    tap(qtbot, keyboard.delete_button)
    assert (keyboard.text(), keyboard.typed()) == ("小", "")
    tap(qtbot, keyboard.delete_button)
    assert keyboard.text() == ""
    assert not keyboard.delete_button.isEnabled()


def test_done_takes_the_first_candidate_and_finishes(
    qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary
) -> None:
    """Done with "dibao" waiting puts in the first candidate, 低保, and says finished."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "dibao")
    with qtbot.waitSignal(keyboard.finished) as finished:
        tap(qtbot, keyboard.done_button)
    assert finished.args == ["低保"]


def test_space_and_clear(qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary) -> None:
    """Space adds a space after text (once), Clear empties everything."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "xiao")
    tap(qtbot, keyboard.space_button)  # takes the first candidate
    tap(qtbot, keyboard.space_button)
    tap(qtbot, keyboard.space_button)
    assert keyboard.text() == "小 "
    tap(qtbot, keyboard.clear_button)
    assert keyboard.text() == ""
    assert keyboard.target.property("empty") is True


def test_letters_that_make_no_pinyin_say_so(
    qtbot: QtBot, holder: QWidget, dictionary: PinyinDictionary
) -> None:
    """The letter i begins no syllable: no candidates, and a sentence says what to do."""
    keyboard = keyboard_in(qtbot, holder, dictionary)
    type_letters(qtbot, keyboard, "i")
    assert keyboard.shown_candidates() == []
    assert keyboard.status_label.isVisible()
    assert "删除" in keyboard.status_label.text()


def test_the_dictionary_is_built_when_first_shown(qtbot: QtBot, holder: QWidget) -> None:
    """Without a dictionary the keyboard builds it on a worker when shown; letters typed
    meanwhile get their candidates when it is ready."""
    keyboard = keyboard_in(qtbot, holder, None)
    type_letters(qtbot, keyboard, "xiao")
    qtbot.waitUntil(keyboard.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: "小" in keyboard.shown_candidates())


@pytest.mark.parametrize(
    ("width", "height", "per_row"), [(1920, 1080, WIDE_ROW), (1080, 1920, NARROW_ROW)]
)
def test_every_key_is_big_and_on_screen(
    qtbot: QtBot,
    holder: QWidget,
    dictionary: PinyinDictionary,
    width: int,
    height: int,
    per_row: int,
) -> None:
    """Wide: ten letters to a row; portrait: seven. Every key is at least 96 px square
    and inside the window, candidates included."""
    holder.resize(width, height)
    keyboard = keyboard_in(qtbot, holder, dictionary)
    qtbot.waitUntil(lambda: keyboard.letters_per_row() == per_row)
    type_letters(qtbot, keyboard, "zhong")
    buttons = [b for b in keyboard.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) > 30
    for button in buttons:
        assert button.width() >= NORMAL.touch_min_px, button.objectName()
        assert button.height() >= NORMAL.touch_min_px, button.objectName()
        right = button.mapTo(holder, button.rect().bottomRight()).x()
        assert right < width, button.objectName()
        assert button.accessibleName(), button.objectName()
