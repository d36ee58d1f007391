"""Pick lists section: status filters with counts, walking-order detail, open in station."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.factories import make_account, make_orders, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.domain.sorting import natural_key
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import PickList
from haydigo_desk.services import lifecycle, picklists
from haydigo_desk.ui.picklists_model import COL_CODE, COL_PROGRESS, PROGRESS_ROLE
from haydigo_desk.ui.picklists_view import PickListsSection
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def section(qtbot, sqlite_url):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 12)
        orders = make_orders(uow.session, account, products, 20)
        ids = [o.id for o in orders]
        picklists.create_pick_list(uow.session, ids[:6])
        started = picklists.create_pick_list(uow.session, ids[6:10]).pick_list.id
        first_line = uow.session.get(PickList, started).lines[0]
        lifecycle.pick_onto_cart(uow.session, started, [first_line.order_line_id], 1)
        uow.commit()
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings())
    widget = PickListsSection(context, SyncController())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=5000)
    yield widget
    qtbot.waitUntil(lambda: not widget.tasks.busy, timeout=5000)
    widget.tasks.shutdown()
    database.dispose()


def test_opens_on_open_lists_with_counts(qtbot, section, qtmodeltester):
    assert section.current_status() == "open"
    assert section.model.rowCount() == 1
    assert section.model.index(0, COL_CODE).data() == "PL-000001"
    assert section.filter_buttons["in_progress"].text().endswith("1")
    assert section.filter_buttons["all"].text().endswith("2")
    assert section.model.index(0, COL_PROGRESS).data(PROGRESS_ROLE) == 0.0
    qtmodeltester.check(section.model, force_py=True)


def test_detail_lists_lines_in_walking_order(qtbot, section):
    qtbot.waitUntil(lambda: section.lines.rowCount() > 0, timeout=5000)
    locations = [section.lines.item(r, 0).text() for r in range(section.lines.rowCount())]
    assert locations == sorted(locations, key=natural_key)
    assert section.detail_title.text().startswith("PL-000001")


def test_filter_and_open_in_station(qtbot, section):
    with qtbot.waitSignal(section.model.modelReset, timeout=5000):
        section.set_status_filter("in_progress")
    assert section.model.index(0, COL_CODE).data() == "PL-000002"
    qtbot.waitUntil(lambda: section.open_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(section.open_in_station, timeout=1000) as opened:
        qtbot.keyClick(section.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [section.model.row_at(0).id]
    with qtbot.waitSignal(section.open_in_station, timeout=1000):
        qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)


def test_done_filter_can_be_empty(qtbot, section):
    with qtbot.waitSignal(section.model.modelReset, timeout=5000):
        section.set_status_filter("done")
    assert section.model.rowCount() == 0
    assert not section.open_button.isEnabled()
    assert section.lines.rowCount() == 0
