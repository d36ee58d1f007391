"""The editor of one bol.com account in Settings → Accounts: connection (the secret in the OS
keyring), what to import, the day's cut-off and shipping."""

from __future__ import annotations

from itertools import pairwise

from pydantic import SecretStr
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.services.account_settings import (
    DELIVERY_COUNTRIES,
    AccountDraft,
    DraftError,
    keyring_available,
    secret_stored,
)
from haydigo_desk.ui.carrier_picker import CarrierPicker
from haydigo_desk.ui.connection_test import ConnectionTester
from haydigo_desk.ui.field_error import FieldWithError
from haydigo_desk.ui.i18n import current_language
from haydigo_desk.ui.settings_day import CutoffField
from haydigo_desk.ui.settings_shipping import ShippingGroup

ENVIRONMENT_KEYS = ("production", "demo", "custom")


class AccountEditor(QWidget):
    """Edits one ``AccountDraft``; ``load``/``store`` move values between draft and fields."""

    name_edited = Signal(str)

    def __init__(self, controller=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft: AccountDraft | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("accountName")
        self.name_edit.textEdited.connect(self.name_edited)
        self.store_edit = QLineEdit()
        self.product_list_edit = QLineEdit()
        self.environment_combo = QComboBox()
        for key in ENVIRONMENT_KEYS:
            self.environment_combo.addItem("", key)
        self.environment_combo.currentIndexChanged.connect(self._environment_changed)
        self.base_url_edit = QLineEdit()
        self.base_url_edit.setPlaceholderText("http://127.0.0.1:8765")
        self.token_url_edit = QLineEdit()
        self.token_url_edit.setPlaceholderText("http://127.0.0.1:8765/token")
        self.client_id_edit = QLineEdit()
        self.client_id_edit.editingFinished.connect(self._update_secret_placeholder)

        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("clientSecret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.show_secret = QToolButton()
        self.show_secret.setCheckable(True)
        self.show_secret.toggled.connect(self._toggle_secret)
        secret_row = QWidget()
        secret_layout = QHBoxLayout(secret_row)
        secret_layout.setContentsMargins(0, 0, 0, 0)
        secret_layout.addWidget(self.secret_edit, 1)
        secret_layout.addWidget(self.show_secret)
        secret_row.setFocusProxy(self.secret_edit)

        self.tester = ConnectionTester(controller, self._connection_inputs)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 60)
        self.interval_spin.setValue(10)
        self.interval_spin.setMaximumWidth(160)

        self.country_boxes: dict[str, QCheckBox] = {}
        countries = QWidget()
        grid = QGridLayout(countries)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, code in enumerate(DELIVERY_COUNTRIES):
            box = QCheckBox()
            box.setObjectName(f"country{code}")
            self.country_boxes[code] = box
            grid.addWidget(box, index // 5, index % 5)
        self._extra_countries: list[str] = []

        self.harvest_products_box = QCheckBox()
        self.harvest_orders_box = QCheckBox()
        # The same picker as the shipment dialog: typing never jumps to a carrier by prefix.
        self.transporter_picker = CarrierPicker(current_language())
        self.transporter_combo = self.transporter_picker.combo
        self.cutoff_field = CutoffField()  # ui/settings_day.py: the daily cut-off
        self.shipping = ShippingGroup()

        self.fields = {
            "name": FieldWithError(self.name_edit),
            "store_name": FieldWithError(self.store_edit),
            "base_url": FieldWithError(self.base_url_edit),
            "token_url": FieldWithError(self.token_url_edit),
            "client_id": FieldWithError(self.client_id_edit),
            "secret": FieldWithError(secret_row),
            "sync_interval": FieldWithError(self.interval_spin),
            "excluded_countries": FieldWithError(countries),
            "transporter": FieldWithError(self.transporter_picker),
            "cutoff": FieldWithError(self.cutoff_field),
        }
        # Labels above their fields, in three groups: account and sync behaviour on the left,
        # the bol.com connection on the right, delivery countries across the bottom.
        self.account_form, self.sync_form, self.connection_form = (
            self._new_form(), self._new_form(), self._new_form()
        )
        self.rows: dict[str, tuple[QFormLayout, int]] = {}
        self.labels: dict[str, QLabel] = {}
        for form, key, widget in (
            (self.account_form, "name", self.fields["name"]),
            (self.account_form, "store_name", self.fields["store_name"]),
            (self.account_form, "product_list", self.product_list_edit),
            (self.sync_form, "sync_interval", self.fields["sync_interval"]),
            (self.sync_form, "harvest",
             self._pair(self.harvest_products_box, self.harvest_orders_box)),
            (self.sync_form, "transporter", self.fields["transporter"]),
            (self.sync_form, "cutoff", self.fields["cutoff"]),
            (self.connection_form, "environment", self.environment_combo),
            (self.connection_form, "base_url", self.fields["base_url"]),
            (self.connection_form, "token_url", self.fields["token_url"]),
            (self.connection_form, "client_id", self.fields["client_id"]),
            (self.connection_form, "secret", self.fields["secret"]),
        ):
            label = QLabel()
            label.setBuddy(widget.focusProxy() or widget)
            self.labels[key] = label
            self.rows[key] = (form, form.rowCount())
            form.addRow(label, widget)
        self.connection_form.addRow(self.tester)  # full width, no label
        self.countries_label = QLabel()
        self.countries_label.setBuddy(self.country_boxes["NL"])

        self.headings = {key: self._heading() for key in ("account", "sync", "connection")}
        left = QVBoxLayout()
        left.setSpacing(4)
        for heading, form in ((self.headings["account"], self.account_form),
                              (self.headings["sync"], self.sync_form)):
            left.addWidget(heading)
            left.addLayout(form)
        left.addWidget(self.shipping)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.headings["connection"])
        right.addLayout(self.connection_form)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 0, 12, 4)
        outer.setSpacing(4)
        outer.addLayout(columns)
        outer.addSpacing(8)
        outer.addWidget(self.countries_label)
        outer.addWidget(self.fields["excluded_countries"])
        outer.addStretch(1)
        self._set_tab_order()
        self.retranslate_ui()
        self._environment_changed()

    @staticmethod
    def _heading() -> QLabel:
        heading = QLabel()
        heading.setStyleSheet("font-size: 13pt; font-weight: 700; padding-top: 10px;")
        return heading

    def _set_tab_order(self) -> None:
        chain = [
            self.name_edit, self.store_edit, self.product_list_edit, self.interval_spin,
            self.harvest_products_box, self.harvest_orders_box,
            self.transporter_picker.search, self.transporter_combo,
            self.cutoff_field.enabled_box, self.cutoff_field.time_edit,
            self.shipping.mode_combo, self.shipping.rule_combo,
            self.environment_combo, self.base_url_edit, self.token_url_edit,
            self.client_id_edit, self.secret_edit, self.show_secret, self.tester.button,
            *self.country_boxes.values(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _new_form() -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.setContentsMargins(0, 0, 0, 0)
        return form

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first)
        layout.addWidget(second)
        return row

    def retranslate_ui(self) -> None:
        labels = {
            "name": self.tr("Account &name"),
            "store_name": self.tr("Sto&re"),
            "product_list": self.tr("&Product list"),
            "environment": self.tr("&Environment"),
            "base_url": self.tr("API &base URL"),
            "token_url": self.tr("To&ken URL"),
            "client_id": self.tr("&Client ID"),
            "secret": self.tr("Client &secret"),
            "sync_interval": self.tr("Sync e&very"),
            "harvest": self.tr("Import"),
            "transporter": self.tr("Default &transporter"),
            "cutoff": self.tr("Daily c&ut-off"),
        }
        for key, label in self.labels.items():
            label.setText(labels[key])
        self.name_edit.setPlaceholderText(self.tr("e.g. bol.com NL"))
        self.store_edit.setPlaceholderText(self.tr("The webshop this account sells for"))
        self.product_list_edit.setPlaceholderText(self.tr("Same as the store"))
        for index, text in enumerate(
            (self.tr("Production (bol.com)"), self.tr("bol.com demo"), self.tr("Custom URL"))
        ):
            self.environment_combo.setItemText(index, text)
        self.show_secret.setText(self.tr("Show"))
        self.show_secret.setToolTip(self.tr("Show or hide the client secret"))
        self.interval_spin.setSuffix(self.tr(" min"))
        names = {
            "NL": self.tr("Netherlands"), "BE": self.tr("Belgium"), "DE": self.tr("Germany"),
            "FR": self.tr("France"), "LU": self.tr("Luxembourg"), "AT": self.tr("Austria"),
            "GB": self.tr("United Kingdom"), "ES": self.tr("Spain"), "IT": self.tr("Italy"),
            "PL": self.tr("Poland"),
        }
        for code, box in self.country_boxes.items():
            box.setText(names.get(code, code))
            box.setToolTip(code)
        self.headings["account"].setText(self.tr("Account"))
        self.headings["sync"].setText(self.tr("Synchronisation"))
        self.headings["connection"].setText(self.tr("bol.com connection"))
        self.countries_label.setText(self.tr("Do not import orders delivered to"))
        self.harvest_products_box.setText(self.tr("Products and offers"))
        self.harvest_orders_box.setText(self.tr("Orders (turn on once the products are in)"))
        self.transporter_picker.set_language(current_language())
        self._update_secret_placeholder()
        self.tester.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- behaviour ---------------------------------------------------------------------------

    def _environment_changed(self) -> None:
        custom = self.environment_combo.currentData() == "custom"
        for key in ("base_url", "token_url"):
            form, row = self.rows[key]
            form.setRowVisible(row, custom)

    def _toggle_secret(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )

    def _update_secret_placeholder(self) -> None:
        client_id = self.client_id_edit.text().strip()
        if client_id and secret_stored(client_id):
            self.secret_edit.setPlaceholderText(self.tr("Stored in the keyring (type to replace)"))
        else:
            self.secret_edit.setPlaceholderText(self.tr("Paste the client secret from bol.com"))
        if not keyring_available():
            self.fields["secret"].show_error(self.no_keyring_text())
            self.fields["secret"].field.clearFocus()

    def no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no keyring to keep the client secret safely, so it cannot be "
            "saved here. The other settings are saved. On a server, set the environment "
            "variable HAYDIGO_BOL_CLIENT_SECRET instead."
        )

    def _connection_inputs(self) -> tuple[str, SecretStr | None, str, str, str]:
        return (
            self.client_id_edit.text().strip(),
            SecretStr(self.secret_edit.text()) if self.secret_edit.text() else None,
            self.environment_combo.currentData(),
            self.base_url_edit.text().strip(),
            self.token_url_edit.text().strip(),
        )

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # --- draft <-> fields --------------------------------------------------------------------

    def load(self, draft: AccountDraft | None) -> None:
        self._draft = draft
        self.clear_errors()
        self.tester.reset()
        self.setEnabled(draft is not None)
        draft = draft or AccountDraft()
        self.name_edit.setText(draft.name)
        self.store_edit.setText(draft.store_name)
        self.product_list_edit.setText(
            "" if draft.product_list_name == draft.store_name else draft.product_list_name
        )
        self._select_data(self.environment_combo, draft.environment)
        self.base_url_edit.setText(draft.base_url)
        self.token_url_edit.setText(draft.token_url)
        self.client_id_edit.setText(draft.client_id)
        self.secret_edit.setText(draft.new_secret.get_secret_value() if draft.new_secret else "")
        self.show_secret.setChecked(False)
        self.interval_spin.setValue(draft.sync_interval_minutes)
        excluded = {code.upper() for code in draft.excluded_countries}
        for code, box in self.country_boxes.items():
            box.setChecked(code in excluded)
        self._extra_countries = sorted(excluded - set(self.country_boxes))
        self.harvest_products_box.setChecked(draft.harvest_products)
        self.harvest_orders_box.setChecked(draft.harvest_orders)
        # A stored code that is no longer a bol.com code shows as "none chosen", never as TNT.
        self.transporter_picker.set_code(draft.default_transporter)
        self.cutoff_field.set_cutoff(draft.cutoff_time)
        self.shipping.load(draft)
        self._update_secret_placeholder()

    def store(self) -> None:
        """Write the fields back into the loaded draft."""
        draft = self._draft
        if draft is None:
            return
        draft.name = self.name_edit.text().strip()
        draft.store_name = self.store_edit.text().strip()
        draft.product_list_name = self.product_list_edit.text().strip() or draft.store_name
        draft.environment = self.environment_combo.currentData()
        draft.base_url = self.base_url_edit.text().strip()
        draft.token_url = self.token_url_edit.text().strip()
        draft.client_id = self.client_id_edit.text().strip()
        secret = self.secret_edit.text()
        draft.new_secret = SecretStr(secret) if secret else None
        draft.sync_interval_minutes = self.interval_spin.value()
        draft.excluded_countries = [
            code for code, box in self.country_boxes.items() if box.isChecked()
        ] + self._extra_countries
        draft.harvest_products = self.harvest_products_box.isChecked()
        draft.harvest_orders = self.harvest_orders_box.isChecked()
        chosen = self.transporter_picker.selected()
        draft.default_transporter = chosen.code if chosen else ""
        draft.cutoff_time = self.cutoff_field.cutoff()
        self.shipping.store(draft)

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()

    def show_error(self, error: DraftError) -> None:
        messages = {
            "name_missing": self.tr("Give the account a name."),
            "name_taken": self.tr("Another account already has this name."),
            "store_missing": self.tr("Name the store this account sells for."),
            "client_id_missing": self.tr("Enter the client ID from the bol.com seller portal."),
            "client_id_invalid": self.tr(
                "Copy the client ID exactly as the bol.com seller portal shows it (no spaces)."),
            "url_invalid": self.tr("Enter a full address starting with http:// or https://."),
            "interval": self.tr("Choose 1 to 60 minutes."),
            "country_invalid": self.tr("Country codes have two letters."),
            "transporter_unknown": self.tr(
                "Choose the default transporter: type its bol.com code or name."),
            "cutoff_invalid": self.tr("Choose the cut-off as a time of day."),
        }
        field = self.fields.get(error.field, self.fields["name"])
        field.show_error(messages.get(error.code, str(error)))
