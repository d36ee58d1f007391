"""Run a test as if the workstation's clock were set to another zone."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Five hours behind UTC in winter: far from both UTC and Amsterdam, so a time shown in the wrong
# zone is off by hours rather than right by a coincidence of equal offsets.
NEW_YORK = "America/New_York"


@contextmanager
def workstation_zone(name: str) -> Iterator[None]:
    """The process's local zone is `name` inside the block, and what it was after it."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = previous
        time.tzset()
