"""Where a draft complaint will go, worked out on the kiosk from its cached data.

The rule is :func:`kiosk.domain.routing.route`; this module only feeds it the household's
village (or, for a village report, the terminal's region), its responsible cadres, the
cadres and units the draft names, and the known offices.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.models import Cadre, Household
from kiosk.domain.problems import Reason, Refused
from kiosk.domain.routing import NoOfficeFound
from kiosk.domain.routing_input import Named, UnitFacts
from kiosk.services.complaints.draft import ComplaintDraft
from kiosk.services.complaints.routing_case import cadre_facts, route_in_store


@dataclass(frozen=True)
class Destination:
    """The office the complaint is expected to reach, and why (the routing rule's codes)."""

    office_code: str
    office_name: str
    reasons: tuple[Reason, ...]


class NoDestination(Refused):
    """No office known to this kiosk may receive the complaint; ``reason`` says why."""


def destination_for(
    session: Session, draft: ComplaintDraft, *, terminal_region_code: str | None = None
) -> Destination:
    """The routing rule's answer for ``draft``; raises :class:`NoDestination`.

    Only the cadres and units the resident names are implicated: a disputed payment alone
    implicates no one, so it goes to the household's county commission, as the design's
    story does. A complaint about no household is placed by ``terminal_region_code``, the
    region the central server has registered for this terminal.
    """
    household = session.get(Household, draft.household_id) if draft.household_id else None
    cadres = session.scalars(select(Cadre).where(Cadre.code.in_(draft.implicated_cadre_codes)))
    implicated: list[Named] = [cadre_facts(cadre) for cadre in cadres]
    implicated += [
        UnitFacts(unit.name.strip(), unit.region_code, unit.level)
        for unit in draft.implicated_units
    ]
    try:
        routing = route_in_store(
            session,
            household=household,
            implicated=implicated,
            region_code=None if household is not None else terminal_region_code,
        )
    except NoOfficeFound as exc:
        raise NoDestination(exc.reason) from None
    return Destination(
        office_code=routing.office.code, office_name=routing.office.name, reasons=routing.reasons
    )
