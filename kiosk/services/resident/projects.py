"""The projects of the household's village and the stages each has reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import Household, Project, ProjectStage


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
