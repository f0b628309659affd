"""Keypads: tapping keys types, delete and clear edit, and impossible keys are greyed out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.theme import NORMAL, load_stylesheet
from kiosk.views.widgets.keypad import (
    CLEAR,
    DELETE,
    AmountPad,
    IdNumberPad,
    KeyPadEntry,
    LetterPad,
    amount_entry,
    group_text,
    id_number_entry,
    initials_entry,
)
from tests.views.hands import type_on


def show(qtbot: QtBot, widget: QWidget) -> QWidget:
    widget.setStyleSheet(load_stylesheet(NORMAL))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tap_key(qtbot: QtBot, entry: KeyPadEntry, key: str) -> None:
    qtbot.mouseClick(entry.pad.button(key), Qt.MouseButton.LeftButton)


def test_tapping_digits_types_them_and_shows_an_id_number_grouped(qtbot: QtBot) -> None:
    """Taps type into the entry; the display groups an ID number 6-8-4 as it is typed."""
    entry = id_number_entry()
    show(qtbot, entry)
    with qtbot.waitSignal(entry.text_changed) as blocker:
        type_on(qtbot, entry, "5")
    assert blocker.args == ["5"]
    type_on(qtbot, entry, "22730196")
    assert entry.text() == "522730196"
    assert entry.shown_text() == "522730 196"
    type_on(qtbot, entry, "10402001")
    assert entry.shown_text() == "522730 19610402 001"


def test_x_is_greyed_out_until_it_can_be_the_18th_character(qtbot: QtBot) -> None:
    """X cannot be typed before the 18th character; then it can, and the pad is full."""
    entry = id_number_entry()
    show(qtbot, entry)
    x_key = entry.pad.button("X")
    assert not x_key.isEnabled()
    type_on(qtbot, entry, "52273019610402")
    assert not x_key.isEnabled()
    tap_key(qtbot, entry, "X")  # a tap on a greyed key does nothing
    assert entry.text() == "52273019610402"
    type_on(qtbot, entry, "001")
    assert x_key.isEnabled()
    tap_key(qtbot, entry, "X")
    assert entry.text() == "52273019610402001X"
    assert entry.shown_text() == "522730 19610402 001X"
    assert entry.is_full()
    assert all(not entry.pad.button(k).isEnabled() for k in entry.pad.character_keys())


def test_max_length_stops_typing(qtbot: QtBot) -> None:
    """Once max_length characters are typed, further taps change nothing."""
    entry = id_number_entry()
    show(qtbot, entry)
    type_on(qtbot, entry, "1" * 18)
    entry.pad.button("5").setEnabled(True)  # even if a key were somehow live
    tap_key(qtbot, entry, "5")
    assert entry.text() == "1" * 18
    entry.set_text("9" * 30)
    assert entry.text() == "9" * 18


def test_delete_removes_the_last_character_and_clear_removes_all(qtbot: QtBot) -> None:
    """Delete takes back one character; clear empties the entry; both grey out when empty."""
    entry = id_number_entry()
    show(qtbot, entry)
    delete, clear = entry.pad.button(DELETE), entry.pad.button(CLEAR)
    assert not delete.isEnabled()
    assert not clear.isEnabled()
    type_on(qtbot, entry, "5227")
    tap_key(qtbot, entry, DELETE)
    assert entry.text() == "522"
    with qtbot.waitSignal(entry.text_changed) as blocker:
        tap_key(qtbot, entry, CLEAR)
    assert blocker.args == [""]
    assert entry.text() == ""
    assert not delete.isEnabled()


def test_deleting_back_before_the_18th_character_greys_x_again(qtbot: QtBot) -> None:
    """After deleting the 18th character X is live; after deleting one more it is grey."""
    entry = id_number_entry()
    show(qtbot, entry)
    entry.set_text("52273019610402001X")
    tap_key(qtbot, entry, DELETE)
    assert entry.pad.button("X").isEnabled()
    tap_key(qtbot, entry, DELETE)
    assert not entry.pad.button("X").isEnabled()


def test_amount_pad_types_yuan_with_at_most_two_decimals(qtbot: QtBot) -> None:
    """The amount pad takes one point and two decimals; a first point becomes 0."""
    entry = amount_entry()
    show(qtbot, entry)
    type_on(qtbot, entry, "4000")
    assert entry.text() == "4000"
    type_on(qtbot, entry, ".5")
    assert not entry.pad.button(".").isEnabled()
    type_on(qtbot, entry, "0")
    assert entry.text() == "4000.50"
    assert not entry.pad.button("7").isEnabled()
    entry.clear()
    type_on(qtbot, entry, ".")
    assert entry.text() == "0."
    entry.clear()
    type_on(qtbot, entry, "07")
    assert entry.text() == "7"


def test_letter_pad_has_a_to_z_in_order_and_shows_initials_spaced(qtbot: QtBot) -> None:
    """The letter pad has the 26 letters in alphabetical order; initials show as Y Z G."""
    entry = initials_entry()
    show(qtbot, entry)
    assert entry.pad.character_keys() == [chr(ord("A") + i) for i in range(26)]
    type_on(qtbot, entry, "YZG")
    assert entry.text() == "YZG"
    assert entry.shown_text() == "Y Z G"


def test_keys_are_at_least_110_px_and_take_no_focus(qtbot: QtBot) -> None:
    """Every key of every pad is at least 110x110 px, has an accessible name, takes no focus."""
    for pad in (IdNumberPad(), AmountPad(), LetterPad()):
        show(qtbot, pad)
        for key in pad.all_keys():
            button = pad.button(key)
            assert button.width() >= 110
            assert button.height() >= 110
            assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
            assert button.accessibleName()


def test_the_pad_emits_key_pressed_for_every_key(qtbot: QtBot) -> None:
    """A bare pad tells which key was touched: the character, or delete or clear."""
    pad = LetterPad()
    show(qtbot, pad)
    for key in ("Q", DELETE, CLEAR):
        with qtbot.waitSignal(pad.key_pressed) as blocker:
            qtbot.mouseClick(pad.button(key), Qt.MouseButton.LeftButton)
        assert blocker.args == [key]


def test_editing_keys_are_translated(qtbot: QtBot, translations: object) -> None:
    """In Chinese the delete and clear keys say so in Chinese."""
    pad = IdNumberPad()
    show(qtbot, pad)
    assert pad.button(DELETE).text() == "删除"
    assert pad.button(CLEAR).text() == "清空"
    assert isinstance(QApplication.instance(), QApplication)
    assert all(isinstance(pad.button(k), QPushButton) for k in pad.all_keys())


def test_group_text_only_adds_spaces() -> None:
    """Grouping splits into the given sizes and keeps any overflow in the last group."""
    assert group_text("", (6, 8, 4)) == ""
    assert group_text("522730", (6, 8, 4)) == "522730"
    assert group_text("5227301", (6, 8, 4)) == "522730 1"
    assert group_text("ABCDEFG", (2, 2)) == "AB CDEFG"
