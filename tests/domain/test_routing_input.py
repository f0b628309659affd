"""The routing input built from plain facts: who is responsible, what each party carries."""

from __future__ import annotations

from datetime import date

from kiosk.domain.models import PartyKind, RegionLevel
from kiosk.domain.routing import Office, Post, RoutingCase, route
from kiosk.domain.routing_input import (
    Assigned,
    CadreFacts,
    DescribedParty,
    HouseholdFacts,
    UnitFacts,
    cadre_party,
    named_party,
    responsible_cadres,
    routing_case,
)

L = RegionLevel
VILLAGE = "522730001001"
TOWNSHIP = "522730001"
COUNTY = "522730"
OFFICES = (
    Office("P", "黔南州纪委监委", "522700", L.PREFECTURE),
    Office("C", "龙里县纪委监委", COUNTY, L.COUNTY),
    Office("T1", "冠山街道纪工委", TOWNSHIP, L.TOWNSHIP),
)

INSPECTOR = CadreFacts("R1", "冠山街道纪工委", TOWNSHIP, L.TOWNSHIP)
FORMER = CadreFacts("R0", "龙里县扶贫办", COUNTY, L.COUNTY)
MOVED = CadreFacts(
    "M1",
    "冠山街道办事处",
    TOWNSHIP,
    L.TOWNSHIP,
    (
        Post("龙里县农业局", COUNTY, L.COUNTY, date(2015, 1, 1), date(2019, 6, 30)),
        Post("冠山街道办事处", TOWNSHIP, L.TOWNSHIP, date(2019, 7, 1)),
    ),
)


def test_only_open_assignments_make_a_cadre_responsible() -> None:
    """A former helper is not the household's own; a cadre assigned twice counts once."""
    household = HouseholdFacts(
        VILLAGE,
        (
            Assigned(MOVED, date(2020, 1, 1)),
            Assigned(FORMER, date(2014, 6, 1), date(2018, 12, 31)),
            Assigned(INSPECTOR, date(2019, 1, 1)),
            Assigned(MOVED, date(2021, 1, 1)),
        ),
    )
    assert [cadre.code for cadre in responsible_cadres(household)] == ["M1", "R1"]
    case = routing_case(household, (), offices=OFFICES)
    assert [party.cadre_code for party in case.responsible] == ["M1", "R1"]
    assert case.household_region_code == VILLAGE


def test_a_cadre_carries_every_post_and_their_office_but_no_name() -> None:
    """Earlier posts are kept; the office of the same name in the same region is theirs."""
    moved = cadre_party(MOVED, OFFICES)
    assert moved.posts == MOVED.posts and moved.highest_level() is L.COUNTY
    assert moved.office_code is None and moved.name == ""
    inspector = cadre_party(INSPECTOR, OFFICES)
    assert inspector.office_code == "T1" and inspector.unit == "冠山街道纪工委"
    # Same name, another region: not their office (the name still excludes it in route).
    elsewhere = CadreFacts("X", "冠山街道纪工委", COUNTY, L.COUNTY)
    assert cadre_party(elsewhere, OFFICES).office_code is None


def test_units_keep_their_name_as_their_unit() -> None:
    """A named committee or paying department is a department whose unit is its own name."""
    committee = named_party(UnitFacts(" 新寨村村民委员会 ", VILLAGE, L.VILLAGE), OFFICES)
    assert committee.kind is PartyKind.DEPARTMENT
    assert committee.name == committee.unit == "新寨村村民委员会"
    described = named_party(DescribedParty(PartyKind.DEPARTMENT, "龙里县民政局", COUNTY), OFFICES)
    assert described == named_party(UnitFacts("龙里县民政局", COUNTY), OFFICES)


def test_a_persons_name_is_never_carried() -> None:
    """Routing never reads a person's name, so the input does not hold it."""
    person = named_party(DescribedParty(PartyKind.PERSON, "张某某", VILLAGE), OFFICES)
    unknown_cadre = named_party(DescribedParty(PartyKind.CADRE, "李某某", TOWNSHIP), OFFICES)
    assert person.name == unknown_cadre.name == ""
    assert unknown_cadre.current_level() is L.TOWNSHIP


def test_an_office_named_is_known_by_code_or_by_name() -> None:
    """An office found carries its code; one only described still carries its name, which
    is what keeps the complaint away from it."""
    found = named_party(OFFICES[1], OFFICES)
    assert found.office_code == "C" and found.kind is PartyKind.OFFICE
    described = named_party(DescribedParty(PartyKind.OFFICE, "龙里县纪委监委", COUNTY), OFFICES)
    assert described.name == "龙里县纪委监委"
    for party in (found, described):
        assert route(RoutingCase(None, (), (party,)), OFFICES).office.code == "P"


def test_a_village_report_is_placed_by_the_terminal() -> None:
    """Without a household the terminal's region places it and no one is responsible."""
    case = routing_case(None, (), offices=OFFICES, region_code=TOWNSHIP)
    assert case.household_region_code == TOWNSHIP and case.responsible == ()
    assert route(case, OFFICES).office.code == "C"
