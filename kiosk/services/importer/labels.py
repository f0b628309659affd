"""The words a clerk writes for each coded value, mapped to the codes the models store.

Every enum accepts its English code as well (``head``, ``male``, ``one_card``); the
first Chinese label of each entry is the one shown in messages and in the format document.
Ambiguous words are left out on purpose: 市 may be a prefecture or a county-level city, and
区 a county-level district or something else, so a clerk must write 地级 or 县级 there.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, TypeVar

from kiosk.domain.models import (
    Channel,
    Health,
    LabourCapacity,
    PovertyCause,
    PovertyStatus,
    Programme,
    RegionLevel,
    Relation,
    Sex,
)

E = TypeVar("E", bound=StrEnum)


def fold(text: str) -> str:
    """The form cells and labels are compared in: NFKC, no spaces, lower case.

    NFKC turns full-width brackets and letters into their ASCII forms, so 市（州） and
    市(州) are the same word.
    """
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


class Choices(Generic[E]):
    """The values of one enum with the words accepted for each, built once at import."""

    def __init__(self, labels: Mapping[E, tuple[str, ...]]) -> None:
        self.labels: Mapping[E, tuple[str, ...]] = MappingProxyType(dict(labels))
        self._table: dict[str, E] = {}
        for member, words in labels.items():
            for word in (member.value, member.name, *words):
                key = fold(word)
                if self._table.get(key, member) is not member:
                    raise ValueError(f"label {word!r} is given to two values")
                self._table[key] = member

    def find(self, text: str) -> E | None:
        return self._table.get(fold(text))

    def accepted_zh(self) -> str:
        return "、".join(words[0] for words in self.labels.values())

    def accepted_en(self) -> str:
        return ", ".join(member.value for member in self.labels)


REGION_LEVEL: Choices[RegionLevel] = Choices({
    RegionLevel.PROVINCE: ("省", "省级", "省份"),
    RegionLevel.PREFECTURE: ("地级", "市州", "市(州)", "州", "地区", "地级市"),
    RegionLevel.COUNTY: ("县级", "县", "区县", "县(市、区)", "县区", "县级市"),
    RegionLevel.TOWNSHIP: ("乡镇", "乡", "镇", "街道", "乡镇(街道)", "乡级"),
    RegionLevel.VILLAGE: ("村", "社区", "村(社区)", "村居", "村级", "行政村"),
})  # fmt: skip

POVERTY_STATUS: Choices[PovertyStatus] = Choices({
    PovertyStatus.POOR: ("未脱贫", "贫困户", "贫困"),
    PovertyStatus.LIFTED: ("已脱贫", "脱贫户", "脱贫"),
    PovertyStatus.MONITORED: ("监测户", "脱贫监测户", "防返贫监测户", "监测对象", "脱贫不稳定户"),
})  # fmt: skip

POVERTY_CAUSE: Choices[PovertyCause] = Choices({
    PovertyCause.ILLNESS: ("因病",),
    PovertyCause.DISABILITY: ("因残",),
    PovertyCause.SCHOOLING: ("因学",),
    PovertyCause.DISASTER: ("因灾",),
    PovertyCause.LACK_OF_LAND: ("缺土地", "缺地"),
    PovertyCause.LACK_OF_WATER: ("缺水",),
    PovertyCause.LACK_OF_SKILLS: ("缺技术",),
    PovertyCause.LACK_OF_LABOUR: ("缺劳力", "缺劳动力"),
    PovertyCause.LACK_OF_CAPITAL: ("缺资金",),
    PovertyCause.POOR_TRANSPORT: ("交通条件落后", "交通落后"),
    PovertyCause.LACK_OF_MOTIVATION: ("自身发展动力不足", "发展动力不足"),
})  # fmt: skip

_ORDINALS = ("长", "次", "二", "三", "四", "五", "六", "独", "养", "继", "幼")

RELATION: Choices[Relation] = Choices({
    Relation.HEAD: ("户主", "本人"),
    Relation.SPOUSE: ("配偶", "妻", "妻子", "夫", "丈夫"),
    Relation.SON: ("儿子", "子", *(f"{o}子" for o in _ORDINALS)),
    Relation.DAUGHTER: ("女儿", "女", *(f"{o}女" for o in _ORDINALS)),
    Relation.DAUGHTER_IN_LAW: ("儿媳", "媳妇", "儿媳妇"),
    Relation.SON_IN_LAW: ("女婿",),
    Relation.GRANDSON: ("孙子", "孙", "长孙", "次孙", "外孙", "外孙子"),
    Relation.GRANDDAUGHTER: ("孙女", "长孙女", "次孙女", "外孙女"),
    Relation.FATHER: ("父亲", "父"),
    Relation.MOTHER: ("母亲", "母"),
    Relation.SIBLING: (
        "兄弟姐妹", "兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹", "兄弟", "姐妹",
    ),
    Relation.OTHER: ("其他", "其他亲属", "其它"),
})  # fmt: skip

SEX: Choices[Sex] = Choices({
    Sex.MALE: ("男", "男性", "m"),
    Sex.FEMALE: ("女", "女性", "f"),
})  # fmt: skip

LABOUR_CAPACITY: Choices[LabourCapacity] = Choices({
    LabourCapacity.SKILLED: ("技能劳动力",),
    LabourCapacity.ORDINARY: ("普通劳动力",),
    LabourCapacity.WEAK: ("弱劳动力或半劳动力", "弱劳动力", "半劳动力"),
    LabourCapacity.NONE: ("无劳动力",),
    LabourCapacity.LOST: ("丧失劳动力",),
})  # fmt: skip

HEALTH: Choices[Health] = Choices({
    Health.HEALTHY: ("健康",),
    Health.CHRONIC: ("长期慢性病", "慢性病"),
    Health.SERIOUS: ("患有大病", "大病", "重病"),
    Health.DISABLED: ("残疾",),
})  # fmt: skip

PROGRAMME: Choices[Programme] = Choices({
    Programme.DISASTER_RELIEF: ("灾害救助", "救灾", "受灾救助", "自然灾害救助"),
    Programme.SUBSISTENCE_ALLOWANCE: ("最低生活保障", "低保", "农村低保", "低保金"),
    Programme.INDUSTRY_SUPPORT: ("产业扶持资金", "产业扶持", "产业奖补"),
    Programme.EDUCATION_GRANT: ("教育资助", "教育扶贫", "助学金", "雨露计划"),
    Programme.MEDICAL_AID: ("医疗救助",),
    Programme.HOUSING_RENOVATION: ("危房改造补助", "危房改造"),
    Programme.ELDERLY_ALLOWANCE: ("高龄补贴",),
    Programme.DISABILITY_ALLOWANCE: ("残疾人两项补贴", "残疾人补贴"),
    Programme.ECOLOGICAL_COMPENSATION: ("生态公益林补偿", "生态补偿", "公益林补偿"),
    Programme.SKILLS_TRAINING: ("技能培训补贴", "培训补贴"),
    Programme.RELOCATION: ("易地扶贫搬迁补助", "易地扶贫搬迁", "搬迁补助"),
    Programme.LOAN_INTEREST_SUBSIDY: ("小额信贷贴息", "贴息"),
})  # fmt: skip

CHANNEL: Choices[Channel] = Choices({
    Channel.ONE_CARD: ("一卡通", "一折通", "惠民一卡通", "惠农一卡通"),
    Channel.BANK_TRANSFER: ("银行转账", "转账"),
    Channel.CASH: ("现金",),
    Channel.IN_KIND: ("实物",),
})  # fmt: skip
