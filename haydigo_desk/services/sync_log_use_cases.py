"""What the Sync log section and the status bar read; each opens its own unit of work and
never commits."""

from __future__ import annotations

from haydigo_desk.persistence.database import Database
from haydigo_desk.services import sync_log
from haydigo_desk.services.sync_log import SyncLog, SyncRunRow


def load_log(database: Database) -> SyncLog:
    """Runs, held records and today's labels, read in one transaction."""
    with database.unit_of_work() as uow:
        return sync_log.load_log(uow.session)


def last_run(database: Database) -> SyncRunRow | None:
    with database.unit_of_work() as uow:
        return next(iter(sync_log.list_runs(uow.session, limit=1)), None)
