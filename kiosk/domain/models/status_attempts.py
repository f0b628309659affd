"""Wrong secrets typed at this terminal for complaints that have not left it yet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow


class LocalStatusAttempt(Base):
    """One wrong secret typed here for a complaint still in this kiosk's outbox: for which
    tracking number and when, never what was typed.

    The kiosk answers such a complaint's status itself, so it throttles guessing itself, as
    the central server does with its own table (``kiosk.services.complaints.status``). The
    rows are kept in the store, so a restart does not reset the count, and only for the
    throttle's window. The name differs from the server's ``status_attempts``: the kiosk's
    migrations also run on the server's database.
    """

    __tablename__ = "local_status_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
