"""Copy the domain tables of a kiosk store into the central database, upserting by natural key.

This is how the single-machine demo gives the server the same households, cadres and offices
as the demo kiosk. It is generic over ``kiosk.domain``'s tables: each row is matched by its
natural key (a code, a file number, a reference), and every foreign key is translated from
the store's surrogate ids to the server's, so a second run updates instead of duplicating.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, create_engine, insert, select, update

import kiosk.domain.models  # noqa: F401  (registers every table)
from kiosk.domain.base import Base

#: Tables copied, each with the columns that identify a row in both databases. Tables whose
#: rows have no key of their own use their parent's key plus a distinguishing column.
NATURAL_KEYS: Mapping[str, tuple[str, ...]] = {
    "regions": ("code",),
    "discipline_offices": ("code",),
    "households": ("file_number",),
    "members": ("id_hash",),
    "household_causes": ("household_id", "cause"),
    "help_measures": ("household_id", "kind", "year", "description"),
    "cadres": ("code",),
    "cadre_posts": ("cadre_id", "unit", "post", "start_date"),
    "assignments": ("cadre_id", "household_id", "start_date"),
    "aid_records": ("reference",),
    "loans": ("contract_number",),
    "loan_repayments": ("loan_id", "paid_on"),
    "projects": ("code",),
    "project_stage_events": ("project_id", "stage"),
    "bulletins": ("code",),
}


class SeedError(Exception):
    """The store cannot be read; the message says why."""


@dataclass
class SeedReport:
    """How many rows of each table were added and updated."""

    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)


def _tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.name in NATURAL_KEYS]


def _surrogate(table: Table) -> str | None:
    """The integer primary key column that differs between databases, if the table has one."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and keys[0].name == "id":
        return "id"
    return None


def _foreign_keys(table: Table) -> dict[str, str]:
    """Column name -> referred table, for references to a surrogate id (codes need nothing)."""
    references = {}
    for fk in table.foreign_keys:
        referred = fk.column.table
        if fk.column.name == "id" and referred.name in NATURAL_KEYS:
            references[fk.parent.name] = referred.name
    return references


def seed_from_store(store_path: Path, target: Connection) -> SeedReport:
    """Upsert every domain row of the store at ``store_path`` into ``target`` (one transaction,
    the caller's)."""
    if not store_path.is_file():
        raise SeedError(f"no kiosk store at {store_path}")
    source_engine = create_engine(f"sqlite+pysqlite:///file:{store_path}?mode=ro&uri=true")
    report = SeedReport()
    #: table -> store id -> server id
    id_maps: dict[str, dict[Any, Any]] = {}
    try:
        with source_engine.connect() as source:
            for table in _tables():
                id_maps[table.name] = _copy_table(table, source, target, id_maps, report)
    except Exception as exc:
        if isinstance(exc, SeedError):
            raise
        raise SeedError(f"cannot copy from {store_path}: {type(exc).__name__}") from exc
    finally:
        source_engine.dispose()
    return report


def _copy_table(
    table: Table,
    source: Connection,
    target: Connection,
    id_maps: dict[str, dict[Any, Any]],
    report: SeedReport,
) -> dict[Any, Any]:
    surrogate = _surrogate(table)
    references = _foreign_keys(table)
    natural = NATURAL_KEYS[table.name]
    id_map: dict[Any, Any] = {}
    inserted = updated = 0
    # Regions refer to themselves: parents come first when ordered by code length.
    order = [table.c.code] if table.name == "regions" else list(table.primary_key.columns)
    if table.name == "regions":
        rows = sorted(source.execute(select(table)).mappings(), key=lambda r: len(r["code"]))
    else:
        rows = list(source.execute(select(table).order_by(*order)).mappings())
    for row in rows:
        values = dict(row)
        old_id = values.pop(surrogate) if surrogate else None
        for column, referred in references.items():
            if values[column] is not None:
                values[column] = id_maps[referred][values[column]]
        match = [table.c[name] == values[name] for name in natural]
        existing = target.execute(select(table).where(*match)).mappings().one_or_none()
        if existing is None:
            result = target.execute(insert(table).values(**values))
            key = result.inserted_primary_key
            new_id = key[0] if surrogate and key is not None else None
            inserted += 1
        else:
            new_id = existing[surrogate] if surrogate else None
            target.execute(update(table).where(*match).values(**values))
            updated += 1
        if surrogate:
            id_map[old_id] = new_id
    report.inserted[table.name] = inserted
    report.updated[table.name] = updated
    return id_map
