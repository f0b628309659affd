"""Wrong passwords lock out the client that made them, never the inspector's account.

Two clients are two real source addresses on the loopback network (127.0.0.1 and
127.0.0.2), connecting to the real server, which sees them as ``request.client.host``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from requests.adapters import HTTPAdapter
from sqlalchemy import select, update

from central.db import Database
from central.models import LoginThrottle
from kiosk.domain.clock import utcnow
from tests.central.inbox.inbox_world import Browser

GUESSER = "127.0.0.2"


class _FromAddress(HTTPAdapter):
    """Connects from a chosen local address, as a second machine would appear."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


@pytest.fixture
def guesser(browser: Browser) -> Iterator[Browser]:
    """A second browser, on another address, that does not know zhang's password."""
    other = Browser(browser.base)
    other.http.mount("http://", _FromAddress(GUESSER))
    yield other
    other.http.close()


def _throttles(database: Database) -> dict[str, LoginThrottle]:
    with database.session() as session:
        return {row.client: row for row in session.scalars(select(LoginThrottle))}


def test_one_clients_failures_do_not_lock_out_another(
    browser: Browser, guesser: Browser, central_db: Database
) -> None:
    """Ten wrong passwords from one address lock that address out, even for the right
    password, while the inspector signs in from another address at once."""
    for _ in range(10):
        assert guesser.login("zhang", "guess").status_code == 401
    assert guesser.login("zhang").status_code == 401
    assert browser.login("zhang").status_code == 303
    assert "张纪检" in browser.get("/inbox/").text
    throttles = _throttles(central_db)
    # The five guesses during the lock were not counted; the guesser stays locked.
    assert throttles[GUESSER].failures == 5
    locked_until = throttles[GUESSER].locked_until
    assert locked_until is not None and locked_until > utcnow() + timedelta(minutes=14)
    assert throttles["127.0.0.1"].failures == 0


def test_signing_in_forgets_only_its_own_clients_failures(
    browser: Browser, guesser: Browser, central_db: Database
) -> None:
    """Mistyping twice then signing in clears that client's count, not another's."""
    for _ in range(3):
        guesser.login("zhang", "guess")
    for _ in range(2):
        browser.login("zhang", "mistyped")
    assert browser.login("zhang").status_code == 303
    throttles = _throttles(central_db)
    assert throttles["127.0.0.1"].failures == 0
    assert throttles[GUESSER].failures == 3


def test_a_lock_on_one_account_leaves_the_clients_other_accounts_open(
    browser: Browser, central_db: Database
) -> None:
    """Five wrong passwords for zhang from this client do not lock it out of liu's account."""
    for _ in range(5):
        browser.login("zhang", "guess")
    assert browser.login("zhang").status_code == 401
    assert browser.login("liu").status_code == 303


def test_unknown_usernames_leave_no_row(browser: Browser, central_db: Database) -> None:
    """Names that are no account store nothing (they may be passwords typed in the wrong
    field), yet get the same refusal."""
    for _ in range(6):
        assert browser.login("zhang-typo", "guess").status_code == 401
    assert _throttles(central_db) == {}


def test_forgotten_rows_are_swept_at_the_next_failure(
    browser: Browser, guesser: Browser, central_db: Database
) -> None:
    """A pair's row whose day has passed is deleted when any failure is written."""
    for _ in range(5):
        guesser.login("zhang", "guess")
    with central_db.session() as session:
        session.execute(
            update(LoginThrottle).values(
                locked_until=utcnow() - timedelta(days=1, minutes=1),
                forget_at=utcnow() - timedelta(minutes=1),
            )
        )
        session.commit()
    browser.login("zhang", "mistyped")
    assert set(_throttles(central_db)) == {"127.0.0.1"}


@pytest.mark.postgres
@pytest.mark.parametrize("central_db", ["postgresql"], indirect=True)
def test_wrong_passwords_sent_at_once_still_count_one_by_one(
    guesser: Browser, central_db: Database
) -> None:
    """Twelve wrong passwords sent together from one client: five are checked and counted,
    the rest find the lock (the row lock serialises them; PostgreSQL only, as SQLite has no
    row locks and refuses a stale writer instead)."""
    assert guesser.login("zhang", "first guess").status_code == 401  # the row exists now
    attempts = 11
    answers: list[int] = []
    start = threading.Barrier(attempts)

    def attempt() -> None:
        # A browser of its own per thread: a requests.Session is not safe across threads,
        # and each sign-in form's token is tied to that browser's cookie.
        other = Browser(guesser.base)
        other.http.mount("http://", _FromAddress(GUESSER))
        with other.http:
            token = other.page_csrf("/inbox/login")
            start.wait()
            answer = other.post(
                "/inbox/login", {"username": "zhang", "password": "guess", "csrf_token": token}
            )
            answers.append(answer.status_code)

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [401] * attempts
    throttle = _throttles(central_db)[GUESSER]
    assert throttle.failures == 5
    assert throttle.locked_until is not None
