"""Demo data tests' workbench: real SQLite stores made by the public ``kiosk demo-data``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.domain.base import Base
from kiosk.services.store import Store, open_store

SMALL = 60
SEED = 7


def make_demo_store(
    path: Path, *, households: int = SMALL, seed: int = SEED, extra: tuple[str, ...] = ()
) -> int:
    """Run the real command into ``path`` with the built-in configuration (no KIOSK_*
    variables from the shell, no system file); return its exit code."""
    argv = ["demo-data", "--db", str(path), "--households", str(households), "--seed", str(seed)]
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("KIOSK_")]:
            patch.delenv(name)
        patch.setattr("kiosk.config.SYSTEM_CONFIG", path.parent / "no-such-kiosk.toml")
        return main([*argv, *extra])


Dump = dict[str, list[tuple[Any, ...]]]


def dump(path: Path) -> Dump:
    """Every row of every table, ordered by primary key: equal dumps mean equal stores."""
    store = open_store(path, migrate=False)
    try:
        with store.engine.connect() as conn:
            return {
                table.name: [
                    tuple(row)
                    for row in conn.execute(select(table).order_by(*table.primary_key.columns))
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        store.close()


@pytest.fixture
def run_demo() -> Callable[..., int]:
    """``kiosk demo-data`` as a function: ``run_demo(path, households=60, seed=7)``."""
    return make_demo_store


@pytest.fixture
def dump_store() -> Callable[[Path], Dump]:
    """A canonical dump of a store file (see :func:`dump`)."""
    return dump


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One 60-household demo store per test module, opened for reading.

    Tests using it only read; sharing it saves a generation per test.
    """
    path = tmp_path_factory.mktemp("demo") / "kiosk.sqlite3"
    assert make_demo_store(path) == 0
    store = open_store(path, migrate=False)
    yield store
    store.close()
