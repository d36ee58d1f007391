"""The null keyring backend accepts a secret and keeps nothing: the settings dialog says the
secret is not stored, like it does without any keyring, instead of "saved"."""

from __future__ import annotations

import keyring
import pytest
from desk_fixtures import open_settings, save_settings
from keyring.backends import null
from test_settings_dialog import SECRET, _fill_new_account

from haydigo_desk.bol.credentials import SecretStoreUnavailableError, store_client_secret
from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.account_settings import load_account_drafts


@pytest.fixture
def null_keyring(memory_keyring):
    keyring.set_keyring(null.Keyring())  # the autouse memory keyring fixture restores it
    yield


def test_storing_a_secret_in_the_null_keyring_is_refused(null_keyring):
    with pytest.raises(SecretStoreUnavailableError, match=r"null keyring.*CLIENT_SECRET"):
        store_client_secret("client-abc", SECRET)


def test_the_settings_dialog_says_the_secret_is_not_stored(qtbot, sqlite_url, tmp_path,
                                                           null_keyring):
    database = open_database(sqlite_url)
    store = SettingsStore(tmp_path / "settings.json")
    dialog = open_settings(qtbot, DeskContext(database, AppPaths.current(), store, store.load()))
    _fill_new_account(qtbot, dialog)
    editor = dialog.accounts_page.editor

    assert save_settings(qtbot, dialog) is False  # stays open so the message is read
    drafts = load_account_drafts(database)
    database.dispose()
    assert [(d.name, d.has_secret) for d in drafts] == [("bol.com NL", False)]
    assert "keyring" in dialog.message.text() and dialog.message.isVisibleTo(dialog)
    assert "HAYDIGO_BOL_CLIENT_SECRET" in editor.fields["secret"].error_text
    assert SECRET not in dialog.message.text()
