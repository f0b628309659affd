"""The complaint routing rule: a table of cases, then properties over random cases."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.models import PartyKind, RegionLevel
from kiosk.domain.problems import Reason
from kiosk.domain.routing import (
    NoOfficeFound,
    Office,
    Party,
    Post,
    Routing,
    RoutingCase,
    RoutingWhy,
    region_ancestors,
    region_level,
    required_rank,
    route,
)

L = RegionLevel

# Real division codes: Guizhou > Qiannan > Longli (and Duyun beside it). Villages are made up
# under real townships, as the register numbers them.
PROVINCE = "520000"
QIANNAN = "522700"
LONGLI = "522730"
GUANSHAN = "522730001"  # 冠山街道
LONGSHAN = "522730100"  # 龙山镇
XINGSHI = "522730102"  # 醒狮镇
GUANSHAN_VILLAGE = "522730001001"
GUANSHAN_VILLAGE_2 = "522730001002"
LONGSHAN_VILLAGE = "522730100201"
XINGSHI_VILLAGE = "522730102201"
DUYUN = "522701"
GUANGHUI = "522701001"  # 广惠街道, 都匀市
GUANGHUI_VILLAGE = "522701001001"

OFFICES = {
    "S": Office("S", "贵州省纪委监委", PROVINCE, L.PROVINCE),
    "P": Office("P", "黔南州纪委监委", QIANNAN, L.PREFECTURE),
    "C": Office("C", "龙里县纪委监委", LONGLI, L.COUNTY),
    "D": Office("D", "都匀市纪委监委", DUYUN, L.COUNTY),
    "T1": Office("T1", "冠山街道纪工委", GUANSHAN, L.TOWNSHIP),
    "T3": Office("T3", "醒狮镇纪委", XINGSHI, L.TOWNSHIP),
    "TD": Office("TD", "广惠街道纪工委", GUANGHUI, L.TOWNSHIP),
}
# 龙山镇 has no office in the data: a gap the rule must step over.
UNIT_OF_LEVEL = {
    L.VILLAGE: GUANSHAN_VILLAGE,
    L.TOWNSHIP: GUANSHAN,
    L.COUNTY: LONGLI,
    L.PREFECTURE: QIANNAN,
    L.PROVINCE: PROVINCE,
}
OFFICE_OF_LEVEL = {L.TOWNSHIP: "T1", L.COUNTY: "C", L.PREFECTURE: "P", L.PROVINCE: "S"}


def cadre(code: str, region: str, *posts: Post, office: str | None = None) -> Party:
    """A cadre whose current unit is ``region`` (its level read from the code)."""
    return Party(PartyKind.CADRE, "某干部", code, region, None, posts, office)


def post(unit: str, region: str) -> Post:
    return Post(unit, region, region_level(region))


@dataclass(frozen=True)
class Row:
    """One line of the routing table: a case and where it must go (None: NoOfficeFound)."""

    household: str | None
    implicated: tuple[Party, ...] = ()
    responsible: tuple[Party, ...] = ()
    expected: str | None = None
    required: RegionLevel | None = None
    offices: tuple[str, ...] = field(default=tuple(OFFICES))


TABLE: dict[str, Row] = {
    "none named: household's county commission": Row(
        GUANSHAN_VILLAGE, expected="C", required=L.COUNTY
    ),
    "none named in Duyun: Duyun's commission": Row(
        GUANGHUI_VILLAGE, expected="D", required=L.COUNTY
    ),
    "village official: township office": Row(
        GUANSHAN_VILLAGE, (cadre("V1", GUANSHAN_VILLAGE),), expected="T1", required=L.TOWNSHIP
    ),
    "village official of Xingshi: Xingshi office": Row(
        XINGSHI_VILLAGE, (cadre("V3", XINGSHI_VILLAGE),), expected="T3", required=L.TOWNSHIP
    ),
    "township official: county commission": Row(
        GUANSHAN_VILLAGE, (cadre("T", GUANSHAN),), expected="C", required=L.COUNTY
    ),
    "township department: county commission": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.DEPARTMENT, "冠山街道财政所", region_code=GUANSHAN),),
        expected="C",
        required=L.COUNTY,
    ),
    "county department (paying, 龙里县民政局): county commission above it": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.DEPARTMENT, "龙里县民政局", region_code=LONGLI, level=L.COUNTY),),
        expected="C",
        required=L.COUNTY,
    ),
    "paying department with level read from its code: county commission": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.DEPARTMENT, "龙里县民政局", region_code=LONGLI),),
        expected="C",
        required=L.COUNTY,
    ),
    "paying department implicated with the county commission itself: prefecture": Row(
        GUANSHAN_VILLAGE,
        (
            Party(PartyKind.DEPARTMENT, "龙里县民政局", region_code=LONGLI),
            Party(PartyKind.OFFICE, "龙里县纪委监委", office_code="C", region_code=LONGLI),
        ),
        expected="P",
        required=L.PREFECTURE,
    ),
    "prefecture department: prefecture commission": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.DEPARTMENT, "黔南州民政局", region_code=QIANNAN),),
        expected="P",
        required=L.PREFECTURE,
    ),
    "county official: prefecture": Row(
        GUANSHAN_VILLAGE, (cadre("K", LONGLI),), expected="P", required=L.PREFECTURE
    ),
    "prefecture official: province": Row(
        GUANSHAN_VILLAGE, (cadre("Q", QIANNAN),), expected="S", required=L.PROVINCE
    ),
    "province official: nowhere above": Row(GUANSHAN_VILLAGE, (cadre("G", PROVINCE),)),
    "level given above the code's level: the higher counts": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.CADRE, cadre_code="X", region_code=GUANSHAN, level=L.COUNTY),),
        expected="P",
        required=L.PREFECTURE,
    ),
    "level given below the code's level: the higher counts": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.CADRE, "某干部", "Y", region_code=LONGLI, level=L.TOWNSHIP),),
        expected="P",
        required=L.PREFECTURE,
    ),
    "private person at home: no level, county": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.PERSON, "某某", region_code=GUANSHAN_VILLAGE_2),),
        expected="C",
        required=L.COUNTY,
    ),
    "named cadre of unknown post: county, hidden still": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.CADRE, "某某", cadre_code="U"),),
        expected="C",
        required=L.COUNTY,
    ),
    "implicated township office: county": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.OFFICE, "冠山街道纪工委", None, GUANSHAN, L.TOWNSHIP, (), "T1"),),
        expected="C",
        required=L.COUNTY,
    ),
    "implicated county commission: prefecture": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.OFFICE, "龙里县纪委监委", None, LONGLI, L.COUNTY, (), "C"),),
        expected="P",
        required=L.PREFECTURE,
    ),
    "implicated prefecture commission: province": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.OFFICE, "黔南州纪委监委", None, QIANNAN, L.PREFECTURE, (), "P"),),
        expected="S",
        required=L.PROVINCE,
    ),
    "implicated province commission: nowhere above": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.OFFICE, "贵州省纪委监委", None, PROVINCE, L.PROVINCE, (), "S"),),
    ),
    "implicated office known by code only: still excluded and above": Row(
        GUANSHAN_VILLAGE,
        (Party(PartyKind.OFFICE, office_code="C"),),
        expected="P",
        required=L.COUNTY,
    ),
    "cadre moved village to township: county": Row(
        GUANSHAN_VILLAGE,
        (cadre("M1", GUANSHAN, post("新寨村委会", GUANSHAN_VILLAGE)),),
        expected="C",
        required=L.COUNTY,
    ),
    "cadre moved township to county: prefecture": Row(
        GUANSHAN_VILLAGE,
        (cadre("M2", LONGLI, post("冠山街道办事处", GUANSHAN)),),
        expected="P",
        required=L.PREFECTURE,
    ),
    "cadre moved down from county to village: former post counts": Row(
        GUANSHAN_VILLAGE,
        (cadre("M3", GUANSHAN_VILLAGE, post("龙里县扶贫办", LONGLI)),),
        expected="P",
        required=L.PREFECTURE,
    ),
    "cadre once in the township office, now village: not that office": Row(
        GUANSHAN_VILLAGE,
        (cadre("M4", GUANSHAN_VILLAGE, post("冠山街道纪工委", GUANSHAN)),),
        expected="C",
        required=L.COUNTY,
    ),
    "responsible cadre in the township office: above it": Row(
        GUANSHAN_VILLAGE,
        (cadre("V1", GUANSHAN_VILLAGE),),
        (cadre("R1", GUANSHAN, office="T1"),),
        expected="C",
        required=L.TOWNSHIP,
    ),
    "responsible cadre who served in the township office: above it": Row(
        GUANSHAN_VILLAGE,
        (cadre("V1", GUANSHAN_VILLAGE),),
        (cadre("R2", LONGLI, post("冠山街道纪工委", GUANSHAN)),),
        expected="C",
        required=L.TOWNSHIP,
    ),
    "responsible cadre in the county commission, none named: prefecture": Row(
        GUANSHAN_VILLAGE, (), (cadre("R3", LONGLI, office="C"),), expected="P", required=L.COUNTY
    ),
    "responsible cadre elsewhere: does not move the complaint": Row(
        GUANSHAN_VILLAGE, (), (cadre("R4", GUANSHAN),), expected="C", required=L.COUNTY
    ),
    "two parties at different levels: above the higher": Row(
        GUANSHAN_VILLAGE,
        (cadre("V1", GUANSHAN_VILLAGE), cadre("T2", GUANSHAN)),
        expected="C",
        required=L.COUNTY,
    ),
    "village official and county department: the county commission": Row(
        GUANSHAN_VILLAGE,
        (
            cadre("V1", GUANSHAN_VILLAGE),
            Party(PartyKind.DEPARTMENT, "龙里县民政局", region_code=LONGLI),
        ),
        expected="C",
        required=L.COUNTY,
    ),
    "Longli household, Duyun village official: the prefecture covers both": Row(
        GUANSHAN_VILLAGE, (cadre("W", GUANGHUI_VILLAGE),), expected="P", required=L.TOWNSHIP
    ),
    "Longli household, official who once served in Duyun: Longli's office": Row(
        GUANSHAN_VILLAGE,
        (cadre("W2", GUANSHAN_VILLAGE, post("广惠街道某村委会", GUANGHUI_VILLAGE)),),
        expected="T1",
        required=L.TOWNSHIP,
    ),
    "household unknown, official who moved between counties: prefecture": Row(
        None,
        (
            Party(
                PartyKind.CADRE, cadre_code="W3", posts=(post("甲", GUANSHAN), post("乙", GUANGHUI))
            ),
        ),
        expected="P",
        required=L.COUNTY,
    ),
    "household unknown, village official: his township office": Row(
        None, (cadre("V1", GUANSHAN_VILLAGE),), expected="T1", required=L.TOWNSHIP
    ),
    "household unknown, Duyun township official: Duyun commission": Row(
        None, (cadre("T", GUANGHUI),), expected="D", required=L.COUNTY
    ),
    "household unknown, parties in two counties: the prefecture covers both": Row(
        None,
        (cadre("V1", GUANSHAN_VILLAGE), cadre("V2", GUANGHUI_VILLAGE)),
        expected="P",
        required=L.TOWNSHIP,
    ),
    "household unknown, private person's home: county": Row(
        None,
        (Party(PartyKind.PERSON, "某某", region_code=GUANSHAN_VILLAGE),),
        expected="C",
        required=L.COUNTY,
    ),
    "household unknown and nowhere named: no office": Row(None, (Party(PartyKind.PERSON, "某某"),)),
    "no township office (龙山镇): county": Row(
        LONGSHAN_VILLAGE, (cadre("V4", LONGSHAN_VILLAGE),), expected="C", required=L.TOWNSHIP
    ),
    "no county office: prefecture": Row(
        GUANSHAN_VILLAGE, expected="P", required=L.COUNTY, offices=("S", "P", "T1")
    ),
    "only the province has an office: province": Row(
        GUANSHAN_VILLAGE,
        (cadre("V1", GUANSHAN_VILLAGE),),
        expected="S",
        required=L.TOWNSHIP,
        offices=("S",),
    ),
    "no office at all": Row(GUANSHAN_VILLAGE, offices=()),
    "the only office is the responsible cadre's: no office": Row(
        GUANSHAN_VILLAGE, (), (cadre("R3", LONGLI, office="C"),), offices=("C", "T1")
    ),
    "offices of another county only: no office": Row(GUANSHAN_VILLAGE, offices=("D", "TD")),
}


@pytest.mark.parametrize("row", TABLE.values(), ids=list(TABLE))
def test_routing_table(row: Row) -> None:
    """Each case lands at the office the rule names, or raises NoOfficeFound with reasons."""
    case = RoutingCase(row.household, row.responsible, row.implicated)
    offices = [OFFICES[code] for code in row.offices]
    if row.expected is None:
        with pytest.raises(NoOfficeFound) as raised:
            route(case, offices)
        assert isinstance(raised.value.code, RoutingWhy)
        assert str(raised.value) == str(raised.value.reason)
        return
    routing = route(case, offices)
    assert routing.office.code == row.expected
    assert routing.required_level is row.required
    codes = {p.cadre_code for p in (*row.responsible, *row.implicated) if p.cadre_code}
    assert routing.hidden_from_cadres == codes


@pytest.mark.parametrize("kind", list(PartyKind))
@pytest.mark.parametrize("level", list(RegionLevel))
def test_each_kind_at_each_level_goes_one_level_up(kind: PartyKind, level: RegionLevel) -> None:
    """A party at a level sends the complaint one level higher; a department of a county or
    higher government goes to that government's own commission."""
    party = Party(kind, region_code=UNIT_OF_LEVEL[level], level=level, cadre_code="Z")
    case = RoutingCase(GUANSHAN_VILLAGE, (), (party,))
    if kind is PartyKind.DEPARTMENT and level.rank <= L.COUNTY.rank:
        routing = route(case, list(OFFICES.values()))
        assert routing.required_level is level
        assert routing.office.code == OFFICE_OF_LEVEL[level]
        return
    if level is L.PROVINCE:
        with pytest.raises(NoOfficeFound):
            route(case, list(OFFICES.values()))
        return
    above = list(RegionLevel)[level.rank - 1]
    routing = route(case, list(OFFICES.values()))
    assert routing.required_level is above
    assert routing.office.code == OFFICE_OF_LEVEL[above]


def test_same_region_offices_pick_the_lowest_code() -> None:
    """Two offices for one region: the choice is the same every time (lowest code)."""
    twin = Office("B0", "龙里县纪委监委第一室", LONGLI, L.COUNTY)
    assert route(RoutingCase(GUANSHAN_VILLAGE), [OFFICES["C"], twin]).office == twin
    assert route(RoutingCase(GUANSHAN_VILLAGE), [twin, OFFICES["C"]]).office == twin


def test_reasons_name_the_office_and_levels_and_no_person() -> None:
    """The reasons name the office and the levels, never a party's name or staff number."""
    party = Party(PartyKind.CADRE, "王某某", "C522730001001", GUANSHAN_VILLAGE)
    responsible = Party(PartyKind.CADRE, "李某", "C5227300001", GUANSHAN)
    routing = route(RoutingCase(GUANSHAN_VILLAGE, (responsible,), (party,)), list(OFFICES.values()))
    assert routing.reasons == (
        Reason.of(RoutingWhy.ONE_LEVEL_UP, highest="village", required="township"),
        Reason.of(RoutingWhy.OFFICE, office="冠山街道纪工委"),
        Reason.of(RoutingWhy.HIDDEN_FROM_RESPONSIBLE),
        Reason.of(RoutingWhy.HIDDEN_FROM_NAMED),
    )
    values = " ".join(value for reason in routing.reasons for _, value in reason.values)
    for secret in ("王某某", "李某", "C522730001001", "C5227300001"):
        assert secret not in values


def test_going_further_up_is_explained() -> None:
    """When the required level has no usable office, the reasons say it went further up."""
    plain = route(RoutingCase(GUANSHAN_VILLAGE), list(OFFICES.values()))
    raised = route(
        RoutingCase(LONGSHAN_VILLAGE, (), (cadre("V", LONGSHAN_VILLAGE),)), [OFFICES["C"]]
    )
    assert RoutingWhy.FURTHER_UP not in [reason.code for reason in plain.reasons]
    assert Reason.of(RoutingWhy.FURTHER_UP, required="township") in raised.reasons


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            GUANSHAN_VILLAGE,
            [
                (GUANSHAN_VILLAGE, L.VILLAGE),
                (GUANSHAN, L.TOWNSHIP),
                (LONGLI, L.COUNTY),
                (QIANNAN, L.PREFECTURE),
                (PROVINCE, L.PROVINCE),
            ],
        ),
        (
            GUANSHAN,
            [
                (GUANSHAN, L.TOWNSHIP),
                (LONGLI, L.COUNTY),
                (QIANNAN, L.PREFECTURE),
                (PROVINCE, L.PROVINCE),
            ],
        ),
        (DUYUN, [(DUYUN, L.COUNTY), (QIANNAN, L.PREFECTURE), (PROVINCE, L.PROVINCE)]),
        (QIANNAN, [(QIANNAN, L.PREFECTURE), (PROVINCE, L.PROVINCE)]),
        (PROVINCE, [(PROVINCE, L.PROVINCE)]),
    ],
)
def test_region_ancestors_follow_from_the_code(code: str, expected: list[object]) -> None:
    """A code's ancestors, nearest first, come from its digits alone."""
    assert region_ancestors(code) == expected


@pytest.mark.parametrize("code", ["", "52273", "5227300010", "52273000100a", "5227300010011"])
def test_malformed_region_codes_are_refused(code: str) -> None:
    """A code that is no statistical division code raises ValueError, not a wrong level."""
    with pytest.raises(ValueError, match="not a region code"):
        region_level(code)


# --- properties over random cases in Qiannan --------------------------------------------

UNITS = [
    GUANSHAN_VILLAGE,
    GUANSHAN_VILLAGE_2,
    LONGSHAN_VILLAGE,
    XINGSHI_VILLAGE,
    GUANGHUI_VILLAGE,
    GUANSHAN,
    LONGSHAN,
    XINGSHI,
    GUANGHUI,
    LONGLI,
    DUYUN,
    QIANNAN,
    PROVINCE,
]
VILLAGES = [code for code in UNITS if len(code) == 12]

posts = st.builds(
    post, st.sampled_from(["某单位", *(o.name for o in OFFICES.values())]), st.sampled_from(UNITS)
)
parties = st.builds(
    Party,
    kind=st.sampled_from(list(PartyKind)),
    name=st.sampled_from(["", "某某", *(o.name for o in OFFICES.values())]),
    cadre_code=st.one_of(st.none(), st.sampled_from(["A", "B", "C1", "D1"])),
    region_code=st.one_of(st.none(), st.sampled_from(UNITS)),
    level=st.one_of(st.none(), st.sampled_from(list(RegionLevel))),
    posts=st.lists(posts, max_size=3).map(tuple),
    office_code=st.one_of(st.none(), st.sampled_from(list(OFFICES))),
)
cases = st.builds(
    RoutingCase,
    household_region_code=st.one_of(st.none(), st.sampled_from(VILLAGES)),
    responsible=st.lists(parties, max_size=2).map(tuple),
    implicated=st.lists(parties, max_size=3).map(tuple),
)
office_sets = st.lists(st.sampled_from(list(OFFICES.values())), unique=True)


def acceptable(office: Office, case: RoutingCase) -> bool:
    """The rule restated as a filter over all offices: an independent oracle for route()."""
    everyone = (*case.responsible, *case.implicated)
    if office.code in {p.office_code for p in everyone}:
        return False
    if office.name in {name for p in everyone for name in p.unit_names()}:
        return False
    unit = (office.region_code, office.level)
    no_level = all(p.highest_level() is None for p in case.implicated)
    if no_level and office.level.rank > RegionLevel.COUNTY.rank:
        return False
    for party in case.implicated:
        bound = required_rank(party)
        if bound is not None and office.level.rank > bound:
            return False
        if party.kind is not PartyKind.DEPARTMENT and unit in party.units():
            return False
    current = {
        p.region_code for p in case.implicated if p.region_code and p.kind is not PartyKind.PERSON
    }
    if case.household_region_code is not None:
        regions = {case.household_region_code, *current}
    elif current:
        regions = current
    else:
        regions = {code for p in case.implicated for code, _ in p.units()}
        regions |= {p.region_code for p in case.implicated if p.region_code}
    return bool(regions) and all(unit in region_ancestors(code) for code in regions)


def check_routing(routing: Routing, case: RoutingCase) -> None:
    office = routing.office
    assert office.code not in {p.office_code for p in case.implicated}
    assert office.code not in {p.office_code for p in case.responsible}
    for party in case.implicated:
        highest = party.highest_level()
        if party.kind is PartyKind.DEPARTMENT:
            assert highest is None or office.level.rank <= highest.rank
        else:
            assert highest is None or office.level.rank < highest.rank
    if case.household_region_code is not None:
        assert (office.region_code, office.level) in region_ancestors(case.household_region_code)
    assert office.level.rank <= routing.required_level.rank
    everyone = (*case.responsible, *case.implicated)
    assert routing.hidden_from_cadres == {p.cadre_code for p in everyone if p.cadre_code}


@settings(max_examples=500)
@given(cases, office_sets)
def test_chosen_office_is_never_implicated_and_always_above(
    case: RoutingCase, offices: list[Office]
) -> None:
    """The office is acceptable (not implicated, above all, over the household) and nearest."""
    try:
        routing = route(case, offices)
    except NoOfficeFound:
        assert not any(acceptable(office, case) for office in offices)
        return
    check_routing(routing, case)
    assert acceptable(routing.office, case)
    # The nearest acceptable office wins: nothing acceptable sits lower.
    assert all(
        office.level.rank <= routing.office.level.rank
        for office in offices
        if acceptable(office, case)
    )


@given(cases, office_sets, st.randoms())
def test_order_of_offices_does_not_matter(
    case: RoutingCase, offices: list[Office], rnd: random.Random
) -> None:
    """The same case with the offices listed in another order goes to the same office."""
    shuffled = list(offices)
    rnd.shuffle(shuffled)
    try:
        first = route(case, offices)
    except NoOfficeFound:
        with pytest.raises(NoOfficeFound):
            route(case, shuffled)
        return
    assert route(case, shuffled) == first
