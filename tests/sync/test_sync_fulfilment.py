"""What bol.com says about delivery is kept per line and summed up per order: the exact day a
customer chose, the time frame, who delivers (via bol), the pick-up point; the order's
deadline for the deadline sort. Read again, an order takes bol's facts (also rows written
before they were kept) and unchanged data changes nothing. Over the sandbox, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update
from support.sync_setup import sync_setup

from haydigo_desk.persistence.models import Order, OrderLine, utcnow
from haydigo_desk.services.picklists import add_to_open_pick_list
from haydigo_desk.sync import order_records
from haydigo_desk.sync.events import SyncReport


@pytest.fixture
def setup(database_url):  # the conftest's ``runner`` syncs this set-up once
    s = sync_setup(database_url, open_orders=50)
    yield s
    s.sandbox.stop()
    s.database.dispose()


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _stored(setup) -> dict[str, tuple]:
    with setup.database.unit_of_work() as uow:
        orders = {o.bol_order_id: o for o in uow.session.scalars(select(Order))}
        return {bol_id: (o.deadline_date, o.via_bol, o.pickup_point, o.pickup_point_name,
                         {line.bol_order_item_id: (line.latest_delivery_date,
                                                   line.exact_delivery_date, line.expiry_date,
                                                   line.time_frame_type, line.distribution_party)
                          for line in o.lines})
                for bol_id, o in orders.items()}


def _expected(detail: dict) -> tuple:
    items = {}
    for item in detail["orderItems"]:
        f = item["fulfilment"]
        items[item["orderItemId"]] = (_date(f.get("latestDeliveryDate")),
                                      _date(f.get("exactDeliveryDate")), _date(f["expiryDate"]),
                                      f["timeFrameType"], f["distributionParty"])
    deadline = min(exact or latest for latest, exact, *_ in items.values())
    return (deadline, any(i[4] == "BOL" for i in items.values()), detail["pickupPoint"],
            detail["shipmentDetails"].get("pickupPointName"), items)


@pytest.mark.asyncio
async def test_the_sync_keeps_what_bol_sends_about_delivery_and_takes_it_again(setup, runner):
    # One sync for both halves: the sandbox and the cycle are the slow part.
    state = setup.sandbox.state
    expected = {order_id: _expected(state.order_detail(order_id))
                for order_id in state.open_order_ids()}
    stored = _stored(setup)
    assert stored == expected
    kinds = list(expected.values())
    # The sandbox's mix reached the desk: chosen days, via bol, pick-up points and the usual.
    assert any(items[k][1] for *_, items in kinds for k in items)
    assert any(v[1] for v in kinds) and any(v[2] for v in kinds)
    assert any(not v[1] and not v[2] for v in kinds)

    before = stored
    with setup.database.unit_of_work() as uow:  # as a database from before they were kept
        uow.session.execute(update(OrderLine).values(exact_delivery_date=None,
                                                     time_frame_type=None,
                                                     distribution_party=None))
        uow.session.execute(update(Order).values(deadline_date=None, via_bol=False,
                                                 pickup_point=False, pickup_point_name=None))
        uow.commit()
    details = [await runner.client.get_order(order_id) for order_id in before]

    def write() -> SyncReport:
        report = SyncReport(setup.account_id, "bol NL", utcnow())
        written = order_records.write_orders(setup.database, setup.account_id, details, report,
                                          set(), add_to_open_pick_list)
        assert written == []  # no new orders: the known ones were refreshed
        return report

    assert write().orders_updated == len(before)
    assert _stored(setup) == before
    assert write().orders_updated == 0  # the same answer again changes nothing
