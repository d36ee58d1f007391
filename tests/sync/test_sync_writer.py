"""The order writer writes a batch at a time (set-based); what a user relies on still holds
per order: one bad record is held and the rest written, a product is found by SKU when its
EAN is unknown, an order listed twice is written once, stock is reserved line by line, and a
slow writer makes the fetchers wait without losing an order. On SQLite and PostgreSQL."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select, update

from haydigo_desk.persistence.models import (
    Order,
    OrderLine,
    PickListLine,
    PickListOrder,
    Product,
    QuarantinedRecord,
    StockMovement,
    utcnow,
)
from haydigo_desk.services.picklists import add_to_open_pick_list
from haydigo_desk.sync import orders as order_step
from haydigo_desk.sync.events import SyncReport


async def _details(setup, runner, n: int, lines: int = 1):
    ids = setup.sandbox.state.add_orders(n, lines=lines)
    return [await runner.client.get_order(order_id) for order_id in ids]


def _write(setup, details) -> tuple[list[int], SyncReport]:
    report = SyncReport(setup.account_id, "bol NL", utcnow())
    written = order_step.write_orders(setup.database, setup.account_id, details, report, set(),
                                      add_to_open_pick_list)
    return written, report


def _with_items(detail, items):
    return detail.model_copy(update={"order_items": items})


def _snapshot(setup) -> dict[str, int]:
    with setup.database.unit_of_work() as uow:
        s = uow.session
        return {"reserved": s.scalar(select(func.sum(Product.reserved))) or 0,
                "movements": s.scalar(select(func.count(StockMovement.id))),
                "orders": s.scalar(select(func.count(Order.id)))}


@pytest.mark.asyncio
async def test_a_bad_record_in_a_batch_is_held_and_the_rest_are_written(setup, runner):
    before = _snapshot(setup)
    good_1, long_city, good_2, twice_the_item = await _details(setup, runner, 4)
    long_city = long_city.model_copy(update={"shipment_details": long_city.shipment_details
                                             .model_copy(update={"city": "Utrecht" * 22})})
    # Refused by the database itself (one item twice): the batch falls back to one by one.
    item = twice_the_item.order_items[0]
    twice_the_item = _with_items(twice_the_item, [item, item])
    written, report = _write(setup, [good_1, long_city, good_2, twice_the_item])
    assert len(written) == 2
    with setup.database.unit_of_work() as uow:
        s = uow.session
        assert set(s.scalars(select(Order.bol_order_id).where(Order.id.in_(written)))) == {
            good_1.order_id, good_2.order_id}
        held = {r.bol_id: r.reason for r in s.scalars(select(QuarantinedRecord))}
        assert set(held) == {long_city.order_id, twice_the_item.order_id}
        assert "city" in held[long_city.order_id]
        # Nothing of the refused orders was left behind: no lines, no reservations.
        assert s.scalar(select(func.count(OrderLine.id)).where(OrderLine.bol_order_item_id.in_(
            [item.order_item_id, long_city.order_items[0].order_item_id]))) == 0
        units = sum(d.order_items[0].quantity for d in (good_1, good_2))
    after = _snapshot(setup)
    assert after["reserved"] - before["reserved"] == units
    assert after["movements"] - before["movements"] == 2  # one per line written
    assert any(long_city.order_id in error for error in report.errors)
    assert report.orders_new == 2


@pytest.mark.asyncio
async def test_sku_matches_when_the_ean_is_unknown_and_unmatched_lines_are_a_problem(
        setup, runner):
    by_sku, unmatched, two_lines = await _details(setup, runner, 3)
    sku_item = by_sku.order_items[0]
    with setup.database.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).where(
            Product.sku == sku_item.offer.reference)).one()
        uow.session.execute(update(Product).where(Product.id == product.id)
                            .values(ean="8710000000001"))  # the desk knows another EAN
        uow.commit()
        sku_product_id, reserved_before = product.id, product.reserved
    lost = unmatched.order_items[0]
    lost = lost.model_copy(update={
        "product": lost.product.model_copy(update={"ean": "8719999999996"}),
        "offer": lost.offer.model_copy(update={"reference": "NO-SUCH-SKU"})})
    unmatched = _with_items(unmatched, [lost])
    line = two_lines.order_items[0]
    second = line.model_copy(update={"order_item_id": line.order_item_id + "2", "quantity": 2})
    two_lines = _with_items(two_lines, [line, second])
    written, report = _write(setup, [by_sku, unmatched, two_lines])
    assert len(written) == 3 and not report.errors
    with setup.database.unit_of_work() as uow:
        s = uow.session
        orders = {o.bol_order_id: o for o in s.scalars(select(Order).where(
            Order.id.in_(written)))}
        [sku_line] = orders[by_sku.order_id].lines
        assert sku_line.product_id == sku_product_id and not sku_line.unmatched
        assert sku_line.quantity_reserved == sku_item.quantity
        assert s.get(Product, sku_product_id).reserved == reserved_before + sku_item.quantity
        problem = orders[unmatched.order_id]
        assert problem.status == "problem" and "8719999999996" in problem.problem
        assert problem.lines[0].unmatched and problem.lines[0].quantity_reserved == 0
        both = orders[two_lines.order_id].lines
        assert [line.quantity_reserved for line in both] == [line.quantity, 2]
        movements = s.execute(select(StockMovement.order_line_id, StockMovement.reserved_delta)
                              .where(StockMovement.order_line_id.in_([b.id for b in both]))
                              ).all()
        assert sorted(movements) == sorted((b.id, b.quantity_reserved) for b in both)
        # Matched orders go on the open pick list; the unmatched one waits.
        listed = set(s.scalars(select(PickListOrder.order_id)))
        assert {orders[by_sku.order_id].id, orders[two_lines.order_id].id} <= listed
        assert problem.id not in listed
        assert s.scalar(select(func.count(PickListLine.id)).where(
            PickListLine.order_line_id.in_([b.id for b in both]))) == 2


@pytest.mark.asyncio
async def test_an_order_twice_in_one_batch_is_written_once(setup, runner):
    before = _snapshot(setup)
    [detail] = await _details(setup, runner, 1, lines=2)
    written, report = _write(setup, [detail, detail])
    assert len(written) == 1 and not report.errors and report.orders_new == 1
    again, _ = _write(setup, [detail])  # and once more in a later batch: nothing changes
    assert again == []
    after = _snapshot(setup)
    assert after["orders"] - before["orders"] == 1
    assert after["reserved"] - before["reserved"] == sum(i.quantity for i in detail.order_items)
    assert after["movements"] - before["movements"] == 2


@pytest.mark.asyncio
async def test_fetchers_wait_for_a_slow_writer_and_nothing_is_lost(setup, runner,
                                                                   monkeypatch):
    backlog = 3
    monkeypatch.setattr(order_step, "DETAIL_BACKLOG", backlog)
    new_ids = set(setup.sandbox.state.add_orders(40, lines=1))
    fetched, written, held_at_write = [0], [0], []
    fetch, write = order_step._fetch_detail, order_step.write_orders

    async def counting_fetch(*args, **kwargs):
        detail = await fetch(*args, **kwargs)
        fetched[0] += detail is not None
        return detail

    def slow_write(database, account_id, details, *args, **kwargs):
        held_at_write.append(fetched[0] - written[0])  # fetched, not yet written
        time.sleep(0.05)  # a busy disk: the fetchers get ahead
        result = write(database, account_id, details, *args, **kwargs)
        written[0] += len(details)
        return result

    monkeypatch.setattr(order_step, "_fetch_detail", counting_fetch)
    monkeypatch.setattr(order_step, "write_orders", slow_write)
    report = await runner.run(full_sweep=True)
    assert report.outcome == "ok", report.message
    with setup.database.unit_of_work() as uow:
        stored = set(uow.session.scalars(select(Order.bol_order_id)))
    assert new_ids <= stored and report.orders_new == 40
    # Held in memory at most: the queue, one per fetcher waiting to put, the batch in hand.
    bound = backlog + order_step.DETAIL_CONCURRENCY + backlog + 1
    assert max(held_at_write) <= bound < 40
