"""Starts the sync worker on a thread of its own, so the window never waits for it (loading
accounts and the HTTP modules takes a few hundred milliseconds); a start-up problem is
shown on the GUI thread afterwards."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class WorkerStart(QObject):
    _started = Signal()

    def __init__(self, worker, on_started: Callable[[object], None]) -> None:
        super().__init__()
        self.worker = worker
        self._on_started = on_started
        self._thread: threading.Thread | None = None
        self._started.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="worker-start", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self.worker.start()
        self._started.emit()

    def _report(self) -> None:
        self._on_started(self.worker)

    def wait(self, timeout: float = 30.0) -> None:
        """Before stopping the worker: its start must have finished."""
        if self._thread is not None:
            self._thread.join(timeout)
