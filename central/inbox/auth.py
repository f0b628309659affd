"""Signing inspectors in and out: argon2 passwords, lockout, server-side sessions.

The browser holds only a random token; the database holds its SHA-256, so a copy of the
database does not let anyone act as a signed-in inspector. Unknown users and wrong
passwords get the same answer after the same amount of work, so the login form does not
tell which usernames exist.

Wrong passwords lock out the pair of account and client address that made them
(:class:`central.models.LoginThrottle`), never the account: if they locked the account,
anyone could keep a commission's inspector out with five requests a day. A guesser is slowed
just as much, since each address earns its own doubling locks, and passwords have at least
ten characters, so spreading guesses over many addresses gains nothing worth having.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central import passwords
from central.config import Settings
from central.models import Inspector, InspectorSession, LoginThrottle
from kiosk.domain.clock import utcnow

LONGEST_LOCK = timedelta(hours=24)
#: A client's failures are forgotten this long after its last failure or the end of its lock.
FORGET_AFTER = timedelta(hours=24)
#: The longest client address stored (an IPv6 address has at most 45 characters).
CLIENT_CHARS = 64


@dataclass(frozen=True)
class LoginPolicy:
    """Lockout and session lifetimes (``[login]`` of the server settings)."""

    max_failures: int = 5
    first_lock: timedelta = timedelta(minutes=15)
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=8)

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginPolicy:
        return cls(
            max_failures=settings.login_max_failures,
            first_lock=timedelta(minutes=settings.login_lockout_minutes),
            idle=timedelta(minutes=settings.session_idle_minutes),
            absolute=timedelta(hours=settings.session_hours),
        )

    def lock_duration(self, failed_logins: int) -> timedelta | None:
        """The lock after ``failed_logins`` failures in a row: the first lock at
        ``max_failures``, doubling every ``max_failures`` more, at most a day.

        Doubling makes a slow, patient guesser pay more each round while an inspector who
        mistypes a few times waits only the first, short lock.
        """
        if failed_logins < self.max_failures or failed_logins % self.max_failures:
            return None
        rounds = failed_logins // self.max_failures - 1
        return min(self.first_lock * (1 << rounds), LONGEST_LOCK)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class Authenticator:
    """Checks passwords and opens, finds and closes inspector sessions."""

    def __init__(self, policy: LoginPolicy) -> None:
        self.policy = policy

    def authenticate(
        self,
        session: Session,
        username: str,
        password: str,
        *,
        client: str,
        now: datetime | None = None,
    ) -> Inspector | None:
        """The inspector if the password is right, the account open and ``client`` (the
        address the request came from) not locked out of it, else None.

        Counts the failure against (account, client) and locks that pair as
        :meth:`LoginPolicy.lock_duration` says; a right password from a locked client is
        refused too (and not counted), so guessing during a lock gains nothing, while the
        same password from any other client still signs in.
        """
        now = now or utcnow()
        inspector = session.scalar(select(Inspector).where(Inspector.username == username))
        # Every refusal costs one argon2 run, so timing does not tell which case it was.
        if inspector is None or not inspector.active:
            passwords.burn_verification(password)
            return None
        throttle = _throttle(session, inspector.id, client[:CLIENT_CHARS], now)
        if throttle.locked_until is not None and throttle.locked_until > now:
            passwords.burn_verification(password)
            return None
        if not passwords.verify_password(inspector.password_hash, password):
            throttle.failures += 1
            lock = self.policy.lock_duration(throttle.failures)
            if lock is not None:
                throttle.locked_until = now + lock
            throttle.forget_at = max(now, throttle.locked_until or now) + FORGET_AFTER
            # Old pairs are swept here, where a failure is being written anyway.
            session.execute(delete(LoginThrottle).where(LoginThrottle.forget_at <= now))
            return None
        # Kept, not deleted: the next sign-in from this client finds it and needs no insert.
        throttle.failures = 0
        throttle.locked_until = None
        throttle.forget_at = now + FORGET_AFTER
        # Hashes made with older, weaker parameters are upgraded while the password is known.
        if passwords.needs_rehash(inspector.password_hash):
            inspector.password_hash = passwords.hash_password(password)
        return inspector

    def open_session(
        self, session: Session, inspector: Inspector, *, now: datetime | None = None
    ) -> str:
        """Store a new session and return the token for the cookie (never stored itself)."""
        now = now or utcnow()
        # Sessions that ended without a sign-out are swept here, where they cost nothing.
        session.execute(
            delete(InspectorSession).where(
                InspectorSession.inspector_id == inspector.id,
                (InspectorSession.expires_at <= now)
                | (InspectorSession.last_seen_at <= now - self.policy.idle),
            )
        )
        token = secrets.token_urlsafe(32)
        session.add(
            InspectorSession(
                token_hash=token_hash(token),
                inspector_id=inspector.id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                last_seen_at=now,
                expires_at=now + self.policy.absolute,
            )
        )
        return token

    def find_session(
        self, session: Session, token: str | None, *, now: datetime | None = None
    ) -> InspectorSession | None:
        """The live session of a cookie token, touched as seen now; expired ones are removed."""
        if not token:
            return None
        now = now or utcnow()
        found = session.scalar(
            select(InspectorSession).where(InspectorSession.token_hash == token_hash(token))
        )
        if found is None:
            return None
        idle_end = found.last_seen_at + self.policy.idle
        if found.expires_at <= now or idle_end <= now or not found.inspector.active:
            session.delete(found)
            return None
        found.last_seen_at = now
        return found

    def close_session(self, session: Session, token: str | None) -> None:
        if token:
            session.execute(
                delete(InspectorSession).where(InspectorSession.token_hash == token_hash(token))
            )


def _throttle(session: Session, inspector_id: int, client: str, now: datetime) -> LoginThrottle:
    """The (account, client) row, made if missing, locked for update until the commit.

    The row lock is held while the password is checked: attempts of one client on one
    account wait for each other, so wrong passwords sent at once still count one by one and
    none is checked once the lock is set (PostgreSQL). Other clients never wait for them.
    SQLite has no row locks, but refuses the write of an attempt whose reads another writer
    made stale, so such an attempt neither counts nor signs in (it fails as a whole).
    """
    mine = (
        select(LoginThrottle)
        .where(LoginThrottle.inspector_id == inspector_id, LoginThrottle.client == client)
        .with_for_update()
    )
    found = session.scalar(mine)
    if found is not None:
        return found
    try:
        with session.begin_nested():
            session.add(
                LoginThrottle(
                    inspector_id=inspector_id, client=client, forget_at=now + FORGET_AFTER
                )
            )
    except IntegrityError:
        pass  # another attempt of the same pair made it first; its row is read below
    return session.scalars(mine).one()


def unlock(session: Session, inspector_id: int) -> int:
    """Forget every client's failures and locks on one account; how many clients had any."""
    mine = LoginThrottle.inspector_id == inspector_id
    count = session.scalar(select(func.count()).where(mine, LoginThrottle.failures > 0)) or 0
    session.execute(delete(LoginThrottle).where(mine))
    return count


def same_token(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a CSRF token from a form with the session's."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
