"""Backoff of the outbox sender: full jitter within its bounds, driven by a fake clock."""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from kiosk.domain.models import ComplaintCategory, OutboxMessage, OutboxState
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, file_complaint
from kiosk.services.complaints.outbox import (
    OutboxSender,
    Outcome,
    backoff_delay,
    queue_depth,
    unauthorized_delay,
)
from kiosk.services.store import Store

from .conftest import Relief


@pytest.mark.parametrize("attempt", [1, 2, 3, 5, 8, 9, 20, 200])
def test_full_jitter_stays_within_its_ceiling(attempt: int) -> None:
    """Every delay lies in [0, min(cap, base * 2^(attempt-1))], and they spread over it."""
    rng = random.Random(attempt)
    ceiling = min(300.0, 2.0 * 2 ** (attempt - 1))
    delays = [backoff_delay(attempt, base_s=2.0, cap_s=300.0, rng=rng) for _ in range(2000)]
    assert all(0.0 <= d <= ceiling for d in delays)
    # Full jitter: both ends of the range are reached, not one fixed value.
    assert min(delays) < ceiling * 0.05 and max(delays) > ceiling * 0.95


def test_unregistered_terminal_is_retried_slowly() -> None:
    """A 401 waits between half and all of the cap, never the short first backoff."""
    rng = random.Random(4)
    delays = [unauthorized_delay(cap_s=300.0, rng=rng) for _ in range(500)]
    assert all(150.0 <= d <= 300.0 for d in delays)


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def dead_port() -> Iterator[int]:
    """A loopback port where nothing listens (bound, never listening, so no one takes it)."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


def _draft(relief: Relief) -> ComplaintDraft:
    return ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
    )


def test_sender_backs_off_when_central_is_down(
    store: Store, relief: Relief, dead_port: int
) -> None:
    """With nothing listening, each step fails, postpones every row by a jittered delay that
    grows with the failures, and nothing is tried again before that time."""
    clock = FakeClock()
    client = CentralClient(
        f"http://127.0.0.1:{dead_port}",
        kiosk_code="DEMO-0001",
        private_key=Ed25519PrivateKey.generate(),
        timeout_s=2.0,
    )
    for _ in range(2):
        file_complaint(store.sessionmaker, _draft(relief), kiosk_code="DEMO-0001", now=clock.now)
    mirror = random.Random(11)
    sender = OutboxSender(
        store.sessionmaker,
        client,
        retry_base_s=2.0,
        retry_cap_s=60.0,
        clock=clock,
        rng=random.Random(11),
    )
    for failures in range(1, 8):
        step = sender.step()
        assert step.outcome is Outcome.RETRY
        assert step.wait_s == backoff_delay(failures, base_s=2.0, cap_s=60.0, rng=mirror)
        assert 0 <= step.wait_s <= min(60.0, 2.0 * 2 ** (failures - 1))
        with store.sessionmaker() as session:
            due = set(session.scalars(select(OutboxMessage.next_attempt_at)))
        assert due == {clock.now + timedelta(seconds=step.wait_s)}
        if step.wait_s > 0.001:
            idle = sender.step()  # the clock has not moved: nothing is due yet
            assert idle.outcome is Outcome.IDLE
            assert idle.wait_s == pytest.approx(step.wait_s, abs=1e-3)
        clock.now += timedelta(seconds=step.wait_s)
    with store.sessionmaker() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        # Oldest first: the first complaint took every attempt, the second waited its turn.
        assert [r.attempts for r in rows] == [7, 0]
        assert all(r.state is OutboxState.PENDING for r in rows)
        assert "Unreachable" in rows[0].last_error
    assert queue_depth(store.sessionmaker).pending == 2


def test_sender_thread_stops_cleanly_and_reports_depth(
    store: Store, relief: Relief, dead_port: int
) -> None:
    """The thread reports the queue depth, survives failures, and stop() ends it promptly."""
    file_complaint(store.sessionmaker, _draft(relief), kiosk_code="DEMO-0001")
    depths: list[int] = []
    client = CentralClient(
        f"http://127.0.0.1:{dead_port}",
        kiosk_code="DEMO-0001",
        private_key=Ed25519PrivateKey.generate(),
        timeout_s=1.0,
    )
    sender = OutboxSender(
        store.sessionmaker, client, retry_base_s=30.0, retry_cap_s=60.0, on_depth=depths.append
    )
    sender.start()
    try:
        deadline = datetime.now(UTC) + timedelta(seconds=20)
        while sender.failures_in_row == 0 and datetime.now(UTC) < deadline:
            sender.wake()
            sender.join(0.05)
        assert sender.failures_in_row >= 1
    finally:
        assert sender.stop(timeout=10)
    assert depths and depths[0] == 1


def test_early_tries_on_wake_do_not_grow_the_backoff(
    store: Store, relief: Relief, dead_port: int
) -> None:
    """Each filing wakes the sender for one try at once, but only the timer's retries make
    the backoff grow, so a busy kiosk is not left waiting longer after the network returns."""
    client = CentralClient(
        f"http://127.0.0.1:{dead_port}",
        kiosk_code="DEMO-0001",
        private_key=Ed25519PrivateKey.generate(),
        timeout_s=2.0,
    )
    # With this seed the first backoff lasts 250 s, so every later try below is a woken one.
    sender = OutboxSender(
        store.sessionmaker, client, retry_base_s=400.0, retry_cap_s=400.0, rng=random.Random(5)
    )
    file_complaint(store.sessionmaker, _draft(relief), kiosk_code="DEMO-0001")
    sender.start()

    def attempts() -> int:
        with store.sessionmaker() as session:
            return sum(session.scalars(select(OutboxMessage.attempts)))

    try:
        for expected in range(1, 5):
            if expected > 1:
                file_complaint(
                    store.sessionmaker, _draft(relief), kiosk_code="DEMO-0001", wake=sender.wake
                )
            for _ in range(2000):
                if attempts() >= expected:
                    break
                sender.join(0.01)
            assert attempts() == expected
        assert sender.failures_in_row == 1
    finally:
        assert sender.stop(timeout=10)
