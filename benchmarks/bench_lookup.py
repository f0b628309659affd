"""Identification lookups against a large store: by ID number, and by village + initials.

What is timed, per lookup (``time.perf_counter`` around each one, after a warm-up), with
all kinds interleaved so that a neighbour's burst of load hits each kind alike:

* **ID number, hit (hash + query)** — what ``Identifier.identify`` does for a resident who
  exists: ``id_lookup_hash`` (HMAC-SHA256) of a freshly made, valid, random
  ``IdNumber``, then a new session from the store's sessionmaker running Identifier's own
  query ``SELECT id, household_id, name_initials FROM members WHERE id_hash = ?`` and the
  comparison of the initials. The store holds no clear ID numbers, so the query is given
  a stored ``id_hash`` sampled at random instead of the hash just computed: the hashing
  cost is included and the row is found.
* **ID number, identify() unknown** — ``Identifier.identify(number, initials)`` itself,
  with random valid numbers that are not in the store (a miss walks the same index), and
  throttling switched off through its constructor so every call queries.
* **ID number, Core, no Session** — the same hashing and query through
  ``engine.connect()`` instead of an ORM session: what a lighter Identifier would cost.
* **ID number, SQL only** — the same SELECT on a stored hash through one open sqlite3
  connection, without SQLAlchemy or hashing: how much of the time is the database's.
* **village + initials** — ``members JOIN households WHERE households.village_code = ?
  AND members.name_initials = ?`` in a new session, returning every match; the
  (village, initials) pairs are sampled from stored members, so each finds someone.
  This query is not a service function yet (it belongs in kiosk/services/identify.py).
* **primary key (baseline)** — ``SELECT ... FROM members WHERE id = ?`` through the same
  sessionmaker: the cheapest query the store can answer, in the same run.

With ``--proposed``, a copy of the store gets the proposed index
``members (household_id, name_initials)`` and ``ANALYZE`` statistics, and the village +
initials lookup is timed on it as well (the copy is kept next to the store and reused).

Targets: p99 ≤ 1 ms for the ID number, p99 ≤ 5 ms for village + initials. The plans
(``EXPLAIN QUERY PLAN``) are printed to show which index each query uses.

    python benchmarks/bench_lookup.py [--members N] [--quick] [--lookups N] [--proposed]
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from common import base_parser, load_average, ms, percentile, print_machine, print_table, verdict
from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session, sessionmaker
from store import ID_HASH_KEY, bench_store

from kiosk.domain.idnumber import IdNumber, id_lookup_hash, make_id_number, parse_id_number
from kiosk.domain.models import Household, Member
from kiosk.services.identify import AttemptThrottle, Identifier, ThrottlePolicy
from kiosk.services.store import Store, open_store

ID_TARGET_P99_S = 0.001
VILLAGE_TARGET_P99_S = 0.005
#: Counties of the demo data: a random number from one of them looks like a resident's.
REGIONS = ("522730", "520602", "522731", "520628")
WARM_UP = 200
PROPOSED_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_members_household_initials"
    " ON members (household_id, name_initials)"
)


def random_id_number(rng: random.Random) -> IdNumber:
    birth = date(1930, 1, 1) + timedelta(days=rng.randrange(90 * 365))
    raw = make_id_number(rng.choice(REGIONS), birth, rng.randrange(1000))
    return parse_id_number(raw, today=date(2026, 11, 1))


def id_query(id_hash: str) -> Select[int, int, str]:
    """The query of ``Identifier.identify``, word for word."""
    return select(Member.id, Member.household_id, Member.name_initials).where(
        Member.id_hash == id_hash
    )


def village_initials_query(village_code: str, initials: str) -> Select[int, int, str]:
    """Members of a village with these initials. Not a service function yet: it should
    become one in ``kiosk/services/identify.py`` when identification by name is built."""
    return (
        select(Member.id, Member.household_id, Member.name)
        .join(Household, Household.id == Member.household_id)
        .where(Household.village_code == village_code, Member.name_initials == initials)
    )


def explain(sessions: sessionmaker[Session], statement: Select[int, int, str]) -> list[str]:
    with sessions() as session:
        compiled = statement.compile(
            dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}
        )
        rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    return [str(row[-1]) for row in rows]


def has_statistics(sessions: sessionmaker[Session]) -> bool:
    with sessions() as session:
        found = session.connection().exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        )
        return bool(found.scalar_one())


def proposed_copy(path: Path) -> Path:
    """A copy of the store with the proposed index and ANALYZE statistics (made once)."""
    copy = path.with_name(path.stem + "-proposed.sqlite3")
    if copy.exists() and copy.stat().st_mtime >= path.stat().st_mtime:
        return copy
    print(f"Making {copy.name}: a copy with the proposed index and ANALYZE ...", flush=True)
    partial = copy.with_name(copy.name + ".partial")
    shutil.copyfile(path, partial)
    connection = sqlite3.connect(partial)
    try:
        started = time.perf_counter()
        connection.execute(PROPOSED_INDEX)
        indexed = time.perf_counter() - started
        connection.execute("ANALYZE")
        connection.commit()
        analyzed = time.perf_counter() - started - indexed
    finally:
        connection.close()
    partial.rename(copy)
    print(f"  index built in {indexed:.1f} s, ANALYZE in {analyzed:.1f} s\n")
    return copy


@dataclass
class Kind:
    name: str
    work: Callable[[int], int]
    target_s: float | None
    samples: list[float]
    rows: list[int]


def kinds_to_measure(
    store: Store, raw: sqlite3.Connection, sample: list[Row[int, str, str, str]], rng: random.Random
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

    def hit(index: int) -> int:
        row = sample[index]
        id_lookup_hash(numbers[index], ID_HASH_KEY)  # the hashing a real lookup pays for
        with sessions() as session:
            found = session.execute(id_query(row.id_hash)).one_or_none()
        if found is None or found.name_initials != row.name_initials:
            raise RuntimeError("a stored member was not found by its id_hash")
        return 1

    def unknown(index: int) -> int:
        identifier.identify(numbers[index], "ZZZ")
        return 0

    def core(index: int) -> int:
        row = sample[index]
        id_lookup_hash(numbers[index], ID_HASH_KEY)
        with store.engine.connect() as conn:
            found = conn.execute(id_query(row.id_hash)).one_or_none()
        return 0 if found is None else 1

    def sql_only(index: int) -> int:
        return len(
            raw.execute(
                "SELECT id, household_id, name_initials FROM members WHERE id_hash = ?",
                (sample[index].id_hash,),
            ).fetchall()
        )

    def village(index: int) -> int:
        row = sample[index]
        with sessions() as session:
            query = village_initials_query(row.village_code, row.name_initials)
            return len(session.execute(query).all())

    def primary_key(index: int) -> int:
        with sessions() as session:
            query = select(Member.id, Member.household_id, Member.name_initials).where(
                Member.id == sample[index].id
            )
            return len(session.execute(query).all())

    return [
        Kind("ID number, hit (hash + query)", hit, ID_TARGET_P99_S, [], []),
        Kind("ID number, identify() unknown", unknown, ID_TARGET_P99_S, [], []),
        Kind("ID number, Core, no Session", core, ID_TARGET_P99_S, [], []),
        Kind("ID number, SQL only (sqlite3)", sql_only, None, [], []),
        Kind("village + initials", village, VILLAGE_TARGET_P99_S, [], []),
        Kind("primary key (baseline)", primary_key, None, [], []),
    ]


def measure(kinds: list[Kind], lookups: int) -> None:
    for kind in kinds:
        for index in range(WARM_UP):
            kind.work(index)
    for index in range(WARM_UP, WARM_UP + lookups):
        for kind in kinds:
            started = time.perf_counter()
            found = kind.work(index)
            kind.samples.append(time.perf_counter() - started)
            kind.rows.append(found)


def print_plans(
    sessions: sessionmaker[Session], first: Row[int, str, str, str], title: str
) -> None:
    print(f"EXPLAIN QUERY PLAN, {title}:")
    for line in explain(sessions, id_query(first.id_hash)):
        print(f"  ID number:          {line}")
    for line in explain(sessions, village_initials_query(first.village_code, first.name_initials)):
        print(f"  village + initials: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = base_parser("Time identification lookups against a large store.")
    parser.add_argument("--lookups", type=int, default=None, metavar="N")
    parser.add_argument(
        "--proposed",
        action="store_true",
        help="also time village + initials on a copy with the proposed index and ANALYZE",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    lookups = args.lookups or (300 if args.quick else 3000)

    print_machine("Lookups: by ID number, and by village + initials")
    path = bench_store(args.members)
    copy = proposed_copy(path) if args.proposed else None
    rng = random.Random(args.seed)
    store = open_store(path, migrate=False)
    proposed = open_store(copy, migrate=False) if copy is not None else None
    raw = sqlite3.connect(path)
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
        statistics = "with" if has_statistics(store.sessionmaker) else "without"
        print(f"Store: {path.name}, {member_count:,} members, {statistics} ANALYZE statistics")
        print(f"{lookups:,} lookups of each kind after {WARM_UP} untimed warm-up lookups")
        print(f"load average before: {load_average()}\n")
        print_plans(store.sessionmaker, sample[0], "the store as it is")
        kinds = kinds_to_measure(store, raw, sample, rng)
        if proposed is not None:
            print_plans(proposed.sessionmaker, sample[0], "with the proposed index and ANALYZE")
            other = kinds_to_measure(proposed, raw, sample, rng)
            village = next(k for k in other if k.name == "village + initials")
            village.name += ", proposed"
            kinds.insert(5, village)
        print()
        measure(kinds, lookups)
    finally:
        raw.close()
        store.close()
        if proposed is not None:
            proposed.close()

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
                "-" if target is None else ms(target),
                "-" if target is None else verdict(p99, target),
                f"{p50 / baseline_p50:.2f}x",
                f"{sum(kind.rows) / len(kind.rows):.1f} (max {max(kind.rows)})",
            )
        )
    print_table(
        ("lookup", "p50 ms", "p95 ms", "p99 ms", "target p99", "met", "p50/baseline", "rows"),
        rows,
    )
    print(f"\nload average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
