"""Money as an integer number of fen (1 yuan = 100 fen).

Floats cannot hold 0.10 exactly, and a ledger that drifts by a fen is a ledger nobody can
check, so amounts are ints everywhere and text is turned into fen with string arithmetic.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Literal

from kiosk.domain.problems import Reason, Refused

FEN_PER_YUAN = 100
MAX_FEN = 100_000_000_000
"""The largest amount accepted from text: 1,000,000,000 yuan, far above any real payment,
so a value beyond it is a typo or a corrupt import rather than money."""

_MINUS_SIGNS = "-−"  # ASCII hyphen-minus and U+2212 MINUS SIGN
_AMOUNT_CHARS = re.compile(r"[0-9.,]*", re.ASCII)
_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+", re.ASCII)


class MoneyProblem(StrEnum):
    """Why a text is not an amount; lets a screen pick its own wording."""

    EMPTY = "money.empty"
    CHARACTERS = "money.characters"
    FORMAT = "money.format"
    DECIMALS = "money.decimals"
    COMMAS = "money.commas"
    NEGATIVE = "money.negative"
    TOO_LARGE = "money.too_large"


class MoneyError(Refused):
    """A text that is not an amount; ``problem`` says why (a screen words it)."""

    def __init__(self, problem: MoneyProblem) -> None:
        values = (
            {"limit_yuan": f"{MAX_FEN // FEN_PER_YUAN:,}"}
            if problem is MoneyProblem.TOO_LARGE
            else {}
        )
        super().__init__(Reason.of(problem, **values))
        self.problem = problem


def _require_int(value: object, what: str) -> int:
    # bool is an int subclass; True yuan is always a bug, never an amount.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def yuan(n: int) -> int:
    """Whole yuan to fen, so tests and demo data can say ``yuan(8000)``."""
    return _require_int(n, "yuan") * FEN_PER_YUAN


def format_fen(fen: int, style: Literal["symbol", "yuan"] = "symbol") -> str:
    """Show fen as yuan with exactly two decimals.

    ``"symbol"`` gives "¥8,000.00" for screens and receipts; ``"yuan"`` gives "8000.00元",
    the form residents write by hand. Both parse back with :func:`parse_yuan`.
    """
    _require_int(fen, "fen")
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    if style == "symbol":
        return f"{sign}¥{whole:,}.{cents:02d}"
    if style == "yuan":
        return f"{sign}{whole}.{cents:02d}元"
    raise ValueError(f"unknown money style {style!r}")


def parse_yuan(text: str) -> int:
    """Read an amount of yuan as a person or a CSV writes it, and return fen.

    Accepts "8000", "8,000", "8000.5", "8000.50", "¥8,000.00", "8000元", full-width digits
    and surrounding spaces. Refuses, with :class:`MoneyError`, anything it would have to guess
    at: more than two decimals, misplaced commas, letters, negatives, absurd sizes.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    # NFKC turns full-width digits, "，", "．" and "￥" into their ASCII/Latin-1 forms.
    s = unicodedata.normalize("NFKC", text).strip()
    negative = False
    if s[:1] and s[0] in _MINUS_SIGNS:
        negative, s = True, s[1:].lstrip()
    if s.startswith("¥"):
        s = s[1:].lstrip()
    if s[:1] and s[0] in _MINUS_SIGNS:
        negative, s = True, s[1:].lstrip()
    if s.endswith("元"):
        s = s[:-1].rstrip()
    if not s:
        raise MoneyError(MoneyProblem.EMPTY)
    if not _AMOUNT_CHARS.fullmatch(s):
        raise MoneyError(MoneyProblem.CHARACTERS)

    whole, point, cents = s.partition(".")
    if "." in cents or not whole or (point and not cents):
        raise MoneyError(MoneyProblem.FORMAT)
    if "," in cents or ("," in whole and not _GROUPED.fullmatch(whole)):
        raise MoneyError(MoneyProblem.COMMAS)
    if len(cents) > 2:
        raise MoneyError(MoneyProblem.DECIMALS)
    if negative:
        raise MoneyError(MoneyProblem.NEGATIVE)

    digits = whole.replace(",", "").lstrip("0") or "0"
    # Checked on the string first so a pasted run of digits never becomes a huge int.
    if len(digits) > len(str(MAX_FEN // FEN_PER_YUAN)):
        raise MoneyError(MoneyProblem.TOO_LARGE)
    fen = int(digits) * FEN_PER_YUAN + int(cents.ljust(2, "0"))
    if fen > MAX_FEN:
        raise MoneyError(MoneyProblem.TOO_LARGE)
    return fen
