"""lookup indexes: members by household and initials, and planner statistics

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 01:10:00.000000

Identifying a resident by village and initials starts from the village's households
(``ix_households_village_code``) and probes each household's members by initials. Without
an index on (household_id, name_initials) SQLite has to start from the initials instead,
which on a store of a million members reads hundreds of rows per lookup (p99 62 ms).

``ANALYZE`` gives the query planner its statistics (``sqlite_stat1``); without them it
guesses row counts and may still prefer the initials-only index. The bulk writers (demo
data, import) refresh the statistics after each load.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(
            "ix_members_household_initials", ["household_id", "name_initials"], unique=False
        )
    op.execute("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_household_initials")
