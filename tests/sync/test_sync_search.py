"""Orders the sync writes are found by the Orders screen's search at once (the index of
migration 0007 is kept current by the database, not by the writer)."""

from __future__ import annotations

import pytest

from haydigo_desk.persistence.models import Order
from haydigo_desk.services.order_queries import OrderQuery, count_orders, list_orders


def _found(setup, term: str) -> set[str]:
    with setup.database.unit_of_work() as uow:
        query = OrderQuery(search=term)
        rows = list_orders(uow.session, query, limit=500)
        assert count_orders(uow.session, query) == len(rows)
        return {row.bol_order_id for row in rows}


@pytest.mark.asyncio
async def test_an_order_the_sync_writes_is_found_by_id_name_sku_and_ean(setup, runner):
    [new_id] = setup.sandbox.state.add_orders(1, lines=2)
    report = await runner.run()
    assert report.outcome == "ok", report.message
    with setup.database.unit_of_work() as uow:
        order = uow.session.query(Order).filter_by(bol_order_id=new_id).one()
        name, lines = order.customer_name, [(line.sku, line.ean) for line in order.lines]
    assert new_id in _found(setup, new_id[2:-1].lower())
    assert new_id in _found(setup, new_id[:2])  # a short term: the start of the id
    assert new_id in _found(setup, name.upper())
    for sku, ean in lines:
        assert new_id in _found(setup, sku[1:])
        assert new_id in _found(setup, ean)
