"""The central database: PostgreSQL in production, one SQLite file for a single-machine demo.

The schema comes from one Alembic history over two folders: the kiosk's chain for the domain
tables and the central branch for server-only tables (see ``central/migrations/env.py``).
"""

from __future__ import annotations

import logging
import os
from contextlib import AbstractContextManager
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

_IMMEDIATE = "central_sqlite_immediate"


def normalize_url(url: str) -> str:
    """A SQLAlchemy URL: plain ``postgresql://`` goes through psycopg 3, a bare path is SQLite."""
    if "://" not in url:
        return f"sqlite+pysqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is switched off so that "begin" below decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A deferred SQLite transaction that reads and then writes fails at once (SQLITE_BUSY)
    # when another writer got in between; taking the write lock at BEGIN makes concurrent
    # writers wait their turn instead. Readers are never blocked in WAL mode, and plain
    # sessions stay deferred so that a reader never waits for a writer.
    if connection.get_execution_options().get(_IMMEDIATE):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def alembic_config(url: str) -> AlembicConfig:
    """Alembic configuration over the kiosk's chain and the central branch."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(resources.files("central") / "migrations"))
    locations = [
        str(resources.files("kiosk") / "migrations" / "versions"),
        str(resources.files("central") / "migrations" / "versions"),
    ]
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", os.pathsep.join(locations))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class Database:
    """One database: its engine, the one session factory of the process, and migrations."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalize_url(url)
        self.engine: Engine = create_engine(self.url, echo=echo, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            path = self.engine.url.database
            if path and path != ":memory:" and not path.startswith("file:"):
                # The default file lives under the data dir, which a fresh machine lacks.
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        self.sessionmaker: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        #: Sessions that read and then write: on SQLite they take the write lock at once.
        #: On PostgreSQL they are the same as plain sessions.
        self.write_sessionmaker: sessionmaker[Session] = sessionmaker(
            self.engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def safe_url(self) -> str:
        """The URL without its password, for logs and messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    def heads(self) -> set[str]:
        script = ScriptDirectory.from_config(alembic_config(self.url))
        return set(script.get_heads())

    def current_revisions(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())

    def is_current(self) -> bool:
        """Whether every head is applied (a head may be stored only as a dependency)."""
        script = ScriptDirectory.from_config(alembic_config(self.url))
        current = tuple(self.current_revisions())
        applied = {rev.revision for rev in script.revision_map.iterate_revisions(current, "base")}
        return set(script.get_heads()) <= applied

    def migrate(self) -> None:
        """Bring the schema to every head (kiosk chain and central branch); a no-op if current."""
        if not self.is_current():
            log.info(
                "Migrating the central database from %s to %s",
                ", ".join(sorted(self.current_revisions())) or "(empty)",
                ", ".join(sorted(self.heads())),
            )
        cfg = alembic_config(self.url)
        with self.begin_write() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")

    def session(self) -> Session:
        return self.sessionmaker()

    def begin_write(self) -> AbstractContextManager[Connection]:
        """A connection in a transaction that will write (committed when the block ends)."""
        return self.engine.execution_options(**{_IMMEDIATE: True}).begin()

    def write_session(self) -> Session:
        """A session for a transaction that reads, then writes (see ``write_sessionmaker``)."""
        return self.write_sessionmaker()

    def dispose(self) -> None:
        self.engine.dispose()
