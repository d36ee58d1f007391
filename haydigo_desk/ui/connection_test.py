"""The "Test connection" button: asks bol.com for a token without blocking the GUI.

The test runs on the sync worker (``sync.connection_check``): through the account's own
client when the worker syncs with these credentials, else a short-lived client on the
worker's loop. Only when no worker runs does it run on a loop of its own in a thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pydantic import SecretStr
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from haydigo_desk.bol.credentials import load_client_secret
from haydigo_desk.bol.environments import BolEnvironment
from haydigo_desk.bol.errors import (
    BolAuthenticationError,
    BolConfigurationError,
    BolError,
    BolNetworkError,
)
from haydigo_desk.services.redaction import scrub
from haydigo_desk.sync import connection_check
from haydigo_desk.ui.async_call import run_bol_call
from haydigo_desk.ui.palette import hex_of

log = logging.getLogger(__name__)

# (client id, secret typed in the dialog or None, environment key, base URL, token URL)
ConnectionInputs = tuple[str, SecretStr | None, str, str, str]


class ConnectionTester(QWidget):
    """Button, busy bar and a status line; ``finished(ok)`` tells tests when it is done."""

    finished = Signal(bool)

    def __init__(self, controller, inputs: Callable[[], ConnectionInputs],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._inputs = inputs
        self._generation = 0  # results of a test started for another account are ignored
        self.last_route: connection_check.Route | None = None  # which client answered
        self.button = QPushButton()
        self.button.setObjectName("testConnection")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.start)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: a moving bar while bol.com answers
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(90, 10)
        self.busy.hide()
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.busy)
        layout.addWidget(self.status, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.button.setText(self.tr("Test connection"))

    @property
    def running(self) -> bool:
        return not self.button.isEnabled()

    def reset(self) -> None:
        self._generation += 1
        self.busy.hide()
        self.button.setEnabled(True)
        self._show("", "")

    def _show(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")

    def start(self) -> None:
        client_id, typed_secret, environment_key, base_url, token_url = self._inputs()
        if not client_id:
            self._fail_now(self.tr("Enter the client ID first."))
            return
        try:
            secret = typed_secret or load_client_secret(client_id)
        except BolConfigurationError:
            self._fail_now(self.tr("Enter the client secret first."))
            return
        try:
            environment = BolEnvironment.named(environment_key, base_url or None, token_url or None)
        except ValueError:
            self._fail_now(self.tr("Enter a full API address starting with http:// or https://."))
            return

        self._generation += 1
        generation = self._generation
        self.button.setEnabled(False)
        self.busy.show()
        self._show(self.tr("Connecting to bol.com…"), "")
        call = run_bol_call(
            self._controller,
            lambda services: services.test_connection(client_id, secret, environment),
            lambda: connection_check.verify((), client_id, secret, environment),
        )
        call.succeeded.connect(lambda route: self._done(generation, None, route))
        call.failed.connect(lambda error: self._done(generation, error))

    def _fail_now(self, text: str) -> None:
        self._show(text, hex_of("field_error"))
        self.finished.emit(False)

    def _done(self, generation: int, error: BaseException | None,
              route: connection_check.Route | None = None) -> None:
        if generation != self._generation:
            return
        self.last_route = route
        self.busy.hide()
        self.button.setEnabled(True)
        if error is None:
            self._show(self.tr("Connected: bol.com accepted the client ID and secret."),
                       hex_of("connected"))
            self.finished.emit(True)
            return
        self._show(self.describe(error), hex_of("field_error"))
        self.finished.emit(False)

    def describe(self, error: BaseException) -> str:
        if isinstance(error, BolAuthenticationError):
            lead = self.tr("bol.com refused the client ID or secret.")
        elif isinstance(error, BolNetworkError):
            lead = self.tr("bol.com could not be reached. Check the internet connection.")
        elif isinstance(error, BolError):
            lead = self.tr("bol.com answered with an error.")
        else:
            log.warning("Connection test failed unexpectedly: %s", type(error).__name__)
            lead = self.tr("The test could not run.")
        detail = scrub(str(error)) or type(error).__name__
        return f"{lead}\n{detail}"
