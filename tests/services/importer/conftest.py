"""Fixtures for the importer tests: a fresh SQLite store in tmp_path and a bench over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.services.store import Store, open_store
from tests.services.importer.bench import Bench


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "kiosk.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def bench(tmp_path: Path, store: Store) -> Bench:
    folder = tmp_path / "csv"
    folder.mkdir()
    return Bench(folder, store)
