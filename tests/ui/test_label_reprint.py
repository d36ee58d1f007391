"""A bought bol.com label is printed again from the order detail (its stored PDF, nothing asked
of bol.com, nothing bought), and the Sync log shows the day's label count and cost."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from support.factories import make_account, make_order, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import LabelPurchase, utcnow
from haydigo_desk.sandbox.label_pdf import render_label
from haydigo_desk.sandbox.labels import LabelDocument
from haydigo_desk.services import labels, lifecycle
from haydigo_desk.services.order_queries import order_detail
from haydigo_desk.ui.label_printing import label_printer
from haydigo_desk.ui.order_detail_pane import OrderDetailPane
from haydigo_desk.ui.pdf_printing import paint_pdf
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.synclog_view import SyncLogSection

TRACK = "3SBOLP123456789"


@pytest.fixture
def shipped_with_label(sqlite_url, tmp_path):
    """An order shipped with a bought label whose PDF is stored (the lifecycle's own steps)."""
    database = open_database(sqlite_url)
    pdf = render_label(LabelDocument("L-1", "TNT", TRACK, "PostNL & bol.com - Pakket", "PARCEL",
                                     "C000LABEL1", {"firstName": "Anna"}, (("1001", 1),)))
    with database.unit_of_work() as uow:
        session = uow.session
        account = make_account(session)
        [product] = make_products(session, account, 1)
        order = make_order(session, account, "C000LABEL1", [(product, 1)])
        [line] = order.lines
        assert lifecycle.pick_into_box(session, order.id, line.id, 1)
        shipment, label, _ = lifecycle.queue_label(
            session, order, [(line, 1)],
            lifecycle.LabelOffer("offer-1", "TNT", "PARCEL", "PostNL & bol.com - Pakket",
                                 Decimal("4.15")), created_by="Pieter", workstation="desk-1")
        lifecycle.label_bought(session, label, "L-1")
        lifecycle.label_document_stored(label, pdf, "TNT", TRACK)
        lifecycle.label_ready(session, label)
        lifecycle.shipment_confirmed(session, shipment.id)
        uow.commit()
        order_id = order.id
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache", tmp_path / "log")
    context = DeskContext(database, paths, SettingsStore(tmp_path / "s.json"),
                          DeskSettings(workstation="desk-1", sounds_enabled=False),
                          user=StaffIdentity(1, "Pieter", "manager"))
    yield context, order_id, pdf
    database.dispose()


def test_reprint_from_the_order_detail_prints_the_stored_label_again(qtbot, shipped_with_label):
    context, order_id, pdf = shipped_with_label
    pane = OrderDetailPane(context)
    qtbot.addWidget(pane)
    pane.resize(1366, 500)
    pane.show()
    with context.database.unit_of_work() as uow:
        pane.show_detail(order_detail(uow.session, order_id))
    qtbot.waitUntil(lambda: bool(pane.shipments.reprint_buttons), timeout=5000)
    [button] = pane.shipments.reprint_buttons.values()
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    reprint = pane.label_reprint
    qtbot.waitUntil(lambda: reprint.last_output is not None, timeout=10000)
    saved = reprint.last_output.path
    assert saved.read_bytes() == pdf  # bol's label as it was bought, from the database
    assert str(saved) in pane.shipments.label_output.text()
    with context.database.unit_of_work() as uow:  # nothing new was bought or queued
        assert uow.session.query(LabelPurchase).count() == 1
    reprint.shutdown()


def test_the_sync_log_shows_todays_labels_and_their_cost(qtbot, shipped_with_label):
    context, _order_id, _pdf = shipped_with_label
    section = SyncLogSection(context, SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.labels_today.text() != "", timeout=5_000)  # read behind
    assert section.labels_today.text() == "bol.com labels today: 1 (€ 4,15 excl. VAT)"
    day = labels.labels_bought_on(context.database, labels.bol_today(utcnow()))
    assert (day.count, day.cost) == (1, Decimal("4.15"))
    yesterday = labels.labels_bought_on(context.database, day.day - timedelta(days=1))
    assert (yesterday.count, yesterday.cost) == (0, Decimal("0.00"))


@pytest.mark.parametrize(("paper", "points"), [("a6", (297, 420)), ("4x6", (288, 432))])
def test_a_label_printed_on_label_paper_keeps_a_readable_barcode(qapp, tmp_path, paper, points):
    """The label printer's path (QPrinter): bol's A6 label on A6 or on a 4 x 6 inch roll."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg") and shutil.which("pdfinfo")):
        pytest.skip("poppler-utils and zbar-tools are needed to read the printed label")
    pdf = render_label(LabelDocument("L-1", "TNT", TRACK, "PostNL & bol.com - Pakket", "PARCEL",
                                     "C000LABEL1", {"firstName": "Anna"}, (("1001", 1),)))
    printer = label_printer("", paper)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))  # the printer, as a file
    assert paint_pdf(pdf, printer) == 1
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True,
                          text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (round(float(v)) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert (width, height) == points
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(tmp_path / "printed.pdf"),
                    str(tmp_path / "page")], check=True, timeout=60)
    [page] = tmp_path.glob("page*.png")
    found = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True,
                           text=True, timeout=60)
    assert found.stdout.split() == [TRACK]
