"""Village projects and the stages they pass through."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.regions import Region


class ProjectStage(StrEnum):
    """Stages in the order a project passes them (项目库 → 验收)."""

    PROPOSED = "proposed"  # 申报
    ASSESSED = "assessed"  # 评审论证
    APPROVED = "approved"  # 批复
    FUNDED = "funded"  # 资金下达
    ACCOUNTED = "accounted"  # 资金报账
    IN_PROGRESS = "in_progress"  # 实施中
    ACCEPTED = "accepted"  # 竣工验收

    @property
    def order(self) -> int:
        return list(ProjectStage).index(self)


class Project(Base):
    """A village project (村级项目) such as a road, a water supply or a cooperative barn."""

    __tablename__ = "projects"
    __table_args__ = (CheckConstraint("budget_fen >= 0", name="budget_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    description: Mapped[str] = mapped_column(Text, default="")
    budget_fen: Mapped[int]
    stage: Mapped[ProjectStage] = mapped_column(enum_type(ProjectStage))
    #: Who carries it out (实施单位).
    implementer: Mapped[str] = mapped_column(String(128))

    village: Mapped[Region] = relationship()
    stage_events: Mapped[list[ProjectStageEvent]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectStageEvent.on"
    )


class ProjectStageEvent(Base):
    """The day a project reached a stage: the points of its timeline."""

    __tablename__ = "project_stage_events"
    __table_args__ = (UniqueConstraint("project_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    stage: Mapped[ProjectStage] = mapped_column(enum_type(ProjectStage))
    on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="stage_events")
