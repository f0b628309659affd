"""Chinese resident ID numbers (GB 11643-1999): parsing, masking and keyed lookup hashes.

A full ID number must never reach a log, a URL, a screenshot or a printed record. So the
value type shows only its masked form, and no error raised here ever quotes the number:
messages speak of counts and positions, never of digits the resident typed.

The first six digits are checked against the GB/T 2260 address codes, withdrawn ones
included (:mod:`kiosk.domain.address_codes`); which table a check uses is the caller's to
give, so that only a demo terminal accepts the demo's unissued code.
"""

from __future__ import annotations

import hashlib
import hmac
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from kiosk.domain.address_codes import AddressCodes, gb2260
from kiosk.domain.clock import shanghai_today
from kiosk.domain.problems import Reason, Refused

ID_LENGTH = 18
EARLIEST_BIRTH = date(1880, 1, 1)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_DIGITS = frozenset("0123456789")

PROVINCE_CODES: frozenset[str] = frozenset(
    f"{code:02d}"
    for low, high in (
        (11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 82)
    )
    for code in range(low, high + 1)
)  # fmt: skip
"""Province-level codes that can start an ID number: mainland provinces, Taiwan, HK, Macao.

The form check of :class:`IdNumber` and :func:`make_id_number`, which know no table; the
full check asks the GB/T 2260 table, whose provinces are these.
"""

# Full-width forms (U+FF01-U+FF5E) are ASCII moved up by this much; U+3000 is the
# full-width space. Only these are folded: NFKC would also read circled, superscript and
# other look-alike digits (⑤, ⁸) as digits, which no one types for an ID number and which
# would let a pasted or scanned oddity pass as a number.
_FULL_WIDTH_OFFSET = 0xFEE0
_FOLD_FULL_WIDTH = {code: code - _FULL_WIDTH_OFFSET for code in range(0xFF01, 0xFF5F)} | {
    0x3000: ord(" ")
}

_MASK = "*" * 10


class IdProblem(StrEnum):
    """What is wrong with an ID number, in the order the checks run."""

    EMPTY = "empty"
    LENGTH = "length"
    CHARACTERS = "characters"
    REGION = "region"
    BIRTH_DATE = "birth_date"
    CHECK_DIGIT = "check_digit"


class IdWhy(StrEnum):
    """The exact words' code of an :class:`IdNumberError`, finer than :class:`IdProblem`.

    Values: ``count`` for LENGTH, ``position`` (1-based) for NOT_A_DIGIT; never a digit.
    """

    EMPTY = "id.empty"
    LENGTH = "id.length"
    NOT_A_DIGIT = "id.not_a_digit"
    MISPLACED_X = "id.misplaced_x"
    BAD_LAST_CHARACTER = "id.bad_last_character"
    PROVINCE = "id.province"
    AREA = "id.area"
    BIRTH_DATE = "id.birth_date"
    CHECK_DIGIT = "id.check_digit"


_PROBLEM_OF = {
    IdWhy.EMPTY: IdProblem.EMPTY,
    IdWhy.LENGTH: IdProblem.LENGTH,
    IdWhy.NOT_A_DIGIT: IdProblem.CHARACTERS,
    IdWhy.MISPLACED_X: IdProblem.CHARACTERS,
    IdWhy.BAD_LAST_CHARACTER: IdProblem.CHARACTERS,
    IdWhy.PROVINCE: IdProblem.REGION,
    IdWhy.AREA: IdProblem.REGION,
    IdWhy.BIRTH_DATE: IdProblem.BIRTH_DATE,
    IdWhy.CHECK_DIGIT: IdProblem.CHECK_DIGIT,
}


class IdNumberError(Refused):
    """An ID number that cannot be right, explained without repeating any of its digits:
    ``problem`` is which check failed, ``reason`` the code of the words a screen shows."""

    def __init__(self, why: IdWhy, **values: int) -> None:
        super().__init__(Reason.of(why, **values))
        self.problem = _PROBLEM_OF[why]


def _empty() -> IdNumberError:
    return IdNumberError(IdWhy.EMPTY)


def _wrong_length(count: int) -> IdNumberError:
    return IdNumberError(IdWhy.LENGTH, count=count)


def _not_a_digit(position: int) -> IdNumberError:
    return IdNumberError(IdWhy.NOT_A_DIGIT, position=position)


def _misplaced_x() -> IdNumberError:
    return IdNumberError(IdWhy.MISPLACED_X)


def _bad_last_character() -> IdNumberError:
    return IdNumberError(IdWhy.BAD_LAST_CHARACTER)


def _bad_province() -> IdNumberError:
    return IdNumberError(IdWhy.PROVINCE)


def _unknown_region() -> IdNumberError:
    return IdNumberError(IdWhy.AREA)


def _bad_birth_date() -> IdNumberError:
    return IdNumberError(IdWhy.BIRTH_DATE)


def _bad_check_digit() -> IdNumberError:
    return IdNumberError(IdWhy.CHECK_DIGIT)


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character ("0"-"9" or "X") for the first 17 digits."""
    if len(first17) != ID_LENGTH - 1 or not set(first17) <= _DIGITS:
        raise ValueError("check_character needs exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _normalise(raw: str) -> str:
    """What the resident meant: full-width forms folded, spaces gone, x as X."""
    if not isinstance(raw, str):
        raise TypeError(f"an ID number must be given as str, not {type(raw).__name__}")
    folded = raw.translate(_FOLD_FULL_WIDTH)
    return "".join(folded.split()).replace("x", "X")


def _birth_date(value: str) -> date | None:
    """The date in positions 7-14, or None when those digits are not a calendar date."""
    try:
        return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return None


def _find_problem(
    value: str,
    *,
    today: date | None,
    addresses: AddressCodes | None,
) -> IdNumberError | None:
    """Every check in order on a normalised value.

    ``today=None`` skips only the future check; ``addresses=None`` checks the province
    only (the form check of a value built from checked parts).
    """
    if not value:
        return _empty()
    if len(value) != ID_LENGTH:
        return _wrong_length(len(value))
    for position, char in enumerate(value[:-1], start=1):
        if char not in _DIGITS:
            return _misplaced_x() if char == "X" else _not_a_digit(position)
    if value[-1] not in _DIGITS and value[-1] != "X":
        return _bad_last_character()
    if value[:2] not in PROVINCE_CODES:
        return _bad_province()
    if addresses is not None and value[:6] not in addresses:
        return _unknown_region()
    born = _birth_date(value)
    if born is None or born < EARLIEST_BIRTH or (today is not None and born > today):
        return _bad_birth_date()
    if check_character(value[:-1]) != value[-1]:
        return _bad_check_digit()
    return None


@dataclass(frozen=True, repr=False)
class IdNumber:
    """A valid ID number that shows itself only masked.

    ``str()``, ``repr()`` and f-strings give the masked form, so an ``IdNumber`` that slips
    into a log line or an exception leaks nothing; :meth:`reveal` is the one explicit way
    to the full number. Build one with :func:`parse_id_number`.
    """

    _value: str

    def __post_init__(self) -> None:
        # Refuse a hand-built IdNumber that is not an ID number in form. The address table
        # is not asked: which one applies is the terminal's to say, at parse_id_number.
        problem = _find_problem(self._value, today=None, addresses=None)
        if problem is not None:
            raise problem

    @property
    def region_code(self) -> str:
        """The 6-digit division code where the number was first issued."""
        return self._value[:6]

    @property
    def birth_date(self) -> date:
        born = _birth_date(self._value)
        assert born is not None  # guaranteed by __post_init__
        return born

    @property
    def sex(self) -> Literal["male", "female"]:
        """From the 17th digit: odd for men, even for women."""
        return "male" if int(self._value[16]) % 2 else "female"

    @property
    def masked(self) -> str:
        return mask_id_number(self)

    def reveal(self) -> str:
        """The full number. Call it only where the full number is truly needed."""
        return self._value

    def __repr__(self) -> str:
        return self.masked

    def __str__(self) -> str:
        return self.masked


def parse_id_number(
    raw: str,
    *,
    today: date | None = None,
    addresses: AddressCodes | None = None,
) -> IdNumber:
    """Check a typed or read ID number and return it, or raise :class:`IdNumberError`.

    Spaces are ignored, and lower-case x and full-width characters are accepted, because
    that is how people type. Checks run in the order of :class:`IdProblem`. ``today``
    defaults to today's date in China; ``addresses`` to every GB/T 2260 code ever issued
    (a demo terminal passes :func:`~kiosk.domain.address_codes.demo_address_codes`).
    """
    value = _normalise(raw)
    problem = _find_problem(
        value,
        today=shanghai_today() if today is None else today,
        addresses=gb2260() if addresses is None else addresses,
    )
    if problem is not None:
        raise problem
    return IdNumber(value)


def _birth_prefix_possible(prefix: str, today: date) -> bool:
    """Whether some birth date in [1880-01-01, today] starts with these YYYYMMDD digits."""
    if len(prefix) <= 4:
        return any(
            str(year).startswith(prefix) for year in range(EARLIEST_BIRTH.year, today.year + 1)
        )
    year = int(prefix[:4])
    if not EARLIEST_BIRTH.year <= year <= today.year:
        return False
    # Only the months, then the days, that the digits typed so far allow: a few dozen
    # checks at most, since this runs at every key press.
    month_digits, day_digits = prefix[4:6], prefix[6:8]
    for month in range(1, 13):
        if not f"{month:02d}".startswith(month_digits):
            continue
        for day in range(1, monthrange(year, month)[1] + 1):
            if f"{day:02d}".startswith(day_digits) and date(year, month, day) <= today:
                return True
    return False


def partial_problem(
    typed: str,
    *,
    today: date | None = None,
    addresses: AddressCodes | None = None,
) -> IdNumberError | None:
    """What is already certainly wrong with a number still being typed, else None.

    Lets a keypad warn at the first wrong key instead of after all 18. Only reports what
    no further typing can fix: a non-digit among the first 17, an X before the end, an
    impossible province, first digits that begin no address code (from the third digit
    on), an impossible birth year, month or day. At 18 characters it runs the full check;
    beyond 18 it reports the length. ``today`` and ``addresses`` as for
    :func:`parse_id_number`.
    """
    value = _normalise(typed)
    when = shanghai_today() if today is None else today
    table = gb2260() if addresses is None else addresses
    if len(value) >= ID_LENGTH:
        return _find_problem(value, today=when, addresses=table)
    for position, char in enumerate(value, start=1):
        if char not in _DIGITS:
            return _misplaced_x() if char == "X" else _not_a_digit(position)
    if value and not any(code.startswith(value[:2]) for code in PROVINCE_CODES):
        return _bad_province()
    if len(value) > 2 and not table.could_begin(value[:6]):
        return _unknown_region()
    if len(value) > 6 and not _birth_prefix_possible(value[6:14], when):
        return _bad_birth_date()
    return None


def mask_id_number(value: str | IdNumber) -> str:
    """First 4 and last 4 characters with 10 asterisks between: "5227**********001X".

    Four digits name only a prefecture and the last four do not identify anyone on their
    own, which is what residents are used to seeing on bank and railway slips. A str is
    masked as long as it has 18 characters, even if it fails other checks, so that masking
    can never be the reason a bad legacy number gets shown in full.
    """
    text = value.reveal() if isinstance(value, IdNumber) else _normalise(value)
    if len(text) != ID_LENGTH:
        raise _wrong_length(len(text)) if text else _empty()
    return f"{text[:4]}{_MASK}{text[-4:]}"


def id_lookup_hash(id_number: IdNumber, key: bytes) -> str:
    """A keyed HMAC-SHA256 of the number (64 hex characters) to find a person by ID.

    The key is the deployment secret and must be kept out of the database. An unkeyed hash
    would protect nothing: there are only about 10^11 plausible numbers (a few thousand
    regions, some 45,000 birth dates, 1,000 sequences; the check digit adds nothing), so
    anyone holding the table could hash them all in minutes on one graphics card.
    """
    if not key:
        raise ValueError("the lookup key must not be empty")
    return hmac.new(key, id_number.reveal().encode("ascii"), hashlib.sha256).hexdigest()


def make_id_number(region_code: str, birth: date, sequence: int) -> str:
    """A valid number for demo data and tests; an odd ``sequence`` makes a man."""
    if len(region_code) != 6 or not set(region_code) <= _DIGITS:
        raise ValueError("region_code must be 6 ASCII digits")
    if region_code[:2] not in PROVINCE_CODES:
        raise ValueError("region_code must start with a province code")
    if birth < EARLIEST_BIRTH:
        raise ValueError("birth must be on or after 1880-01-01")
    if isinstance(sequence, bool) or not isinstance(sequence, int) or not 0 <= sequence <= 999:
        raise ValueError("sequence must be an int from 0 to 999")
    first17 = f"{region_code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    return first17 + check_character(first17)


def new_id_number(region_code: str, birth: date, sequence: int) -> IdNumber:
    """:func:`make_id_number` as an :class:`IdNumber`, for demo data at scale.

    The number is built from checked parts with its check character computed, so running
    every check of :func:`parse_id_number` on it again would only cost time (a tenth of
    generating a million members).
    """
    number = object.__new__(IdNumber)
    object.__setattr__(number, "_value", make_id_number(region_code, birth, sequence))
    return number
