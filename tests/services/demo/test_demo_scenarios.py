"""The three named households: always present, with the facts their stories need."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.domain.address_codes import demo_address_codes
from kiosk.domain.idnumber import id_lookup_hash, mask_id_number, parse_id_number
from kiosk.domain.models import (
    AidRecord,
    Channel,
    Health,
    HelpMeasure,
    Household,
    HouseholdCause,
    Loan,
    LoanStatus,
    MeasureKind,
    Member,
    PovertyCause,
    Programme,
    Region,
    Relation,
)
from kiosk.domain.names import name_initials
from kiosk.services.demo import SCENARIOS, scenarios
from kiosk.services.store import Store


def _household(session: Session, file_number: str) -> Household:
    return session.scalars(select(Household).where(Household.file_number == file_number)).one()


def _aid(session: Session, household: Household) -> list[AidRecord]:
    query = select(AidRecord).where(AidRecord.household_id == household.id)
    return list(session.scalars(query))


def test_scenario_heads_are_findable_by_name_initials_and_id_hash(demo_store: Store) -> None:
    """Each scenario head is stored with the documented name, initials, hash and mask."""
    with demo_store.sessionmaker() as session:
        for scenario in SCENARIOS:
            head = _household(session, scenario.file_number).members[0]
            number = parse_id_number(scenario.head_id_number, addresses=demo_address_codes())
            assert head.relation is Relation.HEAD
            assert head.name == scenario.head_name
            assert head.name_initials == name_initials(scenario.head_name)
            assert head.id_hash == id_lookup_hash(number, DEMO_ID_HASH_KEY)
            assert head.id_masked == mask_id_number(number)
            assert head.birth_date == number.birth_date


def test_module_docstring_documents_the_scenarios_as_generated() -> None:
    """The file numbers, names, initials and IDs in the docstring are the real ones."""
    doc = scenarios.__doc__ or ""
    for scenario in SCENARIOS:
        initials = name_initials(scenario.head_name)
        assert f"``{scenario.file_number}``" in doc
        assert re.search(
            rf"Head {scenario.head_name} \(initials {initials}\b.*ID {scenario.head_id_number}",
            doc,
        ), scenario.number


def test_withheld_disaster_relief_is_recorded_as_8000_yuan_in_2014(demo_store: Store) -> None:
    """Scenario 1: 800000 fen of 2014 disaster relief by 龙里县民政局 via the one card."""
    with demo_store.sessionmaker() as session:
        household = _household(session, SCENARIOS[0].file_number)
        township = session.get(Region, household.village_code[:9])
        assert township is not None and township.name == "冠山街道"
        relief = [r for r in _aid(session, household) if r.programme is Programme.DISASTER_RELIEF]
        assert len(relief) == 1
        record = relief[0]
        assert record.amount_fen == 800_000
        assert record.paid_on.year == 2014
        assert record.department == "龙里县民政局"
        assert record.department_region_code == "522730"
        assert record.channel is Channel.ONE_CARD


def test_goat_loan_is_50000_yuan_for_36_months_and_repaid(demo_store: Store) -> None:
    """Scenario 2: a 5000000-fen, 36-month loan for goats with three repayments."""
    with demo_store.sessionmaker() as session:
        household = _household(session, SCENARIOS[1].file_number)
        assert household.village_code[:9] == "522730104"  # 湾滩河镇
        loan = session.scalars(select(Loan).where(Loan.household_id == household.id)).one()
        assert loan.amount_fen == 5_000_000
        assert loan.term_months == 36
        assert "山羊" in loan.purpose
        assert loan.interest_subsidised
        assert loan.status is LoanStatus.REPAID
        assert len(loan.repayments) == 3
        assert sum(r.principal_fen for r in loan.repayments) == loan.amount_fen
        subsidies = [
            r for r in _aid(session, household) if r.programme is Programme.LOAN_INTEREST_SUBSIDY
        ]
        assert sorted(r.amount_fen for r in subsidies) == sorted(
            r.interest_fen for r in loan.repayments
        )


def test_ill_spouse_household_got_a_truck_and_skills_training(demo_store: Store) -> None:
    """Scenario 3: seriously ill spouse, illness the main cause, a truck and training."""
    with demo_store.sessionmaker() as session:
        household = _household(session, SCENARIOS[2].file_number)
        assert household.village_code[:9] == "520602101"  # 坝黄镇
        spouse = next(m for m in household.members if m.relation is Relation.SPOUSE)
        assert spouse.health is Health.SERIOUS
        main = session.scalars(
            select(HouseholdCause).where(
                HouseholdCause.household_id == household.id, HouseholdCause.is_main
            )
        ).one()
        assert main.cause is PovertyCause.ILLNESS
        measures = session.scalars(
            select(HelpMeasure).where(HelpMeasure.household_id == household.id)
        ).all()
        kinds = {m.kind for m in measures}
        assert {MeasureKind.INDUSTRY, MeasureKind.SKILLS_TRAINING} <= kinds
        assert any("货车" in m.description for m in measures if m.kind is MeasureKind.INDUSTRY)
        aid = _aid(session, household)
        truck = [r for r in aid if r.programme is Programme.INDUSTRY_SUPPORT and "货车" in r.note]
        assert len(truck) == 1
        assert any(r.programme is Programme.SKILLS_TRAINING for r in aid)
        spouse_aid = [r for r in aid if r.member_id == spouse.id]
        assert spouse_aid and all(r.programme is Programme.MEDICAL_AID for r in spouse_aid)


def test_scenario_dates_lie_before_the_reference_day(demo_store: Store) -> None:
    """Nothing in a scenario is paid after the demo's fixed "today"."""
    with demo_store.sessionmaker() as session:
        for scenario in SCENARIOS:
            household = _household(session, scenario.file_number)
            assert all(r.paid_on <= date(2026, 11, 1) for r in _aid(session, household))
            members = session.scalars(
                select(Member).where(Member.household_id == household.id)
            ).all()
            assert len(members) >= 4
