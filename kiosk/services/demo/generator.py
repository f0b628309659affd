"""Fill an empty store with demo data: one seeded generator, rows built per village, bulk
inserts per chunk of households, all in one transaction.

Determinism: every random draw comes from one ``random.Random(seed)`` in a fixed order,
nothing iterates over a set, and dates are measured from a fixed reference day, so the
same seed (and configuration) gives byte-for-byte the same rows. Memory stays bounded
because rows are flushed every ``chunk_households`` households.
"""

from __future__ import annotations

import gc
import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, Engine, func, select

from kiosk.domain.idnumber import IdNumber, id_lookup_hash, mask_id_number
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Bulletin,
    Cadre,
    CadrePost,
    DisciplineOffice,
    HelpMeasure,
    Household,
    HouseholdCause,
    Kiosk,
    Loan,
    LoanRepayment,
    Member,
    Project,
    ProjectStageEvent,
    Region,
)
from kiosk.domain.poverty import Indicator
from kiosk.services.demo.bulletins import bulletin_rows
from kiosk.services.demo.dates import REFERENCE_MOMENT
from kiosk.services.demo.ledger import HouseholdFile, Ledger, household_aid
from kiosk.services.demo.loans import LoanRows, household_loans
from kiosk.services.demo.officials import Officials, VillageStaff, discipline_offices
from kiosk.services.demo.people import IdAllocator, NameMaker, Person, compose_household
from kiosk.services.demo.profile import Profile, build_profile
from kiosk.services.demo.projects import ProjectMaker
from kiosk.services.demo.regions import RegionPlan, Village, file_number, plan_regions
from kiosk.services.demo.rows import IdCounter, Row, RowBuffer
from kiosk.services.demo.scenarios import SCENARIO_VILLAGES, SCENARIOS, Scenario

log = logging.getLogger(__name__)

DEFAULT_HOUSEHOLDS = 600
DEFAULT_SEED = 2014
#: Households generated between two flushes: large enough for fast executemany, small
#: enough that a million members never sit in memory at once.
CHUNK_HOUSEHOLDS = 2000


class DemoDataError(Exception):
    """Demo data cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class ScenarioSummary:
    number: int
    story: str
    file_number: str
    head_name: str
    head_initials: str
    #: Fictitious demo number, for testers; it is never stored in clear.
    head_id_number: str


@dataclass(frozen=True)
class DemoSummary:
    households: int
    members: int
    aid_records: int
    aid_total_fen: int
    loans: int
    cadres: int
    projects: int
    villages: int
    seconds: float
    scenarios: tuple[ScenarioSummary, ...]


def store_is_empty(conn: Connection) -> bool:
    """Whether no regions, households or cadres are stored yet (demo data is never merged)."""
    return all(
        conn.execute(select(func.count()).select_from(model)).scalar_one() == 0
        for model in (Region, Household, Cadre)
    )


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, then put it back as it was.

    The rows are plain dicts without cycles, freed by reference counting once their chunk
    is written; the collector would only walk the growing buffers again and again, which
    costs about 8 % of the load.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _switch_foreign_keys(conn: Connection, *, on: bool) -> bool:
    """Turn SQLite's foreign-key checks on or off for ``conn``; return the old setting.

    Only works outside a transaction: SQLite ignores this pragma inside one.
    """
    was = bool(conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one())
    conn.exec_driver_sql(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    conn.commit()  # ends SQLAlchemy's implicit transaction; SQLite itself began none
    return was


def _spread(rng: random.Random, total: int, slots: int) -> list[int]:
    """``total`` split over ``slots`` in random proportions, by largest remainder."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(slots)]
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(slots), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class _Generator:
    """Builds every row; one instance per run, holding the one random generator."""

    def __init__(self, rng: random.Random, id_hash_key: bytes) -> None:
        self.rng = rng
        self.key = id_hash_key
        self.ids = IdCounter()
        self.buffer = RowBuffer()
        self.names = NameMaker(rng)
        self.id_numbers = IdAllocator()
        self.ledger = Ledger(self.ids)
        self.officials = Officials(rng, self.ids, self.names)
        self.projects = ProjectMaker(rng, self.ids)
        self.aid_total_fen = 0
        for scenario in SCENARIOS:
            self.id_numbers.reserve(scenario.head_id_number)

    def fixed_rows(self, plan: RegionPlan, terminal_code: str, terminal_region: str) -> None:
        self.buffer.extend(Region, plan.rows())
        self.buffer.extend(DisciplineOffice, discipline_offices(plan, self.ids))
        self.buffer.extend(Bulletin, bulletin_rows(self.ids))
        names = {d.code: d.name for d in plan.divisions} | {v.code: v.name for v in plan.villages}
        self.buffer.add(
            Kiosk,
            {
                "id": self.ids.next(Kiosk),
                "code": terminal_code,
                "name": f"{names[terminal_region]}便民服务大厅自助查询终端",
                "region_code": terminal_region,
                "public_key": "",
                "registered_at": REFERENCE_MOMENT - timedelta(days=30),
                "revoked_at": None,
                "last_seen_at": None,
            },
        )

    def village(self, village: Village, households: int) -> int:
        """All rows of one village; returns how many households it got."""
        staff = self.officials.staff_village(village, households)
        self.buffer.extend(Cadre, staff.cadres)
        self.buffer.extend(CadrePost, staff.posts)
        projects, events = self.projects.village_projects(village)
        self.buffer.extend(Project, projects)
        self.buffer.extend(ProjectStageEvent, events)
        scenario = SCENARIO_VILLAGES.get(village.code)
        for index in range(households):
            self.household(village, staff, index, scenario if index == 0 else None)
        return households

    def household(
        self, village: Village, staff: VillageStaff, index: int, scenario: Scenario | None
    ) -> None:
        rng = self.rng
        household_id = self.ids.next(Household)
        people: list[Person]
        profile: Profile
        if scenario is None:
            people = compose_household(rng, self.names, village.county.code)
            profile = build_profile(rng, people, village.county.name)
            group, number = rng.randint(1, 12), rng.randint(1, 80)
        else:
            people, profile = scenario.people(), scenario.profile()
            group, number = scenario.address
        indicators = profile.indicators
        self.buffer.add(
            Household,
            {
                "id": household_id,
                "file_number": file_number(village.code, index + 1),
                "village_code": village.code,
                "address": f"{village.township.name}{village.name}{group}组{number}号",
                "status": profile.status,
                "registered_on": profile.registered_on,
                "lifted_on": profile.lifted_on,
                "poverty_score": profile.score,
                "score_housing": indicators[Indicator.HOUSING],
                "score_food": indicators[Indicator.FOOD],
                "score_labour": indicators[Indicator.LABOUR],
                "score_schooling": indicators[Indicator.SCHOOLING],
                "score_health": indicators[Indicator.HEALTH],
                "updated_at": REFERENCE_MOMENT,
            },
        )
        members = [
            (self.member(household_id, position, person, scenario), person)
            for position, person in enumerate(people)
        ]
        for position, cause in enumerate(profile.causes):
            self.buffer.add(
                HouseholdCause,
                {
                    "id": self.ids.next(HouseholdCause),
                    "household_id": household_id,
                    "cause": cause,
                    "is_main": position == 0,
                },
            )
        for measure in profile.measures:
            self.buffer.add(
                HelpMeasure,
                {
                    "id": self.ids.next(HelpMeasure),
                    "household_id": household_id,
                    "kind": measure.kind,
                    "year": measure.year,
                    "description": measure.description,
                },
            )
        file = HouseholdFile(household_id, village, members, profile)
        if scenario is None:
            aid = household_aid(rng, self.ledger, file)
            loans = household_loans(rng, self.ids, self.ledger, file)
        else:
            aid, loans = scenario.ledger(self.ids, self.ledger, file)
        self._add_money(aid, loans)
        for row in self.officials.assign(staff, index, household_id, profile.registered_on):
            self.buffer.add(Assignment, row)

    def member(
        self, household_id: int, position: int, person: Person, scenario: Scenario | None
    ) -> int:
        """Add a member row; the ID number lives only long enough to be hashed and masked."""
        if scenario is not None and position == 0:
            number = IdNumber(scenario.head_id_number)
        else:
            number = self.id_numbers.allocate(person.id_region, person.birth, person.sex)
        member_id = self.ids.next(Member)
        self.buffer.add(
            Member,
            {
                "id": member_id,
                "household_id": household_id,
                "position": position,
                "name": person.name,
                "name_initials": self.names.initials(person.name),
                "relation": person.relation,
                "sex": person.sex,
                "birth_date": person.birth,
                "id_hash": id_lookup_hash(number, self.key),
                "id_masked": mask_id_number(number),
                "labour_capacity": person.labour,
                "health": person.health,
            },
        )
        return member_id

    def _add_money(self, aid: list[Row], loans: LoanRows) -> None:
        for rows in (aid, loans.subsidies):
            self.buffer.extend(AidRecord, rows)
            self.aid_total_fen += sum(row["amount_fen"] for row in rows)
        self.buffer.extend(Loan, loans.loans)
        self.buffer.extend(LoanRepayment, loans.repayments)


def generate_demo_data(
    engine: Engine,
    *,
    id_hash_key: bytes,
    terminal_code: str,
    terminal_region_code: str,
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    chunk_households: int = CHUNK_HOUSEHOLDS,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Write demo data for ``households`` households (the three scenarios included) into
    the empty store behind ``engine``, in one transaction: all of it or nothing.

    Raises :class:`DemoDataError` if the store already holds data, if ``households`` is
    smaller than the number of scenarios, or if the terminal's region is unknown.
    ``progress(done, total)`` is called after each flush.
    """
    if households < len(SCENARIOS):
        raise DemoDataError(f"at least {len(SCENARIOS)} households are needed for the scenarios")
    started = time.perf_counter()
    rng = random.Random(seed)
    plan = plan_regions(rng, households, extra_codes=(terminal_region_code,))
    known = {d.code for d in plan.divisions} | {v.code for v in plan.villages}
    if terminal_region_code not in known:
        raise DemoDataError(
            f"the terminal's region {terminal_region_code} is not a Guizhou division or a "
            "generated village; set terminal.region_code to a township code such as 522730001"
        )
    missing = [code for code in SCENARIO_VILLAGES if code not in known]
    if missing:  # only a change to the region plan could cause this
        raise DemoDataError(f"scenario villages missing from the plan: {missing}")

    generator = _Generator(rng, id_hash_key)
    counts = _spread(rng, households - len(SCENARIOS), len(plan.villages))
    counts = [n + (v.code in SCENARIO_VILLAGES) for n, v in zip(counts, plan.villages, strict=True)]
    done = 0
    sqlite = engine.dialect.name == "sqlite"
    cache_size = -2000  # SQLite's default, replaced by the connection's own setting below
    with _without_cyclic_gc(), engine.connect() as conn:
        # Foreign keys are not checked during the load either (about 15 % of the insert
        # time); the tests run PRAGMA foreign_key_check on generated stores. SQLite only
        # switches the checks outside a transaction: before BEGIN, and back after the
        # commit or rollback, so the connection returns to the pool as it came.
        foreign_keys = _switch_foreign_keys(conn, on=False) if sqlite else None
        try:
            with conn.begin():
                if not store_is_empty(conn):
                    raise DemoDataError(
                        "the store already holds data; demo data goes only into a new, empty"
                        " store (remove the file or choose another --db)"
                    )
                if sqlite:
                    # A bigger page cache keeps the random-order id_hash index fast. CHECK
                    # constraints are skipped during the load because their IN-lists cost
                    # about 40 % of the insert time; the tests check every generated row
                    # against them with PRAGMA integrity_check. Both settings belong to
                    # this connection only and are put back before it returns to the pool,
                    # whatever happens.
                    cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
                    conn.exec_driver_sql("PRAGMA cache_size = -65536")
                    conn.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
                try:
                    generator.fixed_rows(plan, terminal_code, terminal_region_code)
                    for village, count in zip(plan.villages, counts, strict=True):
                        done += generator.village(village, count)
                        if generator.buffer.pending(Household) >= chunk_households:
                            generator.buffer.flush(conn)
                            if progress is not None:
                                progress(done, households)
                    generator.buffer.flush(conn)
                finally:
                    if sqlite:
                        conn.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")
                        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
        finally:
            if foreign_keys is not None:
                _switch_foreign_keys(conn, on=foreign_keys)
    with engine.connect() as conn:
        # Planner statistics for the new rows (a few seconds for a million members):
        # without them SQLite guesses table sizes and may pick slow plans.
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
        if sqlite:  # fold the WAL into the database file
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    if progress is not None:
        progress(done, households)

    ids = generator.ids
    names = generator.names
    return DemoSummary(
        households=ids.count(Household),
        members=ids.count(Member),
        aid_records=ids.count(AidRecord),
        aid_total_fen=generator.aid_total_fen,
        loans=ids.count(Loan),
        cadres=ids.count(Cadre),
        projects=ids.count(Project),
        villages=len(plan.villages),
        seconds=time.perf_counter() - started,
        scenarios=tuple(
            ScenarioSummary(
                number=s.number,
                story=s.story,
                file_number=s.file_number,
                head_name=s.head_name,
                head_initials=names.initials(s.head_name),
                head_id_number=s.head_id_number,
            )
            for s in SCENARIOS
        ),
    )
