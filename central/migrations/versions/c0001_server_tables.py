"""server tables: idempotency, nonces, status throttle, inspectors, sessions, assignments

Revision ID: c0001
Revises:
Create Date: 2026-11-30 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("central",)
depends_on: str | Sequence[str] | None = "0001"


def upgrade() -> None:
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kiosk_code", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.LargeBinary(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_idempotency_records_complaint_id_complaints"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_records")),
        sa.UniqueConstraint("kiosk_code", "key", name=op.f("uq_idempotency_records_kiosk_code")),
    )
    op.create_table(
        "seen_nonces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kiosk_code", sa.String(length=32), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seen_nonces")),
        sa.UniqueConstraint("kiosk_code", "nonce", name=op.f("uq_seen_nonces_kiosk_code")),
    )
    op.create_index(op.f("ix_seen_nonces_seen_at"), "seen_nonces", ["seen_at"], unique=False)
    op.create_table(
        "status_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_attempts")),
    )
    op.create_index(
        op.f("ix_status_attempts_tracking_number"),
        "status_attempts",
        ["tracking_number"],
        unique=False,
    )
    op.create_table(
        "inspectors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("cadre_code", sa.String(length=32), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["discipline_offices.id"],
            name=op.f("fk_inspectors_office_id_discipline_offices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspectors")),
        sa.UniqueConstraint("username", name=op.f("uq_inspectors_username")),
    )
    op.create_index(op.f("ix_inspectors_office_id"), "inspectors", ["office_id"], unique=False)
    op.create_table(
        "inspector_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_inspector_sessions_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspector_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_inspector_sessions_token_hash")),
    )
    op.create_index(
        op.f("ix_inspector_sessions_inspector_id"),
        "inspector_sessions",
        ["inspector_id"],
        unique=False,
    )
    op.create_table(
        "complaint_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.Column("assigned_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_assignments_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_complaint_assignments_inspector_id_inspectors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_assignments")),
        sa.UniqueConstraint("complaint_id", name=op.f("uq_complaint_assignments_complaint_id")),
    )
    op.create_index(
        op.f("ix_complaint_assignments_inspector_id"),
        "complaint_assignments",
        ["inspector_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("complaint_assignments")
    op.drop_table("inspector_sessions")
    op.drop_table("inspectors")
    op.drop_table("status_attempts")
    op.drop_table("seen_nonces")
    op.drop_table("idempotency_records")
