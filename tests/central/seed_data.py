"""A small world for server tests: part of Longli county, its offices, cadres and one
household whose 2014 disaster relief was recorded as 8,000 yuan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from kiosk.domain.idnumber import id_lookup_hash, mask_id_number, new_id_number
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Bulletin,
    Cadre,
    CadrePost,
    Channel,
    DisciplineOffice,
    Health,
    Household,
    LabourCapacity,
    Member,
    PovertyStatus,
    Programme,
    Region,
    RegionLevel,
    Relation,
    Sex,
)

TEST_ID_HASH_KEY = b"central tests: a key of at least thirty-two bytes"


@dataclass(frozen=True)
class World:
    """The codes of what ``seed_world`` stored, for tests to refer to."""

    province: str = "520000"
    prefecture: str = "522700"
    county: str = "522730"
    township: str = "522730001"
    village: str = "522730001001"
    file_number: str = "522730001001-0001"
    aid_reference: str = "LLMZ-2014-000123"
    aid_fen: int = 800_000
    village_cadre: str = "C522730001001"
    township_cadre: str = "C522730001"
    county_office: str = "JW-522730"
    township_office: str = "JW-522730001"
    prefecture_office: str = "JW-522700"


WORLD = World()


def seed_world(session: Session) -> World:
    """Store the world in ``session`` and commit."""
    w = WORLD
    regions = [
        Region(code=w.province, name="贵州省", level=RegionLevel.PROVINCE),
        Region(
            code=w.prefecture, name="黔南州", level=RegionLevel.PREFECTURE, parent_code=w.province
        ),
        Region(code=w.county, name="龙里县", level=RegionLevel.COUNTY, parent_code=w.prefecture),
        Region(code=w.township, name="冠山街道", level=RegionLevel.TOWNSHIP, parent_code=w.county),
        Region(code=w.village, name="冠山村", level=RegionLevel.VILLAGE, parent_code=w.township),
    ]
    for region in regions:
        session.add(region)
        session.flush()
    session.add_all(
        [
            DisciplineOffice(
                code=w.prefecture_office,
                name="黔南州纪委监委",
                region_code=w.prefecture,
                level=RegionLevel.PREFECTURE,
            ),
            DisciplineOffice(
                code=w.county_office,
                name="龙里县纪委监委",
                region_code=w.county,
                level=RegionLevel.COUNTY,
            ),
            DisciplineOffice(
                code=w.township_office,
                name="冠山街道纪工委",
                region_code=w.township,
                level=RegionLevel.TOWNSHIP,
            ),
        ]
    )
    village_cadre = Cadre(
        code=w.village_cadre,
        name="王建国",
        name_initials="WJG",
        unit="冠山村村委会",
        post="村委会主任",
        region_code=w.village,
        level=RegionLevel.VILLAGE,
        phone="08515550101",
    )
    township_cadre = Cadre(
        code=w.township_cadre,
        name="李明",
        name_initials="LM",
        unit="冠山街道办事处",
        post="副主任",
        region_code=w.township,
        level=RegionLevel.TOWNSHIP,
        phone="08515550102",
    )
    township_cadre.posts = [
        CadrePost(
            unit="冠山街道办事处",
            post="副主任",
            region_code=w.township,
            level=RegionLevel.TOWNSHIP,
            start_date=date(2016, 1, 1),
        )
    ]
    household = Household(
        file_number=w.file_number,
        village_code=w.village,
        address="冠山村一组",
        status=PovertyStatus.LIFTED,
        registered_on=date(2014, 3, 1),
        poverty_score=62,
        score_housing=15,
        score_food=12,
        score_labour=15,
        score_schooling=10,
        score_health=10,
    )
    id_number = new_id_number(w.county, date(1962, 5, 8), 131)
    household.members = [
        Member(
            position=0,
            name="杨正刚",
            name_initials="YZG",
            relation=Relation.HEAD,
            sex=Sex.MALE,
            birth_date=date(1962, 5, 8),
            id_hash=id_lookup_hash(id_number, TEST_ID_HASH_KEY),
            id_masked=mask_id_number(id_number),
            labour_capacity=LabourCapacity.ORDINARY,
            health=Health.HEALTHY,
        )
    ]
    session.add_all([village_cadre, township_cadre, household])
    session.flush()
    session.add_all(
        [
            Assignment(
                cadre_id=village_cadre.id, household_id=household.id, start_date=date(2015, 1, 1)
            ),
            AidRecord(
                reference=w.aid_reference,
                household_id=household.id,
                programme=Programme.DISASTER_RELIEF,
                amount_fen=w.aid_fen,
                paid_on=date(2014, 8, 20),
                department="龙里县民政局",
                department_region_code=w.county,
                channel=Channel.ONE_CARD,
            ),
            Bulletin(
                code="B-2026-001",
                title="2026年产业扶持资金申报通知",
                body="请符合条件的农户到村委会申报。",
                publisher="龙里县农业农村局",
                region_code=w.county,
                published_at=datetime(2026, 3, 1, tzinfo=UTC),
            ),
        ]
    )
    session.commit()
    return w
