"""What the store already holds of the rows an import names, loaded in a few batches.

Looking each row up on its own would cost one SELECT per row: minutes for a county's
register. Instead every key the import mentions is collected first and fetched with
``IN (...)`` queries of a few hundred keys each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Assignment,
    Cadre,
    Household,
    Member,
    Region,
    RegionLevel,
)
from kiosk.services.importer.rows import (
    AidRow,
    AssignmentRow,
    CadreRow,
    HouseholdRow,
    LooseReference,
    MemberRow,
    RegionRow,
    Target,
)

#: Keys per ``IN (...)``: far below SQLite's limit on bound parameters, and large enough
#: that 10,000 rows take twenty queries.
CHUNK = 500

K = TypeVar("K")

AssignmentKey = tuple[str, str, date]
"""(cadre code, household file number, start date): the natural key of an assignment."""


def chunked(keys: Iterable[K], size: int = CHUNK) -> Iterator[list[K]]:
    batch: list[K] = []
    for key in keys:
        batch.append(key)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class ImportSet:
    """The checked records of one invocation, by kind, in file and line order."""

    regions: list[RegionRow] = field(default_factory=list)
    cadres: list[CadreRow] = field(default_factory=list)
    households: list[HouseholdRow] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)
    assignments: list[AssignmentRow] = field(default_factory=list)
    aid_records: list[AidRow] = field(default_factory=list)
    #: Keys of rows that failed their own checks. They are known to the clerk, so rows
    #: referring to them are not reported a second time as pointing at nothing.
    failed_region_codes: set[str] = field(default_factory=set)
    failed_cadre_codes: set[str] = field(default_factory=set)
    failed_file_numbers: set[str] = field(default_factory=set)
    #: References made by rows that failed, checked like those of good rows.
    loose_references: list[LooseReference] = field(default_factory=list)
    #: False when a whole file could not be read: references then cannot be judged.
    complete: bool = True

    def loose_keys(self, target: Target) -> set[str]:
        return {ref.key for ref in self.loose_references if ref.target is target}


@dataclass
class StoreState:
    """Rows of the store that the import touches or refers to, by natural key."""

    #: Every region of the store: few enough to hold, and needed for level checks.
    region_levels: dict[str, RegionLevel] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    cadres: dict[str, Cadre] = field(default_factory=dict)
    households: dict[str, Household] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)
    #: Household file number of each member in ``members``, by ID hash.
    member_files: dict[str, str] = field(default_factory=dict)
    assignments: dict[AssignmentKey, Assignment] = field(default_factory=dict)
    aid_records: dict[str, AidRecord] = field(default_factory=dict)
    aid_files: dict[str, str] = field(default_factory=dict)
    #: References of aid records a resident has already confirmed or disputed.
    verified_aid: set[str] = field(default_factory=set)


def load_state(session: Session, data: ImportSet) -> StoreState:
    """Fetch what the store holds for every key ``data`` names, in batches."""
    state = StoreState()
    for code, level in session.execute(select(Region.code, Region.level)):
        state.region_levels[code] = level
    for batch in chunked({row.code for row in data.regions}):
        for region in session.scalars(select(Region).where(Region.code.in_(batch))):
            state.regions[region.code] = region
    cadre_codes = {row.code for row in data.cadres} | {row.cadre_code for row in data.assignments}
    cadre_codes |= data.loose_keys(Target.CADRE)
    for batch in chunked(cadre_codes):
        for cadre in session.scalars(select(Cadre).where(Cadre.code.in_(batch))):
            state.cadres[cadre.code] = cadre
    _load_households(session, data, state)
    _load_members(session, data, state)
    _load_assignments(session, data, state)
    _load_aid_records(session, data, state)
    return state


def _load_households(session: Session, data: ImportSet, state: StoreState) -> None:
    file_numbers = (
        {row.file_number for row in data.households}
        | {row.file_number for row in data.members}
        | {row.file_number for row in data.assignments}
        | {row.file_number for row in data.aid_records}
        | data.loose_keys(Target.HOUSEHOLD)
    )
    for batch in chunked(file_numbers):
        query = (
            select(Household)
            .where(Household.file_number.in_(batch))
            .options(selectinload(Household.causes))
        )
        for household in session.scalars(query):
            state.households[household.file_number] = household


def _load_members(session: Session, data: ImportSet, state: StoreState) -> None:
    for batch in chunked({row.id_hash for row in data.members}):
        query = (
            select(Member, Household.file_number)
            .join(Household, Member.household_id == Household.id)
            .where(Member.id_hash.in_(batch))
        )
        for member, file_number in session.execute(query):
            state.members[member.id_hash] = member
            state.member_files[member.id_hash] = file_number


def _load_assignments(session: Session, data: ImportSet, state: StoreState) -> None:
    for batch in chunked({row.file_number for row in data.assignments}):
        query = (
            select(Assignment, Cadre.code, Household.file_number)
            .join(Cadre, Assignment.cadre_id == Cadre.id)
            .join(Household, Assignment.household_id == Household.id)
            .where(Household.file_number.in_(batch))
        )
        for assignment, cadre_code, file_number in session.execute(query):
            state.assignments[(cadre_code, file_number, assignment.start_date)] = assignment


def _load_aid_records(session: Session, data: ImportSet, state: StoreState) -> None:
    for batch in chunked({row.reference for row in data.aid_records}):
        query = (
            select(AidRecord, Household.file_number)
            .join(Household, AidRecord.household_id == Household.id)
            .where(AidRecord.reference.in_(batch))
        )
        for record, file_number in session.execute(query):
            state.aid_records[record.reference] = record
            state.aid_files[record.reference] = file_number
    for ids in chunked(record.id for record in state.aid_records.values()):
        verified = (
            select(AidRecord.reference)
            .join(AidVerification, AidVerification.aid_record_id == AidRecord.id)
            .where(AidRecord.id.in_(ids))
            .distinct()
        )
        state.verified_aid.update(session.scalars(verified))
