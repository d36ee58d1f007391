"""The settings dialog: accounts with secrets in the keyring, workstation settings, validation."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import keyring.errors
import pytest
from desk_fixtures import open_settings, save_settings
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit
from support.factories import make_account

from haydigo_desk.bol.credentials import KEYRING_SERVICE
from haydigo_desk.config import SettingsStore
from haydigo_desk.services.account_settings import load_account_drafts
from haydigo_desk.ui.settings_dialog import SettingsDialog

SECRET = "very-secret-value-42"


@pytest.fixture
def dialog(qtbot, context):
    widget = open_settings(qtbot, context)
    return widget


def _fill_new_account(qtbot, dialog: SettingsDialog) -> None:
    page = dialog.accounts_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, "bol.com NL")
    qtbot.keyClicks(editor.store_edit, "Kussenwinkel")
    qtbot.keyClicks(editor.client_id_edit, "client-abc")
    qtbot.keyClicks(editor.secret_edit, SECRET)
    editor.interval_spin.setValue(5)
    editor.country_boxes["DE"].setChecked(True)
    editor.harvest_orders_box.setChecked(True)
    editor.transporter_combo.setCurrentIndex(editor.transporter_combo.findData("DHL"))


def test_enter_saves_account_with_secret_only_in_keyring(qtbot, dialog, context,
                                                        memory_keyring, sqlite_url, tmp_path):
    dialog.show()
    qtbot.waitExposed(dialog)
    _fill_new_account(qtbot, dialog)
    assert dialog.accounts_page.account_list.currentItem().text() == "bol.com NL"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.accounts_page.editor.client_id_edit, Qt.Key.Key_Return)

    [draft] = load_account_drafts(context.database)
    assert (draft.name, draft.store_name, draft.client_id) == (
        "bol.com NL", "Kussenwinkel", "client-abc")
    assert (draft.sync_interval_minutes, draft.excluded_countries) == (5, ["DE"])
    assert draft.harvest_orders and draft.default_transporter == "DHL" and draft.has_secret
    assert memory_keyring.store[(KEYRING_SERVICE, "client-abc")] == SECRET
    database_file = sqlite_url.removeprefix("sqlite:///")
    context.database.dispose()
    assert SECRET.encode() not in Path(database_file).read_bytes()
    assert SECRET not in (tmp_path / "settings.json").read_text("utf-8")


def test_stored_secret_shows_placeholder_not_value(qtbot, context, memory_keyring):
    with context.database.unit_of_work() as uow:
        make_account(uow.session, "bol.com BE", client_id="client-be")
        uow.commit()
    keyring.set_password(KEYRING_SERVICE, "client-be", SECRET)
    dialog = open_settings(qtbot, context)
    editor = dialog.accounts_page.editor

    assert editor.secret_edit.text() == ""
    assert "keyring" in editor.secret_edit.placeholderText().lower()
    assert editor.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    editor.show_secret.click()
    assert editor.secret_edit.echoMode() == QLineEdit.EchoMode.Normal
    # Saving without typing keeps the stored secret.
    assert save_settings(qtbot, dialog)
    assert memory_keyring.store[(KEYRING_SERVICE, "client-be")] == SECRET


def test_custom_urls_only_for_custom_environment(qtbot, dialog):
    page = dialog.accounts_page
    page.add_account()
    editor = page.editor
    form, row = editor.rows["base_url"]
    assert not form.isRowVisible(row)
    editor.environment_combo.setCurrentIndex(editor.environment_combo.findData("custom"))
    assert form.isRowVisible(row) and form.isRowVisible(editor.rows["token_url"][1])
    editor.environment_combo.setCurrentIndex(editor.environment_combo.findData("demo"))
    assert not form.isRowVisible(row)


def test_validation_errors_are_inline_and_nothing_is_saved(qtbot, dialog, context):
    page = dialog.accounts_page
    page.add_account()
    page.editor.name_edit.clear()
    qtbot.keyClicks(page.editor.store_edit, "Winkel")

    assert save_settings(qtbot, dialog) is False
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert page.editor.fields["name"].error_text == "Give the account a name."
    assert load_account_drafts(context.database) == []

    qtbot.keyClicks(page.editor.name_edit, "NL")
    qtbot.keyClicks(page.editor.client_id_edit, "cid")
    page.editor.environment_combo.setCurrentIndex(2)  # custom, without URLs
    assert save_settings(qtbot, dialog) is False
    assert page.editor.fields["base_url"].error_text.startswith("Enter a full address")
    assert page.editor.fields["name"].error_text == ""


def test_workstation_settings_saved_and_escape_cancels(qtbot, context, tmp_path):
    dialog = open_settings(qtbot, context)
    page = dialog.workstation_page
    page.workstation_edit.setText("Paktafel 2")
    page.language_combo.setCurrentIndex(page.language_combo.findData("nl"))
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    page.volume_slider.setValue(35)
    page.sounds_box.setChecked(False)
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        assert save_settings(qtbot, dialog)

    on_disk = json.loads((tmp_path / "settings.json").read_text("utf-8"))
    assert on_disk["workstation"] == "Paktafel 2"
    assert (on_disk["language"], on_disk["theme"]) == ("nl", "dark")
    assert on_disk["sound_volume"] == pytest.approx(0.35) and not on_disk["sounds_enabled"]
    assert saved.args[0].workstation == context.settings.workstation == "Paktafel 2"

    again = open_settings(qtbot, context)
    again.show()
    again.workstation_page.workstation_edit.setText("changed")
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert again.result() == QDialog.DialogCode.Rejected
    assert SettingsStore(tmp_path / "settings.json").load().workstation == "Paktafel 2"


def test_empty_workstation_name_is_refused(qtbot, dialog):
    dialog.workstation_page.workstation_edit.clear()
    assert save_settings(qtbot, dialog) is False
    assert dialog.tabs.currentWidget() is dialog.workstation_page
    assert "workstation" in dialog.workstation_page.workstation_field.error_text.lower()


def test_no_keyring_saves_the_rest_and_says_so(qtbot, dialog, context, monkeypatch):
    def no_keyring(*_args):
        raise keyring.errors.NoKeyringError("No recommended backend was available")

    monkeypatch.setattr(keyring, "set_password", no_keyring)
    _fill_new_account(qtbot, dialog)
    assert save_settings(qtbot, dialog) is False  # stays open so the message is read

    assert [d.name for d in load_account_drafts(context.database)] == ["bol.com NL"]
    assert "keyring" in dialog.message.text() and dialog.message.isVisibleTo(dialog)
    assert "keyring" in dialog.accounts_page.editor.fields["secret"].error_text
    assert SECRET not in dialog.message.text()
    # A second save does not create a second account.
    save_settings(qtbot, dialog)
    assert len(load_account_drafts(context.database)) == 1


def test_remove_account(qtbot, context):
    with context.database.unit_of_work() as uow:
        make_account(uow.session, "old", client_id="c-old")
        make_account(uow.session, "keep", client_id="c-keep")
        uow.commit()
    dialog = open_settings(qtbot, context)
    page = dialog.accounts_page
    assert [page.account_list.item(i).text() for i in range(page.account_list.count())] == [
        "keep", "old"]
    page.account_list.setCurrentRow(1)
    page.remove_button.click()
    assert page.account_list.count() == 1 and page.editor.name_edit.text() == "keep"
    assert save_settings(qtbot, dialog)
    assert [d.name for d in load_account_drafts(context.database)] == ["keep"]


def test_ctrl_s_is_the_save_shortcut(qtbot, dialog, context):
    assert dialog.save_shortcut.key() == QKeySequence(QKeySequence.StandardKey.Save)
    dialog.accounts_page.add_account()
    dialog.accounts_page.editor.store_edit.setText("Winkel")
    dialog.accounts_page.editor.client_id_edit.setText("cid")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_shortcut.activated.emit()  # offscreen windows never become active
    assert [d.name for d in load_account_drafts(context.database)] == ["New account"]


def test_every_field_is_reachable_with_the_keyboard(qtbot, dialog):
    dialog.accounts_page.add_account()
    editor = dialog.accounts_page.editor
    for widget in (editor.name_edit, editor.store_edit, editor.client_id_edit,
                   editor.secret_edit, editor.interval_spin, editor.transporter_combo,
                   editor.tester.button, *editor.country_boxes.values()):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget
    labels = [label.text() for label in editor.labels.values()]
    assert all("&" in text for text in labels if text not in ("Import",)), labels
