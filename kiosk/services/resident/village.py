"""Who helps the household, its loans, its village's projects, and the bulletins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import (
    Assignment,
    Bulletin,
    Cadre,
    Household,
    Loan,
    LoanStatus,
    Project,
    ProjectStage,
    Region,
)


@dataclass(frozen=True)
class CadreView:
    name: str
    unit: str
    post: str
    phone: str
    since: date
    until: date | None


@dataclass(frozen=True)
class Responsible:
    current: CadreView | None
    #: Earlier responsible cadres, the most recent first.
    earlier: tuple[CadreView, ...]


def responsible(session: Session, household_id: int) -> Responsible:
    rows = session.execute(
        select(Assignment, Cadre)
        .join(Cadre, Cadre.id == Assignment.cadre_id)
        .where(Assignment.household_id == household_id)
        .order_by(Assignment.start_date.desc(), Assignment.id.desc())
    ).all()
    views = [
        (
            assignment.end_date is None,
            CadreView(
                cadre.name,
                cadre.unit,
                cadre.post,
                cadre.phone,
                assignment.start_date,
                assignment.end_date,
            ),
        )
        for assignment, cadre in rows
    ]
    current = next((view for is_open, view in views if is_open), None)
    return Responsible(current, tuple(view for _, view in views if view is not current))


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


@dataclass(frozen=True)
class StageMark:
    stage: ProjectStage
    #: The day the project reached this stage; None for stages still ahead.
    reached_on: date | None


@dataclass(frozen=True)
class ProjectView:
    name: str
    description: str
    budget_fen: int
    stage: ProjectStage
    implementer: str
    #: Every stage in order, so a screen can draw the whole line and where the project is.
    timeline: tuple[StageMark, ...]


def village_projects(session: Session, household_id: int) -> tuple[ProjectView, ...]:
    village_code = select(Household.village_code).where(Household.id == household_id)
    found = session.scalars(
        select(Project)
        .where(Project.village_code == village_code.scalar_subquery())
        .options(selectinload(Project.stage_events))
        .order_by(Project.code)
    )
    views = []
    for project in found:
        reached = {event.stage: event.on for event in project.stage_events}
        views.append(
            ProjectView(
                name=project.name,
                description=project.description,
                budget_fen=project.budget_fen,
                stage=project.stage,
                implementer=project.implementer,
                timeline=tuple(StageMark(stage, reached.get(stage)) for stage in ProjectStage),
            )
        )
    return tuple(views)


@dataclass(frozen=True)
class BulletinView:
    code: str
    title: str
    body: str
    publisher: str
    published_at: datetime


def _ancestors(session: Session, region_code: str) -> list[str]:
    codes: list[str] = []
    region = session.get(Region, region_code)
    while region is not None:
        codes.append(region.code)
        region = region.parent
    return codes


def bulletins(
    session: Session, *, region_code: str, now: datetime, search: str = ""
) -> tuple[BulletinView, ...]:
    """Current notices for the terminal's region and every region above it, newest first;
    ``search`` keeps those whose title or text contains it. No identification needed."""
    scope = _ancestors(session, region_code)
    query = (
        select(Bulletin)
        .where(or_(Bulletin.region_code.is_(None), Bulletin.region_code.in_(scope)))
        .where(Bulletin.published_at <= now)
        .where(or_(Bulletin.expires_at.is_(None), Bulletin.expires_at > now))
        .order_by(Bulletin.published_at.desc(), Bulletin.id.desc())
    )
    words = search.strip()
    if words:
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        query = query.where(
            or_(Bulletin.title.like(pattern, escape="\\"), Bulletin.body.like(pattern, escape="\\"))
        )
    return tuple(
        BulletinView(b.code, b.title, b.body, b.publisher, b.published_at)
        for b in session.scalars(query)
    )
