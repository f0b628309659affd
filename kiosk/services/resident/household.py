"""The household file: members, poverty index with its indicators, causes and measures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import (
    Health,
    Household,
    LabourCapacity,
    MeasureKind,
    PovertyCause,
    PovertyStatus,
    Relation,
    Sex,
)
from kiosk.domain.names import masked_name
from kiosk.domain.poverty import INDICATOR_MAX, Band, Indicator, band_for
from kiosk.services.places import place_name


@dataclass(frozen=True)
class MemberView:
    name: str
    relation: Relation
    sex: Sex
    age: int
    id_masked: str
    labour_capacity: LabourCapacity
    health: Health


@dataclass(frozen=True)
class IndicatorScore:
    indicator: Indicator
    score: int
    maximum: int


@dataclass(frozen=True)
class MeasureView:
    kind: MeasureKind
    year: int
    description: str


@dataclass(frozen=True)
class HouseholdFile:
    household_id: int
    file_number: str
    #: County, township and village, e.g. "龙里县冠山街道新寨村".
    place: str
    village_code: str
    address: str
    status: PovertyStatus
    score: int
    band: Band
    indicators: tuple[IndicatorScore, ...]
    #: The main cause first.
    causes: tuple[PovertyCause, ...]
    measures: tuple[MeasureView, ...]
    #: The head first, in the register's order.
    members: tuple[MemberView, ...]


@dataclass(frozen=True)
class Greeting:
    """What the home screen says to an identified resident: whose file this is, masked."""

    #: The head's name as :func:`kiosk.domain.names.masked_name` shows it ("杨**").
    head_masked: str
    #: The village's own name ("新寨村").
    village: str


def greeting(session: Session, household_id: int) -> Greeting:
    """The head's masked name and the village of ``household_id``."""
    household = session.get_one(Household, household_id)
    head = min(
        household.members,
        key=lambda m: (m.relation is not Relation.HEAD, m.position),
        default=None,
    )
    return Greeting(
        head_masked=masked_name(head.name) if head is not None else "",
        village=household.village.name,
    )


def age_on(birth: date, today: date) -> int:
    """Age in whole years, as a resident counts it on official papers (周岁)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def household_file(session: Session, household_id: int, *, today: date) -> HouseholdFile:
    household = session.scalars(
        select(Household)
        .where(Household.id == household_id)
        .options(
            selectinload(Household.members),
            selectinload(Household.causes),
            selectinload(Household.measures),
        )
    ).one()
    scores = {
        Indicator.HOUSING: household.score_housing,
        Indicator.FOOD: household.score_food,
        Indicator.LABOUR: household.score_labour,
        Indicator.SCHOOLING: household.score_schooling,
        Indicator.HEALTH: household.score_health,
    }
    causes = sorted(household.causes, key=lambda c: (not c.is_main, c.cause.value))
    return HouseholdFile(
        household_id=household.id,
        file_number=household.file_number,
        place=place_name(household.village),
        village_code=household.village_code,
        address=household.address,
        status=household.status,
        score=household.poverty_score,
        band=band_for(household.poverty_score),
        indicators=tuple(
            IndicatorScore(indicator, scores[indicator], INDICATOR_MAX[indicator])
            for indicator in Indicator
        ),
        causes=tuple(c.cause for c in causes),
        measures=tuple(
            MeasureView(m.kind, m.year, m.description)
            for m in sorted(household.measures, key=lambda m: (m.year, m.id))
        ),
        members=tuple(
            MemberView(
                name=m.name,
                relation=m.relation,
                sex=m.sex,
                age=age_on(m.birth_date, today),
                id_masked=m.id_masked,
                labour_capacity=m.labour_capacity,
                health=m.health,
            )
            for m in household.members
        ),
    )
