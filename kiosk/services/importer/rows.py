"""Checking one row of each kind on its own and turning it into a typed record.

Everything that needs no database is checked here: formats, ranges, coded values, the ID
number and whether the sex and birth date columns agree with it. References to other rows
(a household's village, a member's household) are checked later against the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import String

from kiosk.domain.address_codes import AddressCodes
from kiosk.domain.idnumber import IdNumber, IdNumberError, id_lookup_hash, parse_id_number
from kiosk.domain.models import (
    CODE_LENGTH,
    AidRecord,
    Cadre,
    Channel,
    Health,
    Household,
    LabourCapacity,
    Member,
    PovertyCause,
    PovertyStatus,
    Programme,
    Region,
    RegionLevel,
    Relation,
    Sex,
    code_problem,
)
from kiosk.domain.poverty import INDICATOR_MAX, Indicator, score_from_indicators
from kiosk.services.importer import labels, values
from kiosk.services.importer.problems import CellError, ProblemLog, Where, cell_error
from kiosk.services.importer.schemas import Kind, KindSpec

T = TypeVar("T")

_LEVEL_ZH = {
    RegionLevel.PROVINCE: "省级",
    RegionLevel.PREFECTURE: "地级",
    RegionLevel.COUNTY: "县级",
    RegionLevel.TOWNSHIP: "乡镇级",
    RegionLevel.VILLAGE: "村级",
}


def _length(column: object) -> int:
    """The declared length of a String column, so limits follow the models."""
    sql_type = getattr(column, "type", None)
    assert isinstance(sql_type, String) and sql_type.length is not None
    return sql_type.length


@dataclass(frozen=True)
class ParseContext:
    """What row checks need besides the row: today's date in China, the hash key and the
    address codes ID numbers may start with."""

    today: date
    id_hash_key: bytes
    addresses: AddressCodes


@dataclass(frozen=True)
class RegionRow:
    where: Where
    code: str
    name: str
    level: RegionLevel
    parent_code: str | None


@dataclass(frozen=True)
class CadreRow:
    where: Where
    code: str
    name: str
    unit: str
    post: str
    region_code: str
    #: None when the file leaves it to the level of ``region_code``.
    level: RegionLevel | None
    phone: str


@dataclass(frozen=True)
class HouseholdRow:
    where: Where
    file_number: str
    village_code: str
    address: str
    status: PovertyStatus
    registered_on: date
    lifted_on: date | None
    scores: Mapping[Indicator, int]
    poverty_score: int
    #: Main cause first.
    causes: tuple[PovertyCause, ...]


@dataclass(frozen=True)
class MemberRow:
    """A member; the ID number itself is not kept, only its hash and masked form."""

    where: Where
    file_number: str
    position: int | None
    name: str
    relation: Relation
    sex: Sex
    birth_date: date
    id_hash: str = field(repr=False)
    id_masked: str
    labour_capacity: LabourCapacity
    health: Health


@dataclass(frozen=True)
class AssignmentRow:
    where: Where
    cadre_code: str
    file_number: str
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class AidRow:
    where: Where
    reference: str
    file_number: str
    programme: Programme
    amount_fen: int
    paid_on: date
    department: str
    department_region_code: str | None
    channel: Channel
    note: str


Record = RegionRow | CadreRow | HouseholdRow | MemberRow | AssignmentRow | AidRow


class RowReader:
    """Reads the cells of one row, logging every bad cell rather than stopping at the first.

    ``ok`` stays True while no cell failed; ``parsed`` holds what did parse, so the key of
    a row can be known even when another of its cells is wrong.
    """

    def __init__(self, spec: KindSpec, where: Where, cells: Mapping[str, str], log: ProblemLog):
        self.spec = spec
        self.where = where
        self.cells = cells
        self.log = log
        self.ok = True
        self.parsed: dict[str, object] = {}

    def text(self, name: str) -> str:
        return self.cells.get(name, "").strip()

    def fail(self, name: str, reason_zh: str, reason_en: str) -> None:
        self.ok = False
        column = self.spec.column(name)
        self.log.add(self.where, reason_zh, reason_en, column=column.name, column_zh=column.zh)

    def optional(self, name: str, parse: Callable[[str], T]) -> T | None:
        text = self.text(name)
        if not text:
            return None
        try:
            value = parse(text)
        except CellError as exc:
            self.fail(name, exc.reason_zh, exc.reason_en)
            return None
        self.parsed[name] = value
        return value

    def required(self, name: str, parse: Callable[[str], T], fallback: T) -> T:
        """The parsed cell, or ``fallback`` after logging why not (then ``ok`` is False)."""
        if not self.text(name):
            self.fail(name, "不能为空", "cannot be empty")
            return fallback
        value = self.optional(name, parse)
        return fallback if value is None else value


def _region_code_reason(
    code: str, level: RegionLevel, parent_code: str | None
) -> tuple[str, str] | None:
    """``code_problem`` in both languages."""
    if level is RegionLevel.PROVINCE and parent_code is not None:
        return "省级区划不填上级代码", "a province has no parent code"
    problem = code_problem(code, level, parent_code)
    if problem is None:
        return None
    if problem.endswith("digits"):
        zh = f"{_LEVEL_ZH[level]}区划代码应为 {CODE_LENGTH[level]} 位数字"
    elif "0000" in problem:
        zh = "省级代码应以 0000 结尾"
    elif "needs a parent" in problem:
        zh = "除省以外，每个区划都要填上级代码"
    elif "under its parent" in problem:
        zh = "代码的开头应与上级代码相同，这个代码不在上级区划之下"
    else:
        zh = "区划代码与级别或上级代码不符"
    return zh, problem


def region_row(r: RowReader, ctx: ParseContext) -> RegionRow | None:
    code = r.required("code", values.parse_region_code, "")
    name = r.required("name", lambda t: values.parse_text(t, _length(Region.name)), "")
    level = r.required(
        "level", lambda t: values.parse_choice(t, labels.REGION_LEVEL), RegionLevel.VILLAGE
    )
    parent_code = r.optional("parent_code", values.parse_region_code)
    if not r.ok:
        return None
    reason = _region_code_reason(code, level, parent_code)
    if reason is not None:
        r.fail("code", *reason)
        return None
    return RegionRow(r.where, code, name, level, parent_code)


def cadre_row(r: RowReader, ctx: ParseContext) -> CadreRow | None:
    code = r.required("code", lambda t: values.parse_key(t, _length(Cadre.code)), "")
    name = r.required("name", lambda t: values.parse_text(t, _length(Cadre.name)), "")
    unit = r.required("unit", lambda t: values.parse_text(t, _length(Cadre.unit)), "")
    post = r.required("post", lambda t: values.parse_text(t, _length(Cadre.post)), "")
    region_code = r.required("region_code", values.parse_region_code, "")
    level = r.optional("level", lambda t: values.parse_choice(t, labels.REGION_LEVEL))
    phone = r.required("phone", values.parse_phone, "")
    if not r.ok:
        return None
    return CadreRow(r.where, code, name, unit, post, region_code, level, phone)


def _score_parser(most: int) -> Callable[[str], int]:
    return lambda text: values.parse_whole(text, low=0, high=most)


_VILLAGE_CODE_LENGTH = frozenset({CODE_LENGTH[RegionLevel.VILLAGE]})


def household_row(r: RowReader, ctx: ParseContext) -> HouseholdRow | None:
    file_number = r.required(
        "file_number", lambda t: values.parse_key(t, _length(Household.file_number)), ""
    )
    village_code = r.required(
        "village_code",
        lambda t: values.parse_region_code(t, lengths=_VILLAGE_CODE_LENGTH),
        "",
    )
    address = r.required("address", lambda t: values.parse_text(t, _length(Household.address)), "")
    status = r.required(
        "status", lambda t: values.parse_choice(t, labels.POVERTY_STATUS), PovertyStatus.POOR
    )
    registered_on = r.required(
        "registered_on", lambda t: values.parse_date(t, not_after=ctx.today), date.min
    )
    lifted_on = r.optional("lifted_on", lambda t: values.parse_date(t, not_after=ctx.today))
    scores = {
        indicator: r.required(f"score_{indicator.value}", _score_parser(most), 0)
        for indicator, most in INDICATOR_MAX.items()
    }
    given_total = r.optional("poverty_score", lambda t: values.parse_whole(t, low=0, high=100))
    causes = r.optional("causes", values.parse_causes) or []
    if not r.ok:
        return None
    total = score_from_indicators(scores)
    if given_total is not None and given_total != total:
        r.fail(
            "poverty_score",
            f"贫困指数应等于五项得分之和（{total}）",
            f"the index must be the sum of the five indicator scores ({total})",
        )
    if lifted_on is not None and status is PovertyStatus.POOR:
        r.fail("lifted_on", "未脱贫户不应有脱贫日期", "a household still poor has no lifted date")
    if lifted_on is not None and lifted_on < registered_on:
        r.fail("lifted_on", "脱贫日期早于识别日期", "the lifted date is before the registration")
    if not r.ok:
        return None
    return HouseholdRow(
        r.where, file_number, village_code, address, status, registered_on, lifted_on,
        scores, total, tuple(causes),
    )  # fmt: skip


def _id_number_cell(text: str, ctx: ParseContext) -> IdNumber:
    """The checked ID number, via :func:`parse_id_number`, with Excel's damage named."""
    error = values.scientific_notation_error(text)
    if error is not None:
        raise error
    try:
        return parse_id_number(text, today=ctx.today, addresses=ctx.addresses)
    except IdNumberError as exc:
        raise cell_error(exc) from None


def member_row(r: RowReader, ctx: ParseContext) -> MemberRow | None:
    file_number = r.required(
        "file_number", lambda t: values.parse_key(t, _length(Household.file_number)), ""
    )
    position = r.optional("position", lambda t: values.parse_whole(t, low=0, high=999))
    name = r.required("name", lambda t: values.parse_text(t, _length(Member.name)), "")
    relation = r.required(
        "relation", lambda t: values.parse_choice(t, labels.RELATION), Relation.OTHER
    )
    sex = r.optional("sex", lambda t: values.parse_choice(t, labels.SEX))
    birth_date = r.optional("birth_date", lambda t: values.parse_date(t, not_after=ctx.today))
    id_number = r.required("id_number", lambda t: _id_number_cell(t, ctx), None)
    labour = r.required(
        "labour_capacity",
        lambda t: values.parse_choice(t, labels.LABOUR_CAPACITY),
        LabourCapacity.NONE,
    )
    health = r.required("health", lambda t: values.parse_choice(t, labels.HEALTH), Health.HEALTHY)
    if id_number is None:
        return None
    id_sex = Sex(id_number.sex)
    if sex is not None and sex is not id_sex:
        r.fail(
            "sex",
            "性别与身份证号不符（身份证号第17位单数为男、双数为女），请核对",
            "the sex does not match the ID number (its 17th digit is odd for men, "
            "even for women); please check both",
        )
    if birth_date is not None and birth_date != id_number.birth_date:
        r.fail(
            "birth_date",
            "出生日期与身份证号第7到14位的出生日期不符，请核对",
            "the birth date does not match the one in the ID number (characters 7 to 14); "
            "please check both",
        )
    if not r.ok:
        return None
    return MemberRow(
        r.where, file_number, position, name, relation, id_sex, id_number.birth_date,
        id_lookup_hash(id_number, ctx.id_hash_key), id_number.masked, labour, health,
    )  # fmt: skip


def assignment_row(r: RowReader, ctx: ParseContext) -> AssignmentRow | None:
    cadre_code = r.required("cadre_code", lambda t: values.parse_key(t, _length(Cadre.code)), "")
    file_number = r.required(
        "file_number", lambda t: values.parse_key(t, _length(Household.file_number)), ""
    )
    start_date = r.required("start_date", values.parse_date, date.min)
    end_date = r.optional("end_date", values.parse_date)
    if r.ok and end_date is not None and end_date < start_date:
        r.fail("end_date", "结束日期早于开始日期", "the end date is before the start date")
    if not r.ok:
        return None
    return AssignmentRow(r.where, cadre_code, file_number, start_date, end_date)


def aid_row(r: RowReader, ctx: ParseContext) -> AidRow | None:
    reference = r.required(
        "reference", lambda t: values.parse_key(t, _length(AidRecord.reference)), ""
    )
    file_number = r.required(
        "file_number", lambda t: values.parse_key(t, _length(Household.file_number)), ""
    )
    programme = r.required(
        "programme", lambda t: values.parse_choice(t, labels.PROGRAMME), Programme.DISASTER_RELIEF
    )
    amount_fen = r.required("amount", values.parse_amount, 0)
    paid_on = r.required("paid_on", lambda t: values.parse_date(t, not_after=ctx.today), date.min)
    department = r.required(
        "department", lambda t: values.parse_text(t, _length(AidRecord.department)), ""
    )
    department_region_code = r.optional("department_region_code", values.parse_region_code)
    channel = r.required(
        "channel", lambda t: values.parse_choice(t, labels.CHANNEL), Channel.ONE_CARD
    )
    note = r.optional("note", lambda t: values.parse_text(t, 2000)) or ""
    if not r.ok:
        return None
    return AidRow(
        r.where, reference, file_number, programme, amount_fen, paid_on, department,
        department_region_code, channel, note,
    )  # fmt: skip


ROW_PARSERS: dict[Kind, Callable[[RowReader, ParseContext], Record | None]] = {
    Kind.REGIONS: region_row,
    Kind.CADRES: cadre_row,
    Kind.HOUSEHOLDS: household_row,
    Kind.MEMBERS: member_row,
    Kind.ASSIGNMENTS: assignment_row,
    Kind.AID_RECORDS: aid_row,
}


class Target(StrEnum):
    """What a reference column points at."""

    REGION = "region"
    HOUSEHOLD = "household"
    CADRE = "cadre"


#: The columns of each kind that refer to another row, and what they refer to.
REFERENCES: dict[Kind, tuple[tuple[str, Target], ...]] = {
    Kind.REGIONS: (("parent_code", Target.REGION),),
    Kind.CADRES: (("region_code", Target.REGION),),
    Kind.HOUSEHOLDS: (("village_code", Target.REGION),),
    Kind.MEMBERS: (("file_number", Target.HOUSEHOLD),),
    Kind.ASSIGNMENTS: (("cadre_code", Target.CADRE), ("file_number", Target.HOUSEHOLD)),
    Kind.AID_RECORDS: (
        ("file_number", Target.HOUSEHOLD),
        ("department_region_code", Target.REGION),
    ),
}


@dataclass(frozen=True)
class LooseReference:
    """A reference made by a row that failed its own checks, still worth checking.

    Without it a row with a bad date and an unknown household would need two rounds of
    fixing; with it the clerk hears of both at once.
    """

    kind: Kind
    where: Where
    column: str
    target: Target
    key: str
