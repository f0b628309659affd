"""The lines a complaint's history shows its complainant: written as codes, read back whole.

The lifecycle attaches a :class:`~central.models.PublicNote` (a ``NoteCode`` and its values)
to each event that changes what the complainant should know; the event's own ``note`` keeps
only words a person wrote (an inspector's note, the complainant's appeal, the routing rule's
explanation), public or internal as its ``public`` flag says. So an event can carry a public
line with an internal note: "assigned" is told to the complainant, the inspector's reasons
are not.

Events stored before codes existed carry their line as bilingual text in ``note``. The two
kinds the system wrote then are recognised and read as codes, so an old complaint reads as
well as a new one; any other old public note is an inspector's words and stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from central.models import PublicNote
from central.timefmt import iso_utc
from kiosk.domain.models import Complaint, ComplaintEvent
from kiosk.domain.notes import NoteCode, note_code


@dataclass(frozen=True)
class Line:
    """One event's public line: its code and the code's values."""

    code: NoteCode
    values: Mapping[str, str] = field(default_factory=dict)


def attach(session: Session, event: ComplaintEvent, code: NoteCode, **values: str) -> None:
    """Give ``event`` the public line ``code`` with ``values``; flushed with the event."""
    session.add(PublicNote(event=event, code=code.value, params=dict(values)))


#: What filing wrote before codes: the office by name in Chinese, by code in English.
_OLD_RECEIVED = re.compile(r"已收到，转(?P<name>.+?)办理。Received; sent to (?P<code>\S+?)\.\s*")
_OLD_REOPENED = "投诉人已申诉，重新调查。Reopened on the complainant's appeal."


def legacy_line(note: str) -> Line | None:
    """The code of a line stored as text before codes existed, or None if it is not one."""
    found = _OLD_RECEIVED.fullmatch(note)
    if found is not None:
        return Line(
            NoteCode.RECEIVED,
            {"office_code": found.group("code"), "office_name": found.group("name")},
        )
    if note == _OLD_REOPENED:
        return Line(NoteCode.REOPENED)
    return None


def lines(session: Session, events: Iterable[ComplaintEvent]) -> dict[int, Line]:
    """The public line of each event that has one, by event id (one query)."""
    events = list(events)
    ids = [event.id for event in events if event.id is not None]
    stored: dict[int, Line] = {}
    if ids:
        for note in session.scalars(select(PublicNote).where(PublicNote.event_id.in_(ids))):
            code = note_code(note.code)
            # A code this server no longer knows is kept in the table but shown as no line.
            if code is not None:
                values = {str(k): str(v) for k, v in (note.params or {}).items()}
                stored[note.event_id] = Line(code, values)
    for event in events:
        if event.id not in stored and event.public:
            old = legacy_line(event.note)
            if old is not None:
                stored[event.id] = old
    return stored


def public_history(complaint: Complaint) -> list[dict[str, Any]]:
    """The events the complainant may see, for the status answer.

    An event is shown when it has a public line or a public note. ``text`` is the words an
    inspector chose to make public, never an internal note; an old system line read as a
    code has no text of its own."""
    session = object_session(complaint)
    found = lines(session, complaint.events) if session is not None else {}
    shown: list[dict[str, Any]] = []
    for event in complaint.events:
        line = found.get(event.id)
        if line is None and not event.public:
            continue
        text = event.note if event.public and legacy_line(event.note) is None else ""
        shown.append(
            {
                "at": iso_utc(event.at),
                "status": event.status.value,
                "code": line.code.value if line else None,
                "values": dict(line.values) if line else {},
                "text": text,
            }
        )
    return shown
