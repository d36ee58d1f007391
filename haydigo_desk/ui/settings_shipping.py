"""The "Shipping" group of an account in Settings → Accounts: own carrier or bol labels.

How the account's orders ship (own carrier, via bol, as bol says per order) and, for labels
bought from bol.com, which delivery option the station chooses (``OptionRule``). Edits an
``AccountDraft`` like the rest of the account editor (``load`` / ``store``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from haydigo_desk.domain.delivery_options import OptionRule
from haydigo_desk.domain.shipping_mode import ShippingMode
from haydigo_desk.services.account_settings import AccountDraft


class ShippingGroup(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 700; padding-top: 10px;")
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("shippingMode")
        for mode in ShippingMode:
            self.mode_combo.addItem("", mode.value)
        self.rule_combo = QComboBox()
        self.rule_combo.setObjectName("labelOptionRule")
        for rule in OptionRule:
            self.rule_combo.addItem("", rule.value)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.mode_label, self.rule_label = QLabel(), QLabel()
        self.mode_label.setBuddy(self.mode_combo)
        self.rule_label.setBuddy(self.rule_combo)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.mode_label, self.mode_combo)
        form.addRow(self.rule_label, self.rule_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        self.retranslate_ui()
        self._mode_changed()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Shipping"))
        self.mode_label.setText(self.tr("S&hip orders"))
        self.rule_label.setText(self.tr("bol.com &label to buy"))
        modes = {
            ShippingMode.OWN_CARRIER: self.tr("With our own carrier (track & trace)"),
            ShippingMode.VIA_BOL: self.tr("Via bol (buy the bol.com label)"),
            ShippingMode.PER_ORDER: self.tr("As bol.com says for each order"),
        }
        rules = {
            OptionRule.RECOMMENDED: self.tr("The one bol.com recommends"),
            OptionRule.CHEAPEST_ON_TIME: self.tr("The cheapest that arrives on time"),
            OptionRule.MAILBOX_WHEN_FITS: self.tr("Mailbox package when it fits"),
        }
        for combo, names in ((self.mode_combo, modes), (self.rule_combo, rules)):
            for index in range(combo.count()):
                combo.setItemText(index, names[combo.itemData(index)])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _mode_changed(self) -> None:
        # The rule matters only where labels are bought.
        self.rule_combo.setEnabled(self.mode_combo.currentData() != ShippingMode.OWN_CARRIER)

    def load(self, draft: AccountDraft) -> None:
        for combo, value in ((self.mode_combo, draft.shipping_mode),
                             (self.rule_combo, draft.label_option_rule)):
            combo.setCurrentIndex(max(combo.findData(value), 0))

    def store(self, draft: AccountDraft) -> None:
        draft.shipping_mode = self.mode_combo.currentData()
        draft.label_option_rule = self.rule_combo.currentData()
