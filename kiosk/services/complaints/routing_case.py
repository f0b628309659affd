"""Read the facts routing needs from the kiosk's store, and route with them.

The routing input is built by :mod:`kiosk.domain.routing_input`, the same builder the
central server uses (``central.routing``), so the destination the kiosk shows is the one
the server picks. This module only reads rows into that builder's plain facts: the
household's village and its assignments, every post of each cadre, the parties a stored
complaint names, and the offices known to the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from kiosk.domain.models import (
    AidRecord,
    Cadre,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    PartyKind,
)
from kiosk.domain.routing import Office, Routing, RoutingCase, route
from kiosk.domain.routing_input import (
    DescribedParty,
    Named,
    UnitFacts,
)
from kiosk.domain.routing_input import routing_case as build_routing_case
from kiosk.domain.routing_rows import cadre_facts, household_facts, stored_offices

__all__ = [
    "cadre_facts",
    "department_facts",
    "household_facts",
    "named_facts",
    "route_in_store",
    "routing_case",
    "stored_offices",
]


def named_facts(session: Session, row: ImplicatedParty) -> Named:
    """What a party a complaint names (saved or not yet saved) is known to be."""
    if row.kind is PartyKind.CADRE:
        cadre = row.cadre
        if cadre is None and row.cadre_id is not None:
            cadre = session.get(Cadre, row.cadre_id)
        if cadre is not None:
            return cadre_facts(cadre)
    if row.kind is PartyKind.OFFICE and row.office_id is not None:
        office = session.get(DisciplineOffice, row.office_id)
        if office is not None:
            return Office(office.code, office.name, office.region_code, office.level)
    if row.kind is PartyKind.DEPARTMENT:
        return UnitFacts(row.name, row.region_code, row.level)
    # A person, or a cadre or office the store does not know: as described.
    return DescribedParty(row.kind, row.name, row.region_code, row.level)


def department_facts(record: AidRecord) -> UnitFacts:
    """The department that paid ``record`` (e.g. 龙里县民政局), as a unit a complaint names."""
    return UnitFacts(record.department, record.department_region_code)


def routing_case(
    session: Session,
    *,
    household: Household | None,
    implicated: Iterable[ImplicatedParty | Named] = (),
    region_code: str | None = None,
    offices: Sequence[Office] | None = None,
) -> RoutingCase:
    """The routing case of a complaint about ``household``; without one (a village report),
    it belongs to ``region_code``, the terminal's region (None: where the parties are)."""
    named = [
        named_facts(session, item) if isinstance(item, ImplicatedParty) else item
        for item in implicated
    ]
    return build_routing_case(
        household_facts(session, household) if household is not None else None,
        named,
        offices=stored_offices(session) if offices is None else offices,
        region_code=region_code,
    )


def route_in_store(
    session: Session,
    *,
    household: Household | None,
    implicated: Sequence[ImplicatedParty | Named] = (),
    region_code: str | None = None,
) -> Routing:
    """Where the complaint goes by the store's data; raises ``NoOfficeFound`` like ``route``."""
    offices = stored_offices(session)
    case = routing_case(
        session,
        household=household,
        implicated=implicated,
        region_code=region_code,
        offices=offices,
    )
    return route(case, offices)
