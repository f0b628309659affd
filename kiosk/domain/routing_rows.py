"""The routing facts read from the domain's rows, the same for the kiosk and the server.

Both keep households, cadres, assignments and discipline offices in the tables of
:mod:`kiosk.domain.models`, so both read them into :mod:`kiosk.domain.routing_input`'s facts
here, and the kiosk's preview and the server's decision cannot drift apart in how they do.
What differs (how each side stores the parties a complaint names) stays in each side's
loader.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import Assignment, Cadre, DisciplineOffice, Household
from kiosk.domain.routing import Office, Post
from kiosk.domain.routing_input import Assigned, CadreFacts, HouseholdFacts


def cadre_facts(cadre: Cadre) -> CadreFacts:
    """A cadre's current unit and every post they held."""
    posts = tuple(
        Post(row.unit, row.region_code, row.level, row.start_date, row.end_date)
        for row in cadre.posts
    )
    return CadreFacts(cadre.code, cadre.unit, cadre.region_code, cadre.level, posts)


def household_facts(session: Session, household: Household) -> HouseholdFacts:
    """The household's village and every assignment to it, current and earlier."""
    rows = session.scalars(
        select(Assignment)
        .where(Assignment.household_id == household.id)
        .options(selectinload(Assignment.cadre).selectinload(Cadre.posts))
    )
    assignments = tuple(
        Assigned(cadre_facts(row.cadre), row.start_date, row.end_date) for row in rows
    )
    return HouseholdFacts(household.village_code, assignments)


def stored_offices(session: Session) -> list[Office]:
    """Every discipline office in the database, as routing sees them."""
    rows = session.scalars(select(DisciplineOffice).order_by(DisciplineOffice.code))
    return [Office(row.code, row.name, row.region_code, row.level) for row in rows]
