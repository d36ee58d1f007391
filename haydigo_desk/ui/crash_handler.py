"""Unhandled errors are logged and explained in a dialog instead of the desk vanishing.

``install_crash_handler`` takes over ``sys.excepthook`` (errors in Qt slots and the main
thread) and ``threading.excepthook`` (the sync worker and other threads); ``handle_loop_error``
is the matching asyncio handler for the qasync loop. Every report is scrubbed of anything that
looks like a credential before it reaches the log, the dialog or the clipboard.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk import APP_NAME, __version__
from haydigo_desk.services.redaction import scrub

log = logging.getLogger(__name__)

LOG_FILE_NAME = "haydigo-desk.log"  # the name logging_setup gives the rotating file


@dataclass(frozen=True)
class CrashReport:
    summary: str  # "ValueError: bad value" (scrubbed)
    details: str  # version, thread and the scrubbed traceback
    log_file: Path


class CrashDialog(QDialog):
    """Says what happened, where the log is, and lets the person copy the details."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("{} ran into a problem").format(APP_NAME))
        self.setMinimumSize(640, 420)
        heading = QLabel(self.tr("Something went wrong"))
        heading.setProperty("role", "title")
        explanation = QLabel(self.tr(
            "The desk keeps running, but the last action may not have finished. Check it, and "
            "restart the desk if it behaves oddly. Send the details below to support."
        ))
        explanation.setWordWrap(True)
        summary = QLabel(report.summary)
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary.setStyleSheet("font-weight: 600;")
        location = QLabel(self.tr("Log file: {}").format(report.log_file))
        location.setProperty("role", "muted")
        location.setWordWrap(True)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(report.details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.open_folder_button = QPushButton(self.tr("Open log folder"))
        self.open_folder_button.clicked.connect(self.open_log_folder)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setDefault(True)
        close.setProperty("role", "primary")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        for widget in (heading, explanation, summary, location):
            layout.addWidget(widget)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        text = f"{self.report.summary}\n\n{self.report.details}"
        QGuiApplication.clipboard().setText(text)
        self.copy_button.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.log_file.parent)))


def show_crash_dialog(report: CrashReport) -> None:
    CrashDialog(report).exec()


class CrashHandler(QObject):
    """Formats, logs and reports unhandled errors; the dialog always opens on the GUI thread."""

    _report_ready = Signal(object)

    def __init__(self, log_dir: Path, presenter: Callable[[CrashReport], None]) -> None:
        super().__init__()
        self.log_file = _active_log_file() or Path(log_dir) / LOG_FILE_NAME
        self.presenter = presenter
        self.reports = 0
        self._presenting = False
        self._previous: tuple = (sys.excepthook, threading.excepthook)  # set again by install
        # Queued even on the GUI thread: never open a dialog in the middle of a paint event
        # or while Qt is still unwinding the slot that raised.
        self._report_ready.connect(self._present, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Restore the hooks found at install time (only if ours are still the active ones)."""
        global _installed
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]
        if _installed is self:
            _installed = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: quit as usual
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.handle(exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread_name = args.thread.name if args.thread else "?"
        self.handle(args.exc_value, args.exc_traceback, thread_name)

    def handle_loop_error(self, loop: asyncio.AbstractEventLoop, context: dict) -> None:
        """For ``loop.set_exception_handler``: errors of tasks nobody awaited."""
        error = context.get("exception")
        if error is None:
            log.error("asyncio: %s", scrub(str(context.get("message", context))))
            return
        self.handle(error, error.__traceback__, "asyncio")

    def handle(self, exc: BaseException, tb: TracebackType | None, thread_name: str) -> None:
        try:
            report = self.build_report(exc, tb, thread_name)
            log.critical("Unhandled error in thread %s\n%s", thread_name, report.details)
            self._report_ready.emit(report)
        except Exception:  # the crash handler itself must never crash the desk
            sys.__excepthook__(type(exc), exc, tb)

    def build_report(self, exc: BaseException, tb: TracebackType | None,
                     thread_name: str) -> CrashReport:
        lines = traceback.format_exception(type(exc), exc, tb)
        summary = scrub("".join(traceback.format_exception_only(type(exc), exc)).strip())
        details = scrub(
            f"{APP_NAME} {__version__}, Python {sys.version.split()[0]}, "
            f"thread {thread_name}\n\n{''.join(lines)}"
        )
        return CrashReport(summary, details, self.log_file)

    def _present(self, report: CrashReport) -> None:
        self.reports += 1
        if self._presenting:  # one dialog at a time; the rest are in the log
            return
        self._presenting = True
        try:
            self.presenter(report)
        except Exception:
            log.exception("The crash dialog could not be shown")
        finally:
            self._presenting = False


_installed: CrashHandler | None = None


def install_crash_handler(
    log_dir: Path, presenter: Callable[[CrashReport], None] = show_crash_dialog
) -> CrashHandler:
    """Install (or replace) the process-wide crash handler; call after QApplication exists."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
    handler = CrashHandler(log_dir, presenter)
    handler.install()
    _installed = handler
    return handler


def _active_log_file() -> Path | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
