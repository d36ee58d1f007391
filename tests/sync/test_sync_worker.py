"""The worker thread: a cycle at start, "sync now", never two at once, a clean stop."""

from __future__ import annotations

import itertools
import threading
import time

from sqlalchemy import select
from support.sync_setup import sync_setup

from haydigo_desk.persistence.models import SyncRun
from haydigo_desk.sync.events import NullListener
from haydigo_desk.sync.worker import SyncWorker


class Recorder(NullListener):
    def __init__(self) -> None:
        self.started: list[float] = []
        self.finished = []
        self.lock = threading.Lock()

    def cycle_started(self, account_id: int, account_name: str) -> None:
        with self.lock:
            self.started.append(time.monotonic())

    def cycle_finished(self, report) -> None:
        with self.lock:
            self.finished.append(report)


def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_worker_syncs_at_start_on_request_and_stops_cleanly(sqlite_url):
    setup = sync_setup(sqlite_url)
    listener = Recorder()
    worker = SyncWorker(setup.database, listener=listener)
    try:
        worker.start()
        wait_until(lambda: len(listener.finished) == 1)  # the start-up cycle
        assert listener.finished[0].outcome == "ok"
        next_run = worker.next_runs()[setup.account_id]
        assert 9 * 60 < (next_run - listener.finished[0].finished_at).total_seconds() <= 601
        for _ in range(3):  # "Sync now" pressed three times quickly
            worker.request_sync()
        wait_until(lambda: len(listener.finished) >= 2)
        time.sleep(0.5)
        runs = [(r.started_at, r.finished_at) for r in listener.finished]
        for (_s1, end1), (start2, _e2) in itertools.pairwise(runs):
            assert start2 >= end1  # never two cycles of one account at once
    finally:
        worker.stop(timeout=30)
    assert not worker._thread.is_alive()
    with setup.database.unit_of_work() as uow:
        outcomes = uow.session.scalars(select(SyncRun.outcome)).all()
    assert "running" not in outcomes  # nothing half-written
    setup.sandbox.stop()
    setup.database.dispose()
