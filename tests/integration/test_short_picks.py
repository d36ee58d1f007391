"""Short picks and oversold orders through the services, on SQLite and PostgreSQL (issue 19
points 4 and 5): what the station reports, what the Can't-fulfil queue decides, what stock
arriving does, and which orders the stock cannot serve."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from support.factories import make_account, make_products

from haydigo_desk.domain.outbox_payloads import CancellationPayload
from haydigo_desk.domain.short_picks import ShortPickRefused, ShortReason
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    PickList,
    Product,
    ShortPick,
    StockMovement,
)
from haydigo_desk.services import (
    lifecycle,
    order_queries,
    picklists,
    shipping,
    short_pick_queries,
)
from haydigo_desk.services.claims import StationIdentity, claim_order
from haydigo_desk.services.order_queries import OrderQuery
from haydigo_desk.services.picking import PickingService
from haydigo_desk.services.picking_short import ShortPicks
from haydigo_desk.services.stock_count import apply_stock_count, preview_stock_count
from haydigo_desk.services.stock_tools import receive

STATION = StationIdentity("desk-1", "Pieter")
PLACED = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def import_order(session, account, bol_order_id, items, minutes=0):
    order = Order(account_id=account.id, bol_order_id=bol_order_id, customer_name="Jan",
                  placed_at=PLACED + timedelta(minutes=minutes))
    lines = [lifecycle.NewLine(f"{bol_order_id}-{i}", quantity, product, ean=product.ean,
                               title=product.title)
             for i, (product, quantity) in enumerate(items, start=1)]
    return lifecycle.import_order(session, order, lines).order


@pytest.fixture
def shop(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 3, on_hand=10)
        uow.commit()
        return database, account.id, [p.id for p in products]


def _new_order(database, account_id, product_ids, bol_order_id, items, minutes=0):
    with database.unit_of_work() as uow:
        account = uow.session.get(MarketplaceAccount, account_id)
        products = [uow.session.get(Product, i) for i in product_ids]
        order = import_order(uow.session, account, bol_order_id,
                             [(products[index], qty) for index, qty in items], minutes)
        uow.commit()
        return order.id, [line.id for line in order.lines]


def _short(database, short_pick_id=None):
    with database.unit_of_work() as uow:
        query = select(ShortPick).order_by(ShortPick.id)
        rows = uow.session.scalars(query).all()
        uow.session.expunge_all()
        return rows if short_pick_id is None else next(r for r in rows if r.id == short_pick_id)


def test_not_found_holds_the_line_and_the_rest_ships_as_a_partial_shipment(shop):
    database, account_id, product_ids = shop
    order_id, (lamp_line, vase_line) = _new_order(database, account_id, product_ids,
                                                  "C00SHORT1", [(0, 1), (1, 2)])
    picking = PickingService(database, STATION)
    claim_order(database, order_id, STATION)
    work = picking.load_order(order_id)
    lamp_ean = next(v.ean for v in work.lines if v.key == lamp_line)
    assert picking.scan_order(order_id, lamp_ean).accepted
    outcome = ShortPicks(picking).in_order(order_id, vase_line, 2, ShortReason.NOT_FOUND)
    assert outcome.accepted and outcome.units == 2 and outcome.written_off == 0
    work = picking.load_order(order_id)
    vase = next(v for v in work.lines if v.key == vase_line)
    assert (vase.needed, vase.short) == (0, 2)  # the station asks for nothing more of it
    assert work.complete
    plan = shipping.plan_shipment(database, order_id)
    assert plan.partial and [(p.order_line_id, p.quantity) for p in plan.lines] == [
        (lamp_line, 1)]
    with database.unit_of_work() as uow:
        vase = uow.session.get(OrderLine, vase_line)
        assert vase.quantity_reserved == 2  # bol.com still expects them: still reserved
        assert uow.session.get(Product, vase.product_id).on_hand == 10  # nothing written off
    [row] = short_pick_queries_rows(database)
    assert (row.bol_order_id, row.units, row.reason, row.state) == ("C00SHORT1", 2,
                                                                    "not_found", "open")


def short_pick_queries_rows(database):
    with database.unit_of_work() as uow:
        return short_pick_queries.list_queue(uow.session)


def test_damaged_writes_the_unit_off_through_a_stock_movement(shop):
    database, account_id, product_ids = shop
    order_id, (line_id,) = _new_order(database, account_id, product_ids, "C00DAMAGE", [(0, 3)])
    picking = PickingService(database, STATION)
    claim_order(database, order_id, STATION)
    outcome = ShortPicks(picking).in_order(order_id, line_id, 1, ShortReason.DAMAGED)
    assert outcome.accepted and outcome.written_off == 1
    with database.unit_of_work() as uow:
        product = uow.session.get(Product, product_ids[0])
        assert (product.on_hand, product.reserved) == (9, 3)
        movement = uow.session.scalars(select(StockMovement).where(
            StockMovement.product_id == product.id, StockMovement.on_hand_delta == -1)).one()
        assert movement.reason == lifecycle.short_picks.WRITE_OFF_REASON
        assert movement.user_name == "Pieter"
    view = picking.load_order(order_id).lines[0]
    assert (view.needed, view.short) == (2, 1)
    # More than is still to take is refused, and nothing of it is written.
    refused = ShortPicks(picking).in_order(order_id, line_id, 3, ShortReason.NOT_FOUND)
    assert (refused.accepted, refused.refusal, refused.limit) == (False, "too_many", 2)
    assert len(_short(database)) == 1


def test_a_short_pick_on_a_shipped_order_is_refused(shop):
    database, account_id, product_ids = shop
    order_id, (line_id,) = _new_order(database, account_id, product_ids, "C00SHIPPED", [(0, 1)])
    with database.unit_of_work() as uow:  # bol.com reports it shipped
        order = uow.session.get(Order, order_id)
        lifecycle.apply_bol_item(uow.session, order, uow.session.get(OrderLine, line_id),
                                 shipped=1, cancelled=0, cancellation_request=False)
        uow.commit()
    with database.unit_of_work() as uow:
        with pytest.raises(ShortPickRefused) as refused:
            lifecycle.report_short(uow.session, [line_id], 1, ShortReason.NOT_FOUND)
        assert refused.value.kind == "closed"
    assert _short(database) == []


def test_a_backorder_is_picked_up_again_after_a_stock_count(shop):
    database, account_id, product_ids = shop
    order_id, (line_id,) = _new_order(database, account_id, product_ids, "C00BACK", [(2, 2)])
    with database.unit_of_work() as uow:
        pick_list_id = picklists.create_pick_list(uow.session, [order_id]).pick_list.id
        [reported] = lifecycle.report_short(uow.session, [line_id], 2, ShortReason.NOT_FOUND)
        uow.commit()
    with database.unit_of_work() as uow:
        assert uow.session.get(PickList, pick_list_id).status == "done"  # nothing to pick
        short_pick_queries.wait_for_stock(uow.session, reported.short_pick_id, "Marleen")
        # The shelf count says 0 where 10 were booked: nothing arrives, nothing resumes.
        product = uow.session.get(Product, product_ids[2])
        account = uow.session.get(MarketplaceAccount, account_id)
        csv = f"ean;count\n{product.ean};0\n"
        apply_stock_count(uow.session, preview_stock_count(uow.session,
                          account.product_list_id, csv), "count week 48", "Marleen")
        uow.commit()
    assert _short(database, reported.short_pick_id).state == "backorder"
    with database.unit_of_work() as uow:  # a recount finds one: not enough for the line
        account = uow.session.get(MarketplaceAccount, account_id)
        product = uow.session.get(Product, product_ids[2])
        apply_stock_count(uow.session, preview_stock_count(
            uow.session, account.product_list_id, f"ean;count\n{product.ean};1\n"),
            "recount", "Marleen")
        uow.commit()
    assert _short(database, reported.short_pick_id).state == "backorder"
    with database.unit_of_work() as uow:  # goods arrive
        account = uow.session.get(MarketplaceAccount, account_id)
        receive(uow.session, account.product_list_id, product.ean, 5, "Marleen")
        uow.commit()
    short = _short(database, reported.short_pick_id)
    assert short.state == "resumed" and short.ended_at is not None
    with database.unit_of_work() as uow:
        assert uow.session.get(OrderLine, line_id).quantity_short == 0
        assert uow.session.get(PickList, pick_list_id).status == "open"  # back into picking
    view = PickingService(database, STATION).load_order(order_id).lines[0]
    assert (view.needed, view.short) == (2, 0)
    assert short_pick_queries_rows(database) == []


def test_cancel_at_bol_queues_one_seller_cancellation_and_refuses_a_second(shop):
    database, account_id, product_ids = shop
    order_id, (line_id,) = _new_order(database, account_id, product_ids, "C00CANCEL", [(0, 2)])
    with database.unit_of_work() as uow:
        [reported] = lifecycle.report_short(uow.session, [line_id], 1, ShortReason.DAMAGED)
        uow.commit()
    with database.unit_of_work() as uow:
        with pytest.raises(ShortPickRefused):  # bol's customer reason is not the seller's
            short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id,
                                             "REQUESTED_BY_CUSTOMER", "Marleen")
        short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id,
                                         "BAD_CONDITION", "Marleen")
        uow.commit()
    with database.unit_of_work() as uow:
        with pytest.raises(ShortPickRefused) as refused:
            short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id,
                                             "BAD_CONDITION", "Marleen")
        assert refused.value.kind == "decided"
        [row] = uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.kind == "cancellation")).all()
        payload, row_id = CancellationPayload.from_json(row.payload), row.id
        assert (payload.order_item_id, payload.reason_code) == ("C00CANCEL-1", "BAD_CONDITION")
    # bol.com refuses: the line stays in the queue with bol's words, the order no problem.
    with database.unit_of_work() as uow:
        uow.session.get(OutboxEntry, row_id).state = "failed"  # as the outbox records it
        lifecycle.cancellation_answered(uow.session, line_id, accepted=False,
                                        message="Item has already been shipped")
        uow.commit()
    [queued] = short_pick_queries_rows(database)
    assert (queued.state, queued.bol_message) == ("refused", "Item has already been shipped")
    with database.unit_of_work() as uow:
        assert uow.session.get(Order, order_id).problem == ""
        assert uow.session.get(OrderLine, line_id).quantity_reserved == 2
        short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id, "OUT_OF_STOCK",
                                         "Marleen")  # decided again after the refusal
        uow.commit()
    with database.unit_of_work() as uow:  # accepted: the item is cancelled, stock released
        lifecycle.cancellation_answered(uow.session, line_id, accepted=True)
        uow.commit()
    assert _short(database, reported.short_pick_id).state == "cancelled"
    with database.unit_of_work() as uow:
        line = uow.session.get(OrderLine, line_id)
        assert (line.quantity_cancelled, line.quantity_short, line.quantity_reserved) == (
            2, 0, 0)
        assert uow.session.get(Order, order_id).status == "cancelled"
    assert short_pick_queries_rows(database) == []


def _cancel_then_bol_cancels(shop, bol_order_id: str, by_bol: int):
    """An order line of 2 units, 1 reported short, the manager cancels the item at bol.com,
    then bol.com cancels ``by_bol`` units itself before our row is sent."""
    database, account_id, product_ids = shop
    order_id, (line_id,) = _new_order(database, account_id, product_ids, bol_order_id, [(0, 2)])
    with database.unit_of_work() as uow:
        [reported] = lifecycle.report_short(uow.session, [line_id], 1, ShortReason.NOT_FOUND)
        uow.commit()
    with database.unit_of_work() as uow:
        row_id = short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id,
                                                  "OUT_OF_STOCK", "Marleen")
        uow.commit()
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        lifecycle.apply_bol_item(uow.session, order, uow.session.get(OrderLine, line_id),
                                 shipped=0, cancelled=by_bol, cancellation_request=False)
        uow.commit()
    return database, order_id, line_id, row_id, reported


def test_bol_cancelling_part_of_the_item_leaves_the_sellers_cancellation_of_the_rest(shop):
    """Found by the lifecycle machine: 2 units, 1 short, the manager cancels the item at
    bol.com, then bol.com cancels 1 unit itself before our row is sent. The unit still open is
    the one that is not there: our cancellation must still go, or the queue waits forever."""
    database, order_id, line_id, row_id, reported = _cancel_then_bol_cancels(shop, "C00PART", 1)
    with database.unit_of_work() as uow:
        assert uow.session.get(OutboxEntry, row_id).state == "queued"  # still to be sent
    assert _short(database, reported.short_pick_id).state == "cancelling"
    with database.unit_of_work() as uow:  # bol.com accepts ours: the rest is cancelled too
        uow.session.get(OutboxEntry, row_id).state = "done"  # as the outbox records it
        lifecycle.cancellation_answered(uow.session, line_id, accepted=True)
        uow.commit()
    assert _short(database, reported.short_pick_id).state == "cancelled"
    with database.unit_of_work() as uow:
        line = uow.session.get(OrderLine, line_id)
        assert (line.quantity_cancelled, line.quantity_short) == (2, 0)
        assert uow.session.get(Order, order_id).status == "cancelled"


def test_bol_cancelling_the_whole_item_answers_the_sellers_cancellation(shop):
    database, _order_id, _line_id, row_id, reported = _cancel_then_bol_cancels(shop, "C00WHOLE", 2)
    with database.unit_of_work() as uow:
        assert uow.session.get(OutboxEntry, row_id).state == "done"  # nothing left to send
    assert _short(database, reported.short_pick_id).state == "cancelled"


def test_cancelling_a_shipped_item_is_refused(shop):
    database, account_id, product_ids = shop
    order_id, (line_id,) = _new_order(database, account_id, product_ids, "C00LATE", [(0, 1)])
    with database.unit_of_work() as uow:
        [reported] = lifecycle.report_short(uow.session, [line_id], 1, ShortReason.NOT_FOUND)
        uow.commit()
    with database.unit_of_work() as uow:  # found after all; bol.com shows it shipped
        order = uow.session.get(Order, order_id)
        lifecycle.apply_bol_item(uow.session, order, uow.session.get(OrderLine, line_id),
                                 shipped=1, cancelled=0, cancellation_request=False)
        uow.commit()
    assert _short(database, reported.short_pick_id).state == "closed"
    with database.unit_of_work() as uow:
        with pytest.raises(ShortPickRefused):
            short_pick_queries.cancel_at_bol(uow.session, reported.short_pick_id,
                                             "OUT_OF_STOCK", "Marleen")
        assert uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.kind == "cancellation")).all() == []


def test_oversold_flags_the_youngest_orders_and_clears_when_stock_arrives(shop):
    database, account_id, product_ids = shop
    with database.unit_of_work() as uow:  # 3 on the shelf
        account = uow.session.get(MarketplaceAccount, account_id)
        product = uow.session.get(Product, product_ids[1])
        apply_stock_count(uow.session, preview_stock_count(
            uow.session, account.product_list_id, f"ean;count\n{product.ean};3\n"),
            "count", "Marleen")
        uow.commit()
    oldest, _ = _new_order(database, account_id, product_ids, "C00OLD", [(1, 2)], minutes=0)
    middle, _ = _new_order(database, account_id, product_ids, "C00MID", [(1, 2)], minutes=5)
    youngest, _ = _new_order(database, account_id, product_ids, "C00NEW", [(1, 1)], minutes=9)

    def flags():
        with database.unit_of_work() as uow:
            return {o.bol_order_id: o.oversold for o in uow.session.scalars(select(Order))}

    # 2 + 2 + 1 wanted of 3: the oldest is served; the middle one cannot be, nor younger ones.
    assert flags() == {"C00OLD": False, "C00MID": True, "C00NEW": True}
    picking = PickingService(database, STATION)
    assert picking.load_order(middle).oversold
    with database.unit_of_work() as uow:  # pick-list creation leaves them off, and says why
        created = picklists.create_pick_list(uow.session, [oldest, middle])
        assert created.pick_list.orders == 1 and list(created.skipped) == ["C00MID"]
        assert "oversold" in created.skipped["C00MID"]
        with pytest.raises(picklists.PickListError, match="oversold"):
            picklists.create_pick_list(uow.session, [youngest])
        [row] = [r for r in order_queries.list_orders(uow.session, OrderQuery())
                 if r.bol_order_id == "C00MID"]
        assert row.oversold
    with database.unit_of_work() as uow:
        account = uow.session.get(MarketplaceAccount, account_id)
        receive(uow.session, account.product_list_id, product.ean, 2, "Marleen")
        uow.commit()
    assert flags() == {"C00OLD": False, "C00MID": False, "C00NEW": False}
    assert not picking.load_order(oldest).oversold and not picking.load_order(youngest).oversold
