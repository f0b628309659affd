"""The people of a household: names by surname frequency, plausible ages and relations,
labour and health that fit the age, and unique ID numbers consistent with all of it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from kiosk.domain.idnumber import IdNumber, new_id_number
from kiosk.domain.models import Health, LabourCapacity, Relation, Sex
from kiosk.domain.names import name_initials
from kiosk.services.demo.dates import REFERENCE_DATE, age_on, birth_for_age
from kiosk.services.demo.regions import NEIGHBOURS

MAX_MEMBERS = 8

#: Surnames with rough weights for rural Guizhou: the national top ten, the names common
#: among Miao, Buyi and Dong families (罗 龙 吴 杨 石 潘 韦 蒙), and polyphonic surnames
#: (单 曾 解 仇 覃 查) whose surname reading pypinyin alone would get wrong.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 70), ("李", 65), ("张", 55), ("刘", 45), ("陈", 45), ("杨", 65), ("黄", 30),
    ("赵", 25), ("吴", 50), ("周", 25), ("罗", 40), ("龙", 25), ("石", 22), ("潘", 18),
    ("韦", 15), ("蒙", 8), ("田", 15), ("何", 15), ("徐", 12), ("胡", 14), ("郭", 10),
    ("孙", 10), ("马", 10), ("朱", 10), ("林", 8), ("高", 10), ("梁", 8), ("宋", 8),
    ("郑", 8), ("谢", 10), ("唐", 12), ("冯", 7), ("邓", 10), ("袁", 8), ("曹", 6),
    ("彭", 8), ("蒋", 6), ("肖", 7), ("任", 6), ("熊", 8), ("冉", 5), ("陆", 6), ("向", 5),
    ("姚", 5), ("付", 5), ("卢", 5), ("岑", 3), ("班", 2), ("欧", 3), ("金", 4), ("滕", 3),
    ("麻", 3), ("曾", 10), ("单", 4), ("解", 3), ("仇", 3), ("覃", 3), ("查", 2), ("欧阳", 1),
)  # fmt: skip
_SURNAME_POOL = tuple(name for name, _ in SURNAMES)
_SURNAME_CUM = tuple(accumulate(weight for _, weight in SURNAMES))

#: Given names by sex and the era of birth: names follow fashion, and a grandmother called
#: 梓涵 would look wrong on a screen.
_GIVEN: dict[tuple[Sex, str], tuple[str, ...]] = {
    (Sex.MALE, "old"): (
        "德明", "国华", "建国", "正刚", "光明", "志强", "文华", "明德", "开文", "庭贵", "显荣",
        "世才", "永福", "光荣", "昌林", "福贵", "正华", "廷富", "绍华", "家财", "朝贵", "学文",
        "光辉", "应祥", "忠", "华", "明", "贵", "林", "富", "成", "发",
    ),
    (Sex.FEMALE, "old"): (
        "秀英", "桂英", "玉兰", "秀兰", "桂芬", "凤英", "玉珍", "翠花", "秀珍", "兰英", "群芬",
        "光英", "春梅", "美英", "桂兰", "玉芬", "正英", "发英", "菊", "芬", "英", "珍",
    ),
    (Sex.MALE, "mid"): (
        "建军", "海波", "红军", "小平", "永刚", "德华", "文斌", "国强", "志勇", "晓东", "建华",
        "云飞", "明军", "仕勇", "江", "军", "勇", "伟", "强", "磊", "涛", "俊", "鹏", "斌",
        "波", "刚", "杰", "兵",
    ),
    (Sex.FEMALE, "mid"): (
        "丽娟", "春燕", "红梅", "晓燕", "小芳", "丽萍", "海燕", "玉梅", "雪梅", "金花", "小琴",
        "艳", "丽", "红", "霞", "敏", "燕", "芳", "梅", "琴", "娟", "萍",
    ),
    (Sex.MALE, "young"): (
        "浩", "宇", "子豪", "俊杰", "浩然", "宇航", "子轩", "家豪", "博文", "天佑", "一鸣",
        "思源", "俊熙", "明轩", "宇轩", "皓轩", "睿", "鑫", "洋", "锐", "凯", "阳",
    ),
    (Sex.FEMALE, "young"): (
        "欣怡", "梓涵", "雨桐", "诗琪", "思雨", "佳怡", "紫涵", "语嫣", "梦瑶", "雨欣", "可馨",
        "婷", "雪", "倩", "悦", "瑶", "琳", "妍", "佳", "蕾",
    ),
}  # fmt: skip


def _era(birth_year: int) -> str:
    if birth_year < 1965:
        return "old"
    return "mid" if birth_year < 1990 else "young"


@dataclass(slots=True)
class Person:
    """A member before it becomes a row; ``id_region`` is the county in their ID number."""

    name: str
    surname: str
    relation: Relation
    sex: Sex
    birth: date
    id_region: str
    labour: LabourCapacity = LabourCapacity.ORDINARY
    health: Health = Health.HEALTHY
    #: In school or college, which decides education grants and rules out labour.
    student: bool = False

    @property
    def age(self) -> int:
        return age_on(self.birth, REFERENCE_DATE)


class NameMaker:
    """Draws names, and memoises their initials: a million members share fewer than ten
    thousand distinct names, and pypinyin takes up to a millisecond a name."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._initials: dict[str, str] = {}

    def surname(self) -> str:
        return self._rng.choices(_SURNAME_POOL, cum_weights=_SURNAME_CUM)[0]

    def given(self, sex: Sex, birth_year: int) -> str:
        return self._rng.choice(_GIVEN[(sex, _era(birth_year))])

    def full(self, surname: str, sex: Sex, birth: date, taken: list[str]) -> str:
        """A name not already used by someone in ``taken`` (the same household)."""
        name = surname + self.given(sex, birth.year)
        for _ in range(5):
            if name not in taken:
                break
            name = surname + self.given(sex, birth.year)
        return name

    def initials(self, name: str) -> str:
        cached = self._initials.get(name)
        if cached is None:
            cached = self._initials[name] = name_initials(name)
        return cached


class IdAllocator:
    """Hands out unique ID numbers: sequence digits are tracked per region, birth date and sex.

    The sequence for the k-th person of a key is spread over 000-999 by a fixed stride, so
    numbers do not all end in 001, and the parity of the sequence gives the sex.
    """

    _STRIDE = 193  # coprime with 500: k -> (k * stride + offset) % 500 is one-to-one

    def __init__(self) -> None:
        self._next: dict[int, int] = {}
        self._reserved: set[str] = set()

    def reserve(self, number: str) -> None:
        """Keep a fixed number (a scenario's documented ID) from being handed out again."""
        self._reserved.add(number)

    def allocate(self, region: str, birth: date, sex: Sex) -> IdNumber:
        male = sex is Sex.MALE
        key = (int(region) * 1_000_000 + birth.toordinal()) * 2 + male
        k = self._next.get(key, 0)
        while True:
            if k >= 500:
                raise ValueError("more than 500 people of one sex share a region and birth date")
            half = (k * self._STRIDE + birth.toordinal()) % 500
            number = new_id_number(region, birth, half * 2 + male)
            k += 1
            if number.reveal() not in self._reserved:
                self._next[key] = k
                return number


def _health(rng: random.Random, age: int) -> Health:
    serious = 0.01 + age * 0.0008
    chronic = 0.02 + max(0, age - 30) * 0.006
    disabled = 0.012 + age * 0.0002
    draw = rng.random()
    if draw < serious:
        return Health.SERIOUS
    if draw < serious + disabled:
        return Health.DISABLED
    if draw < serious + disabled + chronic:
        return Health.CHRONIC
    return Health.HEALTHY


def _labour(rng: random.Random, age: int, health: Health, student: bool) -> LabourCapacity:
    if age < 16 or student:
        return LabourCapacity.NONE
    if health in (Health.SERIOUS, Health.DISABLED):
        return LabourCapacity.LOST if rng.random() < 0.7 else LabourCapacity.WEAK
    if age >= 75:
        return LabourCapacity.NONE if rng.random() < 0.6 else LabourCapacity.WEAK
    if age >= 60 or health is Health.CHRONIC:
        return LabourCapacity.WEAK if rng.random() < 0.7 else LabourCapacity.ORDINARY
    return LabourCapacity.SKILLED if rng.random() < 0.18 else LabourCapacity.ORDINARY


def finish(rng: random.Random, person: Person) -> Person:
    """Give a generated person schooling, health and labour that fit their age."""
    age = person.age
    person.student = 6 <= age <= 17 or (18 <= age <= 22 and rng.random() < 0.4)
    person.health = _health(rng, age)
    person.labour = _labour(rng, age, person.health, person.student)
    return person


def _spouse_region(rng: random.Random, county: str) -> str:
    """Most spouses were born in the county; some married in from a neighbouring one."""
    if rng.random() < 0.3:
        return rng.choice(NEIGHBOURS.get(county, (county,)))
    return county


def _head_age(rng: random.Random) -> int:
    return max(25, min(85, round(rng.triangular(25, 86, 58))))


def _opposite(sex: Sex) -> Sex:
    return Sex.FEMALE if sex is Sex.MALE else Sex.MALE


def _random_sex(rng: random.Random) -> Sex:
    return Sex.MALE if rng.random() < 0.52 else Sex.FEMALE


class _Family:
    """Collects the members of one household while it is being composed."""

    def __init__(self, rng: random.Random, names: NameMaker, county: str) -> None:
        self.rng = rng
        self.names = names
        self.county = county
        self.people: list[Person] = []

    @property
    def full(self) -> bool:
        return len(self.people) >= MAX_MEMBERS

    def add(
        self, surname: str, relation: Relation, sex: Sex, age: int, region: str | None = None
    ) -> Person:
        birth = birth_for_age(self.rng, age)
        name = self.names.full(surname, sex, birth, [p.name for p in self.people])
        person = Person(name, surname, relation, sex, birth, region or self.county)
        self.people.append(finish(self.rng, person))
        return person

    def add_partner(self, relation: Relation, sex: Sex, age: int) -> Person:
        """Someone who married into the family, possibly from a neighbouring county."""
        region = _spouse_region(self.rng, self.county)
        return self.add(self.names.surname(), relation, sex, max(20, min(90, age)), region)


def compose_household(rng: random.Random, names: NameMaker, county: str) -> list[Person]:
    """Members of one household in register order: head, spouse, parents, a sibling,
    children, children-in-law, grandchildren; at most :data:`MAX_MEMBERS`.

    Children are 20-36 years younger than the younger parent, so every child is at least
    18 years younger than both; grown daughters mostly marry out of the register.
    """
    family = _Family(rng, names, county)
    head_age = _head_age(rng)
    head_sex = Sex.FEMALE if rng.random() < (0.3 if head_age > 65 else 0.12) else Sex.MALE
    head = family.add(names.surname(), Relation.HEAD, head_sex, head_age)
    if rng.random() < 0.06:
        return family.people  # living alone, often an elderly widow or widower

    spouse: Person | None = None
    if rng.random() < (0.85 if head_age < 65 else 0.55):
        gap = rng.randint(-2, 6)
        spouse_age = head_age - gap if head_sex is Sex.MALE else head_age + gap
        spouse = family.add_partner(Relation.SPOUSE, _opposite(head_sex), spouse_age)
    # Children take the father's surname.
    child_surname = spouse.surname if spouse and spouse.sex is Sex.MALE else head.surname

    if head_age <= 62 and rng.random() < 0.3:
        family.add(
            names.surname(), Relation.MOTHER, Sex.FEMALE, min(95, head_age + rng.randint(20, 34))
        )
        if rng.random() < 0.4:
            family.add(
                head.surname, Relation.FATHER, Sex.MALE, min(95, head_age + rng.randint(22, 38))
            )
    if rng.random() < 0.04:
        sibling_sex = Sex.MALE if rng.random() < 0.7 else Sex.FEMALE
        family.add(
            head.surname, Relation.SIBLING, sibling_sex, max(16, head_age + rng.randint(-8, 8))
        )

    younger_parent = min(head_age, spouse.age) if spouse else head_age
    weights = (1, 3, 4, 3, 2) if head.birth.year < 1975 else (1, 4, 5, 2, 0)
    children: list[Person] = []
    for _ in range(rng.choices((0, 1, 2, 3, 4), weights=weights)[0]):
        age = younger_parent - rng.randint(20, 36)
        sex = _random_sex(rng)
        married_out = sex is Sex.FEMALE and age > 23 and rng.random() < 0.6
        moved_out = age > 30 and rng.random() < 0.3
        if age < 0 or age > 45 or married_out or moved_out or family.full:
            continue
        relation = Relation.SON if sex is Sex.MALE else Relation.DAUGHTER
        children.append(family.add(child_surname, relation, sex, age))

    for child in children:
        if child.age < 22 or len(family.people) >= MAX_MEMBERS - 1:
            continue
        partner: Person | None = None
        if child.sex is Sex.MALE and rng.random() < 0.6:
            partner = family.add_partner(
                Relation.DAUGHTER_IN_LAW, Sex.FEMALE, child.age - rng.randint(-2, 5)
            )
        elif child.sex is Sex.FEMALE and rng.random() < 0.15:
            partner = family.add_partner(
                Relation.SON_IN_LAW, Sex.MALE, child.age + rng.randint(-2, 5)
            )
        # Left-behind grandchildren stay on the register while a parent works away.
        if partner is None and rng.random() > 0.4:
            continue
        parent_age = min(child.age, partner.age) if partner else child.age
        surname = partner.surname if partner and partner.sex is Sex.MALE else child.surname
        for _ in range(rng.choices((1, 2), weights=(2, 3))[0]):
            age = parent_age - rng.randint(20, 32)
            if age < 0 or family.full:
                break
            sex = _random_sex(rng)
            relation = Relation.GRANDSON if sex is Sex.MALE else Relation.GRANDDAUGHTER
            family.add(surname, relation, sex, age)
    return family.people
