"""What is wrong with the input, said in Chinese and English, and where.

Problems never quote a cell: a shifted column could put an ID number or a phone number in
any cell, and these lines end up on screens and in logs. The line and column say where to
look; that is enough for a clerk with the spreadsheet open.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Problems kept for the report; more are counted but not listed, so that one wrong column
#: in a 10,000-row file does not bury the first screen under identical lines.
MAX_REPORTED = 200


@dataclass(frozen=True)
class Where:
    """A place in the input: the file as named on the command line, and its line.

    ``line`` is the row number a spreadsheet shows (the header row is 1); ``None`` means
    the whole file.
    """

    file: str
    line: int | None = None

    def describe(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def same_file_as(self, other: Where) -> bool:
        return self.file == other.file


@dataclass(frozen=True)
class ImportProblem:
    """One reason the import is refused."""

    where: Where
    #: The column's English name and Chinese label, or None for a file-level problem.
    column: str | None
    column_zh: str | None
    reason_zh: str
    reason_en: str

    def __str__(self) -> str:
        place = self.where.describe()
        column = f" {self.column} ({self.column_zh}):" if self.column else ""
        return f"{place}:{column} {self.reason_zh} / {self.reason_en}"


class CellError(ValueError):
    """A cell value that cannot be accepted, with the reason in both languages."""

    def __init__(self, reason_zh: str, reason_en: str) -> None:
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        super().__init__(reason_en)


class ProblemLog:
    """Collects problems in the order found, keeping the first :data:`MAX_REPORTED`."""

    def __init__(self, limit: int = MAX_REPORTED) -> None:
        self.limit = limit
        self.shown: list[ImportProblem] = []
        self.total = 0

    def add(
        self,
        where: Where,
        reason_zh: str,
        reason_en: str,
        *,
        column: str | None = None,
        column_zh: str | None = None,
    ) -> None:
        self.total += 1
        if len(self.shown) < self.limit:
            self.shown.append(ImportProblem(where, column, column_zh, reason_zh, reason_en))

    def __bool__(self) -> bool:
        return self.total > 0


def earlier_place(first: Where, here: Where) -> tuple[str, str]:
    """How to point from ``here`` back at ``first`` in (Chinese, English)."""
    if first.same_file_as(here):
        return f"第{first.line}行", f"line {first.line}"
    return f"{first.file} 第{first.line}行", f"{first.file} line {first.line}"
