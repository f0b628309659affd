"""Real Guizhou divisions from the bundled CSV, and generated villages and communities below them.

The CSV (``guizhou-divisions.csv``: ``code,name,level,parent_code``) holds the official codes
down to township level. Village codes are not in it, so villages are made up the way the
statistics bureau numbers them: the township's nine digits, then 0xx for communities
(居委会) and 2xx for villages (村委会).
"""

from __future__ import annotations

import csv
import io
import math
import random
from dataclasses import dataclass
from importlib import resources

from kiosk.domain.models import RegionLevel
from kiosk.services.demo.rows import Row

DIVISIONS_FILE = "guizhou-divisions.csv"
PROVINCE_CODE = "520000"

#: Counties that get villages and households: Longli (黔南州), Bijiang (铜仁市), and two more.
DEMO_COUNTIES: tuple[str, ...] = ("522730", "520602", "522731", "520628")

#: Townships that get the first villages, so even a small data set has the story's places:
#: Guanshan street office and Wantanhe town in Longli, Bahuang town in Bijiang.
FIRST_TOWNSHIPS: tuple[str, ...] = ("522730001", "522730104", "520602101")

#: Neighbouring counties, whose codes appear in the ID numbers of in-married spouses.
NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "522730": ("522723", "522731", "520111", "520112"),
    "520602": ("520603", "520621", "520628"),
    "522731": ("522730", "522728", "522729", "520111"),
    "520628": ("520602", "520621", "520603"),
}

#: Villages in a small data set; larger ones get about one village per 150 households.
MIN_VILLAGES = 8
HOUSEHOLDS_PER_VILLAGE = 150
#: Codes 001-099 and 201-299 leave room for 99 units of each kind; stay below that.
MAX_UNITS_PER_TOWNSHIP = 99

_VILLAGE_FIRST = (
    "新", "老", "上", "下", "大", "小", "高", "龙", "岩", "水", "石", "沙", "平", "马", "羊",
    "牛", "茶", "竹", "松", "杉", "枫", "桃", "李", "田", "冷", "花", "云", "金", "白", "红",
    "青", "长", "三", "五", "六", "谷", "洞", "凉", "猫", "麻", "鱼", "关", "营", "中", "后",
    "坝", "凤", "鸡", "芦", "雷",
)  # fmt: skip
_VILLAGE_SECOND = (
    "寨", "井", "坡", "口", "脚", "场", "坝", "湾", "冲", "坪", "堡", "关", "桥", "山", "河",
    "溪", "林", "田", "塘", "岭", "坳", "庄", "屯", "洞", "哨", "营", "沟", "箐", "院", "槽",
    "岗", "头", "庙", "堰",
)  # fmt: skip
_COMMUNITY_NAMES = (
    "西城", "东城", "南门", "北门", "新城", "城关", "河滨", "文峰", "龙泉", "凤凰", "滨河",
    "阳光", "朝阳", "和平", "民主", "人民", "建设", "团结", "幸福", "兴隆", "观音", "莲花",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Division:
    """A real division from the CSV."""

    code: str
    name: str
    level: RegionLevel
    parent_code: str | None

    @property
    def is_street_office(self) -> bool:
        return self.level is RegionLevel.TOWNSHIP and self.name.endswith("街道")


@dataclass(frozen=True, slots=True)
class Village:
    """A generated village (村) or community (社区) and the real places above it."""

    code: str
    name: str
    is_community: bool
    township: Division
    county: Division
    prefecture: Division


@dataclass(frozen=True)
class RegionPlan:
    """Every region the demo store gets: real divisions (parents first) and villages."""

    divisions: tuple[Division, ...]
    counties: tuple[Division, ...]
    prefectures: tuple[Division, ...]
    townships: tuple[Division, ...]
    villages: tuple[Village, ...]

    def rows(self) -> list[Row]:
        rows: list[Row] = [
            {"code": d.code, "name": d.name, "level": d.level, "parent_code": d.parent_code}
            for d in self.divisions
        ]
        rows += [
            {
                "code": v.code,
                "name": v.name,
                "level": RegionLevel.VILLAGE,
                "parent_code": v.township.code,
            }
            for v in self.villages
        ]
        return rows


def load_divisions() -> dict[str, Division]:
    """Every division of the bundled CSV by code, in file order (parents before children)."""
    text = resources.files(__package__ or "kiosk.services.demo").joinpath(DIVISIONS_FILE)
    reader = csv.DictReader(io.StringIO(text.read_text(encoding="utf-8")))
    return {
        row["code"]: Division(
            code=row["code"],
            name=row["name"],
            level=RegionLevel(row["level"]),
            parent_code=row["parent_code"] or None,
        )
        for row in reader
    }


def county_short(county: Division) -> str:
    """龙里县 -> 龙里, 碧江区 -> 碧江, 松桃苗族自治县 -> 松桃 (as banks name their branches)."""
    if county.name.endswith("自治县"):
        return county.name[:2]
    return county.name[:-1] if len(county.name) > 2 else county.name


def prefecture_short(prefecture: Division) -> str:
    """黔南布依族苗族自治州 -> 黔南州; 铜仁市 stays 铜仁市."""
    if prefecture.name.endswith("自治州"):
        return prefecture.name[:2] + "州"
    return prefecture.name


def township_government(township: Division) -> str:
    """The township's government as a payer or implementer: 冠山街道办事处, 坝黄镇人民政府."""
    suffix = "办事处" if township.is_street_office else "人民政府"
    return township.name + suffix


def village_committee(village: Village) -> str:
    return village.name + ("居民委员会" if village.is_community else "村民委员会")


def _ordered_townships(
    divisions: dict[str, Division], counties: tuple[Division, ...]
) -> list[Division]:
    """The story's townships first, then the others taking turns county by county."""
    # Towns and townships before street offices: most registered households are rural.
    by_county = {
        county.code: sorted(
            (
                d
                for d in divisions.values()
                if d.parent_code == county.code and d.code not in FIRST_TOWNSHIPS
            ),
            key=lambda d: (d.is_street_office, d.code),
        )
        for county in counties
    }
    ordered = [divisions[code] for code in FIRST_TOWNSHIPS]
    while any(by_county.values()):
        for county in counties:
            if by_county[county.code]:
                ordered.append(by_county[county.code].pop(0))
    return ordered


def _unique_name(rng: random.Random, used: set[str], community: bool) -> str:
    if community:
        fresh = [n for n in _COMMUNITY_NAMES if n + "社区" not in used]
        if fresh:
            name = rng.choice(fresh) + "社区"
            used.add(name)
            return name
    while True:
        first, second = rng.choice(_VILLAGE_FIRST), rng.choice(_VILLAGE_SECOND)
        name = first + second + ("社区" if community else "村")
        if first != second and name not in used:
            used.add(name)
            return name


def _township_villages(
    rng: random.Random,
    township: Division,
    count: int,
    county: Division,
    prefecture: Division,
) -> list[Village]:
    """``count`` units of one township, in the order households are given to them.

    A street office is mostly communities, listed first; a town or township is villages,
    listed first, plus one community for the town seat once it has a few units.
    """
    if township.is_street_office:
        communities = max(1, round(count * 0.6))
    else:
        communities = 1 if count >= 4 else 0
    villages = count - communities
    used: set[str] = set()
    community_units = [
        Village(
            f"{township.code}{index:03d}",
            _unique_name(rng, used, community=True),
            True,
            township,
            county,
            prefecture,
        )
        for index in range(1, communities + 1)
    ]
    village_units: list[Village] = []
    number = 201
    for _ in range(villages):
        village_units.append(
            Village(
                f"{township.code}{number:03d}",
                _unique_name(rng, used, community=False),
                False,
                township,
                county,
                prefecture,
            )
        )
        # Real numbering has gaps where villages were merged; leave some when there is room.
        number += 2 if villages <= 45 and rng.random() < 0.3 else 1
    if township.is_street_office:
        return community_units + village_units
    return village_units + community_units


def village_count(households: int, townships: int) -> int:
    wanted = max(MIN_VILLAGES, math.ceil(households / HOUSEHOLDS_PER_VILLAGE))
    return min(wanted, townships * MAX_UNITS_PER_TOWNSHIP)


def plan_regions(
    rng: random.Random, households: int, extra_codes: tuple[str, ...] = ()
) -> RegionPlan:
    """Choose the real divisions to load and generate villages for ``households`` households.

    Loads the province, every prefecture and county (so any Guizhou ID number's region code
    resolves), the townships of :data:`DEMO_COUNTIES`, and the ancestry of ``extra_codes``
    (e.g. the terminal's township) when the CSV knows them.
    """
    divisions = load_divisions()
    counties = tuple(divisions[code] for code in DEMO_COUNTIES)
    demo = set(DEMO_COUNTIES)
    wanted = {
        code
        for code, d in divisions.items()
        if d.level is not RegionLevel.TOWNSHIP or d.parent_code in demo
    }
    for code in extra_codes:
        while code in divisions and code not in wanted:
            wanted.add(code)
            code = divisions[code].parent_code or ""
    loaded = tuple(d for code, d in divisions.items() if code in wanted)

    townships = _ordered_townships(divisions, counties)
    total = village_count(households, len(townships))
    villages: list[Village] = []
    for index, township in enumerate(townships):
        count = total // len(townships) + (1 if index < total % len(townships) else 0)
        if count:
            county = divisions[township.parent_code or ""]
            prefecture = divisions[county.parent_code or ""]
            villages += _township_villages(rng, township, count, county, prefecture)
    prefectures = tuple(dict.fromkeys(divisions[c.parent_code or ""] for c in counties))
    return RegionPlan(
        divisions=loaded,
        counties=counties,
        prefectures=prefectures,
        townships=tuple(townships),
        villages=tuple(villages),
    )


def file_number(village_code: str, position: int) -> str:
    """The register's file number: the village code and the household's place in it.

    The hyphen keeps the number from running into neighbouring digits in the store file,
    where an 18-digit run could be mistaken for an ID number.
    """
    return f"{village_code}-{position:04d}"
