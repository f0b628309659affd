"""Build the plain values of :mod:`kiosk.domain.routing` from the store, and route with them.

The routing rule itself is pure; this module does the reading it needs: the household's
responsible cadres, every post a named cadre held, which discipline office a cadre works in,
and the offices known to the store. The kiosk uses it to show where a complaint will go; the
central server builds the same values from its own tables (``central.routing``), and the
two must agree so that the destination shown to the resident is the one the server picks:
the household's current responsible cadres (assignments without an end date), and for each
cadre every post held, with the unit's name so an office they work in is recognised; a
named department (a paying bureau, a village committee) with its own name as its unit. A
complaint about no household (a village report) is placed by the terminal's region, which
the server takes from its record of the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Cadre,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    PartyKind,
    RegionLevel,
)
from kiosk.domain.routing import Office, Party, Post, Routing, RoutingCase, route

__all__ = [
    "party_from_cadre",
    "party_from_department",
    "party_from_implicated",
    "party_from_unit",
    "responsible_parties",
    "route_in_store",
    "routing_case",
    "store_offices",
]


def store_offices(session: Session) -> list[Office]:
    """Every discipline office in the store, as routing sees them."""
    rows = session.scalars(select(DisciplineOffice).order_by(DisciplineOffice.code))
    return [_office(row) for row in rows]


def party_from_cadre(session: Session, cadre: Cadre, *, kind: PartyKind = PartyKind.CADRE) -> Party:
    """A cadre with every post they held and, when their unit is a discipline office, its code.

    The name is left out: routing never needs it, and what is not carried cannot leak.
    """
    office_code = session.scalar(
        select(DisciplineOffice.code).where(
            DisciplineOffice.name == cadre.unit,
            DisciplineOffice.region_code == cadre.region_code,
        )
    )
    posts = tuple(
        Post(row.unit, row.region_code, row.level, row.start_date, row.end_date)
        for row in cadre.posts
    )
    return Party(
        kind,
        cadre_code=cadre.code,
        region_code=cadre.region_code,
        level=cadre.level,
        posts=posts,
        office_code=office_code,
        unit=cadre.unit,
    )


def party_from_implicated(session: Session, row: ImplicatedParty) -> Party:
    """The routing view of a party a complaint names (saved or not yet saved)."""
    if row.kind is PartyKind.CADRE:
        cadre = row.cadre
        if cadre is None and row.cadre_id is not None:
            cadre = session.get(Cadre, row.cadre_id)
        if cadre is not None:
            return party_from_cadre(session, cadre)
    if row.kind is PartyKind.OFFICE and row.office_id is not None:
        office = session.get(DisciplineOffice, row.office_id)
        if office is not None:
            return Party(
                PartyKind.OFFICE,
                office.name,
                region_code=office.region_code,
                level=office.level,
                office_code=office.code,
            )
    if row.kind is PartyKind.DEPARTMENT:
        return party_from_unit(row.name, row.region_code, row.level)
    # A person, or a cadre or office the store does not know: as described.
    return Party(row.kind, row.name, region_code=row.region_code, level=row.level)


def party_from_unit(name: str, region_code: str | None, level: RegionLevel | None) -> Party:
    """A named department or committee; its name is its unit, as on the server, so an office
    of that very name is never the one to hear it."""
    return Party(PartyKind.DEPARTMENT, name, region_code=region_code, level=level, unit=name)


def party_from_department(record: AidRecord) -> Party:
    """The department that paid ``record`` (e.g. 龙里县民政局), as an implicated party."""
    return party_from_unit(record.department, record.department_region_code, None)


def responsible_parties(session: Session, household: Household) -> tuple[Party, ...]:
    """The cadres currently assigned to help ``household`` (assignments without an end)."""
    cadres = session.scalars(
        select(Cadre)
        .join(Assignment, Assignment.cadre_id == Cadre.id)
        .where(Assignment.household_id == household.id, Assignment.end_date.is_(None))
        .distinct()
        .order_by(Cadre.code)
    )
    return tuple(party_from_cadre(session, cadre) for cadre in cadres)


def routing_case(
    session: Session,
    *,
    household: Household | None,
    implicated: Iterable[ImplicatedParty | Party] = (),
    region_code: str | None = None,
) -> RoutingCase:
    """The routing case of a complaint about ``household``; without one (a village report),
    it belongs to ``region_code``, the terminal's region (None: where the parties are)."""
    parties = tuple(
        item if isinstance(item, Party) else party_from_implicated(session, item)
        for item in implicated
    )
    if household is None:
        return RoutingCase(region_code, (), parties)
    return RoutingCase(household.village_code, responsible_parties(session, household), parties)


def route_in_store(
    session: Session,
    *,
    household: Household | None,
    implicated: Sequence[ImplicatedParty | Party] = (),
    region_code: str | None = None,
) -> Routing:
    """Where the complaint goes by the store's data; raises ``NoOfficeFound`` like ``route``."""
    case = routing_case(
        session, household=household, implicated=implicated, region_code=region_code
    )
    return route(case, store_offices(session))


def _office(row: DisciplineOffice) -> Office:
    return Office(row.code, row.name, row.region_code, row.level)
