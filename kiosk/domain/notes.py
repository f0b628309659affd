"""The public notes written on a complaint's history, as codes with values.

A note the system writes for the complainant ("received and sent to office X", "being
investigated", "concluded: upheld", ...) is stored and sent as a code plus its values, never
as finished text: the kiosk words it in the language the resident chose, naming the office
by its name, and the inspectors' inbox words it in theirs. Server and kiosk share this list;
the HTTP contract (docs/central-api.md) says which values each code carries.
"""

from __future__ import annotations

from enum import StrEnum


class NoteCode(StrEnum):
    """What a public line on a complaint's history says. Values, where a code has any:"""

    #: Filed and routed. ``office_code`` and ``office_name`` of the receiving office.
    RECEIVED = "received"
    #: An inspector of the office took the complaint up (who is not said).
    ASSIGNED = "assigned"
    INVESTIGATING = "investigating"
    #: ``outcome``: an :class:`kiosk.domain.models.Outcome` value.
    CONCLUDED = "concluded"
    CLOSED = "closed"
    #: The complainant appealed the conclusion in time; it is investigated again.
    REOPENED = "reopened"
    #: Only on a kiosk: committed to this terminal's outbox, not yet sent.
    QUEUED = "queued"


def note_code(value: object) -> NoteCode | None:
    """The code a server sent, or None for none or one this side does not know yet."""
    try:
        return NoteCode(str(value)) if value is not None else None
    except ValueError:
        return None
