"""A resident's taps for screen tests: on a button, and key by key on a keypad.

``tap`` and ``type_on`` are the functions; ``Hands`` (the ``resident`` fixture of
tests/views/conftest.py) holds a qtbot and walks through whole steps with them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.views.main_window import MainWindow
from kiosk.views.screens.identify import IdentifyScreen
from kiosk.views.widgets.keypad import KeyPadEntry


def tap(qtbot: QtBot, button: QAbstractButton) -> None:
    """A finger on ``button``, which must be on screen and not greyed out."""
    assert button.isVisible(), f"{button.objectName()} is not on screen"
    assert button.isEnabled(), f"{button.objectName()} is greyed out"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_on(qtbot: QtBot, entry: KeyPadEntry, text: str) -> None:
    """``text`` typed on ``entry``'s keypad, one tap per key."""
    for key in text:
        tap(qtbot, entry.pad.button(key))


class Hands:
    """Touches the kiosk as a resident does: one tap at a time on the real buttons."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def tap(self, button: QAbstractButton) -> None:
        tap(self.qtbot, button)

    def type_on(self, entry: KeyPadEntry, text: str) -> None:
        type_on(self.qtbot, entry, text)

    def identify(self, window: MainWindow, number: str, initials: str) -> None:
        """From the attract screen: Start, the number, Next, the initials, Confirm."""
        if window.current_screen() is window.attract:
            self.tap(window.attract.start_button)
        screen = window.identify_screen
        assert isinstance(screen, IdentifyScreen)
        self.qtbot.waitUntil(lambda: window.current_screen() is screen)
        self.type_on(screen.number_entry, number)
        self.tap(screen.next_button)
        self.type_on(screen.initials_entry, initials)
        self.tap(screen.confirm_button)
