"""The connection test of the settings dialog: sandbox, sync worker, never blocking the GUI."""

from __future__ import annotations

import concurrent.futures
import time

import pytest
from desk_fixtures import open_settings
from pydantic import SecretStr

from haydigo_desk.bol.credentials import KEYRING_SERVICE
from haydigo_desk.bol.environments import BolEnvironment
from haydigo_desk.bol.errors import BolAuthenticationError
from haydigo_desk.sandbox import SandboxConfig, start_sandbox
from haydigo_desk.ui.async_call import running_calls


@pytest.fixture(scope="module")
def sandbox():
    with start_sandbox(SandboxConfig(products=3, open_orders=0, order_rate_per_hour=0)) as sb:
        yield sb


def _editor_for_sandbox(qtbot, context, sandbox, secret: str, controller=None):
    dialog = open_settings(qtbot, context, controller=controller)
    dialog.accounts_page.add_account()
    editor = dialog.accounts_page.editor
    editor.environment_combo.setCurrentIndex(editor.environment_combo.findData("custom"))
    editor.base_url_edit.setText(sandbox.url)
    editor.token_url_edit.setText(sandbox.token_url)
    editor.client_id_edit.setText(sandbox.client_id)
    editor.secret_edit.setText(secret)
    return dialog, editor


def test_good_credentials_connect_without_blocking(qtbot, context, sandbox):
    _dialog, editor = _editor_for_sandbox(qtbot, context, sandbox, sandbox.client_secret)
    tester = editor.tester
    with qtbot.waitSignal(tester.finished, timeout=10_000) as done:
        started = time.monotonic()
        tester.button.click()
        # The click returns before the answer (a busy test machine may take a second or so).
        assert time.monotonic() - started < 2.0
        assert tester.running and not tester.button.isEnabled()
        assert "Connecting" in tester.status.text()
    assert done.args == [True]
    assert tester.status.text().startswith("Connected")
    assert tester.button.isEnabled()
    qtbot.waitUntil(lambda: running_calls() == 0)


def test_wrong_secret_shows_bols_refusal_and_no_secret(qtbot, context, sandbox):
    _dialog, editor = _editor_for_sandbox(qtbot, context, sandbox, "wrong-secret-123")
    with qtbot.waitSignal(editor.tester.finished, timeout=10_000) as done:
        editor.tester.button.click()
    text = editor.tester.status.text()
    assert done.args == [False]
    assert text.startswith("bol.com refused the client ID or secret.")
    assert "wrong-secret-123" not in text and sandbox.client_secret not in text
    assert "401" in text or "invalid" in text.lower()  # bol's own words follow the lead


def test_stored_secret_is_used_when_none_typed(qtbot, context, sandbox, memory_keyring):
    memory_keyring.store[(KEYRING_SERVICE, sandbox.client_id)] = sandbox.client_secret
    _dialog, editor = _editor_for_sandbox(qtbot, context, sandbox, "")
    with qtbot.waitSignal(editor.tester.finished, timeout=10_000) as done:
        editor.tester.button.click()
    assert done.args == [True]


def test_missing_inputs_are_explained_at_once(qtbot, context, sandbox):
    _dialog, editor = _editor_for_sandbox(qtbot, context, sandbox, "")
    with qtbot.waitSignal(editor.tester.finished, timeout=1000) as done:
        editor.tester.button.click()
    assert done.args == [False] and editor.tester.status.text() == "Enter the client secret first."
    editor.client_id_edit.clear()
    editor.tester.button.click()
    assert editor.tester.status.text() == "Enter the client ID first."


class _FakeWorkerServices:
    def __init__(self, error: Exception | None) -> None:
        self.calls: list[tuple] = []
        self.error = error

    async def test_connection(self, client_id, client_secret, environment) -> None:
        self.calls.append((client_id, client_secret, environment))
        if self.error:
            raise self.error


class _FakeController:
    """Runs the submitted coroutine factory on its own thread, like the sync worker."""

    available = True

    def __init__(self, services: _FakeWorkerServices) -> None:
        self.services = services
        self.pool = concurrent.futures.ThreadPoolExecutor(1)

    def submit(self, factory):
        import asyncio

        def run():
            # Its own selector loop, as the real worker has: a loop policy another test left
            # behind (qasync's) must not decide which loop this thread gets.
            with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
                return runner.run(factory(self.services))

        return self.pool.submit(run)


@pytest.mark.parametrize("error", [None, BolAuthenticationError("bol.com rejected it",
                                                                 status=401)])
def test_goes_through_the_sync_worker_when_it_runs(qtbot, context, sandbox, error):
    services = _FakeWorkerServices(error)
    controller = _FakeController(services)
    _dialog, editor = _editor_for_sandbox(qtbot, context, sandbox, "typed-secret",
                                          controller=controller)
    with qtbot.waitSignal(editor.tester.finished, timeout=5000) as done:
        editor.tester.button.click()
    controller.pool.shutdown()

    [(client_id, secret, environment)] = services.calls
    assert client_id == sandbox.client_id
    assert isinstance(secret, SecretStr) and secret.get_secret_value() == "typed-secret"
    assert environment == BolEnvironment.custom(sandbox.url, sandbox.token_url)
    assert done.args == [error is None]
    if error:
        assert "HTTP 401" in editor.tester.status.text()


def test_result_for_an_account_left_behind_is_ignored(qtbot, context, sandbox):
    dialog, editor = _editor_for_sandbox(qtbot, context, sandbox, sandbox.client_secret)
    with qtbot.assertNotEmitted(editor.tester.finished, wait=0):
        editor.tester.button.click()
        dialog.accounts_page.add_account()  # another account is loaded: the test resets
    qtbot.waitUntil(lambda: running_calls() == 0, timeout=10_000)
    qtbot.wait(50)
    assert editor.tester.status.text() == ""


def test_an_answer_that_is_already_there_still_reaches_the_dialog(qtbot):
    """A worker that answers before the caller connects (a future already done when its
    callback is added) must not lose the result."""
    import concurrent.futures

    from haydigo_desk.ui.async_call import run_bol_call

    class _Instant:
        available = True

        def submit(self, _factory):
            future = concurrent.futures.Future()
            future.set_result("ok")
            return future

    call = run_bol_call(_Instant(), lambda services: None, lambda: None)
    with qtbot.waitSignal(call.succeeded, timeout=2000) as got:
        pass
    assert got.args == ["ok"]
