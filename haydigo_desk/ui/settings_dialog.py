"""The settings dialog: bol.com accounts (secrets in the OS keyring) and this workstation."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from haydigo_desk.config import DeskSettings
from haydigo_desk.context import DeskContext
from haydigo_desk.services.account_settings import (
    DraftError,
    SaveOutcome,
    load_account_drafts,
    save_account_drafts,
    validate_draft,
)
from haydigo_desk.ui.palette import hex_of, icon
from haydigo_desk.ui.settings_accounts import AccountsPage
from haydigo_desk.ui.settings_workstation import WorkstationPage

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """OK (or Ctrl+S / Enter) validates and saves both tabs; Esc cancels.

    Emits ``accounts_saved(SaveOutcome)`` and ``settings_saved(DeskSettings)`` after saving so
    the composition root can reschedule the sync and re-apply language and theme.
    """

    accounts_saved = Signal(object)
    settings_saved = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None,
                 controller=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("settingsDialog")
        self.setWindowIcon(icon("settings"))
        self.setMinimumSize(960, 740)
        self.resize(1240, 820)  # both account columns side by side without scrolling
        controller = controller if controller is not None else context.sync

        self.tabs = QTabWidget()
        self.accounts_page = AccountsPage(load_account_drafts(context.accounts_database),
                                         controller)
        self.workstation_page = WorkstationPage(context.settings)
        self.accounts_page.setObjectName("accounts")  # stable names for screenshots and tests
        self.workstation_page.setObjectName("workstation")
        self.tabs.addTab(self.accounts_page, "")
        self.tabs.addTab(self.workstation_page, "")

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {hex_of('field_error')}; font-weight: 600;")
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setProperty("role", "primary")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("bol.com accounts"))
        self.tabs.setTabText(1, self.tr("Workstation"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Save the settings (Ctrl+S)")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- saving ------------------------------------------------------------------------------

    def validate(self) -> bool:
        """Check both tabs; show the first problem inline and return False if there is one."""
        self._show_message("")
        drafts = self.accounts_page.collect()
        self.accounts_page.editor.clear_errors()
        for index, draft in enumerate(drafts):
            try:
                validate_draft(draft, drafts[:index] + drafts[index + 1 :])
            except DraftError as error:
                self.tabs.setCurrentWidget(self.accounts_page)
                self.accounts_page.show_error(draft, error)
                return False
        if not self.workstation_page.validate():
            self.tabs.setCurrentWidget(self.workstation_page)
            return False
        return True

    def save(self) -> bool:
        """Validate, write accounts and workstation settings; close unless something failed."""
        if not self.validate():
            return False
        drafts = self.accounts_page.collect()
        try:
            outcome = save_account_drafts(
                self.context.accounts_database, drafts, self.accounts_page.removed_ids
            )
        except SQLAlchemyError as exc:
            log.exception("Saving the accounts failed")
            self._show_message(self.tr("The accounts could not be saved: {}").format(
                type(exc).__name__))
            return False
        self.accounts_page.removed_ids.clear()
        settings = self.workstation_page.settings()
        try:
            self.context.settings_store.save(settings)
        except OSError as exc:
            log.error("Saving the settings file failed: %s", exc)
            self._show_message(self.tr("The workstation settings could not be saved: {}")
                               .format(exc.strerror or type(exc).__name__))
            return False
        self.context.settings = settings
        self.accounts_saved.emit(outcome)
        self.settings_saved.emit(settings)
        if outcome.secret_errors:
            self._report_secret_problem(outcome)
            return False
        self.accept()
        return True

    def _report_secret_problem(self, outcome: SaveOutcome) -> None:
        """Everything else is saved; stay open so the person reads why the secret is not."""
        text = self.accounts_page.editor.no_keyring_text()
        self.tabs.setCurrentWidget(self.accounts_page)
        self.accounts_page.show_secret_error(text)
        self._show_message(text)
        log.warning("Client secret not stored: %s", "; ".join(outcome.secret_errors))

    @property
    def edited_settings(self) -> DeskSettings:
        return self.context.settings
