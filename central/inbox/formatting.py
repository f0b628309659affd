"""How times and money look on the inbox pages: Beijing time, yuan with two decimals."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.domain.money import format_fen

SHANGHAI = ZoneInfo("Asia/Shanghai")


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
