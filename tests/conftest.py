"""Fixtures every test may use. Put fixtures of one area in that area's conftest.py."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.services.demo import generate_demo_data
from kiosk.services.demo.generator import DEFAULT_SEED
from kiosk.services.store import open_store

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


#: The terminal of the built-in configuration (kiosk/default.toml), which ``kiosk demo-data``
#: writes into a store when nothing else is configured.
DEMO_TERMINAL_CODE = "DEMO-0001"
#: Guanshan street office, Longli county: where the first demo scenario lives.
DEMO_TERMINAL_REGION = "522730001"

DemoTemplate = Callable[..., Path]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    """A demo store file, made once per run for each set of arguments; tests copy it,
    never change it. ``demo_template(households=20, seed=3)`` is what ``kiosk demo-data
    --households 20 --seed 3`` writes with the built-in configuration; ``id_hash_key``,
    ``terminal_code`` and ``terminal_region_code`` stand in for another configuration."""
    made: dict[tuple[int, int, bytes, str, str], Path] = {}

    def template(
        *,
        households: int,
        seed: int = DEFAULT_SEED,
        id_hash_key: bytes = DEMO_ID_HASH_KEY,
        terminal_code: str = DEMO_TERMINAL_CODE,
        terminal_region_code: str = DEMO_TERMINAL_REGION,
    ) -> Path:
        key = (households, seed, id_hash_key, terminal_code, terminal_region_code)
        if key not in made:
            path = tmp_path_factory.mktemp("demo-store") / "kiosk.sqlite3"
            store = open_store(path)
            try:
                generate_demo_data(
                    store.engine,
                    id_hash_key=id_hash_key,
                    terminal_code=terminal_code,
                    terminal_region_code=terminal_region_code,
                    households=households,
                    seed=seed,
                )
            finally:
                store.close()
            made[key] = path
        return made[key]

    return template
