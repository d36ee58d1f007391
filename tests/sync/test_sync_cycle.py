"""The sync cycle against the sandbox over real HTTP."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from haydigo_desk.persistence.models import Order, OrderLine, PickListLine, Product
from haydigo_desk.services.picklists import pick_list_detail
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner


def _runner(setup) -> CycleRunner:
    with setup.database.unit_of_work() as uow:
        from haydigo_desk.persistence.models import MarketplaceAccount

        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    return CycleRunner(setup.database, build_client(connection), setup.account_id)


def _counts(database):
    with database.unit_of_work() as uow:
        s = uow.session
        return {
            "orders": s.scalar(select(func.count(Order.id))),
            "lines": s.scalar(select(func.count(OrderLine.id))),
            "products": s.scalar(select(func.count(Product.id))),
            "reserved": s.scalar(select(func.coalesce(func.sum(Product.reserved), 0))),
            "pick_lines": s.scalar(select(func.count(PickListLine.id))),
        }


@pytest.mark.asyncio
async def test_first_import_then_an_idempotent_second_cycle(setup):
    runner = _runner(setup)
    report = await runner.run()
    assert report.outcome == "ok", report.message
    assert report.products_new == 40
    open_ids = set(setup.sandbox.state.open_order_ids())
    assert report.orders_new == len(open_ids) == 12
    first = _counts(setup.database)
    with setup.database.unit_of_work() as uow:
        assert set(uow.session.scalars(select(Order.bol_order_id))) == open_ids
        lines = uow.session.scalars(select(OrderLine)).all()
        assert all(line.product_id is not None and not line.unmatched for line in lines)
        assert first["reserved"] == sum(line.quantity for line in lines)
    assert first["pick_lines"] == first["lines"]

    again = await runner.run(full_sweep=True)
    assert again.outcome == "ok"
    assert (again.orders_new, again.products_new, again.cancellations) == (0, 0, 0)
    assert _counts(setup.database) == first
    await runner.client.aclose()


@pytest.mark.asyncio
async def test_new_orders_and_a_customer_cancellation_on_a_pick_list(setup):
    runner = _runner(setup)
    await runner.run()
    new_ids = setup.sandbox.state.add_orders(2, country="BE", lines=1)
    report = await runner.run()
    assert report.orders_new == 2
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(
            select(OrderLine).join(Order).where(Order.bol_order_id == new_ids[0])).one()
        item_id, product_id, quantity = line.bol_order_item_id, line.product_id, line.quantity
        reserved_before = uow.session.get(Product, product_id).reserved
        assert uow.session.scalars(
            select(PickListLine).where(PickListLine.order_line_id == line.id)).first()
    assert setup.sandbox.state.request_cancellation(item_id) == item_id
    report = await runner.run()
    assert report.cancellations == 1
    await asyncio.sleep(0.2)  # bol.com processes the cancellation asynchronously
    await runner.run()  # polls the process status
    cancellations = setup.sandbox.state.cancellations()
    assert [c["orderItemId"] for c in cancellations] == [item_id]
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(
            select(OrderLine).where(OrderLine.bol_order_item_id == item_id)).one()
        # The request is answered: a state that ended, not a mark forever.
        assert line.cancellation == "accepted" and line.quantity_cancelled == quantity
        assert line.order.status == "cancelled"
        assert uow.session.get(Product, product_id).reserved == reserved_before - quantity
        pick_line = uow.session.scalars(
            select(PickListLine).where(PickListLine.order_line_id == line.id)).one()
        detail = pick_list_detail(uow.session, pick_line.pick_list_id)
        row = next(r for r in detail.lines if r.order_line_id == line.id)
        assert (row.phase, row.needed, row.put_back) == ("cancelled", 0, 0)
    await runner.client.aclose()
