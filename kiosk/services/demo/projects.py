"""Village projects (村级项目) and the dated stage events that make their timeline.

The first seven projects take the seven stages in order, so every stage is present in any
data set; after that most projects are finished and the rest spread over the stages.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from kiosk.domain.models import Project, ProjectStage, ProjectStageEvent
from kiosk.domain.money import format_fen
from kiosk.services.demo.dates import REFERENCE_DATE
from kiosk.services.demo.profile import INDUSTRIES
from kiosk.services.demo.regions import Village, township_government
from kiosk.services.demo.rows import IdCounter, Row

STAGES = tuple(ProjectStage)

#: Days from the previous stage to this one (lowest, highest).
_STAGE_GAPS: dict[ProjectStage, tuple[int, int]] = {
    ProjectStage.ASSESSED: (20, 90),
    ProjectStage.APPROVED: (15, 60),
    ProjectStage.FUNDED: (15, 90),
    ProjectStage.ACCOUNTED: (10, 60),
    ProjectStage.IN_PROGRESS: (5, 45),
    ProjectStage.ACCEPTED: (60, 300),
}
_STAGE_WEIGHTS = (3, 2, 2, 2, 2, 6, 20)

_KINDS: tuple[tuple[str, int, int, str], ...] = (
    # name (after the village's), budget range in 万 yuan, implementer
    ("组组通硬化路", 30, 300, "交通运输局"),
    ("人饮安全巩固提升工程", 10, 80, "水务局"),
    ("{base}", 20, 150, "合作社"),
    ("扶贫车间", 50, 200, "乡镇"),
    ("产业路", 20, 120, "交通运输局"),
    ("文化活动广场", 10, 60, "乡镇"),
    ("村级光伏电站", 40, 200, "乡村振兴局"),
    ("农产品冷链仓储设施", 30, 150, "合作社"),
)


def _base(industry: str) -> str:
    """养山羊 -> 山羊养殖基地, 种植刺梨 -> 刺梨种植基地."""
    if industry.startswith("养"):
        return industry[1:] + "养殖基地"
    if industry.startswith("种植"):
        return industry[2:] + "种植基地"
    return industry + "基地"


def _description(rng: random.Random, kind: str, base: str) -> str:
    if kind == "组组通硬化路":
        return f"硬化通组公路{rng.randint(2, 15)}.{rng.randint(0, 9)}公里，路面宽4.5米"
    if kind == "人饮安全巩固提升工程":
        return f"新建蓄水池{rng.randint(1, 4)}座，铺设供水管网{rng.randint(2, 12)}公里"
    if kind == "扶贫车间":
        return f"新建标准化厂房{rng.randint(4, 20) * 100}平方米，吸纳就业{rng.randint(20, 80)}人"
    if kind == "产业路":
        return f"新建产业路{rng.randint(1, 8)}.{rng.randint(0, 9)}公里，连接{base}"
    if kind == "文化活动广场":
        return f"硬化广场{rng.randint(5, 20) * 100}平方米，配套健身器材和宣传栏"
    if kind == "村级光伏电站":
        return f"装机容量{rng.randint(2, 10) * 50}千瓦，收益用于公益岗位和村集体经济"
    if kind == "农产品冷链仓储设施":
        return f"新建冷库{rng.randint(2, 10) * 100}立方米及分拣车间"
    return f"建设{base}{rng.randint(5, 30) * 10}亩，带动脱贫户{rng.randint(10, 60)}户"


def _stage_note(stage: ProjectStage, day: date, budget_fen: int, county: str) -> str:
    if stage is ProjectStage.FUNDED:
        fund = "财政专项扶贫资金" if day.year < 2021 else "财政衔接推进乡村振兴补助资金"
        return f"下达{fund}{format_fen(budget_fen, 'yuan')}"
    return {
        ProjectStage.PROPOSED: "村民代表大会讨论通过，申报入库",
        ProjectStage.ASSESSED: "县级行业部门评审论证通过",
        ProjectStage.APPROVED: f"{county}人民政府批复实施",
        ProjectStage.ACCOUNTED: "纳入县级报账管理，首笔资金报账",
        ProjectStage.IN_PROGRESS: "项目开工建设，公示牌已在村务公开栏张贴",
        ProjectStage.ACCEPTED: "竣工验收合格，资产移交村集体管理",
    }[stage]


class ProjectMaker:
    """Makes each village's projects; counts projects so the first seven cover every stage."""

    def __init__(self, rng: random.Random, ids: IdCounter) -> None:
        self._rng = rng
        self._ids = ids
        self._made = 0

    def _stage(self) -> ProjectStage:
        stage = STAGES[self._made] if self._made < len(STAGES) else None
        self._made += 1
        return stage or self._rng.choices(STAGES, weights=_STAGE_WEIGHTS)[0]

    def _implementer(self, who: str, village: Village) -> str:
        if who == "合作社":
            return village.name + "股份经济合作社"
        if who == "乡镇":
            return township_government(village.township)
        return village.county.name + who

    def village_projects(self, village: Village) -> tuple[list[Row], list[Row]]:
        """One to three projects of ``village`` and the stage events of each."""
        rng = self._rng
        projects: list[Row] = []
        events: list[Row] = []
        for _ in range(rng.randint(1, 3)):
            name, low, high, who = rng.choice(_KINDS)
            base = _base(rng.choice(INDUSTRIES))
            stage = self._stage()
            reached = STAGES[: stage.order + 1]
            gaps = [rng.randint(*_STAGE_GAPS[s]) for s in reached[1:]]
            # Finished projects go back to 2016; unfinished ones started in the last years.
            back = rng.randint(0, 3300 if stage is ProjectStage.ACCEPTED else 900)
            day = REFERENCE_DATE - timedelta(days=sum(gaps) + back)
            budget = rng.randint(low * 10, high * 10) * 1000 * 100
            project_id = self._ids.next(Project)
            projects.append(
                {
                    "id": project_id,
                    "code": f"XM{village.county.code}-{day.year}-{project_id:06d}",
                    "village_code": village.code,
                    "name": village.name + name.format(base=base),
                    "description": _description(rng, name, base),
                    "budget_fen": budget,
                    "stage": stage,
                    "implementer": self._implementer(who, village),
                }
            )
            for index, reached_stage in enumerate(reached):
                if index:
                    day += timedelta(days=gaps[index - 1])
                events.append(
                    {
                        "id": self._ids.next(ProjectStageEvent),
                        "project_id": project_id,
                        "stage": reached_stage,
                        "on": day,
                        "note": _stage_note(reached_stage, day, budget, village.county.name),
                    }
                )
        return projects, events
