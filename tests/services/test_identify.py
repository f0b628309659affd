"""Identification by ID number and initials, with throttling that reveals nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.idnumber import id_lookup_hash, make_id_number, parse_id_number
from kiosk.domain.models import (
    Health,
    Household,
    LabourCapacity,
    Member,
    PovertyStatus,
    Region,
    RegionLevel,
    Relation,
    Sex,
)
from kiosk.services.identify import (
    _MEMBER_BY_ID_HASH,
    PER_ID_NUMBER,
    AttemptThrottle,
    Identifier,
    Outcome,
    ThrottlePolicy,
)
from kiosk.services.store import open_store

KEY = b"identification test key, at least 32 bytes"
KNOWN = make_id_number("522730", date(1958, 2, 14), 31)
UNKNOWN = make_id_number("522730", date(1970, 1, 1), 41)


class FakeClock:
    """A clock the test moves by hand: throttling is about time, and tests must not sleep."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    store = open_store(tmp_path / "k.sqlite3")
    with store.sessionmaker.begin() as s:
        s.add_all([
            Region(code="522730", name="龙里县", level=RegionLevel.COUNTY),
            Region(code="522730001", name="冠山街道", level=RegionLevel.TOWNSHIP,
                   parent_code="522730"),
            Region(code="522730001201", name="新寨村", level=RegionLevel.VILLAGE,
                   parent_code="522730001"),
        ])  # fmt: skip
        household = Household(
            file_number="F1", village_code="522730001201", address="x",
            status=PovertyStatus.POOR, registered_on=date(2014, 1, 1), poverty_score=0,
            score_housing=0, score_food=0, score_labour=0, score_schooling=0, score_health=0,
        )  # fmt: skip
        s.add(household)
        s.flush()
        parsed = parse_id_number(KNOWN)
        s.add(
            Member(
                household_id=household.id,
                name="杨正刚",
                name_initials="YZG",
                relation=Relation.HEAD,
                sex=Sex.MALE,
                birth_date=parsed.birth_date,
                id_hash=id_lookup_hash(parsed, KEY),
                id_masked=parsed.masked,
                labour_capacity=LabourCapacity.ORDINARY,
                health=Health.HEALTHY,
            )
        )
    yield store.sessionmaker
    store.close()


def _identifier(sessions: sessionmaker[Session], clock: FakeClock) -> Identifier:
    return Identifier(
        sessions,
        id_hash_key=KEY,
        per_id=AttemptThrottle(PER_ID_NUMBER, clock),
        per_terminal=AttemptThrottle(
            ThrottlePolicy(max_failures=8, base_cooldown_s=30, max_cooldown_s=600, window_s=600),
            clock,
        ),
    )


def test_right_number_and_initials_identify(sessions: sessionmaker[Session]) -> None:
    """The ID number with the right initials (any case, spaces) finds the member."""
    result = _identifier(sessions, FakeClock()).identify(parse_id_number(KNOWN), " y z g ")
    assert result.outcome is Outcome.IDENTIFIED and result.household_id is not None


def test_wrong_initials_and_unknown_number_look_the_same(sessions: sessionmaker[Session]) -> None:
    """Wrong initials and a number nobody has give the very same answer."""
    identifier = _identifier(sessions, FakeClock())
    wrong = identifier.identify(parse_id_number(KNOWN), "YZH")
    unknown = identifier.identify(parse_id_number(UNKNOWN), "YZG")
    assert wrong == unknown
    assert wrong.outcome is Outcome.NO_MATCH and wrong.member_id is None


def test_five_failures_then_a_growing_cool_down(sessions: sessionmaker[Session]) -> None:
    """After 5 failures on one number even the right initials wait; the wait then doubles."""
    clock = FakeClock()
    identifier = _identifier(sessions, clock)
    known = parse_id_number(KNOWN)
    for _ in range(5):
        assert identifier.identify(known, "AAA").outcome is Outcome.NO_MATCH
    blocked = identifier.identify(known, "YZG")
    assert blocked.outcome is Outcome.THROTTLED and blocked.retry_after_s == 60
    clock.now += 61
    assert identifier.identify(known, "AAA").outcome is Outcome.NO_MATCH
    assert identifier.identify(known, "YZG").retry_after_s == 120
    clock.now += 121
    assert identifier.identify(known, "YZG").outcome is Outcome.IDENTIFIED


def test_unknown_numbers_are_throttled_like_known_ones(sessions: sessionmaker[Session]) -> None:
    """A number nobody has is throttled after the same failures, so throttling tells nothing."""
    clock = FakeClock()
    identifier = _identifier(sessions, clock)
    unknown = parse_id_number(UNKNOWN)
    for _ in range(5):
        identifier.identify(unknown, "AAA")
    assert identifier.identify(unknown, "AAA").outcome is Outcome.THROTTLED


def test_the_terminal_slows_down_after_many_failures_across_numbers(
    sessions: sessionmaker[Session],
) -> None:
    """Guessing many different numbers at one terminal throttles the whole terminal."""
    clock = FakeClock()
    identifier = _identifier(sessions, clock)
    for sequence in range(8):
        number = parse_id_number(make_id_number("522730", date(1980, 1, 1), sequence))
        assert identifier.identify(number, "AAA").outcome is Outcome.NO_MATCH
    result = identifier.identify(parse_id_number(KNOWN), "YZG")
    assert result.outcome is Outcome.THROTTLED and result.retry_after_s == 30


def test_old_failures_are_forgotten() -> None:
    """Failures older than the window no longer count."""
    clock = FakeClock()
    throttle = AttemptThrottle(
        ThrottlePolicy(max_failures=2, base_cooldown_s=10, max_cooldown_s=100, window_s=50), clock
    )
    throttle.fail("k")
    throttle.fail("k")
    assert throttle.wait_s("k") == 10
    clock.now += 51
    assert throttle.wait_s("k") == 0


def test_the_lookup_is_one_probe_of_the_unique_hash_index(sessions: sessionmaker[Session]) -> None:
    """The query finds a member through the unique index on id_hash, never by a scan."""
    sql = str(_MEMBER_BY_ID_HASH.compile(dialect=sqlite_dialect.dialect()))
    with sessions() as session:
        plan = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", ("x",)).all()
    assert [str(row[-1]) for row in plan] == [
        "SEARCH members USING INDEX sqlite_autoindex_members_1 (id_hash=?)"
    ]


def test_a_member_written_later_is_found_and_no_connection_is_kept(
    sessions: sessionmaker[Session],
) -> None:
    """Each identification reads the store afresh and gives its connection back."""
    identifier = _identifier(sessions, FakeClock())
    later = parse_id_number(UNKNOWN)
    assert identifier.identify(later, "LM").outcome is Outcome.NO_MATCH
    with sessions.begin() as s:
        household_id = s.scalar(select(Household.id))
        s.add(
            Member(
                household_id=household_id, position=1, name="李明", name_initials="LM",
                relation=Relation.SON, sex=Sex.MALE, birth_date=later.birth_date,
                id_hash=id_lookup_hash(later, KEY), id_masked=later.masked,
                labour_capacity=LabourCapacity.ORDINARY, health=Health.HEALTHY,
            )
        )  # fmt: skip
    result = identifier.identify(later, "LM")
    assert result.outcome is Outcome.IDENTIFIED and result.household_id == household_id
    engine = sessions.kw["bind"]
    assert engine.pool.checkedout() == 0
