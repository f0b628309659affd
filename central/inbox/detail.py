"""Everything the detail page of one complaint shows, gathered in one place.

What is gathered follows the complaint's disclosure level (``kiosk.domain.disclosure``):
the parts its level does not show are never read, so the page cannot show them, whatever
the template does. The complainant was told exactly this list before they touched Send.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central import lifecycle
from central.inbox.scope import find_visible, may_take, visible_to
from central.models import Inspector
from kiosk.domain.disclosure import Shown, hidden, shown
from kiosk.domain.models import (
    AidRecord,
    Complaint,
    ComplaintStatus,
    Household,
    Kiosk,
    Member,
    Outcome,
)


@dataclass(frozen=True)
class Dispute:
    """The disputed ledger line: what the record says against what the resident received."""

    record: AidRecord
    recorded_fen: int
    claimed_fen: int | None

    @property
    def difference_fen(self) -> int | None:
        return None if self.claimed_fen is None else self.recorded_fen - self.claimed_fen


@dataclass(frozen=True)
class DetailView:
    """The complaint with its ledger context, history and the actions open to the viewer."""

    complaint: Complaint
    overdue: bool
    assignee: Inspector | None
    #: What the complaint's level shows, and what it keeps from the inspectors.
    shown: tuple[Shown, ...]
    hidden: tuple[Shown, ...]
    #: Named only: who filed it, and the phone they left.
    complainant_name: str | None
    contact_phone: str | None
    #: Where it was filed: the terminal's name and its region's name.
    terminal: str
    household: Household | None
    dispute: Dispute | None
    members: list[Member]
    payments: list[AidRecord]
    payments_total_fen: int
    transitions: list[ComplaintStatus]
    outcomes: list[Outcome]
    colleagues: list[Inspector]


def gather(session: Session, complaint: Complaint, viewer: Inspector, now: datetime) -> DetailView:
    level = shown(complaint.disclosure)
    household = complaint.household if Shown.HOUSEHOLD_FILE in level else None
    members: list[Member] = []
    payments: list[AidRecord] = []
    if household is not None and Shown.MEMBERS in level:
        members = list(household.members)
    if household is not None and Shown.PAYMENTS in level:
        payments = list(
            session.scalars(
                select(AidRecord)
                .where(AidRecord.household_id == household.id)
                .order_by(AidRecord.paid_on, AidRecord.id)
            )
        )
    dispute = None
    if complaint.aid_record is not None and household is not None and Shown.PAYMENTS in level:
        dispute = Dispute(
            complaint.aid_record, complaint.aid_record.amount_fen, complaint.claimed_received_fen
        )
    office_staff = session.scalars(
        select(Inspector)
        .where(Inspector.office_id == viewer.office_id, Inspector.active.is_(True))
        .order_by(Inspector.display_name, Inspector.id)
    )
    # Only colleagues who could open the complaint themselves: assigning it to the cadre it
    # accuses would defeat the routing rule.
    colleagues = [c for c in office_staff if may_take(session, c, complaint)]
    return DetailView(
        complaint=complaint,
        overdue=lifecycle.is_overdue(complaint, now),
        assignee=lifecycle.assignee(session, complaint),
        shown=level,
        hidden=hidden(complaint.disclosure),
        complainant_name=complaint.complainant_name if Shown.NAME in level else None,
        contact_phone=complaint.contact_phone if Shown.PHONE in level else None,
        terminal=_terminal(session, complaint) if Shown.TERMINAL in level else "",
        household=household,
        dispute=dispute,
        members=members,
        payments=payments,
        payments_total_fen=sum(p.amount_fen for p in payments),
        transitions=list(lifecycle.allowed_transitions(complaint)),
        outcomes=list(Outcome),
        colleagues=colleagues,
    )


def same_payment(session: Session, complaint: Complaint, viewer: Inspector) -> list[Complaint]:
    """The other complaints about the same aid record that ``viewer`` may open, oldest
    first: a resident who complained twice about one payment is read as one story. Those
    hidden from the viewer (another office's, or ones that concern them) are not counted."""
    if complaint.aid_record_id is None:
        return []
    others = session.scalars(
        select(Complaint)
        .where(
            Complaint.aid_record_id == complaint.aid_record_id,
            Complaint.id != complaint.id,
            visible_to(viewer),
        )
        .order_by(Complaint.created_at, Complaint.id)
    )
    # Each through the same door as its own page, so this list is never looser than it.
    return [other for other in others if find_visible(session, viewer, other.id) is not None]


def _terminal(session: Session, complaint: Complaint) -> str:
    kiosk = session.scalars(select(Kiosk).where(Kiosk.code == complaint.kiosk_code)).one_or_none()
    if kiosk is None:
        return complaint.kiosk_code
    return f"{kiosk.name}（{kiosk.region.name}）"
