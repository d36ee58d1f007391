"""Correcting a track & trace after shipping from the order detail (issue 14, point 6): a
manager's action, queued through the outbox, sent to the sandbox over real HTTP, and the new
code (or bol's refusal) shown once bol.com answered; pickers do not see the action."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from support.transport_setup import imported_account, make_runner, ship_confirmed

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.domain.outbox_payloads import TransportPayload
from haydigo_desk.persistence.models import Order, utcnow
from haydigo_desk.services.order_queries import order_detail
from haydigo_desk.services.outbox_writer import enqueue
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.ui.i18n import install_translator, remove_translators
from haydigo_desk.ui.order_detail_pane import OrderDetailPane
from haydigo_desk.ui.sync_controller import SyncController

MANAGER = StaffIdentity(1, "Mira", "manager")
PICKER = StaffIdentity(2, "Piet", "picker")


def _run(coroutine_factory):
    with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
        return runner.run(coroutine_factory())


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    with imported_account(tmp_path_factory.mktemp("transport-ui")) as shared:
        yield shared


@pytest.fixture
def shipped(world):
    """(bol order id, desk order id, shipment id) of an order bol.com confirmed (TNT)."""

    async def ship():
        runner = make_runner(world)
        try:
            return await ship_confirmed(world, runner)
        finally:
            await runner.client.aclose()

    bol_order_id, shipment_id = _run(ship)
    with world.database.unit_of_work() as uow:
        order_id = uow.session.scalars(select(Order.id).where(
            Order.bol_order_id == bol_order_id)).one()
    return bol_order_id, order_id, shipment_id


def _send_outbox(world) -> None:
    """What the sync worker's follow-up does: send, then poll until bol.com answered."""

    async def send():
        runner = make_runner(world)
        try:
            for _ in range(40):
                await runner.outbox.run(SyncReport(world.account_id, "", utcnow()))
                if not runner.outbox.has_work():
                    return
                await asyncio.sleep(0.05)
        finally:
            await runner.client.aclose()

    _run(send)


@pytest.fixture
def english(qapp):
    install_translator(qapp, "en")
    yield
    remove_translators(qapp)


def _pane(qtbot, world, user, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    context = DeskContext(world.database, AppPaths.current(), store, store.load(), user=user)
    controller = SyncController()
    pane = OrderDetailPane(context, controller)
    qtbot.addWidget(pane)
    pane.resize(1200, 420)
    pane.show()
    return pane, controller


def _load(world, pane, order_id: int) -> None:
    with world.database.unit_of_work() as uow:
        pane.show_detail(order_detail(uow.session, order_id))


def test_a_manager_corrects_the_track_and_trace_and_sees_bols_answer(
        qtbot, world, shipped, english, tmp_path):
    bol_order_id, order_id, shipment_id = shipped
    pane, controller = _pane(qtbot, world, MANAGER, tmp_path)
    _load(world, pane, order_id)
    button = pane.shipments.correct_buttons[shipment_id]
    assert button.isVisible() and button.text() == "Correct track && trace"
    button.click()
    dialog = pane.correction_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.carrier.selected().code == "TNT"  # the shipment's carrier, unchanged
    dialog.code.setText("")
    dialog.try_accept()
    assert dialog.isVisible() and dialog.message.text() == "Enter the new track & trace code."
    dialog.code.setText("12345")  # not a PostNL code: asks for a tick first
    dialog.try_accept()
    assert dialog.confirm_format.isVisible() and dialog.isVisible()
    dialog.code.setText("3sabcd7654321")
    qtbot.keyClick(dialog.code, "\r")
    qtbot.waitUntil(lambda: "correctionStatus" in {
        w.objectName() for w in pane.shipments.rows[shipment_id].values()}, timeout=5000)
    status = pane.shipments.rows[shipment_id]["message"]
    assert status.text() == "New track & trace 3SABCD7654321 (TNT) waits to be sent to bol.com"
    # bol.com still has the old code until it confirms.
    assert "3SABCD1234567" in pane.shipments.rows[shipment_id]["track_and_trace"].text()

    _send_outbox(world)
    at_bol = [s for s in world.sandbox.state.shipments() if s["orderId"] == bol_order_id]
    assert [s["trackAndTrace"] for s in at_bol] == ["3SABCD7654321"]
    controller.notify_changed("outbox")  # the worker's signal after its follow-up
    qtbot.waitUntil(lambda: "3SABCD7654321" in pane.shipments.rows[shipment_id][
        "track_and_trace"].text(), timeout=5000)
    assert "message" not in pane.shipments.rows[shipment_id]
    pane.grab().save(str(tmp_path / "order-detail-corrected.png"))


def test_bols_refusal_is_shown_with_its_reason(qtbot, world, shipped, english, tmp_path):
    bol_order_id, order_id, shipment_id = shipped
    # A carrier bol.com no longer accepts (the desk's list may lag behind bol's).
    with world.database.unit_of_work() as uow:
        enqueue(uow.session, world.account_id,
                TransportPayload(shipment_id, bol_order_id, "POSTDUIF", "PD123"),
                coalesce_key=f"transport:{shipment_id}")
        uow.commit()
    pane, controller = _pane(qtbot, world, MANAGER, tmp_path)
    _load(world, pane, order_id)
    _send_outbox(world)
    controller.notify_changed("outbox")
    qtbot.waitUntil(lambda: "refused" in pane.shipments.rows[shipment_id]["message"].text()
                    if "message" in pane.shipments.rows[shipment_id] else False, timeout=5000)
    text = pane.shipments.rows[shipment_id]["message"].text()
    assert text.startswith("bol.com refused the new track & trace PD123 (POSTDUIF): ")
    assert "transporterCode" in text and "POSTDUIF" in text
    assert "3SABCD1234567" in pane.shipments.rows[shipment_id]["track_and_trace"].text()


def test_pickers_do_not_see_the_action(qtbot, world, shipped, english, tmp_path):
    _, order_id, shipment_id = shipped
    pane, _ = _pane(qtbot, world, PICKER, tmp_path)
    _load(world, pane, order_id)
    assert pane.shipments.correct_buttons == {}
    assert shipment_id in pane.shipments.rows  # the shipment itself is shown
    pane.context.user = MANAGER  # a manager logs in (Ctrl+U): the next detail offers it
    _load(world, pane, order_id)
    assert shipment_id in pane.shipments.correct_buttons
