"""Fixtures for screen tests: the real translations and a fresh main window per test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow

#: 3 May 2024, 06:05 UTC, which is 14:05 in Shanghai.
FIXED_NOW = datetime(2024, 5, 3, 6, 5, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The compiled translations, Chinese first as on a terminal; English again afterwards."""
    translations = Translations(qapp)
    assert translations.set_language("zh_CN"), "kiosk_zh_CN.qm is missing"
    yield translations
    translations.clear()


@pytest.fixture
def window(qtbot: QtBot, translations: Translations) -> MainWindow:
    """A new main window at 1920x1080, shown, in Chinese, with the clock at FIXED_NOW."""
    window = MainWindow(translations=translations, clock=fixed_clock)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window
