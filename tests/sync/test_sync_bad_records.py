"""One bad answer never stops the sync: bad records are skipped, named, held and read again;
the outbox goes out even when the import fails; a killed cycle's record is closed."""

from __future__ import annotations

import asyncio
import gc

import pytest
from sqlalchemy import func, select

from haydigo_desk.bol import BolServerError
from haydigo_desk.persistence.models import (
    Order,
    Product,
    QuarantinedRecord,
    SyncRun,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.sync import cycle


def _orders(setup) -> set[str]:
    with setup.database.unit_of_work() as uow:
        return set(uow.session.scalars(select(Order.bol_order_id)))


def _held(setup) -> dict[str, str]:
    with setup.database.unit_of_work() as uow:
        return {r.bol_id: r.reason for r in uow.session.scalars(select(QuarantinedRecord))}


@pytest.mark.asyncio
async def test_bad_orders_are_held_the_rest_import_and_they_come_in_when_fixed(setup, runner):
    state = setup.sandbox.state
    long_city, huge_quantity, fine = state.add_orders(3, lines=1)
    state._orders[long_city].address["city"] = "Utrecht" * 22  # 154 characters
    state._orders[huge_quantity].items[0].quantity = 10**30
    no_items = state.add_orders(1, lines=1)[0]
    detail_of = state.order_detail

    def detail_without_items(order_id):
        detail = detail_of(order_id)
        if detail is not None and order_id == no_items:
            detail = {**detail, "orderItems": []}
        return detail

    state.order_detail = detail_without_items
    report = await runner.run(full_sweep=True)
    assert report.outcome == "ok", report.message  # the cycle goes on
    assert fine in _orders(setup)
    assert not {long_city, huge_quantity, no_items} & _orders(setup)
    held = _held(setup)
    assert set(held) == {long_city, huge_quantity, no_items}
    assert "city" in held[long_city] and "quantity" in held[huge_quantity]
    assert "without its items" in held[no_items]
    assert all(any(bol_id in error for error in report.errors) for bol_id in held)
    with setup.database.unit_of_work() as uow:
        run = uow.session.get(SyncRun, report.run_id)
        assert len([e for e in run.errors if long_city in e]) == 1  # shown in the Sync log
    # bol.com's data is corrected: the next (delta) cycle reads the held orders again.
    state._orders[long_city].address["city"] = "Utrecht"
    state._orders[huge_quantity].items[0].quantity = 1
    state.order_detail = detail_of
    again = await runner.run(full_sweep=False)
    assert again.outcome == "ok", again.message
    assert {long_city, huge_quantity, no_items} <= _orders(setup)
    assert _held(setup) == {}


@pytest.mark.asyncio
async def test_an_impossible_order_id_is_held_and_never_fetched(setup, runner):
    state = setup.sandbox.state
    [real] = state.add_orders(1, lines=1)
    order = state._orders.pop(real)
    order.order_id = "X" * 20_000
    state._orders[order.order_id] = order
    for item in order.items:
        state._order_of_item[item.order_item_id] = order.order_id
    report = await runner.run(full_sweep=True)
    assert report.outcome == "ok", report.message
    assert all(len(i) <= 64 for i in _orders(setup))
    [(kind, bol_id)] = _records(setup)
    assert kind == "order_id" and "20000 characters" in bol_id


def _records(setup) -> list[tuple[str, str]]:
    with setup.database.unit_of_work() as uow:
        return [(r.kind, r.bol_id) for r in uow.session.scalars(select(QuarantinedRecord))]


@pytest.mark.asyncio
async def test_the_outbox_goes_out_when_the_import_fails(setup, runner, monkeypatch):
    with setup.database.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).where(
            Product.offer_id.is_not(None)).order_by(Product.id)).first()
        offer_id = product.offer_id
        stock.adjust(uow.session, product, 3, reason="goods receipt", user_name="t")
        uow.commit()

    async def broken_import(*args, **kwargs):
        raise BolServerError("bol.com answered 503 for the orders listing", status=503)

    monkeypatch.setattr(cycle, "import_orders", broken_import)
    report = await runner.run()
    assert report.outcome == "failed" and "503" in report.message
    assert report.stock_updates_sent == 1
    assert offer_id in setup.sandbox.state.offer_stock()


@pytest.mark.asyncio
async def test_a_cycle_cut_off_by_a_kill_is_closed_at_the_next_one(setup, runner):
    with setup.database.unit_of_work() as uow:  # what a killed process leaves behind
        uow.session.add(SyncRun(account_id=setup.account_id, started_at=utcnow(),
                                outcome="running"))
        uow.commit()
    report = await runner.run()
    assert report.outcome == "ok"
    with setup.database.unit_of_work() as uow:
        outcomes = uow.session.execute(select(SyncRun.outcome, func.count(SyncRun.id))
                                       .group_by(SyncRun.outcome)).all()
        assert dict(outcomes).get("running") is None
        assert dict(outcomes)["interrupted"] == 1


@pytest.mark.asyncio
async def test_a_long_429_storm_delays_and_the_next_cycle_completes(setup, runner):
    loop_errors = []
    asyncio.get_running_loop().set_exception_handler(lambda _loop, ctx: loop_errors.append(ctx))
    state = setup.sandbox.state
    new = state.add_orders(4, lines=1)
    state.set_faults(rate_limited_rate=1.0, rate_limited_retry_after_s=1)
    stormed = await runner.run(full_sweep=True)
    assert stormed.outcome == "failed" and stormed.rate_limited > 0
    assert not set(new) & _orders(setup)
    state.set_faults(rate_limited_rate=0.0)
    calm = await runner.run(full_sweep=True)
    assert calm.outcome == "ok", calm.message
    assert set(new) <= _orders(setup)  # delayed, not lost
    gc.collect()
    await asyncio.sleep(0)
    assert loop_errors == []  # no "Task exception was never retrieved"


@pytest.mark.asyncio
async def test_events_that_do_not_add_up_are_named_and_change_nothing(setup, runner):
    from copy import copy

    from haydigo_desk.persistence.models import OrderLine

    state = setup.sandbox.state
    odd, unknown_item = state.add_orders(2, lines=1)
    assert (await runner.run(full_sweep=True)).orders_new == 2
    [item] = state._orders[odd].items
    item.quantity_shipped, item.quantity_cancelled = item.quantity, item.quantity  # too many
    extra = copy(state._orders[unknown_item].items[0])
    extra.order_item_id = "9999999999"  # an item the desk never imported
    state._orders[unknown_item].items.append(extra)
    with setup.database.unit_of_work() as uow:
        before = {line.bol_order_item_id: (line.quantity_shipped, line.quantity_cancelled,
                                           line.quantity_reserved)
                  for line in uow.session.scalars(select(OrderLine))}
    report = await runner.run(full_sweep=True)
    assert report.outcome == "ok", report.message  # the cycle goes on
    assert any(odd in e and "shipped" in e for e in report.errors)
    assert any(unknown_item in e and "9999999999" in e for e in report.errors)
    with setup.database.unit_of_work() as uow:
        after = {line.bol_order_item_id: (line.quantity_shipped, line.quantity_cancelled,
                                          line.quantity_reserved)
                 for line in uow.session.scalars(select(OrderLine))}
        assert after == before  # nothing corrupted
        run = uow.session.get(SyncRun, report.run_id)
        assert any(odd in e for e in run.errors)  # shown in the Sync log
