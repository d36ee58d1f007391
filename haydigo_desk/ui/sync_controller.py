"""The one Qt object through which sync results reach the windows (queued signals)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from haydigo_desk.sync.events import SyncReport

PROGRESS_INTERVAL = 0.1  # seconds between progress signals of one step


class SyncController(QObject):
    """Adapts the worker's listener calls (any thread) to Qt signals (the GUI thread).

    Signals emitted from the worker thread are delivered queued to slots of GUI objects, so
    widgets only ever change on the GUI thread.
    """

    started = Signal(int, str)  # account id, account name
    progress = Signal(int, str, int, int)  # account id, step, done, total
    finished = Signal(object)  # SyncReport
    failed = Signal(int, str)  # account id, message
    data_changed = Signal(str)  # "orders", "products", "outbox", "cancellation:<order id>"
    schedule_changed = Signal(object)  # {account_id: next run as datetime}

    def __init__(self, worker: Any | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._last_progress: dict[tuple[int, str], float] = {}

    def attach(self, worker: Any) -> None:
        self._worker = worker

    # --- SyncListener (called on the worker thread) ---------------------------------------------

    def cycle_started(self, account_id: int, account_name: str) -> None:
        self.started.emit(account_id, account_name)

    def cycle_progress(self, account_id: int, step: str, done: int, total: int) -> None:
        # The worker reports every order; the GUI needs a few updates a second. Thousands of
        # queued signals would otherwise be delivered in one burst and stall the window.
        now = time.monotonic()
        key = (account_id, step)
        finished = total and done >= total
        if not finished and now - self._last_progress.get(key, 0.0) < PROGRESS_INTERVAL:
            return
        self._last_progress[key] = now
        self.progress.emit(account_id, step, done, total)

    def cycle_finished(self, report: SyncReport) -> None:
        self.finished.emit(report)

    def cycle_failed(self, account_id: int, message: str) -> None:
        self.failed.emit(account_id, message)

    def notify_changed(self, what: str) -> None:
        self.data_changed.emit(what)

    def next_runs_changed(self, schedule: dict) -> None:
        self.schedule_changed.emit(schedule)

    # --- SyncGateway (called on the GUI thread) -------------------------------------------------

    @property
    def available(self) -> bool:
        return self._worker is not None

    def request_sync(self, account_id: int | None = None) -> None:
        if self._worker is not None:
            self._worker.request_sync(account_id)

    def next_runs(self) -> dict:
        return self._worker.next_runs() if self._worker is not None else {}

    def submit(self, coroutine_factory: Callable[..., Awaitable[Any]]) -> asyncio.Future:
        """Run ``coroutine_factory(services)`` on the worker's loop; await the result with qasync.

        ``services`` gives the worker-side objects (``client_for(account_id)``, ``database``...).
        """
        return asyncio.wrap_future(self.submit_concurrent(coroutine_factory))

    def submit_concurrent(self, coroutine_factory: Callable[..., Awaitable[Any]]
                          ) -> concurrent.futures.Future:
        """``submit`` for callers that are no coroutine (``run_bol_call``): a thread-safe
        future, so no asyncio loop needs to run on the GUI thread for its callbacks."""
        if self._worker is None:
            raise RuntimeError("The sync worker is not running")
        return self._worker.submit(coroutine_factory)
