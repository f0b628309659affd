"""The two clocks the system reads: UTC for what is stored, China Standard Time for what is
shown and for calendar dates.

Times are stored and sent in UTC; a resident, an inspector and an ID card's birth date live
in Asia/Shanghai, whatever time zone the machine itself is set to. Every part of the kiosk
and of the central server reads the time through this module, so there is one zone and one
clock to change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def utcnow() -> datetime:
    """The current time, aware, in UTC: the form every stored time takes."""
    return datetime.now(UTC)


def shanghai_now() -> datetime:
    """The current time, aware, in China Standard Time, whatever the machine's zone is."""
    return datetime.now(SHANGHAI)


def shanghai_today() -> date:
    """Today's date in China."""
    return shanghai_now().date()
