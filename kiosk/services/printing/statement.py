"""The aid ledger statement: every payment recorded in a household's name, with totals.

A resident takes it home to check against their bank book; the facts and their totals are
here, the two layouts in :mod:`.statement_roll` (80 mm roll) and :mod:`.statement_a4`.
Totals are computed here from the payments, in integer fen, so a statement can never print
a total that is not the sum of its lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from reportlab.lib.colors import Color

from kiosk.domain.money import format_fen
from kiosk.services.printing.content import JsonValue, canonical_content, utc_text
from kiosk.services.printing.layout import require_masked_id, require_text

DOCUMENT = "aid-statement"


class PaymentCheck(StrEnum):
    """What the resident has said about a payment."""

    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    UNCHECKED = "unchecked"


CHECK_LABELS: Mapping[PaymentCheck, tuple[str, str]] = MappingProxyType(
    {
        PaymentCheck.CONFIRMED: ("本人已确认", "Confirmed"),
        PaymentCheck.DISPUTED: ("本人有异议", "Disputed"),
        PaymentCheck.UNCHECKED: ("尚未核对", "Not checked"),
    }
)
"""(Chinese, English) for each check, as the statement prints them."""

SHORT_CHECK_LABELS: Mapping[PaymentCheck, str] = MappingProxyType(
    {
        PaymentCheck.CONFIRMED: "已确认",
        PaymentCheck.DISPUTED: "有异议",
        PaymentCheck.UNCHECKED: "未核对",
    }
)
"""The same in a table column."""

DISPUTED_SHADE = Color(0.82, 0.82, 0.82)
"""Disputed lines are shaded, so they stand out in grey on a black-and-white printer."""


@dataclass(frozen=True)
class Payment:
    """One payment line: ``programme`` and ``member`` as the resident should read them."""

    paid_on: date
    programme: str
    member: str
    amount_fen: int
    check: PaymentCheck

    def __post_init__(self) -> None:
        if isinstance(self.amount_fen, bool) or not isinstance(self.amount_fen, int):
            raise TypeError("amount_fen must be an int number of fen")
        if self.amount_fen <= 0:
            raise ValueError("amount_fen must be positive")
        require_text(self.programme, "programme")


@dataclass(frozen=True)
class StatementFacts:
    """What a ledger statement prints, filled from the store by the caller.

    ``head_id_masked`` is the head's ID number already masked (``5201**********1234``); an
    unmasked one is refused.
    """

    statement_number: str
    head_name: str
    head_id_masked: str
    household_number: str
    township: str
    village: str
    payments: tuple[Payment, ...]
    issued_at: datetime

    def __post_init__(self) -> None:
        require_masked_id(self.head_id_masked, "head_id_masked")
        for name in ("statement_number", "head_name", "household_number", "township", "village"):
            require_text(getattr(self, name), name)
        if self.issued_at.tzinfo is None:
            raise ValueError("issued_at must be aware (with its time zone)")


@dataclass(frozen=True)
class Summary:
    """Totals of a statement: per calendar year (oldest first), overall, and counts."""

    by_year: tuple[tuple[int, int, int], ...]  # (year, payments, fen)
    total_fen: int
    counts: Mapping[PaymentCheck, int]


def ordered_payments(facts: StatementFacts) -> list[Payment]:
    """Payments oldest first; same-day ones keep the caller's order."""
    return sorted(facts.payments, key=lambda p: p.paid_on)


def summarise(facts: StatementFacts) -> Summary:
    years: dict[int, list[int]] = {}
    for payment in facts.payments:
        entry = years.setdefault(payment.paid_on.year, [0, 0])
        entry[0] += 1
        entry[1] += payment.amount_fen
    counts = Counter(payment.check for payment in facts.payments)
    return Summary(
        by_year=tuple((year, n, fen) for year, (n, fen) in sorted(years.items())),
        total_fen=sum(p.amount_fen for p in facts.payments),
        counts=MappingProxyType({check: counts.get(check, 0) for check in PaymentCheck}),
    )


def statement_content(facts: StatementFacts) -> bytes:
    """The statement's canonical content, the same for both layouts."""
    summary = summarise(facts)
    body: dict[str, JsonValue] = {
        "number": facts.statement_number,
        "issued_at": utc_text(facts.issued_at),
        "head_name": facts.head_name,
        "head_id_masked": facts.head_id_masked,
        "household_number": facts.household_number,
        "township": facts.township,
        "village": facts.village,
        "payments": [
            [p.paid_on.isoformat(), p.programme, p.member, p.amount_fen, p.check.value]
            for p in ordered_payments(facts)
        ],
        "totals_by_year": {str(year): fen for year, _, fen in summary.by_year},
        "total_fen": summary.total_fen,
        "counts": {check.value: n for check, n in summary.counts.items()},
    }
    return canonical_content(DOCUMENT, body)


def yuan_text(fen: int) -> str:
    """``8,000.00``: yuan with two decimals, no symbol (the column heading says 元)."""
    return format_fen(fen).removeprefix("¥")


def counts_line(summary: Summary, *, short: bool = False) -> str:
    """``共 12 笔：本人已确认 5 笔，有异议 3 笔，尚未核对 4 笔`` (shorter on a roll)."""
    c = summary.counts
    n = sum(c.values())
    confirmed, disputed = c[PaymentCheck.CONFIRMED], c[PaymentCheck.DISPUTED]
    unchecked = c[PaymentCheck.UNCHECKED]
    if short:
        return f"共 {n} 笔：已确认 {confirmed}，有异议 {disputed}，未核对 {unchecked}"
    return f"共 {n} 笔：本人已确认 {confirmed} 笔，有异议 {disputed} 笔，尚未核对 {unchecked} 笔"
