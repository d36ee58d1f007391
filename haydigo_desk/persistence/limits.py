"""Values a column cannot hold, found before the database refuses them (and spoils a batch)."""

from __future__ import annotations

from sqlalchemy import Integer, String, inspect

INT32 = 2**31 - 1


def check_limits(instance: object) -> None:
    """Raise ValueError naming the first field of a new row that its column cannot store."""
    for column in inspect(type(instance)).columns:
        value = getattr(instance, column.key, None)
        if value is None:
            continue
        if isinstance(column.type, String) and column.type.length is not None:
            if isinstance(value, str) and len(value) > column.type.length:
                raise ValueError(f"{column.key} has {len(value)} characters, at most "
                                 f"{column.type.length} fit")
        elif (isinstance(column.type, Integer) and isinstance(value, int)
              and not -INT32 <= value <= INT32):
            raise ValueError(f"{column.key} {value} is out of range")
