"""Returns end to end over the sandbox (real HTTP): a shipped order comes back, is imported,
scanned in, handled through the outbox; bol.com holds the result and stock follows."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from test_sync_outbox import _one_line_order, queue_shipment

from haydigo_desk.domain.returns import Disposition, Handling, ReturnRuleError
from haydigo_desk.persistence.models import (
    BolReturn,
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    Product,
    ReturnLine,
    StockMovement,
    utcnow,
)
from haydigo_desk.services import return_queries, returns, stock
from haydigo_desk.sync.events import SyncReport

BOTH_DATABASES = pytest.mark.parametrize(
    "database_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
    indirect=True)
MANAGER = {"user_name": "Mia", "is_manager": True}


@pytest.fixture
def database_url(request):
    """SQLite, and PostgreSQL too for the tests marked BOTH_DATABASES (time budget)."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return request.getfixturevalue("postgres_url")
    return request.getfixturevalue("sqlite_url")
PICKER = {"user_name": "Pim", "is_manager": False}


async def settle(runner, rounds: int = 3) -> None:
    """bol.com processes writes asynchronously: wait, then a cycle sends and polls."""
    for _ in range(rounds):
        await asyncio.sleep(0.15)
        report = await runner.run()
        assert report.outcome == "ok", report.message


async def shipped_order(setup, runner) -> tuple[str, OrderLine]:
    """A one-line order the desk shipped and bol.com confirmed."""
    bol_order_id = _one_line_order(setup)
    _, entry_id = queue_shipment(setup.database, bol_order_id, "TNT", "3SABCD1234567")
    result = await runner.outbox.post_now(entry_id, SyncReport(1, "", utcnow()), wait_seconds=5,
                                          poll_every=0.05)
    assert result.state == "done", result.message
    with setup.database.unit_of_work() as uow:
        line = uow.session.scalars(select(OrderLine).join(Order).where(
            Order.bol_order_id == bol_order_id)).one()
        uow.session.expunge(line)
    return bol_order_id, line


def on_hand(setup, product_id: int) -> tuple[int, int]:
    with setup.database.unit_of_work() as uow:
        product = uow.session.get(Product, product_id)
        return product.on_hand, product.reserved


def handle(setup, line_id: int, handling: Handling, who=MANAGER):
    with setup.database.unit_of_work() as uow:
        returns.request_handling(uow.session, setup.account_id, line_id, handling, **who)
        uow.commit()


def scan(setup, code: str):
    with setup.database.unit_of_work() as uow:
        return return_queries.find_by_scan(uow.session, setup.account_id, code)


def bol_items(setup) -> dict[str, dict]:
    return {item["rmaId"]: item for r in setup.sandbox.state.returns.inspect()
            for item in r["returnItems"]}


@BOTH_DATABASES
@pytest.mark.asyncio
async def test_a_shipped_order_returned_is_imported_scanned_handled_and_restocked(setup, runner):
    bol_order_id, line = await shipped_order(setup, runner)
    with setup.database.unit_of_work() as uow:  # some on the shelf, known to bol.com
        stock.adjust(uow.session, uow.session.get(Product, line.product_id), 5,
                     reason="goods receipt", user_name="Mia")
        uow.commit()
    await settle(runner, rounds=1)
    returned = setup.sandbox.state.returns.customer_returns(
        line.bol_order_item_id, line.quantity, track_and_trace="3SRETOUR0000001",
        reason="Klacht over artikel", comments="Doos was open")
    rma = returned["returnItems"][0]["rmaId"]
    await settle(runner, rounds=1)
    [row] = scan(setup, " 3sretour0000001 ")  # the return parcel's label, as scanned
    assert (row.rma_id, row.bol_order_id, row.order_known, row.product_id) == (
        rma, bol_order_id, True, line.product_id)
    assert (row.main_reason, row.customer_comments) == ("Klacht over artikel", "Doos was open")
    assert (row.deadline - row.registered_at).days == 7 and row.can_handle
    assert [r.line_id for r in scan(setup, bol_order_id)] == [row.line_id]  # by order id
    assert [r.line_id for r in scan(setup, line.ean)] == [row.line_id]  # by EAN
    before = on_hand(setup, line.product_id)

    handle(setup, row.line_id, Handling("RETURN_RECEIVED", line.quantity, Disposition.RESTOCK,
                                        location_code="r-01-1"), who=PICKER)
    assert on_hand(setup, line.product_id) == before  # not before bol.com confirmed
    await settle(runner)

    at_bol = bol_items(setup)[rma]
    assert at_bol["handled"] is True
    assert [(r["handlingResult"], r["quantity"]) for r in at_bol["processingResults"]] == [
        ("RETURN_RECEIVED", line.quantity)]
    assert on_hand(setup, line.product_id) == (before[0] + line.quantity, before[1])
    with setup.database.unit_of_work() as uow:
        item = uow.session.get(ReturnLine, row.line_id)
        assert (item.state, item.location_code, item.handled_by) == ("handled", "R-01-1", "Pim")
        product = uow.session.get(Product, line.product_id)
        pushed = product.last_pushed_available
        offer_id = product.offer_id
        moves = uow.session.scalars(select(StockMovement.reason).where(
            StockMovement.product_id == line.product_id,
            StockMovement.channel == "bol.com return")).all()
        assert moves == [f"return {rma} received at R-01-1"]
        rows = uow.session.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.kind == "return"))
        assert rows == 1
    # The new stock went to bol.com.
    assert pushed == before[0] + line.quantity - before[1]
    assert setup.sandbox.state.offer_stock()[offer_id]["amount"] == pushed
    # Handled once, never twice; the next cycles send nothing more.
    with pytest.raises(ReturnRuleError) as refused:
        handle(setup, row.line_id, Handling("RETURN_RECEIVED", 1, Disposition.NONE))
    assert refused.value.code == "already_handled"
    await settle(runner, rounds=1)
    assert len(bol_items(setup)[rma]["processingResults"]) == 1
    assert on_hand(setup, line.product_id) == (before[0] + line.quantity, before[1])


@BOTH_DATABASES
@pytest.mark.asyncio
async def test_bad_input_and_a_refusal_change_nothing(setup, runner):
    _, line = await shipped_order(setup, runner)
    returned = setup.sandbox.state.returns.customer_returns(line.bol_order_item_id, 1)
    rma = returned["returnItems"][0]["rmaId"]
    await settle(runner, rounds=1)
    with pytest.raises(ReturnRuleError) as nothing:
        scan(setup, "3SNOTHING99")
    assert nothing.value.code == "no_match"
    [row] = scan(setup, rma)
    before = on_hand(setup, line.product_id)
    with pytest.raises(ReturnRuleError) as too_many:
        handle(setup, row.line_id, Handling("RETURN_RECEIVED", 2, Disposition.RESTOCK, "A-1"))
    assert too_many.value.code == "bad_quantity"
    with pytest.raises(ReturnRuleError) as picker:
        handle(setup, row.line_id, Handling("RETURN_RECEIVED", 1, Disposition.WRITE_OFF,
                                            write_off_reason="broken"), who=PICKER)
    assert picker.value.code == "manager_only"
    with setup.database.unit_of_work() as uow, pytest.raises(ReturnRuleError) as unknown:
        returns.register_unannounced(uow.session, setup.account_id, "CNEVERSEEN", 1,
                                     Handling("RETURN_RECEIVED", 1, Disposition.NONE), **MANAGER)
    assert unknown.value.code == "order_unknown"

    # bol.com refuses the handling: its text is kept, stock stays as it was.
    setup.sandbox.state.returns.refuse_next(rma, "Return item is already being processed.")
    handle(setup, row.line_id, Handling("RETURN_RECEIVED", 1, Disposition.WRITE_OFF,
                                        write_off_reason="screen broken"))
    await settle(runner)
    [failed] = scan(setup, rma)
    assert (failed.state, failed.bol_message) == ("failed",
                                                  "Return item is already being processed.")
    assert on_hand(setup, line.product_id) == before
    with setup.database.unit_of_work() as uow:
        entry = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "return")).one()
        assert entry.state == "failed" and "already being processed" in entry.last_error
    # Handled again after the refusal: counted once, written off with its reason.
    handle(setup, row.line_id, Handling("RETURN_RECEIVED", 1, Disposition.WRITE_OFF,
                                        write_off_reason="screen broken"))
    await settle(runner)
    assert [r["handlingResult"] for r in bol_items(setup)[rma]["processingResults"]] == [
        "RETURN_RECEIVED"]
    assert on_hand(setup, line.product_id) == before  # in, then written off
    with setup.database.unit_of_work() as uow:
        moves = uow.session.scalars(select(StockMovement).where(
            StockMovement.channel == "bol.com return").order_by(StockMovement.id)).all()
        assert [(m.on_hand_delta, m.reason, m.user_name) for m in moves] == [
            (1, f"return {rma} received at -", "Mia"),
            (-1, f"return {rma} written off: screen broken", "Mia")]


@pytest.mark.asyncio
async def test_a_return_bol_never_announced_is_registered_from_the_order(setup, runner):
    bol_order_id, line = await shipped_order(setup, runner)
    with setup.database.unit_of_work() as uow:
        [returnable] = return_queries.returnable_lines(uow.session, setup.account_id,
                                                       bol_order_id.lower())
        assert returnable.returnable == line.quantity
        with pytest.raises(ReturnRuleError) as too_many:
            returns.register_unannounced(
                uow.session, setup.account_id, bol_order_id, line.id,
                Handling("RETURN_RECEIVED", line.quantity + 1, Disposition.NONE), **MANAGER)
        assert too_many.value.code == "bad_quantity"
    before = on_hand(setup, line.product_id)
    with setup.database.unit_of_work() as uow:
        returns.register_unannounced(
            uow.session, setup.account_id, bol_order_id, line.id,
            Handling("RETURN_RECEIVED", 1, Disposition.RESTOCK, "B-2"), **MANAGER)
        uow.commit()
    await settle(runner)
    [created] = setup.sandbox.state.returns.inspect()
    [item] = created["returnItems"]
    assert (item["orderId"], item["handled"], item["processingResults"][0]["handlingResult"]) == (
        bol_order_id, True, "RETURN_RECEIVED")
    assert on_hand(setup, line.product_id) == (before[0] + 1, before[1])
    with setup.database.unit_of_work() as uow:
        record = uow.session.scalars(select(BolReturn)).one()
        assert (record.source, record.bol_return_id) == ("desk", created["returnId"])
        assert record.lines[0].state == "handled"


@pytest.mark.asyncio
async def test_a_lost_answer_is_looked_up_not_sent_again(setup, runner):
    _, line = await shipped_order(setup, runner)
    rma = setup.sandbox.state.returns.customer_returns(
        line.bol_order_item_id, 1)["returnItems"][0]["rmaId"]
    await settle(runner, rounds=1)
    [row] = scan(setup, rma)
    before = on_hand(setup, line.product_id)
    handle(setup, row.line_id, Handling("EXCHANGE_PRODUCT", 1, Disposition.RESTOCK, "C-3"))
    setup.sandbox.state.set_faults(lost_answer_rate=1.0)  # carried out, answered 502
    await runner.outbox.run(SyncReport(1, "", utcnow()))
    setup.sandbox.state.set_faults(lost_answer_rate=0.0)
    with setup.database.unit_of_work() as uow:
        assert uow.session.scalars(select(OutboxEntry.state).where(
            OutboxEntry.kind == "return")).one() == "sending"
    await settle(runner)
    assert len(bol_items(setup)[rma]["processingResults"]) == 1
    assert on_hand(setup, line.product_id) == (before[0] + 1, before[1])
    assert setup.sandbox.state.request_counts["PUT /retailer/returns/{rma_id}"] == 1


@pytest.mark.asyncio
async def test_a_return_of_an_order_the_desk_never_imported_is_kept_and_matched_by_ean(
        setup, runner):
    with setup.database.unit_of_work() as uow:
        uow.session.get(MarketplaceAccount, setup.account_id).excluded_countries = ["DE"]
        ean = uow.session.scalars(select(Product.ean).order_by(Product.id)).first()
        uow.commit()
    state = setup.sandbox.state
    [order_id] = state.add_orders(1, country="DE", lines=1, eans=[ean])
    item_id = state.order_detail(order_id)["orderItems"][0]["orderItemId"]
    state.submit_shipment([(item_id, None)], "TNT", None, None, None, "")
    await asyncio.sleep(0.1)
    state.returns.customer_returns(item_id, 1, track_and_trace="3SFOREIGN01")
    await settle(runner, rounds=1)
    [row] = scan(setup, "3SFOREIGN01")
    assert (row.bol_order_id, row.order_known, row.ean) == (order_id, False, ean)
    assert row.product_id is not None  # matched by EAN: it can go back to stock
    with setup.database.unit_of_work() as uow:
        assert uow.session.scalars(select(Order).where(Order.bol_order_id == order_id)).all() \
            == []


@pytest.mark.asyncio
async def test_killed_before_the_request_left_the_row_is_sent_once(setup, runner):
    """A row marked ``sending`` whose request never left (killed in between): bol.com has
    no process and no handling, so it is sent, once."""
    _, line = await shipped_order(setup, runner)
    rma = setup.sandbox.state.returns.customer_returns(
        line.bol_order_item_id, 1)["returnItems"][0]["rmaId"]
    await settle(runner, rounds=1)
    [row] = scan(setup, rma)
    handle(setup, row.line_id, Handling("RETURN_RECEIVED", 1, Disposition.NONE))
    with setup.database.unit_of_work() as uow:
        entry = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "return")).one()
        entry.state = "sending"  # what a kill -9 between the mark and the PUT leaves
        uow.commit()
    await settle(runner)
    assert setup.sandbox.state.request_counts["PUT /retailer/returns/{rma_id}"] == 1
    assert len(bol_items(setup)[rma]["processingResults"]) == 1
    [done] = scan(setup, rma)
    assert done.state == "handled"
