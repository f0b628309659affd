"""idempotency key unique per kiosk; wrong secrets typed at the kiosk, to throttle guessing

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 17:00:00

A complaint's idempotency key was unique on its own; the contract makes it unique per kiosk,
(kiosk_code, idempotency_key): each terminal draws its own keys, and the central server's
complaints table, which these migrations also make, holds every terminal's complaints. The
outbox keeps its key unique on its own: it holds only this terminal's messages.

``local_status_attempts`` holds one row per wrong secret typed at this kiosk for a complaint
still in its outbox (tracking number and time, never the secret).

SQLite cannot change a table's constraints in place, so there the complaints table is
rebuilt, as SQLite's documentation describes: a new table from the old one's own CREATE
statement with only the unique clause changed, the rows copied, the old table dropped, the
new one renamed, its indexes made again. Not with Alembic's batch mode: the kiosk migrates
in one transaction with foreign keys on, where dropping the old table deletes every event
and party of every complaint through their ON DELETE CASCADE (and is refused while the
outbox refers to it), and batch mode's reflected copy of the table would lose the ON DELETE
SET NULL of ``complainant_member_id``, added by 0004. So the rows of every table that refers
to complaints, directly or through another (events, parties, outbox, verifications,
receipts; on the server's SQLite database its own tables too), are set aside in the same
store, removed, and put back once the new table stands; ids and links stay as they were.
The whole rebuild runs in one transaction: a crash in the middle leaves the store at 0005.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GLOBAL_KEY = "CONSTRAINT uq_complaints_idempotency_key UNIQUE (idempotency_key)"
_KEY_PER_KIOSK = "CONSTRAINT uq_complaints_kiosk_code UNIQUE (kiosk_code, idempotency_key)"
_CREATE_COMPLAINTS = re.compile(r'^CREATE TABLE\s+"?complaints"?\s*\(')
_SET_ASIDE = "_0006_"


def upgrade() -> None:
    _one_transaction()
    op.create_table(
        "local_status_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_status_attempts")),
    )
    with op.batch_alter_table("local_status_attempts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_local_status_attempts_tracking_number"),
            ["tracking_number"],
            unique=False,
        )
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_complaints(_GLOBAL_KEY, _KEY_PER_KIOSK)
    else:
        op.drop_constraint(op.f("uq_complaints_idempotency_key"), "complaints", type_="unique")
        op.create_unique_constraint(
            op.f("uq_complaints_kiosk_code"), "complaints", ["kiosk_code", "idempotency_key"]
        )


def downgrade() -> None:
    """Back to a key unique on its own: refused if two kiosks' complaints share a key."""
    _one_transaction()
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_complaints(_KEY_PER_KIOSK, _GLOBAL_KEY)
    else:
        op.drop_constraint(op.f("uq_complaints_kiosk_code"), "complaints", type_="unique")
        op.create_unique_constraint(
            op.f("uq_complaints_idempotency_key"), "complaints", ["idempotency_key"]
        )
    with op.batch_alter_table("local_status_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_local_status_attempts_tracking_number"))
    op.drop_table("local_status_attempts")


def _one_transaction() -> None:
    """Open the transaction on SQLite if none is open yet: pysqlite opens one only before a
    row is written, so the DDL before that would be committed statement by statement."""
    bind = op.get_bind()
    driver = bind.connection.driver_connection
    if bind.dialect.name == "sqlite" and driver is not None and not driver.in_transaction:
        bind.exec_driver_sql("BEGIN IMMEDIATE")


def _rebuild_complaints(old_clause: str, new_clause: str) -> None:
    """Make the complaints table again with ``old_clause`` replaced by ``new_clause``,
    keeping every row of it and of the tables that refer to it (see the module's text)."""
    bind = op.get_bind()
    table_sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'complaints'"
    ).scalar_one()
    if table_sql.count(old_clause) != 1 or not _CREATE_COMPLAINTS.match(table_sql):
        raise RuntimeError("the complaints table is not as the previous revision made it")
    new_sql = _CREATE_COMPLAINTS.sub(
        "CREATE TABLE _0006_complaints (", table_sql.replace(old_clause, new_clause), count=1
    )
    indexes = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'complaints'"
        " AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).scalars()
    recreate = list(indexes)
    dependents = _referring_tables(bind, "complaints")
    for name in dependents:
        bind.exec_driver_sql(f'CREATE TABLE "{_SET_ASIDE}{name}" AS SELECT * FROM "{name}"')
    for name in reversed(dependents):
        bind.exec_driver_sql(f'DELETE FROM "{name}"')
    bind.exec_driver_sql(new_sql)
    bind.exec_driver_sql("INSERT INTO _0006_complaints SELECT * FROM complaints")
    bind.exec_driver_sql("DROP TABLE complaints")
    bind.exec_driver_sql("ALTER TABLE _0006_complaints RENAME TO complaints")
    for statement in recreate:
        bind.exec_driver_sql(statement)
    for name in dependents:
        bind.exec_driver_sql(f'INSERT INTO "{name}" SELECT * FROM "{_SET_ASIDE}{name}"')
        bind.exec_driver_sql(f'DROP TABLE "{_SET_ASIDE}{name}"')
    broken = bind.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise RuntimeError(f"a row of {broken[0]} lost what it refers to")


def _referring_tables(bind: Connection, parent: str) -> list[str]:
    """Every table whose rows refer to ``parent``, directly or through other such tables,
    each after the tables it refers to, so rows can be put back in this order."""
    names = bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).scalars()
    refers = {
        name: {
            str(row[2]).lower()
            for row in bind.exec_driver_sql(f'PRAGMA foreign_key_list("{name}")')
        }
        - {name}
        for name in list(names)
    }
    found: set[str] = set()
    reached = {parent}
    while reached:
        reached = (
            {name for name, targets in refers.items() if targets & (reached | found)}
            - found
            - {parent}
        )
        found |= reached
    ordered: list[str] = []
    while found:
        ready = sorted(name for name in found if not refers[name] & found)
        if not ready:
            raise RuntimeError("tables that refer to complaints refer to each other in a ring")
        ordered += ready
        found -= set(ready)
    return ordered
