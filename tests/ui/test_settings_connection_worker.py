"""Test connection goes through the running sync worker (issue 16, point 4): a saved
account's credentials through the very client the worker syncs it with (no token of its
own), unsaved ones through a short-lived client that still runs on the worker's loop."""

from __future__ import annotations

import threading

import pytest
from desk_fixtures import open_settings
from support.sync_setup import sync_setup

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.sync import connection_check
from haydigo_desk.sync.connection_check import Route
from haydigo_desk.sync.worker import SyncWorker
from haydigo_desk.ui.async_call import running_calls
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def running(qtbot, sqlite_url, tmp_path):
    """A sandbox account and a sync worker that has finished its start-up cycle."""
    setup = sync_setup(sqlite_url, products=3, open_orders=0)
    controller = SyncController()
    worker = SyncWorker(setup.database, listener=controller)
    controller.attach(worker)
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        worker.start()
    store = SettingsStore(tmp_path / "settings.json")
    context = DeskContext(setup.database, AppPaths.current(), store, store.load())
    yield setup, controller, context
    worker.stop()
    setup.sandbox.stop()
    setup.database.dispose()


@pytest.fixture
def threads(monkeypatch):
    """The names of the threads the connection checks ran on (the real check still runs)."""
    seen: list[str] = []
    real = connection_check.verify

    async def spy(*args, **kwargs):
        seen.append(threading.current_thread().name)
        return await real(*args, **kwargs)

    monkeypatch.setattr(connection_check, "verify", spy)
    return seen


def _test(qtbot, editor) -> bool:
    with qtbot.waitSignal(editor.tester.finished, timeout=10_000) as done:
        editor.tester.button.click()
    qtbot.waitUntil(lambda: running_calls() == 0)
    return done.args[0]


def test_a_saved_account_is_tested_through_the_workers_own_client(qtbot, running, threads):
    setup, controller, context = running
    dialog = open_settings(qtbot, context, controller=controller)
    editor = dialog.accounts_page.editor
    assert editor.client_id_edit.text() == setup.sandbox.client_id  # the saved account
    tokens = setup.sandbox.state.tokens.issued
    assert _test(qtbot, editor) is True
    assert editor.tester.last_route == Route.ACCOUNT_CLIENT
    assert setup.sandbox.state.tokens.issued == tokens  # the worker's cached token answered
    assert threads == ["sync-worker"]


def test_unsaved_credentials_get_a_short_lived_client_on_the_workers_loop(
        qtbot, running, threads):
    setup, controller, context = running
    dialog = open_settings(qtbot, context, controller=controller)
    dialog.accounts_page.add_account()  # a new account, being typed in
    editor = dialog.accounts_page.editor
    editor.environment_combo.setCurrentIndex(editor.environment_combo.findData("custom"))
    # The same sandbox under another address: not what the worker's account uses.
    editor.base_url_edit.setText(setup.sandbox.url.replace("127.0.0.1", "localhost"))
    editor.token_url_edit.setText(setup.sandbox.token_url)
    editor.client_id_edit.setText(setup.sandbox.client_id)
    editor.secret_edit.setText(setup.sandbox.client_secret)
    tokens = setup.sandbox.state.tokens.issued
    assert _test(qtbot, editor) is True
    assert editor.tester.last_route == Route.SHORT_LIVED
    assert setup.sandbox.state.tokens.issued == tokens + 1
    editor.secret_edit.setText("not-the-secret")  # a wrong secret typed in is bol's "no"
    assert _test(qtbot, editor) is False
    assert editor.tester.status.text().startswith("bol.com refused the client ID or secret.")
    assert "not-the-secret" not in editor.tester.status.text()
    assert threads == ["sync-worker", "sync-worker"]
