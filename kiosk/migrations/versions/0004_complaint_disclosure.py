"""complaint disclosure: named, anonymous about one's household, or a village report

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 09:00:00

Each complaint records which level of disclosure its complainant chose, and a named one the
member who filed it (with the name as the register had it). Complaints filed before carry
only ``anonymous``: they get the level it meant, as the central server derives it for a
body without one (``Disclosure.implied``): not anonymous is named; anonymous with a
household is anonymous; anonymous without one is a village report.

On SQLite the columns are added with ``ALTER TABLE ... ADD COLUMN``, never by rebuilding the
table as Alembic's batch mode would: the migration runs in one transaction with foreign keys
on, and dropping the old table would then delete every complaint's events and parties
through their ON DELETE CASCADE. That is also why the rules across columns (only a named
complaint has a complainant or a phone; a village report has no household) are checked in
code on both ends rather than by a table CHECK, which SQLite cannot add to a table in place
(a CHECK on the new column alone it can: the levels are checked so).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LEVELS = "disclosure IN ('named', 'anonymous', 'village_report')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE complaints ADD COLUMN disclosure VARCHAR(32) DEFAULT 'named' NOT NULL"
            f" CONSTRAINT ck_complaints_disclosure CHECK ({_LEVELS})"
        )
        op.execute(
            "ALTER TABLE complaints ADD COLUMN complainant_member_id INTEGER"
            " CONSTRAINT fk_complaints_complainant_member_id_members"
            " REFERENCES members (id) ON DELETE SET NULL"
        )
        op.execute(
            "ALTER TABLE complaints ADD COLUMN complainant_name VARCHAR(64) DEFAULT '' NOT NULL"
        )
    else:
        op.add_column(
            "complaints",
            sa.Column("disclosure", sa.String(32), server_default="named", nullable=False),
        )
        op.create_check_constraint(op.f("ck_complaints_disclosure"), "complaints", _LEVELS)
        op.add_column("complaints", sa.Column("complainant_member_id", sa.Integer()))
        op.create_foreign_key(
            op.f("fk_complaints_complainant_member_id_members"),
            "complaints",
            "members",
            ["complainant_member_id"],
            ["id"],
            ondelete="SET NULL",
        )
        op.add_column(
            "complaints",
            sa.Column("complainant_name", sa.String(64), server_default="", nullable=False),
        )
    op.execute(
        "UPDATE complaints SET disclosure = CASE"
        " WHEN NOT anonymous THEN 'named'"
        " WHEN household_id IS NULL THEN 'village_report'"
        " ELSE 'anonymous' END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops a column in place (3.35 and later), its own constraints with it.
        for column in ("complainant_name", "complainant_member_id", "disclosure"):
            op.execute(f"ALTER TABLE complaints DROP COLUMN {column}")
        return
    op.drop_constraint(
        op.f("fk_complaints_complainant_member_id_members"), "complaints", type_="foreignkey"
    )
    op.drop_column("complaints", "complainant_name")
    op.drop_column("complaints", "complainant_member_id")
    op.drop_constraint(op.f("ck_complaints_disclosure"), "complaints", type_="check")
    op.drop_column("complaints", "disclosure")
