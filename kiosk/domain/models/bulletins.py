"""Policy news for residents, readable without identification."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.domain.base import Base


class Bulletin(Base):
    """A notice published for a region and everything below it (all regions when empty)."""

    __tablename__ = "bulletins"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(128))
    body: Mapped[str] = mapped_column(Text)
    #: Who published it (e.g. 龙里县乡村振兴局).
    publisher: Mapped[str] = mapped_column(String(128))
    region_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code"), index=True, default=None
    )
    published_at: Mapped[datetime] = mapped_column(index=True)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
