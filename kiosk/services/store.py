"""The local store: one SQLite file in WAL mode, brought to the current schema by Alembic."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


class StoreError(Exception):
    """The local store cannot be opened or migrated; the message says what to do."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while a sync writes; FULL makes a commit survive power loss.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def create_store_engine(url: str) -> Engine:
    """An engine for the store at ``url`` with the pragmas every connection needs."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(resources.files("kiosk") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision(url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is current)."""
    url = engine.url.render_as_string(hide_password=False)
    cfg = alembic_config(url)
    current, head = current_revision(engine), head_revision(url)
    if current != head:
        log.info("Migrating the store from schema %s to %s", current or "(empty)", head)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass
class Store:
    """An open local store: the engine and the one session factory of the process."""

    engine: Engine
    sessionmaker: sessionmaker[Session]
    path: Path | None

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the SQLite store at ``path`` and migrate it to the head."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
    engine = create_store_engine(sqlite_url(path))
    try:
        if migrate:
            upgrade(engine)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        engine.dispose()
        raise StoreError(
            f"the store {path} cannot be opened or migrated ({type(exc).__name__}); "
            "run `kiosk doctor` for details"
        ) from exc
    return Store(
        engine=engine, sessionmaker=sessionmaker(engine, expire_on_commit=False), path=path
    )
