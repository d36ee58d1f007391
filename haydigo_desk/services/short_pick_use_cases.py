"""The Can't fulfil section's use cases: the queue, and a manager's decision on a line (wait
for stock, or cancel the item at bol.com through the outbox). Each opens its own unit of work
around ``short_pick_queries``; a decision commits, a refused one writes nothing."""

from __future__ import annotations

from haydigo_desk.persistence.database import Database
from haydigo_desk.services import short_pick_queries
from haydigo_desk.services.short_pick_queries import ShortPickRow


def list_queue(database: Database) -> list[ShortPickRow]:
    with database.unit_of_work() as uow:
        return short_pick_queries.list_queue(uow.session)


def wait_for_stock(database: Database, short_pick_id: int, user_name: str) -> None:
    with database.unit_of_work() as uow:
        short_pick_queries.wait_for_stock(uow.session, short_pick_id, user_name)
        uow.commit()


def cancel_at_bol(database: Database, short_pick_id: int, reason_code: str,
                  user_name: str) -> int:
    """Queue the seller cancellation; the outbox row's id."""
    with database.unit_of_work() as uow:
        entry_id = short_pick_queries.cancel_at_bol(uow.session, short_pick_id, reason_code,
                                                    user_name)
        uow.commit()
        return entry_id
