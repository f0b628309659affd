"""Aid records: who paid what, when, through which channel, for each programme.

Amounts follow the real schemes closely enough to look right on a statement: subsistence
allowance paid monthly or quarterly per covered person, education grants per term by school
level, housing renovation of 1-3.5 万 yuan, and so on. Departments carry the names they had
in the year of payment (disaster relief moved from 民政局 to 应急管理局 in 2019, the poverty
office became 乡村振兴局 in 2021), and the department's region is recorded for routing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from kiosk.domain.models import (
    AidRecord,
    Channel,
    Health,
    MeasureKind,
    PovertyCause,
    PovertyStatus,
    Programme,
)
from kiosk.services.demo.dates import REFERENCE_DATE, add_months, random_date
from kiosk.services.demo.people import Person
from kiosk.services.demo.profile import Profile, last_day
from kiosk.services.demo.regions import Village
from kiosk.services.demo.rows import IdCounter, Row

#: Two letters of pinyin per programme, leading each payment reference.
REFERENCE_PREFIX: dict[Programme, str] = {
    Programme.DISASTER_RELIEF: "JZ",
    Programme.SUBSISTENCE_ALLOWANCE: "DB",
    Programme.INDUSTRY_SUPPORT: "CY",
    Programme.EDUCATION_GRANT: "JY",
    Programme.MEDICAL_AID: "YL",
    Programme.HOUSING_RENOVATION: "WG",
    Programme.ELDERLY_ALLOWANCE: "GL",
    Programme.DISABILITY_ALLOWANCE: "CJ",
    Programme.ECOLOGICAL_COMPENSATION: "ST",
    Programme.SKILLS_TRAINING: "PX",
    Programme.RELOCATION: "BQ",
    Programme.LOAN_INTEREST_SUBSIDY: "TX",
}

_COUNTY_UNIT: dict[Programme, str] = {
    Programme.SUBSISTENCE_ALLOWANCE: "民政局",
    Programme.EDUCATION_GRANT: "教育局",
    Programme.HOUSING_RENOVATION: "住房和城乡建设局",
    Programme.DISABILITY_ALLOWANCE: "残疾人联合会",
    Programme.SKILLS_TRAINING: "人力资源和社会保障局",
    Programme.RELOCATION: "生态移民局",
    Programme.LOAN_INTEREST_SUBSIDY: "财政局",
}

_DISASTERS = ("洪涝", "风雹", "干旱", "凝冻", "山体滑坡")
_GOODS = {"养山羊": "种羊", "养牛": "能繁母牛", "生猪养殖": "仔猪", "养鸡": "鸡苗"}


def poverty_office(year: int) -> str:
    """The county's poverty office as it was called in ``year``."""
    return "扶贫开发办公室" if year < 2021 else "乡村振兴局"


def payer(programme: Programme, year: int, village: Village) -> tuple[str, str]:
    """The paying department's name and region code, as it was in ``year``."""
    township, county = village.township, village.county
    if programme in (Programme.ECOLOGICAL_COMPENSATION, Programme.ELDERLY_ALLOWANCE):
        return f"{township.name}财政所", township.code
    if programme is Programme.DISASTER_RELIEF:
        unit = "民政局" if year < 2019 else "应急管理局"
    elif programme is Programme.MEDICAL_AID:
        unit = "民政局" if year < 2019 else "医疗保障局"
    elif programme is Programme.INDUSTRY_SUPPORT:
        unit = poverty_office(year)
    else:
        unit = _COUNTY_UNIT[programme]
    return county.name + unit, county.code


def subsistence_standard_yuan(year: int) -> int:
    """Monthly rural subsistence standard per person (yuan), rising each year."""
    return 165 + 20 * (year - 2014)


@dataclass(slots=True)
class HouseholdFile:
    """A household being generated: what its aid, loans and assignments are drawn from."""

    household_id: int
    village: Village
    members: list[tuple[int, Person]]
    profile: Profile

    @property
    def head_id(self) -> int:
        return self.members[0][0]


class Ledger:
    """Makes aid record rows with pre-assigned ids and unique payment references."""

    def __init__(self, ids: IdCounter) -> None:
        self._ids = ids
        self._payers: dict[tuple[Programme, int, str], tuple[str, str]] = {}

    def record(
        self,
        file: HouseholdFile,
        programme: Programme,
        amount_fen: int,
        paid_on: date,
        *,
        member_id: int | None = None,
        channel: Channel = Channel.ONE_CARD,
        note: str = "",
        department: tuple[str, str] | None = None,
    ) -> Row:
        aid_id = self._ids.next(AidRecord)
        if department is None:
            key = (programme, paid_on.year, file.village.township.code)
            department = self._payers.get(key)
            if department is None:
                department = self._payers[key] = payer(programme, paid_on.year, file.village)
        name, region = department
        county = file.village.county.code
        return {
            "id": aid_id,
            "reference": f"{REFERENCE_PREFIX[programme]}{county}-{paid_on.year}-{aid_id:08d}",
            "household_id": file.household_id,
            "member_id": file.head_id if member_id is None else member_id,
            "programme": programme,
            "amount_fen": amount_fen,
            "paid_on": paid_on,
            "department": name,
            "department_region_code": region,
            "channel": channel,
            "note": note,
        }

    def subsistence(
        self,
        file: HouseholdFile,
        *,
        first: date,
        last: date,
        persons: int,
        class_percent: int,
        monthly: bool,
        day: int,
    ) -> list[Row]:
        """低保 from ``first`` to ``last``: monthly, or quarterly at the end of each quarter."""
        rows: list[Row] = []
        month = date(first.year, first.month, day)
        step = 1 if monthly else 3
        if not monthly:  # move to the last month of the quarter
            month = add_months(month, (3 - month.month % 3) % 3)
        while month <= last:
            per_month = subsistence_standard_yuan(month.year) * persons * class_percent // 100
            when = (
                f"{month.year}年{month.month}月"
                if monthly
                else f"{month.year}年第{month.month // 3}季度"
            )
            rows.append(
                self.record(
                    file,
                    Programme.SUBSISTENCE_ALLOWANCE,
                    per_month * step * 100,
                    month,
                    note=f"农村低保金（{when}，{persons}人）",
                )
            )
            month = add_months(month, step)
        return rows


#: Schemes by age at the start of the school year: (first age, last age, yuan per term,
#: name, paid per term). Boarding allowances are paid once a school year, in the autumn.
_SCHEMES: tuple[tuple[int, int, int, str, bool], ...] = (
    (6, 11, 500, "小学寄宿生生活补助", False),
    (12, 14, 625, "初中寄宿生生活补助", False),
    (15, 17, 1000, "普通高中国家助学金", True),
    (18, 21, 1500, "雨露计划职业教育补助", True),
)
_SCHEME_BY_AGE = {age: s for s in _SCHEMES for age in range(s[0], s[1] + 1)}
_FIRST_AGE, _LAST_AGE = _SCHEMES[0][0], _SCHEMES[-1][1]
#: First ages of senior school (paid to everyone) and of vocational school.
_SENIOR_AGE, _VOCATIONAL_AGE = _SCHEMES[2][0], _SCHEMES[3][0]


def _education(
    rng: random.Random, ledger: Ledger, file: HouseholdFile, first: int, last: date
) -> list[Row]:
    """Grants for each pupil: boarders in primary and junior school, everyone in senior
    school, and 雨露计划 (paid by the poverty office) for vocational students."""
    rows: list[Row] = []
    county = file.village.county
    for member_id, person in file.members:
        born = person.birth.year
        # A spring term belongs to the school year that began the autumn before.
        years = range(max(first, born + _FIRST_AGE), min(last.year, born + _LAST_AGE + 1) + 1)
        if not years:
            continue
        boarding = rng.random() < 0.5
        vocational = person.student if 18 <= person.age <= 22 else rng.random() < 0.3
        # Only the years in which some term is paid: from the first paid age (6 for a
        # boarder, else 15) to the spring after the last (21 in vocational school, else 17).
        paid_from = born + (_FIRST_AGE if boarding else _SENIOR_AGE)
        paid_until = born + (_LAST_AGE if vocational else _VOCATIONAL_AGE - 1) + 1
        for year in range(max(years.start, paid_from), min(years.stop, paid_until + 1)):
            for month, school_year in ((4, year - 1), (10, year)):
                age = school_year - born
                scheme = _SCHEME_BY_AGE.get(age)
                if scheme is None or (age <= 14 and not boarding) or (age >= 18 and not vocational):
                    continue
                _, _, per_term, name, termly = scheme
                if not termly and month == 4:
                    continue
                paid = date(year, month, rng.randint(8, 25))
                if paid > last:
                    continue
                period = f"{school_year}-{school_year + 1}学年"
                if termly:
                    period += "春季学期" if month == 4 else "秋季学期"
                department = None
                if age >= 18:
                    department = (county.name + poverty_office(year), county.code)
                rows.append(
                    ledger.record(
                        file,
                        Programme.EDUCATION_GRANT,
                        per_term * (1 if termly else 2) * 100,
                        paid,
                        member_id=member_id,
                        note=f"{name}（{period}）",
                        department=department,
                    )
                )
    return rows


def _periodic_personal(
    ledger: Ledger,
    file: HouseholdFile,
    programme: Programme,
    member_id: int,
    start: date,
    amount_yuan: int,
    note: str,
    months: int,
) -> list[Row]:
    """A personal allowance paid every ``months`` months from ``start`` until today."""
    rows: list[Row] = []
    paid = add_months(date(start.year, start.month, 20), (months - start.month % months) % months)
    while paid <= REFERENCE_DATE:
        rows.append(
            ledger.record(
                file, programme, amount_yuan * months * 100, paid, member_id=member_id, note=note
            )
        )
        paid = add_months(paid, months)
    return rows


def household_aid(rng: random.Random, ledger: Ledger, file: HouseholdFile) -> list[Row]:
    """Every payment of a generated household, following its measures and members."""
    profile, members = file.profile, file.members
    registered = profile.registered_on
    until = last_day(profile)
    rows: list[Row] = []

    if profile.has(MeasureKind.SOCIAL_SECURITY):
        stops = until
        if profile.lifted_on is not None and profile.status is PovertyStatus.LIFTED:
            stops = min(until, add_months(profile.lifted_on, 12))  # 低保渐退期: one year
        rows += ledger.subsistence(
            file,
            # Households were brought under the allowance some time after registration.
            first=add_months(registered, rng.randint(1, 36)),
            last=stops,
            persons=rng.randint(1, len(members)),
            class_percent=rng.choice((100, 70, 45)),
            monthly=rng.random() < 0.08,
            day=rng.randint(5, 25),
        )
    rows += _education(rng, ledger, file, registered.year, until)

    for member_id, person in members:
        if person.age >= 80:
            eighty = date(person.birth.year + 80, person.birth.month, min(person.birth.day, 28))
            start = max(eighty, date(2017, 1, 1))
            monthly_yuan = 100 if person.age >= 90 else 50
            rows += _periodic_personal(
                ledger,
                file,
                Programme.ELDERLY_ALLOWANCE,
                member_id,
                start,
                monthly_yuan,
                "高龄津贴",
                6,
            )
        if person.health is Health.DISABLED:
            start = max(registered, date(2016, 1, 1), person.birth)
            rows += _periodic_personal(
                ledger,
                file,
                Programme.DISABILITY_ALLOWANCE,
                member_id,
                start,
                140,
                "困难残疾人生活补贴和重度残疾人护理补贴",
                6,
            )
        ill = person.health in (Health.SERIOUS, Health.CHRONIC)
        earliest = max(registered, person.birth)
        if ill and profile.has(MeasureKind.HEALTH) and earliest <= until:
            serious = person.health is Health.SERIOUS
            first_year = rng.randint(earliest.year, until.year)
            years = [first_year]
            if serious:  # a serious illness keeps costing money year after year
                years += [y for y in range(first_year + 1, until.year + 1) if rng.random() < 0.5]
            for year in years:
                first_day = max(date(year, 1, 10), earliest)
                paid = random_date(rng, first_day, min(date(year, 12, 20), until))
                amount = rng.randint(20, 300) * 10_000 if serious else rng.randint(3, 30) * 10_000
                note = "住院医疗救助" if serious else "门诊慢特病医疗救助"
                rows.append(
                    ledger.record(
                        file, Programme.MEDICAL_AID, amount, paid, member_id=member_id, note=note
                    )
                )

    if rng.random() < (0.25 if PovertyCause.DISASTER in profile.causes else 0.05):
        year = rng.randint(2014, 2025)
        paid = random_date(rng, date(year, 5, 1), date(year, 12, 20))
        channel = Channel.CASH if year < 2016 and rng.random() < 0.15 else Channel.ONE_CARD
        amount = rng.choice((500, 800, 1000, 1500, 2000, 3000, 5000)) * 100
        note = f"{year}年{rng.choice(_DISASTERS)}灾害生活救助"
        rows.append(
            ledger.record(file, Programme.DISASTER_RELIEF, amount, paid, channel=channel, note=note)
        )

    rows += _measure_payments(rng, ledger, file)
    return rows


def _measure_payments(rng: random.Random, ledger: Ledger, file: HouseholdFile) -> list[Row]:
    """One-off and yearly payments that come with a help measure."""
    profile = file.profile
    rows: list[Row] = []

    def on(year: int) -> date:
        return random_date(rng, date(year, 3, 1), min(date(year, 12, 20), REFERENCE_DATE))

    if profile.has(MeasureKind.HOUSING):
        year = profile.measure_year(MeasureKind.HOUSING)
        total = rng.randint(20, 70) * 500 * 100
        if rng.random() < 0.5:
            rows.append(
                ledger.record(
                    file, Programme.HOUSING_RENOVATION, total, on(year), note="农村危房改造补助"
                )
            )
        else:
            first = total * 6 // 10
            rows.append(
                ledger.record(
                    file,
                    Programme.HOUSING_RENOVATION,
                    first,
                    date(year, 5, 18),
                    note="农村危房改造补助（首批）",
                )
            )
            rows.append(
                ledger.record(
                    file,
                    Programme.HOUSING_RENOVATION,
                    total - first,
                    date(year, 11, 26),
                    note="农村危房改造补助（验收后尾款）",
                )
            )
    if profile.has(MeasureKind.RELOCATION):
        year = profile.measure_year(MeasureKind.RELOCATION)
        amount = rng.randint(8, 30) * 1000 * 100
        rows.append(
            ledger.record(
                file, Programme.RELOCATION, amount, on(year), note="易地扶贫搬迁旧房拆除复垦奖励"
            )
        )
    if profile.has(MeasureKind.INDUSTRY):
        start = profile.measure_year(MeasureKind.INDUSTRY)
        for year in range(start, min(start + rng.randint(1, 3), REFERENCE_DATE.year + 1)):
            amount = rng.randint(20, 100) * 100 * 100
            goods = _GOODS.get(profile.industry, profile.industry.removeprefix("种植") + "种苗")
            if rng.random() < 0.25:
                rows.append(
                    ledger.record(
                        file,
                        Programme.INDUSTRY_SUPPORT,
                        amount,
                        on(year),
                        channel=Channel.IN_KIND,
                        note=f"产业扶持：发放{goods}",
                    )
                )
            else:
                rows.append(
                    ledger.record(
                        file,
                        Programme.INDUSTRY_SUPPORT,
                        amount,
                        on(year),
                        note=f"产业扶持资金（{profile.industry}）",
                    )
                )
    if profile.has(MeasureKind.SKILLS_TRAINING):
        year = profile.measure_year(MeasureKind.SKILLS_TRAINING)
        amount = rng.randint(5, 20) * 100 * 100
        rows.append(
            ledger.record(file, Programme.SKILLS_TRAINING, amount, on(year), note="技能培训补贴")
        )
    if profile.has(MeasureKind.ECOLOGICAL):
        mu = rng.randint(2, 12)
        for year in range(profile.measure_year(MeasureKind.ECOLOGICAL), REFERENCE_DATE.year):
            rows.append(
                ledger.record(
                    file,
                    Programme.ECOLOGICAL_COMPENSATION,
                    mu * 125 * 100,
                    date(year, 12, 15),
                    note=f"退耕还林补助（{mu}亩）",
                )
            )
    return rows
