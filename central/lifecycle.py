"""The life of a complaint on the server: who may move it where, and the record of each step.

received -> assigned -> investigating -> concluded (with an outcome) -> closed. An inspector
may also start on a received complaint directly. Within the appeal window after the
conclusion (15 days by default) the complainant's appeal reopens it (investigating), even if
it was closed meanwhile: closing early must not cut the window short. Every change is a
ComplaintEvent saying who, when and why, with a note that is public or internal. Each step
the complainant should know of also gets a public line as a code (``central.public_notes``):
received and sent to which office, assigned, investigating, concluded with the outcome,
closed, reopened on appeal. The code is told even when the inspector's note is internal.

Plain functions over a Session: the API and the web inbox both call them, and the caller
commits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from central import public_notes
from central.messages import words
from central.models import ComplaintAssignment, Inspector
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    Complaint,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Outcome,
)
from kiosk.domain.notes import NoteCode

#: Days after the conclusion within which an appeal reopens a complaint.
APPEAL_WINDOW_DAYS = 15

_S = ComplaintStatus
#: Moves made with change_status; ``assign`` is the way into ASSIGNED, ``appeal`` the way back.
_TRANSITIONS: dict[ComplaintStatus, tuple[ComplaintStatus, ...]] = {
    _S.RECEIVED: (_S.INVESTIGATING,),
    _S.ASSIGNED: (_S.INVESTIGATING,),
    _S.INVESTIGATING: (_S.CONCLUDED,),
    _S.CONCLUDED: (_S.CLOSED,),
    _S.CLOSED: (),
}
_OPEN = (_S.RECEIVED, _S.ASSIGNED, _S.INVESTIGATING)
#: The public line of a move made with change_status.
_LINE_OF = {
    _S.INVESTIGATING: NoteCode.INVESTIGATING,
    _S.CONCLUDED: NoteCode.CONCLUDED,
    _S.CLOSED: NoteCode.CLOSED,
}

STATUS_ZH = {
    _S.RECEIVED: "已受理",
    _S.ASSIGNED: "已分派",
    _S.INVESTIGATING: "调查中",
    _S.CONCLUDED: "已办结",
    _S.CLOSED: "已结案",
}


class TransitionError(Exception):
    """A change the complaint's state does not allow: ``code`` for the caller, ``message``
    the key of the words in ``central.messages`` and ``values`` to fill them."""

    def __init__(self, code: str, message: str | None = None, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.message = message or code
        self.values = values

    def words(self) -> tuple[str, str]:
        """Why, in (Chinese, English)."""
        return words(self.message, self.values)


Actor = str | Inspector


def _actor_name(actor: Actor) -> str:
    return actor.username if isinstance(actor, Inspector) else actor[:64]


def allowed_transitions(complaint: Complaint) -> list[ComplaintStatus]:
    """Statuses ``change_status`` may move the complaint to now (assign and appeal aside)."""
    return list(_TRANSITIONS[complaint.status])


def _event(
    complaint: Complaint,
    status: ComplaintStatus,
    actor: Actor,
    note: str,
    public: bool,
    at: datetime,
) -> ComplaintEvent:
    event = ComplaintEvent(status=status, actor=_actor_name(actor), note=note, public=public, at=at)
    complaint.events.append(event)
    return event


def received(
    session: Session, *, office: DisciplineOffice, kiosk_code: str, at: datetime
) -> ComplaintEvent:
    """The first event of a complaint just filed: received, and sent to ``office``, which
    the complainant is told by its name. The caller appends it to the complaint."""
    event = ComplaintEvent(
        at=at, status=_S.RECEIVED, actor=f"kiosk:{kiosk_code}"[:64], note="", public=True
    )
    public_notes.attach(
        session, event, NoteCode.RECEIVED, office_code=office.code, office_name=office.name
    )
    return event


def change_status(
    session: Session,
    complaint: Complaint,
    *,
    to: ComplaintStatus,
    actor: Actor,
    note: str = "",
    public: bool = False,
    outcome: Outcome | None = None,
    now: datetime | None = None,
) -> ComplaintEvent:
    """Move ``complaint`` to ``to`` and record it; TransitionError if it may not go there."""
    now = now or utcnow()
    if to not in _TRANSITIONS[complaint.status]:
        raise TransitionError(
            "bad_transition",
            status=complaint.status.value,
            status_zh=STATUS_ZH[complaint.status],
            to=to.value,
            to_zh=STATUS_ZH[to],
        )
    if to is _S.CONCLUDED and outcome is None:
        raise TransitionError("need_outcome")
    if to is not _S.CONCLUDED and outcome is not None:
        raise TransitionError("outcome_not_allowed")
    complaint.status = to
    if outcome is not None:
        complaint.outcome = outcome
    event = _event(complaint, to, actor, note, public, now)
    if outcome is not None:
        public_notes.attach(session, event, _LINE_OF[to], outcome=outcome.value)
    else:
        public_notes.attach(session, event, _LINE_OF[to])
    session.flush()
    return event


def assignee(session: Session, complaint: Complaint) -> Inspector | None:
    """The inspector the complaint is assigned to, if any."""
    row = session.scalars(
        select(ComplaintAssignment).where(ComplaintAssignment.complaint_id == complaint.id)
    ).one_or_none()
    return row.inspector if row is not None else None


def assign(
    session: Session,
    complaint: Complaint,
    *,
    inspector: Inspector,
    actor: Actor,
    note: str = "",
    now: datetime | None = None,
) -> ComplaintEvent:
    """Give the complaint to ``inspector`` of its own office; a received one becomes
    assigned, an open one keeps its status. The caller checks the inspector is not
    implicated (``central.routing.hidden_cadre_codes``)."""
    now = now or utcnow()
    if complaint.status not in _OPEN:
        raise TransitionError("bad_transition", "not_open")
    if not inspector.active or inspector.office_id != complaint.office_id:
        raise TransitionError("bad_inspector")
    row = session.scalars(
        select(ComplaintAssignment).where(ComplaintAssignment.complaint_id == complaint.id)
    ).one_or_none()
    if row is None:
        row = ComplaintAssignment(complaint_id=complaint.id)
        session.add(row)
    row.inspector_id = inspector.id
    row.assigned_at = now
    row.assigned_by = _actor_name(actor)
    if complaint.status is _S.RECEIVED:
        complaint.status = _S.ASSIGNED
    text = f"分派给{inspector.display_name}。Assigned to {inspector.username}."
    # Who took it is for inspectors; the complainant is told only that someone did.
    event = _event(
        complaint, complaint.status, actor, f"{text}\n{note}" if note else text, False, now
    )
    public_notes.attach(session, event, NoteCode.ASSIGNED)
    session.flush()
    return event


def concluded_at(complaint: Complaint) -> datetime | None:
    """When the complaint was last concluded, or None if it never was."""
    times = [event.at for event in complaint.events if event.status is _S.CONCLUDED]
    return max(times) if times else None


def can_appeal(
    complaint: Complaint, now: datetime | None = None, window_days: int = APPEAL_WINDOW_DAYS
) -> bool:
    if complaint.status not in (_S.CONCLUDED, _S.CLOSED):
        return False
    conclusion = concluded_at(complaint)
    if conclusion is None:
        return False
    return (now or utcnow()) <= conclusion + timedelta(days=window_days)


def appeal(
    session: Session,
    complaint: Complaint,
    *,
    text: str,
    now: datetime | None = None,
    window_days: int = APPEAL_WINDOW_DAYS,
) -> ComplaintEvent:
    """Reopen a concluded complaint on the complainant's appeal; TransitionError if too late
    or not concluded. The appeal text is the event's internal note; its public line says the
    complaint was reopened."""
    now = now or utcnow()
    if not can_appeal(complaint, now, window_days):
        raise TransitionError("appeal_not_allowed", days=window_days)
    complaint.status = _S.INVESTIGATING
    complaint.outcome = None
    event = _event(complaint, _S.INVESTIGATING, "complainant", text, False, now)
    public_notes.attach(session, event, NoteCode.REOPENED)
    session.flush()
    return event


def is_overdue(complaint: Complaint, now: datetime) -> bool:
    """Whether an open complaint is past its due time."""
    return complaint.status in _OPEN and complaint.due_at is not None and now > complaint.due_at
