"""The Accounts tab of the settings dialog: a list of bol.com accounts and one editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.services.account_settings import AccountDraft, DraftError
from haydigo_desk.ui.settings_account_editor import AccountEditor


class AccountsPage(QWidget):
    """List of accounts with add/remove on the left, the editor on the right."""

    def __init__(self, drafts: list[AccountDraft], controller=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts = [draft.copy() for draft in drafts]
        self.removed_ids: list[int] = []
        self._current: AccountDraft | None = None

        self.account_list = QListWidget()
        self.account_list.setObjectName("accountList")
        self.account_list.setMinimumWidth(180)
        self.account_list.setMaximumWidth(230)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.remove_button.setProperty("role", "danger")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.account_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)

        self.editor = AccountEditor(controller)
        self.editor.name_edited.connect(self._rename_current_item)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(scroll, 1)

        self.add_button.clicked.connect(self.add_account)
        self.remove_button.clicked.connect(self.remove_current)
        self.account_list.currentRowChanged.connect(self._select_row)
        for draft in self.drafts:
            self.account_list.addItem(QListWidgetItem(draft.name))
        self.retranslate_ui()
        if self.drafts:
            self.account_list.setCurrentRow(0)
        else:
            self.editor.load(None)
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add account"))
        self.remove_button.setText(self.tr("Remove"))
        self.account_list.setAccessibleName(self.tr("Accounts"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _select_row(self, row: int) -> None:
        self.editor.store()
        self._current = self.drafts[row] if 0 <= row < len(self.drafts) else None
        self.editor.load(self._current)
        self._update_buttons()

    def _rename_current_item(self, text: str) -> None:
        item = self.account_list.currentItem()
        if item is not None:
            item.setText(text.strip() or self.tr("(no name)"))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self._current is not None)

    def add_account(self) -> None:
        draft = AccountDraft(name=self.tr("New account"))
        self.drafts.append(draft)
        self.account_list.addItem(QListWidgetItem(draft.name))
        self.account_list.setCurrentRow(len(self.drafts) - 1)
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()

    def remove_current(self) -> None:
        row = self.account_list.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        draft = self.drafts.pop(row)
        if draft.id is not None:
            self.removed_ids.append(draft.id)
        self._current = None  # do not store the editor into the removed draft
        self.editor.load(None)
        self.account_list.takeItem(row)  # selects a neighbour (or -1) through _select_row
        self._update_buttons()

    def set_drafts(self, drafts: list[AccountDraft]) -> None:
        """The saved accounts, once the dialog has read them (in the background)."""
        self.drafts = [draft.copy() for draft in drafts]
        self._current = None
        self.account_list.blockSignals(True)
        self.account_list.clear()
        for draft in self.drafts:
            self.account_list.addItem(QListWidgetItem(draft.name))
        self.account_list.blockSignals(False)
        if self.drafts:
            self.account_list.setCurrentRow(0)
        else:
            self.editor.load(None)
        self._update_buttons()

    def collect(self) -> list[AccountDraft]:
        self.editor.store()
        return self.drafts

    def show_error(self, draft: AccountDraft, error: DraftError) -> None:
        self.account_list.setCurrentRow(self.drafts.index(draft))
        self.editor.show_error(error)

    def show_secret_error(self, text: str) -> None:
        self.editor.fields["secret"].show_error(text)
