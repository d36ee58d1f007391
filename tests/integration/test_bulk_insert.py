"""``persistence.bulk.insert_returning_ids`` writes a batch of new rows exactly as the ORM
would (COPY on PostgreSQL, a multi-row INSERT on SQLite): the ids in row order, Python-side
defaults filled, timestamps as UTC instants, JSON as JSON, server defaults left to the
server; a row the database refuses raises SQLAlchemy's IntegrityError. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from support.factories import make_account

from haydigo_desk.persistence.bulk import insert_returning_ids
from haydigo_desk.persistence.models import Order, OrderLine

AMSTERDAM_SUMMER = timezone(timedelta(hours=2))


def _order_rows(account_id: int) -> list[dict]:
    return [
        {"account_id": account_id, "bol_order_id": "B-1", "customer_name": "Jan\tde \\Vries",
         "placed_at": datetime(2026, 6, 1, 14, 30, tzinfo=AMSTERDAM_SUMMER),
         "raw_json": {"orderId": "B-1", "items": [{"ean": "8712345678906", "qty": 2}]},
         "problem": "no product with EAN 123\nfound"},
        {"account_id": account_id, "bol_order_id": "B-2", "customer_name": "Émile Müller",
         "placed_at": None, "raw_json": None, "pickup_point_name": None},
    ]


def test_rows_go_in_as_the_orm_writes_them(database):
    with database.unit_of_work() as uow:
        account_id = make_account(uow.session).id
        uow.commit()
    before = datetime.now(UTC)
    with database.unit_of_work() as uow:
        ids = insert_returning_ids(uow.session, Order, _order_rows(account_id))
        line_ids = insert_returning_ids(uow.session, OrderLine, [
            {"order_id": ids[0], "bol_order_item_id": "I-1", "unit_price": Decimal("19.95"),
             "quantity": 2, "bol_changed_at": datetime(2026, 6, 1, 12, 0, tzinfo=UTC)},
            {"order_id": ids[1], "bol_order_item_id": "I-2", "quantity": 1}])
        uow.commit()
    assert len(set(ids)) == 2 and len(set(line_ids)) == 2
    with database.unit_of_work() as uow:
        first, second = (uow.session.get(Order, order_id) for order_id in ids)
        assert (first.bol_order_id, second.bol_order_id) == ("B-1", "B-2")  # ids in row order
        assert first.customer_name == "Jan\tde \\Vries" and second.customer_name == "Émile Müller"
        assert first.placed_at == datetime(2026, 6, 1, 12, 30, tzinfo=UTC)  # the same instant
        assert first.raw_json == {"orderId": "B-1", "items": [{"ean": "8712345678906",
                                                               "qty": 2}]}
        assert first.problem == "no product with EAN 123\nfound"
        assert second.placed_at is None and second.raw_json is None
        for order in (first, second):  # Python-side and server defaults
            assert (order.status, order.city, order.oversold, order.via_bol) == (
                "new", "", False, False)
            assert before <= order.created_at <= datetime.now(UTC)
        lines = {line.bol_order_item_id: line for line in uow.session.scalars(
            select(OrderLine).where(OrderLine.id.in_(line_ids)))}
        assert lines["I-1"].order_id == ids[0] and lines["I-1"].unit_price == Decimal("19.95")
        assert lines["I-1"].bol_changed_at == datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
        assert (lines["I-2"].order_id, lines["I-2"].cancellation, lines["I-2"].ean) == (
            ids[1], "none", "")


def test_a_row_the_database_refuses_raises_integrity_error(database):
    with database.unit_of_work() as uow:
        account_id = make_account(uow.session).id
        insert_returning_ids(uow.session, Order, _order_rows(account_id)[:1])
        uow.commit()
    with database.unit_of_work() as uow, pytest.raises(IntegrityError):  # B-1 is there
        insert_returning_ids(uow.session, Order, _order_rows(account_id))
    with database.unit_of_work() as uow:  # nothing of the refused batch went in
        assert list(uow.session.scalars(select(Order.bol_order_id))) == ["B-1"]

