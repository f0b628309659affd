"""What is wrong with the input, said in Chinese and English, and where.

Problems never quote a cell: a shifted column could put an ID number or a phone number in
any cell, and these lines end up on screens and in logs. The line and column say where to
look; that is enough for a clerk with the spreadsheet open.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.idnumber import IdWhy
from kiosk.domain.money import MoneyProblem
from kiosk.domain.problems import Refused

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


#: The import report's words for the domain's refusals a cell can meet, in a clerk's terms
#: (the screens word the same codes for residents, through Qt Linguist).
_DOMAIN_WORDS: dict[StrEnum, tuple[str, str]] = {
    MoneyProblem.EMPTY: ("金额为空", "the amount is empty"),
    MoneyProblem.CHARACTERS: (
        "金额只能包含数字、小数点和千位逗号",
        "an amount may contain only digits, a decimal point and thousands commas",
    ),
    MoneyProblem.FORMAT: (
        "金额格式不对，例如应写成 8000 或 8000.50",
        "not an amount; write it like 8000 or 8000.50",
    ),
    MoneyProblem.DECIMALS: (
        "金额最多精确到分，小数点后最多两位",
        "an amount has at most two digits after the decimal point (fen)",
    ),
    MoneyProblem.COMMAS: ("千位分隔逗号的位置不对", "the thousands commas are in the wrong place"),
    MoneyProblem.NEGATIVE: ("金额不能是负数", "an amount cannot be negative"),
    MoneyProblem.TOO_LARGE: (
        "金额超出上限（{limit_yuan}元）",
        "the amount is above the limit of {limit_yuan} yuan",
    ),
    IdWhy.EMPTY: ("身份证号码为空", "the ID number is empty"),
    IdWhy.LENGTH: (
        "身份证号码应为18位，此处为{count}位",
        "an ID number has 18 characters; this one has {count}",
    ),
    IdWhy.NOT_A_DIGIT: (
        "身份证号码第{position}位应该是数字",
        "character {position} should be a digit",
    ),
    IdWhy.MISPLACED_X: ("X只能是身份证号码的最后一位", "X can only be the last character"),
    IdWhy.BAD_LAST_CHARACTER: (
        "身份证号码最后一位应该是数字或X",
        "the last character should be a digit or X",
    ),
    IdWhy.PROVINCE: (
        "身份证号码前两位不是有效的省份代码",
        "the first two digits are not a province code",
    ),
    IdWhy.AREA: ("身份证号码前六位不是有效的地区代码", "the first six digits are not an area code"),
    IdWhy.BIRTH_DATE: (
        "身份证号码第7到14位不是可能的出生日期",
        "characters 7 to 14 are not a possible birth date",
    ),
    IdWhy.CHECK_DIGIT: ("身份证号码校验码不对", "the check digit does not match"),
}


def cell_error(refused: Refused) -> CellError:
    """A domain refusal (an amount, an ID number) as a cell's problem in the report."""
    zh, en = _DOMAIN_WORDS[refused.code]
    values = refused.reason.as_dict()
    return CellError(zh.format(**values), en.format(**values))


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
