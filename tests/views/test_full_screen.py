"""The kiosk covers the whole screen, also on a bare X server with no window manager."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.shell.full_screen import ScreenCover
from tests.test_app import START_TIMEOUT_S, STOP_TIMEOUT_S, LineReader
from tests.xdisplay import xvfb

_GEOMETRY = re.compile(r"-geometry (\d+)x(\d+)\+(-?\d+)\+(-?\d+)")


def window_geometry(display: str, title: str) -> tuple[int, int, int, int]:
    """(width, height, x, y) of the top-level X window called ``title``, as X sees it."""
    listing = subprocess.run(
        ["xwininfo", "-display", display, "-name", title],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    match = _GEOMETRY.search(listing)
    assert match is not None, listing
    width, height, x, y = (int(value) for value in match.groups())
    return width, height, x, y


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_kiosk_run_fullscreen_covers_a_bare_x_screen(
    clean_environ: dict[str, str], tmp_path: Path, store_path: Path, size: tuple[int, int]
) -> None:
    """`kiosk run --fullscreen` on Xvfb without a window manager is exactly the screen."""
    width, height = size
    config = tmp_path / "kiosk.toml"
    config.write_text("# defaults only\n", encoding="utf-8")
    with xvfb(width, height) as display:
        environ = dict(clean_environ, QT_QPA_PLATFORM="xcb", DISPLAY=display)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk",
                "run",
                "--config",
                str(config),
                "--db",
                str(store_path),
                "--fullscreen",
                "--language",
                "en",
            ],
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        try:
            assert process.stderr is not None
            output = LineReader(process.stderr)
            output.wait_for("Kiosk started", START_TIMEOUT_S)
            assert window_geometry(display, "Resident self-service kiosk") == (
                width,
                height,
                0,
                0,
            )
        finally:
            process.terminate()
            process.wait(timeout=STOP_TIMEOUT_S)


def test_the_window_follows_a_change_of_the_screens_size(qtbot: QtBot) -> None:
    """When the screen turns to portrait (or changes resolution) the window follows it.

    Xvfb cannot change its size once started, so the screen's own geometryChanged signal
    is emitted here as RandR would make Qt emit it after a rotation.
    """
    window = QWidget()
    qtbot.addWidget(window)
    cover = ScreenCover(window)
    cover.show()
    screen = window.screen()
    assert window.geometry() == screen.geometry()

    portrait = QRect(0, 0, 1080, 1920)
    screen.geometryChanged.emit(portrait)
    assert window.geometry() == portrait
    assert window.isFullScreen()
