"""Offered once on the start after a native crash: where its report is, and its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from haydigo_desk import APP_NAME


def previous_crash_box(report: Path, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("previousCrash")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(QCoreApplication.translate(
        "PreviousCrash", "The desk stopped unexpectedly last time."))
    box.setInformativeText(QCoreApplication.translate(
        "PreviousCrash", "The report is at {}. Send it to support if this happens again.")
        .format(report))
    open_folder = box.addButton(
        QCoreApplication.translate("PreviousCrash", "Open folder"),
        QMessageBox.ButtonRole.ActionRole)
    open_folder.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.parent))))
    box.addButton(QMessageBox.StandardButton.Close).setText(
        QCoreApplication.translate("PreviousCrash", "Close"))
    return box


def offer_previous_crash(report: Path, parent: QWidget) -> QMessageBox:
    """Shown without blocking the window (``open``, not ``exec``)."""
    box = previous_crash_box(report, parent)
    box.open()
    return box
