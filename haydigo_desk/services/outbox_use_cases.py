"""The Outbox section's use cases: its rows, and a person's retry or cancel of one. Each opens
its own unit of work around ``outbox_queries``; retry and cancel commit, a refusal
(``OutboxError``) writes nothing."""

from __future__ import annotations

from haydigo_desk.persistence.database import Database
from haydigo_desk.services import outbox_queries
from haydigo_desk.services.outbox_queries import OutboxRow


def list_outbox(database: Database) -> list[OutboxRow]:
    """The rows that wait or failed: failed first, then oldest first."""
    with database.unit_of_work() as uow:
        return outbox_queries.list_outbox(uow.session)


def retry(database: Database, entry_id: int) -> OutboxRow:
    with database.unit_of_work() as uow:
        row = outbox_queries.retry(uow.session, entry_id)
        uow.commit()
        return row


def cancel(database: Database, entry_id: int) -> OutboxRow:
    with database.unit_of_work() as uow:
        row = outbox_queries.cancel(uow.session, entry_id)
        uow.commit()
        return row
