"""Where a complaint goes: the routing rule as a pure function.

The kiosk calls :func:`route` to show a resident where their complaint will go, even offline;
the central server calls it again when the complaint arrives and its answer is final. Both
hand it plain frozen values, never ORM objects, so the rule can be read and tested alone
(``kiosk.domain.routing_input`` builds them, the same way for both, from facts each side
reads from its own database).

Public names (stable; other modules import them):

``Office(code, name, region_code, level)``
    A discipline office (纪检监察机关) and the region it covers.
``Post(unit, region_code, level, start=None, end=None)``
    A post a party held. Every post counts whatever its dates: a former post is exactly
    what must be seen, so the dates are carried only for display.
``Party(kind, name="", cadre_code=None, region_code=None, level=None, posts=(),
office_code=None, unit="")``
    Someone implicated, or the household's responsible cadre. ``region_code``/``level`` is
    the current unit (the level is read from the code when not given; when both are given
    and disagree the higher one counts). ``office_code`` names the discipline office the
    party is, or works in. ``unit`` is the name of the current unit.
``RoutingCase(household_region_code, responsible=(), implicated=())``
    The household's village (None when unknown), its current responsible cadres, and the
    parties the complaint names.
``route(case, offices) -> Routing``
    ``Routing(office, required_level, hidden_from_cadres, reasons)``: ``reasons`` are
    :class:`RoutingWhy` codes with their values, for the kiosk and the server to word.
``NoOfficeFound``
    A :class:`~kiosk.domain.problems.Refused` whose reason says why no office may receive
    the complaint.
``region_level(code)``, ``region_ancestors(code)``
    The level of a statistical division code, and the code with its ancestors, nearest
    first, derived from the code alone.

The rule:

1. Required level: one level above the highest post any implicated person holds or held
   (village officials go to the township or street office, township officials to the county
   commission, county officials to the prefecture, and so on). A department of a county or
   higher government (a paying department such as 龙里县民政局) is overseen by the
   commission of that same government, which stands above its departments: it goes there
   (county departments to the county commission). A township's stations are small and share
   the township's one office, so they go one level up, like township officials. A party
   whose level is unknown sets no level, nor does a private person's home region (only a
   post they hold does). Without any level, the county commission.
   Above the province there is no office here: NoOfficeFound.
2. Jurisdiction: the office must cover (be at or above) the household's village and the
   current unit of every implicated party whose unit is known, other than a private
   person's home: an office can only investigate those under it. With neither known, it
   must cover every region the parties live or served in.
3. Exclusions: an implicated office; the office a responsible or implicated cadre works in
   (by ``office_code``, or an office whose name is the unit of any post they held); and any
   office sitting at a unit (region and level) an implicated person served in (a
   department's own government's commission is not the department, so it stays).
4. Starting at the required level and going up through the regions with jurisdiction, the
   first office that is not excluded wins (the lowest code when a region has several). An
   excluded or missing office sends the complaint one level further up.
5. ``hidden_from_cadres`` holds the codes of every responsible and implicated cadre, so the
   server can keep the complaint from an inspector account linked to any of them.

A malformed region code raises ValueError: callers validate codes before routing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain.models.complaints import PartyKind
from kiosk.domain.models.regions import RegionLevel
from kiosk.domain.problems import Reason, Refused

__all__ = [
    "NoOfficeFound",
    "Office",
    "Party",
    "PartyKind",
    "Post",
    "Routing",
    "RoutingCase",
    "RoutingWhy",
    "region_ancestors",
    "region_level",
    "route",
]

#: Without a named party a complaint goes to the household's county commission.
DEFAULT_LEVEL = RegionLevel.COUNTY

_LEVELS_BY_RANK = list(RegionLevel)

Unit = tuple[str, RegionLevel]


@dataclass(frozen=True)
class Office:
    """A discipline office and the region it covers, at township level or above."""

    code: str
    name: str
    region_code: str
    level: RegionLevel


@dataclass(frozen=True)
class Post:
    """A post held in ``unit`` (a region at a level), current or earlier."""

    unit: str
    region_code: str
    level: RegionLevel
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Party:
    """Someone a complaint names, or a household's responsible cadre (see module docs)."""

    kind: PartyKind
    name: str = ""
    cadre_code: str | None = None
    region_code: str | None = None
    level: RegionLevel | None = None
    posts: tuple[Post, ...] = ()
    office_code: str | None = None
    unit: str = ""

    def current_level(self) -> RegionLevel | None:
        """The level of the current unit: given, read from the code, the higher if both.

        A private person's region is where they live, not a post, so it sets no level."""
        levels = [self.level] if self.level is not None else []
        if self.region_code is not None and self.kind is not PartyKind.PERSON:
            levels.append(region_level(self.region_code))
        return min(levels, key=lambda level: level.rank) if levels else None

    def units(self) -> frozenset[Unit]:
        """Every (region code, level) the party is in or served in."""
        units = {(post.region_code, post.level) for post in self.posts}
        level = self.current_level()
        if self.region_code is not None and level is not None:
            units.add((self.region_code, level))
        return frozenset(units)

    def highest_level(self) -> RegionLevel | None:
        """The highest level of any post held, now or before; None if none is known."""
        levels = [post.level for post in self.posts]
        current = self.current_level()
        if current is not None:
            levels.append(current)
        return min(levels, key=lambda level: level.rank) if levels else None

    def unit_names(self) -> frozenset[str]:
        """Names of the units the party works or worked in (offices among them)."""
        names = {post.unit for post in self.posts} | {self.unit}
        if self.kind is PartyKind.OFFICE:
            names.add(self.name)
        return frozenset(name.strip() for name in names if name.strip())


@dataclass(frozen=True)
class RoutingCase:
    """What routing needs to know about one complaint."""

    household_region_code: str | None
    responsible: tuple[Party, ...] = ()
    implicated: tuple[Party, ...] = ()


@dataclass(frozen=True)
class Routing:
    """The office a complaint goes to, the level the rule asked for (the office may be
    higher when that level had no usable office), who must never see it, and why."""

    office: Office
    required_level: RegionLevel
    hidden_from_cadres: frozenset[str]
    reasons: tuple[Reason, ...]


class RoutingWhy(StrEnum):
    """Why a complaint goes where it goes, or nowhere; never naming a person.

    Values: ``required`` and ``highest`` are :class:`RegionLevel` values, ``office`` the
    receiving office's name.
    """

    #: No party is named: the default level.
    NO_PARTY = "routing.no_party"
    #: A government department: the commission of that government.
    DEPARTMENT = "routing.department"
    #: One level above the highest post named.
    ONE_LEVEL_UP = "routing.one_level_up"
    #: The required level had no usable office, so it went higher.
    FURTHER_UP = "routing.further_up"
    OFFICE = "routing.office"
    HIDDEN_FROM_RESPONSIBLE = "routing.hidden_from_responsible"
    HIDDEN_FROM_NAMED = "routing.hidden_from_named"
    # Refusals (NoOfficeFound):
    ABOVE_PROVINCE = "routing.above_province"
    NO_OFFICE = "routing.no_office"
    NO_PLACE = "routing.no_place"


class NoOfficeFound(Refused):
    """No discipline office may receive the complaint; the reason says why."""

    def __init__(self, why: RoutingWhy, **values: str) -> None:
        super().__init__(Reason.of(why, **values))


def region_level(code: str) -> RegionLevel:
    """The level of a statistical division code: 12 digits a village, 9 a township, 6 a
    county, a prefecture when it ends in 00, the province when it ends in 0000."""
    if not code.isdigit() or len(code) not in (6, 9, 12):
        raise ValueError(f"not a region code: {code!r}")
    if len(code) == 12:
        return RegionLevel.VILLAGE
    if len(code) == 9:
        return RegionLevel.TOWNSHIP
    if code.endswith("0000"):
        return RegionLevel.PROVINCE
    if code.endswith("00"):
        return RegionLevel.PREFECTURE
    return RegionLevel.COUNTY


def region_ancestors(code: str) -> list[Unit]:
    """``code`` and every region above it, nearest first, up to the province."""
    level = region_level(code)
    # The code of each level is a prefix of the code below it, padded with zeros.
    forms = {
        RegionLevel.VILLAGE: code,
        RegionLevel.TOWNSHIP: code[:9],
        RegionLevel.COUNTY: code[:6],
        RegionLevel.PREFECTURE: code[:4] + "00",
        RegionLevel.PROVINCE: code[:2] + "0000",
    }
    return [(forms[lvl], lvl) for lvl in reversed(_LEVELS_BY_RANK) if lvl.rank <= level.rank]


def route(case: RoutingCase, offices: Sequence[Office]) -> Routing:
    """The office that receives the complaint described by ``case`` (see module docs)."""
    highest = _highest_implicated_level(case.implicated)
    ceiling = _required_rank(case.implicated)
    if ceiling is None:
        required = DEFAULT_LEVEL
    elif ceiling < 0:
        raise NoOfficeFound(RoutingWhy.ABOVE_PROVINCE)
    else:
        required = _LEVELS_BY_RANK[ceiling]

    chain = _jurisdiction_chain(case)
    excluded_codes, excluded_units, excluded_names = _exclusions(case)
    by_unit: dict[Unit, list[Office]] = {}
    for office in offices:
        by_unit.setdefault((office.region_code, office.level), []).append(office)

    for unit in chain:
        if unit[1].rank > required.rank:
            continue
        for office in sorted(by_unit.get(unit, ()), key=lambda o: o.code):
            if (
                office.code in excluded_codes
                or unit in excluded_units
                or office.name.strip() in excluded_names
            ):
                continue
            reasons = _reasons(highest, required, office, case)
            return Routing(office, required, _hidden_cadres(case), reasons)
    raise NoOfficeFound(RoutingWhy.NO_OFFICE, required=required.value)


def required_rank(party: Party) -> int | None:
    """The rank of the lowest office that may hear a complaint about ``party`` (-1: none
    here, above the province); None when the party sets no level."""
    highest = party.highest_level()
    if highest is None:
        return None
    if party.kind is PartyKind.DEPARTMENT and highest.rank <= RegionLevel.COUNTY.rank:
        return highest.rank
    return highest.rank - 1


def _required_rank(parties: Iterable[Party]) -> int | None:
    ranks = [rank for party in parties if (rank := required_rank(party)) is not None]
    return min(ranks) if ranks else None


def _highest_implicated_level(parties: Iterable[Party]) -> RegionLevel | None:
    levels = [level for party in parties if (level := party.highest_level()) is not None]
    return min(levels, key=lambda level: level.rank) if levels else None


def _jurisdiction_chain(case: RoutingCase) -> list[Unit]:
    """The regions, nearest first, whose offices may hear the complaint."""
    regions = sorted(
        {
            party.region_code
            for party in case.implicated
            if party.region_code and party.kind is not PartyKind.PERSON
        }
    )
    if case.household_region_code is not None:
        regions.insert(0, case.household_region_code)
    elif not regions:
        regions = sorted(
            {code for party in case.implicated for code, _ in party.units()}
            | {party.region_code for party in case.implicated if party.region_code}
        )
    if not regions:
        raise NoOfficeFound(RoutingWhy.NO_PLACE)
    # Only regions above all of them have jurisdiction over every party.
    common = set(region_ancestors(regions[0]))
    for code in regions[1:]:
        common &= set(region_ancestors(code))
    return [unit for unit in region_ancestors(regions[0]) if unit in common]


def _exclusions(case: RoutingCase) -> tuple[set[str], set[Unit], set[str]]:
    codes: set[str] = set()
    names: set[str] = set()
    units: set[Unit] = set()
    for party in (*case.responsible, *case.implicated):
        if party.office_code is not None:
            codes.add(party.office_code)
        names |= party.unit_names()
    for party in case.implicated:
        if party.kind is not PartyKind.DEPARTMENT:
            units |= party.units()
    return codes, units, names


def _hidden_cadres(case: RoutingCase) -> frozenset[str]:
    parties = (*case.responsible, *case.implicated)
    return frozenset(party.cadre_code for party in parties if party.cadre_code)


def _reasons(
    highest: RegionLevel | None,
    required: RegionLevel,
    office: Office,
    case: RoutingCase,
) -> tuple[Reason, ...]:
    if highest is None:
        reasons = [Reason.of(RoutingWhy.NO_PARTY, required=required.value)]
    elif required is highest:
        reasons = [Reason.of(RoutingWhy.DEPARTMENT, highest=highest.value, required=required.value)]
    else:
        reasons = [
            Reason.of(RoutingWhy.ONE_LEVEL_UP, highest=highest.value, required=required.value)
        ]
    if office.level is not required:
        reasons.append(Reason.of(RoutingWhy.FURTHER_UP, required=required.value))
    reasons.append(Reason.of(RoutingWhy.OFFICE, office=office.name))
    if case.responsible:
        reasons.append(Reason.of(RoutingWhy.HIDDEN_FROM_RESPONSIBLE))
    if any(party.cadre_code for party in case.implicated):
        reasons.append(Reason.of(RoutingWhy.HIDDEN_FROM_NAMED))
    return tuple(reasons)
