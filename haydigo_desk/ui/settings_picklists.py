"""Settings → Pick lists: each account's pick-list rules, in the order they are tried.

A tab of its own rather than a section of the account page: the rules are an ordered list
with their own editor (the order decides which rule takes an order), they are changed far
more often than the bol.com connection, and the account page already fills the dialog.

Left: the account and its rules, first tried on top, with add, delete and move up/down
(Alt+Up / Alt+Down in the list); a last line says where the rest goes. Right: the selected
rule. The page edits ``RuleDraft`` values only; the dialog validates (the domain's rules,
worded here) and saves through services.picklist_rule_settings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.domain.pick_list_rules import (
    DEFAULT_MAX_ORDERS,
    MAX_ORDERS_LIMIT,
    NAME_LENGTH,
    Carrier,
    Due,
    RuleProblem,
    RuleSetError,
)
from haydigo_desk.services.picklist_rule_settings import AccountRules, RuleDraft
from haydigo_desk.ui.field_error import FieldWithError
from haydigo_desk.ui.palette import hex_of


class RuleEditor(QWidget):
    """Edits one ``RuleDraft``; ``load``/``store`` move values between draft and fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft: RuleDraft | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("ruleName")
        self.name_edit.setMaxLength(NAME_LENGTH)
        self.due_combo = QComboBox()
        self.due_combo.setObjectName("ruleDue")
        for due in (Due.ANY, Due.TODAY, Due.LATER):
            self.due_combo.addItem("", due.value)
        self.countries_edit = QLineEdit()
        self.countries_edit.setObjectName("ruleCountries")
        self.carrier_combo = QComboBox()
        self.carrier_combo.setObjectName("ruleCarrier")
        for carrier in (Carrier.ANY, Carrier.VIA_BOL, Carrier.OWN):
            self.carrier_combo.addItem("", carrier.value)
        self.singles_box = QCheckBox()
        self.singles_box.setObjectName("ruleSingles")
        self.max_spin = QSpinBox()
        self.max_spin.setObjectName("ruleMaxOrders")
        self.max_spin.setRange(1, MAX_ORDERS_LIMIT)
        self.max_spin.setMaximumWidth(160)
        self.fields = {"name": FieldWithError(self.name_edit),
                       "countries": FieldWithError(self.countries_edit),
                       "max_orders": FieldWithError(self.max_spin)}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.setContentsMargins(0, 0, 0, 0)
        for key, widget in (("name", self.fields["name"]), ("due", self.due_combo),
                            ("countries", self.fields["countries"]),
                            ("carrier", self.carrier_combo), ("singles", self.singles_box),
                            ("max_orders", self.fields["max_orders"])):
            label = QLabel()
            label.setBuddy(widget.focusProxy() or widget)
            self.labels[key] = label
            form.addRow(label, widget)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.retranslate_ui()
        self.load(None)

    def retranslate_ui(self) -> None:
        texts = {"name": self.tr("Rule &name"), "due": self.tr("&Due"),
                 "countries": self.tr("Delivery &countries"), "carrier": self.tr("Shi&pped"),
                 "singles": self.tr("Size"), "max_orders": self.tr("At &most")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        dues = {Due.ANY: self.tr("Any deadline"),
                Due.TODAY: self.tr("Due today (by the cut-off, late ones too)"),
                Due.LATER: self.tr("Due later")}
        carriers = {Carrier.ANY: self.tr("Any way"), Carrier.VIA_BOL: self.tr("Via bol"),
                    Carrier.OWN: self.tr("With our own carrier")}
        for combo, names in ((self.due_combo, dues), (self.carrier_combo, carriers)):
            for index in range(combo.count()):
                combo.setItemText(index, names[combo.itemData(index)])
        self.name_edit.setPlaceholderText(self.tr("e.g. Singles via bol"))
        self.countries_edit.setPlaceholderText(self.tr("Any country; or codes such as NL, BE"))
        self.singles_box.setText(self.tr("Only orders of one unit (singles, packed straight "
                                         "from the batch)"))
        self.max_spin.setSuffix(self.tr(" orders a list"))
        self.hint.setText(self.tr(
            "An order goes on the list of the first rule it matches; when that list is full "
            "or being picked, a new list of the rule starts."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def load(self, draft: RuleDraft | None) -> None:
        self._draft = draft
        self.clear_errors()
        self.setEnabled(draft is not None)
        draft = draft or RuleDraft()
        self.name_edit.setText(draft.name)
        self.due_combo.setCurrentIndex(max(self.due_combo.findData(draft.due), 0))
        self.countries_edit.setText(draft.countries)
        self.carrier_combo.setCurrentIndex(max(self.carrier_combo.findData(draft.carrier), 0))
        self.singles_box.setChecked(draft.singles_only)
        self.max_spin.setValue(draft.max_orders)

    def store(self) -> None:
        draft = self._draft
        if draft is None:
            return
        draft.name = self.name_edit.text().strip()
        draft.due = self.due_combo.currentData()
        draft.countries = self.countries_edit.text().strip()
        draft.carrier = self.carrier_combo.currentData()
        draft.singles_only = self.singles_box.isChecked()
        draft.max_orders = self.max_spin.value()

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()


class PickListRulesPage(QWidget):
    """The rules of one account at a time; ``rule_sets`` holds every account's drafts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule_sets: list[AccountRules] = []
        self._current: RuleDraft | None = None
        self.account_combo = QComboBox()
        self.account_combo.setObjectName("rulesAccount")
        self.account_label = QLabel()
        self.account_label.setBuddy(self.account_combo)
        self.rule_list = QListWidget()
        self.rule_list.setObjectName("ruleList")
        self.rule_list.setMinimumWidth(260)
        self.rest_label = QLabel()
        self.rest_label.setObjectName("rulesRest")
        self.rest_label.setWordWrap(True)
        self.rest_label.setProperty("role", "muted")
        self.add_button, self.delete_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.delete_button.setProperty("role", "danger")
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
        self.message = QLabel()
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {hex_of('field_error')}; font-weight: 600;")
        self.message.hide()
        self.editor = RuleEditor()
        self.editor.name_edit.textEdited.connect(self._rename_current_item)

        left = QVBoxLayout()
        left.setSpacing(4)
        account_row = QHBoxLayout()
        account_row.addWidget(self.account_label)
        account_row.addWidget(self.account_combo, 1)
        left.addLayout(account_row)
        left.addWidget(self.rule_list, 1)
        left.addWidget(self.rest_label)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button):
            buttons.addWidget(button)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            moves.addWidget(button)
        left.addLayout(buttons)
        left.addLayout(moves)
        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.editor, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addSpacing(16)
        layout.addLayout(right, 3)

        self.add_button.clicked.connect(self.add_rule)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        # In the list, Alt+Up / Alt+Down move the selected rule (plain arrows select).
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.rule_list,
                                 context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_current(step))
        self.rule_list.currentRowChanged.connect(self._select_row)
        self.account_combo.currentIndexChanged.connect(self._select_account)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.account_label.setText(self.tr("&Account"))
        self.add_button.setText(self.tr("Add rule"))
        self.delete_button.setText(self.tr("Delete"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.up_button.setToolTip(self.tr("Try this rule earlier (Alt+Up in the list)"))
        self.down_button.setToolTip(self.tr("Try this rule later (Alt+Down in the list)"))
        self.rule_list.setAccessibleName(self.tr("Pick-list rules, first tried on top"))
        self.rest_label.setText(self.tr(
            "Orders no rule takes go on “Other orders”, at most %n orders a list.", "",
            DEFAULT_MAX_ORDERS))
        if not self.rule_sets:
            self.account_combo.setPlaceholderText(self.tr("Accounts appear here once saved"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- accounts and rules ------------------------------------------------------------------

    def set_rule_sets(self, rule_sets: list[AccountRules]) -> None:
        """Every saved account's rules, once the dialog has read them."""
        self.rule_sets = rule_sets
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        for rule_set in rule_sets:
            self.account_combo.addItem(rule_set.account_name, rule_set.account_id)
        self.account_combo.blockSignals(False)
        self.account_combo.setCurrentIndex(0 if rule_sets else -1)
        self._select_account()

    @property
    def rules(self) -> list[RuleDraft]:
        """The shown account's rules (empty without an account)."""
        index = self.account_combo.currentIndex()
        return self.rule_sets[index].rules if 0 <= index < len(self.rule_sets) else []

    def _select_account(self, *_args) -> None:
        self.editor.store()
        self._current = None
        self.editor.load(None)
        self._fill_list(0)

    def _fill_list(self, row: int) -> None:
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        for draft in self.rules:
            self.rule_list.addItem(QListWidgetItem(self._item_text(draft)))
        self.rule_list.blockSignals(False)
        if self.rules:
            self.rule_list.setCurrentRow(min(max(row, 0), len(self.rules) - 1))
            self._select_row(self.rule_list.currentRow())
        self._update_buttons()

    def _item_text(self, draft: RuleDraft) -> str:
        return draft.name.strip() or self.tr("(no name)")

    def _select_row(self, row: int) -> None:
        self.editor.store()
        self._current = self.rules[row] if 0 <= row < len(self.rules) else None
        self.editor.load(self._current)
        self._update_buttons()

    def _rename_current_item(self, text: str) -> None:
        item = self.rule_list.currentItem()
        if item is not None:
            item.setText(text.strip() or self.tr("(no name)"))

    def _update_buttons(self) -> None:
        row, count = self.rule_list.currentRow(), len(self.rules)
        self.add_button.setEnabled(bool(self.rule_sets))
        self.delete_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)

    def add_rule(self) -> None:
        if not self.rule_sets:
            return
        self.editor.store()
        taken = {draft.name.strip().casefold() for draft in self.rules}
        name, n = self.tr("New rule"), 1
        while name.casefold() in taken:
            n += 1
            name = self.tr("New rule %1").replace("%1", str(n))
        self.rules.append(RuleDraft(name=name))
        self._current = None
        self._fill_list(len(self.rules) - 1)
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()

    def delete_current(self) -> None:
        row = self.rule_list.currentRow()
        if not 0 <= row < len(self.rules):
            return
        self.rules.pop(row)
        self._current = None  # do not store the editor into the deleted draft
        self.editor.load(None)
        self._fill_list(row)

    def move_current(self, step: int) -> None:
        """Move the selected rule ``step`` places (-1: tried earlier); the focus stays."""
        row = self.rule_list.currentRow()
        target = row + step
        if not (0 <= row < len(self.rules) and 0 <= target < len(self.rules)):
            return
        self.editor.store()
        rules = self.rules
        rules[row], rules[target] = rules[target], rules[row]
        self._current = None
        self._fill_list(target)

    def collect(self) -> list[AccountRules]:
        self.editor.store()
        return self.rule_sets

    # --- validation messages -----------------------------------------------------------------

    def clear_errors(self) -> None:
        self.editor.clear_errors()
        self.message.hide()
        self.message.clear()

    def show_error(self, rule_set: AccountRules, error: RuleSetError) -> None:
        """Select the account and rule that must change and say why, in place."""
        self.account_combo.setCurrentIndex(self.rule_sets.index(rule_set))
        self.rule_list.setCurrentRow(error.position)
        text = self.error_text(error)
        field = {RuleProblem.COUNTRY_UNKNOWN: "countries",
                 RuleProblem.MAX_ORDERS: "max_orders"}.get(error.problem, "name")
        self.editor.fields[field].show_error(text)
        self.message.setText(text)
        self.message.show()

    def error_text(self, error: RuleSetError) -> str:
        others = self.tr(" and ").join(f"“{name}”" for name in error.others)
        texts = {
            RuleProblem.NAME_MISSING: self.tr("Give the rule a name."),
            RuleProblem.NAME_TOO_LONG: self.tr("The name is too long."),
            RuleProblem.NAME_TAKEN: self.tr("Another rule is called “%1”.").replace(
                "%1", error.name),
            RuleProblem.MAX_ORDERS: self.tr("Choose 1 to %1 orders a list.").replace(
                "%1", str(MAX_ORDERS_LIMIT)),
            RuleProblem.COUNTRY_UNKNOWN: self.tr(
                "“%1” is not a country code; use two letters such as NL or BE.").replace(
                "%1", error.detail),
            RuleProblem.DUPLICATE: self.tr(
                "Rule “%1” has the same criteria as %2: change one of them or delete "
                "one.").replace("%1", error.name).replace("%2", others),
            RuleProblem.SHADOWED: self.tr(
                "Rule “%1” can never get an order: %2 before it take every order it "
                "matches. Move it up or narrow the rules before it.").replace(
                "%1", error.name).replace("%2", others),
        }
        return texts[error.problem]
