"""Fixtures every test may use. Put fixtures of one area in that area's conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Before pytest-qt creates the QApplication: tests never need (or open) a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests run on a shared CI machine: judge them by their examples, not by the clock.
settings.register_profile("kiosk", deadline=None, print_blob=True)
settings.load_profile("kiosk")


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """Arguments of the test QApplication: a program name and nothing Qt would parse."""
    return ["kiosk-tests"]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a fresh local store for this test goes (not created yet)."""
    return tmp_path / "var" / "kiosk.sqlite3"


@pytest.fixture
def clean_environ(tmp_path: Path) -> dict[str, str]:
    """Environment for a ``kiosk`` subprocess: no KIOSK_* settings from the shell, no
    display, and data folders inside this test's tmp_path."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environ.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_RUNTIME_DIR=str(tmp_path / "xdg-runtime"),
        PYTHONUNBUFFERED="1",
        # The package under test, even when it is not installed into the interpreter.
        PYTHONPATH=os.pathsep.join(
            [str(Path(__file__).resolve().parents[1]), *filter(None, [environ.get("PYTHONPATH")])]
        ),
    )
    (tmp_path / "xdg-runtime").mkdir(mode=0o700, exist_ok=True)
    return environ
