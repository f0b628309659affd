"""Who is responsible for helping the household, now and before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.models import Assignment, Cadre


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
