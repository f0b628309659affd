"""A small hand-made register: one household in Guanshan street office, fully described."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.idnumber import id_lookup_hash, make_id_number, parse_id_number
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Bulletin,
    Cadre,
    Channel,
    Health,
    HelpMeasure,
    Household,
    HouseholdCause,
    LabourCapacity,
    Loan,
    LoanRepayment,
    LoanStatus,
    MeasureKind,
    Member,
    PovertyCause,
    PovertyStatus,
    Programme,
    Project,
    ProjectStage,
    ProjectStageEvent,
    Region,
    RegionLevel,
    Relation,
    Sex,
)
from kiosk.domain.names import name_initials
from kiosk.services.store import open_store

KEY = b"test key for the resident services, 32+ bytes long"
HEAD_ID = make_id_number("522730", date(1961, 4, 2), 11)
SPOUSE_ID = make_id_number("522730", date(1963, 9, 30), 22)


@dataclass
class Register:
    sessions: sessionmaker[Session]
    household_id: int
    other_household_id: int


def _member(
    household_id: int,
    position: int,
    name: str,
    relation: Relation,
    id_number: str,
    sex: Sex,
    health: Health = Health.HEALTHY,
) -> Member:
    parsed = parse_id_number(id_number)
    return Member(
        household_id=household_id, position=position, name=name,
        name_initials=name_initials(name), relation=relation, sex=sex,
        birth_date=parsed.birth_date, id_hash=id_lookup_hash(parsed, KEY),
        id_masked=parsed.masked, labour_capacity=LabourCapacity.ORDINARY, health=health,
    )  # fmt: skip


def _household(file_number: str, village: str, score: tuple[int, int, int, int, int]) -> Household:
    return Household(
        file_number=file_number, village_code=village, address="新寨组12号",
        status=PovertyStatus.MONITORED, registered_on=date(2014, 5, 1),
        poverty_score=sum(score), score_housing=score[0], score_food=score[1],
        score_labour=score[2], score_schooling=score[3], score_health=score[4],
    )  # fmt: skip


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    store = open_store(tmp_path / "kiosk.sqlite3")
    with store.sessionmaker.begin() as s:
        s.add_all([
            Region(code="520000", name="贵州省", level=RegionLevel.PROVINCE),
            Region(code="522700", name="黔南布依族苗族自治州", level=RegionLevel.PREFECTURE,
                   parent_code="520000"),
            Region(code="522730", name="龙里县", level=RegionLevel.COUNTY, parent_code="522700"),
            Region(code="522730001", name="冠山街道", level=RegionLevel.TOWNSHIP,
                   parent_code="522730"),
            Region(code="522730001201", name="新寨村", level=RegionLevel.VILLAGE,
                   parent_code="522730001"),
            Region(code="522730104", name="湾滩河镇", level=RegionLevel.TOWNSHIP,
                   parent_code="522730"),
        ])  # fmt: skip
        s.flush()
        home = _household("LL-0001", "522730001201", (15, 15, 15, 10, 10))
        other = _household("LL-0002", "522730001201", (25, 20, 25, 15, 15))
        s.add_all([home, other])
        s.flush()
        s.add_all([
            _member(home.id, 0, "单国华", Relation.HEAD, HEAD_ID, Sex.MALE),
            _member(home.id, 1, "罗秀英", Relation.SPOUSE, SPOUSE_ID, Sex.FEMALE, Health.SERIOUS),
            HouseholdCause(household_id=home.id, cause=PovertyCause.LACK_OF_CAPITAL),
            HouseholdCause(household_id=home.id, cause=PovertyCause.ILLNESS, is_main=True),
            HelpMeasure(household_id=home.id, kind=MeasureKind.HEALTH, year=2016,
                        description="大病救助"),
            HelpMeasure(household_id=home.id, kind=MeasureKind.INDUSTRY, year=2015,
                        description="购置货车"),
        ])  # fmt: skip
        s.flush()
        head = s.query(Member).filter_by(household_id=home.id, position=0).one()
        s.add_all([
            AidRecord(reference="MZ-2014-1", household_id=home.id, member_id=head.id,
                      programme=Programme.DISASTER_RELIEF, amount_fen=800_000,
                      paid_on=date(2014, 7, 3), department="龙里县民政局",
                      channel=Channel.ONE_CARD),
            AidRecord(reference="MZ-2015-1", household_id=home.id,
                      programme=Programme.SUBSISTENCE_ALLOWANCE, amount_fen=45_000,
                      paid_on=date(2015, 3, 1), department="龙里县民政局",
                      channel=Channel.ONE_CARD),
            AidRecord(reference="MZ-2015-2", household_id=home.id,
                      programme=Programme.SUBSISTENCE_ALLOWANCE, amount_fen=45_000,
                      paid_on=date(2015, 6, 1), department="龙里县民政局",
                      channel=Channel.ONE_CARD),
            AidRecord(reference="OTHER-1", household_id=other.id,
                      programme=Programme.EDUCATION_GRANT, amount_fen=100_000,
                      paid_on=date(2016, 9, 1), department="龙里县教育局",
                      channel=Channel.ONE_CARD),
        ])  # fmt: skip
        old = Cadre(
            code="C1",
            name="王建国",
            name_initials="WJG",
            unit="龙里县财政局",
            post="干部",
            region_code="522730",
            level=RegionLevel.COUNTY,
            phone="13800000001",
        )
        new = Cadre(
            code="C2",
            name="杨正刚",
            name_initials="YZG",
            unit="冠山街道办事处",
            post="副主任",
            region_code="522730001",
            level=RegionLevel.TOWNSHIP,
            phone="13800000002",
        )
        s.add_all([old, new])
        s.flush()
        s.add_all([
            Assignment(cadre_id=old.id, household_id=home.id, start_date=date(2014, 5, 1),
                       end_date=date(2018, 2, 28)),
            Assignment(cadre_id=new.id, household_id=home.id, start_date=date(2018, 3, 1)),
        ])  # fmt: skip
        loan = Loan(
            contract_number="NX-1",
            household_id=home.id,
            bank="龙里县农村信用合作联社",
            amount_fen=5_000_000,
            rate_bp=435,
            term_months=36,
            purpose="养山羊",
            start_date=date(2017, 4, 1),
            status=LoanStatus.REPAYING,
        )
        loan.repayments = [
            LoanRepayment(paid_on=date(2018, 4, 1), principal_fen=1_500_000, interest_fen=0),
            LoanRepayment(paid_on=date(2019, 4, 1), principal_fen=1_500_000, interest_fen=0),
        ]
        project = Project(
            code="P1",
            village_code="522730001201",
            name="新寨村通组路硬化",
            budget_fen=120_000_000,
            stage=ProjectStage.FUNDED,
            implementer="冠山街道办事处",
        )
        project.stage_events = [
            ProjectStageEvent(stage=ProjectStage.PROPOSED, on=date(2019, 1, 5)),
            ProjectStageEvent(stage=ProjectStage.ASSESSED, on=date(2019, 2, 5)),
            ProjectStageEvent(stage=ProjectStage.APPROVED, on=date(2019, 3, 5)),
            ProjectStageEvent(stage=ProjectStage.FUNDED, on=date(2019, 4, 5)),
        ]
        s.add_all([loan, project])
        now = datetime(2026, 11, 1, tzinfo=UTC)
        s.add_all([
            Bulletin(code="B-ALL", title="防返贫监测帮扶政策", body="全省统一",
                     publisher="省乡村振兴局",
                     published_at=datetime(2026, 1, 1, tzinfo=UTC)),
            Bulletin(code="B-LL", title="小额信贷贴息", body="龙里县 100% 贴息", publisher="龙里县",
                     region_code="522730", published_at=datetime(2026, 2, 1, tzinfo=UTC)),
            Bulletin(code="B-WTH", title="湾滩河镇通知", body="只给湾滩河", publisher="湾滩河镇",
                     region_code="522730104", published_at=datetime(2026, 3, 1, tzinfo=UTC)),
            Bulletin(code="B-OLD", title="过期通知", body="已过期", publisher="龙里县",
                     published_at=datetime(2020, 1, 1, tzinfo=UTC),
                     expires_at=datetime(2021, 1, 1, tzinfo=UTC)),
            Bulletin(code="B-FUTURE", title="未来通知", body="尚未发布", publisher="龙里县",
                     published_at=now.replace(year=2027)),
        ])  # fmt: skip
        home_id, other_id = home.id, other.id
    yield Register(store.sessionmaker, home_id, other_id)
    store.close()
