"""Manager-only actions: one check that tells a picker clearly why the desk refuses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from haydigo_desk.context import DeskContext


def is_manager(context: DeskContext) -> bool:
    return context.user is not None and context.user.is_manager


def refusal_text(context: DeskContext) -> str:
    if context.user is None:
        return QCoreApplication.translate(
            "Permissions", "Log in as a manager to do this."
        )
    return QCoreApplication.translate(
        "Permissions",
        "Only a manager may do this. {name} is logged in as a picker; ask a manager.",
    ).format(name=context.user.name)


def ensure_manager(context: DeskContext, parent: QWidget | None) -> bool:
    """True for a manager; otherwise shows the refusal and returns False."""
    if is_manager(context):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Permissions", "Manager only"),
        refusal_text(context),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("managerOnlyRefusal")
    box.exec()
    return False
