"""Routing on the server: the domain's pure rule, fed with rows of the central database.

The routing input is built by :mod:`kiosk.domain.routing_input`, the builder the kiosk uses
on its own store, so the office the kiosk showed is the office chosen here. This module only
reads rows into that builder's plain facts: the household's village and its assignments
(for a complaint about no household, the region of the terminal that sent it), every post
of each cadre, and the parties the complaint names.

Who must never see a complaint (:func:`hidden_cadre_codes`) goes one step beyond the rule's
own list: besides the responsible cadres and every cadre named, every cadre who works or
worked in a department or committee it names (their unit, now or in an earlier post, has
that name), since a complaint about a village committee is about its members too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.domain.models import (
    Cadre,
    CadrePost,
    Complaint,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    PartyKind,
    RegionLevel,
)
from kiosk.domain.routing import Office, Routing, RoutingCase, route
from kiosk.domain.routing_input import (
    DescribedParty,
    Named,
    UnitFacts,
    routing_case,
)
from kiosk.domain.routing_rows import cadre_facts, household_facts, stored_offices


@dataclass(frozen=True)
class NamedParty:
    """A party as stored: the row fields of ImplicatedParty, with the cadre or office found."""

    kind: PartyKind
    name: str = ""
    cadre: Cadre | None = None
    office: DisciplineOffice | None = None
    region_code: str | None = None
    level: RegionLevel | None = None


def named_facts(party: NamedParty) -> Named:
    """What a named party is known to be: a cadre or office found, or as described."""
    if party.cadre is not None:
        return cadre_facts(party.cadre)
    if party.office is not None:
        office = party.office
        return Office(office.code, office.name, office.region_code, office.level)
    if party.kind is PartyKind.DEPARTMENT:
        return UnitFacts(party.name, party.region_code, party.level)
    return DescribedParty(party.kind, party.name, party.region_code, party.level)


def build_case(
    session: Session,
    household: Household | None,
    parties: Iterable[NamedParty],
    *,
    region_code: str | None = None,
    offices: Sequence[Office] | None = None,
) -> RoutingCase:
    """The case of a complaint about ``household``; without one it belongs to
    ``region_code`` (the sending terminal's region; None: where the parties are)."""
    return routing_case(
        household_facts(session, household) if household is not None else None,
        [named_facts(party) for party in parties],
        offices=stored_offices(session) if offices is None else offices,
        region_code=region_code,
    )


def route_complaint(
    session: Session,
    household: Household | None,
    parties: Iterable[NamedParty],
    *,
    region_code: str | None = None,
) -> Routing:
    """Where a new complaint goes; raises ``kiosk.domain.routing.NoOfficeFound``."""
    offices = stored_offices(session)
    case = build_case(session, household, parties, region_code=region_code, offices=offices)
    return route(case, offices)


def stored_parties(complaint: Complaint) -> list[NamedParty]:
    offices_by_id: dict[int, DisciplineOffice] = {}
    parties = []
    for row in complaint.implicated:
        office = _office(row, offices_by_id)
        parties.append(
            NamedParty(row.kind, row.name, row.cadre, office, row.region_code, row.level)
        )
    return parties


def _office(row: ImplicatedParty, cache: dict[int, DisciplineOffice]) -> DisciplineOffice | None:
    if row.office_id is None:
        return None
    if row.office_id not in cache:
        session = Session.object_session(row)
        office = session.get(DisciplineOffice, row.office_id) if session is not None else None
        if office is None:
            return None
        cache[row.office_id] = office
    return cache[row.office_id]


def hidden_cadre_codes(session: Session, complaint: Complaint) -> frozenset[str]:
    """Codes of the cadres who must never see ``complaint``: the household's responsible
    cadres, every cadre it names, and every cadre of a unit it names (see module docs). The
    web inbox keeps it from inspectors linked to them."""
    case = build_case(session, complaint.household, stored_parties(complaint))
    parties = (*case.responsible, *case.implicated)
    codes = {party.cadre_code for party in parties if party.cadre_code}
    return frozenset(codes | unit_cadre_codes(session, complaint))


def unit_cadre_codes(session: Session, complaint: Complaint) -> set[str]:
    """Codes of the cadres who work or worked in a department or committee ``complaint``
    names."""
    units = {
        row.name.strip()
        for row in complaint.implicated
        if row.kind is PartyKind.DEPARTMENT and row.name.strip()
    }
    if not units:
        return set()
    earlier = select(CadrePost.cadre_id).where(CadrePost.unit.in_(units))
    statement = select(Cadre.code).where(or_(Cadre.unit.in_(units), Cadre.id.in_(earlier)))
    return set(session.scalars(statement))
