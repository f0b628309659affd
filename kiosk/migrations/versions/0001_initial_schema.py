"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 21:52:26.680706
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "regions",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "prefecture",
                "county",
                "township",
                "village",
                name="regionlevel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.CheckConstraint("length(code) in (6, 9, 12)", name=op.f("ck_regions_code_length")),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["regions.code"], name=op.f("fk_regions_parent_code_regions")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_regions")),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_regions_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "bulletins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=128), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("publisher", sa.String(length=128), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_bulletins_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulletins")),
        sa.UniqueConstraint("code", name=op.f("uq_bulletins_code")),
    )
    with op.batch_alter_table("bulletins", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bulletins_published_at"), ["published_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_bulletins_region_code"), ["region_code"], unique=False)

    op.create_table(
        "cadres",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("name_initials", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=128), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "prefecture",
                "county",
                "township",
                "village",
                name="regionlevel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_cadres_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cadres")),
        sa.UniqueConstraint("code", name=op.f("uq_cadres_code")),
    )
    with op.batch_alter_table("cadres", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cadres_region_code"), ["region_code"], unique=False)

    op.create_table(
        "discipline_offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "prefecture",
                "county",
                "township",
                "village",
                name="regionlevel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
            name=op.f("fk_discipline_offices_region_code_regions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discipline_offices")),
        sa.UniqueConstraint("code", name=op.f("uq_discipline_offices_code")),
    )
    with op.batch_alter_table("discipline_offices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_discipline_offices_region_code"), ["region_code"], unique=False
        )

    op.create_table(
        "households",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_number", sa.String(length=32), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("address", sa.String(length=128), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "poor",
                "lifted",
                "monitored",
                name="povertystatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("lifted_on", sa.Date(), nullable=True),
        sa.Column("poverty_score", sa.Integer(), nullable=False),
        sa.Column("score_housing", sa.Integer(), nullable=False),
        sa.Column("score_food", sa.Integer(), nullable=False),
        sa.Column("score_labour", sa.Integer(), nullable=False),
        sa.Column("score_schooling", sa.Integer(), nullable=False),
        sa.Column("score_health", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "poverty_score = score_housing + score_food + score_labour + score_schooling + score_health",
            name=op.f("ck_households_score_is_sum"),
        ),
        sa.CheckConstraint(
            "poverty_score between 0 and 100", name=op.f("ck_households_score_range")
        ),
        sa.CheckConstraint("score_food between 0 and 20", name=op.f("ck_households_food_range")),
        sa.CheckConstraint(
            "score_health between 0 and 15", name=op.f("ck_households_health_range")
        ),
        sa.CheckConstraint(
            "score_housing between 0 and 25", name=op.f("ck_households_housing_range")
        ),
        sa.CheckConstraint(
            "score_labour between 0 and 25", name=op.f("ck_households_labour_range")
        ),
        sa.CheckConstraint(
            "score_schooling between 0 and 15", name=op.f("ck_households_schooling_range")
        ),
        sa.ForeignKeyConstraint(
            ["village_code"], ["regions.code"], name=op.f("fk_households_village_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
        sa.UniqueConstraint("file_number", name=op.f("uq_households_file_number")),
    )
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_households_village_code"), ["village_code"], unique=False
        )

    op.create_table(
        "kiosks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_kiosks_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kiosks")),
        sa.UniqueConstraint("code", name=op.f("uq_kiosks_code")),
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("budget_fen", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "proposed",
                "assessed",
                "approved",
                "funded",
                "accounted",
                "in_progress",
                "accepted",
                name="projectstage",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("implementer", sa.String(length=128), nullable=False),
        sa.CheckConstraint("budget_fen >= 0", name=op.f("ck_projects_budget_positive")),
        sa.ForeignKeyConstraint(
            ["village_code"], ["regions.code"], name=op.f("fk_projects_village_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("code", name=op.f("uq_projects_code")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_projects_village_code"), ["village_code"], unique=False
        )

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cadre_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "end_date is null or end_date >= start_date", name=op.f("ck_assignments_dates_ordered")
        ),
        sa.ForeignKeyConstraint(
            ["cadre_id"], ["cadres.id"], name=op.f("fk_assignments_cadre_id_cadres")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_assignments_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_cadre_id"), ["cadre_id"], unique=False)
        batch_op.create_index(
            "ix_assignments_household_start", ["household_id", "start_date"], unique=False
        )

    op.create_table(
        "cadre_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cadre_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=128), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "prefecture",
                "county",
                "township",
                "village",
                name="regionlevel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "end_date is null or end_date >= start_date", name=op.f("ck_cadre_posts_dates_ordered")
        ),
        sa.ForeignKeyConstraint(
            ["cadre_id"],
            ["cadres.id"],
            name=op.f("fk_cadre_posts_cadre_id_cadres"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_cadre_posts_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cadre_posts")),
    )
    with op.batch_alter_table("cadre_posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cadre_posts_cadre_id"), ["cadre_id"], unique=False)

    op.create_table(
        "help_measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "industry",
                "employment",
                "skills_training",
                "relocation",
                "education",
                "health",
                "housing",
                "social_security",
                "microcredit",
                "ecological",
                name="measurekind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_help_measures_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_measures")),
    )
    with op.batch_alter_table("help_measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_help_measures_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "household_causes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column(
            "cause",
            sa.Enum(
                "illness",
                "disability",
                "schooling",
                "disaster",
                "lack_of_land",
                "lack_of_water",
                "lack_of_skills",
                "lack_of_labour",
                "lack_of_capital",
                "poor_transport",
                "lack_of_motivation",
                name="povertycause",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("is_main", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_household_causes_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_causes")),
        sa.UniqueConstraint("household_id", "cause", name=op.f("uq_household_causes_household_id")),
    )
    op.create_table(
        "loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_number", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("bank", sa.String(length=64), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("rate_bp", sa.Integer(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=128), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "approved",
                "repaying",
                "repaid",
                "overdue",
                "extended",
                name="loanstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("interest_subsidised", sa.Boolean(), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_loans_amount_positive")),
        sa.CheckConstraint("rate_bp between 0 and 10000", name=op.f("ck_loans_rate_range")),
        sa.CheckConstraint("term_months between 1 and 360", name=op.f("ck_loans_term_range")),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_loans_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loans")),
        sa.UniqueConstraint("contract_number", name=op.f("uq_loans_contract_number")),
    )
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loans_household_id"), ["household_id"], unique=False)

    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("name_initials", sa.String(length=16), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "head",
                "spouse",
                "son",
                "daughter",
                "daughter_in_law",
                "son_in_law",
                "grandson",
                "granddaughter",
                "father",
                "mother",
                "sibling",
                "other",
                name="relation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "sex",
            sa.Enum(
                "male", "female", name="sex", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("id_masked", sa.String(length=18), nullable=False),
        sa.Column(
            "labour_capacity",
            sa.Enum(
                "skilled",
                "ordinary",
                "weak",
                "none",
                "lost",
                name="labourcapacity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "health",
            sa.Enum(
                "healthy",
                "chronic",
                "serious",
                "disabled",
                name="health",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_members_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("id_hash", name=op.f("uq_members_id_hash")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(
            "ix_members_household_position", ["household_id", "position"], unique=False
        )
        batch_op.create_index("ix_members_initials", ["name_initials"], unique=False)

    op.create_table(
        "project_stage_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "proposed",
                "assessed",
                "approved",
                "funded",
                "accounted",
                "in_progress",
                "accepted",
                name="projectstage",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_stage_events_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_stage_events")),
        sa.UniqueConstraint("project_id", "stage", name=op.f("uq_project_stage_events_project_id")),
    )
    op.create_table(
        "aid_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column(
            "programme",
            sa.Enum(
                "disaster_relief",
                "subsistence_allowance",
                "industry_support",
                "education_grant",
                "medical_aid",
                "housing_renovation",
                "elderly_allowance",
                "disability_allowance",
                "ecological_compensation",
                "skills_training",
                "relocation",
                "loan_interest_subsidy",
                name="programme",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("department", sa.String(length=128), nullable=False),
        sa.Column("department_region_code", sa.String(length=12), nullable=True),
        sa.Column(
            "channel",
            sa.Enum(
                "one_card",
                "bank_transfer",
                "cash",
                "in_kind",
                name="channel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_aid_records_amount_positive")),
        sa.ForeignKeyConstraint(
            ["department_region_code"],
            ["regions.code"],
            name=op.f("fk_aid_records_department_region_code_regions"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_aid_records_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_aid_records_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_records")),
        sa.UniqueConstraint("reference", name=op.f("uq_aid_records_reference")),
    )
    with op.batch_alter_table("aid_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_aid_records_household_paid", ["household_id", "paid_on"], unique=False
        )

    op.create_table(
        "loan_repayments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("principal_fen", sa.Integer(), nullable=False),
        sa.Column("interest_fen", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "principal_fen >= 0 and interest_fen >= 0",
            name=op.f("ck_loan_repayments_amounts_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_repayments_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_repayments")),
    )
    with op.batch_alter_table("loan_repayments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_repayments_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=32), nullable=False),
        sa.Column("secret_hash", sa.String(length=128), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("kiosk_code", sa.String(length=32), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "funds_withheld",
                "false_claims",
                "favouritism",
                "wrong_identification",
                "bribes",
                "cadre_not_helping",
                "other",
                name="complaintcategory",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("aid_record_id", sa.Integer(), nullable=True),
        sa.Column("claimed_received_fen", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "assigned",
                "investigating",
                "concluded",
                "closed",
                name="complaintstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "upheld",
                "partly_upheld",
                "not_upheld",
                "referred",
                name="outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "claimed_received_fen is null or claimed_received_fen >= 0",
            name=op.f("ck_complaints_claimed_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["aid_record_id"],
            ["aid_records.id"],
            name=op.f("fk_complaints_aid_record_id_aid_records"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_complaints_household_id_households"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["discipline_offices.id"],
            name=op.f("fk_complaints_office_id_discipline_offices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_complaints_idempotency_key")),
        sa.UniqueConstraint("tracking_number", name=op.f("uq_complaints_tracking_number")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaints_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_complaints_office_status", ["office_id", "status"], unique=False)

    op.create_table(
        "aid_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aid_record_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "received_in_full",
                "received_less",
                "received_nothing",
                name="verificationkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("received_fen", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("kiosk_code", sa.String(length=32), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'received_less' AND received_fen IS NOT NULL AND received_fen >= 0) OR (kind = 'received_nothing' AND received_fen = 0) OR (kind = 'received_in_full' AND received_fen IS NULL)",
            name=op.f("ck_aid_verifications_received_matches_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["aid_record_id"],
            ["aid_records.id"],
            name=op.f("fk_aid_verifications_aid_record_id_aid_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_aid_verifications_complaint_id_complaints"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_verifications")),
    )
    with op.batch_alter_table("aid_verifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aid_verifications_aid_record_id"), ["aid_record_id"], unique=False
        )

    op.create_table(
        "complaint_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "assigned",
                "investigating",
                "concluded",
                "closed",
                name="complaintstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_events_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_events_complaint_id"), ["complaint_id"], unique=False
        )

    op.create_table(
        "implicated_parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cadre",
                "department",
                "office",
                "person",
                name="partykind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("cadre_id", sa.Integer(), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "prefecture",
                "county",
                "township",
                "village",
                name="regionlevel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["cadre_id"], ["cadres.id"], name=op.f("fk_implicated_parties_cadre_id_cadres")
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_implicated_parties_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["discipline_offices.id"],
            name=op.f("fk_implicated_parties_office_id_discipline_offices"),
        ),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
            name=op.f("fk_implicated_parties_region_code_regions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_implicated_parties")),
    )
    with op.batch_alter_table("implicated_parties", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_implicated_parties_complaint_id"), ["complaint_id"], unique=False
        )

    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "complaint",
                "aid_statement",
                "household_file",
                name="receiptkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("kiosk_code", sa.String(length=32), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_receipts_complaint_id_complaints"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_receipts_household_id_households"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("serial", name=op.f("uq_receipts_serial")),
    )


def downgrade() -> None:

    op.drop_table("receipts")
    with op.batch_alter_table("implicated_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_implicated_parties_complaint_id"))

    op.drop_table("implicated_parties")
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_events_complaint_id"))

    op.drop_table("complaint_events")
    with op.batch_alter_table("aid_verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_verifications_aid_record_id"))

    op.drop_table("aid_verifications")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index("ix_complaints_office_status")
        batch_op.drop_index(batch_op.f("ix_complaints_household_id"))

    op.drop_table("complaints")
    with op.batch_alter_table("loan_repayments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_repayments_loan_id"))

    op.drop_table("loan_repayments")
    with op.batch_alter_table("aid_records", schema=None) as batch_op:
        batch_op.drop_index("ix_aid_records_household_paid")

    op.drop_table("aid_records")
    op.drop_table("project_stage_events")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_initials")
        batch_op.drop_index("ix_members_household_position")

    op.drop_table("members")
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loans_household_id"))

    op.drop_table("loans")
    op.drop_table("household_causes")
    with op.batch_alter_table("help_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_measures_household_id"))

    op.drop_table("help_measures")
    with op.batch_alter_table("cadre_posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cadre_posts_cadre_id"))

    op.drop_table("cadre_posts")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_household_start")
        batch_op.drop_index(batch_op.f("ix_assignments_cadre_id"))

    op.drop_table("assignments")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_village_code"))

    op.drop_table("projects")
    op.drop_table("kiosks")
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_households_village_code"))

    op.drop_table("households")
    with op.batch_alter_table("discipline_offices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_discipline_offices_region_code"))

    op.drop_table("discipline_offices")
    with op.batch_alter_table("cadres", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cadres_region_code"))

    op.drop_table("cadres")
    with op.batch_alter_table("bulletins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bulletins_region_code"))
        batch_op.drop_index(batch_op.f("ix_bulletins_published_at"))

    op.drop_table("bulletins")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_code"))
        batch_op.drop_index(batch_op.f("ix_regions_level"))

    op.drop_table("regions")
