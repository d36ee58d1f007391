"""Stock tool dialogs: scanner goods receipt, CSV stock count preview/apply, other channels."""

import pytest
from desk_fixtures import make_context
from PySide6.QtCore import Qt
from sqlalchemy import select
from support.factories import ean13, make_account, make_products

from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import OutboxEntry, Product
from haydigo_desk.ui.stock_tools import ChannelMovementDialog, GoodsReceiptDialog, StockCountDialog


@pytest.fixture
def shop(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 3, on_hand=10)
        # The EAN a real scanner test types: 8712345678906.
        products[0].ean = "8712345678906"
        uow.commit()
        list_id = account.product_list_id
    yield context, list_id
    context.database.dispose()


def _on_hand(context):
    with context.database.unit_of_work() as uow:
        return {p.sku: p.on_hand for p in uow.session.scalars(select(Product))}


def _queued(context):
    with context.database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(OutboxEntry).where(OutboxEntry.state == OutboxState.QUEUED)).all()
        return sorted((r.payload["offer_id"], r.payload["amount"]) for r in rows)


def test_goods_receipt_by_scanner(qtbot, shop):
    context, list_id = shop
    dialog = GoodsReceiptDialog(context, list_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Scanned quickly one after the other: written and answered in this order.
    for _ in range(2):
        qtbot.keyClicks(dialog.scan, "8712345678906")
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    dialog.quantity.setValue(5)  # a typed quantity for the next scan
    qtbot.keyClicks(dialog.scan, "SKU-00002")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.quantity.value() == 1
    qtbot.keyClicks(dialog.scan, "8712345678900")  # a misread: bad check digit
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.tasks.busy)
    assert "check digit" in dialog.feedback.text()
    assert dialog.feedback.property("role") == "scan-error"
    assert dialog.isVisible() and dialog.scan.text() == ""
    assert dialog.focusWidget() is dialog.scan
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(0, c).text() for c in (1, 3, 4)] == ["SKU-00002", "5", "15"]
    assert [dialog.table.item(1, c).text() for c in (0, 3, 4)] == ["8712345678906", "2", "12"]
    assert dialog.total_units() == 7
    assert _on_hand(context) == {"SKU-00001": 12, "SKU-00002": 15, "SKU-00003": 10}
    assert _queued(context) == [("offer-1", 12), ("offer-2", 15)]


def test_stock_count_preview_then_apply_valid_rows(qtbot, shop, tmp_path):
    context, list_id = shop
    csv_file = tmp_path / "telling.csv"
    csv_file.write_text("EAN;Aantal\n8712345678906;4\n8712345678900;3\n"
                        f"{ean13(2)};twee\n{ean13(3)};10\n{ean13(77)};1\n", "utf-8")
    dialog = StockCountDialog(context, list_id)
    qtbot.addWidget(dialog)
    dialog.load_file(csv_file)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.matches.rowCount() == 2
    assert [dialog.matches.item(0, c).text() for c in (4, 5, 6)] == ["10", "4", "-6"]
    problems = [(dialog.problems.item(r, 0).text(), dialog.problems.item(r, 2).text())
                for r in range(dialog.problems.rowCount())]
    assert problems == [
        ("3", "Not a valid EAN (wrong check digit or length)"),
        ("4", "Quantity “twee” is not a whole number from 0 up"),
        ("6", "Unknown: no product with this code"),
    ]
    assert "1 product(s) change" in dialog.summary.text()
    # Nothing changes before Apply, and Apply waits for a reason and the explicit choice.
    assert _on_hand(context)["SKU-00001"] == 10 and _queued(context) == []
    assert not dialog.apply_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "count week 48")
    assert not dialog.apply_button.isEnabled()
    dialog.only_valid.setChecked(True)
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.result.changed == 1 and dialog.result.skipped_lines == 3
    assert _on_hand(context) == {"SKU-00001": 4, "SKU-00002": 10, "SKU-00003": 10}
    assert _queued(context) == [("offer-1", 4)]


def test_stock_count_file_without_header_is_refused(qtbot, shop):
    context, list_id = shop
    dialog = StockCountDialog(context, list_id)
    qtbot.addWidget(dialog)
    dialog.load_text("8712345678906;4\n")
    qtbot.waitUntil(lambda: "header" in dialog.summary.text())
    assert dialog.summary.property("role") == "scan-error"
    assert "header" in dialog.summary.text() and dialog.matches.rowCount() == 0
    assert not dialog.apply_button.isEnabled()


def test_sale_and_return_from_another_channel(qtbot, shop):
    context, list_id = shop
    dialog = ChannelMovementDialog(context, list_id)
    qtbot.addWidget(dialog)
    dialog.channel.setCurrentText("market")
    dialog.quantity.setValue(3)
    qtbot.keyClicks(dialog.code, "8712345678906")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Sold 3" in dialog.feedback.text())
    assert dialog.code.text() == ""
    dialog.returned.setChecked(True)
    qtbot.keyClicks(dialog.code, "SKU-00002")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Returned 1" in dialog.feedback.text())
    dialog.quantity.setValue(20)
    qtbot.keyClicks(dialog.code, "SKU-00003")
    dialog.sale.setChecked(True)
    dialog.record()
    qtbot.waitUntil(lambda: "Only 10 on hand" in dialog.feedback.text())
    assert dialog.save_button.isEnabled() and dialog.code.text() == "SKU-00003"
    assert _on_hand(context) == {"SKU-00001": 7, "SKU-00002": 11, "SKU-00003": 10}
    assert _queued(context) == [("offer-1", 7), ("offer-2", 11)]
