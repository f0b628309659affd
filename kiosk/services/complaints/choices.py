"""Whom a resident can name in a complaint without a keyboard, read from the local store.

The implicated step offers, as big buttons: each cadre ever assigned to help the household
(current ones first, then earlier ones, newest first), the committee of the household's
village, and the department that paid a disputed payment. A village report offers only the
village committee: naming one's own responsible cadre would point at one's household, which
a village report promises not to carry.

A village committee is a village-level unit (``PartyKind.DEPARTMENT`` with the village's
code and level VILLAGE), so routing sends it one level up, to the township's office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Cadre,
    Disclosure,
    Household,
    Member,
    Region,
    RegionLevel,
)
from kiosk.services.complaints.draft import NamedUnit

__all__ = [
    "CadreChoice",
    "ImplicatedChoices",
    "complainant_name",
    "implicated_choices",
    "village_committee",
]


@dataclass(frozen=True)
class CadreChoice:
    """A cadre assigned to help the household: who, their post, and when they helped."""

    cadre_code: str
    name: str
    post: str
    unit: str
    start: date
    #: None while they still help the household.
    end: date | None

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class ImplicatedChoices:
    """Everything the implicated step can offer for one complaint."""

    cadres: tuple[CadreChoice, ...] = ()
    village_committee: NamedUnit | None = None
    #: The department that paid the disputed payment, if there is one.
    paying_department: NamedUnit | None = None


def village_committee(region: Region) -> NamedUnit:
    """The committee of a village (村民委员会) or a community (居民委员会)."""
    suffix = "居民委员会" if region.name.endswith("社区") else "村民委员会"
    return NamedUnit(region.name + suffix, region.code, RegionLevel.VILLAGE)


def implicated_choices(
    session: Session,
    *,
    household_id: int | None,
    aid_record_id: int | None = None,
    disclosure: Disclosure = Disclosure.ANONYMOUS,
) -> ImplicatedChoices:
    """The choices for a complaint by the household ``household_id`` (see module docs)."""
    household = session.get(Household, household_id) if household_id is not None else None
    if household is None:
        return ImplicatedChoices()
    village = session.get(Region, household.village_code)
    committee = village_committee(village) if village is not None else None
    if disclosure is Disclosure.VILLAGE_REPORT:
        return ImplicatedChoices(village_committee=committee)
    record = session.get(AidRecord, aid_record_id) if aid_record_id is not None else None
    department = None
    if record is not None and record.household_id == household.id and record.department:
        department = NamedUnit(record.department, record.department_region_code)
    return ImplicatedChoices(
        cadres=_helpers(session, household.id),
        village_committee=committee,
        paying_department=department,
    )


def complainant_name(session: Session, household_id: int, member_id: int) -> str | None:
    """The name of the identified member, if they belong to the household."""
    member = session.get(Member, member_id)
    if member is None or member.household_id != household_id:
        return None
    return member.name


def _helpers(session: Session, household_id: int) -> tuple[CadreChoice, ...]:
    rows = session.execute(
        select(Cadre, Assignment.start_date, Assignment.end_date)
        .join(Assignment, Assignment.cadre_id == Cadre.id)
        .where(Assignment.household_id == household_id)
    ).all()
    # One choice per cadre, from their latest assignment to the household.
    latest: dict[str, CadreChoice] = {}
    for cadre, start, end in rows:
        choice = CadreChoice(cadre.code, cadre.name, cadre.post, cadre.unit, start, end)
        known = latest.get(cadre.code)
        if known is None or _order(choice) < _order(known):
            latest[cadre.code] = choice
    return tuple(sorted(latest.values(), key=_order))


def _order(choice: CadreChoice) -> tuple[int, int, str]:
    # Current helpers first, then by how recently they helped, newest first.
    until = choice.end or date.max
    return (0 if choice.current else 1, -until.toordinal(), choice.cadre_code)
