"""Which complaints an inspector may see, as one SQL condition used by every page.

An inspector sees a complaint only when it was routed to their own office and they are
neither implicated in it nor the household's responsible cadre. Anything else is answered
as if it did not exist (404), so the inbox never confirms that a complaint id is real.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, func, not_, select, true, union
from sqlalchemy.orm import Session, selectinload

from central.models import Inspector
from central.routing import hidden_cadre_codes
from kiosk.domain.models import (
    Assignment,
    Cadre,
    CadrePost,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    ImplicatedParty,
    PartyKind,
)

OPEN_STATUSES = (ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED, ComplaintStatus.INVESTIGATING)
PAGE_SIZE = 25


def visible_to(inspector: Inspector) -> ColumnElement[bool]:
    """The condition on ``Complaint`` rows this inspector may see."""
    condition = Complaint.office_id == inspector.office_id
    if not inspector.cadre_code:
        return condition
    own_cadre = select(Cadre.id).where(Cadre.code == inspector.cadre_code).scalar_subquery()
    # Any assignment, past or present: a cadre who was responsible when the money was paid
    # is as conflicted as the one responsible today.
    responsible = exists().where(
        Assignment.household_id == Complaint.household_id, Assignment.cadre_id == own_cadre
    )
    implicated = exists().where(
        ImplicatedParty.complaint_id == Complaint.id,
        ImplicatedParty.kind == PartyKind.CADRE,
        ImplicatedParty.cadre_id == own_cadre,
    )
    # A department or committee named is its members named: now or in an earlier post.
    own_units = union(
        select(Cadre.unit).where(Cadre.code == inspector.cadre_code),
        select(CadrePost.unit)
        .join(Cadre, CadrePost.cadre_id == Cadre.id)
        .where(Cadre.code == inspector.cadre_code),
    )
    in_named_unit = exists().where(
        ImplicatedParty.complaint_id == Complaint.id,
        ImplicatedParty.kind == PartyKind.DEPARTMENT,
        ImplicatedParty.name.in_(own_units),
    )
    return and_(condition, not_(responsible), not_(implicated), not_(in_named_unit))


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """SQL form of "past its due date and still open", the rule the list's flag shows."""
    return and_(
        Complaint.due_at.is_not(None),
        Complaint.due_at < now,
        Complaint.status.in_(OPEN_STATUSES),
    )


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to; None means "any"."""

    status: ComplaintStatus | None = None
    category: ComplaintCategory | None = None
    overdue: bool = False
    page: int = 1
    #: Digits of a tracking number, whole or in part ("" for any).
    tracking: str = ""


@dataclass(frozen=True)
class Page:
    """One page of the list and where it sits among all matches."""

    complaints: list[Complaint]
    total: int
    page: int
    pages: int


def list_page(session: Session, inspector: Inspector, filters: Filters, now: datetime) -> Page:
    """Newest first, :data:`PAGE_SIZE` at a time, within the inspector's scope."""
    where = [visible_to(inspector)]
    if filters.status is not None:
        where.append(Complaint.status == filters.status)
    if filters.category is not None:
        where.append(Complaint.category == filters.category)
    if filters.overdue:
        where.append(overdue_condition(now))
    if filters.tracking:
        where.append(Complaint.tracking_number.contains(filters.tracking, autoescape=True))
    condition = and_(true(), *where)
    total = session.scalar(select(func.count()).select_from(Complaint).where(condition)) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, filters.page), pages)
    query = (
        select(Complaint)
        .where(condition)
        .order_by(Complaint.created_at.desc(), Complaint.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    return Page(list(session.scalars(query)), total, page, pages)


def find_visible(session: Session, inspector: Inspector, complaint_id: int) -> Complaint | None:
    """The complaint if this inspector may see it, else None (the caller answers 404)."""
    query = (
        select(Complaint)
        .where(Complaint.id == complaint_id, visible_to(inspector))
        .options(
            selectinload(Complaint.implicated).selectinload(ImplicatedParty.cadre),
            selectinload(Complaint.events),
        )
    )
    complaint = session.scalar(query)
    # The server's own rule, asked again: the SQL above must never be looser than it.
    if (
        complaint is not None
        and inspector.cadre_code
        and inspector.cadre_code in hidden_cadre_codes(session, complaint)
    ):
        return None
    return complaint


def may_take(session: Session, colleague: Inspector, complaint: Complaint) -> bool:
    """Whether ``colleague`` could see this complaint, and so may be assigned it."""
    return colleague.active and find_visible(session, colleague, complaint.id) is not None
