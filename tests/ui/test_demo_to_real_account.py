"""An account added while the demo runs (Settings → Accounts, as the demo banner says) goes
to the real database, the desk says it will open it, and the next start opens it; the demo's
own database is not touched."""

from __future__ import annotations

import argparse
import sqlite3

import pytest
from desk_fixtures import open_settings, save_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from haydigo_desk.app import _open_real_database
from haydigo_desk.bol.credentials import KEYRING_SERVICE
from haydigo_desk.config import AppPaths, SettingsStore, resolve_database_url, sqlite_url
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.accounts import AccountSpec, list_accounts, save_account
from haydigo_desk.ui.demo_switch import ask_restart_into_real_desk, real_desk_box

SECRET = "real-account-secret-7"


@pytest.fixture
def demo_context(tmp_path):
    paths = AppPaths.current()
    paths.demo_dir.mkdir(parents=True)
    demo_database = open_database(sqlite_url(paths.demo_dir / "demo.sqlite3"))
    with demo_database.unit_of_work() as uow:
        save_account(uow.session, AccountSpec(
            name="bol.com demo", client_id="demo-client", store_name="Demo webshop",
            environment="custom", base_url="http://127.0.0.1:9", token_url="http://127.0.0.1:9/t"))
        uow.commit()
    store = SettingsStore(tmp_path / "settings.json")
    context = DeskContext(demo_database, paths, store, store.load(), demo=True,
                          real_database_url=resolve_database_url(None, paths),
                          user=StaffIdentity(None, "Demo manager", "manager"))
    yield context
    context.close_accounts_database()
    demo_database.dispose()


def _demo_accounts(paths: AppPaths) -> list[tuple[str]]:
    with sqlite3.connect(paths.demo_dir / "demo.sqlite3") as connection:
        return connection.execute("SELECT name FROM marketplace_accounts").fetchall()


def test_account_added_in_the_demo_is_saved_to_the_real_database(qtbot, demo_context,
                                                                memory_keyring):
    paths = demo_context.paths
    assert not paths.default_database_file.exists()  # a first start: no real database yet
    assert _open_real_database(argparse.Namespace(demo=False, database_url=None), paths) is None
    dialog = open_settings(qtbot, demo_context)
    page = dialog.accounts_page
    assert page.drafts == []  # the demo's own account is not offered for editing
    saved = []
    dialog.accounts_saved.connect(saved.append)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    editor.name_edit.setText("bol.com NL")
    editor.store_edit.setText("Kussenwinkel")
    editor.client_id_edit.setText("client-real")
    editor.secret_edit.setText(SECRET)
    assert save_settings(qtbot, dialog)

    assert [outcome.saved for outcome in saved] == [["bol.com NL"]]
    assert _demo_accounts(paths) == [("bol.com demo",)]  # the demo database is not touched
    assert memory_keyring.store[(KEYRING_SERVICE, "client-real")] == SECRET
    demo_context.close_accounts_database()
    # The next start (no --demo, default database) opens the real database with the account.
    real = _open_real_database(argparse.Namespace(demo=False, database_url=None), paths)
    assert real is not None
    try:
        with real.unit_of_work() as uow:
            assert [a.name for a in list_accounts(uow.session)] == ["bol.com NL"]
        assert real.url == sqlite_url(paths.default_database_file)
    finally:
        real.dispose()
    assert SECRET.encode() not in paths.default_database_file.read_bytes()


def test_the_desk_says_it_will_open_the_real_database_and_offers_a_restart(qtbot):
    box = real_desk_box(["bol.com NL"], "sqlite:///home/desk.sqlite3")
    qtbot.addWidget(box)
    assert "bol.com NL" in box.text()
    assert "sqlite:///home/desk.sqlite3" in box.informativeText()
    assert "starts again" in box.informativeText()
    assert {button.text() for button in box.buttons()} == {"Restart now", "At next start"}
    assert box.defaultButton() is box.restart_button


@pytest.mark.parametrize(("button", "restart"), [("restart_button", True),
                                                 ("later_button", False)])
def test_the_choice_is_restart_now_or_at_next_start(qtbot, monkeypatch, button, restart):
    def click_instead_of_waiting(box: QMessageBox) -> int:
        getattr(box, button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_instead_of_waiting)
    assert ask_restart_into_real_desk(["bol.com NL"], "sqlite:///x") is restart
