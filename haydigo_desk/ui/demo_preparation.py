"""Builds the demo on a background thread after the window shows, and says how far it is.

``on_progress(text)`` goes to the demo banner, ``on_ready(DemoEnvironment)`` starts the
sync, ``on_failed(error)`` ends the desk with the start-up error dialog: all three are called
on the GUI thread (the thread's signals are delivered queued to this object's slots).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

log = logging.getLogger(__name__)


def progress_text(step: str, done: int, total: int) -> str:
    if step == "database":
        return QCoreApplication.translate(
            "DemoPreparation", "Preparing the demo: building its database…")
    if step == "products":
        return QCoreApplication.translate(
            "DemoPreparation", "Preparing the demo: importing products ({} of {})…").format(
                done, total)
    return QCoreApplication.translate(
        "DemoPreparation", "Preparing the demo: putting products on shelves…")


class DemoPreparation(QObject):
    progress = Signal(str, int, int)  # step, done, total
    ready = Signal(object)  # DemoEnvironment
    failed = Signal(object)  # the exception

    # ``prepare(progress, on_database)`` builds the demo (app.py hands in ``demo.start_demo``:
    # the ui layer does not import the demo, which stands above it).
    def __init__(self, prepare: Callable[..., Any], pending: Any, *,
                 on_progress: Callable[[str], None], on_ready: Callable[[object], None],
                 on_failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._prepare = prepare
        self.pending = pending
        self.environment = None
        self._callbacks = (on_progress, on_ready, on_failed)
        self._thread: threading.Thread | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self.progress.connect(self._progressed, queued)
        self.ready.connect(self._ready, queued)
        self.failed.connect(self._failed, queued)

    def _progressed(self, step: str, done: int, total: int) -> None:
        self._callbacks[0](progress_text(step, done, total))

    def _ready(self, demo) -> None:
        self._callbacks[0]("")
        self._callbacks[1](demo)

    def _failed(self, error: BaseException) -> None:
        self._callbacks[2](error)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="demo-preparation", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            demo = self._prepare(progress=self.progress.emit, on_database=self.pending.resolve)
        except Exception as error:  # reported on the GUI thread; nothing else to undo
            log.error("The demo could not be prepared: %s", error)
            self.pending.fail(error)
            self.failed.emit(error)
            return
        self.environment = demo  # for the shutdown, even when the GUI never saw ``ready``
        self.ready.emit(demo)

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
