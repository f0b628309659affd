"""Identifying a resident: ID number plus the pinyin initials of their own name.

Nothing here tells a caller whether an ID number exists: an unknown number and wrong
initials give the same answer, and both count as a failure for throttling.

The lookup is a SQLAlchemy Core statement, built once, run on a pooled connection: an ORM
session and a freshly built ``select`` cost about 0.2 ms a lookup, more than the indexed
query itself (see ``benchmarks/bench_lookup.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Engine, Row, bindparam, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.address_codes import AddressCodes, gb2260
from kiosk.domain.idnumber import IdNumber, id_lookup_hash
from kiosk.domain.models import Member
from kiosk.domain.names import normalize_initials


@dataclass(frozen=True)
class ThrottlePolicy:
    """After ``max_failures`` failures within ``window_s``, wait a cool-down that doubles
    with every further failure, up to ``max_cooldown_s``."""

    max_failures: int
    base_cooldown_s: float
    max_cooldown_s: float
    window_s: float

    def cooldown_after(self, failures: int) -> float:
        if failures < self.max_failures:
            return 0.0
        doublings = failures - self.max_failures
        return min(self.base_cooldown_s * 2.0**doublings, self.max_cooldown_s)


#: One ID number: 5 tries, then 1 minute, 2, 4 ... up to 30 minutes.
PER_ID_NUMBER = ThrottlePolicy(
    max_failures=5, base_cooldown_s=60.0, max_cooldown_s=1800.0, window_s=86400.0
)
#: The whole terminal: many residents share it, so allow more before slowing everyone down.
PER_TERMINAL = ThrottlePolicy(
    max_failures=20, base_cooldown_s=30.0, max_cooldown_s=600.0, window_s=600.0
)


@dataclass
class _Record:
    failures: list[float] = field(default_factory=list)


class AttemptThrottle:
    """Counts failures per key and says how long a key must wait before the next try."""

    def __init__(self, policy: ThrottlePolicy, clock: Callable[[], float] = time.monotonic):
        self._policy = policy
        self._clock = clock
        self._records: dict[str, _Record] = {}

    def _recent(self, key: str) -> list[float]:
        record = self._records.get(key)
        if record is None:
            return []
        horizon = self._clock() - self._policy.window_s
        record.failures = [t for t in record.failures if t > horizon]
        if not record.failures:
            del self._records[key]
            return []
        return record.failures

    def wait_s(self, key: str) -> float:
        """Seconds until ``key`` may try again (0 when it may try now)."""
        failures = self._recent(key)
        cooldown = self._policy.cooldown_after(len(failures))
        if not cooldown:
            return 0.0
        return max(0.0, failures[-1] + cooldown - self._clock())

    def fail(self, key: str) -> None:
        self._recent(key)
        self._records.setdefault(key, _Record()).failures.append(self._clock())

    def succeed(self, key: str) -> None:
        self._records.pop(key, None)


#: Identifier's one query. Built once: compiling is cached either way, but constructing a
#: ``select`` per call costs more than running it.
_MEMBER_BY_ID_HASH = select(Member.id, Member.household_id, Member.name_initials).where(
    Member.id_hash == bindparam("id_hash")
)


def engine_of(sessions: sessionmaker[Session]) -> Engine:
    """The engine behind ``sessions`` (making a session does not connect)."""
    with sessions() as session:
        bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


class Outcome(StrEnum):
    IDENTIFIED = "identified"
    #: The ID number and initials do not match a member (or the number is unknown).
    NO_MATCH = "no_match"
    #: Too many failures: try again after ``retry_after_s``.
    THROTTLED = "throttled"


@dataclass(frozen=True)
class IdentifyResult:
    outcome: Outcome
    member_id: int | None = None
    household_id: int | None = None
    retry_after_s: float = 0.0


class Identifier:
    """Finds the member an ID number and initials belong to, throttling failed attempts
    per terminal and per ID number.

    ``addresses`` are the address codes this terminal accepts at the start of a number,
    for the screens that check numbers as they are typed: GB/T 2260 unless given (only a
    terminal on the public demo key is given the demo's table as well).
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        id_hash_key: bytes,
        per_id: AttemptThrottle | None = None,
        per_terminal: AttemptThrottle | None = None,
        addresses: AddressCodes | None = None,
    ) -> None:
        self.addresses = gb2260() if addresses is None else addresses
        self._sessions = sessions
        self._engine: Engine | None = None
        self._key = id_hash_key
        self._per_id = per_id or AttemptThrottle(PER_ID_NUMBER)
        self._per_terminal = per_terminal or AttemptThrottle(PER_TERMINAL)

    def identify(self, id_number: IdNumber, initials: str) -> IdentifyResult:
        id_hash = id_lookup_hash(id_number, self._key)
        wait = max(self._per_id.wait_s(id_hash), self._per_terminal.wait_s("terminal"))
        if wait:
            return IdentifyResult(Outcome.THROTTLED, retry_after_s=wait)
        row = self._find(id_hash)
        if row is not None and row.name_initials == normalize_initials(initials):
            self._per_id.succeed(id_hash)
            return IdentifyResult(Outcome.IDENTIFIED, row.id, row.household_id)
        self._per_id.fail(id_hash)
        self._per_terminal.fail("terminal")
        return IdentifyResult(Outcome.NO_MATCH)

    def _find(self, id_hash: str) -> Row[int, int, str] | None:
        """The member row with this hash: the same query and work for a hit and a miss."""
        if self._engine is None:
            self._engine = engine_of(self._sessions)
        with self._engine.connect() as conn:
            return conn.execute(_MEMBER_BY_ID_HASH, {"id_hash": id_hash}).one_or_none()
