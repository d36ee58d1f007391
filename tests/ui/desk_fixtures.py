"""Helpers for the desk-section UI tests: a context on a seeded SQLite database."""

from __future__ import annotations

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database

MANAGER = StaffIdentity(2, "Mara Manager", "manager")
PICKER = StaffIdentity(1, "Pieter Picker", "picker")


def make_context(url: str, user: StaffIdentity | None = MANAGER) -> DeskContext:
    paths = AppPaths.current()
    store = SettingsStore(paths.settings_file)
    return DeskContext(open_database(url), paths, store, store.load(), user=user)


def open_settings(qtbot, context: DeskContext, *args, **kwargs):
    """The settings dialog with its accounts read (it reads them in the background)."""
    from haydigo_desk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context, *args, **kwargs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5_000)
    return dialog


def save_settings(qtbot, dialog) -> bool:
    """Save and wait for the outcome; True when the dialog closed with everything saved."""
    from PySide6.QtWidgets import QDialog

    if not dialog.save():
        return False
    qtbot.waitUntil(lambda: not dialog.saving, timeout=5_000)
    return dialog.result() == QDialog.DialogCode.Accepted
