"""The kiosk's outbox: complaints committed locally and waiting for the central server."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.complaints import Complaint


class OutboxState(StrEnum):
    PENDING = "pending"  # committed here, not yet acknowledged by the central server
    SENT = "sent"  # the server answered 201; ``response`` holds its acknowledgement
    REFUSED = "refused"  # the server refused it (a bug): kept for staff, never resent


class OutboxMessage(Base):
    """One complaint on its way to the central server.

    ``body`` is the exact byte string that is signed and posted on every attempt, with
    ``idempotency_key`` in the header, so a resend after a lost answer is recognised by the
    server as the same request. Once acknowledged, the complaint's secret is removed from
    ``body``: the server keeps its own hash of it. ``last_error`` is short and never holds a
    secret or a phone number.
    """

    __tablename__ = "complaint_outbox"
    __table_args__ = (Index("ix_complaint_outbox_state_created", "state", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), unique=True)
    #: The complaint's own key. Unique here on its own, with no kiosk code beside it: the
    #: outbox holds only what this terminal sends, whose code its complaint row carries, and
    #: a key unique in the outbox is also unique for this kiosk, as the contract asks.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[OutboxState] = mapped_column(enum_type(OutboxState), default=OutboxState.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    #: The server's acknowledgement (JSON text) as it was received.
    response: Mapped[str | None] = mapped_column(Text, default=None)

    complaint: Mapped[Complaint] = relationship()
