"""Returns section: the list with its deadlines, receiving by scanning with the keyboard only,
handling per item (manager rules), the unannounced return and the CSV export."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from desk_fixtures import PICKER, make_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from support.factories import make_account, make_order, make_products

from haydigo_desk.bol.models_returns import Return
from haydigo_desk.persistence.models import OutboxEntry, ReturnLine, utcnow
from haydigo_desk.services.returns import import_return
from haydigo_desk.ui.return_handling import RegisterReturnDialog
from haydigo_desk.ui.returns_view import ReturnsSection, theme_colour
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.theme import apply_theme


def bol_return(return_id: str, rma: str, order_id: str, ean: str, *, days_ago: float,
               tt: str | None, quantity: int = 1, reason: str = "Verkeerd besteld") -> Return:
    registered = (utcnow() - timedelta(days=days_ago)).isoformat()
    return Return.model_validate({
        "returnId": return_id, "registrationDateTime": registered, "fulfilmentMethod": "FBR",
        "returnItems": [{
            "rmaId": rma, "orderId": order_id, "ean": ean, "expectedQuantity": quantity,
            "returnReason": {"mainReason": reason, "detailedReason": "Dubbel besteld",
                             "customerComments": "Per ongeluk twee keer"},
            "trackAndTrace": tt, "transporterName": "PostNL" if tt else None,
            "handled": False, "processingResults": []}]})


@pytest.fixture
def seeded(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        session = uow.session
        account = make_account(session)
        products = make_products(session, account, 3)
        orders = [make_order(session, account, f"C000RET{i}", [(products[i], 2)])
                  for i in range(3)]
        for order in orders:
            for line in order.lines:
                line.quantity_shipped = line.quantity
        import_return(session, account.id, bol_return("1001", "51000001", "C000RET0",
                                                      products[0].ean, days_ago=6.5,
                                                      tt="3SRETOUR000001", quantity=2))
        import_return(session, account.id, bol_return("1002", "51000002", "C000RET1",
                                                      products[1].ean, days_ago=1,
                                                      tt="3SRETOUR000002"))
        uow.commit()
    yield context, [p.ean for p in products]
    context.database.dispose()


def section_of(qtbot, context) -> ReturnsSection:
    section = ReturnsSection(context, SyncController())
    qtbot.addWidget(section)
    section.resize(1366, 700)
    section.show()
    section.refresh()
    qtbot.waitUntil(lambda: section.table.rowCount() == 2)
    return section


def test_the_list_shows_deadlines_and_colours_the_close_one_through_the_theme(qtbot, seeded):
    context, _ = seeded
    apply_theme(QApplication.instance(), "light")
    section = section_of(qtbot, context)
    assert [section.table.item(r, 2).text() for r in range(2)] == ["C000RET0", "C000RET1"]
    urgent = theme_colour("scan-error", section)
    assert urgent.name().upper() == "#C62828"  # the light theme's feedback_error
    assert section.table.item(0, 0).foreground().color() == urgent  # half a day left
    assert section.table.item(1, 0).foreground().color() != urgent  # six days left
    assert section.table.item(0, 6).text() == "Verkeerd besteld / Dubbel besteld"
    assert "1 due soon" in section.count_label.text()


def test_receive_by_scanning_with_the_keyboard_only(qtbot, seeded):
    context, _ = seeded
    section = section_of(qtbot, context)
    section.scan.setFocus()
    qtbot.keyClicks(section.scan, "3sretour000002")
    qtbot.keyClick(section.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.current is not None and section.current.rma_id ==
                    "51000002")
    assert "Per ongeluk twee keer" in section.detail.text()
    assert section.form.result.hasFocus()
    assert section.form.location.text()  # the product's own location, ready to confirm
    qtbot.keyClick(section.form.result, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "goes to bol.com" in section.feedback.text())
    with context.database.unit_of_work() as uow:
        item = uow.session.scalars(select(ReturnLine).where(
            ReturnLine.rma_id == "51000002")).one()
        assert (item.state, item.handling_result, item.disposition) == (
            "queued", "RETURN_RECEIVED", "restock")
        entry = uow.session.scalars(select(OutboxEntry)).one()
        assert entry.payload["rma_id"] == "51000002"
    assert section.scan.hasFocus()
    # Scanned again: already on its way, nothing queued twice.
    qtbot.keyClicks(section.scan, "51000002")
    qtbot.keyClick(section.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already handled" in section.feedback.text()
                    or "Waiting" in section.detail.text())
    assert not section.send_button.isEnabled()


def test_bad_scans_and_refusals_are_told_and_change_nothing(qtbot, seeded):
    context, eans = seeded
    context.user = PICKER
    section = section_of(qtbot, context)
    qtbot.keyClicks(section.scan, "3SNOPE")
    qtbot.keyClick(section.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.feedback.text() == "No return matches 3SNOPE.")
    assert section.feedback.property("role") == "scan-error"
    qtbot.keyClicks(section.scan, eans[0])  # by EAN
    qtbot.keyClick(section.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.current is not None and section.current.rma_id ==
                    "51000001")
    section.form.disposition.setCurrentIndex(section.form.disposition.findData("write_off"))
    section.form.reason.setText("Kapot")
    section.send()
    qtbot.waitUntil(lambda: "Only a manager" in section.feedback.text())
    with context.database.unit_of_work() as uow:
        assert uow.session.scalars(select(OutboxEntry)).all() == []


def test_csv_export_per_product_and_reason(qtbot, seeded, tmp_path):
    context, eans = seeded
    section = section_of(qtbot, context)
    target = tmp_path / "returns.csv"
    section.write_csv(target)
    qtbot.waitUntil(lambda: "written to returns.csv" in section.feedback.text())
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["ean"], r["main_reason"], r["units_expected"]) for r in rows] == [
        (eans[0], "Verkeerd besteld", "2"), (eans[1], "Verkeerd besteld", "1")]


def test_an_unannounced_return_is_registered_from_its_order(qtbot, seeded):
    context, _ = seeded
    section = section_of(qtbot, context)
    dialog = RegisterReturnDialog(context, section.tasks, [], section)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.order, "CNOTKNOWN")
    qtbot.keyClick(dialog.order, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "never imported order CNOTKNOWN" in dialog.feedback.text())
    dialog.order.clear()
    qtbot.keyClicks(dialog.order, "c000ret2")  # typed in lower case
    qtbot.keyClick(dialog.order, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert "(2 returnable)" in dialog.list.item(0).text()
    assert dialog.form.result.findData("STILL_APPROVED") == -1  # bol: not for a new return
    dialog.form.quantity.setValue(1)
    with qtbot.waitSignal(dialog.accepted):
        dialog.register_button.click()
    with context.database.unit_of_work() as uow:
        entry = uow.session.scalars(select(OutboxEntry)).one()
        assert (entry.kind, entry.payload["order_item_id"], entry.payload["quantity_returned"]) \
            == ("return_create", "C000RET2-1", 1)
