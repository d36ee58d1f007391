"""The settings dialog: bol.com accounts (secrets in the OS keyring), each account's pick-list
rules, and this workstation.

The accounts are read and saved on the ``DbTasks`` ordered lane (the account services own
their transactions and also talk to the keyring): the dialog opens at once, its accounts tab
fills in when they are read, and while a save runs both tabs wait, so what is being written
cannot change under it. The pick-list rules are saved right after the accounts (their own
transaction: services.picklist_rule_settings). A database that cannot answer is a message;
nothing typed is lost."""

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
from haydigo_desk.domain.pick_list_rules import RuleSetError
from haydigo_desk.services.account_settings import (
    DraftError,
    SaveOutcome,
    load_account_drafts,
    save_account_drafts,
    validate_draft,
)
from haydigo_desk.services.picklist_rule_settings import (
    load_rule_sets,
    save_rule_sets,
    validate_rule_set,
)
from haydigo_desk.ui.db_feedback import database_problem_text
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.palette import hex_of, icon
from haydigo_desk.ui.settings_accounts import AccountsPage
from haydigo_desk.ui.settings_picklists import PickListRulesPage
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
        self.tasks = DbTasks(self)
        self.loaded = False  # the saved accounts have been read
        self.load_failed = False  # they could not be: only the workstation tab can be saved
        self.saving = False

        self.tabs = QTabWidget()
        self.accounts_page = AccountsPage([], controller)
        self.accounts_page.setEnabled(False)  # until the saved accounts are there
        self.rules_page = PickListRulesPage()
        self.rules_page.setEnabled(False)  # until the saved rules are there
        self.rules_loaded = False
        self.workstation_page = WorkstationPage(context.settings)
        self.accounts_page.setObjectName("accounts")  # stable names for screenshots and tests
        self.rules_page.setObjectName("pickListRules")
        self.workstation_page.setObjectName("workstation")
        self.tabs.addTab(self.accounts_page, "")
        self.tabs.addTab(self.rules_page, "")
        self.tabs.addTab(self.workstation_page, "")

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {hex_of('field_error')}; font-weight: 600;")
        self.message.hide()
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setProperty("role", "muted")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = ok
        ok.setEnabled(False)
        ok.setDefault(True)
        ok.setProperty("role", "primary")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._load_accounts()

    # --- loading -----------------------------------------------------------------------------

    def _load_accounts(self) -> None:
        self.status.setText(self.tr("Reading the accounts…"))
        context = self.context
        self.tasks.run_ordered(lambda: load_account_drafts(context.accounts_database),
                               self._accounts_loaded, self._accounts_not_loaded)
        # The rules live where the orders and the sync are (in the demo: its own database).
        self.tasks.run_ordered(lambda: load_rule_sets(context.database),
                               self._rules_loaded, self._rules_not_loaded)

    def _rules_loaded(self, rule_sets) -> None:
        self.rules_loaded = True
        self.rules_page.set_rule_sets(rule_sets)
        self.rules_page.setEnabled(True)

    def _rules_not_loaded(self, error: Exception) -> None:
        # The page stays closed (and is not saved): the other tabs still work.
        self.rules_page.message.setText(self.tr("The pick-list rules could not be read: {}")
                                        .format(database_problem_text(error)))
        self.rules_page.message.show()

    def _accounts_loaded(self, drafts) -> None:
        self.loaded = True
        self.status.setText("")
        self.accounts_page.set_drafts(drafts)
        self.accounts_page.setEnabled(True)
        self.ok_button.setEnabled(True)

    def _accounts_not_loaded(self, error: Exception) -> None:
        self.load_failed = True
        self.ok_button.setEnabled(True)
        self.status.setText("")
        # The workstation tab still works; the accounts stay closed until they could be read.
        self._show_message(self.tr("The accounts could not be read: {}").format(
            database_problem_text(error)))
        self.tabs.setCurrentWidget(self.workstation_page)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("bol.com accounts"))
        self.tabs.setTabText(1, self.tr("Pick lists"))
        self.tabs.setTabText(2, self.tr("Workstation"))
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

    def done(self, result: int) -> None:
        if self.saving:  # the save decides: closing now would leave its outcome unseen
            return
        super().done(result)

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
        if not self._validate_rules():
            return False
        if not self.workstation_page.validate():
            self.tabs.setCurrentWidget(self.workstation_page)
            return False
        return True

    def _validate_rules(self) -> bool:
        if not self.rules_loaded:
            return True  # not read: not saved either
        self.rules_page.clear_errors()
        for rule_set in self.rules_page.collect():
            try:
                validate_rule_set(rule_set.rules)
            except RuleSetError as error:
                self.tabs.setCurrentWidget(self.rules_page)
                self.rules_page.show_error(rule_set, error)
                return False
        return True

    def save(self) -> bool:
        """Validate, then write accounts and workstation settings in the background; False
        when something typed is refused (shown in place) or the accounts are not read yet.

        The dialog closes once both are saved; a database or keyring problem keeps it open."""
        if self.saving:
            return False
        if not self.loaded:  # still reading (Save is not offered yet), or could not read
            return self._save_workstation_only() if self.load_failed else False
        if not self.validate():
            return False
        drafts = self.accounts_page.collect()
        removed = list(self.accounts_page.removed_ids)
        database = self.context.accounts_database
        self._set_saving(True)
        # The drafts are the page's own objects: the save fills in new ids and stored secrets.
        self.tasks.run_ordered(lambda: save_account_drafts(database, drafts, removed),
                               self._accounts_saved, self._accounts_not_saved)
        return True

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.tabs.setEnabled(not saving)
        self.ok_button.setEnabled(not saving)
        self.status.setText(self.tr("Saving…") if saving else "")

    def _accounts_not_saved(self, error: Exception) -> None:
        self._set_saving(False)
        if isinstance(error, DraftError):  # checked again by the service: shown in place
            self.validate()
            return
        if isinstance(error, SQLAlchemyError):
            log.warning("Saving the accounts failed: %s", type(error).__name__)
            self._show_message(self.tr("The accounts could not be saved: {}").format(
                database_problem_text(error)))
            return
        self._show_message(database_problem_text(error))

    def _accounts_saved(self, outcome: SaveOutcome) -> None:
        self.accounts_page.removed_ids.clear()
        if not self.rules_loaded:
            self._rules_saved(outcome)
            return
        rule_sets = self.rules_page.collect()  # the page's own drafts: new ids filled in
        database = self.context.database
        self.tasks.run_ordered(lambda: save_rule_sets(database, rule_sets),
                               lambda _count: self._rules_saved(outcome),
                               lambda error: self._rules_not_saved(outcome, error))

    def _rules_not_saved(self, outcome: SaveOutcome, error: Exception) -> None:
        """The accounts are saved; the rules stay on their page as typed, to save again."""
        self._set_saving(False)
        self.accounts_saved.emit(outcome)
        if isinstance(error, RuleSetError):
            self.validate()
            return
        if isinstance(error, SQLAlchemyError):
            log.warning("Saving the pick-list rules failed: %s", type(error).__name__)
        self.tabs.setCurrentWidget(self.rules_page)
        self._show_message(self.tr("The accounts are saved, but the pick-list rules could "
                                   "not be: {}").format(database_problem_text(error)))

    def _rules_saved(self, outcome: SaveOutcome) -> None:
        self._set_saving(False)
        if not self._save_settings_file():
            return
        self.accounts_saved.emit(outcome)
        self.settings_saved.emit(self.context.settings)
        if outcome.secret_errors:
            self._report_secret_problem(outcome)
            return
        self.accept()

    def _save_workstation_only(self) -> bool:
        """The accounts could not be read: the workstation settings can still be saved."""
        if not self.workstation_page.validate():
            return False
        if not self._save_settings_file():
            return False
        self.settings_saved.emit(self.context.settings)
        self.accept()
        return True

    def _save_settings_file(self) -> bool:
        settings = self.workstation_page.settings()
        try:
            self.context.settings_store.save(settings)
        except OSError as exc:
            log.error("Saving the settings file failed: %s", exc)
            self._show_message(self.tr("The workstation settings could not be saved: {}")
                               .format(exc.strerror or type(exc).__name__))
            return False
        self.context.settings = settings
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
