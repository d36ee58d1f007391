"""Builds and starts the sync worker on a thread of its own, so the window never waits for it
(importing the sync engine and the HTTP modules, loading accounts: a few hundred
milliseconds); the worker reaches the GUI thread once it runs, and a start-up problem is
shown there afterwards."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class WorkerStart(QObject):
    _started = Signal()

    def __init__(self, make_worker: Callable[[], object],
                 on_started: Callable[[object], None]) -> None:
        super().__init__()
        self._make_worker = make_worker
        self._on_started = on_started
        self.worker: object | None = None  # set on the thread, before the worker starts
        self._thread: threading.Thread | None = None
        self._started.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="worker-start", daemon=True)
        self._thread.start()

    def run_here(self) -> None:
        """Build and start on the calling thread (screenshots wait for the worker)."""
        self._run()
        self._report()

    def _run(self) -> None:
        self.worker = self._make_worker()
        self.worker.start()
        if self._thread is not None:
            self._started.emit()

    def _report(self) -> None:
        self._on_started(self.worker)

    def wait(self, timeout: float = 30.0) -> None:
        """Before stopping the worker: its start must have finished."""
        if self._thread is not None:
            self._thread.join(timeout)
