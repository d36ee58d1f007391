"""Many new rows of one table in one go, with their new ids: the sync's order writer.

SQLite: one multi-row INSERT ... RETURNING (SQLAlchemy's insertmanyvalues). PostgreSQL: the
ids are taken from the table's sequence in one query and the rows go in with COPY. On
PostgreSQL a multi-row INSERT of a batch is one long statement with a placeholder per value,
which psycopg parses afresh each time (it caches only short statements): that parsing was
most of the writer's CPU there. COPY sends the rows as data, adapted in psycopg's C code.

Both paths fill what the models would: Python-side column defaults for columns a row leaves
out, and each column type's bind processing (UTC timestamps, JSON); columns with a server
default are left to the server. A refusal by PostgreSQL raises SQLAlchemy's ``DBAPIError``
like any statement, so callers handle both databases alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, insert, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def insert_returning_ids(session: Session, model: type, rows: Sequence[dict]) -> list[int]:
    """Insert ``rows`` (dicts by column name) into ``model``'s table; the new ids, in row
    order. Runs in the session's transaction."""
    if not rows:
        return []
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return list(session.scalars(
            insert(model).returning(model.id, sort_by_parameter_order=True), rows))
    table: Table = model.__table__
    ids = list(connection.execute(
        text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
             "FROM generate_series(1, :count)"),
        {"table": table.name, "count": len(rows)}).scalars())
    plan = _copy_plan(table, rows, connection.dialect)
    quote = connection.dialect.identifier_preparer.quote
    statement = (f"COPY {quote(table.name)} (id, {', '.join(quote(c.name) for c in plan)}) "
                 "FROM STDIN")
    raw = connection.connection.driver_connection
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row, row_id in zip(rows, ids, strict=True):
                copy.write_row([row_id, *(c.value(row) for c in plan)])
    except raw.Error as exc:  # the same error type a refused INSERT would raise
        raise DBAPIError.instance(statement, None, exc, type(raw).Error) from exc
    return ids


@dataclass(frozen=True)
class _Filled:
    """How COPY fills one column: from the row, else its Python-side default."""

    name: str
    default: Callable[[], Any] | None
    process: Callable[[Any], Any] | None  # the column type's bind processing

    def value(self, row: dict) -> Any:
        if self.name in row:
            value = row[self.name]
        else:
            value = self.default() if self.default is not None else None
        return self.process(value) if self.process is not None else value


def _copy_plan(table: Table, rows: Sequence[dict], dialect: Dialect) -> list[_Filled]:
    """Every column COPY writes besides the id: those the rows give, and those with a
    Python-side default; the others are left to the server's default (or NULL)."""
    given = set().union(*(row.keys() for row in rows))
    if unknown := given - set(table.c.keys()):
        raise KeyError(f"not columns of {table.name}: {sorted(unknown)}")
    plan = []
    for column in table.c:
        default = _python_default(column)
        if column.name != "id" and (column.name in given or default is not None):
            plan.append(_Filled(column.name, default,
                                column.type._cached_bind_processor(dialect)))
    return plan


def _python_default(column: Column) -> Callable[[], Any] | None:
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return lambda: default.arg
    if default.is_callable:  # SQLAlchemy wraps a function of no arguments to take a context
        return lambda: default.arg(None)
    raise TypeError(f"{column} has a SQL default, which COPY cannot fill")
