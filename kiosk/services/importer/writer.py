"""Writing checked records into the store, matched to existing rows by natural key.

A row already in the store with the same values is left untouched, so importing a file
twice changes nothing; a row that differs is updated in place; anything else is added.
Nothing is ever deleted: a row missing from a file may simply belong to another file.
The one exception is a household's causes of poverty, which are replaced by the row's list.

New rows go in with one multi-row INSERT per kind rather than one ORM object each: the
ORM inserts objects one statement at a time when it must learn their ids, which made a
county's register take minutes. With ``write=False`` the same comparisons run and are
counted, but nothing is changed: that is ``--dry-run``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.domain.base import Base
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    AidRecord,
    Assignment,
    Cadre,
    Household,
    HouseholdCause,
    Member,
    Region,
    RegionLevel,
)
from kiosk.domain.names import name_initials
from kiosk.domain.poverty import Indicator
from kiosk.services.importer.existing import ImportSet, StoreState, chunked
from kiosk.services.importer.rows import HouseholdRow
from kiosk.services.importer.schemas import Kind


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Counts:
    """How many rows of one kind were (or, in a dry run, would be) added, changed or kept."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


class Writer:
    """Upserts one import's records kind by kind, parents first.

    Each kind is flushed before the next, so new parents have ids before the rows that
    refer to them, and foreign keys hold at every statement (SQLite checks them at once).
    """

    def __init__(self, session: Session, state: StoreState, *, write: bool) -> None:
        self.session = session
        self.state = state
        self.write = write
        self.counts: dict[Kind, Counts] = {kind: Counts() for kind in Kind}
        self.household_ids = {n: h.id for n, h in state.households.items()}
        self.cadre_ids = {code: c.id for code, c in state.cadres.items()}
        self._initials: dict[str, str] = {}

    def run(self, data: ImportSet) -> dict[Kind, Counts]:
        self._regions(data)
        self._cadres(data)
        self._households(data)
        self._members(data)
        self._assignments(data)
        self._aid_records(data)
        if self.write:
            # Fresh planner statistics, in the same transaction (a few seconds for a
            # million members): a load can change table sizes by orders of magnitude, and
            # stale statistics lead SQLite to slow plans.
            self.session.execute(text("ANALYZE"))
        return self.counts

    def _update(self, existing: Base, wanted: Mapping[str, object]) -> Outcome:
        """Bring ``existing`` to ``wanted`` (when writing); say whether it differed."""
        changes = {k: v for k, v in wanted.items() if getattr(existing, k) != v}
        if self.write:
            for name, value in changes.items():
                setattr(existing, name, value)
        return Outcome.UPDATED if changes else Outcome.UNCHANGED

    def _insert(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        if self.write and rows:
            self.session.flush()  # updates first, so the store is consistent for the insert
            self.session.execute(insert(model), rows)

    def _ids(
        self, key: InstrumentedAttribute[str], id_: InstrumentedAttribute[int], keys: Iterable[str]
    ) -> dict[str, int]:
        """Ids of rows just inserted, by natural key, fetched in batches."""
        found: dict[str, int] = {}
        for batch in chunked(keys):
            for natural_key, row_id in self.session.execute(select(key, id_).where(key.in_(batch))):
                found[natural_key] = row_id
        return found

    def _name_initials(self, name: str, existing: Member | Cadre | None) -> str:
        """Initials of ``name``; reused when the name is unchanged, as pinyin is slow."""
        if existing is not None and existing.name == name:
            return existing.name_initials
        if name not in self._initials:
            self._initials[name] = name_initials(name)
        return self._initials[name]

    def _regions(self, data: ImportSet) -> None:
        counts = self.counts[Kind.REGIONS]
        # Level by level, so that every parent is in the table before its children.
        for level in RegionLevel:
            new: list[dict[str, Any]] = []
            for row in (r for r in data.regions if r.level is level):
                wanted = {"name": row.name, "level": row.level, "parent_code": row.parent_code}
                existing = self.state.regions.get(row.code)
                if existing is None:
                    counts.add(Outcome.NEW)
                    new.append({"code": row.code, **wanted})
                else:
                    counts.add(self._update(existing, wanted))
            self._insert(Region, new)

    def _cadres(self, data: ImportSet) -> None:
        levels = dict(self.state.region_levels)
        levels.update({row.code: row.level for row in data.regions})
        new: list[dict[str, Any]] = []
        for row in data.cadres:
            existing = self.state.cadres.get(row.code)
            wanted = {
                "name": row.name,
                "name_initials": self._name_initials(row.name, existing),
                "unit": row.unit,
                "post": row.post,
                "region_code": row.region_code,
                "level": row.level or levels[row.region_code],
                "phone": row.phone,
            }
            if existing is None:
                self.counts[Kind.CADRES].add(Outcome.NEW)
                new.append({"code": row.code, **wanted})
            else:
                self.counts[Kind.CADRES].add(self._update(existing, wanted))
        self._insert(Cadre, new)
        if self.write:
            self.cadre_ids.update(self._ids(Cadre.code, Cadre.id, (row["code"] for row in new)))

    def _households(self, data: ImportSet) -> None:
        new: list[dict[str, Any]] = []
        new_causes: dict[str, tuple[HouseholdCause, ...]] = {}
        for row in data.households:
            wanted: dict[str, object] = {
                "village_code": row.village_code,
                "address": row.address,
                "status": row.status,
                "registered_on": row.registered_on,
                "lifted_on": row.lifted_on,
                "poverty_score": row.poverty_score,
            }
            wanted.update({f"score_{i.value}": row.scores[i] for i in Indicator})
            existing = self.state.households.get(row.file_number)
            if existing is None:
                self.counts[Kind.HOUSEHOLDS].add(Outcome.NEW)
                new.append({"file_number": row.file_number, **wanted})
                new_causes[row.file_number] = tuple(
                    HouseholdCause(cause=cause, is_main=i == 0)
                    for i, cause in enumerate(row.causes)
                )
                continue
            outcome = self._update(existing, wanted)
            if self._sync_causes(existing, row) and outcome is Outcome.UNCHANGED:
                outcome = Outcome.UPDATED
                if self.write:
                    existing.updated_at = utcnow()
            self.counts[Kind.HOUSEHOLDS].add(outcome)
        self._insert(Household, new)
        if self.write:
            self.household_ids.update(self._ids(Household.file_number, Household.id, new_causes))
            causes = [
                {"household_id": self.household_ids[number], "cause": c.cause, "is_main": c.is_main}
                for number, listed in new_causes.items()
                for c in listed
            ]
            self._insert(HouseholdCause, causes)

    def _sync_causes(self, household: Household, row: HouseholdRow) -> bool:
        """Make a stored household's causes the row's list; True if they were different.

        Kept causes are updated in place rather than deleted and re-added, because the
        flush would insert the new row before deleting the old one and break the unique
        (household, cause) constraint.
        """
        wanted = {cause: index == 0 for index, cause in enumerate(row.causes)}
        current = {c.cause: c.is_main for c in household.causes}
        if current == wanted:
            return False
        if self.write:
            for existing in list(household.causes):
                if existing.cause not in wanted:
                    household.causes.remove(existing)
                else:
                    existing.is_main = wanted.pop(existing.cause)
            household.causes.extend(
                HouseholdCause(cause=cause, is_main=is_main) for cause, is_main in wanted.items()
            )
        return True

    def _members(self, data: ImportSet) -> None:
        # An empty position means "in the order of this file" within each household.
        seen_in_household: Counter[str] = Counter()
        new: list[dict[str, Any]] = []
        for row in data.members:
            position = row.position
            if position is None:
                position = seen_in_household[row.file_number]
            seen_in_household[row.file_number] += 1
            existing = self.state.members.get(row.id_hash)
            wanted = {
                # None only in a dry run, for a household that would be new.
                "household_id": self.household_ids.get(row.file_number),
                "position": position,
                "name": row.name,
                "name_initials": self._name_initials(row.name, existing),
                "relation": row.relation,
                "sex": row.sex,
                "birth_date": row.birth_date,
                "id_masked": row.id_masked,
                "labour_capacity": row.labour_capacity,
                "health": row.health,
            }
            if existing is None:
                self.counts[Kind.MEMBERS].add(Outcome.NEW)
                new.append({"id_hash": row.id_hash, **wanted})
            else:
                self.counts[Kind.MEMBERS].add(self._update(existing, wanted))
        self._insert(Member, new)

    def _assignments(self, data: ImportSet) -> None:
        new: list[dict[str, Any]] = []
        for row in data.assignments:
            existing = self.state.assignments.get((row.cadre_code, row.file_number, row.start_date))
            if existing is None:
                self.counts[Kind.ASSIGNMENTS].add(Outcome.NEW)
                new.append(
                    {
                        "cadre_id": self.cadre_ids.get(row.cadre_code),
                        "household_id": self.household_ids.get(row.file_number),
                        "start_date": row.start_date,
                        "end_date": row.end_date,
                    }
                )
            else:
                self.counts[Kind.ASSIGNMENTS].add(
                    self._update(existing, {"end_date": row.end_date})
                )
        self._insert(Assignment, new)

    def _aid_records(self, data: ImportSet) -> None:
        new: list[dict[str, Any]] = []
        for row in data.aid_records:
            wanted = {
                "household_id": self.household_ids.get(row.file_number),
                "programme": row.programme,
                "amount_fen": row.amount_fen,
                "paid_on": row.paid_on,
                "department": row.department,
                "department_region_code": row.department_region_code,
                "channel": row.channel,
                "note": row.note,
            }
            existing = self.state.aid_records.get(row.reference)
            if existing is None:
                self.counts[Kind.AID_RECORDS].add(Outcome.NEW)
                new.append({"reference": row.reference, **wanted})
            else:
                self.counts[Kind.AID_RECORDS].add(self._update(existing, wanted))
        self._insert(AidRecord, new)
        if self.write:
            self.session.flush()
