"""Natural ordering of warehouse locations: "A-2" comes before "A-10"."""

from __future__ import annotations

import re

_CHUNKS = re.compile(r"(\d+)")


def natural_key(text: str | None) -> tuple:
    """Sort key that compares digit runs as numbers; empty or missing sorts last."""
    if not text or not text.strip():
        return (1, ())
    parts = _CHUNKS.split(text.strip().casefold())
    return (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p != ""))
