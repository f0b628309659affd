"""Three named households present in every demo store, whatever the seed or size.

Each is the first household of its village, so its file number is fixed; the heads' ID
numbers are fictitious but valid, made with ``make_id_number``, so a tester can identify
at the kiosk by name initials and ID number. They are printed by ``kiosk demo-data``.

1. File ``522730001001-0001``, Guanshan street office (冠山街道), Longli.
   Head 杨正刚 (initials YZG), ID 529999196205081317.
   2014 disaster relief recorded as 8,000 yuan (800000 fen), paid by 龙里县民政局 via the
   one-card account: the story in which the resident received only 4,000.
2. File ``522730104201-0001``, Wantanhe town (湾滩河镇), Longli.
   Head 曾德明 (initials ZDM: 曾 read as the surname Zeng), ID 529999197509212579.
   A 50,000-yuan, 36-month micro-credit loan for goat raising (养山羊) from 2019-03-20, with
   three yearly repayments and the interest refunded by the county.
3. File ``520602101201-0001``, Bahuang town (坝黄镇), Bijiang district, Tongren.
   Head 单光荣 (initials SGR: 单 read as the surname Shan), ID 529999197011033194.
   His wife is seriously ill (main cause: illness); the household got a truck (货车) through
   industry support in 2021 after driving-skills training in 2020.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kiosk.domain.address_codes import DEMO_ADDRESS_CODE
from kiosk.domain.idnumber import make_id_number
from kiosk.domain.models import (
    Channel,
    Health,
    LabourCapacity,
    MeasureKind,
    PovertyCause,
    PovertyStatus,
    Programme,
    Relation,
    Sex,
)
from kiosk.domain.poverty import Indicator
from kiosk.services.demo.dates import REFERENCE_DATE, age_on
from kiosk.services.demo.ledger import HouseholdFile, Ledger
from kiosk.services.demo.loans import LoanRows, make_loan
from kiosk.services.demo.people import Person
from kiosk.services.demo.profile import Measure, Profile
from kiosk.services.demo.regions import file_number
from kiosk.services.demo.rows import IdCounter, Row

#: A Guizhou county code that has never been issued (the province's own codes end well
#: below it): the published ID numbers of the story households are valid in form but no
#: real person's. Only a terminal on the public demo key accepts it (``kiosk.config``).
UNISSUED_COUNTY_CODE = DEMO_ADDRESS_CODE

WEAK, LOST, NONE = LabourCapacity.WEAK, LabourCapacity.LOST, LabourCapacity.NONE


def _member(
    name: str,
    relation: Relation,
    sex: Sex,
    born: str,
    region: str,
    labour: LabourCapacity = LabourCapacity.ORDINARY,
    health: Health = Health.HEALTHY,
) -> Person:
    """A scenario member; every scenario surname is one character."""
    birth = date.fromisoformat(born)
    student = labour is NONE and 6 <= age_on(birth, REFERENCE_DATE) <= 22
    return Person(name, name[0], relation, sex, birth, region, labour, health, student)


def _indicators(
    housing: int, food: int, labour: int, schooling: int, health: int
) -> dict[Indicator, int]:
    return {
        Indicator.HOUSING: housing,
        Indicator.FOOD: food,
        Indicator.LABOUR: labour,
        Indicator.SCHOOLING: schooling,
        Indicator.HEALTH: health,
    }


@dataclass(frozen=True)
class Scenario:
    """A named household: its people, its file and the payments the story is about."""

    number: int
    story: str
    village_code: str
    head_birth: date
    head_sequence: int
    people: Callable[[], list[Person]]
    profile: Callable[[], Profile]
    ledger: Callable[[IdCounter, Ledger, HouseholdFile], tuple[list[Row], LoanRows]]
    #: Villager group (组) and house number of the address.
    address: tuple[int, int]

    @property
    def file_number(self) -> str:
        return file_number(self.village_code, 1)

    @property
    def head_id_number(self) -> str:
        """Fictitious and public: for testers only, never stored in clear. Built on a county
        code that was never issued, so it cannot be anyone's real number."""
        return make_id_number(UNISSUED_COUNTY_CODE, self.head_birth, self.head_sequence)

    @property
    def head_name(self) -> str:
        return self.people()[0].name


# 1. The withheld disaster relief -------------------------------------------------------


def _relief_people() -> list[Person]:
    return [
        _member("杨正刚", Relation.HEAD, Sex.MALE, "1962-05-08", "522730"),
        _member(
            "罗桂英", Relation.SPOUSE, Sex.FEMALE, "1964-10-02", "522730", WEAK, Health.CHRONIC
        ),
        _member("杨海波", Relation.SON, Sex.MALE, "1987-03-15", "522730", LabourCapacity.SKILLED),
        _member("杨雨桐", Relation.GRANDDAUGHTER, Sex.FEMALE, "2015-08-09", "522730", NONE),
    ]


def _relief_profile() -> Profile:
    return Profile(
        status=PovertyStatus.LIFTED,
        registered_on=date(2014, 5, 12),
        lifted_on=date(2018, 12, 20),
        indicators=_indicators(22, 18, 20, 12, 12),
        causes=[PovertyCause.DISASTER, PovertyCause.LACK_OF_CAPITAL],
        measures=[
            Measure(MeasureKind.HOUSING, 2015, "洪涝灾害倒损住房实施危房改造，补助资金打卡发放"),
            Measure(MeasureKind.INDUSTRY, 2016, "发展种植刺梨产业，享受产业扶持资金"),
        ],
        industry="种植刺梨",
    )


def _relief_ledger(
    ids: IdCounter, ledger: Ledger, file: HouseholdFile
) -> tuple[list[Row], LoanRows]:
    rows = [
        ledger.record(
            file,
            Programme.DISASTER_RELIEF,
            800_000,
            date(2014, 8, 26),
            note="2014年洪涝灾害倒损住房恢复重建救助",
            department=("龙里县民政局", "522730"),
        ),
        ledger.record(
            file,
            Programme.HOUSING_RENOVATION,
            900_000,
            date(2015, 5, 18),
            note="农村危房改造补助（首批）",
        ),
        ledger.record(
            file,
            Programme.HOUSING_RENOVATION,
            600_000,
            date(2015, 11, 26),
            note="农村危房改造补助（验收后尾款）",
        ),
        ledger.record(
            file,
            Programme.INDUSTRY_SUPPORT,
            300_000,
            date(2016, 4, 12),
            channel=Channel.IN_KIND,
            note="产业扶持：发放刺梨种苗",
        ),
    ]
    return rows, LoanRows()


# 2. The goat loan ---------------------------------------------------------------------


def _goat_people() -> list[Person]:
    return [
        _member("曾德明", Relation.HEAD, Sex.MALE, "1975-09-21", "522730"),
        _member("龙玉兰", Relation.SPOUSE, Sex.FEMALE, "1978-04-30", "522731"),
        _member("曾浩", Relation.SON, Sex.MALE, "2004-07-12", "522730", NONE),
        _member("曾欣怡", Relation.DAUGHTER, Sex.FEMALE, "2012-02-03", "522730", NONE),
    ]


def _goat_profile() -> Profile:
    return Profile(
        status=PovertyStatus.MONITORED,
        registered_on=date(2014, 6, 3),
        lifted_on=date(2019, 12, 10),
        indicators=_indicators(20, 16, 18, 8, 10),
        causes=[PovertyCause.LACK_OF_CAPITAL, PovertyCause.SCHOOLING],
        measures=[
            Measure(MeasureKind.MICROCREDIT, 2019, "申请扶贫小额信贷5万元发展山羊养殖，财政贴息"),
            Measure(MeasureKind.INDUSTRY, 2019, "发展养山羊产业，享受产业扶持资金"),
            Measure(MeasureKind.EDUCATION, 2022, "子女享受教育资助（雨露计划、寄宿生生活补助）"),
        ],
        industry="养山羊",
    )


def _goat_ledger(ids: IdCounter, ledger: Ledger, file: HouseholdFile) -> tuple[list[Row], LoanRows]:
    loans = LoanRows()
    make_loan(
        ids,
        ledger,
        file,
        loans,
        bank="贵州龙里农村商业银行",
        amount_fen=5_000_000,
        months=36,
        start=date(2019, 3, 20),
        purpose="养山羊",
    )
    son, daughter = file.members[2][0], file.members[3][0]
    rows = [
        ledger.record(
            file,
            Programme.INDUSTRY_SUPPORT,
            600_000,
            date(2019, 5, 10),
            channel=Channel.IN_KIND,
            note="产业扶持：发放种羊12只",
        ),
    ]
    # Vocational college from autumn 2022 to spring 2026, paid each term.
    for year, month in (
        [(2022, 10)] + [(y, m) for y in (2023, 2024, 2025) for m in (4, 10)] + [(2026, 4)]
    ):
        school_year = year if month == 10 else year - 1
        term = "秋季学期" if month == 10 else "春季学期"
        rows.append(
            ledger.record(
                file,
                Programme.EDUCATION_GRANT,
                150_000,
                date(year, month, 15),
                member_id=son,
                note=f"雨露计划职业教育补助（{school_year}-{school_year + 1}学年{term}）",
                department=("龙里县乡村振兴局", "522730"),
            )
        )
    for year in (2024, 2025, 2026):
        rows.append(
            ledger.record(
                file,
                Programme.EDUCATION_GRANT,
                125_000,
                date(year, 10, 20),
                member_id=daughter,
                note=f"初中寄宿生生活补助（{year}-{year + 1}学年）",
            )
        )
    return rows, loans


# 3. The ill spouse and the truck ------------------------------------------------------


def _truck_people() -> list[Person]:
    return [
        _member("单光荣", Relation.HEAD, Sex.MALE, "1970-11-03", "520602", LabourCapacity.SKILLED),
        _member(
            "吴秀英", Relation.SPOUSE, Sex.FEMALE, "1972-06-18", "520602", LOST, Health.SERIOUS
        ),
        _member("单俊", Relation.SON, Sex.MALE, "1995-01-26", "520602"),
        _member("杨丽", Relation.DAUGHTER_IN_LAW, Sex.FEMALE, "1996-08-14", "520603"),
        _member("单语嫣", Relation.GRANDDAUGHTER, Sex.FEMALE, "2019-09-09", "520602", NONE),
    ]


def _truck_profile() -> Profile:
    return Profile(
        status=PovertyStatus.POOR,
        registered_on=date(2014, 5, 20),
        lifted_on=None,
        indicators=_indicators(15, 12, 10, 8, 3),
        causes=[PovertyCause.ILLNESS, PovertyCause.LACK_OF_CAPITAL, PovertyCause.LACK_OF_SKILLS],
        measures=[
            Measure(
                MeasureKind.HEALTH,
                2014,
                "家庭医生签约服务，享受基本医保、大病保险、医疗救助三重保障",
            ),
            Measure(MeasureKind.SOCIAL_SECURITY, 2016, "纳入农村最低生活保障，兜底保障基本生活"),
            Measure(MeasureKind.SKILLS_TRAINING, 2020, "参加货车驾驶技能培训，取得驾驶证"),
            Measure(MeasureKind.INDUSTRY, 2021, "产业扶持配置轻型货车一辆，从事蔬菜运输"),
        ],
        industry="种植蔬菜",
    )


_SPOUSE_MEDICAL_AID = (
    (date(2017, 8, 22), 860_000),
    (date(2018, 11, 5), 1_230_000),
    (date(2019, 9, 17), 1_540_000),
    (date(2021, 3, 11), 920_000),
    (date(2023, 6, 28), 1_100_000),
    (date(2025, 10, 9), 780_000),
)


def _truck_ledger(
    ids: IdCounter, ledger: Ledger, file: HouseholdFile
) -> tuple[list[Row], LoanRows]:
    spouse = file.members[1][0]
    rows = [
        ledger.record(
            file, Programme.SKILLS_TRAINING, 180_000, date(2020, 7, 15), note="货车驾驶技能培训补贴"
        ),
        ledger.record(
            file,
            Programme.INDUSTRY_SUPPORT,
            3_500_000,
            date(2021, 4, 8),
            channel=Channel.IN_KIND,
            note="产业扶持：配置轻型货车一辆，用于蔬菜运输",
        ),
    ]
    rows += [
        ledger.record(
            file, Programme.MEDICAL_AID, amount, paid, member_id=spouse, note="住院医疗救助"
        )
        for paid, amount in _SPOUSE_MEDICAL_AID
    ]
    rows += ledger.subsistence(
        file,
        first=date(2016, 7, 1),
        last=REFERENCE_DATE,
        persons=2,
        class_percent=100,
        monthly=False,
        day=18,
    )
    return rows, LoanRows()


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        number=1,
        story="2014 disaster relief recorded as 8,000 yuan, paid by 龙里县民政局 (the 4,000 story)",
        village_code="522730001001",
        head_birth=date(1962, 5, 8),
        head_sequence=131,
        people=_relief_people,
        profile=_relief_profile,
        ledger=_relief_ledger,
        address=(3, 21),
    ),
    Scenario(
        number=2,
        story="50,000-yuan 3-year micro-credit loan for goat raising (养山羊), repaid",
        village_code="522730104201",
        head_birth=date(1975, 9, 21),
        head_sequence=257,
        people=_goat_people,
        profile=_goat_profile,
        ledger=_goat_ledger,
        address=(5, 8),
    ),
    Scenario(
        number=3,
        story="seriously ill spouse; a truck (货车) through industry support after skills training",
        village_code="520602101201",
        head_birth=date(1970, 11, 3),
        head_sequence=319,
        people=_truck_people,
        profile=_truck_profile,
        ledger=_truck_ledger,
        address=(2, 16),
    ),
)

SCENARIO_VILLAGES = {scenario.village_code: scenario for scenario in SCENARIOS}
