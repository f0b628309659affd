"""Delivering queued complaints to the central server, exactly once, whatever happens.

:class:`OutboxSender` is a plain thread. It posts pending outbox rows oldest first with
their idempotency key, and marks one sent only on the server's 201 acknowledgement, in the
same local transaction that stores the acknowledgement and scrubs the secret. If the kiosk
dies between the server's commit and that local one, the next sender posts the same bytes
under the same key and the server answers with its first acknowledgement: the complaint is
delayed, never lost, never stored twice.

Before its first delivery after a start, and whenever the terminal's document key changed
(``kiosk keygen --rotate-document-key``), the sender publishes the document public key
(``POST /api/v1/document-keys``, the same key again changes nothing on the server). A failed
publication is retried on its own backoff and never holds up a complaint.

Failures that may pass (no network, timeouts, 5xx, 401 while the terminal is not yet
registered) hold back every row for a backoff with full jitter; a refusal (any other 4xx)
means the body itself is wrong, so that row is marked refused, kept for staff, and the
others go on.

Gone means gone. The transaction that records an acknowledgement also removes what the
kiosk no longer needs: the secret, the contact phone and who filed from the stored body,
and the phone and the secret's hash from the complaint (the server holds its own; a status
check of a delivered complaint asks the server). The store zeroes what it overwrites
(``secure_delete``), but the WAL still holds the pages as they were before, so right after
the commit the sender checkpoints the WAL into the store and truncates it. A checkpoint that
finds a reader or writer in the way gives up quickly rather than hold up a resident's
filing; the sender tries again before its next step and at least every ``wal_retry_s``
while it waits. After a crash the acknowledgement and the scrub were committed together or
not at all (then the row is resent and the server replays its answer), and the sender's
first step on the next start truncates whatever WAL the crash left.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, OutboxMessage, OutboxState
from kiosk.services.complaints import payload
from kiosk.services.complaints.client import (
    Ack,
    CentralClient,
    CentralError,
    Refused,
    Unauthorized,
)
from kiosk.services.store import truncate_wal

log = logging.getLogger(__name__)

#: How long an idle sender waits before looking at the table again, even without wake().
IDLE_POLL_S = 60.0
#: How soon a WAL checkpoint that was in another connection's way is tried again.
WAL_RETRY_S = 5.0
#: What a delivered complaint keeps as the hash of its secret: it matches no secret.
SCRUBBED_SECRET_HASH = ""


def backoff_delay(attempt: int, *, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Seconds to wait after the ``attempt``-th failure in a row: "full jitter", uniformly
    between 0 and ``min(cap, base * 2**(attempt-1))``, so terminals that lost the network
    together do not all come back at the same instant."""
    exponent = min(max(attempt, 1) - 1, 62)
    ceiling = min(cap_s, base_s * (2.0**exponent))
    return rng.uniform(0.0, ceiling)


def unauthorized_delay(*, cap_s: float, rng: random.Random) -> float:
    """A terminal that is not registered yet is retried slowly: between half and all the cap."""
    return rng.uniform(cap_s / 2, cap_s)


@dataclass(frozen=True)
class QueueDepth:
    """What staff need to know about the outbox; no secret, no complaint content."""

    pending: int
    refused: int
    #: Filing time of the oldest pending complaint, or None when nothing waits.
    oldest_pending_at: datetime | None

    def oldest_age_s(self, now: datetime) -> float | None:
        if self.oldest_pending_at is None:
            return None
        return max(0.0, (now - self.oldest_pending_at).total_seconds())


def queue_depth(sessions: sessionmaker[Session]) -> QueueDepth:
    """How many complaints wait to be sent, how many were refused, and the oldest waiting."""
    with sessions() as session:
        rows = session.execute(
            select(OutboxMessage.state, func.count(), func.min(OutboxMessage.created_at)).group_by(
                OutboxMessage.state
            )
        ).all()
    counts = {state: (count, oldest) for state, count, oldest in rows}
    pending, oldest = counts.get(OutboxState.PENDING, (0, None))
    refused, _ = counts.get(OutboxState.REFUSED, (0, None))
    return QueueDepth(pending=int(pending), refused=int(refused), oldest_pending_at=oldest)


class Outcome(StrEnum):
    """What one step of the sender did."""

    IDLE = "idle"  # nothing due
    SENT = "sent"
    REFUSED = "refused"
    RETRY = "retry"  # a failure that may pass; everything waits for the backoff


@dataclass(frozen=True)
class Step:
    """The result of :meth:`OutboxSender.step`: what happened and how long to wait now."""

    outcome: Outcome
    wait_s: float
    idempotency_key: str | None = None


class OutboxSender(threading.Thread):
    """Sends the outbox to the central server on its own thread (no Qt).

    ``on_depth`` is called (on this thread) with the number of pending complaints after
    every change (after a delivery, once the WAL checkpoint that follows it was tried); a
    view can adapt it to a Qt signal. ``clock`` and ``rng`` are injectable so the backoff
    can be tested without waiting.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        client: CentralClient,
        *,
        retry_base_s: float = 2.0,
        retry_cap_s: float = 300.0,
        on_depth: Callable[[int], None] | None = None,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        idle_poll_s: float = IDLE_POLL_S,
        wal_retry_s: float = WAL_RETRY_S,
        document_key: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(name="outbox-sender", daemon=True)
        self._sessions = sessions
        self._client = client
        self._base_s = retry_base_s
        self._cap_s = retry_cap_s
        self._on_depth = on_depth
        self._clock = clock
        self._rng = rng or random.SystemRandom()
        self._idle_poll_s = idle_poll_s
        self._wal_retry_s = wal_retry_s
        #: The WAL may hold pages from before a scrub (or from before a crash): truncate it.
        self.wal_to_truncate = True
        self._wake = threading.Event()
        self._stopping = threading.Event()
        #: Failures in a row that may pass; 0 while the server answers.
        self.failures_in_row = 0
        #: Whether this step was started early by wake() rather than by the backoff timer.
        self._woken = False
        #: The document public key (hex) now, read each step so a rotation is seen.
        self._document_key = document_key
        #: The key the server has acknowledged (or refused for good) since the start.
        self.published_key: str | None = None
        self._key_failures = 0
        self._key_due_at: datetime | None = None

    # -- control, from any thread -----------------------------------------------------

    def wake(self) -> None:
        """A complaint was just filed: try to send at once."""
        self._wake.set()

    def stop(self, timeout: float | None = None) -> bool:
        """Ask the thread to end after the request in flight; True when it has ended."""
        self._stopping.set()
        self._wake.set()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    # -- the loop -----------------------------------------------------------------------

    def run(self) -> None:
        self._report_depth()
        while not self._stopping.is_set():
            try:
                result = self.step()
                wait_s = result.wait_s
            except Exception:  # the sender must outlive any surprise; the log tells staff
                log.exception("the outbox sender failed; it will try again")
                self.failures_in_row += 1
                wait_s = backoff_delay(
                    self.failures_in_row, base_s=self._base_s, cap_s=self._cap_s, rng=self._rng
                )
            self._woken = False
            if wait_s > 0 and not self._stopping.is_set():
                self._woken = self._wake.wait(wait_s)
            self._wake.clear()

    def step(self) -> Step:
        """Send the oldest due row, if any, and say how long to wait before the next step."""
        if self.wal_to_truncate:
            self._truncate_wal()
        now = self._clock()
        self._publish_document_key(now)
        with self._sessions() as session:
            row = session.scalars(
                select(OutboxMessage)
                .where(
                    OutboxMessage.state == OutboxState.PENDING,
                    OutboxMessage.next_attempt_at <= now,
                )
                .order_by(OutboxMessage.created_at, OutboxMessage.id)
                .limit(1)
            ).first()
            if row is None:
                return Step(Outcome.IDLE, self._idle_wait(session, now))
            row_id, key, body = row.id, row.idempotency_key, row.body
        try:
            ack = self._client.post_complaint(key, body)
        except Refused as exc:
            self._mark_refused(row_id, exc)
            return Step(Outcome.REFUSED, 0.0, key)
        except Unauthorized as exc:
            self._count_failure()
            delay = unauthorized_delay(cap_s=self._cap_s, rng=self._rng)
            self._postpone(row_id, now, delay, str(exc))
            log.warning(
                "the central server does not accept this terminal yet (%s); "
                "register its key with `kiosk-central register-kiosk`",
                exc.error or "unauthorized",
            )
            return Step(Outcome.RETRY, delay, key)
        except CentralError as exc:
            self._count_failure()
            delay = backoff_delay(
                self.failures_in_row, base_s=self._base_s, cap_s=self._cap_s, rng=self._rng
            )
            self._postpone(row_id, now, delay, f"{type(exc).__name__}: {exc}")
            log.info("complaint not sent yet (%s); next try in %.1f s", type(exc).__name__, delay)
            return Step(Outcome.RETRY, delay, key)
        self._mark_sent(row_id, ack, now)
        return Step(Outcome.SENT, 0.0, key)

    def _publish_document_key(self, now: datetime) -> None:
        """Publish the document key if the server has not acknowledged this one yet and no
        backoff holds it; a failure is logged and retried later, never raised."""
        if self._document_key is None:
            return
        public_hex = self._document_key()
        if public_hex is None or public_hex == self.published_key:
            return
        if self._key_due_at is not None and now < self._key_due_at:
            return
        try:
            self._client.publish_document_key(public_hex)
        except Refused as exc:
            # Revoked, or its id taken: resending cannot help; staff rotate the key.
            log.error("the central server refused this terminal's document key (%s)", exc)
            self.published_key = public_hex
            return
        except CentralError as exc:
            self._key_failures += 1
            if isinstance(exc, Unauthorized):
                delay = unauthorized_delay(cap_s=self._cap_s, rng=self._rng)
            else:
                delay = backoff_delay(
                    self._key_failures, base_s=self._base_s, cap_s=self._cap_s, rng=self._rng
                )
            self._key_due_at = now + timedelta(seconds=delay)
            log.info("document key not published yet (%s); next try in %.1f s", exc, delay)
            return
        self.published_key = public_hex
        self._key_failures = 0
        self._key_due_at = None
        log.info("document key published to the central server")

    def _count_failure(self) -> None:
        # An early try because a resident just filed does not make the backoff grow: the
        # backoff measures how long the server has been away, not how busy the kiosk is.
        if not (self._woken and self.failures_in_row > 0):
            self.failures_in_row += 1

    def _idle_wait(self, session: Session, now: datetime) -> float:
        upcoming = session.scalar(
            select(func.min(OutboxMessage.next_attempt_at)).where(
                OutboxMessage.state == OutboxState.PENDING
            )
        )
        poll_s = self._idle_poll_s
        if self.wal_to_truncate:
            poll_s = min(poll_s, self._wal_retry_s)
        if self._key_due_at is not None:
            poll_s = min(poll_s, max(0.0, (self._key_due_at - now).total_seconds()))
        if upcoming is None:
            return poll_s
        return min(poll_s, max(0.0, (upcoming - now).total_seconds()))

    def _truncate_wal(self) -> None:
        """Checkpoint the WAL into the store and truncate it; on a busy store, try later."""
        with self._sessions() as session:
            self.wal_to_truncate = not truncate_wal(session.connection())
        if self.wal_to_truncate:
            log.debug("the WAL is in use; it is truncated on a later step")

    # -- bookkeeping, each in its own short transaction ----------------------------------

    def _mark_sent(self, row_id: int, ack: Ack, now: datetime) -> None:
        recovered = self.failures_in_row > 0
        self.failures_in_row = 0
        with self._sessions.begin() as session:
            row = session.get_one(OutboxMessage, row_id)
            row.state = OutboxState.SENT
            row.sent_at = now
            row.attempts += 1
            row.response = ack.raw
            row.last_error = ""
            # The server holds the secret's hash and the phone now; the kiosk needs neither.
            row.body = payload.scrubbed(row.body)
            complaint = session.get_one(Complaint, row.complaint_id)
            complaint.contact_phone = None
            complaint.secret_hash = SCRUBBED_SECRET_HASH
            if recovered:
                # The server is back: what was held back by the backoff is due at once.
                session.execute(
                    update(OutboxMessage)
                    .where(
                        OutboxMessage.state == OutboxState.PENDING,
                        OutboxMessage.next_attempt_at > now,
                    )
                    .values(next_attempt_at=now)
                )
        # Set before trying, so that a checkpoint that fails in any way is tried again.
        self.wal_to_truncate = True
        self._truncate_wal()
        log.info(
            "complaint ending %s acknowledged by the central server%s",
            ack.tracking_number[-4:],
            " (a resend after a lost answer)" if ack.replayed else "",
        )
        self._report_depth()

    def _mark_refused(self, row_id: int, exc: Refused) -> None:
        with self._sessions.begin() as session:
            row = session.get_one(OutboxMessage, row_id)
            row.state = OutboxState.REFUSED
            row.attempts += 1
            row.last_error = str(exc)[:200]
        # A bug, not a network problem: staff see it in `kiosk outbox` and `kiosk doctor`.
        log.error("the central server refused outbox row %d (%s); it is kept", row_id, exc)
        self._report_depth()

    def _postpone(self, row_id: int, now: datetime, delay_s: float, error: str) -> None:
        not_before = now + timedelta(seconds=delay_s)
        with self._sessions.begin() as session:
            row = session.get_one(OutboxMessage, row_id)
            row.attempts += 1
            row.last_error = error[:200]
            # Every row waits: the server is what failed, not this one complaint.
            session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.state == OutboxState.PENDING,
                    OutboxMessage.next_attempt_at < not_before,
                )
                .values(next_attempt_at=not_before)
            )

    def _report_depth(self) -> None:
        if self._on_depth is None:
            return
        try:
            self._on_depth(queue_depth(self._sessions).pending)
        except Exception:
            log.exception("the outbox depth callback failed")
