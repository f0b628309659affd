"""Uncaught exceptions end on the friendly error screen and in the log, never on screen."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.crash import CrashHandler
from kiosk.views.main_window import MainWindow

SECRET = "ledger row 4711 went missing"


@pytest.fixture
def crash_handler(window: MainWindow) -> Iterator[CrashHandler]:
    """The crash handler installed and wired to the window as ``kiosk run`` does it."""
    handler = CrashHandler()
    handler.crashed.connect(window.show_error, Qt.ConnectionType.QueuedConnection)
    handler.install()
    yield handler
    handler.uninstall()


def all_visible_texts() -> str:
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    return "\n".join(texts)


def a_slot_that_fails() -> None:
    raise LookupError(SECRET)


def test_exception_in_a_slot_shows_the_error_screen_and_logs_the_trace(
    qtbot: QtBot,
    window: MainWindow,
    crash_handler: CrashHandler,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A slot that raises leads to the error screen; the trace is in the log, not on screen."""
    window.attract.start_requested.connect(a_slot_that_fails)
    caplog.set_level(logging.CRITICAL, logger="kiosk.crash")

    with qtbot.waitSignal(crash_handler.crashed):
        qtbot.mouseClick(window.attract.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is window.error_screen)

    assert "Traceback (most recent call last)" in caplog.text
    assert "a_slot_that_fails" in caplog.text
    assert f"LookupError: {SECRET}" in caplog.text
    on_screen = all_visible_texts()
    assert window.error_screen.message_label.text() == "系统暂时出了点问题，请稍候或联系工作人员"
    for trace_text in ("Traceback", "LookupError", SECRET, "a_slot_that_fails", ".py"):
        assert trace_text not in on_screen

    qtbot.mouseClick(window.error_screen.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)


def test_exception_in_a_worker_thread_shows_the_error_screen(
    qtbot: QtBot,
    window: MainWindow,
    crash_handler: CrashHandler,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An exception nobody caught in a worker thread reaches the log and the error screen."""
    caplog.set_level(logging.CRITICAL, logger="kiosk.crash")

    def work() -> None:
        raise RuntimeError(SECRET)

    worker = threading.Thread(target=work, name="printer-worker")
    with qtbot.waitSignal(crash_handler.crashed):
        worker.start()
        worker.join()
    qtbot.waitUntil(lambda: window.current_screen() is window.error_screen)

    assert "Uncaught exception in thread printer-worker" in caplog.text
    assert f"RuntimeError: {SECRET}" in caplog.text
    assert SECRET not in all_visible_texts()


def test_uninstall_puts_the_previous_hooks_back() -> None:
    """Removing the crash handler restores the hooks that were there before it."""
    before = (sys.excepthook, threading.excepthook)
    handler = CrashHandler()
    handler.install()
    assert (sys.excepthook, threading.excepthook) != before
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_error_screen_has_no_detail_widgets(window: MainWindow) -> None:
    """The error screen holds only its fixed message, a line of comfort and one button."""
    texts = {
        widget.text()
        for widget in window.error_screen.findChildren(QWidget)
        if isinstance(widget, QLabel | QAbstractButton)
    }
    assert texts == {
        "系统暂时出了点问题，请稍候或联系工作人员",
        "您可以返回首页重新开始。",
        "返回首页",
    }
