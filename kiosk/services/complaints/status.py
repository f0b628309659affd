"""Looking up a complaint's status with the tracking number and secret from the receipt.

A complaint still waiting in this kiosk's outbox is answered from the local store ("filed,
waiting to be sent"), after checking the secret against the local hash; every other one is
asked of the central server. Failures are :class:`StatusProblem` exceptions with codes.

The history comes as public lines with codes and values (``kiosk.domain.notes``), not as
text: the status view words each line in the resident's language when it shows it, and
again when they switch language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kiosk.domain import problems, tracking
from kiosk.domain.models import Complaint, OutboxMessage, OutboxState
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


#: How long the central server makes a tracking number wait after too many wrong secrets.
COOL_DOWN_MINUTES = 15


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


def _local_view(session: Session, tracking_number: str, secret: str) -> ComplaintStatusView | None:
    """The view of a complaint that never left this kiosk, or None to ask the server.

    A wrong secret for such a complaint is "not found", as the server would answer."""
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
    if not secret_matches(secret, complaint.secret_hash):
        raise StatusNotFound()
    return ComplaintStatusView(
        tracking_number=tracking_number,
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
) -> ComplaintStatusView:
    """The status of the complaint, from here if it waits to be sent, else from the server.

    Raises :class:`StatusNotFound`, :class:`StatusUnavailable` or :class:`TooManyAttempts`.
    """
    tracking_number = tracking_number.replace(" ", "")
    if not tracking.tracking_number_valid(tracking_number) or not tracking.secret_well_formed(
        secret
    ):
        raise StatusNotFound()
    with sessions() as session:
        local = _local_view(session, tracking_number, secret)
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
