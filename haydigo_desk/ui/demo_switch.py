"""After an account is added in the demo: say that the desk will open the real database with
it, and offer to restart now or at the next start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from haydigo_desk import APP_NAME


def real_desk_box(account_names: list[str], database: str,
                  parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("demoSwitch")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(APP_NAME)
    box.setText(QCoreApplication.translate("DemoSwitch", "Your account is saved: {}").format(
        ", ".join(account_names)))
    box.setInformativeText(QCoreApplication.translate(
        "DemoSwitch", "It is saved in your own database ({}), not in the demo's. The desk "
        "opens that database with your account when it starts again; the demo stays as it is.")
        .format(database))
    box.restart_button = box.addButton(
        QCoreApplication.translate("DemoSwitch", "Restart now"),
        QMessageBox.ButtonRole.AcceptRole)
    box.later_button = box.addButton(
        QCoreApplication.translate("DemoSwitch", "At next start"),
        QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.restart_button)
    return box


def ask_restart_into_real_desk(account_names: list[str], database: str,
                               parent: QWidget | None = None) -> bool:
    """True when the person wants the desk restarted on the real database now."""
    box = real_desk_box(account_names, database, parent)
    box.exec()
    return box.clickedButton() is box.restart_button
