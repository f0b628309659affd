"""Notices for the terminal's region and the regions above it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.domain.models import Bulletin, Region


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
