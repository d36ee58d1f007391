"""Every screen and printed document shows a stored time on the workstation's clock.

The workstation here is in New York (UTC-5 in January), the data is what the desk stores: UTC
instants, and bol's order times that arrived as Amsterdam time (+01:00). 14:05 UTC must read
09:05, never 14:05 (UTC shown as if local) nor 15:05 (bol's zone).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from desk_fixtures import make_context
from support.factories import make_account, make_order, make_pick_list, make_products
from support.timezones import NEW_YORK, workstation_zone

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from report_pdf_tools import pdf_text, require, squash

from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import OutboxEntry, PickList, SyncRun
from haydigo_desk.reports import render_packing_slip, render_pick_list
from haydigo_desk.services import sync_log
from haydigo_desk.services.print_documents import packing_slip_document, pick_list_document
from haydigo_desk.ui.orders_model import COL_PLACED
from haydigo_desk.ui.orders_view import OrdersSection
from haydigo_desk.ui.outbox_view import OutboxSection
from haydigo_desk.ui.picklists_model import COL_CREATED
from haydigo_desk.ui.picklists_view import PickListsSection
from haydigo_desk.ui.status_bar import SyncStatusBar
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.synclog_view import SyncLogSection

INSTANT = datetime(2026, 1, 15, 14, 5, 30, tzinfo=UTC)
BOL_PLACED = datetime(2026, 1, 15, 15, 5, tzinfo=timezone(timedelta(hours=1)))  # 14:05 UTC


@pytest.fixture(autouse=True)
def in_new_york():
    with workstation_zone(NEW_YORK):
        yield


@pytest.fixture
def context(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 2)
        order = make_order(uow.session, account, "C0042", [(products[0], 1)],
                           placed_at=BOL_PLACED)
        make_pick_list(uow.session, [order]).created_at = INSTANT
        uow.session.add(OutboxEntry(account_id=account.id, kind="stock",
                                    state=OutboxState.FAILED, attempts=1, next_attempt_at=INSTANT,
                                    payload={"offer_id": "offer-1", "amount": 6}))
        uow.session.add(SyncRun(account_id=account.id, started_at=INSTANT,
                                finished_at=INSTANT + timedelta(seconds=3), outcome="ok",
                                orders_new=1))
        uow.commit()
    yield context
    context.database.dispose()


def test_outbox_shows_the_next_attempt_in_local_time(qtbot, context):
    section = OutboxSection(context, SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.loaded, timeout=5000)  # it reads in the background
    assert section.table.item(0, 5).text() == "15-01 09:05"


def test_sync_log_shows_the_start_in_local_time(qtbot, context):
    section = SyncLogSection(context, SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.loaded, timeout=5000)  # it reads in the background
    assert section.table.item(0, 0).text() == "15-01-2026 09:05:30"


def test_status_bar_shows_the_last_run_in_local_time(qtbot, context):
    bar = SyncStatusBar(SyncController(), {}, clock=lambda: INSTANT + timedelta(minutes=1))
    qtbot.addWidget(bar)
    with context.database.unit_of_work() as uow:
        bar.show_last_run(sync_log.list_runs(uow.session)[0])
    assert bar.last_label.text().startswith("Last sync 09:05 OK")


@contextmanager
def _loaded_section(qtbot, section_class, context):
    """A section that loads in the background, shown with its one row; its tasks stopped after."""
    section = section_class(context, SyncController())
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)
    try:
        yield section
    finally:
        qtbot.waitUntil(lambda: not section.tasks.busy, timeout=5000)
        section.tasks.shutdown()


def test_orders_list_and_detail_show_bols_placed_time_in_local_time(qtbot, context):
    with _loaded_section(qtbot, OrdersSection, context) as section:
        assert section.model.index(0, COL_PLACED).data() == "15-01-2026 09:05"
        section.table.selectRow(0)
        qtbot.waitUntil(lambda: section.detail.order_label.text() == "C0042", timeout=5000)
        assert section.detail.dates_label.text().startswith("Placed 15-01-2026 09:05")


def test_pick_lists_show_the_creation_in_local_time(qtbot, context):
    with _loaded_section(qtbot, PickListsSection, context) as section:
        assert section.model.index(0, COL_CREATED).data() == "15-01-2026 09:05"


def test_printed_pick_list_and_packing_slip_show_local_time(context, tmp_path):
    require("pdftotext")
    with context.database.unit_of_work() as uow:
        pick_list_id = uow.session.query(PickList.id).scalar()
        pick_list = pick_list_document(uow.session, pick_list_id)
        slip = packing_slip_document(uow.session, "C0042")
    pick_pdf = tmp_path / "pick.pdf"
    pick_pdf.write_bytes(render_pick_list(pick_list, language="nl"))
    slip_pdf = tmp_path / "slip.pdf"
    slip_pdf.write_bytes(render_packing_slip(slip, language="en"))
    pick_text = squash(" ".join(pdf_text(pick_pdf)))
    assert "Aangemaakt: 15-01-2026 09:05" in pick_text  # the list's creation
    assert "15-01-2026 09:05" in pick_text.replace("Aangemaakt: 15-01-2026 09:05", "")  # placed
    slip_text = squash(" ".join(pdf_text(slip_pdf)))
    assert "2026-01-15 09:05" in slip_text
    assert "14:05" not in pick_text + slip_text and "15:05" not in pick_text + slip_text
