"""Run use cases off the GUI thread and hand the result back on it.

A section calls ``tasks.run(call, on_result, on_error)``: ``call()`` is a no-argument call of
a use case (``lambda: order_use_cases.order_detail(database, order_id)``), which opens,
commits or rolls back its own unit of work; this runner only chooses the thread. ``call()``
runs in a small thread pool, and ``on_result(value)`` (or ``on_error(exc)``) is called later on
the GUI thread through a queued signal. The GUI never waits for the database, not even for
SQLite's busy timeout while the sync worker writes.

``tasks.run_ordered(call, on_result)`` is the ordered lane: ``call()`` runs on one thread of
its own, strictly one after the other in the order given, and its results arrive in that order
too. The pick station and goods receipt send every scan through it, so a scan typed while the
previous one is still being written waits its turn instead of overtaking it; printing uses a
runner of its own the same way, so two print jobs never interleave their pages on a printer.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

Call = Callable[[], Any]


class DbTasks(QObject):
    _finished = Signal(int, object, object)  # token, result, exception

    def __init__(self, parent: QObject | None = None, max_workers: int = 2,
                 name: str = "desk-db") -> None:
        super().__init__(parent)
        self._name = name  # of its threads, as a crash log names them
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix=name)
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._lane: ThreadPoolExecutor | None = None  # the ordered lane, made on first use
        # Queued: the slot always runs on the thread this object lives on (the GUI thread).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, call: Call, on_result: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None) -> Future:
        """Run ``call()`` on the pool; its result or error comes back on the GUI thread."""
        return self._pool.submit(self._call, self._register(on_result, on_error), call)

    def run_ordered(self, call: Call, on_result: Callable[[Any], None],
                    on_error: Callable[[Exception], None] | None = None) -> Future:
        """Run ``call()`` after every earlier ordered call; results come back in order."""
        if self._lane is None:
            self._lane = ThreadPoolExecutor(max_workers=1,
                                            thread_name_prefix=f"{self._name}-ordered")
        return self._lane.submit(self._call, self._register(on_result, on_error), call)

    def _register(self, on_result: Callable[[Any], None],
                  on_error: Callable[[Exception], None] | None) -> int:
        token = next(self._tokens)
        self._pending[token] = (on_result, on_error or self._log_error)
        return token

    def _call(self, token: int, call: Call) -> None:
        try:
            result = call()
        except Exception as exc:
            self._finished.emit(token, None, exc)
        else:
            self._finished.emit(token, result, None)

    def _deliver(self, token: int, result: Any, error: Exception | None) -> None:
        callbacks = self._pending.pop(token, None)
        if callbacks is None:
            return
        on_result, on_error = callbacks
        if error is not None:
            on_error(error)
        else:
            on_result(result)

    @staticmethod
    def _log_error(error: Exception) -> None:
        log.error("Database task failed", exc_info=error)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work and drop callbacks that have not been delivered; ``wait`` for the
        running call to finish (a closing dialog need not: its result is dropped)."""
        self._pending.clear()
        self._pool.shutdown(wait=wait, cancel_futures=True)
        if self._lane is not None:
            self._lane.shutdown(wait=wait, cancel_futures=True)
