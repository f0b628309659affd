"""login throttles: wrong passwords counted per inspector and client address, not per account

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-07 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0003"
down_revision: str | None = "c0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_throttles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("forget_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_login_throttles_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_throttles")),
        sa.UniqueConstraint("inspector_id", "client", name=op.f("uq_login_throttles_inspector_id")),
    )
    op.create_index(
        op.f("ix_login_throttles_forget_at"), "login_throttles", ["forget_at"], unique=False
    )
    # The account-wide counters go. Dropped in place (ALTER TABLE ... DROP COLUMN, SQLite
    # 3.35 and later), not by copying the table: with foreign keys on, dropping the old copy
    # of "inspectors" would delete its sessions and be refused for its assignments.
    op.drop_column("inspectors", "locked_until")
    op.drop_column("inspectors", "failed_logins")


def downgrade() -> None:
    op.add_column(
        "inspectors",
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column("inspectors", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.drop_index(op.f("ix_login_throttles_forget_at"), table_name="login_throttles")
    op.drop_table("login_throttles")
