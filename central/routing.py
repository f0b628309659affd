"""Routing on the server: the domain's pure rule, fed with rows of the central database.

The kiosk builds the same case from its own store (it may not share code with the server
beyond ``kiosk.domain``), so this module mirrors that one: the household's village (for a
complaint about no household, the region of the terminal that sent it), its current
responsible cadres, and the parties the complaint names, each with every post held.

Who must never see a complaint (:func:`hidden_cadre_codes`) goes one step beyond the rule's
own list: besides the responsible cadres and every cadre named, every cadre who works or
worked in a department or committee it names (their unit, now or in an earlier post, has
that name), since a complaint about a village committee is about its members too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import (
    Assignment,
    Cadre,
    CadrePost,
    Complaint,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    PartyKind,
    RegionLevel,
)
from kiosk.domain.routing import Office, Party, Post, Routing, RoutingCase, route


@dataclass(frozen=True)
class NamedParty:
    """A party as stored: the row fields of ImplicatedParty, with the cadre or office found."""

    kind: PartyKind
    name: str = ""
    cadre: Cadre | None = None
    office: DisciplineOffice | None = None
    region_code: str | None = None
    level: RegionLevel | None = None


def cadre_party(cadre: Cadre) -> Party:
    """A cadre with the current post and every earlier one."""
    posts = tuple(
        Post(post.unit, post.region_code, post.level, post.start_date, post.end_date)
        for post in cadre.posts
    )
    return Party(
        kind=PartyKind.CADRE,
        name=cadre.name,
        cadre_code=cadre.code,
        region_code=cadre.region_code,
        level=cadre.level,
        posts=posts,
        unit=cadre.unit,
    )


def named_party(party: NamedParty) -> Party:
    if party.cadre is not None:
        return cadre_party(party.cadre)
    if party.office is not None:
        return Party(
            kind=PartyKind.OFFICE,
            name=party.office.name,
            region_code=party.office.region_code,
            level=party.office.level,
            office_code=party.office.code,
            unit=party.office.name,
        )
    return Party(
        kind=party.kind,
        name=party.name,
        region_code=party.region_code,
        level=party.level,
        unit=party.name if party.kind is PartyKind.DEPARTMENT else "",
    )


def responsible_cadres(session: Session, household: Household) -> list[Cadre]:
    """The household's current responsible cadres (assignments without an end date)."""
    statement = (
        select(Cadre)
        .join(Assignment, Assignment.cadre_id == Cadre.id)
        .where(Assignment.household_id == household.id, Assignment.end_date.is_(None))
        .options(selectinload(Cadre.posts))
        .order_by(Cadre.code)
    )
    return list(session.scalars(statement).unique())


def all_offices(session: Session) -> list[Office]:
    rows = session.scalars(select(DisciplineOffice).order_by(DisciplineOffice.code))
    return [Office(row.code, row.name, row.region_code, row.level) for row in rows]


def build_case(
    session: Session,
    household: Household | None,
    parties: Iterable[NamedParty],
    *,
    region_code: str | None = None,
) -> RoutingCase:
    """The case of a complaint about ``household``; without one it belongs to
    ``region_code`` (the sending terminal's region; None: where the parties are)."""
    responsible = responsible_cadres(session, household) if household is not None else []
    return RoutingCase(
        household_region_code=household.village_code if household is not None else region_code,
        responsible=tuple(cadre_party(cadre) for cadre in responsible),
        implicated=tuple(named_party(party) for party in parties),
    )


def route_complaint(
    session: Session,
    household: Household | None,
    parties: Iterable[NamedParty],
    *,
    region_code: str | None = None,
) -> Routing:
    """Where a new complaint goes; raises ``kiosk.domain.routing.NoOfficeFound``."""
    case = build_case(session, household, parties, region_code=region_code)
    return route(case, all_offices(session))


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
