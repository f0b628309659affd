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


#: The import report's words for the domain's refusals a cell can meet, as docs/import-format.md
#: shows them (the screens word the same codes for residents, through Qt Linguist).
_DOMAIN_WORDS: dict[StrEnum, tuple[str, str]] = {
    MoneyProblem.EMPTY: ("请输入金额", "Please enter an amount"),
    MoneyProblem.CHARACTERS: (
        "金额只能包含数字、小数点和千位逗号",
        "An amount may contain only digits, a decimal point and thousands commas",
    ),
    MoneyProblem.FORMAT: (
        "金额格式不对，例如应写成 8000 或 8000.50",
        "This is not an amount; write it like 8000 or 8000.50",
    ),
    MoneyProblem.DECIMALS: (
        "金额最多精确到分，小数点后最多两位",
        "An amount has at most two digits after the decimal point (fen)",
    ),
    MoneyProblem.COMMAS: ("千位分隔逗号的位置不对", "The thousands commas are in the wrong place"),
    MoneyProblem.NEGATIVE: ("金额不能是负数", "An amount cannot be negative"),
    MoneyProblem.TOO_LARGE: (
        "金额超出上限（{limit_yuan}元）",
        "The amount is above the limit of {limit_yuan} yuan",
    ),
    IdWhy.EMPTY: ("请输入身份证号码", "Please enter your ID number"),
    IdWhy.LENGTH: (
        "身份证号码应为18位，您输入了{count}位",
        "An ID number has 18 characters; you entered {count}",
    ),
    IdWhy.NOT_A_DIGIT: ("第{position}位应该是数字", "Character {position} should be a digit"),
    IdWhy.MISPLACED_X: ("X只能是最后一位", "X can only be the last character"),
    IdWhy.BAD_LAST_CHARACTER: (
        "最后一位应该是数字或X",
        "The last character should be a digit or X",
    ),
    IdWhy.PROVINCE: (
        "前两位不是有效的省份代码，请核对号码",
        "The first two digits are not a province code; please check the number",
    ),
    IdWhy.AREA: (
        "前六位是地区代码，没有这样开头的地区代码，请核对号码",
        "The first six digits are the area code; no area code starts like this, "
        "please check the number",
    ),
    IdWhy.BIRTH_DATE: (
        "第7到14位是出生日期（年月日），这不是一个可能的日期，请核对号码",
        "Characters 7 to 14 are the birth date; this is not a possible date, "
        "please check the number",
    ),
    IdWhy.CHECK_DIGIT: (
        "最后一位校验码不对，请核对号码",
        "The last character (the check digit) does not match; please check the number",
    ),
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
