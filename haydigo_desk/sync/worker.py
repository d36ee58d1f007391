"""The sync worker: one thread with its own asyncio loop, a scheduler per account.

The GUI never talks HTTP itself: it asks the worker (``request_sync``, ``submit``), and the
worker answers through its listener. One bol.com client per account lives on this loop, so
one token cache and one rate limiter see all of that account's traffic.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from pydantic import SecretStr
from sqlalchemy import select

from haydigo_desk.bol import BolClient, BolConfigurationError, BolEnvironment
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount, OutboxEntry, utcnow
from haydigo_desk.sync import connection_check
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.events import NullListener, SyncListener, SyncReport
from haydigo_desk.sync.images import ImageFetcher
from haydigo_desk.sync.locks import account_sync_lock
from haydigo_desk.sync.outbox import OutboxResult

log = logging.getLogger(__name__)

T = TypeVar("T")
ClientFactory = Callable[[AccountConnection], BolClient]


class AccountScheduler:
    """Cycles of one account: at start, every N minutes, and on request; never two at once."""

    def __init__(self, runner: CycleRunner, interval_minutes: int, listener: SyncListener,
                 images: ImageFetcher | None) -> None:
        self.runner = runner
        self.interval = timedelta(minutes=interval_minutes)
        self.listener = listener
        self.images = images
        self.wake = asyncio.Event()
        self.lock = asyncio.Lock()
        self.idle = asyncio.Event()  # set while no cycle runs: image fetching may go on
        self.idle.set()
        self.next_run: datetime = utcnow()
        self.last_report: SyncReport | None = None

    async def run_cycle(self, **kwargs: Any) -> SyncReport:
        async with self.lock:
            self.idle.clear()
            try:
                self.last_report = await self.runner.run(**kwargs)
                return self.last_report
            finally:
                self.idle.set()

    async def loop(self) -> None:
        while True:
            delay = max((self.next_run - utcnow()).total_seconds(), 0.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=delay)
            self.wake.clear()
            try:
                await self.run_cycle()
            except Exception as exc:  # the schedule must outlive any one failed cycle
                log.exception("Sync cycle of account %s failed", self.runner.account_id)
                self.listener.cycle_failed(self.runner.account_id, f"{type(exc).__name__}: {exc}")
            self.next_run = utcnow() + self.interval
            self.listener.next_runs_changed({self.runner.account_id: self.next_run})

    async def outbox_loop(self, every: float = 3.0) -> None:
        """Follow up posts between cycles: answers are polled within seconds, not minutes."""
        while True:
            await asyncio.sleep(every)
            try:
                if self.lock.locked() or not self.runner.outbox.has_work():
                    continue
                async with self.lock:
                    followed = await self.runner.follow_up_outbox()
            except Exception:  # logged; the next round or cycle tries again
                log.exception("Outbox follow-up of account %s failed", self.runner.account_id)
                continue
            if followed:
                self.listener.notify_changed("outbox")
                self.listener.notify_changed("orders")

    def tasks(self) -> list[asyncio.Task]:
        return [asyncio.create_task(self.loop()), asyncio.create_task(self.image_loop()),
                asyncio.create_task(self.outbox_loop())]

    async def image_loop(self) -> None:
        if self.images is None:
            return
        while True:
            try:
                await self.images.run(self.idle)
            except Exception:  # images are a nicety: log, wait, try again
                log.exception("Fetching product images failed")
            await asyncio.sleep(60)


class WorkerServices:
    """What ``submit`` hands to a coroutine factory: the worker-side objects, on its loop."""

    def __init__(self, worker: SyncWorker) -> None:
        self._worker = worker
        self.database = worker.database

    def client_for(self, account_id: int) -> BolClient:
        return self._worker.scheduler_for(account_id).runner.client

    async def post_outbox_now(self, entry_id: int, wait_seconds: float = 20.0) -> OutboxResult:
        """Send one outbox row now (a shipment just packed) and wait for bol.com's verdict."""
        with self.database.unit_of_work() as uow:
            account_id = uow.session.get_one(OutboxEntry, entry_id).account_id
        scheduler = self._worker.scheduler_for(account_id)
        async with scheduler.lock:  # never interleave with a running cycle of that account
            with account_sync_lock(self.database, account_id) as mine:
                if not mine:
                    return OutboxResult(entry_id, "queued", "Another workstation is syncing this "
                                        "account; it posts the shipment in a moment.")
                report = SyncReport(account_id, "", utcnow())
                result = await scheduler.runner.outbox.post_now(entry_id, report,
                                                                wait_seconds=wait_seconds)
            for name in scheduler.runner.CARRIED:
                scheduler.runner.carry[name] = scheduler.runner.carry.get(name, 0) + getattr(
                    report, name)
        self._worker.listener.notify_changed("outbox")
        self._worker.listener.notify_changed("orders")
        return result

    async def test_connection(self, client_id: str, client_secret: str | SecretStr,
                              environment: BolEnvironment) -> connection_check.Route:
        """Fetch a token with these credentials through the account's own client when the
        worker syncs with them, else a short-lived one; raises bol's error (never the secret)."""
        clients = [scheduler.runner.client for scheduler in self._worker._schedulers.values()]
        return await connection_check.verify(clients, client_id, client_secret, environment)


def _warm_up_imports() -> None:
    """Load what the first request imports lazily, before the window is up: a big module
    unmarshalled on this thread holds the GIL, and the window would stall for it."""
    import anyio._backends._asyncio  # noqa: F401
    import h11  # noqa: F401
    import httpcore._async.http11  # noqa: F401


class SyncWorker:
    def __init__(self, database: Database, *, listener: SyncListener | None = None,
                 client_factory: ClientFactory = build_client, image_cache_dir: Path | None = None,
                 workstation: str | None = None, start_delay: float = 0.0,
                 images_per_minute: float = 20.0) -> None:
        self.database = database
        self.listener = listener or NullListener()
        self.client_factory = client_factory
        self.image_cache_dir = image_cache_dir
        self.workstation = workstation
        self.start_delay = start_delay
        self.images_per_minute = images_per_minute
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stopping: asyncio.Event | None = None
        self._schedulers: dict[int, AccountScheduler] = {}
        self._tasks: list[asyncio.Task] = []
        self.startup_error: BaseException | None = None

    # --- lifecycle (called from any thread) -----------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._thread_main, name="sync-worker", daemon=True)
        self._thread.start()
        self._ready.wait(timeout=30)

    def stop(self, timeout: float = 30.0) -> None:
        """Cancel the schedulers (an interrupted cycle rolls back its open transaction)."""
        if self._loop is None or self._stopping is None:
            return
        self._loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(timeout)

    def _thread_main(self) -> None:
        # Not asyncio.run(): qasync replaced the process-wide policy (see ENVIRONMENT.md).
        with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
            runner.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        try:
            self._load_accounts()
        except Exception as exc:  # shown by the caller; the thread must not die silently
            self.startup_error = exc
            log.exception("The sync worker could not start")
        _warm_up_imports()
        self._ready.set()
        if self.start_delay:
            await asyncio.sleep(self.start_delay)
        for scheduler in self._schedulers.values():
            self._tasks.extend(scheduler.tasks())
        await self._stopping.wait()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for scheduler in self._schedulers.values():
            await scheduler.runner.client.aclose()

    def _load_accounts(self) -> None:
        with self.database.unit_of_work() as uow:
            accounts = list(uow.session.scalars(select(MarketplaceAccount).where(
                MarketplaceAccount.enabled.is_(True)).order_by(MarketplaceAccount.id)))
            connections = [(AccountConnection.of(a), a.sync_interval_minutes) for a in accounts]
        for connection, interval in connections:
            try:
                self._add_scheduler(connection, interval)
            except BolConfigurationError as exc:  # the other accounts still sync
                log.warning("Account %s is not synced: %s", connection.name, exc)
                self.startup_error = self.startup_error or exc

    def _add_scheduler(self, connection: AccountConnection, interval: int) -> AccountScheduler:
        client = self.client_factory(connection)
        runner = CycleRunner(self.database, client, connection.account_id,
                             listener=self.listener, workstation=self.workstation)
        images = None
        if self.image_cache_dir is not None:
            images = ImageFetcher(client, self.database, connection.account_id,
                                  self.image_cache_dir, per_minute=self.images_per_minute)
        scheduler = AccountScheduler(runner, interval, self.listener, images)
        self._schedulers[connection.account_id] = scheduler
        return scheduler

    def scheduler_for(self, account_id: int) -> AccountScheduler:
        scheduler = self._schedulers.get(account_id)
        if scheduler is None:  # an account added after start (settings dialog)
            with self.database.unit_of_work() as uow:
                account = uow.session.get_one(MarketplaceAccount, account_id)
                connection = AccountConnection.of(account)
                interval = account.sync_interval_minutes
            scheduler = self._add_scheduler(connection, interval)
            self._tasks.extend(scheduler.tasks())
        return scheduler

    # --- requests from the GUI or the CLI (any thread) -----------------------------------------

    def request_sync(self, account_id: int | None = None) -> None:
        if self._loop is None:
            return

        def wake() -> None:
            targets = [self.scheduler_for(account_id)] if account_id else list(
                self._schedulers.values())
            for scheduler in targets:
                scheduler.wake.set()

        self._loop.call_soon_threadsafe(wake)

    def next_runs(self) -> dict[int, datetime]:
        return {account_id: s.next_run for account_id, s in self._schedulers.items()}

    def submit(
        self, factory: Callable[[WorkerServices], Awaitable[T]]
    ) -> concurrent.futures.Future:
        if self._loop is None:
            raise RuntimeError("The sync worker is not running")

        async def call() -> T:
            return await factory(WorkerServices(self))

        return asyncio.run_coroutine_threadsafe(call(), self._loop)

    def run_cycle_blocking(self, account_id: int, timeout: float = 600.0,
                           **kwargs: Any) -> SyncReport:
        """Run one cycle now and wait (tests and the CLI)."""
        future = self.submit(lambda services: self.scheduler_for(account_id).run_cycle(**kwargs))
        return future.result(timeout)
