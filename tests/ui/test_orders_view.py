"""Orders section: the paged model (qtmodeltester), filters, search, detail and pick list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.factories import make_account, make_order, make_orders, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.order_queries import OrderQuery, OrderSortKey
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.orders_model import (
    COL_CUSTOMER,
    COL_LINES,
    COL_ORDER,
    COL_PLACED,
    COL_STATUS,
    ORDER_ID_ROLE,
    SORT_ROLE,
    OrdersTableModel,
)
from haydigo_desk.ui.orders_view import OrdersSection
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def desk_db(sqlite_url):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 5)
        orders = make_orders(uow.session, account, products, 45)
        orders[0].customer_name = "Femke de Vries"
        orders[1].status = "shipped"
        make_order(uow.session, account, "PROB-1", [(None, 1)], status="problem")
        uow.commit()
    yield database
    database.dispose()


@pytest.fixture
def tasks(qtbot, desk_db):
    runner = DbTasks()
    yield runner
    runner.shutdown()


def _wait_loaded(qtbot, model):
    qtbot.waitUntil(lambda: not model.is_loading, timeout=5000)


def test_model_pages_in_and_passes_the_model_tester(qtbot, qtmodeltester, desk_db, tasks):
    model = OrdersTableModel(desk_db, tasks, page_size=10)
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.set_query(OrderQuery())
    assert loaded.args == [46]
    assert model.rowCount() == 10 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    _wait_loaded(qtbot, model)  # the tester may have asked for the next page
    while model.canFetchMore():
        model.fetchMore()
        _wait_loaded(qtbot, model)
    assert model.rowCount() == 46 and not model.canFetchMore()
    ids = [model.index(r, COL_ORDER).data() for r in range(46)]
    assert len(set(ids)) == 46 and ids[0] == "PROB-1"  # newest first: placed 26-11
    qtmodeltester.check(model, force_py=True)


def test_model_roles(qtbot, desk_db, tasks):
    model = OrdersTableModel(desk_db, tasks)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(OrderQuery(search="C00000003X"))
    assert model.rowCount() == 1
    status, lines = model.index(0, COL_STATUS), model.index(0, COL_LINES)
    assert status.data() == "New" and status.data(SORT_ROLE) == "new"
    assert lines.data() == "2" and lines.data(SORT_ROLE) == 2  # i % 3 == 0: two lines
    assert model.index(0, COL_PLACED).data(SORT_ROLE) is not None
    assert isinstance(model.index(0, 0).data(ORDER_ID_ROLE), int)
    assert model.headerData(COL_CUSTOMER, Qt.Orientation.Horizontal) == "Customer"


def test_sorting_is_done_by_the_database(qtbot, desk_db, tasks):
    model = OrdersTableModel(desk_db, tasks)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(OrderQuery())
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(COL_CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == OrderSortKey.CUSTOMER and not model.query.descending
    assert model.index(0, COL_CUSTOMER).data() == "Femke de Vries"
    model.sort(COL_LINES, Qt.SortOrder.AscendingOrder)  # not sortable: nothing happens
    assert not model.is_loading and model.query.sort == OrderSortKey.CUSTOMER


def test_a_late_answer_to_an_older_query_is_dropped(qtbot, desk_db, tasks):
    model = OrdersTableModel(desk_db, tasks)
    model.set_query(OrderQuery(status="shipped"))
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.set_query(OrderQuery(status="problem"))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert loaded.args == [1]
    assert model.index(0, COL_ORDER).data() == "PROB-1"


@pytest.fixture
def section(qtbot, desk_db):
    context = DeskContext(desk_db, AppPaths.current(), SettingsStore(), DeskSettings(),
                          user=StaffIdentity(1, "Mara Manager", "manager"))
    widget = OrdersSection(context, SyncController())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    _wait_loaded(qtbot, widget.model)
    yield widget
    qtbot.waitUntil(lambda: not widget.tasks.busy, timeout=5000)
    widget.tasks.shutdown()


def test_section_opens_on_new_orders_and_filters_by_status(qtbot, section):
    assert section.current_status() == "new"
    assert section.model.total == 44
    with qtbot.waitSignal(section.model.loaded, timeout=5000):
        section.set_status_filter("problem")
    assert section.model.total == 1
    section.refresh()
    qtbot.waitUntil(lambda: section.filter_buttons["all"].text().endswith("46"), timeout=5000)
    assert section.filter_buttons["shipped"].text().endswith("1")


def test_search_is_debounced_and_matches_names(qtbot, section):
    qtbot.keyClicks(section.search, "femke")
    assert section.search_timer.isActive()  # no query per keystroke
    assert section.search_timer.interval() <= 150  # yet no wait the user notices
    # An earlier (unfiltered) page may still arrive first: wait for the filtered result.
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
    assert section.model.index(0, COL_CUSTOMER).data() == "Femke de Vries"
    assert section.total_label.text() == "1 order(s)"


def test_selecting_an_order_shows_its_address_and_lines(qtbot, section):
    section.table.selectRow(0)
    qtbot.waitUntil(lambda: section.detail.lines.rowCount() > 0, timeout=5000)
    shown = section.model.index(0, COL_ORDER).data()
    assert section.detail.order_label.text() == shown
    assert "Dorpsstraat 12" in section.detail.address_label.text()
    assert section.detail.lines.item(0, 0).text().startswith("A-")


def test_create_pick_list_with_the_shortcut(qtbot, section):
    section.table.selectRow(0)
    section.table.selectionModel().select(
        section.model.index(1, 0),
        section.table.selectionModel().SelectionFlag.Select
        | section.table.selectionModel().SelectionFlag.Rows)
    assert len(section.selected_order_ids()) == 2
    section.table.setFocus()
    with qtbot.waitSignal(section.pick_list_created, timeout=5000) as created:
        qtbot.keyClick(section.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(created.args[0], int)
    assert "PL-000001" in section.feedback.text() and "2 order(s)" in section.feedback.text()
    assert section.feedback.property("role") == "scan-ok"
    # the same orders again: a clear error, nothing created
    _wait_loaded(qtbot, section.model)
    section.table.selectRow(0)
    section.create_pick_list()
    qtbot.waitUntil(lambda: section.feedback.property("role") == "scan-error", timeout=5000)
    assert "already on pick list PL-000001" in section.feedback.text()
