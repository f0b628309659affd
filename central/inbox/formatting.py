"""How times, money and tracking numbers look on the inbox pages: Beijing time, yuan with
two decimals, tracking numbers in groups of four as the kiosk and the receipt show them."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.domain.clock import SHANGHAI
from kiosk.domain.money import format_fen
from kiosk.domain.tracking import grouped


def local_datetime(value: datetime | None) -> str:
    """``2026-11-29 16:15`` in Asia/Shanghai; times are stored in UTC."""
    if value is None:
        return ""
    return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def local_date(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(SHANGHAI).date()
    return value.isoformat()


def money(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen)


def iso_local(value: datetime | None) -> str:
    """Machine-readable form for ``<time datetime=...>``."""
    return "" if value is None else value.astimezone(SHANGHAI).isoformat(timespec="minutes")


def tracking(number: str | None) -> str:
    """``1309 3171 0334``: the tracking number as the complainant has it written down."""
    return "" if not number else grouped(number)


#: What an inspector may type between the digits of a tracking number.
_SEPARATORS = dict.fromkeys(map(ord, " \t\u3000-"), None)


def tracking_digits(typed: str) -> str | None:
    """The digits of a tracking number typed into the search box, with or without spaces
    ("1309 3171 0334", "130931710334", "0334"); None when it holds anything but digits."""
    digits = typed.translate(_SEPARATORS)
    return digits if digits.isascii() and digits.isdigit() else None
