"""Checks that look beyond one row: duplicates within the import, and references.

A reference is good when the row it names is in the store or anywhere in the same import;
every kind of one invocation is written together, parents first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from typing import Protocol, TypeVar

from kiosk.domain.models import RegionLevel, Relation
from kiosk.services.importer.existing import ImportSet, StoreState
from kiosk.services.importer.problems import ProblemLog, Where, earlier_place
from kiosk.services.importer.rows import AidRow, Target
from kiosk.services.importer.schemas import SPECS, Kind


class _Located(Protocol):
    @property
    def where(self) -> Where: ...


R = TypeVar("R", bound=_Located)


def _fail(log: ProblemLog, kind: Kind, where: Where, column: str, zh: str, en: str) -> None:
    spec_column = SPECS[kind].column(column)
    log.add(where, zh, en, column=spec_column.name, column_zh=spec_column.zh)


def _no_duplicates(
    rows: Iterable[R],
    key: Callable[[R], Hashable],
    kind: Kind,
    column: str,
    what: tuple[str, str],
    log: ProblemLog,
) -> None:
    """Report every row whose key an earlier row of the import already has."""
    first_seen: dict[Hashable, Where] = {}
    for row in rows:
        first = first_seen.setdefault(key(row), row.where)
        if first is not row.where:
            place_zh, place_en = earlier_place(first, row.where)
            _fail(
                log, kind, row.where, column,
                f"{what[0]}与{place_zh}重复", f"the same {what[1]} as {place_en}",
            )  # fmt: skip


def check_duplicates(data: ImportSet, log: ProblemLog) -> None:
    """One row per natural key in one import, or the clerk could not know which one wins."""
    _no_duplicates(data.regions, lambda r: r.code, Kind.REGIONS, "code",
                   ("区划代码", "division code"), log)  # fmt: skip
    _no_duplicates(data.cadres, lambda r: r.code, Kind.CADRES, "code",
                   ("干部编号", "staff code"), log)  # fmt: skip
    _no_duplicates(data.households, lambda r: r.file_number, Kind.HOUSEHOLDS, "file_number",
                   ("档案号", "file number"), log)  # fmt: skip
    _no_duplicates(data.members, lambda r: r.id_hash, Kind.MEMBERS, "id_number",
                   ("身份证号", "ID number"), log)  # fmt: skip
    _no_duplicates(
        data.assignments, lambda r: (r.cadre_code, r.file_number, r.start_date),
        Kind.ASSIGNMENTS, "start_date",
        ("干部、户和开始日期", "cadre, household and start date"), log,
    )  # fmt: skip
    _no_duplicates(data.aid_records, lambda r: r.reference, Kind.AID_RECORDS, "reference",
                   ("凭证号", "reference"), log)  # fmt: skip
    heads = Counter(m.file_number for m in data.members if m.relation is Relation.HEAD)
    first_head_seen: set[str] = set()
    for member in data.members:
        if member.relation is Relation.HEAD and heads[member.file_number] > 1:
            if member.file_number in first_head_seen:
                _fail(
                    log, Kind.MEMBERS, member.where, "relation",
                    "同一户只能有一个户主", "a household has only one head",
                )  # fmt: skip
            first_head_seen.add(member.file_number)


_UNKNOWN_REGION = (
    "没有这个区划代码（数据库和本次导入的区划文件里都没有）",
    "no region has this code, neither in the store nor in this import",
)
_UNKNOWN_HOUSEHOLD = (
    "没有这个档案号的贫困户（数据库和本次导入的贫困户文件里都没有）",
    "no household has this file number, neither in the store nor in this import",
)
_UNKNOWN_CADRE = (
    "没有这个编号的干部（数据库和本次导入的干部文件里都没有）",
    "no cadre has this code, neither in the store nor in this import",
)


def check_references(data: ImportSet, state: StoreState, log: ProblemLog) -> None:
    """Every code a row refers to names a row in the store or in this import."""
    levels: dict[str, RegionLevel | None] = dict(state.region_levels)
    levels.update(dict.fromkeys(data.failed_region_codes))
    levels.update({row.code: row.level for row in data.regions})
    households = set(state.households) | data.failed_file_numbers
    households.update(row.file_number for row in data.households)
    cadres = set(state.cadres) | data.failed_cadre_codes
    cadres.update(row.code for row in data.cadres)

    for region in data.regions:
        if region.parent_code is None:
            continue
        if region.parent_code not in levels:
            _fail(log, Kind.REGIONS, region.where, "parent_code", *_UNKNOWN_REGION)
            continue
        parent_level = levels[region.parent_code]
        if parent_level is not None and parent_level.rank >= region.level.rank:
            _fail(
                log, Kind.REGIONS, region.where, "parent_code",
                "上级区划的级别应高于本级", "the parent region must be of a higher level",
            )  # fmt: skip

    for cadre in data.cadres:
        if cadre.region_code not in levels:
            _fail(log, Kind.CADRES, cadre.where, "region_code", *_UNKNOWN_REGION)
            continue
        region_level = levels[cadre.region_code]
        if cadre.level is not None and region_level is not None and cadre.level != region_level:
            _fail(
                log, Kind.CADRES, cadre.where, "level",
                "单位级别与单位区划代码的级别不符",
                "the level does not match the level of the unit's region",
            )  # fmt: skip

    for household in data.households:
        if household.village_code not in levels:
            _fail(log, Kind.HOUSEHOLDS, household.where, "village_code", *_UNKNOWN_REGION)
        elif levels[household.village_code] not in (RegionLevel.VILLAGE, None):
            _fail(
                log, Kind.HOUSEHOLDS, household.where, "village_code",
                "这个代码不是村或社区", "this code is not a village or community",
            )  # fmt: skip

    for member in data.members:
        if member.file_number not in households:
            _fail(log, Kind.MEMBERS, member.where, "file_number", *_UNKNOWN_HOUSEHOLD)

    for assignment in data.assignments:
        if assignment.cadre_code not in cadres:
            _fail(log, Kind.ASSIGNMENTS, assignment.where, "cadre_code", *_UNKNOWN_CADRE)
        if assignment.file_number not in households:
            _fail(log, Kind.ASSIGNMENTS, assignment.where, "file_number", *_UNKNOWN_HOUSEHOLD)

    for aid in data.aid_records:
        if aid.file_number not in households:
            _fail(log, Kind.AID_RECORDS, aid.where, "file_number", *_UNKNOWN_HOUSEHOLD)
        code = aid.department_region_code
        if code is not None and code not in levels:
            _fail(log, Kind.AID_RECORDS, aid.where, "department_region_code", *_UNKNOWN_REGION)
        _check_verified_unchanged(aid_row=aid, state=state, log=log)

    known = {Target.REGION: set(levels), Target.HOUSEHOLD: households, Target.CADRE: cadres}
    unknown = {
        Target.REGION: _UNKNOWN_REGION,
        Target.HOUSEHOLD: _UNKNOWN_HOUSEHOLD,
        Target.CADRE: _UNKNOWN_CADRE,
    }
    for ref in data.loose_references:
        if ref.key not in known[ref.target]:
            _fail(log, ref.kind, ref.where, ref.column, *unknown[ref.target])


def _check_verified_unchanged(*, aid_row: AidRow, state: StoreState, log: ProblemLog) -> None:
    """A payment a resident has confirmed or disputed is evidence: import may not rewrite it.

    Only the note may change. Otherwise a ledger could be corrected after the fact to match
    what the resident says they received, and the complaint would lose its ground.
    """
    existing = state.aid_records.get(aid_row.reference)
    if existing is None or aid_row.reference not in state.verified_aid:
        return
    same = (
        state.aid_files[aid_row.reference] == aid_row.file_number
        and existing.programme == aid_row.programme
        and existing.amount_fen == aid_row.amount_fen
        and existing.paid_on == aid_row.paid_on
        and existing.department == aid_row.department
        and existing.department_region_code == aid_row.department_region_code
        and existing.channel == aid_row.channel
    )
    if not same:
        _fail(
            log, Kind.AID_RECORDS, aid_row.where, "reference",
            "群众已在终端上确认或申诉过这笔资金，导入不能再修改它（只能改备注）",
            "a resident has already confirmed or disputed this payment at a kiosk, so an "
            "import cannot change it (only the note may change)",
        )  # fmt: skip
