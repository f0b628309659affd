"""Micro-credit loans (扶贫小额信贷): up to 5万 yuan for up to three years, no collateral,
interest refunded by the state, repaid once a year."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.domain.models import Loan, LoanRepayment, LoanStatus, MeasureKind, Programme
from kiosk.services.demo.dates import REFERENCE_DATE, add_months, random_date
from kiosk.services.demo.ledger import HouseholdFile, Ledger
from kiosk.services.demo.regions import Division, county_short
from kiosk.services.demo.rows import IdCounter, Row


def bank_name(rng: random.Random, county: Division, year: int) -> str:
    """Rural credit co-operatives became rural commercial banks around 2017."""
    if rng.random() < 0.2:
        return f"中国邮政储蓄银行{county.name}支行"
    if year < 2017:
        return f"{county.name}农村信用合作联社"
    return f"贵州{county_short(county)}农村商业银行"


def rate_bp(year: int, months: int) -> int:
    """The benchmark rate, then the loan prime rate, in basis points."""
    if year < 2020:
        return 435 if months <= 12 else 475
    if year < 2022:
        return 385
    return 365 if year < 2024 else 345


@dataclass(slots=True)
class LoanRows:
    loans: list[Row] = field(default_factory=list)
    repayments: list[Row] = field(default_factory=list)
    subsidies: list[Row] = field(default_factory=list)


def schedule(amount_fen: int, rate: int, months: int, start: date) -> list[tuple[date, int, int]]:
    """Yearly instalments (due date, principal, interest on what was outstanding that year)."""
    years = max(1, months // 12)
    outstanding = amount_fen
    instalments = []
    for year in range(1, years + 1):
        principal = amount_fen // years if year < years else outstanding
        instalments.append((add_months(start, 12 * year), principal, outstanding * rate // 10_000))
        outstanding -= principal
    return instalments


def make_loan(
    ids: IdCounter,
    ledger: Ledger,
    file: HouseholdFile,
    rows: LoanRows,
    *,
    bank: str,
    amount_fen: int,
    months: int,
    start: date,
    purpose: str,
    missed_last: LoanStatus | None = None,
) -> int:
    """Add a loan, its repayments up to today and the interest refunds; return its id.

    ``missed_last`` (overdue or extended) leaves the last instalment that fell due unpaid.
    """
    loan_id = ids.next(Loan)
    county = file.village.county
    contract = f"XD{county.code}-{start.year}-{loan_id:06d}"
    rate = rate_bp(start.year, months)
    due = [item for item in schedule(amount_fen, rate, months, start) if item[0] <= REFERENCE_DATE]
    finished = len(due) == max(1, months // 12)
    status = LoanStatus.REPAID if finished else LoanStatus.REPAYING
    if missed_last is not None and due:
        due, status = due[:-1], missed_last
    rows.loans.append(
        {
            "id": loan_id,
            "contract_number": contract,
            "household_id": file.household_id,
            "bank": bank,
            "amount_fen": amount_fen,
            "rate_bp": rate,
            "term_months": months,
            "purpose": purpose,
            "start_date": start,
            "status": status,
            "interest_subsidised": True,
        }
    )
    for paid_on, principal, interest in due:
        rows.repayments.append(
            {
                "id": ids.next(LoanRepayment),
                "loan_id": loan_id,
                "paid_on": paid_on,
                "principal_fen": principal,
                "interest_fen": interest,
            }
        )
        refund_on = paid_on + timedelta(days=20)
        if interest > 0 and refund_on <= REFERENCE_DATE:
            rows.subsidies.append(
                ledger.record(
                    file,
                    Programme.LOAN_INTEREST_SUBSIDY,
                    interest,
                    refund_on,
                    note=f"扶贫小额信贷贴息（合同{contract}，{paid_on.year}年）",
                )
            )
    return loan_id


def household_loans(
    rng: random.Random, ids: IdCounter, ledger: Ledger, file: HouseholdFile
) -> LoanRows:
    """A loan for households whose measures include micro-credit, for their own industry."""
    rows = LoanRows()
    profile = file.profile
    if not profile.has(MeasureKind.MICROCREDIT):
        return rows
    year = max(2015, profile.measure_year(MeasureKind.MICROCREDIT))
    start = random_date(rng, date(year, 3, 1), date(min(year + 2, 2025), 12, 20))
    months = rng.choices((36, 24, 12), weights=(65, 15, 20))[0]
    amount = 50_000 if rng.random() < 0.6 else rng.choice((10_000, 20_000, 30_000, 40_000))
    draw = rng.random()
    missed = LoanStatus.OVERDUE if draw < 0.04 else LoanStatus.EXTENDED if draw < 0.07 else None
    make_loan(
        ids,
        ledger,
        file,
        rows,
        bank=bank_name(rng, file.village.county, start.year),
        amount_fen=amount * 100,
        months=months,
        start=start,
        purpose=profile.industry,
        missed_last=missed,
    )
    return rows
