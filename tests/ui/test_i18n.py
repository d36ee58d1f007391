"""Language switching through Qt's translators: Dutch texts appear, English stays the source."""

from __future__ import annotations

import pytest
from desk_fixtures import open_settings
from PySide6.QtCore import QCoreApplication, QLocale

from haydigo_desk.ui.i18n import (
    current_language,
    install_translator,
    remove_translators,
    resolve_language,
)


@pytest.fixture
def app_language(qapp):
    before = QLocale()
    yield qapp
    remove_translators(qapp)  # later tests expect the source texts
    QLocale.setDefault(before)


def test_dutch_dialog_shows_dutch_text(qtbot, app_language, context):
    assert install_translator(app_language, "nl") == "nl" == current_language()
    dialog = open_settings(qtbot, context)
    dialog.accounts_page.add_account()

    assert dialog.windowTitle() == "Instellingen"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["bol.com-accounts", "Picklijsten",
                                                          "Werkplek"]
    assert dialog.rules_page.add_button.text() == "Regel toevoegen"
    assert dialog.accounts_page.editor.tester.button.text() == "Verbinding testen"
    assert dialog.accounts_page.editor.country_boxes["BE"].text() == "België"
    assert "Nieuw account" in dialog.accounts_page.account_list.item(0).text()
    # Transporter names come from transporters.json in the chosen language.
    combo = dialog.accounts_page.editor.transporter_combo
    assert combo.itemText(combo.findData("DPD-BE")).startswith("DPD België")
    # Qt's own catalogue is loaded too (standard dialogs, context menus).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    assert QLocale().language() == QLocale.Language.Dutch


def test_plural_forms(app_language):
    install_translator(app_language, "nl")
    assert QCoreApplication.translate("OrdersSection", "%n order(s)", "", 1) == "1 order"
    assert QCoreApplication.translate("OrdersSection", "%n order(s)", "", 3) == "3 orders"
    install_translator(app_language, "en")
    assert QCoreApplication.translate("OrdersSection", "%n order(s)", "", 1) == "1 order"
    assert QCoreApplication.translate("OrdersSection", "%n order(s)", "", 0) == "0 orders"


def test_switching_language_retranslates_an_open_dialog(qtbot, app_language, context):
    install_translator(app_language, "en")
    dialog = open_settings(qtbot, context)
    assert dialog.windowTitle() == "Settings"
    install_translator(app_language, "nl")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Instellingen")
    assert dialog.workstation_page.theme_combo.itemText(1) == "Donker"
    assert dialog.rules_page.editor.due_combo.itemText(2) == "Later weg"
    install_translator(app_language, "en")
    qtbot.waitUntil(lambda: dialog.tabs.tabText(2) == "Workstation")
    assert dialog.tabs.tabText(1) == "Pick lists"
    assert dialog.rules_page.editor.due_combo.itemText(2) == "Due later"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        ("system", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands), "nl"),
        ("system", QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium), "nl"),
        ("system", QLocale(QLocale.Language.French, QLocale.Country.Belgium), "en"),
        ("system", QLocale(QLocale.Language.German), "en"),
        ("nl", QLocale(QLocale.Language.English), "nl"),
        ("en", QLocale(QLocale.Language.Dutch), "en"),
    ],
)
def test_language_setting_resolves(setting, locale, expected):
    assert resolve_language(setting, locale) == expected
