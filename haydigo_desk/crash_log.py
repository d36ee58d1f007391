"""A native crash (segfault, abort) leaves a report: ``faulthandler`` writes the Python stacks
of every thread to a file in the data folder. A desk that quits normally removes the empty
file; the next start finds a report that is not empty and moves it aside to offer it.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

CRASH_FILE_NAME = "native-crash.log"


class CrashLog:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / CRASH_FILE_NAME
        self._file: IO[str] | None = None
        self._was_enabled = False  # e.g. by pytest, in tests that run the desk in-process

    def previous_report(self) -> Path | None:
        """The last run's report moved aside (``native-crash-<time>.log``), or None."""
        try:
            if not self.path.exists():
                return None
            if self.path.stat().st_size == 0:
                self.path.unlink()
                return None
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = self.path.with_name(f"native-crash-{stamp}.log")
            os.replace(self.path, kept)
            return kept
        except OSError as exc:  # an unreadable data folder must not stop the desk
            log.warning("Cannot look at the last crash report %s: %s", self.path, exc)
            return None

    def enable(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - kept open
        except OSError as exc:
            log.warning("No crash report can be written to %s: %s", self.path, exc)
            return
        self._was_enabled = faulthandler.is_enabled()
        faulthandler.enable(self._file, all_threads=True)

    def disable(self) -> None:
        """A clean quit: nothing to report next time."""
        if self._file is None:
            return
        faulthandler.disable()
        if self._was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__, all_threads=True)
        self._file.close()
        self._file = None
        try:
            if self.path.stat().st_size == 0:
                self.path.unlink()
        except OSError:
            pass
