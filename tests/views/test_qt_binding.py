"""The Qt binding in use keeps Python's reference counts straight."""

import sys

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_drain_none(qtbot: QtBot) -> None:
    """Calling setText/setEnabled does not drop references to None: PySide6 6.12.0 under
    Python 3.11 did, and the kiosk died after a few thousand taps (hence the pin)."""
    label, button = QLabel(), QPushButton()
    qtbot.addWidget(label)
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i))
        button.setEnabled(i % 2 == 0)
    assert sys.getrefcount(None) - before > -50
