"""Virtual time for asyncio tests: sleeps end in order of their wake time, instantly.

``VirtualClock.run(coro)`` runs ``coro`` with every ``clock.sleep`` parked until all tasks are
idle; then time jumps to the earliest wake-up. Concurrent requests with latencies and a
rate-limit window play out as they would in real time, without waiting for it.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Coroutine
from typing import Any


class VirtualClock:
    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start
        self._timers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.now + max(seconds, 0.0), next(self._order), future))
        await future

    async def run(self, coro: Coroutine[Any, Any, Any]) -> Any:
        task = asyncio.ensure_future(coro)
        while not task.done():
            for _ in range(20):  # let every runnable task reach its next sleep
                await asyncio.sleep(0)
            if task.done():
                break
            if not self._timers:
                raise RuntimeError("all tasks wait for something other than the clock")
            wake, _, future = heapq.heappop(self._timers)
            self.now = max(self.now, wake)
            future.set_result(None)
        return task.result()
