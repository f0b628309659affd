"""Finding a complaint by tracking number and secret, with guessing throttled.

An unknown tracking number and a wrong secret get the same 404 after the same work (the
secret's digest is made for an unknown number too), and both count as a wrong attempt, so
neither the answer nor its timing tells whether a number exists. The one exception is a
complaint whose secret still has the oldest, pre-pepper hash: a wrong secret for it costs
that slower argon2 run, until its holder's next right answer replaces it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.lifecycle import can_appeal
from central.models import StatusAttempt
from central.passwords import burn_secret_verification, check_secret
from central.public_notes import public_history
from central.timefmt import iso_utc
from kiosk.domain.models import Complaint

MAX_WRONG = 5
WINDOW = timedelta(minutes=15)


def not_found() -> ApiError:
    return ApiError(404, "not_found", message="wrong_tracking_or_secret")


def find_by_secret(
    session: Session, tracking_number: str, secret: str, now: datetime, *, pepper: bytes
) -> Complaint:
    """The complaint, or ApiError 404 (wrong pair) / 429 (too many wrong secrets).

    ``pepper`` is the key of the secrets' hashes (``Settings.secret_pepper``). A right
    secret under an old-format hash is rehashed and committed here.
    """
    since = now - WINDOW
    attempts = select(func.count(), func.min(StatusAttempt.at)).where(
        StatusAttempt.tracking_number == tracking_number, StatusAttempt.at > since
    )
    count, oldest = session.execute(attempts).one()
    if count >= MAX_WRONG:
        wait = max(1, int((oldest + WINDOW - now).total_seconds()) + 1)
        raise ApiError(
            429,
            "too_many_attempts",
            values={"minutes": int(WINDOW.total_seconds()) // 60},
            headers={"Retry-After": str(wait)},
        )
    complaint = session.scalars(
        select(Complaint).where(Complaint.tracking_number == tracking_number)
    ).one_or_none()
    if complaint is None:
        burn_secret_verification(tracking_number, secret, pepper)
    else:
        check = check_secret(complaint.secret_hash, tracking_number, secret, pepper)
        if check.matches:
            if check.new_hash is not None:
                complaint.secret_hash = check.new_hash
                session.commit()
            return complaint
    session.execute(
        delete(StatusAttempt).where(
            StatusAttempt.tracking_number == tracking_number, StatusAttempt.at <= since
        )
    )
    session.add(StatusAttempt(tracking_number=tracking_number, at=now))
    session.commit()
    raise not_found()


def status_document(complaint: Complaint, now: datetime, window_days: int) -> dict[str, Any]:
    """What the holder of the receipt may see: public lines and notes only, never the text
    or phone (``central.public_notes``)."""
    office = complaint.office
    return {
        "tracking_number": complaint.tracking_number,
        "category": complaint.category.value,
        "status": complaint.status.value,
        "outcome": complaint.outcome.value if complaint.outcome else None,
        "office": {"code": office.code, "name": office.name} if office else None,
        "received_at": iso_utc(complaint.created_at),
        "due_at": iso_utc(complaint.due_at),
        "can_appeal": can_appeal(complaint, now, window_days),
        "events": public_history(complaint),
    }
