"""Helpers of the label tests: what the station does before it buys a bol.com label."""

from __future__ import annotations

from sqlalchemy import select

from haydigo_desk.persistence.models import Order
from haydigo_desk.services import labels, lifecycle
from haydigo_desk.services.claims import StationIdentity

STATION = StationIdentity("desk-1", "test")


def pack_order(database, bol_order_id: str) -> int:
    """Scan every unit of the order into the box; returns the desk's order id."""
    with database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == bol_order_id)).one()
        for line in order.lines:
            assert lifecycle.pick_into_box(uow.session, order.id, line.id, line.quantity)
        uow.commit()
        return order.id


def item_ids(database, bol_order_id: str) -> list[str]:
    with database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == bol_order_id)).one()
        return [line.bol_order_item_id for line in order.lines]


async def buy_label(database, client, bol_order_id: str, today=None):
    """Pack, ask bol for the options, choose by the account's rule, queue the purchase."""
    order_id = pack_order(database, bol_order_id)
    plan = labels.label_plan(database, order_id)
    options = await client.get_delivery_options(
        [f"{line.bol_order_item_id}" for line in plan.plan.lines])
    chosen = labels.choose_label(options, plan.rule, today)
    assert chosen.option is not None, chosen.choice.reason
    queued = labels.queue_label_purchase(database, order_id, chosen.option, station=STATION)
    return order_id, queued, chosen
