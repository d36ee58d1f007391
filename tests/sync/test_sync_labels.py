"""Labels bought from bol.com through the outbox, against the sandbox over HTTP: bought once,
the PDF stored, the shipment posted with the label's id; a refusal, an expired offer, a label
that is no PDF and a cancellation meanwhile put the order on Problem (or back to work) and
nothing is posted or bought twice."""

from __future__ import annotations

import pytest
import pytest_asyncio
from sqlalchemy import select
from support.label_setup import STATION, buy_label, item_ids, pack_order
from support.sync_setup import sync_setup

from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.persistence.models import (
    LabelPurchase,
    MarketplaceAccount,
    Order,
    OutboxEntry,
    Shipment,
    utcnow,
)
from haydigo_desk.sandbox import routes_labels
from haydigo_desk.services import labels, shipping
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner
from haydigo_desk.sync.events import SyncReport


@pytest.fixture
def setup(sqlite_url):
    s = sync_setup(sqlite_url)
    with s.database.unit_of_work() as uow:
        uow.session.get(MarketplaceAccount, s.account_id).shipping_mode = "via_bol"
        uow.commit()
    yield s
    s.sandbox.stop()
    s.database.dispose()


@pytest_asyncio.fixture
async def runner(setup):
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    fast_retries = RetryPolicy(max_attempts=2, backoff_base=0.01, backoff_cap=0.05)
    runner = CycleRunner(setup.database, build_client(connection, retry=fast_retries),
                         setup.account_id)
    report = await runner.run()
    assert report.outcome == "ok", report.message
    yield runner
    await runner.client.aclose()


def _first_order(setup) -> str:
    with setup.database.unit_of_work() as uow:
        return uow.session.scalars(select(Order.bol_order_id).order_by(Order.id)).first()


async def _post(runner, entry_id: int):
    return await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                        poll_every=0.05)


def _row(setup, model, row_id):
    with setup.database.unit_of_work() as uow:
        row = uow.session.get(model, row_id)
        uow.session.expunge(row)
        return row


def _label_of(setup, shipment_id: int) -> LabelPurchase:
    with setup.database.unit_of_work() as uow:
        row = uow.session.scalars(select(LabelPurchase).where(
            LabelPurchase.shipment_id == shipment_id)).one()
        row.pdf  # noqa: B018 - load the deferred column before the session closes
        uow.session.expunge(row)
        return row


@pytest.mark.asyncio
async def test_a_label_is_bought_once_stored_and_the_shipment_carries_its_id(setup, runner):
    bol_order_id = _first_order(setup)
    order_id, queued, chosen = await buy_label(setup.database, runner.client, bol_order_id)
    assert _row(setup, Order, order_id).status == "packed"  # the box waits for its label
    result = await _post(runner, queued.outbox_entry_id)
    assert result.state == "done", result.message
    bought = setup.sandbox.state.shipping_labels()
    assert bought["count"] == 1
    [sold] = bought["labels"]
    label = _label_of(setup, queued.shipment_id)
    assert label.state == "ready" and label.bol_label_id == sold["shippingLabelId"]
    assert label.track_and_trace == sold["trackAndTrace"]
    assert label.pdf.startswith(b"%PDF-") and label.price == chosen.option.total_price
    # The shipment of the same box goes out with the label's id and takes its T&T.
    shipment_entry = shipping.outbox_entry_of(setup.database, queued.shipment_id)
    assert shipment_entry != queued.outbox_entry_id
    assert (await _post(runner, shipment_entry)).state == "done"
    [posted] = [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert posted["shippingLabelId"] == sold["shippingLabelId"]
    assert posted["trackAndTrace"] == sold["trackAndTrace"]
    shipment = _row(setup, Shipment, queued.shipment_id)
    assert shipment.state == "confirmed" and shipment.track_and_trace == sold["trackAndTrace"]
    assert _row(setup, Order, order_id).status == "shipped"
    # Pressing again, posting the row again: nothing more is bought.
    with pytest.raises(shipping.ShipmentRefused) as refused:
        labels.queue_label_purchase(setup.database, order_id, chosen.option, station=STATION)
    assert refused.value.reason is shipping.Refusal.ORDER_CLOSED
    assert (await _post(runner, queued.outbox_entry_id)).state == "done"
    assert setup.sandbox.state.shipping_labels()["count"] == 1
    day = labels.labels_bought_on(setup.database)
    assert (day.count, day.cost) == (1, chosen.option.total_price)


@pytest.mark.asyncio
async def test_a_lost_answer_is_looked_up_at_bol_and_never_bought_again(setup, runner):
    bol_order_id = _first_order(setup)
    _, queued, _ = await buy_label(setup.database, runner.client, bol_order_id)
    setup.sandbox.state.set_faults(lost_answer_rate=1.0)  # carried out, answered 502
    report = SyncReport(1, "", utcnow())
    await runner.outbox.send(queued.outbox_entry_id, report)
    assert _row(setup, OutboxEntry, queued.outbox_entry_id).state == "sending"
    setup.sandbox.state.set_faults(lost_answer_rate=0.0)
    for _ in range(40):  # recover asks bol's process status, then polls it to the end
        await runner.outbox.recover(report)
        await runner.outbox.poll(report)
        if _row(setup, OutboxEntry, queued.outbox_entry_id).state == "done":
            break
    assert _row(setup, OutboxEntry, queued.outbox_entry_id).state == "done"
    assert setup.sandbox.state.shipping_labels()["count"] == 1
    assert setup.sandbox.state.process_counts().get("FAILURE", 0) == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("bad", ["expired_offer", "not_a_pdf", "cancelled_meanwhile"])
async def test_a_label_that_cannot_be_had_posts_nothing_and_buys_nothing_twice(
        setup, runner, monkeypatch, bad):
    bol_order_id = _first_order(setup)
    order_id, queued, _ = await buy_label(setup.database, runner.client, bol_order_id)
    if bad == "expired_offer":
        setup.sandbox.state.expire_label_offers()
    elif bad == "not_a_pdf":
        monkeypatch.setattr(routes_labels, "render_label", lambda document: b"<html>oops")
    else:
        for item in item_ids(setup.database, bol_order_id):
            setup.sandbox.state.request_cancellation(item)
    result = await _post(runner, queued.outbox_entry_id)
    label = _label_of(setup, queued.shipment_id)
    order = _row(setup, Order, order_id)
    if bad == "cancelled_meanwhile":
        assert result.state == "cancelled" and label.state == "cancelled"
        assert "cancel" in result.message.lower()
        assert setup.sandbox.state.shipping_labels()["count"] == 0
    else:
        assert result.state == "failed" and label.state == "failed"
        assert order.status == "problem"
        expected = "expired" if bad == "expired_offer" else "no usable label"
        assert expected in order.problem and expected in label.error
        assert setup.sandbox.state.shipping_labels()["count"] == (bad == "not_a_pdf")
    assert _row(setup, Shipment, queued.shipment_id).state in ("failed", "cancelled")
    assert [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id] == []
    assert shipping.outbox_entry_of(setup.database, queued.shipment_id) == queued.outbox_entry_id
    assert labels.labels_bought_on(setup.database).count == (bad == "not_a_pdf")


@pytest.mark.asyncio
async def test_the_account_setting_decides_via_bol(setup, runner):
    order_id = pack_order(setup.database, _first_order(setup))
    assert labels.label_plan(setup.database, order_id).via_bol
    with setup.database.unit_of_work() as uow:
        account = uow.session.get(MarketplaceAccount, setup.account_id)
        account.shipping_mode = "per_order"
        uow.commit()
    # As bol says per order: what bol.com sent for this order at import (orders.via_bol).
    with setup.database.unit_of_work() as uow:
        sent_via_bol = bool(uow.session.get(Order, order_id).via_bol)
    assert labels.label_plan(setup.database, order_id).via_bol is sent_via_bol
    assert labels.label_plan(setup.database, order_id, distribution_party="BOL").via_bol
    assert not labels.label_plan(setup.database, order_id, distribution_party="RETAILER").via_bol
