"""Migration c0003 moves the lockout from the account to (account, client) and loses no one."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from central.db import Database, alembic_config
from central.models import ComplaintAssignment, Inspector, InspectorSession
from central.passwords import hash_password
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, ComplaintCategory, DisciplineOffice
from tests.central.conftest import POSTGRES_ADMIN, _postgres_unavailable
from tests.central.seed_data import seed_world


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def unmigrated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database of either kind, no schema yet."""
    if request.param == "sqlite":
        database = Database(str(tmp_path / "central.sqlite3"))
        yield database
        database.dispose()
        return
    name = f"central_c0003_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        _postgres_unavailable(type(exc).__name__)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database = Database(f"{POSTGRES_ADMIN.rsplit('/', 1)[0]}/{name}")
    yield database
    database.dispose()
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _upgrade(database: Database, target: str) -> None:
    cfg = alembic_config(database.url)
    with database.begin_write() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def test_c0003_keeps_inspectors_their_sessions_and_assignments(unmigrated: Database) -> None:
    """An inspector with a live session and an assigned complaint, stored before c0003, is
    all still there after it (SQLite drops the old columns in place: copying the table
    would have cascaded to the sessions and been refused for the assignment)."""
    database = unmigrated
    _upgrade(database, "0004")  # the kiosk's chain, whose tables the central ones point to
    _upgrade(database, "c0002")
    now = utcnow()
    with database.session() as session:
        world = seed_world(session)
        office_id = session.scalars(
            select(DisciplineOffice.id).where(DisciplineOffice.code == world.county_office)
        ).one()
        complaint = Complaint(
            tracking_number="384122905738",
            secret_hash="x",
            idempotency_key="k" * 20,
            kiosk_code="TEST-0001",
            category=ComplaintCategory.FUNDS_WITHHELD,
            office_id=office_id,
            created_at=now,
            due_at=now + timedelta(days=30),
        )
        session.add(complaint)
        session.flush()
        # The model no longer has the old columns, so the row of then is written as SQL.
        session.execute(
            text(
                "INSERT INTO inspectors (id, username, display_name, office_id, password_hash,"
                " failed_logins, locked_until, active, created_at) VALUES (7, 'zhang', '张',"
                " :office, :hash, 3, NULL, :yes, :now)"
            ),
            {"office": office_id, "hash": hash_password("x" * 12), "yes": True, "now": now},
        )
        session.add(
            InspectorSession(
                token_hash="t" * 64,
                inspector_id=7,
                csrf_token="c" * 32,
                created_at=now,
                last_seen_at=now,
                expires_at=now + timedelta(hours=8),
            )
        )
        session.add(
            ComplaintAssignment(
                complaint_id=complaint.id, inspector_id=7, assigned_at=now, assigned_by="liu"
            )
        )
        session.commit()
    database.migrate()
    columns = {column["name"] for column in inspect(database.engine).get_columns("inspectors")}
    assert "failed_logins" not in columns and "locked_until" not in columns
    assert "login_throttles" in inspect(database.engine).get_table_names()
    with database.session() as session:
        inspector = session.get_one(Inspector, 7)
        assert inspector.username == "zhang"
        assert [s.token_hash for s in inspector.sessions] == ["t" * 64]
        assigned = session.scalars(select(ComplaintAssignment.inspector_id)).all()
        assert assigned == [7]
