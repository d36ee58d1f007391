"""A track & trace corrected after shipping: queued, posted as PUT /retailer/transports/{id},
followed through its process status, exactly once; against the sandbox over real HTTP."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from sqlalchemy import select
from support.transport_setup import imported_account, make_runner, ship_confirmed

from haydigo_desk.domain.outbox_payloads import TransportPayload
from haydigo_desk.persistence.models import Order, OutboxEntry, Shipment, utcnow
from haydigo_desk.services import order_queries, transport_corrections
from haydigo_desk.services.outbox_writer import enqueue
from haydigo_desk.services.transport_corrections import CorrectionRefused, Refusal
from haydigo_desk.sync.events import SyncReport

PUT_KEY = "PUT /retailer/transports/{transport_id}"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """One import for the module (SQLite): each test ships an order of its own."""
    with imported_account(tmp_path_factory.mktemp("transport")) as shared:
        yield shared


@pytest_asyncio.fixture
async def runner(setup):
    runner = make_runner(setup)
    yield runner
    await runner.client.aclose()


_shipped = ship_confirmed


def _sandbox_shipment(setup, bol_order_id: str) -> dict:
    (shipment,) = [s for s in setup.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    return shipment


def _shown(setup, bol_order_id: str):
    with setup.database.unit_of_work() as uow:
        order_id = uow.session.scalars(select(Order.id).where(
            Order.bol_order_id == bol_order_id)).one()
        (shipment,) = order_queries.order_detail(uow.session, order_id).shipments
        return shipment


@pytest.mark.asyncio
async def test_a_correction_is_posted_confirmed_and_shown(setup, runner):
    bol_order_id, shipment_id = await _shipped(setup, runner)
    entry_id = transport_corrections.queue_correction(setup.database, shipment_id, "DHL",
                                                      "jvgl01234567890123")
    waiting = _shown(setup, bol_order_id)
    assert (waiting.track_and_trace, waiting.correction.state) == ("3SABCD1234567", "queued")
    assert waiting.correction.track_and_trace == "JVGL01234567890123"  # normalised as checked
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                          poll_every=0.05)
    assert result.state == "done", result.message
    at_bol = _sandbox_shipment(setup, bol_order_id)
    assert (at_bol["transporterCode"], at_bol["trackAndTrace"]) == ("DHL", "JVGL01234567890123")
    shown = _shown(setup, bol_order_id)
    assert (shown.transporter_code, shown.track_and_trace) == ("DHL", "JVGL01234567890123")
    assert shown.correction.state == "done" and shown.state == "confirmed"
    with setup.database.unit_of_work() as uow:
        assert uow.session.get(Shipment, shipment_id).bol_transport_id == at_bol["transportId"]
    # A second correction uses the transport id the desk now knows: no shipment list read.
    lists_before = setup.sandbox.state.request_counts["GET /retailer/shipments"]
    second = transport_corrections.queue_correction(setup.database, shipment_id, "DHL",
                                                    "JVGL01234567890124")
    assert (await runner.outbox.post_now(second, SyncReport(1, "", utcnow()), wait_seconds=5,
                                         poll_every=0.05)).state == "done"
    assert setup.sandbox.state.request_counts["GET /retailer/shipments"] == lists_before
    assert _sandbox_shipment(setup, bol_order_id)["trackAndTrace"] == "JVGL01234567890124"


@pytest.mark.asyncio
async def test_bols_refusal_is_kept_and_the_shipment_keeps_what_bol_has(setup, runner):
    bol_order_id, shipment_id = await _shipped(setup, runner)
    # A carrier the desk's list still has but bol.com no longer knows answers 400.
    with setup.database.unit_of_work() as uow:
        entry = enqueue(uow.session, setup.account_id,
                        TransportPayload(shipment_id, bol_order_id, "POSTDUIF", "PD123"),
                        coalesce_key=f"transport:{shipment_id}")
        uow.session.flush()
        entry_id = entry.id
        uow.commit()
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                          poll_every=0.05)
    assert result.state == "failed" and "transporterCode" in result.message
    shown = _shown(setup, bol_order_id)
    assert (shown.transporter_code, shown.track_and_trace) == ("TNT", "3SABCD1234567")
    assert shown.correction.state == "failed" and "POSTDUIF" in shown.correction.message
    assert shown.state == "confirmed"  # the shipment itself is not a problem
    assert _sandbox_shipment(setup, bol_order_id)["trackAndTrace"] == "3SABCD1234567"


@pytest.mark.asyncio
async def test_a_lost_answer_is_resolved_through_bols_process_not_sent_twice(setup, runner):
    bol_order_id, shipment_id = await _shipped(setup, runner)
    entry_id = transport_corrections.queue_correction(setup.database, shipment_id, "TNT",
                                                      "3SABCD7654321")
    puts_before = setup.sandbox.state.request_counts[PUT_KEY]
    setup.sandbox.state.set_faults(lost_answer_rate=1.0)
    report = SyncReport(1, "", utcnow())
    await runner.outbox.send(entry_id, report)
    with setup.database.unit_of_work() as uow:
        assert uow.session.get(OutboxEntry, entry_id).state == "sending"  # outcome unknown
    setup.sandbox.state.set_faults(lost_answer_rate=0.0)
    for _ in range(40):  # the next runs ask bol.com, then follow the process it found
        await runner.outbox.run(SyncReport(1, "", utcnow()))
        with setup.database.unit_of_work() as uow:
            if uow.session.get(OutboxEntry, entry_id).state == "done":
                break
        await asyncio.sleep(0.05)
    with setup.database.unit_of_work() as uow:
        assert uow.session.get(OutboxEntry, entry_id).state == "done"
    assert setup.sandbox.state.request_counts[PUT_KEY] == puts_before + 1
    at_bol = _sandbox_shipment(setup, bol_order_id)
    assert at_bol["trackAndTrace"] == "3SABCD7654321" and at_bol["transportChanges"] == 1
    assert _shown(setup, bol_order_id).track_and_trace == "3SABCD7654321"


@pytest.mark.asyncio
async def test_the_service_refuses_what_bol_would_not_take(setup, runner):
    bol_order_id, shipment_id = await _shipped(setup, runner)
    refusals = {
        Refusal.TRACK_AND_TRACE: ("TNT", ""),
        Refusal.UNKNOWN_TRANSPORTER: ("POSTDUIF", "3SABCD7654321"),
        Refusal.UNCHANGED: ("TNT", "3sabcd1234567"),
    }
    for reason, (code, track) in refusals.items():
        with pytest.raises(CorrectionRefused) as refused:
            transport_corrections.queue_correction(setup.database, shipment_id, code, track)
        assert refused.value.reason == reason
    with pytest.raises(CorrectionRefused) as odd:  # not a PostNL code: only when confirmed
        transport_corrections.queue_correction(setup.database, shipment_id, "TNT", "12345")
    assert odd.value.reason == Refusal.TRACK_AND_TRACE and odd.value.check.needs_confirmation
    first = transport_corrections.queue_correction(setup.database, shipment_id, "TNT", "12345",
                                                   format_confirmed=True)
    # Not sent yet: a newer correction replaces the waiting one instead of queueing twice.
    again = transport_corrections.queue_correction(setup.database, shipment_id, "TNT",
                                                   "3SABCD7654321")
    assert again == first
    assert _shown(setup, bol_order_id).correction.track_and_trace == "3SABCD7654321"
    with setup.database.unit_of_work() as uow:
        uow.session.get(OutboxEntry, first).state = "sent"
        uow.commit()
    with pytest.raises(CorrectionRefused) as busy:
        transport_corrections.queue_correction(setup.database, shipment_id, "TNT", "3SABCD0000000")
    assert busy.value.reason == Refusal.BUSY
