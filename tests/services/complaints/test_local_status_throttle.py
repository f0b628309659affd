"""Guessing the secret of a complaint still in this kiosk's outbox is throttled here, as the
central server throttles its own: 5 wrong secrets for one tracking number within 15 minutes
and even the right one is refused until the cool-down has passed, restart or not.

The central client points at a port where nothing listens: every answer below comes from
the kiosk's own store (one that fell through to the server would be "unavailable")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from kiosk.domain.models import ComplaintCategory, Disclosure, LocalStatusAttempt
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, FiledComplaint, file_complaint
from kiosk.services.complaints.status import (
    COOL_DOWN_MINUTES,
    MAX_WRONG_SECRETS,
    StatusNotFound,
    StatusWhy,
    TooManyAttempts,
    check_status,
)
from kiosk.services.store import Store, open_store
from tests.central_server import free_port
from tests.services.complaints.central_side import KIOSK_CODE

from .conftest import Relief

FILED_AT = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
COOL_DOWN = timedelta(minutes=COOL_DOWN_MINUTES)


@dataclass
class Clock:
    """A clock that stands still until the test moves it (``kiosk.domain.clock``'s form)."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def offline() -> Iterator[CentralClient]:
    client = CentralClient(
        f"http://127.0.0.1:{free_port()}",
        kiosk_code=KIOSK_CODE,
        private_key=Ed25519PrivateKey.generate(),
        timeout_s=2,
    )
    yield client
    client.close()


def _file(store: Store, relief: Relief, text: str) -> FiledComplaint:
    draft = ComplaintDraft(
        category=ComplaintCategory.CADRE_NOT_HELPING,
        household_id=relief.household_id,
        text=text,
        disclosure=Disclosure.ANONYMOUS,
    )
    return file_complaint(store.sessionmaker, draft, kiosk_code=KIOSK_CODE, now=FILED_AT)


def _wrong(secret: str) -> Callable[[int], str]:
    """The n-th wrong secret for ``secret``: six digits, never the right ones."""
    return lambda n: next(
        candidate
        for candidate in (f"{(int(secret) + n + k) % 1_000_000:06d}" for k in range(1, 3))
        if candidate != secret
    )


def _guess_wrong(
    offline: CentralClient, store: Store, filed: FiledComplaint, clock: Clock, times: int
) -> None:
    wrong = _wrong(filed.secret)
    for n in range(times):
        with pytest.raises(StatusNotFound):
            check_status(offline, store.sessionmaker, filed.tracking_number, wrong(n), clock=clock)


def test_five_wrong_secrets_then_the_right_one_is_refused(
    store: Store, relief: Relief, offline: CentralClient
) -> None:
    """After 5 wrong secrets the right one gets "too many attempts", with the minutes."""
    filed = _file(store, relief, "帮扶干部一年没来过。")
    clock = Clock(FILED_AT + timedelta(minutes=1))
    view = check_status(
        offline, store.sessionmaker, filed.tracking_number, filed.secret, clock=clock
    )
    assert view.waiting_to_send  # the right secret works before the guessing
    _guess_wrong(offline, store, filed, clock, MAX_WRONG_SECRETS)
    clock.now += timedelta(minutes=1)
    with pytest.raises(TooManyAttempts) as info:
        check_status(offline, store.sessionmaker, filed.tracking_number, filed.secret, clock=clock)
    assert info.value.code is StatusWhy.TOO_MANY_ATTEMPTS
    assert info.value.reason.as_dict() == {"minutes": str(COOL_DOWN_MINUTES)}


def test_four_wrong_secrets_still_let_the_right_one_through(
    store: Store, relief: Relief, offline: CentralClient
) -> None:
    """The limit is five: after four wrong secrets the holder of the receipt is answered."""
    filed = _file(store, relief, "帮扶干部一年没来过。")
    clock = Clock(FILED_AT)
    _guess_wrong(offline, store, filed, clock, MAX_WRONG_SECRETS - 1)
    view = check_status(
        offline, store.sessionmaker, filed.tracking_number, filed.secret, clock=clock
    )
    assert view.tracking_number == filed.tracking_number and view.waiting_to_send


def test_after_the_cool_down_the_right_secret_works_again(
    store: Store, relief: Relief, offline: CentralClient
) -> None:
    """Refused just before the cool-down has passed since the wrong secrets, answered
    just after it; and a sixth wrong secret after it is "not found" again, not refused."""
    filed = _file(store, relief, "帮扶干部一年没来过。")
    clock = Clock(FILED_AT)
    _guess_wrong(offline, store, filed, clock, MAX_WRONG_SECRETS)
    clock.now = FILED_AT + COOL_DOWN - timedelta(seconds=1)
    with pytest.raises(TooManyAttempts):
        check_status(offline, store.sessionmaker, filed.tracking_number, filed.secret, clock=clock)
    clock.now = FILED_AT + COOL_DOWN + timedelta(seconds=1)
    view = check_status(
        offline, store.sessionmaker, filed.tracking_number, filed.secret, clock=clock
    )
    assert view.waiting_to_send
    _guess_wrong(offline, store, filed, clock, 1)


def test_wrong_attempts_past_the_cool_down_are_deleted(
    store: Store, relief: Relief, offline: CentralClient
) -> None:
    """A wrong attempt written after the cool-down removes the rows older than it, for
    every tracking number, so the table holds only the current window."""
    first = _file(store, relief, "帮扶干部一年没来过。")
    second = _file(store, relief, "村里的路修了一半。")
    clock = Clock(FILED_AT)
    _guess_wrong(offline, store, first, clock, 3)
    _guess_wrong(offline, store, second, clock, 2)
    clock.now = FILED_AT + COOL_DOWN + timedelta(seconds=1)
    _guess_wrong(offline, store, second, clock, 1)
    with store.sessionmaker() as session:
        rows = session.execute(select(LocalStatusAttempt.tracking_number, LocalStatusAttempt.at))
        assert [tuple(row) for row in rows] == [(second.tracking_number, clock.now)]


def test_attempts_for_one_tracking_number_do_not_touch_another(
    store: Store, relief: Relief, offline: CentralClient
) -> None:
    """Five wrong secrets for one complaint lock that one only; the other still answers
    its right secret, and its own wrong ones are counted from zero."""
    guessed = _file(store, relief, "帮扶干部一年没来过。")
    other = _file(store, relief, "村里的路修了一半。")
    clock = Clock(FILED_AT)
    _guess_wrong(offline, store, guessed, clock, MAX_WRONG_SECRETS)
    view = check_status(
        offline, store.sessionmaker, other.tracking_number, other.secret, clock=clock
    )
    assert view.tracking_number == other.tracking_number
    _guess_wrong(offline, store, other, clock, MAX_WRONG_SECRETS - 1)
    assert check_status(
        offline, store.sessionmaker, other.tracking_number, other.secret, clock=clock
    ).waiting_to_send
    with pytest.raises(TooManyAttempts):
        check_status(
            offline, store.sessionmaker, guessed.tracking_number, guessed.secret, clock=clock
        )


def test_a_restart_does_not_reset_the_count(
    store_file: Path, relief: Relief, offline: CentralClient
) -> None:
    """The attempts are in the store: closing and opening it again keeps the lock."""
    store = open_store(store_file)
    try:
        filed = _file(store, relief, "帮扶干部一年没来过。")
        clock = Clock(FILED_AT)
        _guess_wrong(offline, store, filed, clock, MAX_WRONG_SECRETS)
    finally:
        store.close()
    reopened = open_store(store_file)
    try:
        with pytest.raises(TooManyAttempts):
            check_status(
                offline, reopened.sessionmaker, filed.tracking_number, filed.secret, clock=clock
            )
    finally:
        reopened.close()


def test_the_attempts_table_never_holds_the_secret_typed(
    store: Store, relief: Relief, offline: CentralClient
) -> None:
    """The rows hold the tracking number and the time, nothing else, and a scan of every
    column finds none of the secrets typed, right or wrong (a failure names the column,
    never the digits)."""
    filed = _file(store, relief, "帮扶干部一年没来过。")
    clock = Clock(FILED_AT)
    stored_time = "2026-12-07 08:00:00.000000"
    # Wrong secrets that cannot be read by chance in the number or the time beside them.
    typed = [
        candidate
        for candidate in (f"{n:06d}" for n in range(123_457, 1_000_000, 97_531))
        if candidate != filed.secret
        and candidate not in filed.tracking_number
        and candidate not in stored_time
    ][: MAX_WRONG_SECRETS + 1]
    for secret in typed[:MAX_WRONG_SECRETS]:
        with pytest.raises(StatusNotFound):
            check_status(offline, store.sessionmaker, filed.tracking_number, secret, clock=clock)
    for secret in (typed[-1], filed.secret):
        with pytest.raises(TooManyAttempts):
            check_status(offline, store.sessionmaker, filed.tracking_number, secret, clock=clock)
    with store.engine.connect() as connection:
        result = connection.exec_driver_sql("SELECT * FROM local_status_attempts")
        columns = list(result.keys())
        rows = result.all()
    assert columns == ["id", "tracking_number", "at"]
    assert [tuple(row[1:]) for row in rows] == [(filed.tracking_number, stored_time)] * 5
    holding = {
        column
        for row in rows
        for column, value in zip(columns, row, strict=True)
        if any(secret in str(value) for secret in typed)
    }
    assert holding == set(), f"a typed secret is stored in {sorted(holding)}"
