"""complaint outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 01:00:00

Complaints committed on the kiosk wait here, with their idempotency key and the exact body
to post, until the central server acknowledges them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaint_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "sent",
                "refused",
                name="outboxstate",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("response", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_outbox_complaint_id_complaints"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_outbox")),
        sa.UniqueConstraint("complaint_id", name=op.f("uq_complaint_outbox_complaint_id")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_complaint_outbox_idempotency_key")),
    )
    with op.batch_alter_table("complaint_outbox", schema=None) as batch_op:
        batch_op.create_index(
            "ix_complaint_outbox_state_created", ["state", "created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("complaint_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_outbox_state_created")
    op.drop_table("complaint_outbox")
