"""Values a column cannot hold, found before the database refuses them (and spoils a batch)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from sqlalchemy import Integer, String, inspect

INT32 = 2**31 - 1


@cache
def _limits(model: type) -> tuple[tuple[str, int | None], ...]:
    """(column, longest text) of the model's bounded columns; None marks a 32-bit integer."""
    found = []
    for column in inspect(model).columns:
        if isinstance(column.type, String) and column.type.length is not None:
            found.append((column.key, column.type.length))
        elif isinstance(column.type, Integer):
            found.append((column.key, None))
    return tuple(found)


def check_values(model: type, values: Mapping[str, object]) -> None:
    """Raise ValueError naming the first value of a new ``model`` row its column cannot store."""
    for key, length in _limits(model):
        value = values.get(key)
        if value is None:
            continue
        if length is not None:
            if isinstance(value, str) and len(value) > length:
                raise ValueError(f"{key} has {len(value)} characters, at most {length} fit")
        elif isinstance(value, int) and not -INT32 <= value <= INT32:
            raise ValueError(f"{key} {value} is out of range")
