"""SIGINT and SIGTERM quit the desk through its normal door (windows closed, worker stopped).

Python runs a signal handler only when the interpreter gets control, and Qt's event loop
can wait in C++ for a long time. ``signal.set_wakeup_fd`` makes the C-level handler write
to a socket pair; a ``QSocketNotifier`` on the other end wakes the loop, so the Python
handler runs at once.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

QUIT_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitOnSignals(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in QUIT_SIGNALS}

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass

    def _on_signal(self, signum: int, _frame) -> None:
        if self.received is not None:
            return  # already quitting
        self.received = signum
        log.info("%s received: the desk quits", signal.Signals(signum).name)
        # Out of the handler first: closing windows may run dialogs' own event loops.
        QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        self.app.closeAllWindows()
        self.app.quit()

    def uninstall(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
