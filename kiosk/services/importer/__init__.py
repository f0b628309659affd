"""Import of the register from CSV files: ``import_files`` checks everything, then writes.

Every file of one call is read and every row checked before anything is written; the
writing is one transaction. So a single bad row anywhere leaves the store exactly as it
was, and the clerk gets the full list of problems at once instead of one per attempt.
The format is described in ``docs/import-format.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.domain.address_codes import AddressCodes, gb2260
from kiosk.domain.clock import shanghai_today
from kiosk.services.importer.checks import check_duplicates, check_references
from kiosk.services.importer.existing import ImportSet, load_state
from kiosk.services.importer.problems import ImportProblem, ProblemLog, Where
from kiosk.services.importer.reading import ReadError, Table, read_table
from kiosk.services.importer.rows import (
    REFERENCES,
    ROW_PARSERS,
    AidRow,
    AssignmentRow,
    CadreRow,
    HouseholdRow,
    LooseReference,
    MemberRow,
    ParseContext,
    Record,
    RegionRow,
    RowReader,
)
from kiosk.services.importer.schemas import HeaderMatch, Kind, match_header
from kiosk.services.importer.writer import Counts, Writer

__all__ = [
    "Counts",
    "FileReport",
    "ImportProblem",
    "ImportReport",
    "ImportStoreError",
    "Kind",
    "import_files",
]

log = logging.getLogger(__name__)


class ImportStoreError(Exception):
    """The store failed while being read or written; nothing was written.

    The message names the failure without the statement's parameters, which may hold
    personal data.
    """


@dataclass(frozen=True)
class FileReport:
    """How one file was read: its kind (None if unknown), encoding and number of rows."""

    label: str
    kind: Kind | None
    encoding: str | None
    rows: int


@dataclass
class ImportReport:
    """The outcome of one import: refused with problems, checked (dry run), or written."""

    dry_run: bool
    files: list[FileReport] = field(default_factory=list)
    counts: dict[Kind, Counts] = field(default_factory=dict)
    #: The first problems found (at most ``problems.MAX_REPORTED``) and how many in all.
    problems: list[ImportProblem] = field(default_factory=list)
    problem_count: int = 0
    #: False when a file could not be read, so references between files were not checked.
    references_checked: bool = True
    written: bool = False

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def summary_lines(self) -> list[str]:
        """What was read and what happened, one line each, for a terminal."""
        lines = []
        for f in self.files:
            kind = f"{f.kind.value} ({f.kind.zh})" if f.kind else "? (无法识别 / not recognised)"
            encoding = f", {f.encoding}" if f.encoding else ""
            lines.append(f"{f.label}: {kind}{encoding}, {f.rows} 行 / rows")
        if not self.ok:
            lines.append(
                f"导入被拒绝：发现 {self.problem_count} 个问题，没有写入任何数据。"
                f" / Refused: {self.problem_count} problem(s) found; nothing was written."
            )
            if not self.references_checked and len(self.files) > 1:
                lines.append(
                    "有文件无法读取，所以没有检查文件之间的引用。"
                    " / A file could not be read, so references between files were not checked."
                )
            return lines
        for kind in Kind:
            counts = self.counts.get(kind)
            if counts is not None and counts.total:
                lines.append(
                    f"{kind.value} ({kind.zh}): {counts.new} new, {counts.updated} updated, "
                    f"{counts.unchanged} unchanged"
                )
        if self.dry_run:
            lines.append(
                "试运行：检查通过，没有写入。 / Dry run: all rows are valid; nothing was written."
            )
        else:
            lines.append("导入完成。 / Import complete.")
        return lines

    def problem_lines(self) -> list[str]:
        lines = [str(problem) for problem in self.problems]
        hidden = self.problem_count - len(self.problems)
        if hidden > 0:
            lines.append(f"……另有 {hidden} 个问题未列出 / ... and {hidden} more not listed")
        return lines


def _add_record(data: ImportSet, record: Record) -> None:
    if isinstance(record, RegionRow):
        data.regions.append(record)
    elif isinstance(record, CadreRow):
        data.cadres.append(record)
    elif isinstance(record, HouseholdRow):
        data.households.append(record)
    elif isinstance(record, MemberRow):
        data.members.append(record)
    elif isinstance(record, AssignmentRow):
        data.assignments.append(record)
    else:
        assert isinstance(record, AidRow)
        data.aid_records.append(record)


def _remember_failed_row(data: ImportSet, kind: Kind, reader: RowReader) -> None:
    """Keep what a failed row did say: its key, so rows pointing at it are not blamed too,
    and its references, so a wrong one is reported along with the row's other problems."""
    for column, target in REFERENCES[kind]:
        key = reader.parsed.get(column)
        if isinstance(key, str):
            data.loose_references.append(LooseReference(kind, reader.where, column, target, key))
    if kind is Kind.REGIONS and isinstance(code := reader.parsed.get("code"), str):
        data.failed_region_codes.add(code)
    elif kind is Kind.CADRES and isinstance(code := reader.parsed.get("code"), str):
        data.failed_cadre_codes.add(code)
    elif kind is Kind.HOUSEHOLDS and isinstance(number := reader.parsed.get("file_number"), str):
        data.failed_file_numbers.add(number)


def _read_rows(
    table: Table, match: HeaderMatch, ctx: ParseContext, data: ImportSet, problems: ProblemLog
) -> int:
    """Check every non-blank row of ``table``; returns how many there were."""
    spec = match.spec
    count = 0
    for row in table.rows:
        if row.is_blank():
            continue  # spreadsheets leave empty rows at the end; they mean nothing
        count += 1
        where = Where(table.where.file, row.line)
        cells: dict[str, str] = {}
        stray = False
        for position, cell in enumerate(row.cells):
            column = match.positions[position] if position < len(match.positions) else None
            if column is not None:
                cells[column.name] = cell
            elif position >= len(match.positions) or not table.header[position].strip():
                stray = stray or bool(cell.strip())
        if stray:
            problems.add(
                where,
                "这一行在没有表头的列里填了内容（是不是多了一个逗号？）",
                "this row has a value in a column without a header (an extra comma?)",
            )
        reader = RowReader(spec, where, cells, problems)
        record = ROW_PARSERS[spec.kind](reader, ctx)
        if record is None or stray:
            _remember_failed_row(data, spec.kind, reader)
        else:
            _add_record(data, record)
    return count


def _store_error(exc: SQLAlchemyError) -> ImportStoreError:
    # str(exc) would include the statement's parameters: phone numbers, masked IDs.
    detail = str(exc.orig) if isinstance(exc, DBAPIError) else type(exc).__name__
    return ImportStoreError(f"the store failed during the import ({detail}); nothing was written")


def _lock_for_writing(session: Session) -> None:
    """Take SQLite's write lock now, so the rows checked are the rows written.

    The kiosk keeps writing (complaints, verifications) while an import runs; without the
    lock, a payment a resident disputes between the check and the write could be changed.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def import_files(
    session_factory: Callable[[], Session],
    paths: Sequence[Path],
    *,
    id_hash_key: bytes,
    dry_run: bool = False,
    today: date | None = None,
    addresses: AddressCodes | None = None,
) -> ImportReport:
    """Check the CSV files at ``paths`` and, unless refused or ``dry_run``, write them.

    Raises :class:`ImportStoreError` when the store fails; every problem with the input is
    in the returned report instead. ``today`` (default: today in China) bounds dates that
    cannot lie in the future, such as birth dates and payment dates. ``addresses`` are the
    codes ID numbers may start with (default: GB/T 2260).
    """
    if not id_hash_key:
        raise ValueError("id_hash_key must not be empty")
    report = ImportReport(dry_run=dry_run)
    problems = ProblemLog()
    data = ImportSet()
    ctx = ParseContext(
        today=today or shanghai_today(),
        id_hash_key=id_hash_key,
        addresses=gb2260() if addresses is None else addresses,
    )

    readable: list[tuple[Table, HeaderMatch]] = []
    seen: set[Path] = set()
    for path in paths:
        label = str(path)
        if path.resolve() in seen:
            # Read twice, every row would clash with itself as a duplicate.
            problems.add(Where(label), "这个文件给了两次", "this file is given twice")
            continue
        seen.add(path.resolve())
        try:
            table = read_table(path, label)
        except ReadError as exc:
            problems.add(Where(label, exc.line), exc.reason_zh, exc.reason_en)
            report.files.append(FileReport(label, None, None, 0))
            data.complete = False
            continue
        match = match_header(table.header, table.where, problems)
        if match is None or not match.rows_readable:
            kind = None if match is None else match.spec.kind
            report.files.append(FileReport(label, kind, table.encoding, len(table.rows)))
            data.complete = False
            continue
        readable.append((table, match))

    kind_order = list(Kind)
    readable.sort(key=lambda item: kind_order.index(item[1].spec.kind))
    for table, match in readable:
        rows = _read_rows(table, match, ctx, data, problems)
        report.files.append(FileReport(table.where.file, match.spec.kind, table.encoding, rows))
    check_duplicates(data, problems)

    report.references_checked = data.complete
    if data.complete:
        try:
            _check_and_write(session_factory, data, problems, report)
        except SQLAlchemyError as exc:
            raise _store_error(exc) from None
    # Listed by file as given on the command line, then by line: the order a clerk fixes.
    order = {str(path): index for index, path in enumerate(paths)}
    report.files.sort(key=lambda f: order.get(f.label, len(order)))
    report.problems = sorted(
        problems.shown, key=lambda p: (order.get(p.where.file, len(order)), p.where.line or 0)
    )
    report.problem_count = problems.total
    log.info(
        "import of %d file(s): %d problem(s), %s",
        len(paths), problems.total, "written" if report.written else "nothing written",
    )  # fmt: skip
    return report


def _check_and_write(
    session_factory: Callable[[], Session],
    data: ImportSet,
    problems: ProblemLog,
    report: ImportReport,
) -> None:
    """Check references against the store and, if all is well, write in one transaction."""
    writing = not report.dry_run and not problems
    with session_factory() as session:
        if writing:
            _lock_for_writing(session)
        with session.no_autoflush:
            state = load_state(session, data)
            check_references(data, state, problems)
            if problems:
                session.rollback()
                return
            report.counts = Writer(session, state, write=writing).run(data)
        if writing:
            session.commit()
            report.written = True
        else:
            session.rollback()
