"""One sync cycle of one account: offers, orders, cancellations, outbox, and its run record."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.bol import BolClient, BolError
from haydigo_desk.domain.states import SyncOutcome
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import MarketplaceAccount, SyncRun, utcnow
from haydigo_desk.sync.events import NullListener, SyncListener, SyncReport
from haydigo_desk.sync.locks import account_sync_lock
from haydigo_desk.sync.offers import import_offers
from haydigo_desk.sync.orders import import_orders
from haydigo_desk.sync.outbox import OutboxSender
from haydigo_desk.sync.returns import import_returns
from haydigo_desk.sync.tasks import retrieve_outcome

log = logging.getLogger(__name__)

FULL_SWEEP_EVERY = timedelta(hours=1)
INTERRUPTED_MESSAGE = ("Stopped before it finished (the program was closed or killed); "
                       "the next cycle resumed.")
# bol.com: poll at least one minute more often than the change interval you ask for.
CHANGE_INTERVAL_MARGIN_MINUTES = 2


def _default_pick_list_adder() -> Callable[[Session, int, list[int]], object] | None:
    try:
        from haydigo_desk.services.picklists import place_new_orders
    except ImportError:  # pragma: no cover - the pick-list service ships with the desk
        return None
    return place_new_orders  # the account's pick-list rules, then the default list


@dataclass
class AccountSyncState:
    """What the engine remembers between cycles of one account (in memory)."""

    last_success: datetime | None = None
    last_full_sweep: datetime | None = None
    filtered_order_ids: set[str] = field(default_factory=set)


def change_interval_for(state: AccountSyncState, interval_minutes: int, now: datetime) -> int:
    """The ``change-interval-minute`` that covers everything since the last good cycle."""
    if state.last_success is None:
        return 60
    elapsed = (now - state.last_success).total_seconds() / 60
    return int(min(60, max(interval_minutes, elapsed) + CHANGE_INTERVAL_MARGIN_MINUTES))


def needs_full_sweep(state: AccountSyncState, now: datetime) -> bool:
    if state.last_full_sweep is None or state.last_success is None:
        return True
    if now - state.last_success > timedelta(minutes=55):  # deltas cannot reach back further
        return True
    return now - state.last_full_sweep >= FULL_SWEEP_EVERY


class CycleRunner:
    """Runs cycles of one account with one client; the scheduler owns one per account."""

    def __init__(self, database: Database, client: BolClient, account_id: int, *,
                 listener: SyncListener | None = None, workstation: str | None = None,
                 add_to_pick_list: Callable[[Session, int, list[int]], object] | None = None,
                 ) -> None:
        self.database = database
        self.client = client
        self.account_id = account_id
        self.listener = listener or NullListener()
        self.workstation = workstation or socket.gethostname()
        self.state = AccountSyncState()
        self.add_to_pick_list = add_to_pick_list or _default_pick_list_adder()
        self.outbox = OutboxSender(client, database, account_id)
        self.carry: dict[str, int] = {}
        self.carry_errors: list[str] = []

    CARRIED = ("stock_updates_sent", "shipments_confirmed", "shipments_failed", "api_calls",
               "rate_limited")

    async def follow_up_outbox(self) -> bool:
        """Between cycles: send what is due and collect bol.com's answers; False if locked out.

        Its counts are carried into the next cycle's record, so the sync log misses nothing.
        """
        with account_sync_lock(self.database, self.account_id) as mine:
            if not mine:
                return False
            scratch = SyncReport(self.account_id, "", utcnow())
            before = self.client.stats.total
            try:
                await self.outbox.run(scratch)
            finally:
                after = self.client.stats.total
                scratch.api_calls = after.requests - before.requests
                scratch.rate_limited = after.rate_limited - before.rate_limited
                for name in self.CARRIED:
                    self.carry[name] = self.carry.get(name, 0) + getattr(scratch, name)
                self.carry_errors.extend(scratch.errors)
            return True

    def _close_interrupted_runs(self) -> None:
        """Runs still "running" while we hold the account's lock were cut off by a crash or a
        kill (only the lock holder runs cycles): they are closed, not left running forever."""
        with self.database.unit_of_work() as uow:
            for run in uow.session.scalars(select(SyncRun).where(
                    SyncRun.account_id == self.account_id,
                    SyncRun.outcome == SyncOutcome.RUNNING.value)):
                run.outcome = SyncOutcome.INTERRUPTED.value
                run.finished_at = run.finished_at or utcnow()
                run.message = INTERRUPTED_MESSAGE
            uow.commit()

    def _begin(self, full_sweep: bool) -> tuple[SyncReport, MarketplaceAccount]:
        with self.database.unit_of_work() as uow:
            account = uow.session.get(MarketplaceAccount, self.account_id)
            report = SyncReport(account.id, account.name, utcnow(), full_sweep=full_sweep)
            run = SyncRun(account_id=account.id, started_at=report.started_at,
                          full_sweep=full_sweep, workstation=self.workstation)
            uow.session.add(run)
            uow.commit()
            report.run_id = run.id
            return report, account

    def _record(self, report: SyncReport) -> None:
        with self.database.unit_of_work() as uow:
            run = uow.session.get(SyncRun, report.run_id)
            run.finished_at = report.finished_at
            run.duration_ms = report.duration_ms
            run.outcome = report.outcome
            for name in ("orders_new", "orders_updated", "orders_filtered", "cancellations",
                         "products_new", "products_updated", "stock_updates_sent",
                         "shipments_confirmed", "shipments_failed", "api_calls",
                         "rate_limited", "message"):
                setattr(run, name, getattr(report, name))
            run.errors = list(report.errors)
            uow.commit()

    async def run(self, *, full_sweep: bool | None = None) -> SyncReport:
        now = utcnow()
        sweep = needs_full_sweep(self.state, now) if full_sweep is None else full_sweep
        with account_sync_lock(self.database, self.account_id) as mine:
            if mine:
                self._close_interrupted_runs()
            report, account = self._begin(sweep)
            if not mine:
                report.outcome = SyncOutcome.SKIPPED
                report.message = "Another workstation is syncing this account; skipped."
                report.finished_at = utcnow()
                self._record(report)
                self.listener.cycle_finished(report)
                return report
            self.listener.cycle_started(account.id, account.name)
            before = self.client.stats.total
            requests_before, limited_before = before.requests, before.rate_limited
            try:
                await self._steps(report, account, sweep, now)
                report.outcome = SyncOutcome.OK
                self.state.last_success = now
                if sweep:
                    self.state.last_full_sweep = now
            except asyncio.CancelledError:
                report.outcome = SyncOutcome.FAILED
                report.message = "Stopped before the cycle finished; the next one resumes."
                raise
            except BolError as exc:
                report.outcome = SyncOutcome.FAILED
                report.message = str(exc)
                report.errors.append(str(exc))
            except Exception as exc:  # an unexpected bug must not kill the scheduler
                log.exception("Sync cycle of %s failed", account.name)
                report.outcome = SyncOutcome.FAILED
                report.message = f"{type(exc).__name__}: {exc}"
                report.errors.append(report.message)
            finally:
                total = self.client.stats.total
                report.api_calls = total.requests - requests_before
                report.rate_limited = total.rate_limited - limited_before
                for name, value in self.carry.items():
                    setattr(report, name, getattr(report, name) + value)
                report.errors[:0] = self.carry_errors
                self.carry, self.carry_errors = {}, []
                report.finished_at = utcnow()
                self._record(report)
            if report.outcome == SyncOutcome.OK:
                self.listener.cycle_finished(report)
            else:
                self.listener.cycle_failed(account.id, report.message)
                self.listener.cycle_finished(report)
            return report

    async def _steps(self, report: SyncReport, account: MarketplaceAccount, sweep: bool,
                     now: datetime) -> None:
        account_id = account.id
        progress = self.listener.cycle_progress
        await self.outbox.recover(report)  # a crash's loose ends come before anything new

        async def offers() -> None:
            if account.harvest_products:
                progress(account_id, "products", 0, 0)
                await import_offers(self.client, self.database, account_id, report,
                                    lambda done: progress(account_id, "products", done, 0))
                self.listener.notify_changed("products")

        offers_task = asyncio.create_task(offers())
        import_error: Exception | None = None
        try:
            if account.harvest_orders:
                touched = await import_orders(
                    self.client, self.database, account_id, report, full_sweep=sweep,
                    change_interval_minute=change_interval_for(
                        self.state, account.sync_interval_minutes, now),
                    products_ready=offers_task,
                    filtered_ids=self.state.filtered_order_ids,
                    add_to_pick_list=self.add_to_pick_list,
                    progress=lambda done, total: progress(account_id, "orders", done, total),
                )
                self.listener.notify_changed("orders")
                for order_id in touched:
                    self.listener.notify_changed(f"cancellation:{order_id}")
                if await import_returns(self.client, self.database, account_id, report):
                    self.listener.notify_changed("returns")
            await offers_task
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the outbox still goes out; the cycle is failed afterwards
            import_error = exc
        finally:
            if not offers_task.done():
                offers_task.cancel()
            # Its outcome is taken even when nobody awaited it: no "exception never retrieved".
            offers_task.add_done_callback(retrieve_outcome)
        progress(account_id, "outbox", 0, 0)
        await self.outbox.run(report)
        self.listener.notify_changed("outbox")
        if import_error is not None:
            raise import_error
