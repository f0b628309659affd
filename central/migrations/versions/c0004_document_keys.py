"""document keys: every terminal's published document public key, kept after rotation

Revision ID: c0004
Revises: c0003
Create Date: 2026-12-07 20:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0004"
down_revision: str | None = "c0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_keys",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("kiosk_code", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["kiosk_code"],
            ["kiosks.code"],
            name=op.f("fk_document_keys_kiosk_code_kiosks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_document_keys")),
    )
    op.create_index(
        op.f("ix_document_keys_kiosk_code"), "document_keys", ["kiosk_code"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_document_keys_kiosk_code"), table_name="document_keys")
    op.drop_table("document_keys")
