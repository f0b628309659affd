"""Tables only the central server has: idempotency, replay protection, throttles, inspectors,
the terminals' published document keys.

They live on their own metadata, never on ``kiosk.domain.base.Base``: the kiosk compares its
metadata with its own migrations, and these tables are not part of a kiosk's store. Foreign
keys to domain tables are given as the domain's Column objects so both metadatas connect.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, MetaData, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.domain.base import NAMING_CONVENTION, UTCDateTime
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, ComplaintEvent, DisciplineOffice, Kiosk


class CentralBase(DeclarativeBase):
    """Declarative base of the server-only tables."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), str: String()}


class IdempotencyRecord(CentralBase):
    """The first answer given to one (kiosk, Idempotency-Key), kept for ever.

    The unique constraint is what makes filing exactly-once: a second insert of the same
    pair fails inside the complaint's own transaction, so the complaint is not stored twice.
    """

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("kiosk_code", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_code: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    body_sha256: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int] = mapped_column(Integer)
    #: The exact bytes of the first answer, replayed byte for byte.
    response_body: Mapped[bytes] = mapped_column(LargeBinary)
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey(Complaint.__table__.c.id, ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SeenNonce(CentralBase):
    """A request nonce already used by a kiosk, kept for the clock-skew window only."""

    __tablename__ = "seen_nonces"
    __table_args__ = (UniqueConstraint("kiosk_code", "nonce"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_code: Mapped[str] = mapped_column(String(32))
    nonce: Mapped[str] = mapped_column(String(32))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class StatusAttempt(CentralBase):
    """One wrong secret given for a tracking number, to throttle guessing."""

    __tablename__ = "status_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Inspector(CentralBase):
    """A discipline inspector who signs in to the web inbox of one office.

    ``cadre_code`` is set when the inspector is also a cadre somewhere, so complaints that
    implicate them are never shown to them.
    """

    __tablename__ = "inspectors"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    office_id: Mapped[int] = mapped_column(ForeignKey(DisciplineOffice.__table__.c.id), index=True)
    cadre_code: Mapped[str | None] = mapped_column(String(32), default=None)
    #: argon2id hash of the password (``central.passwords``).
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    office: Mapped[DisciplineOffice] = relationship(DisciplineOffice)
    sessions: Mapped[list[InspectorSession]] = relationship(
        back_populates="inspector", cascade="all, delete-orphan"
    )


class LoginThrottle(CentralBase):
    """Wrong passwords in a row for one inspector from one client address, and the lock
    they earned: only that address is locked out, never the account (``central.inbox.auth``).

    A client's sign-in resets its row; ``kiosk-central unlock-inspector`` removes the
    account's rows; any row goes a day after its last use or the end of its lock.
    """

    __tablename__ = "login_throttles"
    __table_args__ = (UniqueConstraint("inspector_id", "client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    #: The client's address as the server sees it (see ``central.inbox.login``).
    client: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    #: When this row may be forgotten: a day after its last use or the end of its lock.
    forget_at: Mapped[datetime] = mapped_column(index=True)


class InspectorSession(CentralBase):
    """A signed-in browser session; only a hash of its cookie token is stored."""

    __tablename__ = "inspector_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    inspector_id: Mapped[int] = mapped_column(
        ForeignKey("inspectors.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    inspector: Mapped[Inspector] = relationship(back_populates="sessions")


class ComplaintAssignment(CentralBase):
    """The inspector a complaint is assigned to: one row per complaint, replaced on
    reassignment (the events keep the history)."""

    __tablename__ = "complaint_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey(Complaint.__table__.c.id, ondelete="CASCADE"), unique=True
    )
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"), index=True)
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_by: Mapped[str] = mapped_column(String(64))

    inspector: Mapped[Inspector] = relationship()


class PublicNote(CentralBase):
    """The line a complaint event shows the complainant, as a code and its values
    (``kiosk.domain.notes``), so each reader gets it in their own language.

    Kept beside the event rather than in it: the event table is the kiosk's too, and a
    kiosk's store never holds these. An event without one is older, or has no public line.
    """

    __tablename__ = "public_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey(ComplaintEvent.__table__.c.id, ondelete="CASCADE"), unique=True
    )
    code: Mapped[str] = mapped_column(String(32))
    #: The code's values, e.g. ``{"office_code": ..., "office_name": ...}``; strings only.
    params: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)

    event: Mapped[ComplaintEvent] = relationship(ComplaintEvent)


class DocumentKey(CentralBase):
    """A terminal's document public key, which verifies the QR codes of the records it
    prints (``kiosk.domain.signed_document``), published under its key id.

    Rows are never deleted: a rotated-out key stays, so what it signed still verifies. A
    revoked one stays too, so its documents are reported as revoked rather than unknown.
    """

    __tablename__ = "document_keys"

    #: The first 8 bytes of SHA-256 of the raw key, 16 lower-case hex digits.
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kiosk_code: Mapped[str] = mapped_column(
        ForeignKey(Kiosk.__table__.c.code, ondelete="CASCADE"), index=True
    )
    #: The raw 32-byte Ed25519 public key, 64 lower-case hex digits.
    public_key: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    #: Why staff revoked it ("terminal stolen"); empty when it was not said.
    revoked_reason: Mapped[str] = mapped_column(String(200), default="")


__all__ = [
    "CentralBase",
    "ComplaintAssignment",
    "DocumentKey",
    "IdempotencyRecord",
    "Inspector",
    "InspectorSession",
    "LoginThrottle",
    "PublicNote",
    "SeenNonce",
    "StatusAttempt",
]
