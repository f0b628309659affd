"""Identification lookups against a large store: by ID number, and by village + initials.

What is timed, per lookup (``time.perf_counter`` around each one, after a warm-up), with
all kinds interleaved so that a neighbour's burst of load hits each kind alike, and taking
turns at going first for each sampled member. Beside the wall-clock percentiles, the p99
of the thread's CPU time (``time.thread_time``) is shown: on a shared machine the
wall-clock tail is mostly other processes taking the core, which the CPU time leaves out.
To see the wall-clock figures of a terminal that runs nothing else, run the script as root
under ``chrt -f 10`` (real-time priority, so neighbours cannot preempt it; it is
single-threaded and leaves the other cores alone).

* **ID number, identify() hit** — what ``Identifier.identify`` does for a resident who
  exists: ``id_lookup_hash`` (HMAC-SHA256) of a freshly made, valid, random ``IdNumber``,
  then Identifier's own lookup step (its prepared Core statement on a pooled connection)
  and the comparison of the initials. The store holds no clear ID numbers, so the lookup
  is given a stored ``id_hash`` sampled at random instead of the hash just computed: the
  hashing cost is included and the row is found.
* **ID number, identify() unknown** — ``Identifier.identify(number, initials)`` itself,
  with random valid numbers that are not in the store (a miss walks the same index), and
  throttling switched off through its constructor so every call queries.
* **ID number, ORM session (before)** — the previous code path: a new ORM session per
  lookup and a ``select`` built per call, on a stored hash. For comparison in the same run.
* **ID number, SQL only (sqlite3)** — the same SELECT on a stored hash through one open
  sqlite3 connection, without SQLAlchemy or hashing: how much of the time is the database's.
* **village + initials, service** — ``find_by_village_and_initials`` (households of the
  village, then each household's members by initials; masked results). The (village,
  initials) pairs are sampled from stored members, so each finds someone.
* **village + initials, join (before)** — the query the previous version of this script
  timed, ``members JOIN households`` in an ORM session, on the same indexes and statistics.
* **village + initials, SQL only (sqlite3)** — the service's SQL through one sqlite3
  connection.
* **primary key (baseline)** — ``SELECT ... FROM members WHERE id = ?`` through an ORM
  session: the cheapest query the store can answer, in the same run.

The store is opened with ``open_store``, so it is migrated first: migration 0002 adds the
index ``members (household_id, name_initials)`` and ``ANALYZE`` statistics (about 10 s on
a million members, once). The plans (``EXPLAIN QUERY PLAN``) are printed.

Targets: p99 ≤ 1 ms for the ID number, p99 ≤ 5 ms for village + initials.

    python benchmarks/bench_lookup.py [--members N] [--quick] [--lookups N]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from common import base_parser, load_average, ms, percentile, print_machine, print_table, verdict
from sqlalchemy import Executable, Row, func, select
from store import ID_HASH_KEY, bench_store

from kiosk.domain.idnumber import IdNumber, id_lookup_hash, make_id_number, parse_id_number
from kiosk.domain.models import Household, Member
from kiosk.services.identify import (
    _MEMBER_BY_ID_HASH,
    AttemptThrottle,
    Identifier,
    ThrottlePolicy,
)
from kiosk.services.store import Store, current_revision, head_revision, open_store, sqlite_url
from kiosk.services.village_lookup import (
    _MEMBERS_BY_VILLAGE_AND_INITIALS,
    MAX_MATCHES,
    find_by_village_and_initials,
)

ID_TARGET_P99_S = 0.001
VILLAGE_TARGET_P99_S = 0.005
#: Counties of the demo data: a random number from one of them looks like a resident's.
REGIONS = ("522730", "520602", "522731", "520628")
WARM_UP = 200


def random_id_number(rng: random.Random) -> IdNumber:
    birth = date(1930, 1, 1) + timedelta(days=rng.randrange(90 * 365))
    raw = make_id_number(rng.choice(REGIONS), birth, rng.randrange(1000))
    return parse_id_number(raw, today=date(2026, 11, 1))


@dataclass(frozen=True)
class RawQuery:
    """A statement compiled for SQLite, to run and explain through plain sqlite3."""

    sql: str
    names: tuple[str, ...]

    @classmethod
    def of(cls, store: Store, statement: Executable) -> RawQuery:
        compiled = statement.compile(dialect=store.engine.dialect)
        return cls(str(compiled), tuple(compiled.positiontup or ()))

    def args(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(values.get(name, 0) for name in self.names)  # 0: SQLite's OFFSET


def previous_id_query(id_hash: str) -> Executable:
    """The query as ``Identifier.identify`` built it before: a new ``select`` per call."""
    return select(Member.id, Member.household_id, Member.name_initials).where(
        Member.id_hash == id_hash
    )


def previous_village_query(village_code: str, initials: str) -> Executable:
    """The village + initials query the previous version of this script timed."""
    return (
        select(Member.id, Member.household_id, Member.name)
        .join(Household, Household.id == Member.household_id)
        .where(Household.village_code == village_code, Member.name_initials == initials)
    )


@dataclass
class Kind:
    name: str
    work: Callable[[int], int]
    target_s: float | None
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


def kinds_to_measure(
    store: Store, raw: sqlite3.Connection, sample: list[Row[Any]], rng: random.Random
) -> list[Kind]:
    sessions = store.sessionmaker
    never = ThrottlePolicy(max_failures=10**9, base_cooldown_s=0, max_cooldown_s=0, window_s=1)
    identifier = Identifier(
        sessions,
        id_hash_key=ID_HASH_KEY,
        per_id=AttemptThrottle(never),
        per_terminal=AttemptThrottle(never),
    )
    numbers = [random_id_number(rng) for _ in range(len(sample))]
    id_sql = RawQuery.of(store, _MEMBER_BY_ID_HASH)
    village_sql = RawQuery.of(store, _MEMBERS_BY_VILLAGE_AND_INITIALS)

    def hit(index: int) -> int:
        row = sample[index]
        id_lookup_hash(numbers[index], ID_HASH_KEY)  # the hashing a real lookup pays for
        found = identifier._find(row.id_hash)  # Identifier's own lookup step
        if found is None or found.name_initials != row.name_initials:
            raise RuntimeError("a stored member was not found by its id_hash")
        return 1

    def unknown(index: int) -> int:
        identifier.identify(numbers[index], "ZZZ")
        return 0

    def orm_before(index: int) -> int:
        row = sample[index]
        id_lookup_hash(numbers[index], ID_HASH_KEY)
        with sessions() as session:
            found = session.execute(previous_id_query(row.id_hash)).one_or_none()
        return 0 if found is None else 1

    def id_sql_only(index: int) -> int:
        args = id_sql.args({"id_hash": sample[index].id_hash})
        return len(raw.execute(id_sql.sql, args).fetchall())

    def village(index: int) -> int:
        row = sample[index]
        return len(
            find_by_village_and_initials(
                sessions, village_code=row.village_code, initials=row.name_initials
            )
        )

    def village_before(index: int) -> int:
        row = sample[index]
        with sessions() as session:
            query = previous_village_query(row.village_code, row.name_initials)
            return len(session.execute(query).all())

    def village_sql_only(index: int) -> int:
        row = sample[index]
        values = {
            "village_code": row.village_code,
            "initials": row.name_initials,
            "limit": MAX_MATCHES,
        }
        return len(raw.execute(village_sql.sql, village_sql.args(values)).fetchall())

    def primary_key(index: int) -> int:
        with sessions() as session:
            query = select(Member.id, Member.household_id, Member.name_initials).where(
                Member.id == sample[index].id
            )
            return len(session.execute(query).all())

    return [
        Kind("ID number, identify() hit", hit, ID_TARGET_P99_S),
        Kind("ID number, identify() unknown", unknown, ID_TARGET_P99_S),
        Kind("ID number, ORM session (before)", orm_before, None),
        Kind("ID number, SQL only (sqlite3)", id_sql_only, None),
        Kind("village + initials, service", village, VILLAGE_TARGET_P99_S),
        Kind("village + initials, join (before)", village_before, None),
        Kind("village + initials, SQL only (sqlite3)", village_sql_only, None),
        Kind("primary key (baseline)", primary_key, None),
    ]


def measure(kinds: list[Kind], lookups: int) -> None:
    for kind in kinds:
        for index in range(WARM_UP):
            kind.work(index)
    for index in range(WARM_UP, WARM_UP + lookups):
        # Kinds of one index read the same pages: the first pays for reading them, so
        # every kind takes its turn at going first.
        turn = index % len(kinds)
        for kind in kinds[turn:] + kinds[:turn]:
            cpu_started = time.thread_time()
            started = time.perf_counter()
            found = kind.work(index)
            kind.samples.append(time.perf_counter() - started)
            kind.cpu.append(time.thread_time() - cpu_started)
            kind.rows.append(found)


def print_plans(store: Store, raw: sqlite3.Connection, first: Row[Any]) -> None:
    print("EXPLAIN QUERY PLAN:")
    queries = [
        ("ID number", _MEMBER_BY_ID_HASH, {"id_hash": first.id_hash}),
        (
            "village + initials",
            _MEMBERS_BY_VILLAGE_AND_INITIALS,
            {"village_code": first.village_code, "initials": first.name_initials, "limit": 20},
        ),
    ]
    for title, statement, values in queries:
        query = RawQuery.of(store, statement)
        for row in raw.execute(f"EXPLAIN QUERY PLAN {query.sql}", query.args(values)):
            print(f"  {title + ':':20s}{row[-1]}")


def open_migrated(path_members: int) -> Store:
    """The benchmark store, migrated to the head (timed, when a migration runs)."""
    path = bench_store(path_members)
    url = sqlite_url(path)
    store = open_store(path, migrate=False)
    before = current_revision(store.engine)
    store.close()
    if before != head_revision(url):
        print(f"Migrating the store from {before} to {head_revision(url)} ...", flush=True)
    started = time.perf_counter()
    store = open_store(path)
    if before != head_revision(url):
        print(f"  migrated in {time.perf_counter() - started:.1f} s\n")
    return store


def main(argv: list[str] | None = None) -> int:
    parser = base_parser("Time identification lookups against a large store.")
    parser.add_argument("--lookups", type=int, default=None, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    lookups = args.lookups or (300 if args.quick else 3000)

    print_machine("Lookups: by ID number, and by village + initials")
    store = open_migrated(args.members)
    assert store.path is not None
    rng = random.Random(args.seed)
    raw = sqlite3.connect(store.path)
    try:
        with store.sessionmaker() as session:
            max_id = session.execute(select(func.max(Member.id))).scalar_one()
            member_count = session.execute(select(func.count(Member.id))).scalar_one()
            picks = [rng.randint(1, max_id) for _ in range(lookups + WARM_UP)]
            by_id = {
                row.id: row
                for row in session.execute(
                    select(Member.id, Member.id_hash, Member.name_initials, Household.village_code)
                    .join(Household, Household.id == Member.household_id)
                    .where(Member.id.in_(sorted(set(picks))))
                )
            }
        sample = [by_id[pick] for pick in picks if pick in by_id]
        lookups = len(sample) - WARM_UP
        statistics = raw.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone()[0]
        print(
            f"Store: {store.path.name}, {member_count:,} members,"
            f" {'with' if statistics else 'without'} ANALYZE statistics"
        )
        print(f"{lookups:,} lookups of each kind after {WARM_UP} untimed warm-up lookups")
        print(f"load average before: {load_average()}\n")
        print_plans(store, raw, sample[0])
        kinds = kinds_to_measure(store, raw, sample, rng)
        print()
        measure(kinds, lookups)
    finally:
        raw.close()
        store.close()

    baseline_p50 = percentile(kinds[-1].samples, 0.5)
    rows = []
    for kind in kinds:
        p50, p95, p99 = (percentile(kind.samples, q) for q in (0.5, 0.95, 0.99))
        target = kind.target_s
        rows.append(
            (
                kind.name,
                ms(p50),
                ms(p95),
                ms(p99),
                ms(percentile(kind.cpu, 0.99)),
                "-" if target is None else ms(target),
                "-" if target is None else verdict(p99, target),
                f"{p50 / baseline_p50:.2f}x",
                f"{sum(kind.rows) / len(kind.rows):.1f} (max {max(kind.rows)})",
            )
        )
    print_table(
        (
            "lookup",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "CPU p99 ms",
            "target p99",
            "met",
            "p50/baseline",
            "rows",
        ),
        rows,
    )
    print(f"\nload average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
