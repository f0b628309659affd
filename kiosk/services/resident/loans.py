"""The household's loans and what has been repaid on each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import Loan, LoanStatus


@dataclass(frozen=True)
class RepaymentView:
    paid_on: date
    principal_fen: int
    interest_fen: int


@dataclass(frozen=True)
class LoanView:
    bank: str
    amount_fen: int
    rate_bp: int
    term_months: int
    purpose: str
    start_date: date
    status: LoanStatus
    interest_subsidised: bool
    repaid_fen: int
    repayments: tuple[RepaymentView, ...]


def loans(session: Session, household_id: int) -> tuple[LoanView, ...]:
    found = session.scalars(
        select(Loan)
        .where(Loan.household_id == household_id)
        .options(selectinload(Loan.repayments))
        .order_by(Loan.start_date.desc(), Loan.id)
    )
    return tuple(
        LoanView(
            bank=loan.bank,
            amount_fen=loan.amount_fen,
            rate_bp=loan.rate_bp,
            term_months=loan.term_months,
            purpose=loan.purpose,
            start_date=loan.start_date,
            status=loan.status,
            interest_subsidised=loan.interest_subsidised,
            repaid_fen=sum(r.principal_fen for r in loan.repayments),
            repayments=tuple(
                RepaymentView(r.paid_on, r.principal_fen, r.interest_fen) for r in loan.repayments
            ),
        )
        for loan in found
    )
