"""One desk window per profile (data folder): a second start brings the running one forward.

The first desk holds a file lock in the data folder (the kernel drops it when the process
dies, so a desk killed with -9 never blocks the next start) and listens on a local socket
named after that folder. A later start finds the lock taken, asks the running desk over the
socket to raise its window, and ends instead of rebuilding the demo database under it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from haydigo_desk.sync.locks import _file_lock

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "desk.lock"
RAISE_REQUEST = b"raise\n"
ANSWER = b"raised\n"
CONNECT_TIMEOUT_MS = 1000
ANSWER_TIMEOUT_MS = 4000  # the running desk answers from its event loop, which may be busy
RETRY_FOR_S = 5.0  # the running desk may be starting and not listening yet


def server_name(data_dir: Path) -> str:
    """A short name (socket paths are limited to ~100 bytes) unique to the data folder."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"haydigo-desk-{digest}"


class DeskInstance(QObject):
    """The lock and the local server of the running desk; ``raise_requested`` when another
    start asks for the window."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self._locks = contextlib.ExitStack()
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only desk of the profile (then it listens); False when
        another desk holds the profile."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._locks.enter_context(_file_lock(self.data_dir / LOCK_FILE_NAME)):
            self._locks.close()
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a killed desk
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):  # the lock still keeps a second desk out
            log.warning("Cannot listen for other starts of the desk: %s", server.errorString())
            return True
        server.newConnection.connect(self._answer)
        self._server = server
        return True

    def _answer(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            log.info("Another start of the desk asked for this window: bringing it forward")
            self.raise_requested.emit()
            socket.write(ANSWER)
            socket.flush()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._locks.close()


def ask_running_desk_to_raise(data_dir: Path, retry_for: float = RETRY_FOR_S) -> bool:
    """Ask the desk that holds this profile to bring its window forward; True if it did."""
    name = server_name(data_dir)
    deadline = time.monotonic() + retry_for
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.write(RAISE_REQUEST)
            socket.flush()
            answered = socket.waitForReadyRead(ANSWER_TIMEOUT_MS) and bytes(
                socket.readAll().data()).startswith(ANSWER.strip())
            socket.disconnectFromServer()
            return answered
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def bring_forward(window) -> None:
    """Show a minimised or hidden window and ask the window manager to focus it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def already_running_text() -> str:
    return QCoreApplication.translate(
        "SingleInstance", "HaydiGO Desk already runs for this profile. Switch to its window.")
