"""What the sync engine tells its listener (the Qt controller, the CLI, tests)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass
class SyncReport:
    """The counts of one cycle of one account; stored as a SyncRun row."""

    account_id: int
    account_name: str
    started_at: datetime
    finished_at: datetime | None = None
    outcome: str = "running"  # ok | failed | skipped
    full_sweep: bool = False
    orders_new: int = 0
    orders_updated: int = 0
    orders_filtered: int = 0
    cancellations: int = 0
    products_new: int = 0
    products_updated: int = 0
    stock_updates_sent: int = 0
    shipments_confirmed: int = 0
    shipments_failed: int = 0
    api_calls: int = 0
    rate_limited: int = 0
    errors: list[str] = field(default_factory=list)
    message: str = ""
    run_id: int | None = None

    @property
    def duration_ms(self) -> int:
        if self.finished_at is None:
            return 0
        return int((self.finished_at - self.started_at).total_seconds() * 1000)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["finished_at"] = self.finished_at.isoformat() if self.finished_at else None
        data["duration_ms"] = self.duration_ms
        return data


class SyncListener(Protocol):
    """Called from the worker thread; a Qt adapter re-emits these as queued signals."""

    def cycle_started(self, account_id: int, account_name: str) -> None: ...

    def cycle_progress(self, account_id: int, step: str, done: int, total: int) -> None: ...

    def cycle_finished(self, report: SyncReport) -> None: ...

    def cycle_failed(self, account_id: int, message: str) -> None: ...

    def notify_changed(self, what: str) -> None:
        """``orders``, ``products``, ``outbox``, ``cancellation:<order id>``..."""

    def next_runs_changed(self, schedule: dict) -> None:
        """{account id: datetime of the next cycle}."""


class NullListener:
    def cycle_started(self, account_id: int, account_name: str) -> None:
        pass

    def cycle_progress(self, account_id: int, step: str, done: int, total: int) -> None:
        pass

    def cycle_finished(self, report: SyncReport) -> None:
        pass

    def cycle_failed(self, account_id: int, message: str) -> None:
        pass

    def notify_changed(self, what: str) -> None:
        pass

    def next_runs_changed(self, schedule: dict) -> None:
        pass
