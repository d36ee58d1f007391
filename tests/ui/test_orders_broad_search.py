"""A broad search on PostgreSQL: the Orders screen says "at least N order(s)" and still lists
every matching order as the table scrolls. The search's limits are made small so that a few
orders are "broad"; the screen behaves the same at 10,000."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support.factories import make_account, make_order, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services import order_search_postgres
from haydigo_desk.ui.orders_model import COL_CUSTOMER
from haydigo_desk.ui.orders_view import OrdersSection
from haydigo_desk.ui.sync_controller import SyncController

pytestmark = pytest.mark.postgres


@pytest.fixture
def section(qtbot, postgres_url, monkeypatch):
    monkeypatch.setattr(order_search_postgres, "SEARCH_COUNT_LIMIT", 5)
    database = open_database(postgres_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 2)
        base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
        for i in range(12):
            order = make_order(uow.session, account, f"C{i:08d}X", [(products[i % 2], 1)],
                               placed_at=base + timedelta(hours=i))
            order.customer_name = "Jan van Dijk" if i % 3 else "Femke de Vries"
        uow.commit()
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings(),
                          user=StaffIdentity(1, "Mara Manager", "manager"))
    widget = OrdersSection(context, SyncController())
    widget.model._page_size = 3  # several pages for 8 matches
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.is_loading, timeout=5000)
    yield widget
    qtbot.waitUntil(lambda: not widget.tasks.busy, timeout=5000)
    widget.tasks.shutdown()
    database.dispose()


def test_a_broad_search_says_at_least_and_lists_every_match(qtbot, section):
    section.set_status_filter("all")
    qtbot.keyClicks(section.search, "van dijk")
    qtbot.waitUntil(lambda: section.total_label.text() == "at least 5 order(s)", timeout=5000)
    assert section.model.total_at_least
    while True:  # as the table scrolls down (the view itself may ask for the next page)
        qtbot.waitUntil(lambda: not section.model.is_loading, timeout=5000)
        if not section.model.canFetchMore():
            break
        section.model.fetchMore()
    names = [section.model.index(row, COL_CUSTOMER).data()
             for row in range(section.model.rowCount())]
    assert names == ["Jan van Dijk"] * 8  # all of them, past the count's limit
    assert not section.model.total_at_least and section.model.total == 8


def test_a_narrow_search_is_counted_exactly(qtbot, section):
    section.set_status_filter("all")
    qtbot.keyClicks(section.search, "femke")
    qtbot.waitUntil(lambda: section.total_label.text() == "4 order(s)", timeout=5000)
    assert not section.model.total_at_least
    # The view itself may already have asked for the second page (there is room): wait for
    # the pages, then every match is listed, the exact count of them.
    qtbot.waitUntil(lambda: not section.model.is_loading, timeout=5000)
    while section.model.canFetchMore():
        section.model.fetchMore()
        qtbot.waitUntil(lambda: not section.model.is_loading, timeout=5000)
    names = [section.model.index(row, COL_CUSTOMER).data()
             for row in range(section.model.rowCount())]
    assert names == ["Femke de Vries"] * 4
