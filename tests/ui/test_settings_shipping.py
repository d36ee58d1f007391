"""Settings → Accounts → Shipping: a manager sets per account how orders ship (own carrier,
via bol, as bol says per order) and which bol label the station buys; saved and read back."""

from __future__ import annotations

import pytest
from desk_fixtures import open_settings, save_settings
from PySide6.QtCore import Qt
from support.factories import make_account

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.account_settings import (
    DraftError,
    load_account_drafts,
    save_account_drafts,
)


@pytest.fixture
def context(sqlite_url, tmp_path):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        make_account(uow.session)
        uow.commit()
    store = SettingsStore(tmp_path / "settings.json")
    yield DeskContext(database, AppPaths.current(), store, store.load())
    database.dispose()


def test_via_bol_and_mailbox_rule_are_saved_with_the_keyboard(qtbot, context):
    dialog = open_settings(qtbot, context)
    dialog.show()
    page = dialog.accounts_page
    [item] = page.account_list.findItems("bol NL", Qt.MatchFlag.MatchExactly)
    page.account_list.setCurrentItem(item)
    group = page.editor.shipping
    assert group.mode_combo.currentData() == "own_carrier"
    assert not group.rule_combo.isEnabled()  # no labels bought: the rule does not apply
    group.mode_combo.setFocus()
    qtbot.keyClick(group.mode_combo, Qt.Key.Key_Down)
    assert group.mode_combo.currentData() == "via_bol"
    assert group.rule_combo.isEnabled()
    qtbot.keyClick(group.rule_combo, Qt.Key.Key_End)
    assert group.rule_combo.currentData() == "mailbox_when_fits"
    assert save_settings(qtbot, dialog)
    [draft] = load_account_drafts(context.database)
    assert (draft.shipping_mode, draft.label_option_rule) == ("via_bol", "mailbox_when_fits")

    reopened = open_settings(qtbot, context)
    reopened.accounts_page.account_list.setCurrentRow(0)
    shown = reopened.accounts_page.editor.shipping
    assert shown.mode_combo.currentText().startswith("Via bol")
    assert shown.rule_combo.currentData() == "mailbox_when_fits"


def test_an_unknown_mode_is_refused_and_nothing_is_written(context):
    [draft] = load_account_drafts(context.database)
    draft.shipping_mode = "by_pigeon"
    with pytest.raises(DraftError) as refused:
        save_account_drafts(context.database, [draft])
    assert refused.value.code == "shipping_mode"
    assert load_account_drafts(context.database)[0].shipping_mode == "own_carrier"
