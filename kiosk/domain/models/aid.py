"""Payments recorded in a household's name, and what the resident says about each."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.households import Household, Member


class Programme(StrEnum):
    """Aid programmes (资金项目)."""

    DISASTER_RELIEF = "disaster_relief"  # 灾害救助
    SUBSISTENCE_ALLOWANCE = "subsistence_allowance"  # 最低生活保障
    INDUSTRY_SUPPORT = "industry_support"  # 产业扶持资金
    EDUCATION_GRANT = "education_grant"  # 教育资助
    MEDICAL_AID = "medical_aid"  # 医疗救助
    HOUSING_RENOVATION = "housing_renovation"  # 危房改造补助
    ELDERLY_ALLOWANCE = "elderly_allowance"  # 高龄补贴
    DISABILITY_ALLOWANCE = "disability_allowance"  # 残疾人两项补贴
    ECOLOGICAL_COMPENSATION = "ecological_compensation"  # 生态公益林补偿
    SKILLS_TRAINING = "skills_training"  # 技能培训补贴
    RELOCATION = "relocation"  # 易地扶贫搬迁补助
    LOAN_INTEREST_SUBSIDY = "loan_interest_subsidy"  # 小额信贷贴息


class Channel(StrEnum):
    """How the money reached the household."""

    ONE_CARD = "one_card"  # 一卡通 / 一折通 bank account
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"
    IN_KIND = "in_kind"


class AidRecord(Base):
    """One payment recorded in the household's name. Amounts are integer fen."""

    __tablename__ = "aid_records"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        Index("ix_aid_records_household_paid", "household_id", "paid_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Payment reference of the paying department: the natural key for import and sync.
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    #: The member the money was paid to, when the record names one.
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None
    )
    programme: Mapped[Programme] = mapped_column(enum_type(Programme))
    amount_fen: Mapped[int]
    paid_on: Mapped[date]
    #: Paying department (e.g. 龙里县民政局) and its region, for routing complaints.
    department: Mapped[str] = mapped_column(String(128))
    department_region_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code"), default=None
    )
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    note: Mapped[str] = mapped_column(Text, default="")

    household: Mapped[Household] = relationship()
    member: Mapped[Member | None] = relationship()
    verifications: Mapped[list[AidVerification]] = relationship(
        back_populates="aid_record", order_by="AidVerification.created_at"
    )


class VerificationKind(StrEnum):
    RECEIVED_IN_FULL = "received_in_full"
    RECEIVED_LESS = "received_less"
    RECEIVED_NOTHING = "received_nothing"


class AidVerification(Base):
    """A resident's word on one aid record: confirmed, or disputed with what they got.

    A dispute becomes a complaint; ``complaint_id`` links the two once it is filed.
    """

    __tablename__ = "aid_verifications"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'received_less' AND received_fen IS NOT NULL AND received_fen >= 0)"
            " OR (kind = 'received_nothing' AND received_fen = 0)"
            " OR (kind = 'received_in_full' AND received_fen IS NULL)",
            name="received_matches_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    aid_record_id: Mapped[int] = mapped_column(
        ForeignKey("aid_records.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[VerificationKind] = mapped_column(enum_type(VerificationKind))
    #: What the resident says they received, for a dispute.
    received_fen: Mapped[int | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kiosk_code: Mapped[str] = mapped_column(String(32))
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaints.id", ondelete="SET NULL"), default=None
    )

    aid_record: Mapped[AidRecord] = relationship(back_populates="verifications")
