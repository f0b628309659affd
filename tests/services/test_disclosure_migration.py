"""Migration 0004 on stores and databases that already hold complaints: each gets the level
its ``anonymous`` meant, and no event, party or outbox row is lost on the way."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from central.db import Database, alembic_config
from kiosk.services.store import alembic_config as store_alembic_config
from kiosk.services.store import open_store
from tests.central.conftest import POSTGRES_ADMIN, _postgres_unavailable

ROWS = """
INSERT INTO regions (code, name, level) VALUES ('522730001001', '冠山村', 'village');
INSERT INTO households (id, file_number, village_code, address, status, registered_on,
    poverty_score, score_housing, score_food, score_labour, score_schooling, score_health,
    updated_at)
VALUES (1, '522730001001-0001', '522730001001', '一组', 'poor', '2014-03-01', 50, 10, 10, 10,
    10, 10, '2026-01-01 00:00:00');
"""

COMPLAINT = """
INSERT INTO complaints (id, tracking_number, secret_hash, idempotency_key, kiosk_code,
    category, household_id, text, anonymous, contact_phone, status, created_at)
VALUES (:id, :number, 'x', :key, 'DEMO-0001', 'other', :household, '', :anonymous, :phone,
    'received', '2026-01-01 00:00:00')
"""

#: id, anonymous, household, phone -> the level the migration must give it.
OLD = [
    (1, False, 1, "13800000000", "named"),
    (2, True, 1, None, "anonymous"),
    (3, True, None, None, "village_report"),
    (4, False, None, None, "named"),
]


def _fill(connection: Connection) -> None:
    for statement in ROWS.strip().split(";"):
        if statement.strip():
            connection.execute(text(statement))
    for complaint_id, anonymous, household, phone, _level in OLD:
        connection.execute(
            text(COMPLAINT),
            {
                "id": complaint_id,
                "number": f"38412290573{complaint_id}",
                "key": f"key-{complaint_id}-0123456789",
                "household": household,
                "anonymous": anonymous,
                "phone": phone,
            },
        )
        connection.execute(
            text(
                "INSERT INTO complaint_events (complaint_id, at, status, actor, note, public)"
                " VALUES (:id, '2026-01-01 00:00:00', 'received', 'kiosk', 'n', :public)"
            ),
            {"id": complaint_id, "public": True},
        )


def _check(engine: Engine) -> None:
    with engine.connect() as connection:
        levels = connection.execute(
            text("SELECT id, disclosure, complainant_name FROM complaints ORDER BY id")
        ).all()
        events = connection.execute(text("SELECT count(*) FROM complaint_events")).scalar()
    assert [(row[0], row[1]) for row in levels] == [(c[0], c[4]) for c in OLD]
    assert {row[2] for row in levels} == {""}
    assert events == len(OLD), "the migration lost events"
    columns = {c["name"] for c in inspect(engine).get_columns("complaints")}
    assert {"disclosure", "complainant_member_id", "complainant_name"} <= columns


def test_a_kiosk_store_keeps_its_complaints_and_gets_their_levels(tmp_path: Path) -> None:
    """A store at 0003 with complaints (foreign keys on, as the kiosk opens it) migrates in
    place: the levels derived, every event still there."""
    path = tmp_path / "kiosk.sqlite3"
    store = open_store(path, migrate=False)
    url = store.engine.url.render_as_string(hide_password=False)
    with store.engine.begin() as connection:
        config = store_alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    with store.engine.begin() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        _fill(connection)
    store.close()
    store = open_store(path)
    try:
        _check(store.engine)
        with (
            store.engine.connect() as connection,
            pytest.raises(IntegrityError, match="ck_complaints_disclosure"),
        ):
            connection.execute(text("UPDATE complaints SET disclosure = 'whispered'"))
        with store.engine.begin() as connection:
            config = store_alembic_config(url)
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        columns = {c["name"] for c in inspect(store.engine).get_columns("complaints")}
        assert "disclosure" not in columns
    finally:
        store.close()


@pytest.fixture
def postgres_at_0003() -> Iterator[str]:
    """A fresh PostgreSQL database with the kiosk chain at 0003 (and the server's tables)."""
    name = f"migration_test_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        _postgres_unavailable(type(exc).__name__)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{POSTGRES_ADMIN.rsplit('/', 1)[0]}/{name}"
    database = Database(url)
    with database.begin_write() as connection:
        config = alembic_config(database.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    database.dispose()
    yield url
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_the_central_database_gets_the_levels_on_postgresql(postgres_at_0003: str) -> None:
    """The server's PostgreSQL database at 0003 with complaints migrates to every head."""
    database = Database(postgres_at_0003)
    try:
        with database.begin_write() as connection:
            _fill(connection)
        database.migrate()
        _check(database.engine)
        # The levels themselves are checked by the database.
        with (
            database.engine.connect() as connection,
            pytest.raises(IntegrityError, match="ck_complaints_disclosure"),
        ):
            connection.execute(text("UPDATE complaints SET disclosure = 'whispered'"))
    finally:
        database.dispose()
