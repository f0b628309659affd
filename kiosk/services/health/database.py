"""The local store: present, intact, in WAL mode, on the current schema, with data."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from kiosk.services.health.base import CheckResult, Status
from kiosk.services.store import alembic_config, current_revision, head_revision, sqlite_url


def _damaged(path: Path, detail: str) -> CheckResult:
    return CheckResult(
        "database",
        Status.PROBLEM,
        f"the store {path} is damaged ({detail})",
        f"call the installer; do not delete {path}: it may hold complaints not yet sent",
    )


def check_database(path: Path) -> CheckResult:
    """The store exists, is intact, in WAL mode, at the current schema, and has households.

    It opens the file read-only and never creates it, so running the doctor changes nothing.
    """
    name = "database"
    if not path.exists():
        return CheckResult(
            name,
            Status.PROBLEM,
            f"no store at {path}",
            f"load the register with `kiosk import`, or for a demo `kiosk demo-data --db {path}`",
        )
    if not path.is_file() or not os.access(path, os.R_OK):
        return CheckResult(
            name,
            Status.PROBLEM,
            f"cannot read the store {path}",
            "run `kiosk doctor` as the user the kiosk runs as, and check the file's owner",
        )
    ro_uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(ro_uri, uri=True),
        poolclass=NullPool,
    )
    head = head_revision(sqlite_url(path))
    try:
        with engine.connect() as conn:
            integrity = [
                str(row) for row in conn.exec_driver_sql("PRAGMA integrity_check").scalars()
            ]
            if integrity != ["ok"]:
                return _damaged(path, f"integrity check: {integrity[0]}")
            journal_mode = str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())
            has_households_table = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'households'"
            ).scalar()
            households = (
                int(conn.exec_driver_sql("SELECT count(*) FROM households").scalar_one())
                if has_households_table
                else 0
            )
        current = current_revision(engine)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        cause = getattr(exc, "orig", None) or exc
        detail = str(cause).splitlines()[0]
        if isinstance(cause, sqlite3.OperationalError):  # locked, or no right to open it
            return CheckResult(
                name,
                Status.PROBLEM,
                f"cannot open the store {path} ({detail})",
                "run `kiosk doctor` as the user the kiosk runs as; if it persists, restart it",
            )
        return _damaged(path, detail)  # "file is not a database", "malformed", ...
    finally:
        engine.dispose()

    if current is None:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"{path} is not a kiosk store (no schema version)",
            "check store.path in the configuration, or rebuild the store with `kiosk import`",
        )
    if current != head:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the store's schema is {current}, this kiosk needs {head}",
            _migration_fix(current),
        )
    warnings = []
    fixes = []
    if journal_mode.lower() != "wal":
        warnings.append(f"journal mode is {journal_mode}, not wal")
        fixes.append("restart the kiosk: it switches the store to WAL when it opens it")
    if households == 0:
        warnings.append("the store has no households yet")
        fixes.append("load the register with `kiosk import`")
    if warnings:
        return CheckResult(name, Status.WARNING, f"{path}: {'; '.join(warnings)}", "; ".join(fixes))
    noun = "household" if households == 1 else "households"
    return CheckResult(
        name, Status.OK, f"{path}: intact, schema {current}, WAL, {households} {noun}"
    )


def _migration_fix(current: str) -> str:
    """Restarting migrates a store from an older kiosk; one from elsewhere needs the installer."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        known = script.get_revision(current) is not None
    except CommandError:
        known = False
    if known:
        return "restart the kiosk: it brings the store up to date when it starts"
    return "the store comes from another kiosk version: call the installer before starting it"
