"""Settings → Workstation → Scanner (issue 14, point 2): layout, prefix and suffix saved per
workstation, and a scanner test that shows what arrived, how it was read and what the desk
would do, live with the settings being edited."""

from __future__ import annotations

import json

import pytest
from desk_fixtures import open_settings, save_settings
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.ui.i18n import install_translator, remove_translators

# 8712345678906 as a scanner types it through a Belgian AZERTY keyboard.
AZERTY_EAN = "!è&é\"'(§è!çà§"


@pytest.fixture
def context(sqlite_url, tmp_path):
    database = open_database(sqlite_url)
    store = SettingsStore(tmp_path / "settings.json")
    yield DeskContext(database, AppPaths.current(), store, store.load())
    database.dispose()


@pytest.fixture
def dialog(qtbot, context):
    widget = open_settings(qtbot, context)
    widget.show()
    qtbot.waitExposed(widget)
    widget.tabs.setCurrentWidget(widget.workstation_page)
    return widget


def _scan(qtbot, field, text: str, terminator=Qt.Key.Key_Return) -> None:
    """Like a USB scanner: the characters, then its terminator key."""
    field.setFocus()
    for char in text:  # key events carrying the text (QTest types ASCII only; GS is Ctrl+])
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                    Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(field, terminator)


def test_an_azerty_scan_is_read_as_the_digits_it_meant(qtbot, dialog):
    group = dialog.workstation_page.scanner
    assert group.layout_combo.currentData() == "auto"
    _scan(qtbot, group.test_field, AZERTY_EAN)
    assert group.arrived.text() == AZERTY_EAN + "<CR>"
    assert group.read_as.text() == "8712345678906"
    assert group.notes.text() == "control characters removed, typed through an AZERTY-BE keyboard"
    assert group.action.text() == "Product with EAN 8712345678906"
    # Live: with QWERTY chosen the same scan is taken as typed, and refused.
    group.layout_combo.setCurrentIndex(group.layout_combo.findData("qwerty"))
    assert group.read_as.text() == AZERTY_EAN
    assert group.action.text() == f"Refused: {AZERTY_EAN} is not a code the desk knows"
    assert dialog.isVisible()  # Enter ended the scan; it did not press Save


def test_prefix_suffix_and_control_characters_follow_the_edited_settings(qtbot, dialog,
                                                                         tmp_path):
    group = dialog.workstation_page.scanner
    _scan(qtbot, group.test_field, "]C1010871234567890610LOT7\x1d17270101", Qt.Key.Key_Tab)
    assert group.arrived.text() == "]C1010871234567890610LOT7<GS>17270101<TAB>"
    assert group.read_as.text() == "8712345678906"
    assert "GTIN-14 read from GS1 (01)" in group.notes.text()
    assert group.action.text() == "Product with EAN 8712345678906"
    assert group.test_field.hasFocus() and group.test_field.text() == ""  # Tab stayed here

    _scan(qtbot, group.test_field, "~8712345678906~")
    assert group.action.text() == "Refused: ~8712345678906~ is not a code the desk knows"
    qtbot.keyClicks(group.prefix_edit, "~")
    qtbot.keyClicks(group.suffix_edit, "~")
    assert group.read_as.text() == "8712345678906"
    assert group.notes.text() == "prefix removed, control characters removed, suffix removed"
    assert group.action.text() == "Product with EAN 8712345678906"
    _scan(qtbot, group.test_field, "~8712345678907~")
    assert group.action.text() == "Refused: the check digit of 8712345678907 is wrong"
    assert not (tmp_path / "settings.json").exists()  # nothing saved by scanning


def test_scanner_settings_are_saved_for_this_workstation(qtbot, dialog, context, tmp_path):
    group = dialog.workstation_page.scanner
    group.layout_combo.setCurrentIndex(group.layout_combo.findData("azerty-fr"))
    group.prefix_edit.setText("@")
    group.suffix_edit.setText("#")
    with qtbot.waitSignal(dialog.settings_saved):
        assert save_settings(qtbot, dialog)
    on_disk = json.loads((tmp_path / "settings.json").read_text("utf-8"))
    assert (on_disk["scanner_layout"], on_disk["scanner_prefix"], on_disk["scanner_suffix"]) == (
        "azerty-fr", "@", "#")
    assert context.settings.scanner_settings().layout == "azerty-fr"
    again = open_settings(qtbot, context)
    scanner = again.workstation_page.scanner
    assert scanner.layout_combo.currentData() == "azerty-fr"
    assert (scanner.prefix_edit.text(), scanner.suffix_edit.text()) == ("@", "#")


def test_the_scanner_test_speaks_dutch(qtbot, qapp, dialog):
    install_translator(qapp, "nl")
    try:
        group = dialog.workstation_page.scanner
        _scan(qtbot, group.test_field, "~" + AZERTY_EAN)
        assert group.action.text() == (f"Geweigerd: ~{AZERTY_EAN} is geen code die de desk "
                                       "kent")
        qtbot.waitUntil(lambda: group.layout_combo.itemText(2) == "AZERTY (België)")
        assert group.labels[0].text() == "Toetsenbord&indeling"
        assert "AZERTY-BE" in group.notes.text() and "toetsenbord" in group.notes.text()
    finally:
        remove_translators(qapp)
