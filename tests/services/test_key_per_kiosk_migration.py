"""Migration 0006 on stores and databases that already hold complaints: the idempotency key
becomes unique per (kiosk_code, idempotency_key), and no complaint, event, party, outbox
row, verification, receipt or server record is lost or loses its link on the way."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from central.db import Database
from central.db import alembic_config as central_alembic_config
from kiosk.domain.base import Base
from kiosk.services.store import Store, open_store, stored_revision
from kiosk.services.store import alembic_config as store_alembic_config
from tests.central.conftest import POSTGRES_ADMIN, _postgres_unavailable

SHARED_KEY = "shared-key-0123456789"
OLD_CLAUSE = "CONSTRAINT uq_complaints_idempotency_key UNIQUE (idempotency_key)"
NEW_CLAUSE = "CONSTRAINT uq_complaints_kiosk_code UNIQUE (kiosk_code, idempotency_key)"

ROWS = """
INSERT INTO regions (code, name, level) VALUES ('522730001001', '冠山村', 'village');
INSERT INTO households (id, file_number, village_code, address, status, registered_on,
    poverty_score, score_housing, score_food, score_labour, score_schooling, score_health,
    updated_at)
VALUES (1, '522730001001-0001', '522730001001', '一组', 'poor', '2014-03-01', 50, 10, 10, 10,
    10, 10, '2026-01-01 00:00:00');
INSERT INTO aid_records (id, reference, household_id, programme, amount_fen, paid_on,
    department, channel, note)
VALUES (1, 'JZ-2014-1', 1, 'disaster_relief', 800000, '2014-07-03', '龙里县民政局',
    'one_card', '');
INSERT INTO complaint_events (id, complaint_id, at, status, actor, note, public)
VALUES (11, 1, '2026-01-01 00:00:00', 'received', 'kiosk', 'n', true),
    (12, 2, '2026-01-01 00:00:00', 'received', 'kiosk', 'n', true),
    (13, 2, '2026-01-02 00:00:00', 'investigating', 'inspector', 'm', false);
INSERT INTO implicated_parties (id, complaint_id, kind, name) VALUES (21, 1, 'person', '某人');
INSERT INTO complaint_outbox (id, complaint_id, idempotency_key, body, state, attempts,
    next_attempt_at, last_error, created_at)
VALUES (31, 1, 'shared-key-0123456789', :body, 'pending', 2, '2026-01-01 00:00:00', '',
    '2026-01-01 00:00:00'),
    (32, 2, 'other-key-0123456789', :body, 'sent', 1, '2026-01-01 00:00:00', '',
    '2026-01-01 00:00:00');
INSERT INTO aid_verifications (id, aid_record_id, kind, received_fen, created_at, kiosk_code,
    complaint_id)
VALUES (41, 1, 'received_less', 400000, '2026-01-01 00:00:00', 'DEMO-0001', 1);
INSERT INTO receipts (id, serial, kind, kiosk_code, complaint_id, issued_at, payload_sha256,
    signature)
VALUES (51, 'R-1', 'complaint', 'DEMO-0001', 1, '2026-01-01 00:00:00', 'ab', 'cd')
"""

#: On the central server's database: its own rows that point at complaints and events.
SERVER_ROWS = """
INSERT INTO public_notes (id, event_id, code, params) VALUES (61, 11, 'received', '{}');
INSERT INTO idempotency_records (id, kiosk_code, key, body_sha256, response_status,
    response_body, complaint_id, created_at)
VALUES (71, 'DEMO-0001', 'shared-key-0123456789', 'ab', 201, :body, 1,
    '2026-01-01 00:00:00')
"""

COMPLAINT = """
INSERT INTO complaints (id, tracking_number, secret_hash, idempotency_key, kiosk_code,
    category, household_id, aid_record_id, text, anonymous, contact_phone, status, created_at)
VALUES (:id, :number, 'x', :key, :kiosk, 'funds_withheld', 1, 1, '', false, NULL,
    'received', '2026-01-01 00:00:00')
"""

KIOSK_TABLES = (
    "complaints",
    "complaint_events",
    "implicated_parties",
    "complaint_outbox",
    "aid_verifications",
    "receipts",
)
SERVER_TABLES = (*KIOSK_TABLES, "public_notes", "idempotency_records")


def _execute_all(connection: Connection, statements: str) -> None:
    for statement in statements.strip().split(";"):
        if statement.strip():
            body = {"body": b"{}"} if ":body" in statement else {}
            connection.execute(text(statement), body)


def _complaint(connection: Connection, complaint_id: int, key: str, kiosk: str) -> None:
    connection.execute(
        text(COMPLAINT),
        {"id": complaint_id, "number": f"3841229057{complaint_id:02d}", "key": key, "kiosk": kiosk},
    )


def _fill(connection: Connection, extra: str = "") -> None:
    complaint_rows = ROWS.split("INSERT INTO complaint_events")
    _execute_all(connection, complaint_rows[0])
    _complaint(connection, 1, SHARED_KEY, "DEMO-0001")
    _complaint(connection, 2, "other-key-0123456789", "DEMO-0001")
    _execute_all(connection, "INSERT INTO complaint_events" + complaint_rows[1])
    if extra:
        _execute_all(connection, extra)


def _snapshot(engine: Engine, tables: tuple[str, ...]) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            name: [
                tuple(row) for row in connection.execute(text(f"SELECT * FROM {name} ORDER BY id"))
            ]
            for name in tables
        }


def _complaints_sql(engine: Engine) -> str:
    with engine.connect() as connection:
        found = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'complaints'"
        ).scalar_one()
    # A table renamed into place is written back with its name quoted.
    return str(found).replace('CREATE TABLE "complaints"', "CREATE TABLE complaints", 1)


def _check_key_per_kiosk(engine: Engine) -> None:
    """The same key is taken by another kiosk, and refused for the one that has it."""
    with engine.begin() as connection:
        _complaint(connection, 3, SHARED_KEY, "DEMO-0002")
    with pytest.raises(IntegrityError, match="kiosk_code"), engine.begin() as connection:
        _complaint(connection, 4, SHARED_KEY, "DEMO-0001")
    with engine.connect() as connection:
        pairs = connection.execute(
            text("SELECT kiosk_code FROM complaints WHERE idempotency_key = :key ORDER BY id"),
            {"key": SHARED_KEY},
        ).scalars()
        assert list(pairs) == ["DEMO-0001", "DEMO-0002"]


def _to(store: Store, revision: str, *, down: bool = False) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    with store.engine.begin() as connection:
        config = store_alembic_config(url)
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


@pytest.fixture
def store_at_0005(tmp_path: Path) -> Iterator[Path]:
    """A kiosk store at 0005 (foreign keys on, as the kiosk opens it) holding complaints,
    every kind of row that refers to them, and the schema as 0005 made it."""
    path = tmp_path / "kiosk.sqlite3"
    store = open_store(path, migrate=False)
    _to(store, "0005")
    with store.engine.begin() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        _fill(connection)
    store.close()
    yield path


def test_a_kiosk_store_keeps_every_row_and_link(store_at_0005: Path) -> None:
    """Opening a 0005 store migrates it in place: every row of the complaints and of the
    six tables that point at them is as it was, ids and links included, and the table is
    the old one with only its unique clause changed (checks, defaults, foreign keys kept)."""
    store = open_store(store_at_0005, migrate=False)
    before, old_sql = _snapshot(store.engine, KIOSK_TABLES), _complaints_sql(store.engine)
    assert OLD_CLAUSE in old_sql
    store.close()
    store = open_store(store_at_0005)
    try:
        assert stored_revision(store_at_0005) == "0006"
        assert _snapshot(store.engine, KIOSK_TABLES) == before
        assert _complaints_sql(store.engine) == old_sql.replace(OLD_CLAUSE, NEW_CLAUSE)
        indexes = {index["name"] for index in inspect(store.engine).get_indexes("complaints")}
        assert indexes == {"ix_complaints_household_id", "ix_complaints_office_status"}
        with store.engine.connect() as connection:
            leftovers = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE '%0006%'"
            ).all()
            assert leftovers == []
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        store.close()


def test_the_migrated_store_refuses_a_pair_twice_and_allows_the_key_elsewhere(
    store_at_0005: Path,
) -> None:
    """After 0006 one kiosk cannot use a key twice, another kiosk may use it; and the
    events still point at the new table (deleting a complaint deletes its events)."""
    store = open_store(store_at_0005)
    try:
        _check_key_per_kiosk(store.engine)
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO complaint_events (complaint_id, at, status, actor, note, public)"
                    " VALUES (3, '2026-01-03 00:00:00', 'received', 'kiosk', 'n', true)"
                )
            )
            connection.execute(text("DELETE FROM complaints WHERE id = 3"))
            orphans = connection.execute(
                text("SELECT count(*) FROM complaint_events WHERE complaint_id = 3")
            ).scalar()
        assert orphans == 0
    finally:
        store.close()


def test_the_migrated_store_agrees_with_the_models(store_at_0005: Path) -> None:
    """Alembic finds no difference between the migrated store and the models, unique
    constraints and indexes included, but one it cannot read: SQLite reflection gives no
    name and no ON DELETE for a column-level REFERENCES, the form 0004 had to use."""
    store = open_store(store_at_0005)
    try:
        with store.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        store.close()
    unread = [
        (kind, list(fk.columns.keys()))
        for kind, fk in (d for d in differences if isinstance(d, tuple))
        if kind in {"add_fk", "remove_fk"}
    ]
    assert sorted(unread) == [
        ("add_fk", ["complainant_member_id"]),
        ("remove_fk", ["complainant_member_id"]),
    ]
    assert len(differences) == len(unread), differences


def test_downgrading_is_refused_whole_while_two_kiosks_share_a_key(store_at_0005: Path) -> None:
    """Back to 0005 a key is unique on its own: with two kiosks sharing one the downgrade
    fails and leaves the store at 0006 with every row; without, it restores the old table."""
    store = open_store(store_at_0005)
    try:
        migrated_sql = _complaints_sql(store.engine)
        with store.engine.begin() as connection:
            _complaint(connection, 3, SHARED_KEY, "DEMO-0002")
        kept = _snapshot(store.engine, KIOSK_TABLES)
        with pytest.raises(IntegrityError):
            _to(store, "0005", down=True)
        assert stored_revision(store_at_0005) == "0006"
        assert _snapshot(store.engine, KIOSK_TABLES) == kept
        assert _complaints_sql(store.engine) == migrated_sql
        assert "local_status_attempts" in inspect(store.engine).get_table_names()

        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM complaints WHERE id = 3"))
        before = _snapshot(store.engine, KIOSK_TABLES)
        _to(store, "0005", down=True)
        assert stored_revision(store_at_0005) == "0005"
        assert _snapshot(store.engine, KIOSK_TABLES) == before
        assert _complaints_sql(store.engine) == migrated_sql.replace(NEW_CLAUSE, OLD_CLAUSE)
        assert "local_status_attempts" not in inspect(store.engine).get_table_names()
    finally:
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central_at_0005(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The central server's database of either kind with the kiosk chain at 0005 and the
    server's own tables, holding complaints that its rows point at."""
    name = ""
    if request.param == "sqlite":
        database = Database(str(tmp_path / "central.sqlite3"))
    else:
        name = f"migration_0006_{secrets.token_hex(4)}"
        try:
            admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
        except psycopg.OperationalError as exc:
            _postgres_unavailable(type(exc).__name__)
        with admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        database = Database(f"{POSTGRES_ADMIN.rsplit('/', 1)[0]}/{name}")
    with database.begin_write() as connection:
        config = central_alembic_config(database.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        command.upgrade(config, "c0003")  # the server's own tables, some pointing at complaints
    assert "0006" not in database.current_revisions()
    with database.begin_write() as connection:
        _fill(connection, SERVER_ROWS)
    yield database
    database.dispose()
    if name:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_central_database_keeps_its_rows_and_takes_a_key_per_kiosk(
    central_at_0005: Database,
) -> None:
    """On the server's database, SQLite or PostgreSQL, its own records of the complaints
    (their public notes, the idempotency record) keep their links, and two kiosks may now
    file under the same key, as the contract says."""
    database = central_at_0005
    before = _snapshot(database.engine, SERVER_TABLES)
    database.migrate()
    assert "0006" in database.current_revisions()
    assert _snapshot(database.engine, SERVER_TABLES) == before
    _check_key_per_kiosk(database.engine)
