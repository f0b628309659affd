"""Micro-credit loans (扶贫小额信贷) and their repayments."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.households import Household


class LoanStatus(StrEnum):
    APPROVED = "approved"
    REPAYING = "repaying"
    REPAID = "repaid"
    OVERDUE = "overdue"
    EXTENDED = "extended"


class Loan(Base):
    """A loan to a household. The yearly rate is in basis points (435 = 4.35 %), so no float
    comes near money; ``interest_subsidised`` says the state pays the interest (贴息)."""

    __tablename__ = "loans"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint("rate_bp between 0 and 10000", name="rate_range"),
        CheckConstraint("term_months between 1 and 360", name="term_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Contract number at the bank: the natural key.
    contract_number: Mapped[str] = mapped_column(String(64), unique=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    bank: Mapped[str] = mapped_column(String(64))
    amount_fen: Mapped[int]
    rate_bp: Mapped[int]
    term_months: Mapped[int]
    purpose: Mapped[str] = mapped_column(String(128))
    start_date: Mapped[date]
    status: Mapped[LoanStatus] = mapped_column(enum_type(LoanStatus))
    interest_subsidised: Mapped[bool] = mapped_column(default=True)

    household: Mapped[Household] = relationship()
    repayments: Mapped[list[LoanRepayment]] = relationship(
        back_populates="loan", cascade="all, delete-orphan", order_by="LoanRepayment.paid_on"
    )


class LoanRepayment(Base):
    __tablename__ = "loan_repayments"
    __table_args__ = (
        CheckConstraint("principal_fen >= 0 and interest_fen >= 0", name="amounts_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    paid_on: Mapped[date]
    principal_fen: Mapped[int]
    interest_fen: Mapped[int]

    loan: Mapped[Loan] = relationship(back_populates="repayments")
