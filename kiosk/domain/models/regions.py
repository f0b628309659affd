"""The administrative tree, keyed by official statistical division codes."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.models._types import enum_type


class RegionLevel(StrEnum):
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE = "village"

    @property
    def rank(self) -> int:
        """0 for province down to 4 for village: a smaller rank is a higher level."""
        return list(RegionLevel).index(self)


#: Length of the official code at each level (province to county share the 6-digit form).
CODE_LENGTH = {
    RegionLevel.PROVINCE: 6,
    RegionLevel.PREFECTURE: 6,
    RegionLevel.COUNTY: 6,
    RegionLevel.TOWNSHIP: 9,
    RegionLevel.VILLAGE: 12,
}


def code_problem(code: str, level: RegionLevel, parent_code: str | None) -> str | None:
    """Why ``code`` cannot be a region of ``level`` under ``parent_code``, or None if it can."""
    if not code.isdigit() or len(code) != CODE_LENGTH[level]:
        return f"a {level.value} code has {CODE_LENGTH[level]} digits"
    if level is RegionLevel.PROVINCE:
        return None if code.endswith("0000") else "a province code ends in 0000"
    if parent_code is None:
        return f"a {level.value} needs a parent region"
    prefix = {
        RegionLevel.PREFECTURE: 2,
        RegionLevel.COUNTY: 4,
        RegionLevel.TOWNSHIP: 6,
        RegionLevel.VILLAGE: 9,
    }[level]
    if code[:prefix] != parent_code[:prefix]:
        return f"code does not lie under its parent {parent_code}"
    return None


class Region(Base):
    """One node of province > prefecture > county > township/street > village/community."""

    __tablename__ = "regions"
    __table_args__ = (CheckConstraint("length(code) in (6, 9, 12)", name="code_length"),)

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[RegionLevel] = mapped_column(enum_type(RegionLevel), index=True)
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code"), index=True, default=None
    )

    parent: Mapped[Region | None] = relationship(remote_side=[code], back_populates="children")
    children: Mapped[list[Region]] = relationship(back_populates="parent")

    def __repr__(self) -> str:
        return f"Region({self.code}, {self.name}, {self.level.value})"
