"""Routing cases built from a real local store, the offices they lead to, the parties a
resident can name there, and the kiosk's preview agreeing with the server's routing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.routing import NamedParty, route_complaint
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Cadre,
    CadrePost,
    Channel,
    Complaint,
    ComplaintCategory,
    DisciplineOffice,
    Disclosure,
    Household,
    ImplicatedParty,
    PartyKind,
    PovertyStatus,
    Programme,
    Region,
    RegionLevel,
)
from kiosk.domain.routing import NoOfficeFound, RoutingWhy, region_level
from kiosk.domain.routing_input import DescribedParty, cadre_party
from kiosk.services.complaints.choices import (
    complainant_name,
    implicated_choices,
    village_committee,
)
from kiosk.services.complaints.destination import destination_for
from kiosk.services.complaints.draft import ComplaintDraft, NamedUnit
from kiosk.services.complaints.routing_case import (
    cadre_facts,
    department_facts,
    household_facts,
    route_in_store,
    routing_case,
    stored_offices,
)
from kiosk.services.store import open_store

L = RegionLevel
VILLAGE = "522730001001"


@dataclass
class Ids:
    household: int
    county_office: int
    aid_record: int


def _cadre(code: str, unit: str, region: str, level: RegionLevel, *posts: CadrePost) -> Cadre:
    return Cadre(
        code=code,
        name="某干部",
        name_initials="MGB",
        unit=unit,
        post="干部",
        region_code=region,
        level=level,
        phone="08510000000",
        posts=list(posts),
    )


def _office(code: str, name: str, region: str) -> DisciplineOffice:
    return DisciplineOffice(code=code, name=name, region_code=region, level=region_level(region))


def _post(unit: str, region: str, level: RegionLevel, start: date, end: date | None) -> CadrePost:
    return CadrePost(
        unit=unit, post="干部", region_code=region, level=level, start_date=start, end_date=end
    )


@pytest.fixture
def store_session(tmp_path: Path) -> Iterator[tuple[Session, Ids]]:
    """A store with Longli's offices, a Guanshan household, its helpers and named cadres."""
    store = open_store(tmp_path / "kiosk.sqlite3")
    with store.sessionmaker.begin() as s:
        s.add_all(
            [
                Region(code="520000", name="贵州省", level=L.PROVINCE),
                Region(code="522700", name="黔南州", level=L.PREFECTURE, parent_code="520000"),
                Region(code="522730", name="龙里县", level=L.COUNTY, parent_code="522700"),
                Region(code="522730001", name="冠山街道", level=L.TOWNSHIP, parent_code="522730"),
                Region(code=VILLAGE, name="新寨村", level=L.VILLAGE, parent_code="522730001"),
            ]
        )
        s.flush()
        county_office = _office("C", "龙里县纪委监委", "522730")
        s.add_all(
            [
                _office("S", "贵州省纪委监委", "520000"),
                _office("P", "黔南州纪委监委", "522700"),
                county_office,
                _office("T1", "冠山街道纪工委", "522730001"),
            ]
        )
        household = Household(
            file_number="522730001001-0001", village_code=VILLAGE, address="新寨组1号",
            status=PovertyStatus.POOR, registered_on=date(2014, 5, 1), poverty_score=50,
            score_housing=10, score_food=10, score_labour=10, score_schooling=10, score_health=10,
        )  # fmt: skip
        helper = _cadre("R1", "冠山街道纪工委", "522730001", L.TOWNSHIP)
        former_helper = _cadre("R0", "龙里县扶贫办", "522730", L.COUNTY)
        s.add_all(
            [
                household,
                helper,
                former_helper,
                _cadre("V1", "新寨村委会", VILLAGE, L.VILLAGE),
                _cadre(
                    "M1",
                    "冠山街道办事处",
                    "522730001",
                    L.TOWNSHIP,
                    _post("龙里县农业局", "522730", L.COUNTY, date(2015, 1, 1), date(2019, 6, 30)),
                    _post("冠山街道办事处", "522730001", L.TOWNSHIP, date(2019, 7, 1), None),
                ),
            ]
        )
        s.flush()
        s.add_all(
            [
                Assignment(
                    cadre_id=former_helper.id,
                    household_id=household.id,
                    start_date=date(2014, 6, 1),
                    end_date=date(2018, 12, 31),
                ),
                Assignment(
                    cadre_id=helper.id, household_id=household.id, start_date=date(2019, 1, 1)
                ),
            ]
        )
        record = AidRecord(
            reference="LLMZ-2014-000123", household_id=household.id,
            programme=Programme.DISASTER_RELIEF, amount_fen=800000, paid_on=date(2014, 8, 1),
            department="龙里县民政局", department_region_code="522730", channel=Channel.ONE_CARD,
        )  # fmt: skip
        s.add(record)
        s.flush()
        ids = Ids(household.id, county_office.id, record.id)
    try:
        with store.sessionmaker() as session:
            yield session, ids
    finally:
        store.close()


def _cadre_named(session: Session, code: str) -> Cadre:
    return session.scalars(select(Cadre).where(Cadre.code == code)).one()


def test_offices_are_read_in_code_order(store_session: tuple[Session, Ids]) -> None:
    """Every stored office comes back as a routing Office with its region and level."""
    session, _ = store_session
    offices = stored_offices(session)
    assert [o.code for o in offices] == ["C", "P", "S", "T1"]
    assert offices[3].region_code == "522730001" and offices[3].level is L.TOWNSHIP


def test_cadre_party_carries_posts_and_office_but_no_name(
    store_session: tuple[Session, Ids],
) -> None:
    """A cadre's earlier posts and their discipline office are carried; their name is not."""
    session, _ = store_session
    offices = stored_offices(session)
    moved = cadre_party(cadre_facts(_cadre_named(session, "M1")), offices)
    assert {(p.unit, p.level) for p in moved.posts} == {
        ("龙里县农业局", L.COUNTY),
        ("冠山街道办事处", L.TOWNSHIP),
    }
    assert moved.highest_level() is L.COUNTY and moved.office_code is None
    inspector = cadre_party(cadre_facts(_cadre_named(session, "R1")), offices)
    assert inspector.office_code == "T1"
    assert inspector.name == ""


def test_the_current_helper_is_responsible(store_session: tuple[Session, Ids]) -> None:
    """Both assignments are read; only the helper whose assignment is open counts."""
    session, ids = store_session
    household = session.get_one(Household, ids.household)
    facts = household_facts(session, household)
    assert sorted((a.cadre.code, a.current) for a in facts.assignments) == [
        ("R0", False),
        ("R1", True),
    ]
    case = routing_case(session, household=household)
    assert [p.cadre_code for p in case.responsible] == ["R1"]


def test_village_official_skips_the_helpers_office(store_session: tuple[Session, Ids]) -> None:
    """The township office would hear a village official, but the helper works there."""
    session, ids = store_session
    household = session.get_one(Household, ids.household)
    named = ImplicatedParty(kind=PartyKind.CADRE, cadre=_cadre_named(session, "V1"))
    routing = route_in_store(session, household=household, implicated=[named])
    assert routing.required_level is L.TOWNSHIP
    assert routing.office.code == "C"
    assert routing.hidden_from_cadres == {"V1", "R1"}


def test_saved_parties_of_a_complaint_route_by_cadre_id(store_session: tuple[Session, Ids]) -> None:
    """Parties read back from a stored complaint find their cadre, former posts and all."""
    session, ids = store_session
    moved = _cadre_named(session, "M1")
    complaint = Complaint(
        tracking_number="384122905731", secret_hash="x", idempotency_key="k" * 16,
        kiosk_code="DEMO-0001", category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=ids.household,
        implicated=[ImplicatedParty(kind=PartyKind.CADRE, cadre_id=moved.id)],
    )  # fmt: skip
    session.add(complaint)
    session.flush()
    session.expire_all()
    stored = session.get_one(Complaint, complaint.id)
    routing = route_in_store(session, household=stored.household, implicated=stored.implicated)
    assert routing.office.code == "P"
    assert "M1" in routing.hidden_from_cadres


def test_paying_department_goes_to_its_county_commission(
    store_session: tuple[Session, Ids],
) -> None:
    """A disputed payment's county department (龙里县民政局) is heard by the county commission."""
    session, ids = store_session
    record = session.get_one(AidRecord, ids.aid_record)
    routing = route_in_store(
        session, household=record.household, implicated=[department_facts(record)]
    )
    assert routing.office.code == "C"
    assert routing.required_level is L.COUNTY


def test_implicated_office_by_id_goes_above_it(store_session: tuple[Session, Ids]) -> None:
    """Naming the county commission itself sends the complaint to the prefecture."""
    session, ids = store_session
    named = ImplicatedParty(kind=PartyKind.OFFICE, office_id=ids.county_office)
    case = routing_case(session, household=None, implicated=[named])
    assert case.implicated[0].office_code == "C"
    assert route_in_store(session, household=None, implicated=[named]).office.code == "P"


def test_unknown_cadre_falls_back_to_what_was_said(store_session: tuple[Session, Ids]) -> None:
    """A cadre the store does not know is routed by the region and level given for them."""
    session, _ = store_session
    named = ImplicatedParty(kind=PartyKind.CADRE, name="某某", region_code="522730001")
    routing = route_in_store(session, household=None, implicated=[named])
    assert routing.office.code == "C"


def test_plain_parties_pass_through(store_session: tuple[Session, Ids]) -> None:
    """Facts are used as they are; with nothing to place the complaint, NoOfficeFound."""
    session, _ = store_session
    person = DescribedParty(PartyKind.PERSON, "某某")
    with pytest.raises(NoOfficeFound) as raised:
        route_in_store(session, household=None, implicated=[person])
    assert raised.value.code is RoutingWhy.NO_PLACE
    assert "某某" not in f"{raised.value} {raised.value.reason.values}"


# ---- whom a resident can name, and where that sends the complaint ------------------------


def test_choices_are_every_helper_the_committee_and_the_paying_department(
    store_session: tuple[Session, Ids],
) -> None:
    """The current helper first, then the earlier one with the end of their help; the
    village's committee; the department that paid the disputed payment."""
    session, ids = store_session
    choices = implicated_choices(session, household_id=ids.household, aid_record_id=ids.aid_record)
    assert [(c.cadre_code, c.current, c.end) for c in choices.cadres] == [
        ("R1", True, None),
        ("R0", False, date(2018, 12, 31)),
    ]
    assert choices.village_committee == NamedUnit("新寨村村民委员会", VILLAGE, L.VILLAGE)
    assert choices.paying_department == NamedUnit("龙里县民政局", "522730")


def test_a_village_report_offers_only_the_committee(store_session: tuple[Session, Ids]) -> None:
    """Naming one's own helper would point at one's household: a village report does not."""
    session, ids = store_session
    choices = implicated_choices(
        session,
        household_id=ids.household,
        aid_record_id=ids.aid_record,
        disclosure=Disclosure.VILLAGE_REPORT,
    )
    assert choices.cadres == () and choices.paying_department is None
    assert choices.village_committee is not None


def test_a_community_has_a_residents_committee() -> None:
    """社区 has a 居民委员会, a village a 村民委员会."""
    region = Region(code="522730001002", name="文峰社区", level=L.VILLAGE)
    assert village_committee(region).name == "文峰社区居民委员会"


def test_the_complainant_is_only_a_member_of_the_household(
    store_session: tuple[Session, Ids],
) -> None:
    """A member id of no member of the household gives no name."""
    session, ids = store_session
    assert complainant_name(session, ids.household, 999_999) is None


COMMITTEE = NamedUnit("新寨村村民委员会", VILLAGE, L.VILLAGE)
CASES: dict[str, tuple[Disclosure, tuple[str, ...], tuple[NamedUnit, ...], str]] = {
    # The committee is village level: one up is Guanshan's office, but the helper R1 works
    # there, so the county commission.
    "committee, own household": (Disclosure.ANONYMOUS, (), (COMMITTEE,), "C"),
    # Without the household nothing ties it to R1: Guanshan's office hears the committee.
    "committee, village report": (Disclosure.VILLAGE_REPORT, (), (COMMITTEE,), "T1"),
    "nobody, village report": (Disclosure.VILLAGE_REPORT, (), (), "C"),
    "paying department": (Disclosure.NAMED, (), (NamedUnit("龙里县民政局", "522730"),), "C"),
    "earlier helper, a county official": (Disclosure.ANONYMOUS, ("R0",), (), "P"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_kiosks_preview_is_the_servers_answer(
    store_session: tuple[Session, Ids], case: str
) -> None:
    """For what the implicated step can name, the kiosk's preview and the central server's
    routing (run on the same tables) pick the same office."""
    session, ids = store_session
    level, codes, units, office = CASES[case]
    village_report = level is Disclosure.VILLAGE_REPORT
    draft = ComplaintDraft(
        category=ComplaintCategory.FAVOURITISM,
        household_id=None if village_report else ids.household,
        disclosure=level,
        implicated_cadre_codes=codes,
        implicated_units=units,
    )
    kiosk = destination_for(session, draft, terminal_region_code="522730001")
    household = None if village_report else session.get_one(Household, ids.household)
    parties = [NamedParty(PartyKind.CADRE, cadre=_cadre_named(session, code)) for code in codes] + [
        NamedParty(PartyKind.DEPARTMENT, unit.name, region_code=unit.region_code, level=unit.level)
        for unit in units
    ]
    server = route_complaint(
        session, household, parties, region_code="522730001" if village_report else None
    )
    assert kiosk.office_code == server.office.code == office
