"""The local store: one SQLite file in WAL mode, brought to the current schema by Alembic.

Alembic takes a quarter of a second and some 17 MiB to import, and the store is almost
always current already. So :func:`open_store` first compares the revision in the store's
``alembic_version`` table, read with plain ``sqlite3``, with the newest revision named in
the migration files; only when they differ (or cannot be told apart) does Alembic run.
:func:`office_name_at_a_glance` reads the one thing the attract screen shows from the
store, also with plain ``sqlite3``: importing this module loads neither SQLAlchemy nor
Alembic, which come when a store is opened.

What is removed from the store must leave no trace in its files: every connection zeroes
what it deletes or overwrites (``secure_delete``), and :func:`truncate_wal` empties the WAL,
which keeps pages as they were before each commit (the outbox calls it after it scrubs a
delivered complaint).
"""

from __future__ import annotations

import ast
import logging
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

#: ``revision = "0001"`` and ``down_revision = None`` at the top of a migration file.
_REVISION_LINE = re.compile(
    r"^(?P<key>revision|down_revision)\s*(?::[^=]*)?=\s*(?P<value>.+?)\s*$", re.MULTILINE
)
#: Levels whose names go before a place's name (see ``kiosk.services.places.place_name``).
_NAMED_ABOVE = ("township", "village")
#: How long a statement waits for another connection's lock before "database is locked".
BUSY_TIMEOUT_MS = 5000
#: How long a WAL checkpoint may hold up writers while it waits for readers.
CHECKPOINT_BUSY_MS = 200
#: Revisions whose outbox scrubbed delivered complaints without ``secure_delete``: the free
#: space of such a store may still hold what was scrubbed, until it is rebuilt once.
_BEFORE_SECURE_DELETE = frozenset({"0003", "0004"})


class StoreError(Exception):
    """The local store cannot be opened or migrated; the message says what to do."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while a sync writes; FULL makes a commit survive power loss.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # What is deleted or overwritten is overwritten with zeros, in its page and in the pages
    # it frees, so a scrubbed secret or phone is not left in the file's free space.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def truncate_wal(connection: Connection, *, busy_timeout_ms: int = CHECKPOINT_BUSY_MS) -> bool:
    """Copy the WAL into the store file and cut the WAL to zero bytes; True when done.

    The WAL keeps every page as it was before each commit, scrubbed or not, until a
    checkpoint; only truncation removes those old pages from the disk. A checkpoint must
    wait for readers of older pages and blocks writers while it waits, so it waits at most
    ``busy_timeout_ms`` and reports False when a reader or a writer was in the way: try
    again later. ``connection`` must not be in a transaction. On a store that is not in WAL
    mode there is nothing to do (True).
    """
    driver = connection.connection.driver_connection
    if driver is None or connection.dialect.name != "sqlite":
        return True
    if driver.in_transaction:
        return False
    driver.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
    try:
        busy, _frames, _copied = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:  # locked beyond the timeout
        return False
    finally:
        driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return int(busy) == 0


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def create_store_engine(url: str) -> Engine:
    """An engine for the store at ``url`` with the pragmas every connection needs."""
    from sqlalchemy import create_engine, event

    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(resources.files("kiosk") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision(url: str) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is current).

    A store that delivered complaints before migration 0005 is then rebuilt once
    (:func:`wipe_free_space`): the versions before scrubbed them without zeroing."""
    from alembic import command

    url = engine.url.render_as_string(hide_password=False)
    cfg = alembic_config(url)
    current, head = current_revision(engine), head_revision(url)
    if current != head:
        log.info("Migrating the store from schema %s to %s", current or "(empty)", head)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    if current in _BEFORE_SECURE_DELETE and _has_delivered(engine):
        log.info("Wiping the store's free space of what earlier versions scrubbed")
        wipe_free_space(engine)


def _has_delivered(engine: Engine) -> bool:
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT 1 FROM complaint_outbox WHERE state = 'sent' LIMIT 1"
        ).first()
    return found is not None


def wipe_free_space(engine: Engine) -> None:
    """Rebuild the store (VACUUM) so no free page or free space of a page is left, then
    truncate the WAL. It takes the write lock for as long as it runs (seconds for a county's
    store) and needs as much free disk as the store: for start-up, not for a running kiosk."""
    with engine.connect() as conn:
        autocommit = conn.execution_options(isolation_level="AUTOCOMMIT")
        autocommit.exec_driver_sql("VACUUM")
        truncate_wal(autocommit, busy_timeout_ms=BUSY_TIMEOUT_MS)


def migration_head() -> str | None:
    """The newest revision among the migration files, read as text (no Alembic), or None
    when it cannot be told for sure (no files, several heads, a line not understood)."""
    revisions: dict[str, tuple[str, ...]] = {}
    versions = resources.files("kiosk") / "migrations" / "versions"
    for entry in versions.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        found = {m["key"]: m["value"] for m in _REVISION_LINE.finditer(entry.read_text("utf-8"))}
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        revisions[revision] = (down,) if isinstance(down, str) else tuple(down or ())
    superseded = {down for downs in revisions.values() for down in downs}
    heads = [revision for revision in revisions if revision not in superseded]
    return heads[0] if len(heads) == 1 else None


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the store at ``path``, read with plain ``sqlite3``;
    None for a store that does not exist yet or has no schema."""
    if not path.exists():
        return None
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: a new, empty store
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def schema_is_current(path: Path) -> bool:
    """Whether the store at ``path`` is known to be at the newest migration already."""
    try:
        stored = stored_revision(path)
    except sqlite3.Error:
        return False  # let Alembic look, and say what is wrong
    return stored is not None and stored == migration_head()


def office_name_at_a_glance(path: Path, region_code: str) -> str | None:
    """The terminal's place as the attract screen shows it (e.g. "龙里县冠山街道"), read
    with plain ``sqlite3``; None when the store, its schema or the region is missing.

    It follows the same rule as ``kiosk.services.places.place_name``: the region's name
    preceded by its township and county. It runs before the first paint, which must not
    wait for SQLAlchemy's ORM; a test checks the two agree.
    """
    try:
        if not path.exists():
            return None
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names: list[str] = []
            code: str | None = region_code
            while code is not None:
                row = connection.execute(
                    "SELECT name, level, parent_code FROM regions WHERE code = ?", (code,)
                ).fetchone()
                if row is None:
                    return None if not names else "".join(names)
                name, level, parent = row
                names.insert(0, name)
                code = parent if level in _NAMED_ABOVE else None
            return "".join(names)
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # the store is opened properly after the first paint, and reports it


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
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import sessionmaker

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
    engine = create_store_engine(sqlite_url(path))
    try:
        if migrate and not schema_is_current(path):
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
