"""The dialog shown instead of the window when the desk cannot start (its database)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from haydigo_desk import APP_NAME
from haydigo_desk.persistence.database import DatabaseUnavailableError


def startup_error_text(error: DatabaseUnavailableError) -> str:
    """What is wrong and what to do, in the desk's language (one sentence or two)."""
    texts = {
        "bad_url": QCoreApplication.translate(
            "StartupError", "The database address is not valid. Correct --database-url or "
            "HAYDIGO_DATABASE_URL (for example sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DATABASE)."),
        "cannot_connect": QCoreApplication.translate(
            "StartupError", "The database server cannot be reached. Check that it runs and "
            "that the address, user and password are right."),
        "damaged": QCoreApplication.translate(
            "StartupError", "The database file is damaged or is not a HaydiGO Desk database. "
            "Nothing was changed: restore a backup, or move the file away to start a new one."),
        "newer_schema": QCoreApplication.translate(
            "StartupError", "The database was made by a newer version of HaydiGO Desk. "
            "Nothing was changed: update HaydiGO Desk on this computer."),
        "read_only": QCoreApplication.translate(
            "StartupError", "The database cannot be written here. Make the file and its "
            "folder writable, or choose another database."),
        "no_folder": QCoreApplication.translate(
            "StartupError", "The data folder cannot be created or used. Make it a writable "
            "folder, or choose another database."),
        "disk_full": QCoreApplication.translate(
            "StartupError", "The disk is full. Free some space and start the desk again; "
            "nothing was lost."),
        "disk_error": QCoreApplication.translate(
            "StartupError", "Writing to the disk failed: it may be full or failing. Free "
            "some space or check the disk, then start the desk again."),
    }
    return texts.get(error.code) or QCoreApplication.translate(
        "StartupError", "The database answered with an error. Nothing was changed; the "
        "details are in the log file.")


def startup_error_box(error: DatabaseUnavailableError,
                      parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("startupError")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    box.setText(QCoreApplication.translate("StartupError", "The desk cannot start"))
    box.setInformativeText(startup_error_text(error))
    box.setDetailedText(str(error))  # the exact file or server, for whoever helps
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_startup_error(error: DatabaseUnavailableError) -> None:
    startup_error_box(error).exec()
