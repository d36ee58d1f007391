"""The Can't-fulfil section: the queue's rows, a manager's two decisions, bol.com's refusal
shown, and the section registered in the main window (Ctrl+8)."""
# Fixtures come from pick_station_support; their names are test arguments (F811).
# ruff: noqa: F811

from __future__ import annotations

import pytest
from pick_station_support import desk, qt_loop  # noqa: F401
from PySide6.QtCore import Qt
from sqlalchemy import select

from haydigo_desk.context import StaffIdentity
from haydigo_desk.domain.outbox_payloads import CancellationPayload
from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.persistence.models import Order, OutboxEntry, ShortPick
from haydigo_desk.services import lifecycle
from haydigo_desk.ui.cant_fulfil_view import (
    COL_BOL,
    COL_ORDER,
    COL_REASON,
    COL_STATE,
    CancelReasonDialog,
    CantFulfilSection,
)
from haydigo_desk.ui.sections import SECTIONS


@pytest.fixture
def queue(qtbot, desk):
    """Two lines reported at the station: one not found, one damaged."""
    with desk.context.database.unit_of_work() as uow:
        order = uow.session.get(Order, desk.order_id)
        first, second = order.lines[0].id, order.lines[1].id
        lifecycle.report_short(uow.session, [first], 1, ShortReason.NOT_FOUND,
                               user_name="Pieter")
        lifecycle.report_short(uow.session, [second], 1, ShortReason.DAMAGED,
                               user_name="Pieter")
        uow.commit()
    desk.context.user = StaffIdentity(2, "Marleen", "manager")
    section = CantFulfilSection(desk.context, desk.controller)
    qtbot.addWidget(section)
    section.resize(1156, 700)
    section.show()
    section.windowHandle().requestActivate()
    qtbot.waitUntil(section.isActiveWindow)
    qtbot.waitUntil(lambda: len(section.rows) == 2)
    return section


def cell(section, row: int, column: int) -> str:
    return section.table.item(row, column).text()


def states(database) -> list[tuple[str, str]]:
    with database.unit_of_work() as uow:
        return [(s.state, s.cancel_reason) for s in
                uow.session.scalars(select(ShortPick).order_by(ShortPick.id))]


def test_the_queue_lists_order_product_reason_and_state(queue, desk):
    assert [cell(queue, r, COL_ORDER) for r in range(2)] == [desk.bol_order_id] * 2
    assert [cell(queue, r, COL_REASON) for r in range(2)] == ["Not found", "Damaged"]
    assert {cell(queue, r, COL_STATE) for r in range(2)} == {"To decide"}
    assert queue.count_label.text().startswith("2 ")  # the count, as a plural form
    assert "waiting for a decision" in queue.count_label.text()
    assert not queue.wait_button.isEnabled()  # nothing selected
    queue.table.selectRow(0)
    assert queue.wait_button.isEnabled() and queue.cancel_button.isEnabled()
    assert "Pieter" in queue.detail.toPlainText()
    assert any(spec.endswith(":CantFulfilSection") for spec in SECTIONS[:9])  # Ctrl+1…9


def test_wait_for_stock_by_key_makes_a_backorder(qtbot, queue, desk):
    queue.table.selectRow(0)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: queue.rows and queue.rows[0].state == "backorder")
    assert states(desk.context.database)[0] == ("backorder", "")
    assert cell(queue, 0, COL_STATE) == "Waits for stock"


def test_cancel_at_bol_asks_the_reason_and_queues_one_cancellation(qtbot, queue, desk):
    queue.table.selectRow(1)
    qtbot.keyClick(queue.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = queue.active_dialog
    assert isinstance(dialog, CancelReasonDialog)
    assert dialog.reason_code == "BAD_CONDITION"  # suggested for a damaged unit
    dialog.reasons.setCurrentIndex(dialog.reasons.findData("OUT_OF_STOCK"))
    dialog.accept()
    qtbot.waitUntil(lambda: len(queue.rows) == 2 and queue.rows[1].state == "cancelling")
    with desk.context.database.unit_of_work() as uow:
        [row] = uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.kind == "cancellation")).all()
        assert CancellationPayload.from_json(row.payload).reason_code == "OUT_OF_STOCK"
        line_id = CancellationPayload.from_json(row.payload).order_line_id
    queue.table.selectRow(1)
    assert not queue.cancel_button.isEnabled()  # on its way: not a second time
    # bol.com refuses: the line stays, with bol's words in the table and the details.
    with desk.context.database.unit_of_work() as uow:
        uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.kind == "cancellation")).one().state = "failed"
        lifecycle.cancellation_answered(uow.session, line_id, accepted=False,
                                        message="Order item has already been shipped.")
        uow.commit()
    queue.refresh()
    qtbot.waitUntil(lambda: queue.rows[1].state == "refused")
    assert cell(queue, 1, COL_BOL) == "Order item has already been shipped."
    queue.table.selectRow(1)
    assert "already been shipped" in queue.detail.toPlainText()
    assert queue.cancel_button.isEnabled()  # the manager may decide again
