"""Status bar driven by the SyncController's signals; demo banner and the main window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from support.factories import make_account

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.ui.demo_banner import DemoBanner
from haydigo_desk.ui.status_bar import SyncStatusBar, format_countdown
from haydigo_desk.ui.sync_controller import SyncController


class FakeWorker:
    def __init__(self, schedule=None) -> None:
        self.requests: list[int | None] = []
        self.schedule = schedule or {}

    def request_sync(self, account_id=None) -> None:
        self.requests.append(account_id)

    def next_runs(self) -> dict:
        return self.schedule


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def bar(qtbot, clock):
    worker = FakeWorker({1: clock.now + timedelta(minutes=4, seconds=5)})
    controller = SyncController(worker)
    widget = SyncStatusBar(controller, {1: "bol NL"}, clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    return widget, controller, worker


def test_countdown_format():
    assert format_countdown(245) == "4:05"
    assert format_countdown(3723) == "1:02:03"
    assert format_countdown(-5) == "0:00"


def test_idle_state_shows_account_and_countdown_that_ticks(qtbot, bar, clock):
    widget, _controller, _worker = bar
    assert widget.account_label.text() == "bol NL"
    assert widget.last_label.text() == "Not synced yet"
    assert widget.next_label.text() == "Next sync in 4:05"
    assert widget.progress.isHidden() and widget.sync_button.isEnabled()
    clock.now += timedelta(seconds=2)
    qtbot.waitUntil(lambda: widget.next_label.text() == "Next sync in 4:03", timeout=2500)


def test_a_running_sync_shows_step_and_progress_then_the_result(qtbot, bar, clock):
    widget, controller, _worker = bar
    controller.started.emit(2, "bol BE")
    assert widget.progress.isVisible() and widget.progress.maximum() == 0  # busy
    assert not widget.sync_button.isEnabled()
    assert widget.account_label.text() == "bol BE, bol NL"
    controller.progress.emit(2, "orders", 30, 120)
    assert widget.step_label.text() == "bol BE: Orders"
    assert (widget.progress.value(), widget.progress.maximum()) == (30, 120)
    assert widget.next_label.text() == "Syncing now"
    report = SyncReport(account_id=2, account_name="bol BE", started_at=clock.now,
                        finished_at=clock.now + timedelta(seconds=3), outcome="ok",
                        orders_new=12, cancellations=1)
    controller.finished.emit(report)
    assert widget.progress.isHidden() and widget.sync_button.isEnabled()
    assert "OK: 12 new order(s), 1 cancellation(s)" in widget.last_label.text()
    assert widget.last_label.property("state") == "ok"
    controller.schedule_changed.emit({2: clock.now + timedelta(minutes=10)})
    assert widget.next_label.text() == "Next sync in 10:00"


def test_failure_is_shown_in_red_words(qtbot, bar):
    widget, controller, _worker = bar
    controller.started.emit(1, "bol NL")
    controller.failed.emit(1, "bol.com did not answer (timeout)")
    assert "failed: bol.com did not answer (timeout)" in widget.last_label.text()
    assert widget.last_label.property("state") == "failed"
    assert widget.progress.isHidden()


def test_sync_now_button_and_f5(qtbot, bar):
    widget, _controller, worker = bar
    qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)
    assert worker.requests == [None]
    widget.sync_action.trigger()  # what F5 triggers
    assert worker.requests == [None, None]
    assert widget.sync_action.shortcut().toString() == "F5"


def test_without_a_worker_the_button_is_disabled(qtbot):
    widget = SyncStatusBar(SyncController())
    qtbot.addWidget(widget)
    assert not widget.sync_button.isEnabled()
    assert widget.next_label.text() == "No sync planned"
    assert widget.account_label.text() == "No account"
    widget.sync_now()  # harmless


def test_demo_banner_mentions_settings_shortcut(qtbot):
    banner = DemoBanner()
    qtbot.addWidget(banner)
    assert banner.property("role") == "banner"
    assert "Ctrl+," in banner.text_label.text() and "simulated bol.com" in banner.text_label.text()


def test_main_window_has_banner_status_bar_and_my_sections(qtbot, sqlite_url):
    from haydigo_desk.ui.main_window import MainWindow

    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        make_account(uow.session, "bol NL")
        uow.commit()
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings(),
                          demo=True)
    window = MainWindow(context, SyncController(FakeWorker()))
    qtbot.addWidget(window)
    window.show()
    assert window.demo_banner is not None and window.demo_banner.isVisible()
    assert window.statusBar() is window.sync_status
    assert list(window.sections)[:2] == ["orders", "picklists"]
    qtbot.waitUntil(lambda: window.sync_status.account_label.text() == "bol NL", timeout=5000)
    orders = window.sections["orders"]
    qtbot.waitUntil(lambda: not orders.model.is_loading and not orders.tasks.busy, timeout=5000)
    window.close()
    database.dispose()


def test_the_visible_section_reloads_only_for_data_it_shows(qtbot, sqlite_url, monkeypatch):
    from haydigo_desk.ui.main_window import MainWindow

    database = open_database(sqlite_url)
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings())
    controller = SyncController(FakeWorker())
    window = MainWindow(context, controller)
    qtbot.addWidget(window)
    window.show()
    orders = window.show_section("orders")
    qtbot.waitUntil(lambda: not orders.model.is_loading and not orders.tasks.busy, timeout=5000)
    reloads = []
    monkeypatch.setattr(orders, "refresh", lambda: reloads.append(1))
    for what in ("products", "outbox", "stock"):
        controller.data_changed.emit(what)
    assert reloads == []
    controller.data_changed.emit("orders")
    controller.data_changed.emit("cancellation:7")
    assert len(reloads) == 2
    window.close()
    database.dispose()
