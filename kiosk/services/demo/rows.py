"""Rows as plain dicts, primary keys handed out before insertion, and a bulk-insert buffer.

Building ORM objects for a million members would take minutes and gigabytes; dicts with
pre-assigned integer keys let children reference parents before anything is written. Each
table's rows go to the driver as one executemany of the Core ``insert()``: with a
positional driver (SQLite) the values are converted by the columns' own bind processors
and passed as tuples, which skips SQLAlchemy's per-row parameter handling (most of the
cost at a million rows); other drivers get ``Connection.execute(insert(table), rows)``.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Enum, Table, insert

from kiosk.domain import models as m
from kiosk.domain.base import Base

Row = dict[str, Any]

#: Tables in foreign-key order, so one flush never inserts a child before its parent.
TABLE_ORDER: tuple[type[Base], ...] = (
    m.Region,
    m.DisciplineOffice,
    m.Bulletin,
    m.Kiosk,
    m.Cadre,
    m.CadrePost,
    m.Household,
    m.Member,
    m.HouseholdCause,
    m.HelpMeasure,
    m.AidRecord,
    m.Loan,
    m.LoanRepayment,
    m.Assignment,
    m.Project,
    m.ProjectStageEvent,
)


class IdCounter:
    """Integer primary keys 1, 2, 3 … per table, known before the row is inserted."""

    def __init__(self) -> None:
        self._last: dict[type[Base], int] = {}

    def next(self, model: type[Base]) -> int:
        value = self._last.get(model, 0) + 1
        self._last[model] = value
        return value

    def count(self, model: type[Base]) -> int:
        """How many keys were handed out for ``model``: its row count once flushed."""
        return self._last.get(model, 0)


class _Converted(dict[Any, Any]):
    """A column's bind processor with its results remembered: a million rows hold only a
    few thousand distinct dates, so after the first of each a row costs one C-level
    dictionary lookup instead of a Python call."""

    def __init__(self, processor: Callable[[Any], Any]) -> None:
        super().__init__()
        self._processor = processor

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = self._processor(value)
        return converted


class _PositionalInsert:
    """One table's INSERT compiled once, and dict rows turned into driver-ready tuples."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.sql = str(insert(table).compile(dialect=dialect))
        columns = list(table.columns)
        keys = [column.key for column in columns]
        getter = itemgetter(*keys)
        # itemgetter of one key gives the value itself rather than a 1-tuple.
        self._values: Callable[[Row], tuple[Any, ...]] = (
            getter if len(keys) > 1 else lambda row: (getter(row),)
        )
        self._conversions: list[tuple[str, _Converted]] = []
        for column in columns:
            if isinstance(column.type, Enum):
                continue  # rows hold StrEnum members, which the driver binds as their value
            processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self._conversions.append((column.key, _Converted(processor)))

    def parameters(self, rows: list[Row]) -> list[tuple[Any, ...]]:
        """The rows as tuples in column order, converted by the columns' bind processors.

        The processed values are written back into the row dicts, which the buffer drops
        right after the insert; that keeps the per-row work in C (``map`` and
        ``itemgetter``)."""
        for key, converted in self._conversions:
            for row in rows:
                row[key] = converted[row[key]]
        return list(map(self._values, rows))


class RowBuffer:
    """Rows waiting to be inserted, flushed table by table in foreign-key order."""

    def __init__(self) -> None:
        self._rows: dict[type[Base], list[Row]] = {model: [] for model in TABLE_ORDER}
        self._inserts: dict[type[Base], _PositionalInsert] = {}

    def add(self, model: type[Base], row: Row) -> None:
        self._rows[model].append(row)

    def extend(self, model: type[Base], rows: list[Row]) -> None:
        self._rows[model].extend(rows)

    def pending(self, model: type[Base]) -> int:
        return len(self._rows[model])

    def flush(self, conn: Connection) -> None:
        positional = conn.dialect.positional
        for model, rows in self._rows.items():
            if not rows:
                continue
            if positional:
                table = model.__table__
                assert isinstance(table, Table)
                statement = self._inserts.get(model)
                if statement is None:
                    statement = self._inserts[model] = _PositionalInsert(table, conn.dialect)
                conn.exec_driver_sql(statement.sql, statement.parameters(rows))
            else:
                conn.execute(insert(model), rows)
            rows.clear()
