"""Looking up a complaint's status with the tracking number and secret from the receipt.

A complaint still waiting in this kiosk's outbox is answered from the local store ("filed,
waiting to be sent"), after checking the secret against the local hash; every other one is
asked of the central server. Failures are :class:`StatusProblem` exceptions with codes.

Guessing a local complaint's secret is throttled here as the server throttles its own: after
:data:`MAX_WRONG_SECRETS` wrong secrets for one tracking number within the cool-down, even
the right one is refused until the oldest of them is older than the cool-down. The wrong
attempts are rows of the store (``LocalStatusAttempt``: tracking number and time, never what
was typed), so restarting the kiosk does not reset them; rows older than the cool-down are
deleted whenever a wrong attempt is written.

The history comes as public lines with codes and values (``kiosk.domain.notes``), not as
text: the status view words each line in the resident's language when it shows it, and
again when they switch language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kiosk.domain import problems, tracking
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, LocalStatusAttempt, OutboxMessage, OutboxState
from kiosk.domain.notes import NoteCode, note_code
from kiosk.services.complaints.client import (
    CentralClient,
    CentralError,
    Refused,
    parse_time,
)
from kiosk.services.complaints.secret_hash import secret_matches


class StatusWhy(StrEnum):
    """Why no status can be shown (the same NOT_FOUND for a wrong number or secret)."""

    NOT_FOUND = "status.not_found"
    UNAVAILABLE = "status.unavailable"
    #: Value ``minutes``: how long to wait.
    TOO_MANY_ATTEMPTS = "status.too_many_attempts"


#: How long a tracking number waits after too many wrong secrets, here as on the server
#: (``central/api/lookup.py``, which the kiosk does not import: the contract says 15 minutes).
COOL_DOWN_MINUTES = 15
#: Wrong secrets for one tracking number within the cool-down before every answer is refused.
MAX_WRONG_SECRETS = 5
_WINDOW = timedelta(minutes=COOL_DOWN_MINUTES)


class StatusProblem(problems.Refused):
    """Why no status can be shown; ``reason`` holds the code a screen words."""

    why: ClassVar[StatusWhy]

    def __init__(self) -> None:
        values = {"minutes": COOL_DOWN_MINUTES} if self.why is StatusWhy.TOO_MANY_ATTEMPTS else {}
        super().__init__(problems.Reason.of(self.why, **values))


class StatusNotFound(StatusProblem):
    """No complaint has this tracking number and secret (the same for either being wrong)."""

    why = StatusWhy.NOT_FOUND


class StatusUnavailable(StatusProblem):
    """The central server cannot be reached now."""

    why = StatusWhy.UNAVAILABLE


class TooManyAttempts(StatusProblem):
    """Too many wrong secrets for this tracking number: wait for the cool-down."""

    why = StatusWhy.TOO_MANY_ATTEMPTS


@dataclass(frozen=True)
class StatusEvent:
    """One public step in the complaint's history.

    ``code`` says what happened (None: a code this kiosk does not know, or an old note
    that is only words); ``values`` fill it in (the office's name, the outcome); ``text`` is
    what an inspector wrote for the complainant, as they wrote it."""

    at: datetime
    status: str
    code: NoteCode | None = None
    values: Mapping[str, str] = field(default_factory=dict)
    text: str = ""


@dataclass(frozen=True)
class ComplaintStatusView:
    """What the status screen shows; ``waiting_to_send`` when it is still on this kiosk."""

    tracking_number: str
    category: str
    status: str
    outcome: str | None
    office_name: str
    received_at: datetime | None
    due_at: datetime | None
    can_appeal: bool
    events: tuple[StatusEvent, ...]
    waiting_to_send: bool


def _throttled(session: Session, tracking_number: str, now: datetime) -> bool:
    """Whether this tracking number had too many wrong secrets within the cool-down."""
    wrong = session.scalar(
        select(func.count()).where(
            LocalStatusAttempt.tracking_number == tracking_number,
            LocalStatusAttempt.at > now - _WINDOW,
        )
    )
    return (wrong or 0) >= MAX_WRONG_SECRETS


def _record_wrong_secret(
    sessions: sessionmaker[Session], tracking_number: str, now: datetime
) -> None:
    """Count one wrong secret for ``tracking_number``, and forget those past the cool-down."""
    with sessions.begin() as session:
        session.execute(delete(LocalStatusAttempt).where(LocalStatusAttempt.at <= now - _WINDOW))
        session.add(LocalStatusAttempt(tracking_number=tracking_number, at=now))


def _local_view(
    sessions: sessionmaker[Session], tracking_number: str, secret: str, now: datetime
) -> ComplaintStatusView | None:
    """The view of a complaint that never left this kiosk, or None to ask the server.

    A wrong secret for such a complaint is "not found", as the server would answer, and is
    counted; too many of them and it is :class:`TooManyAttempts`, whatever the secret."""
    with sessions() as session:
        complaint = session.scalar(
            select(Complaint)
            .join(OutboxMessage, OutboxMessage.complaint_id == Complaint.id)
            .where(
                Complaint.tracking_number == tracking_number,
                OutboxMessage.state != OutboxState.SENT,
            )
            .options(selectinload(Complaint.events), selectinload(Complaint.office))
        )
        if complaint is None:
            return None
        if _throttled(session, tracking_number, now):
            raise TooManyAttempts()
        # The slow hash runs before the write transaction opens: the store is locked only
        # while a wrong attempt is written.
        if secret_matches(secret, complaint.secret_hash):
            return _waiting_view(complaint)
    _record_wrong_secret(sessions, tracking_number, now)
    raise StatusNotFound()


def _waiting_view(complaint: Complaint) -> ComplaintStatusView:
    return ComplaintStatusView(
        tracking_number=complaint.tracking_number,
        category=complaint.category.value,
        status=complaint.status.value,
        outcome=None,
        office_name=complaint.office.name if complaint.office else "",
        received_at=None,
        due_at=None,
        can_appeal=False,
        # A complaint that never left holds only the event of its filing here.
        events=tuple(
            StatusEvent(at=event.at, status=event.status.value, code=NoteCode.QUEUED)
            for event in complaint.events
            if event.public
        ),
        waiting_to_send=True,
    )


def _optional_time(value: Any) -> datetime | None:
    return parse_time(value) if isinstance(value, str) and value else None


def _event(document: dict[str, Any]) -> StatusEvent:
    values = document.get("values") or {}
    return StatusEvent(
        at=parse_time(str(document["at"])),
        status=str(document["status"]),
        code=note_code(document.get("code")),
        values={str(key): str(value) for key, value in values.items()},
        text=str(document.get("text") or ""),
    )


def view_from_answer(document: dict[str, Any]) -> ComplaintStatusView:
    """The status body of the contract as a view; raises StatusUnavailable when malformed."""
    try:
        office = document.get("office") or {}
        return ComplaintStatusView(
            tracking_number=str(document["tracking_number"]),
            category=str(document["category"]),
            status=str(document["status"]),
            outcome=None if document.get("outcome") is None else str(document["outcome"]),
            office_name=str(office.get("name", "")),
            received_at=_optional_time(document.get("received_at")),
            due_at=_optional_time(document.get("due_at")),
            can_appeal=bool(document.get("can_appeal", False)),
            events=tuple(_event(event) for event in document.get("events", [])),
            waiting_to_send=False,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise StatusUnavailable() from None


def check_status(
    client: CentralClient,
    sessions: sessionmaker[Session],
    tracking_number: str,
    secret: str,
    *,
    clock: Callable[[], datetime] = utcnow,
) -> ComplaintStatusView:
    """The status of the complaint, from here if it waits to be sent, else from the server.

    Raises :class:`StatusNotFound`, :class:`StatusUnavailable` or :class:`TooManyAttempts`
    (from the server, or from this kiosk for a complaint still in its outbox). ``clock``
    dates the wrong secrets counted here.
    """
    tracking_number = tracking_number.replace(" ", "")
    if not tracking.tracking_number_valid(tracking_number) or not tracking.secret_well_formed(
        secret
    ):
        raise StatusNotFound()
    local = _local_view(sessions, tracking_number, secret, clock())
    if local is not None:
        return local
    try:
        document = client.complaint_status(tracking_number, secret)
    except Refused as exc:
        if exc.status == 404:
            raise StatusNotFound() from None
        if exc.status == 429:
            raise TooManyAttempts() from None
        raise StatusUnavailable() from None
    except CentralError:
        raise StatusUnavailable() from None
    return view_from_answer(document)
