"""Login at the start of a shift: first manager, badge scan, name choice, manager-only check."""

from desk_fixtures import PICKER, make_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from support.factories import make_staff

from haydigo_desk.ui.login_dialog import LoginDialog
from haydigo_desk.ui.permissions import ensure_manager


def test_first_run_creates_the_first_manager(qtbot, sqlite_url):
    context = make_context(sqlite_url, user=None)
    dialog = LoginDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.first_run
    dialog.confirm()
    qtbot.waitUntil(lambda: "Enter a name" in dialog.feedback.text())
    assert dialog.identity is None and dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.new_name, "Mara Manager")
    dialog.confirm()
    qtbot.waitUntil(lambda: dialog.identity is not None)
    assert dialog.identity.name == "Mara Manager" and dialog.identity.is_manager
    context.database.dispose()


def test_badge_scan_logs_in(qtbot, sqlite_url):
    context = make_context(sqlite_url, user=None)
    with context.database.unit_of_work() as uow:
        make_staff(uow.session)
        uow.commit()
    dialog = LoginDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.people.count() == 2
    qtbot.keyClicks(dialog.badge, "NOT-A-BADGE")
    qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Unknown badge" in dialog.feedback.text())
    assert dialog.badge.text() == ""
    qtbot.keyClicks(dialog.badge, "BADGE-001")
    qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.identity is not None)
    assert dialog.identity.name == "Pieter Picker" and not dialog.identity.is_manager
    assert dialog.result() == dialog.DialogCode.Accepted

    by_name = LoginDialog(context)
    qtbot.addWidget(by_name)
    qtbot.waitUntil(lambda: by_name.loaded)
    by_name.people.setCurrentRow(0)  # sorted by name: Mara first
    by_name.confirm()
    assert by_name.identity.name == "Mara Manager" and by_name.identity.is_manager
    context.database.dispose()


def test_ensure_manager_refuses_a_picker_clearly(qtbot, sqlite_url, monkeypatch):
    context = make_context(sqlite_url, user=PICKER)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert ensure_manager(context, None) is False
    assert shown == ["Only a manager may do this. Pieter Picker is logged in as a picker; "
                     "ask a manager."]
    context.user = None
    assert ensure_manager(context, None) is False and "Log in as a manager" in shown[1]
    context.database.dispose()
