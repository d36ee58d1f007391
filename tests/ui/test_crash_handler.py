"""The crash handler logs, scrubs and reports an unhandled error once, and shows a dialog."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from haydigo_desk.ui.crash_handler import (
    CrashDialog,
    CrashHandler,
    CrashReport,
    install_crash_handler,
)

pytestmark = pytest.mark.usefixtures("no_known_secrets")


class _Emitter(QObject):
    fire = Signal()


@pytest.fixture
def recorded(tmp_path):
    reports: list[CrashReport] = []
    handler = install_crash_handler(tmp_path, presenter=reports.append)
    yield handler, reports
    handler.uninstall()


@pytest.mark.expect_errors  # logging the unhandled error is the behaviour under test
@pytest.mark.qt_no_exception_capture
def test_error_in_a_qt_slot_is_logged_and_reported_once(qtbot, recorded, caplog):
    handler, reports = recorded
    emitter = _Emitter()

    def broken_slot() -> None:
        raise RuntimeError("sync failed, Authorization: Bearer abc.def.ghijkl client_secret=s3cr3t")

    emitter.fire.connect(broken_slot)
    with caplog.at_level(logging.CRITICAL):
        emitter.fire.emit()
        qtbot.waitUntil(lambda: len(reports) == 1)
        qtbot.wait(50)

    assert len(reports) == 1 and handler.reports == 1
    [report] = reports
    assert report.summary.startswith("RuntimeError: sync failed")
    assert "broken_slot" in report.details
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL)
    assert "broken_slot" in logged
    for text in (report.summary, report.details, logged):
        assert "abc.def.ghijkl" not in text and "s3cr3t" not in text
        assert "Bearer ********" in text


@pytest.mark.expect_errors  # logging the unhandled error is the behaviour under test
def test_error_in_a_worker_thread_reaches_the_gui_thread(qtbot, recorded):
    handler, reports = recorded
    seen_on: list[str] = []
    handler.presenter = lambda report: (reports.append(report),
                                        seen_on.append(threading.current_thread().name))

    def work() -> None:
        raise ValueError("worker broke")

    thread = threading.Thread(target=work, name="sync-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(reports) == 1)
    assert seen_on == [threading.main_thread().name]
    assert "thread sync-worker" in reports[0].details


@pytest.mark.expect_errors  # logging the unhandled error is the behaviour under test
def test_a_second_error_while_the_dialog_is_open_is_only_logged(qtbot, tmp_path):
    shown: list[CrashReport] = []

    def presenter(report: CrashReport) -> None:
        shown.append(report)
        handler.excepthook(KeyError, KeyError("again"), None)  # raised while "exec" runs
        qtbot.wait(20)

    handler = CrashHandler(tmp_path, presenter)
    handler.excepthook(ValueError, ValueError("first"), None)
    qtbot.waitUntil(lambda: handler.reports == 2)
    assert [r.summary for r in shown] == ["ValueError: first"]


def test_keyboard_interrupt_goes_to_the_default_hook(monkeypatch, tmp_path):
    called = []
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: called.append(args[0]))
    handler = CrashHandler(tmp_path, lambda report: pytest.fail("no dialog for Ctrl+C"))
    handler.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert called == [KeyboardInterrupt]


def test_install_replaces_and_uninstall_restores_hooks(tmp_path):
    before = (sys.excepthook, threading.excepthook)
    first = install_crash_handler(tmp_path, presenter=lambda r: None)
    second = install_crash_handler(tmp_path, presenter=lambda r: None)
    assert sys.excepthook == second.excepthook
    assert threading.excepthook == second.thread_excepthook
    second.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    assert first is not second
    first.uninstall()  # no longer active: changes nothing
    assert (sys.excepthook, threading.excepthook) == before


def test_dialog_shows_log_location_and_copies_details(qtbot, tmp_path):
    report = CrashReport("ValueError: bad", "HaydiGO Desk 1.0\nTraceback ...", tmp_path / "x.log")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Something went wrong" in texts and "ValueError: bad" in texts
    assert any(str(tmp_path / "x.log") in text for text in texts)
    assert dialog.details.toPlainText() == "HaydiGO Desk 1.0\nTraceback ..."
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().startswith("ValueError: bad\n\nHaydiGO Desk 1.0")
    assert dialog.copy_button.text() == "Copied"
    QTimer.singleShot(0, dialog.reject)
    dialog.exec()
