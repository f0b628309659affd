"""Responsible cadres, the posts they held, their households, and the discipline offices.

Every household gets a current cadre. In some villages the first cadre later moved to a
county bureau: their households show an ended assignment and a current one, and the cadre
shows two posts, which is what complaint routing has to look through.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.domain.models import (
    Assignment,
    Cadre,
    CadrePost,
    DisciplineOffice,
    RegionLevel,
    Sex,
)
from kiosk.services.demo.dates import REFERENCE_DATE, birth_for_age, random_date
from kiosk.services.demo.people import NameMaker
from kiosk.services.demo.regions import (
    RegionPlan,
    Village,
    prefecture_short,
    township_government,
    village_committee,
)
from kiosk.services.demo.rows import IdCounter, Row

#: Households one cadre helps (the rule was at most five).
HOUSEHOLDS_PER_CADRE = 5

_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "185", "186",
    "187", "188", "189", "199",
)  # fmt: skip
_COUNTY_BUREAUS = (
    "农业农村局", "财政局", "教育局", "卫生健康局", "交通运输局", "水务局", "自然资源局",
    "人力资源和社会保障局", "民政局", "林业局", "发展和改革局", "住房和城乡建设局", "乡村振兴局",
    "统计局", "审计局",
)  # fmt: skip
_COUNTY_POSTS = ("科员", "股长", "办公室主任", "驻村第一书记", "驻村工作队员")
_SENIOR_POSTS = ("副局长", "股长", "办公室主任")
_TOWNSHIP_POSTS = ("包村干部", "党政办干部", "农业服务中心干部", "社会事务办干部")
_VILLAGE_POSTS = ("村党支部书记", "村委会主任", "村监委会主任", "村文书")
_COMMUNITY_POSTS = ("社区党支部书记", "居委会主任", "社区网格员")


def discipline_offices(plan: RegionPlan, ids: IdCounter) -> list[Row]:
    """纪委监委 of the province, prefectures and counties; 纪委 (纪工委 for street offices)
    of each township of the demo counties."""
    offices: list[tuple[str, str, RegionLevel]] = [
        ("贵州省纪委监委", "520000", RegionLevel.PROVINCE)
    ]
    offices += [
        (prefecture_short(p) + "纪委监委", p.code, RegionLevel.PREFECTURE) for p in plan.prefectures
    ]
    offices += [(c.name + "纪委监委", c.code, RegionLevel.COUNTY) for c in plan.counties]
    offices += [
        (t.name + ("纪工委" if t.is_street_office else "纪委"), t.code, RegionLevel.TOWNSHIP)
        for t in plan.townships
    ]
    return [
        {
            "id": ids.next(DisciplineOffice),
            "code": f"JW{code}",
            "name": name,
            "region_code": code,
            "level": level,
        }
        for name, code, level in offices
    ]


#: Helping cadres took up their posts between these days, before the register was built.
_FIRST_POSTS = date(2008, 1, 1)
_POSTED_BY = date(2014, 3, 31)


@dataclass(frozen=True, slots=True)
class _Unit:
    """A post: the unit's name, the post, the unit's region and its level."""

    name: str
    post: str
    region_code: str
    level: RegionLevel


@dataclass(slots=True)
class VillageStaff:
    """Cadres helping one village's households, and the one who moved away, if any."""

    cadres: list[Row] = field(default_factory=list)
    posts: list[Row] = field(default_factory=list)
    pool: list[int] = field(default_factory=list)
    moved_cadre: int | None = None
    moved_on: date | None = None


class Officials:
    """Makes cadres, their posts and assignments, drawing names from the shared NameMaker."""

    def __init__(self, rng: random.Random, ids: IdCounter, names: NameMaker) -> None:
        self._rng = rng
        self._ids = ids
        self._names = names

    def _cadre(self, staff: VillageStaff, village: Village, unit: _Unit) -> tuple[int, date]:
        """A cadre row; returns its id and the earliest day the cadre could take a post."""
        rng = self._rng
        cadre_id = self._ids.next(Cadre)
        sex = Sex.MALE if rng.random() < 0.65 else Sex.FEMALE
        # Old enough to have held a post since before the register was built in 2014.
        birth = birth_for_age(rng, rng.randint(36, 58))
        name = self._names.full(self._names.surname(), sex, birth, [])
        staff.cadres.append(
            {
                "id": cadre_id,
                "code": f"GB{village.county.code}-{cadre_id:07d}",
                "name": name,
                "name_initials": self._names.initials(name),
                "unit": unit.name,
                "post": unit.post,
                "region_code": unit.region_code,
                "level": unit.level,
                "phone": f"{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(10**8):08d}",
            }
        )
        return cadre_id, max(_FIRST_POSTS, date(birth.year + 22, 9, 1))

    def _post(
        self, staff: VillageStaff, cadre_id: int, unit: _Unit, start: date, end: date | None
    ) -> None:
        staff.posts.append(
            {
                "id": self._ids.next(CadrePost),
                "cadre_id": cadre_id,
                "unit": unit.name,
                "post": unit.post,
                "region_code": unit.region_code,
                "level": unit.level,
                "start_date": start,
                "end_date": end,
            }
        )

    def _helper_unit(self, village: Village) -> _Unit:
        """Where a helping cadre works: a county bureau, the township, or the village."""
        rng = self._rng
        draw = rng.random()
        if draw < 0.5:
            name = village.county.name + rng.choice(_COUNTY_BUREAUS)
            return _Unit(name, rng.choice(_COUNTY_POSTS), village.county.code, RegionLevel.COUNTY)
        if draw < 0.85:
            name = township_government(village.township)
            post = rng.choice(_TOWNSHIP_POSTS)
            return _Unit(name, post, village.township.code, RegionLevel.TOWNSHIP)
        posts = _COMMUNITY_POSTS if village.is_community else _VILLAGE_POSTS
        return _Unit(
            village_committee(village), rng.choice(posts), village.code, RegionLevel.VILLAGE
        )

    def staff_village(self, village: Village, households: int) -> VillageStaff:
        """One cadre per five households, and in most villages one who has since moved."""
        rng = self._rng
        staff = VillageStaff()
        for _ in range(max(1, math.ceil(households / HOUSEHOLDS_PER_CADRE))):
            unit = self._helper_unit(village)
            cadre_id, eligible = self._cadre(staff, village, unit)
            staff.pool.append(cadre_id)
            self._post(staff, cadre_id, unit, random_date(rng, eligible, _POSTED_BY), None)
        if households >= 2 and rng.random() < 0.6:
            moved_on = random_date(rng, date(2017, 3, 1), date(2022, 12, 31))
            earlier = _Unit(
                township_government(village.township),
                "包村干部",
                village.township.code,
                RegionLevel.TOWNSHIP,
            )
            now = _Unit(
                village.county.name + rng.choice(_COUNTY_BUREAUS),
                rng.choice(_SENIOR_POSTS),
                village.county.code,
                RegionLevel.COUNTY,
            )
            cadre_id, eligible = self._cadre(staff, village, now)
            started = random_date(rng, eligible, _POSTED_BY)
            self._post(staff, cadre_id, earlier, started, moved_on)
            self._post(staff, cadre_id, now, moved_on + timedelta(days=1), None)
            staff.moved_cadre, staff.moved_on = cadre_id, moved_on
        return staff

    def assign(
        self, staff: VillageStaff, index: int, household_id: int, registered_on: date
    ) -> list[Row]:
        """Assignments of a village's ``index``-th household: maybe an ended one, then the
        current one."""
        rng = self._rng
        start = min(registered_on + timedelta(days=rng.randint(0, 60)), REFERENCE_DATE)
        current = staff.pool[index // HOUSEHOLDS_PER_CADRE % len(staff.pool)]
        rows: list[Row] = []
        moved, moved_on = staff.moved_cadre, staff.moved_on
        helped_before = index < HOUSEHOLDS_PER_CADRE and moved_on is not None and start < moved_on
        if moved is not None and moved_on is not None and helped_before:
            rows.append(self._assignment(moved, household_id, start, moved_on))
            start = moved_on + timedelta(days=1)
        rows.append(self._assignment(current, household_id, start, None))
        return rows

    def _assignment(self, cadre_id: int, household_id: int, start: date, end: date | None) -> Row:
        return {
            "id": self._ids.next(Assignment),
            "cadre_id": cadre_id,
            "household_id": household_id,
            "start_date": start,
            "end_date": end,
        }
