"""The Orders section's use cases: each opens its own unit of work and reads, never commits.

The queries are session-level functions in ``order_queries`` so that the sync engine and other
services can compose them inside their own transactions; ui/ and cli/ call these instead.
"""

from __future__ import annotations

from datetime import datetime

from haydigo_desk.persistence.database import Database
from haydigo_desk.services import order_queries
from haydigo_desk.services.order_queries import (
    AccountDay,
    MatchCount,
    OrderDetail,
    OrderQuery,
    OrderRow,
)


def first_page(database: Database, query: OrderQuery, limit: int
               ) -> tuple[MatchCount, list[OrderRow]]:
    """How many orders match (a broad PostgreSQL search: at least how many), and the first
    ``limit`` of them, read in one transaction."""
    with database.unit_of_work() as uow:
        return (order_queries.count_matching(uow.session, query),
                order_queries.list_orders(uow.session, query, 0, limit))


def next_page(database: Database, query: OrderQuery, offset: int, limit: int) -> list[OrderRow]:
    with database.unit_of_work() as uow:
        return order_queries.list_orders(uow.session, query, offset, limit)


def order_counts(database: Database, now: datetime) -> tuple[dict[str, int], int]:
    """Orders per status (with ``all``) and the number due on the working day at ``now``."""
    with database.unit_of_work() as uow:
        return (order_queries.status_counts(uow.session),
                order_queries.count_orders(uow.session, OrderQuery(today_at=now)))


def account_days(database: Database, now: datetime) -> list[AccountDay]:
    with database.unit_of_work() as uow:
        return order_queries.account_days(uow.session, now)


def order_detail(database: Database, order_id: int) -> OrderDetail | None:
    with database.unit_of_work() as uow:
        return order_queries.order_detail(uow.session, order_id)
