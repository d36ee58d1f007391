"""Products section: model contract, search, manager-only actions, stock tools from the section."""

import pytest
from desk_fixtures import PICKER, make_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select
from support.factories import ean13, make_account, make_order, make_products

from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import OutboxEntry, Product
from haydigo_desk.services.product_queries import ProductRow
from haydigo_desk.ui import products_view
from haydigo_desk.ui.product_dialogs import AdjustStockDialog, LocationDialog
from haydigo_desk.ui.products_model import (
    COL_AVAILABLE,
    COL_LOCATION,
    COL_ON_HAND,
    SORT_ROLE,
    ProductsModel,
    location_sort_key,
)
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def seeded(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 12)
        make_order(uow.session, account, "B1", [(products[0], 12)])
        uow.commit()
    yield context
    context.database.dispose()


def _row(i: int, **kw) -> ProductRow:
    values = dict(id=i, product_list_id=1, ean=ean13(i), sku=f"S{i}", title=f"T{i}",
                  image_path=None, location_code=f"A-{i}", on_hand=i, reserved=1,
                  bol_stock_amount=None, offer_id=None)
    values.update(kw)
    return ProductRow(**values)


def test_model_passes_qtmodeltester(qtmodeltester):
    model = ProductsModel()
    model.set_rows([_row(i) for i in range(1, 6)])
    qtmodeltester.check(model)
    model.replace_row(_row(3, on_hand=0))
    assert model.index(2, COL_AVAILABLE).data() == "-1"
    assert model.index(2, COL_AVAILABLE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(2, COL_ON_HAND).data(SORT_ROLE) == 0
    qtmodeltester.check(model)


def test_locations_sort_naturally():
    codes = ["A-10", "", "A-2", "b-1"]
    assert sorted(codes, key=location_sort_key) == ["A-2", "A-10", "b-1", ""]


def _section(qtbot, context):
    """The section with its first page shown (it loads in the background)."""
    section = products_view.ProductsSection(context, SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.page is not None)
    return section


def test_section_lists_searches_and_sorts(qtbot, seeded):
    section = _section(qtbot, seeded)
    assert section.proxy.rowCount() == 12
    assert "1–12 of 12" in section.count_label.text()
    qtbot.keyClicks(section.search, ean13(1))
    qtbot.keyClick(section.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 1)
    qtbot.waitUntil(lambda: section.selected_product() is not None)
    product = section.selected_product()  # a scanned EAN selects its product
    assert (product.on_hand, product.reserved, product.available) == (10, 12, -2)
    section.search.clear()
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 12)
    section.table.sortByColumn(COL_LOCATION, Qt.SortOrder.AscendingOrder)
    shown = [section.proxy.index(r, COL_LOCATION).data() for r in range(3)]
    assert shown == ["A-1-2", "A-2-1", "A-3-2"]


def test_picker_sees_manager_actions_disabled_and_is_refused(qtbot, seeded, monkeypatch):
    seeded.user = PICKER
    section = _section(qtbot, seeded)
    section.table.selectRow(0)
    assert not section.adjust_button.isEnabled() and not section.import_button.isEnabled()
    assert section.receipt_button.isEnabled()  # goods receipt is every picker's work
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    opened = []
    monkeypatch.setattr(AdjustStockDialog, "exec", lambda d: opened.append(d) or 0)
    section.adjust_stock()  # e.g. through the Ctrl+J shortcut
    section.open_stock_count()
    assert len(shown) == 2 and "Only a manager may do this" in shown[0]
    assert "Pieter Picker" in shown[0] and opened == []


def test_manager_adjusts_stock_with_a_reason(qtbot, seeded):
    section = _section(qtbot, seeded)
    section.table.selectRow(0)
    product = section.selected_product()
    dialog = AdjustStockDialog(seeded, product, section)
    qtbot.addWidget(dialog)
    dialog.delta.setValue(-3)
    save = dialog.buttons.buttons()[0]
    assert not save.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "damaged in transport")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert dialog.result_row.on_hand == product.on_hand - 3
    with seeded.database.unit_of_work() as uow:
        queued = uow.session.scalars(select(OutboxEntry).where(
            OutboxEntry.state == OutboxState.QUEUED)).all()
        assert [q.payload["amount"] for q in queued] == [max(dialog.result_row.available, 0)]

    seeded.user = PICKER  # the dialog re-checks in the service, too
    again = AdjustStockDialog(seeded, dialog.result_row, section)
    qtbot.addWidget(again)
    again.delta.setValue(1)
    again.reason.setText("found")
    again.save()
    qtbot.waitUntil(lambda: "Only a manager" in again.error.text())
    assert again.save_button.isEnabled()  # refused: the dialog stays, ready to try again


def test_location_dialog_creates_a_new_location(qtbot, seeded):
    section = _section(qtbot, seeded)
    section.table.selectRow(0)
    dialog = LocationDialog(seeded, section.selected_product(), section)
    qtbot.addWidget(dialog)
    dialog.code.setText("z-99-1")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_row is not None)
    assert dialog.result_row.location_code == "Z-99-1"
    with seeded.database.unit_of_work() as uow:
        assert uow.session.get(Product, dialog.result_row.id).location.code == "Z-99-1"
