"""Run one bol.com call off the GUI thread and get its outcome back as a queued Qt signal.

The normal road is the sync worker (``SyncController.submit``): one client, one token cache and
one rate limiter per account see all traffic. When no worker runs (tests, a desk that failed to
start its worker) the call runs on its own short-lived event loop in a background thread. Either
way the GUI thread never blocks and the result arrives on the GUI thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

_executor = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="bol-call")
_running: set[AsyncCall] = set()  # strong references until each call reports


class AsyncCall(QObject):
    """One running call. Connect to ``succeeded``/``failed`` before the event loop runs again."""

    succeeded = Signal(object)  # the coroutine's result
    failed = Signal(object)  # the exception it raised
    _arrived = Signal(object)  # internal hop from any thread to the GUI thread

    def __init__(self) -> None:
        super().__init__()  # no parent: a closed dialog must not delete a call still running
        self.done = False
        # Always queued: from a pool thread it reaches the GUI thread, and a future that is
        # already done when its callback is added (a quick answer) calls back at once on the
        # GUI thread; queued, the result still waits until the caller has connected to
        # succeeded/failed. Direct, that result was lost and the caller waited forever.
        self._arrived.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def _future_done(self, future: concurrent.futures.Future | asyncio.Future) -> None:
        self._arrived.emit(future)

    def _finish(self, future: concurrent.futures.Future | asyncio.Future) -> None:
        _running.discard(self)
        self.done = True
        if future.cancelled():
            self.failed.emit(asyncio.CancelledError())
            return
        error = future.exception()
        if error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(future.result())


def _run_on_own_loop(factory: Callable[[], Awaitable[Any]]) -> Any:
    # A selector loop of our own: qasync replaces the process-wide policy, so a bare
    # asyncio.run() here would try to build a Qt loop on a non-GUI thread.
    with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
        return runner.run(factory())


def run_bol_call(
    controller: Any | None,
    via_worker: Callable[[Any], Awaitable[Any]],
    standalone: Callable[[], Awaitable[Any]],
) -> AsyncCall:
    """Start ``via_worker(services)`` on the sync worker, or ``standalone()`` in a thread.

    ``controller`` is the ``SyncController`` (or ``None``). Emitting from the worker or pool
    thread reaches slots of GUI objects queued, so they run on the GUI thread.
    """
    call = AsyncCall()
    _running.add(call)
    if controller is not None and getattr(controller, "available", False):
        try:
            # A thread-safe future where the controller offers one: its callbacks need no
            # asyncio loop on the GUI thread.
            future = getattr(controller, "submit_concurrent", controller.submit)(via_worker)
        except RuntimeError:  # the worker stopped between the check and the call
            log.warning("Sync worker unavailable; running the bol.com call in a thread")
        else:
            future.add_done_callback(call._future_done)
            return call
    _executor.submit(_run_on_own_loop, standalone).add_done_callback(call._future_done)
    return call


def running_calls() -> int:
    """How many calls have not reported yet (tests wait for zero)."""
    return len(_running)
