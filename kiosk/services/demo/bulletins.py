"""Policy notices shown on the attract screen: the same eight in every demo store.

The texts are written for the demo. They follow the shape and the vocabulary of real
county notices (防返贫监测, 小额信贷贴息, 医疗救助, 教育资助 …) but quote no real document,
and the amounts in them are round figures of the right size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.domain.models import Bulletin
from kiosk.services.demo.rows import IdCounter, Row


@dataclass(frozen=True, slots=True)
class Notice:
    code: str
    title: str
    body: str
    publisher: str
    region_code: str | None
    published_at: datetime
    expires_at: datetime | None = None


def _at(year: int, month: int, day: int) -> datetime:
    """09:00 in China on that day, as an aware UTC datetime."""
    return datetime(year, month, day, 1, 0, tzinfo=UTC)


NOTICES: tuple[Notice, ...] = (
    Notice(
        "BL-2026-001",
        "关于开展2026年防止返贫动态监测集中排查的通知",
        "各街道（镇）、各村（社区）：\n"
        "为守住不发生规模性返贫的底线，县里将于2026年11月至12月开展防止返贫动态监测集中排查。"
        "因病、因灾、因意外事故等导致家庭收入大幅减少或刚性支出明显增加的农户，"
        "可向村（社区）提出申请，也可拨打12317防返贫监测帮扶热线反映情况。\n"
        "经核实符合条件的，将纳入监测对象，落实针对性帮扶措施。申请和认定不收取任何费用。",
        "龙里县乡村振兴局",
        "522730",
        _at(2026, 10, 20),
        _at(2026, 12, 31),
    ),
    Notice(
        "BL-2026-002",
        "脱贫人口小额信贷政策问答",
        "问：谁可以申请？答：有贷款意愿、有就业创业潜质、技能素质和一定还款能力的脱贫户和防返贫监测户。\n"
        "问：能贷多少？答：原则上5万元以下，期限3年以内，免担保免抵押。\n"
        "问：利息怎么算？答：执行贷款市场报价利率，财政按规定给予贴息，贴息资金直接拨付到户。\n"
        "问：钱能用来做什么？答：只能用于发展生产和开展经营，不能用于建房、理财、娶亲等非生产性支出。",
        "黔南州乡村振兴局",
        "522700",
        _at(2026, 3, 12),
    ),
    Notice(
        "BL-2026-003",
        "2026年城乡居民医疗救助政策告知书",
        "脱贫人口和防返贫监测对象住院发生的合规医疗费用，经基本医保、大病保险报销后，"
        "个人负担部分按规定给予医疗救助，年度救助限额内按比例救助。\n"
        "在县域内定点医疗机构住院，实行“先诊疗后付费”和“一站式”结算，出院时只需支付个人自付部分。\n"
        "如对报销或救助金额有疑问，可到街道（镇）便民服务中心查询。",
        "龙里县医疗保障局",
        "522730",
        _at(2026, 1, 8),
    ),
    Notice(
        "BL-2026-004",
        "2026年秋季学期学生资助政策明白卡",
        "学前教育：脱贫家庭幼儿免除保育教育费。\n"
        "义务教育：免除学杂费，免费提供教科书，寄宿生每学年发放生活补助（小学1000元、初中1250元）。\n"
        "普通高中：脱贫家庭学生免除学杂费，享受国家助学金每学期1000元。\n"
        "中职学校：免除学费，一、二年级享受国家助学金。\n"
        "补助资金通过一卡通直接发放，学校和任何个人不得代领或截留。",
        "龙里县教育局",
        "522730",
        _at(2026, 8, 25),
    ),
    Notice(
        "BL-2026-005",
        "关于调整农村最低生活保障标准的公告",
        "自2026年1月1日起，全县农村最低生活保障标准提高到每人每月405元。"
        "低保金按月或按季度通过一卡通发放到户。\n"
        "低保对象名单在村（社区）务公开栏公示，公示期7天。对公示有异议的，可向街道（镇）或县民政局反映。",
        "龙里县民政局",
        "522730",
        _at(2025, 12, 28),
    ),
    Notice(
        "BL-2026-006",
        "群众身边不正之风和腐败问题举报受理公告",
        "对截留挪用、虚报冒领、优亲厚友、吃拿卡要等侵害群众利益的问题，欢迎群众监督举报。\n"
        "举报可通过本终端的“我要反映”、来信、来访、12388举报电话或网站提出。"
        "我们对举报人信息严格保密，严禁打击报复举报人。\n"
        "实名举报的，我们将把办理情况反馈给您。",
        "龙里县纪委监委",
        "522730",
        _at(2026, 2, 16),
    ),
    Notice(
        "BL-2026-007",
        "农村低收入群体等重点对象住房安全保障政策",
        "脱贫户、防返贫监测户、低保户、分散供养特困人员等重点对象的住房经鉴定为危房的，"
        "可申请农村危房改造补助，按改造方式和危险等级分档补助。\n"
        "补助资金在竣工验收后通过一卡通直接拨付到户。改造对象名单在村务公开栏公示。",
        "碧江区住房和城乡建设局",
        "520602",
        _at(2026, 4, 2),
    ),
    Notice(
        "BL-2026-008",
        "雨露计划职业教育补助申请指南",
        "脱贫家庭和防返贫监测户家庭子女就读中等职业学校、高等职业院校的，"
        "每生每学年可申请补助3000元，分春季、秋季学期两次发放。\n"
        "申请时请携带户口簿、学生证或录取通知书，到户籍所在村（社区）登记，"
        "补助资金直接打到学生本人或家长的银行卡上。",
        "贵州省乡村振兴局",
        None,
        _at(2026, 9, 5),
    ),
)


def bulletin_rows(ids: IdCounter) -> list[Row]:
    return [
        {
            "id": ids.next(Bulletin),
            "code": notice.code,
            "title": notice.title,
            "body": notice.body,
            "publisher": notice.publisher,
            "region_code": notice.region_code,
            "published_at": notice.published_at,
            "expires_at": notice.expires_at,
        }
        for notice in NOTICES
    ]
