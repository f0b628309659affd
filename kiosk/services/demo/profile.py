"""A household's poverty file: status, index score and indicators, causes, help measures.

Everything is drawn to fit the members: a household with a seriously ill member is likely
poor because of illness, scores low on health and gets health measures, so the screens
tell a coherent story.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from kiosk.domain.models import Health, LabourCapacity, MeasureKind, PovertyCause, PovertyStatus
from kiosk.domain.poverty import INDICATOR_MAX, Indicator
from kiosk.services.demo.dates import (
    LAST_EXIT,
    REFERENCE_DATE,
    REGISTER_YEAR,
    add_months,
    random_date,
)
from kiosk.services.demo.people import Person

#: Industries of households and villages in this part of Guizhou (刺梨 is Longli's own).
INDUSTRIES: tuple[str, ...] = (
    "养山羊", "养牛", "生猪养殖", "养鸡", "种植刺梨", "种植茶叶", "种植蔬菜", "种植食用菌",
    "种植辣椒", "种植中药材", "种植李子", "种植猕猴桃",
)  # fmt: skip

#: Measures that answer each cause, the usual first.
CAUSE_MEASURES: dict[PovertyCause, tuple[MeasureKind, ...]] = {
    PovertyCause.ILLNESS: (MeasureKind.HEALTH, MeasureKind.SOCIAL_SECURITY),
    PovertyCause.DISABILITY: (MeasureKind.SOCIAL_SECURITY, MeasureKind.HEALTH),
    PovertyCause.SCHOOLING: (MeasureKind.EDUCATION,),
    PovertyCause.DISASTER: (MeasureKind.HOUSING, MeasureKind.RELOCATION),
    PovertyCause.LACK_OF_LAND: (
        MeasureKind.INDUSTRY,
        MeasureKind.ECOLOGICAL,
        MeasureKind.RELOCATION,
    ),
    PovertyCause.LACK_OF_WATER: (MeasureKind.INDUSTRY, MeasureKind.RELOCATION),
    PovertyCause.LACK_OF_SKILLS: (MeasureKind.SKILLS_TRAINING, MeasureKind.EMPLOYMENT),
    PovertyCause.LACK_OF_LABOUR: (MeasureKind.SOCIAL_SECURITY,),
    PovertyCause.LACK_OF_CAPITAL: (MeasureKind.MICROCREDIT, MeasureKind.INDUSTRY),
    PovertyCause.POOR_TRANSPORT: (MeasureKind.RELOCATION, MeasureKind.EMPLOYMENT),
    PovertyCause.LACK_OF_MOTIVATION: (MeasureKind.EMPLOYMENT, MeasureKind.SKILLS_TRAINING),
}

#: Which indicators each cause drags down, and how hard.
_CAUSE_NEEDS: dict[PovertyCause, dict[Indicator, float]] = {
    PovertyCause.ILLNESS: {Indicator.HEALTH: 3.0, Indicator.LABOUR: 1.5},
    PovertyCause.DISABILITY: {Indicator.HEALTH: 2.5, Indicator.LABOUR: 2.0},
    PovertyCause.SCHOOLING: {Indicator.SCHOOLING: 3.0, Indicator.FOOD: 1.3},
    PovertyCause.DISASTER: {Indicator.HOUSING: 3.0},
    PovertyCause.LACK_OF_LAND: {Indicator.FOOD: 2.0},
    PovertyCause.LACK_OF_WATER: {Indicator.FOOD: 1.5, Indicator.HOUSING: 1.5},
    PovertyCause.LACK_OF_SKILLS: {Indicator.LABOUR: 2.0},
    PovertyCause.LACK_OF_LABOUR: {Indicator.LABOUR: 3.0},
    PovertyCause.LACK_OF_CAPITAL: {Indicator.FOOD: 1.5, Indicator.HOUSING: 1.5},
    PovertyCause.POOR_TRANSPORT: {Indicator.HOUSING: 1.5, Indicator.FOOD: 1.3},
    PovertyCause.LACK_OF_MOTIVATION: {Indicator.LABOUR: 1.5, Indicator.FOOD: 1.5},
}

_EMPLOYERS = ("县城工业园区", "浙江宁波", "广东东莞", "贵阳", "本村扶贫车间", "福建晋江")
_TRAININGS = (
    "电工",
    "焊工",
    "家政服务",
    "挖掘机操作",
    "中式烹调",
    "种养殖技术",
    "电子商务",
    "汽车驾驶",
)
_PUBLIC_JOBS = ("生态护林员", "村级保洁员", "护路员", "水管员")


@dataclass(slots=True)
class Measure:
    kind: MeasureKind
    year: int
    description: str


@dataclass(slots=True)
class Profile:
    """The poverty side of a household file; ``causes[0]`` is the main cause."""

    status: PovertyStatus
    registered_on: date
    lifted_on: date | None
    indicators: dict[Indicator, int]
    causes: list[PovertyCause]
    measures: list[Measure] = field(default_factory=list)
    #: What the household farms or raises, named in measures, aid notes and loan purposes.
    industry: str = "养山羊"

    @property
    def score(self) -> int:
        return sum(self.indicators.values())

    def has(self, kind: MeasureKind) -> bool:
        return any(measure.kind is kind for measure in self.measures)

    def measure_year(self, kind: MeasureKind) -> int:
        return next(m.year for m in self.measures if m.kind is kind)


def split_score(
    rng: random.Random, score: int, needs: dict[Indicator, float]
) -> dict[Indicator, int]:
    """Indicator scores within their maxima that sum to ``score``.

    The shortfall from 100 is shared out in proportion to each indicator's maximum times
    its need (jittered), largest remainders first, never below zero.
    """
    shortfall = 100 - score
    weights = {
        indicator: most * needs.get(indicator, 1.0) * rng.uniform(0.6, 1.4)
        for indicator, most in INDICATOR_MAX.items()
    }
    total = sum(weights.values())
    lost = {indicator: 0 for indicator in INDICATOR_MAX}
    remainders: list[tuple[float, int, Indicator]] = []
    for order, (indicator, weight) in enumerate(weights.items()):
        exact = shortfall * weight / total
        lost[indicator] = min(INDICATOR_MAX[indicator], int(exact))
        remainders.append((exact - int(exact), -order, indicator))
    left = shortfall - sum(lost.values())
    # Hand out what rounding and the caps left over, to indicators with room to fall,
    # going round them in order of their remainders.
    by_remainder = [indicator for _, _, indicator in sorted(remainders, reverse=True)]
    for _ in range(100):
        if left == 0:
            break
        for indicator in by_remainder:
            if left == 0:
                break
            if lost[indicator] < INDICATOR_MAX[indicator]:
                lost[indicator] += 1
                left -= 1
    return {indicator: INDICATOR_MAX[indicator] - lost[indicator] for indicator in INDICATOR_MAX}


def _cause_weights(people: list[Person]) -> dict[PovertyCause, float]:
    ill = any(p.health in (Health.SERIOUS, Health.CHRONIC) for p in people)
    disabled = any(p.health is Health.DISABLED for p in people)
    students = sum(p.student for p in people)
    workers = sum(p.labour in (LabourCapacity.SKILLED, LabourCapacity.ORDINARY) for p in people)
    return {
        PovertyCause.ILLNESS: 3.0 if ill else 0.2,
        PovertyCause.DISABILITY: 3.0 if disabled else 0.0,
        PovertyCause.SCHOOLING: 1.5 * min(students, 2),
        PovertyCause.DISASTER: 0.7,
        PovertyCause.LACK_OF_LAND: 0.8,
        PovertyCause.LACK_OF_WATER: 0.5,
        PovertyCause.LACK_OF_SKILLS: 1.5 if workers else 0.2,
        PovertyCause.LACK_OF_LABOUR: 3.0 if workers == 0 else 0.2,
        PovertyCause.LACK_OF_CAPITAL: 2.0 if workers else 0.4,
        PovertyCause.POOR_TRANSPORT: 0.6,
        PovertyCause.LACK_OF_MOTIVATION: 0.3 if workers else 0.0,
    }


def _causes(rng: random.Random, people: list[Person]) -> list[PovertyCause]:
    """One main cause and up to two others, drawn without repetition."""
    weights = _cause_weights(people)
    causes: list[PovertyCause] = []
    for _ in range(1 + rng.choices((0, 1, 2), weights=(3, 4, 2))[0]):
        pool = [c for c, w in weights.items() if w > 0 and c not in causes]
        if not pool:
            break
        causes.append(rng.choices(pool, weights=[weights[c] for c in pool])[0])
    return causes


def describe(rng: random.Random, kind: MeasureKind, industry: str, county_name: str) -> str:
    """A help measure in the words a register uses."""
    if kind is MeasureKind.INDUSTRY:
        return f"发展{industry}产业，享受产业扶持资金"
    if kind is MeasureKind.EMPLOYMENT:
        if rng.random() < 0.4:
            return f"安排{rng.choice(_PUBLIC_JOBS)}公益性岗位"
        return f"推荐劳动力到{rng.choice(_EMPLOYERS)}务工"
    if kind is MeasureKind.SKILLS_TRAINING:
        return f"参加{rng.choice(_TRAININGS)}技能培训"
    if kind is MeasureKind.RELOCATION:
        return f"易地扶贫搬迁至{county_name}城区安置点"
    return {
        MeasureKind.EDUCATION: "子女享受教育资助（免除学杂费、发放生活补助）",
        MeasureKind.HEALTH: "家庭医生签约服务，享受基本医保、大病保险、医疗救助三重保障",
        MeasureKind.HOUSING: "实施农村危房改造，补助资金打卡发放",
        MeasureKind.SOCIAL_SECURITY: "纳入农村最低生活保障，兜底保障基本生活",
        MeasureKind.MICROCREDIT: "申请扶贫小额信贷，免担保免抵押，财政贴息",
        MeasureKind.ECOLOGICAL: "享受退耕还林和生态公益林补偿",
    }[kind]


def _measures(
    rng: random.Random,
    causes: list[PovertyCause],
    people: list[Person],
    registered: int,
    industry: str,
    county_name: str,
) -> list[Measure]:
    main = CAUSE_MEASURES[causes[0]]
    kinds: list[MeasureKind] = [main[0]]
    if len(main) > 1 and rng.random() < 0.35:
        kinds.append(main[1])
    kinds += [CAUSE_MEASURES[c][0] for c in causes[1:] if rng.random() < 0.6]
    # Policies every registered household qualifies for, whatever its causes.
    if any(p.student and p.age <= 22 for p in people):
        kinds.append(MeasureKind.EDUCATION)
    if any(p.health is Health.SERIOUS for p in people):
        kinds.append(MeasureKind.HEALTH)
    measures: list[Measure] = []
    for kind in dict.fromkeys(kinds):
        year = rng.randint(registered, max(registered, 2019))
        measures.append(Measure(kind, year, describe(rng, kind, industry, county_name)))
    return measures


def build_profile(rng: random.Random, people: list[Person], county_name: str) -> Profile:
    """Status, dates, score, causes and measures for a generated household."""
    causes = _causes(rng, people)
    serious = any(p.health is Health.SERIOUS for p in people)
    status = rng.choices(
        (PovertyStatus.POOR, PovertyStatus.MONITORED, PovertyStatus.LIFTED),
        weights=(0.2 if serious else 0.08, 0.3 if serious else 0.22, 0.5 if serious else 0.7),
    )[0]
    if rng.random() < 0.8:
        registered_on = random_date(rng, date(REGISTER_YEAR, 4, 1), date(REGISTER_YEAR, 10, 31))
    else:
        registered_on = random_date(rng, date(2015, 3, 1), date(2017, 10, 31))
    lifted_on: date | None = None
    if status is not PovertyStatus.POOR:
        lifted_on = random_date(rng, date(registered_on.year + 1, 10, 1), LAST_EXIT)
    if status is PovertyStatus.POOR:
        score = rng.randint(28, 59)
    elif status is PovertyStatus.MONITORED or rng.random() < 0.15:
        score = rng.randint(60, 79)
    else:
        score = rng.randint(80, 97)
    needs: dict[Indicator, float] = {}
    for cause in causes:
        for indicator, need in _CAUSE_NEEDS[cause].items():
            needs[indicator] = max(needs.get(indicator, 1.0), need)
    industry = rng.choice(INDUSTRIES)
    return Profile(
        status=status,
        registered_on=registered_on,
        lifted_on=lifted_on,
        indicators=split_score(rng, score, needs),
        causes=causes,
        measures=_measures(rng, causes, people, registered_on.year, industry, county_name),
        industry=industry,
    )


def last_day(profile: Profile) -> date:
    """Until when recurring support is paid: today for poor and monitored households, a
    transition of up to two years after exit for lifted ones."""
    if profile.status is PovertyStatus.LIFTED and profile.lifted_on is not None:
        grace = add_months(profile.lifted_on, 24)
        return min(grace, REFERENCE_DATE)
    return REFERENCE_DATE
