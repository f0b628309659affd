"""Registered terminals and the records they printed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow
from kiosk.domain.models._types import enum_type
from kiosk.domain.models.regions import Region


class Kiosk(Base):
    """A terminal registered by staff, with the public key it signs its requests with."""

    __tablename__ = "kiosks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    #: Raw Ed25519 public key, hex encoded; empty until the terminal is registered.
    public_key: Mapped[str] = mapped_column(String(64), default="")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)

    region: Mapped[Region] = relationship()


class ReceiptKind(StrEnum):
    COMPLAINT = "complaint"  # 80 mm roll: tracking number and secret
    AID_STATEMENT = "aid_statement"  # A4: every payment of the household
    HOUSEHOLD_FILE = "household_file"  # A4: the household file


class Receipt(Base):
    """A printed record. The signed payload in its QR code lets anyone verify it offline."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[ReceiptKind] = mapped_column(enum_type(ReceiptKind))
    kiosk_code: Mapped[str] = mapped_column(String(32))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), default=None
    )
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaints.id", ondelete="SET NULL"), default=None
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: SHA-256 of the signed payload, and the Ed25519 signature over it (hex).
    payload_sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(128))
