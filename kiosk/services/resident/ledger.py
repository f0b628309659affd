"""Every payment in the household's name, by year, the resident's word on each, and the
complaint about it filed at this terminal, if any."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Channel,
    Complaint,
    Member,
    OutboxMessage,
    OutboxState,
    Programme,
    VerificationKind,
)
from kiosk.domain.problems import Reason, Refused


@dataclass(frozen=True)
class ComplaintMark:
    """The latest complaint about one payment that this terminal knows of.

    The terminal knows only the complaints filed here and how far each got: waiting in the
    outbox, delivered to the central server, or refused by it (kept for staff). How the
    inspectors are getting on is asked with "Check my complaint"."""

    tracking_number: str
    delivery: OutboxState
    #: Aware, UTC.
    filed_at: datetime


@dataclass(frozen=True)
class PaymentLine:
    aid_record_id: int
    programme: Programme
    amount_fen: int
    paid_on: date
    department: str
    channel: Channel
    #: The member the money went to, when the record names one.
    recipient: str | None
    #: The resident's latest word on this payment, if any.
    verification: VerificationKind | None
    received_fen: int | None
    #: The latest complaint about this payment filed at this terminal, if any.
    complaint: ComplaintMark | None = None


@dataclass(frozen=True)
class LedgerYear:
    year: int
    lines: tuple[PaymentLine, ...]
    total_fen: int


@dataclass(frozen=True)
class Ledger:
    #: Newest year first; within a year, by date.
    years: tuple[LedgerYear, ...]
    total_fen: int
    count: int


def ledger(session: Session, household_id: int) -> Ledger:
    rows = session.execute(
        select(AidRecord, Member.name)
        .outerjoin(Member, Member.id == AidRecord.member_id)
        .where(AidRecord.household_id == household_id)
        .order_by(AidRecord.paid_on, AidRecord.id)
    ).all()
    latest: dict[int, AidVerification] = {}
    if rows:
        for verification in session.scalars(
            select(AidVerification)
            .join(AidRecord)
            .where(AidRecord.household_id == household_id)
            .order_by(AidVerification.created_at, AidVerification.id)
        ):
            latest[verification.aid_record_id] = verification
    complaints = _complaints(session, household_id) if rows else {}
    by_year: dict[int, list[PaymentLine]] = {}
    for record, recipient in rows:
        said = latest.get(record.id)
        by_year.setdefault(record.paid_on.year, []).append(
            PaymentLine(
                aid_record_id=record.id,
                programme=record.programme,
                amount_fen=record.amount_fen,
                paid_on=record.paid_on,
                department=record.department,
                channel=record.channel,
                recipient=recipient,
                verification=said.kind if said else None,
                received_fen=said.received_fen if said else None,
                complaint=complaints.get(record.id),
            )
        )
    years = tuple(
        LedgerYear(year, tuple(lines), sum(line.amount_fen for line in lines))
        for year, lines in sorted(by_year.items(), reverse=True)
    )
    return Ledger(
        years=years,
        total_fen=sum(y.total_fen for y in years),
        count=len(rows),
    )


def _complaints(session: Session, household_id: int) -> dict[int, ComplaintMark]:
    """The latest complaint filed here about each of the household's payments."""
    rows = session.execute(
        select(AidRecord.id, Complaint.tracking_number, Complaint.created_at, OutboxMessage.state)
        .select_from(Complaint)
        .join(AidRecord, AidRecord.id == Complaint.aid_record_id)
        .outerjoin(OutboxMessage, OutboxMessage.complaint_id == Complaint.id)
        .where(AidRecord.household_id == household_id)
        .order_by(Complaint.created_at, Complaint.id)
    ).all()
    marks: dict[int, ComplaintMark] = {}
    for aid_record_id, tracking_number, filed_at, state in rows:
        # Without an outbox row it did not go through this terminal's sender: the server
        # has it, as far as this terminal can tell.
        marks[aid_record_id] = ComplaintMark(tracking_number, state or OutboxState.SENT, filed_at)
    return marks


class VerificationWhy(StrEnum):
    """Why a resident's answer about a payment cannot be stored as given."""

    NOT_FOUND = "verification.not_found"
    ENTER_RECEIVED = "verification.enter_received"
    #: "Received less" with 0: that is "received nothing".
    RECEIVED_ZERO = "verification.received_zero"
    #: Not less than recorded: that is "received in full".
    NOT_LESS = "verification.not_less"


class VerificationRefused(Refused):
    """The resident's answer cannot be stored as given; ``reason`` says why."""

    def __init__(self, why: VerificationWhy) -> None:
        super().__init__(Reason.of(why))


def record_verification(
    session: Session,
    *,
    household_id: int,
    aid_record_id: int,
    kind: VerificationKind,
    received_fen: int | None = None,
    kiosk_code: str,
) -> int:
    """Store what the resident says about one payment; returns the verification's id.

    "Received less" needs the amount received, more than nothing and less than recorded;
    "received nothing" stores 0. The caller commits (one short session per action).
    """
    record = session.get(AidRecord, aid_record_id)
    if record is None or record.household_id != household_id:
        # Same answer whether the record is missing or someone else's.
        raise VerificationRefused(VerificationWhy.NOT_FOUND)
    if kind is VerificationKind.RECEIVED_LESS:
        if received_fen is None or isinstance(received_fen, bool):
            raise VerificationRefused(VerificationWhy.ENTER_RECEIVED)
        if received_fen <= 0:
            raise VerificationRefused(VerificationWhy.RECEIVED_ZERO)
        if received_fen >= record.amount_fen:
            raise VerificationRefused(VerificationWhy.NOT_LESS)
        stored: int | None = received_fen
    elif kind is VerificationKind.RECEIVED_NOTHING:
        stored = 0
    else:
        stored = None
    verification = AidVerification(
        aid_record_id=record.id, kind=kind, received_fen=stored, kiosk_code=kiosk_code
    )
    session.add(verification)
    session.flush()
    return verification.id
