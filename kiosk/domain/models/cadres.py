"""Responsible officials (帮扶干部), the posts they held, and the households they help."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.households import Household
from kiosk.domain.models.regions import Region, RegionLevel


class Cadre(Base):
    """An official. ``unit``, ``post`` and ``region_code`` describe the current post;
    earlier posts are kept in :class:`CadrePost` so routing can see where someone served."""

    __tablename__ = "cadres"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Staff number in the provincial system: the natural key for import and sync.
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    name_initials: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(128))
    post: Mapped[str] = mapped_column(String(64))
    #: Region of the unit the cadre works in, and that unit's level.
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    level: Mapped[RegionLevel] = mapped_column(enum_type(RegionLevel))
    #: Work phone shown to residents so they can reach the person helping them.
    phone: Mapped[str] = mapped_column(String(20))

    region: Mapped[Region] = relationship()
    posts: Mapped[list[CadrePost]] = relationship(
        back_populates="cadre", cascade="all, delete-orphan", order_by="CadrePost.start_date"
    )
    assignments: Mapped[list[Assignment]] = relationship(back_populates="cadre")

    def __repr__(self) -> str:
        return f"Cadre({self.code})"


class CadrePost(Base):
    """A post a cadre held from ``start_date`` until ``end_date`` (open while current)."""

    __tablename__ = "cadre_posts"
    __table_args__ = (
        CheckConstraint("end_date is null or end_date >= start_date", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadres.id", ondelete="CASCADE"), index=True)
    unit: Mapped[str] = mapped_column(String(128))
    post: Mapped[str] = mapped_column(String(64))
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    level: Mapped[RegionLevel] = mapped_column(enum_type(RegionLevel))
    start_date: Mapped[date]
    end_date: Mapped[date | None] = mapped_column(default=None)

    cadre: Mapped[Cadre] = relationship(back_populates="posts")


class Assignment(Base):
    """A cadre made responsible for helping a household, from ``start_date``; the current
    one has no ``end_date``. Earlier assignments stay so residents see who helped before."""

    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint("end_date is null or end_date >= start_date", name="dates_ordered"),
        Index("ix_assignments_household_start", "household_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadres.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    start_date: Mapped[date]
    end_date: Mapped[date | None] = mapped_column(default=None)

    cadre: Mapped[Cadre] = relationship(back_populates="assignments")
    household: Mapped[Household] = relationship()
