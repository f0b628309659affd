"""The six kinds of file, their columns, and how a header row is matched to one of them.

The kind of a file is recognised from its header row alone, so a clerk can name files as
they like (2014年资金发放.csv). Each column has an English name, the Chinese label shown in
messages, and further spellings seen in county spreadsheets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.services.importer.labels import fold
from kiosk.services.importer.problems import ProblemLog, Where


class Kind(StrEnum):
    """Kinds of file, in the order they are written (parents before what refers to them)."""

    REGIONS = "regions"
    CADRES = "cadres"
    HOUSEHOLDS = "households"
    MEMBERS = "members"
    ASSIGNMENTS = "assignments"
    AID_RECORDS = "aid_records"

    @property
    def zh(self) -> str:
        return _KIND_ZH[self]


_KIND_ZH = {
    Kind.REGIONS: "行政区划",
    Kind.CADRES: "帮扶干部",
    Kind.HOUSEHOLDS: "贫困户",
    Kind.MEMBERS: "家庭成员",
    Kind.ASSIGNMENTS: "帮扶关系",
    Kind.AID_RECORDS: "资金发放记录",
}


def header_key(text: str) -> str:
    """How header cells are compared: like cells, and blind to _, -, * and spaces.

    "File Number", "file_number" and "*档案号" (a required-column mark) all match.
    """
    return fold(text).replace("_", "").replace("-", "").replace("*", "")


@dataclass(frozen=True)
class Column:
    """One column of a kind: ``zh`` is its label in messages, ``aliases`` other spellings."""

    name: str
    zh: str
    aliases: tuple[str, ...] = ()
    #: Whether the header must have this column (its cells may still be optional).
    required: bool = True

    def spellings(self) -> set[str]:
        return {header_key(word) for word in (self.name, self.zh, *self.aliases)}


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    columns: tuple[Column, ...]
    _by_spelling: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_spelling: dict[str, Column] = {}
        for column in self.columns:
            for spelling in column.spellings():
                if by_spelling.setdefault(spelling, column) is not column:
                    raise ValueError(f"{self.kind}: header {spelling!r} names two columns")
        object.__setattr__(self, "_by_spelling", by_spelling)

    def find(self, header_cell: str) -> Column | None:
        return self._by_spelling.get(header_key(header_cell))

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


_FILE_NUMBER = Column("file_number", "档案号", ("户档案号", "贫困户档案号", "户编号", "户号"))

SPECS: dict[Kind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(Kind.REGIONS, (
            Column("code", "区划代码", ("代码", "行政区划代码", "统计用区划代码")),
            Column("name", "名称", ("区划名称", "行政区划名称")),
            Column("level", "级别", ("层级", "区划级别")),
            Column("parent_code", "上级代码", ("上级区划代码", "上级")),
        )),
        KindSpec(Kind.CADRES, (
            Column("code", "干部编号", ("编号", "工号")),
            Column("name", "姓名", ("干部姓名",)),
            Column("unit", "工作单位", ("单位", "所在单位")),
            Column("post", "职务", ("岗位",)),
            Column("region_code", "单位区划代码", ("区划代码", "所在区划代码")),
            Column("level", "单位级别", ("级别", "层级"), required=False),
            Column("phone", "联系电话", ("电话", "手机", "手机号", "电话号码")),
        )),
        KindSpec(Kind.HOUSEHOLDS, (
            _FILE_NUMBER,
            Column("village_code", "村代码", ("行政村代码", "所在村代码", "村区划代码")),
            Column("address", "住址", ("家庭住址", "地址")),
            Column("status", "脱贫状态", ("贫困状态", "状态", "户类型")),
            Column("registered_on", "识别日期",
                   ("建档日期", "纳入日期", "登记日期", "建档立卡日期")),
            Column("lifted_on", "脱贫日期", ("标注脱贫日期",), required=False),
            Column("score_housing", "住房得分", ("住房",)),
            Column("score_food", "饮食得分", ("饮食",)),
            Column("score_labour", "劳动力得分", ("劳动力",)),
            Column("score_schooling", "教育得分", ("教育",)),
            Column("score_health", "健康得分", ("健康",)),
            Column("poverty_score", "贫困指数", ("综合得分", "总分"), required=False),
            Column("causes", "致贫原因", ("主要致贫原因",)),
        )),
        KindSpec(Kind.MEMBERS, (
            _FILE_NUMBER,
            Column("position", "序号", ("成员序号",), required=False),
            Column("name", "姓名", ("成员姓名",)),
            Column("relation", "与户主关系", ("关系",)),
            Column("sex", "性别", (), required=False),
            Column("birth_date", "出生日期", ("出生年月日",), required=False),
            Column("id_number", "身份证号", ("身份证号码", "证件号码", "公民身份号码")),
            Column("labour_capacity", "劳动能力", ("劳动技能", "劳动力状况")),
            Column("health", "健康状况", ("健康",)),
        )),
        KindSpec(Kind.ASSIGNMENTS, (
            Column("cadre_code", "干部编号", ("帮扶干部编号", "帮扶人编号")),
            _FILE_NUMBER,
            Column("start_date", "开始日期", ("帮扶开始日期", "结对日期")),
            Column("end_date", "结束日期", ("帮扶结束日期",), required=False),
        )),
        KindSpec(Kind.AID_RECORDS, (
            Column("reference", "凭证号", ("支付凭证号", "流水号", "发放编号")),
            _FILE_NUMBER,
            Column("programme", "资金项目", ("项目", "补助项目", "program")),
            Column("amount", "金额", ("金额(元)", "发放金额", "发放金额(元)", "amount_yuan")),
            Column("paid_on", "发放日期", ("支付日期", "到账日期")),
            Column("department", "发放部门", ("支付部门", "主管部门")),
            Column("department_region_code", "部门区划代码", ("发放部门区划代码",), required=False),
            Column("channel", "发放方式", ("发放渠道", "渠道")),
            Column("note", "备注", (), required=False),
        )),
    )
}  # fmt: skip


@dataclass(frozen=True)
class HeaderMatch:
    """Which kind a header row is, and which column each position holds (None: ignored)."""

    spec: KindSpec
    positions: list[Column | None]
    #: False when rows cannot be read at all (a required column missing or doubled).
    rows_readable: bool


def _safe_header_text(text: str, position: int) -> tuple[str, str]:
    """How to name a header cell in a message without repeating personal data.

    A file without a header row has data in its first line; that may be an ID number.
    """
    digits_run = max((len(run) for run in "".join(c if c.isdigit() else " " for c in text).split()),
                     default=0)  # fmt: skip
    if digits_run >= 5 or len(text) > 30:
        return f"第{position}列", f"column {position}"
    return f"第{position}列“{text}”", f"column {position} '{text}'"


def match_header(header: Sequence[str], where: Where, log: ProblemLog) -> HeaderMatch | None:
    """The kind whose columns best explain ``header``, logging what does not fit.

    A kind is chosen when every one of its required columns is present; among several, the
    one that explains the most header cells wins. When none is complete, the best partial
    match is reported with its missing columns, so the message says what was expected.
    """
    named = [cell for cell in header if cell.strip()]
    scores: list[tuple[int, int, Kind]] = []
    for spec in SPECS.values():
        found = {col.name for cell in named if (col := spec.find(cell)) is not None}
        complete = all(col.name in found for col in spec.columns if col.required)
        scores.append((int(complete), len(found), spec.kind))
    scores.sort(reverse=True)
    best_complete, best_found, best_kind = scores[0]
    runner_up = scores[1]
    if best_found < 2 or (runner_up[0], runner_up[1]) == (best_complete, best_found):
        log.add(
            where,
            "看不出这是哪一种数据：第一行应是表头，列名见 docs/import-format.md",
            "cannot tell what this file holds: the first line must be a header row; "
            "see docs/import-format.md for the column names",
        )
        return None

    spec = SPECS[best_kind]
    positions: list[Column | None] = []
    seen: set[str] = set()
    readable = True
    for position, cell in enumerate(header, start=1):
        if not cell.strip():
            positions.append(None)
            continue
        column = spec.find(cell)
        if column is None:
            text_zh, text_en = _safe_header_text(cell.strip(), position)
            log.add(
                where,
                f"{text_zh}不是{spec.kind.zh}文件的列，请删除或改名",
                f"{text_en} is not a column of a {spec.kind.value} file; remove or rename it",
            )
            positions.append(None)
            continue
        if column.name in seen:
            log.add(
                where, "这一列出现了不止一次", "this column appears more than once",
                column=column.name, column_zh=column.zh,
            )  # fmt: skip
            readable = False
        seen.add(column.name)
        positions.append(column)
    for column in spec.columns:
        if column.required and column.name not in seen:
            log.add(
                where,
                f"缺少这一列（按表头判断这是{spec.kind.zh}文件）",
                f"this column is missing (the header makes this a {spec.kind.value} file)",
                column=column.name,
                column_zh=column.zh,
            )
            readable = False
    return HeaderMatch(spec=spec, positions=positions, rows_readable=readable)
