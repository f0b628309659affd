"""The complaint outbox: how much waits to be sent, for how long, and what was refused.

Read-only, like the database check: the doctor changes nothing. Not needed to serve
residents (complaints wait safely), but a queue that does not drain means the central
server has not seen them.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.clock import utcnow
from kiosk.services.health.base import CheckResult, Status

#: A complaint older than this and still unsent is worth a clerk's call to the installer.
STALE_AFTER_S = 3600.0


def _parse_stored(value: str) -> datetime:
    # The store keeps UTC without a zone (see kiosk.domain.base.UTCDateTime).
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def check_outbox(path: Path, *, now: datetime | None = None) -> CheckResult:
    """Queue depth, the oldest waiting complaint's age, and how many the server refused."""
    name = "outbox"
    if not path.exists():
        return CheckResult(name, Status.OK, "no store yet, so nothing waits", needed=False)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return CheckResult(
            name, Status.WARNING, "cannot open the store", "see the database check", needed=False
        )
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'complaint_outbox'"
        ).fetchone()
        if not has_table:
            return CheckResult(
                name,
                Status.WARNING,
                "the store has no outbox yet",
                "start the kiosk once so it brings the store up to date",
                needed=False,
            )
        pending, oldest = connection.execute(
            "SELECT count(*), min(created_at) FROM complaint_outbox WHERE state = 'pending'"
        ).fetchone()
        (refused,) = connection.execute(
            "SELECT count(*) FROM complaint_outbox WHERE state = 'refused'"
        ).fetchone()
    except sqlite3.Error as exc:
        return CheckResult(
            name,
            Status.WARNING,
            f"cannot read the outbox ({type(exc).__name__})",
            "see the database check",
            needed=False,
        )
    finally:
        connection.close()
    moment = now or utcnow()
    age_s = (moment - _parse_stored(oldest)).total_seconds() if oldest else 0.0
    finding = f"{pending} complaint(s) waiting to be sent"
    if pending:
        finding += f", the oldest for {age_s / 60:.0f} min"
    finding += f"; {refused} refused by the central server"
    if refused:
        return CheckResult(
            name,
            Status.WARNING,
            finding,
            "a refused complaint is kept on this terminal: report it to the installer",
            needed=False,
        )
    if pending and age_s > STALE_AFTER_S:
        return CheckResult(
            name,
            Status.WARNING,
            finding,
            "check the central check below and the network; `kiosk outbox` shows the queue",
            needed=False,
        )
    return CheckResult(name, Status.OK, finding, needed=False)
