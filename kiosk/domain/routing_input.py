"""The input of the routing rule, built once from plain facts for the kiosk and the server.

The kiosk shows a resident where a complaint will go; the central server decides where it
goes. Both run :func:`kiosk.domain.routing.route`, and the office shown must be the office
chosen, so both must hand the rule the same :class:`~kiosk.domain.routing.RoutingCase` for
the same data. This module is the one place that case is made. Each side only reads its own
database into the plain, frozen facts below (``kiosk.services.complaints.routing_case`` on
the kiosk, ``central.routing`` on the server) and calls :func:`routing_case`.

The facts:

``CadreFacts(code, unit, region_code, level, posts=())``
    A cadre: staff code, current unit with its region and level, and every post held, the
    current one and earlier ones, as the register keeps them.
``Assigned(cadre, start, end=None)``
    A cadre's assignment to help a household; ``end`` is None while it lasts.
``HouseholdFacts(village_code, assignments=())``
    The household's village and every assignment to it, current and earlier.
``UnitFacts(name, region_code=None, level=None)``
    A department or committee a complaint names (a village committee, a paying department
    such as 龙里县民政局): its name and the region and level of its government.
``DescribedParty(kind, name="", region_code=None, level=None)``
    A party known only by what was said of it: a private person, or a cadre or office the
    data does not hold.
``Named``
    What a complaint names: ``CadreFacts | Office | UnitFacts | DescribedParty``.

How the case is built (the choices both sides used to make each on their own):

- The household's responsible cadres are those whose assignment has no end: a former helper
  is no longer the household's own, and the resident may name them as implicated instead.
  Each cadre counts once, in order of staff code.
- A cadre carries every post held, and the code of the discipline office they work in when
  their current unit is an office of the same name in the same region. The rule also
  excludes any office whose name is the unit of any post a cadre held, so the code only
  makes that exclusion exact.
- No person's name is carried: the rule never reads it, and what is not carried cannot
  leak into a reason or a log. Units and offices keep their names, which the rule reads to
  tell an office that is implicated from one that is not.
- A complaint about no household (a village report) belongs to ``region_code``: the region
  of the terminal it was filed at (None: where the parties are).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.domain.models.complaints import PartyKind
from kiosk.domain.models.regions import RegionLevel
from kiosk.domain.routing import Office, Party, Post, RoutingCase

__all__ = [
    "Assigned",
    "CadreFacts",
    "DescribedParty",
    "HouseholdFacts",
    "Named",
    "UnitFacts",
    "cadre_party",
    "named_party",
    "responsible_cadres",
    "routing_case",
]


@dataclass(frozen=True)
class CadreFacts:
    """A cadre as routing sees them: current unit and every post held (see module docs)."""

    code: str
    unit: str
    region_code: str
    level: RegionLevel
    posts: tuple[Post, ...] = ()


@dataclass(frozen=True)
class Assigned:
    """A cadre made responsible for a household from ``start``; current while ``end`` is
    None."""

    cadre: CadreFacts
    start: date
    end: date | None = None

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class HouseholdFacts:
    """The household a complaint is about: its village and every assignment to it."""

    village_code: str
    assignments: tuple[Assigned, ...] = ()


@dataclass(frozen=True)
class UnitFacts:
    """A department or committee a complaint names, with its government's region and level."""

    name: str
    region_code: str | None = None
    level: RegionLevel | None = None


@dataclass(frozen=True)
class DescribedParty:
    """A party known only by what was said: a person, or a cadre or office not in the data."""

    kind: PartyKind
    name: str = ""
    region_code: str | None = None
    level: RegionLevel | None = None


Named = CadreFacts | Office | UnitFacts | DescribedParty


def cadre_party(cadre: CadreFacts, offices: Sequence[Office]) -> Party:
    """``cadre`` as a routing party: every post, and the office they work in if any."""
    return Party(
        PartyKind.CADRE,
        cadre_code=cadre.code,
        region_code=cadre.region_code,
        level=cadre.level,
        posts=cadre.posts,
        office_code=_office_of(cadre, offices),
        unit=cadre.unit,
    )


def named_party(named: Named, offices: Sequence[Office]) -> Party:
    """What a complaint names, as a routing party."""
    if isinstance(named, CadreFacts):
        return cadre_party(named, offices)
    if isinstance(named, Office):
        return Party(
            PartyKind.OFFICE,
            named.name,
            region_code=named.region_code,
            level=named.level,
            office_code=named.code,
        )
    if isinstance(named, UnitFacts):
        # Its name is its unit, so an office of that very name is never the one to hear it.
        name = named.name.strip()
        return Party(
            PartyKind.DEPARTMENT, name, region_code=named.region_code, level=named.level, unit=name
        )
    if named.kind is PartyKind.DEPARTMENT:
        return named_party(UnitFacts(named.name, named.region_code, named.level), offices)
    # An office's name is what excludes it; a person's name is never needed.
    name = named.name.strip() if named.kind is PartyKind.OFFICE else ""
    return Party(named.kind, name, region_code=named.region_code, level=named.level)


def responsible_cadres(household: HouseholdFacts) -> tuple[CadreFacts, ...]:
    """The cadres currently helping ``household``, each once, in order of staff code."""
    current = {item.cadre.code: item.cadre for item in household.assignments if item.current}
    return tuple(current[code] for code in sorted(current))


def routing_case(
    household: HouseholdFacts | None,
    named: Iterable[Named],
    *,
    offices: Sequence[Office],
    region_code: str | None = None,
) -> RoutingCase:
    """The routing case of a complaint about ``household`` naming ``named``; without a
    household it belongs to ``region_code``, the terminal's region (see module docs).

    ``offices`` are the offices routing will choose from, so a cadre who works in one is
    recognised."""
    implicated = tuple(named_party(item, offices) for item in named)
    if household is None:
        return RoutingCase(region_code, (), implicated)
    responsible = tuple(cadre_party(cadre, offices) for cadre in responsible_cadres(household))
    return RoutingCase(household.village_code, responsible, implicated)


def _office_of(cadre: CadreFacts, offices: Sequence[Office]) -> str | None:
    unit = cadre.unit.strip()
    codes = [
        office.code
        for office in offices
        if office.name.strip() == unit and office.region_code == cadre.region_code
    ]
    return min(codes) if unit and codes else None
