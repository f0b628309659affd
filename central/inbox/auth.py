"""Signing inspectors in and out: argon2 passwords, lockout, server-side sessions.

The browser holds only a random token; the database holds its SHA-256, so a copy of the
database does not let anyone act as a signed-in inspector. Unknown users and wrong
passwords get the same answer after the same amount of work, so the login form does not
tell which usernames exist.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central import passwords
from central.config import Settings
from central.models import Inspector, InspectorSession
from kiosk.domain.base import utcnow

LONGEST_LOCK = timedelta(hours=24)


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
        self, session: Session, username: str, password: str, *, now: datetime | None = None
    ) -> Inspector | None:
        """The inspector if the password is right and the account open, else None.

        Counts the failure and locks the account as :meth:`LoginPolicy.lock_duration` says;
        a right password during a lock is refused too (and not counted), so guessing during
        a lock gains nothing.
        """
        now = now or utcnow()
        # Locked for update: two wrong passwords at once must both count (PostgreSQL; SQLite
        # already serialises writers).
        inspector = session.scalar(
            select(Inspector).where(Inspector.username == username).with_for_update()
        )
        # Every refusal costs one argon2 run, so timing does not tell which case it was.
        if inspector is None or not inspector.active:
            passwords.burn_verification(password)
            return None
        if inspector.locked_until is not None and inspector.locked_until > now:
            passwords.burn_verification(password)
            return None
        if not passwords.verify_password(inspector.password_hash, password):
            inspector.failed_logins += 1
            lock = self.policy.lock_duration(inspector.failed_logins)
            if lock is not None:
                inspector.locked_until = now + lock
            return None
        inspector.failed_logins = 0
        inspector.locked_until = None
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


def same_token(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a CSRF token from a form with the session's."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
