"""While another program holds the database, the Outbox, the Sync log, the login and the stock
tools stay usable: the GUI thread is free, they say they are loading, then that the database
is busy (never a crash dialog), and they load once the lock is gone."""

from datetime import UTC, datetime

import pytest
from desk_fixtures import make_context
from support.db_lock import database_locked, gui_thread_free
from support.factories import make_account, make_failed_shipment, make_staff

from haydigo_desk.persistence.models import SyncRun
from haydigo_desk.ui.login_dialog import LoginDialog
from haydigo_desk.ui.outbox_view import OutboxSection
from haydigo_desk.ui.stock_tools import ChannelMovementDialog
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.synclog_view import SyncLogSection

BUSY = "The database is busy"


@pytest.fixture
def context(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        make_failed_shipment(uow.session, account, "C0042", "POSTNL", "3SXYZ",
                             "Order item 42 is already shipped", attempts=2)
        uow.session.add(SyncRun(account_id=account.id, started_at=datetime.now(UTC),
                                outcome="ok"))
        make_staff(uow.session)
        uow.commit()
        context.extras["list_id"] = account.product_list_id
    yield context
    context.database.dispose()


def _outbox(context):
    view = OutboxSection(context, SyncController())
    return view, view.count_label, view.message, lambda: view.table.rowCount() == 1


def _synclog(context):
    view = SyncLogSection(context, SyncController())
    return view, view.status, view.message, lambda: view.table.rowCount() == 1


def _login(context):
    view = LoginDialog(context)
    return view, view.heading, view.feedback, lambda: view.people.count() == 2


@pytest.mark.parametrize("open_view", [_outbox, _synclog, _login])
def test_a_view_opened_on_a_locked_database_waits_without_holding_the_window(
        qtbot, context, open_view):
    with database_locked(context.database):
        view, status, message, loaded = open_view(context)
        qtbot.addWidget(view)
        gui_thread_free(qtbot)
        assert view.tasks.busy  # its read still waits for the lock
        assert status.text() == "Loading…"
        qtbot.waitUntil(lambda: BUSY in message.text(), timeout=5_000)
        assert not message.isHidden() and message.property("role") == "scan-error"
    if isinstance(view, LoginDialog):
        assert view.ok_button.text() == "Try again"
        view.ok_button.click()
    else:
        view.refresh()
    qtbot.waitUntil(loaded, timeout=5_000)
    assert message.isHidden()


def test_a_write_on_a_locked_database_is_refused_and_can_be_made_again(qtbot, context):
    dialog = ChannelMovementDialog(context, context.extras["list_id"])
    qtbot.addWidget(dialog)
    dialog.code.setText("SKU-00001")
    with database_locked(context.database):
        dialog.record()
        gui_thread_free(qtbot)
        assert not dialog.save_button.isEnabled()  # one movement at a time
        qtbot.waitUntil(lambda: BUSY in dialog.feedback.text(), timeout=5_000)
        assert dialog.save_button.isEnabled() and dialog.code.text() == "SKU-00001"
    dialog.record()
    qtbot.waitUntil(lambda: "Sold 1" in dialog.feedback.text(), timeout=5_000)
    assert "on hand now 9" in dialog.feedback.text()  # the refused try wrote nothing


def test_settings_open_on_a_locked_database_and_still_save_the_workstation(
        qtbot, context, tmp_path):
    from haydigo_desk.ui.settings_dialog import SettingsDialog

    with database_locked(context.database):
        dialog = SettingsDialog(context)
        qtbot.addWidget(dialog)
        gui_thread_free(qtbot)
        assert dialog.status.text() == "Reading the accounts…"
        assert not dialog.accounts_page.isEnabled() and not dialog.ok_button.isEnabled()
        qtbot.waitUntil(lambda: BUSY in dialog.message.text(), timeout=5_000)
        assert dialog.message.text().startswith("The accounts could not be read")
        assert dialog.tabs.currentWidget() is dialog.workstation_page
        assert not dialog.accounts_page.isEnabled()  # nothing to edit that could be lost
        dialog.workstation_page.workstation_edit.setText("Paktafel 3")
        assert dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert context.settings.workstation == "Paktafel 3"
