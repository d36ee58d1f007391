"""The order detail shows each shipment: carrier name and code, a track & trace link to the
carrier's tracking page, and the state at bol.com with bol's message (issue 12, point 6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from support.factories import make_account, make_order, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import OutboxEntry, Shipment, ShipmentLine
from haydigo_desk.services.order_queries import order_detail
from haydigo_desk.ui.i18n import install_translator, remove_translators
from haydigo_desk.ui.order_detail_pane import OrderDetailPane
from haydigo_desk.ui.orders_view import OrdersSection
from haydigo_desk.ui.sync_controller import SyncController

BOL_MESSAGE = "Track and trace code is not valid for transporter DHL."


class UrlCatcher(QObject):
    """Stands in for the web browser: QDesktopServices hands it the opened links."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("https")


def _shipment(order, code: str, track_and_trace: str, state: str, *, error: str = "",
              confirmed_at: datetime | None = None) -> Shipment:
    shipment = Shipment(order_id=order.id, transporter_code=code, track_and_trace=track_and_trace,
                        state=state, error=error, confirmed_at=confirmed_at)
    shipment.lines.append(ShipmentLine(order_line_id=order.lines[0].id, quantity=2))
    return shipment


@pytest.fixture
def seeded(sqlite_url):
    """(database URL, shipment ids) of one order with a failed, a confirmed and a queued one."""
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        session = uow.session
        account = make_account(session)
        [product] = make_products(session, account, 1)
        order = make_order(session, account, "C000GUOJ8Q", [(product, 2)])
        order.zip_code = "1234 ab"
        failed = _shipment(order, "DHL", "JVGL0123456789012345", "failed")
        confirmed = _shipment(order, "TNT", "3SABCD1234567", "confirmed",
                              confirmed_at=datetime(2026, 11, 26, 14, 5, tzinfo=UTC))
        untracked = _shipment(order, "BRIEFPOST", "", "queued")
        session.add_all([failed, confirmed, untracked])
        session.flush()
        # bol's message as the outbox sender keeps it: on the outbox row of the shipment.
        session.add(OutboxEntry(account_id=account.id, kind="shipment", payload={},
                                state="failed", shipment_id=failed.id, last_error=BOL_MESSAGE))
        uow.commit()
        ids = failed.id, confirmed.id, untracked.id, order.id
    database.dispose()
    return sqlite_url, ids


@pytest.fixture
def detail(seeded):
    url, (failed_id, confirmed_id, untracked_id, order_id) = seeded
    database = open_database(url)
    with database.unit_of_work() as uow:
        result = order_detail(uow.session, order_id)
    database.dispose()
    return result, (failed_id, confirmed_id, untracked_id)


@pytest.fixture
def english(qapp):
    """English (its catalogue has the plural forms, "2 units"); whatever a test installs on
    top is removed afterwards, so later tests see the source texts."""
    install_translator(qapp, "en")
    yield
    remove_translators(qapp)


@pytest.fixture
def pane(qtbot, english):
    widget = OrderDetailPane()
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_confirmed_and_failed_shipments_are_both_shown(qtbot, pane, detail, browser, tmp_path):
    order, (failed_id, confirmed_id, untracked_id) = detail
    pane.show_detail(order)
    assert pane.shipments.isVisible()
    rows = pane.shipments.rows
    confirmed, failed, untracked = rows[confirmed_id], rows[failed_id], rows[untracked_id]
    assert confirmed["carrier"].text() == "PostNL — TNT"
    assert confirmed["state"].text().startswith("Confirmed by bol.com")
    assert failed["carrier"].text() == "DHL — DHL"
    assert failed["state"].text() == "Failed at bol.com"
    assert failed["message"].text() == f"bol.com: {BOL_MESSAGE}"
    qtbot.waitUntil(failed["message"].isVisible, timeout=2000)
    assert "message" not in confirmed
    assert untracked["track_and_trace"].text() == "no track & trace"
    assert untracked["state"].text() == "Queued: not yet sent to bol.com"
    assert confirmed["units"].text() == "2 units"
    pane.grab().save(str(tmp_path / "order-detail-shipments.png"))

    # Clicking the track & trace opens the carrier's page for this parcel and address.
    link = confirmed["track_and_trace"]
    assert "3SABCD1234567" in link.text()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(4, link.height() // 2))
    qtbot.waitUntil(lambda: bool(browser.opened), timeout=2000)
    assert browser.opened == ["https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1234AB"]
    browser.opened.clear()
    qtbot.mouseClick(failed["track_and_trace"], Qt.MouseButton.LeftButton,
                     pos=QPoint(4, failed["track_and_trace"].height() // 2))
    qtbot.waitUntil(lambda: bool(browser.opened), timeout=2000)
    assert browser.opened == [
        "https://www.dhl.com/nl-nl/home/tracking.html?tracking-id=JVGL0123456789012345&submit=1"]


def test_shipments_in_dutch(qtbot, qapp, pane, detail, tmp_path):
    order, (failed_id, confirmed_id, _) = detail
    pane.show_detail(order)
    install_translator(qapp, "nl")  # a live switch: the shown shipments follow
    qtbot.waitUntil(lambda: pane.shipments.heading.text() == "Zendingen", timeout=2000)
    rows = pane.shipments.rows
    assert rows[failed_id]["state"].text() == "Mislukt bij bol.com"
    assert rows[failed_id]["message"].text() == f"bol.com: {BOL_MESSAGE}"
    assert rows[confirmed_id]["state"].text().startswith("Bevestigd door bol.com")
    assert rows[confirmed_id]["units"].text() == "2 stuks"
    assert rows[confirmed_id]["carrier"].text() == "PostNL — TNT"
    pane.grab().save(str(tmp_path / "order-detail-shipments-nl.png"))


def test_no_shipments_no_section(qtbot, pane, detail):
    order, _ = detail
    pane.show_detail(replace(order, shipments=()))
    assert not pane.shipments.isVisible()
    pane.show_detail(None)
    assert not pane.shipments.isVisible()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "nl"])
def test_orders_section_with_shipments_fits_the_screen(qtbot, qapp, english, seeded, tmp_path,
                                                       size, language):
    url, (failed_id, *_rest) = seeded
    install_translator(qapp, language)
    database = open_database(url)
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings(),
                          user=StaffIdentity(1, "Mara Manager", "manager"))
    section = OrdersSection(context, SyncController())
    qtbot.addWidget(section)
    section.resize(*size)
    section.show()
    try:
        qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
        section.table.selectRow(0)
        qtbot.waitUntil(lambda: failed_id in section.detail.shipments.rows, timeout=5000)
        qtbot.waitUntil(section.detail.shipments.rows[failed_id]["message"].isVisible)
        assert section.size().toTuple() == size  # nothing pushed the section wider
        panel = section.detail.shipments
        for labels in panel.rows.values():
            for label in labels.values():  # every text inside the panel, none cut off sideways
                assert label.geometry().right() <= panel.width(), label.text()
        section.grab().save(str(tmp_path / f"orders-{language}-{size[0]}x{size[1]}.png"))
    finally:
        qtbot.waitUntil(lambda: not section.tasks.busy, timeout=5000)
        section.tasks.shutdown()
        database.dispose()
