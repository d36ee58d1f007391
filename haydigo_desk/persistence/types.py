"""Column types with one guarantee each, the same on SQLite and PostgreSQL.

`UtcDateTime` is the type of every timestamp column. SQLite keeps a `DateTime(timezone=True)`
value as text without its zone and hands it back naive, and it would store an aware +01:00 value
as its wall-clock digits (an hour off); PostgreSQL returns times in the session's zone. This type
makes both the same: it stores the instant in UTC and always reads back an aware UTC datetime,
so no code above the database has to guess what a naive value means.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class NaiveDatetimeError(ValueError):
    """A datetime without a zone reached the database: its instant is unknown."""


class UtcDateTime(TypeDecorator[datetime]):
    """`DateTime(timezone=True)` that refuses naive values and reads back aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        return datetime

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"a timestamp column takes a datetime, not {type(value).__name__}")
        if value.utcoffset() is None:
            raise NaiveDatetimeError(
                f"refusing to store the naive datetime {value.isoformat()}: give it a zone "
                "(stored times are UTC instants; use datetime.now(UTC) or attach the source's "
                "offset)"
            )
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:  # SQLite: the text carries no zone; it was written as UTC
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def render_migration_type(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Alembic's `render_item` hook: a new migration spells the column as the plain
    `sa.DateTime(timezone=True)` it is in the database, so migration files never import the
    application (which may move or change after the migration is written)."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False  # everything else: Alembic's own rendering
