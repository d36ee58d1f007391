"""Settings → Accounts: a manager chooses the account's default transporter by typing it, the
shipment dialog preselects it, and nothing else is saved in its place (issue 14)."""

from __future__ import annotations

import pytest
from desk_fixtures import open_settings, save_settings
from PySide6.QtCore import Qt
from support.factories import make_account

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.account_settings import load_account_drafts
from haydigo_desk.services.carrier_choice import carrier_choice
from haydigo_desk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def context(sqlite_url, tmp_path):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        make_account(uow.session, default_transporter="TNT")
        old = make_account(uow.session, name="bol BE", client_id="client-2")
        old.default_transporter = "POSTNL"  # stored before the list was checked
        uow.commit()
    store = SettingsStore(tmp_path / "settings.json")
    yield DeskContext(database, AppPaths.current(), store, store.load())
    database.dispose()


@pytest.fixture
def dialog(qtbot, context):
    widget = open_settings(qtbot, context)
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def select_account(dialog: SettingsDialog, name: str):
    page = dialog.accounts_page
    [item] = page.account_list.findItems(name, Qt.MatchFlag.MatchExactly)
    page.account_list.setCurrentItem(item)
    return page.editor


def defaults(context) -> dict[str, str]:
    return {d.name: d.default_transporter for d in load_account_drafts(context.database)}


def test_typing_dhl_makes_dhl_the_default_and_the_dialog_preselects_it(qtbot, dialog, context):
    editor = select_account(dialog, "bol NL")
    assert editor.transporter_picker.selected().code == "TNT"
    editor.transporter_picker.search.setFocus()
    qtbot.keyClicks(editor.transporter_picker.search, "DHL")
    assert "<b>DHL</b>" in editor.transporter_picker.chosen_label.text()
    select_account(dialog, "bol BE")  # the BE account needs a valid default too
    qtbot.keyClicks(dialog.accounts_page.editor.transporter_picker.search, "bpost")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        assert save_settings(qtbot, dialog)
        dialog.accept()
    assert defaults(context) == {"bol NL": "DHL", "bol BE": "BPOST_BE"}
    account_id = next(d.id for d in load_account_drafts(context.database) if d.name == "bol NL")
    assert carrier_choice(context.database, account_id, "GLS").preselected == "DHL"


def test_an_unknown_stored_default_shows_as_none_chosen_and_cannot_be_saved(qtbot, dialog,
                                                                           context):
    editor = select_account(dialog, "bol BE")
    assert editor.transporter_picker.selected() is None  # not silently TNT
    assert "No carrier chosen" in editor.transporter_picker.chosen_label.text()
    assert not save_settings(qtbot, dialog)
    error = editor.fields["transporter"].error_label
    assert error.isVisible() and "default transporter" in error.text()
    assert defaults(context)["bol BE"] == "POSTNL"  # nothing was written


def test_a_typed_code_that_matches_nothing_is_refused(qtbot, dialog, context):
    editor = select_account(dialog, "bol NL")
    qtbot.keyClicks(editor.transporter_picker.search, "XYZ")
    assert editor.transporter_picker.selected() is None
    assert not save_settings(qtbot, dialog)
    assert defaults(context)["bol NL"] == "TNT"
