"""Reading one cell: dates, whole numbers, codes, coded values, money, phone numbers.

Each parser takes the cell text (already stripped) and returns the value or raises
:class:`CellError` in both languages. None of them quotes the cell back, see ``problems``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import TypeVar

from kiosk.domain.models import CODE_LENGTH, PovertyCause
from kiosk.domain.money import MoneyError, parse_yuan
from kiosk.services.importer.labels import POVERTY_CAUSE, Choices
from kiosk.services.importer.problems import CellError, cell_error

E = TypeVar("E", bound=StrEnum)

_DATE_FORMS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)
# Excel adds a midnight time to dates it reformatted; the day is what was meant.
_MIDNIGHT = re.compile(r"\s+0{1,2}:00(:00)?$")
# What Excel writes for a long number in a cell not formatted as text: 5.22730E+11.
_SCIENTIFIC = re.compile(r"\d(\.\d+)?e\+?\d+", re.IGNORECASE)
_LIST_SEPARATORS = re.compile(r"[;；、,，]")
_PHONE = re.compile(r"\+?[0-9][0-9\- ]{5,18}[0-9]")
_REGION_CODE_LENGTHS = frozenset(CODE_LENGTH.values())


def normal(text: str) -> str:
    """Full-width digits and letters folded to ASCII, surrounding spaces removed."""
    return unicodedata.normalize("NFKC", text).strip()


def scientific_notation_error(text: str) -> CellError | None:
    """The error for a number Excel turned into 5.2E+17, which has lost its digits."""
    if _SCIENTIFIC.fullmatch(normal(text)):
        return CellError(
            "Excel 把这个号码变成了科学计数法，后几位已经丢失；请把这一列设为“文本”格式，"
            "重新填写后再导出",
            "Excel turned this number into scientific notation and lost its last digits; "
            "format the column as Text, re-enter it and export again",
        )
    return None


def parse_text(text: str, max_len: int) -> str:
    """Free text such as a name or an address, within the column's length."""
    value = " ".join(text.split())
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise CellError("含有不可见的控制字符", "contains invisible control characters")
    if len(value) > max_len:
        raise CellError(f"太长了，最多 {max_len} 个字", f"too long: at most {max_len} characters")
    return value


def parse_key(text: str, max_len: int) -> str:
    """A code or number that identifies a row (file number, staff number, reference)."""
    error = scientific_notation_error(text)
    if error is not None:
        raise error
    value = normal(text)
    if any(c.isspace() or unicodedata.category(c) == "Cc" for c in value):
        raise CellError("编号中不能有空格", "a code cannot contain spaces")
    if len(value) > max_len:
        raise CellError(f"太长了，最多 {max_len} 个字符", f"too long: at most {max_len} characters")
    return value


def parse_date(text: str, *, not_after: date | None = None) -> date:
    """2014-07-03, 2014/7/3, 2014.7.3, 20140703 or 2014年7月3日; optionally not in the future."""
    value = _MIDNIGHT.sub("", normal(text))
    for form in _DATE_FORMS:
        match = form.fullmatch(value)
        if match is None:
            continue
        year, month, day = (int(part) for part in match.groups())
        try:
            result = date(year, month, day)
        except ValueError:
            raise CellError("没有这一天", "there is no such day") from None
        if result.year < 1880:
            raise CellError("年份太早了", "the year is too early")
        if not_after is not None and result > not_after:
            raise CellError("日期不能晚于今天", "the date cannot be later than today")
        return result
    raise CellError(
        "日期格式不对，应写成 2014-07-03、2014/7/3 或 20140703",
        "not a date; write it as 2014-07-03, 2014/7/3 or 20140703",
    )


def parse_whole(text: str, *, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``; "12.0" is twelve, "12.5" is refused."""
    value = normal(text)
    match = re.fullmatch(r"(\d{1,9})(\.0*)?", value)
    if match is None:
        raise CellError("应为整数", "must be a whole number")
    number = int(match.group(1))
    if not low <= number <= high:
        raise CellError(f"应在 {low} 到 {high} 之间", f"must be from {low} to {high}")
    return number


def parse_choice(text: str, choices: Choices[E]) -> E:
    """A coded value written as its English code or one of its Chinese labels."""
    found = choices.find(text)
    if found is None:
        raise CellError(
            f"应为以下之一：{choices.accepted_zh()}", f"must be one of: {choices.accepted_en()}"
        )
    return found


def parse_causes(text: str) -> list[PovertyCause]:
    """Causes of poverty separated by ; (or ；、，), the main cause first, none twice."""
    causes: list[PovertyCause] = []
    for part in _LIST_SEPARATORS.split(text):
        if not part.strip():
            continue
        cause = parse_choice(part, POVERTY_CAUSE)
        if cause in causes:
            raise CellError("同一个致贫原因写了两次", "the same cause is listed twice")
        causes.append(cause)
    return causes


def parse_region_code(text: str, *, lengths: frozenset[int] = _REGION_CODE_LENGTHS) -> str:
    """A statistical division code: digits only, of one of the allowed lengths."""
    error = scientific_notation_error(text)
    if error is not None:
        raise error
    value = normal(text)
    if not value.isascii() or not value.isdigit() or len(value) not in lengths:
        wanted = "或".join(str(n) for n in sorted(lengths))
        wanted_en = " or ".join(str(n) for n in sorted(lengths))
        raise CellError(f"区划代码应为 {wanted} 位数字", f"a division code has {wanted_en} digits")
    return value


def parse_amount(text: str) -> int:
    """An amount of yuan as written ("8000.00", "8,000", "¥8000") in fen, above zero."""
    try:
        fen = parse_yuan(text)
    except MoneyError as exc:
        raise cell_error(exc) from None
    if fen <= 0:
        raise CellError("金额必须大于 0", "the amount must be above zero")
    return fen


def parse_phone(text: str) -> str:
    """A phone number a resident can dial: digits, optional area-code hyphen and spaces."""
    value = normal(text)
    if not _PHONE.fullmatch(value):
        raise CellError(
            "电话号码格式不对，应为 11 位手机号或带区号的座机号，例如 0854-1234567",
            "not a phone number; write a mobile number or a landline with its area code",
        )
    digits = sum(c.isdigit() for c in value)
    if not 7 <= digits <= 15 or len(value) > 20:
        raise CellError("电话号码位数不对", "a phone number has between 7 and 15 digits")
    return value
