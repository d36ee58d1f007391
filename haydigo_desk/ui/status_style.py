"""How an order or pick list status looks: translated label and pill colours, plus the delegate
that paints the pill. Colours are strong enough to read on the light and the dark theme."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from haydigo_desk.ui.palette import colour

# status -> the palette's pill colour (the text on every pill is "on_accent", white)
_PILLS: dict[str, str] = {
    "new": "status_new", "picking": "status_picking", "packed": "status_packed",
    "shipped": "status_shipped", "cancelled": "status_cancelled", "problem": "status_problem",
    "open": "status_new", "in_progress": "status_in_progress", "done": "status_shipped",
}

STATUS_ROLE = Qt.ItemDataRole.UserRole + 20  # the raw status string, read by the delegate


def status_label(status: str) -> str:
    labels = {
        "new": QCoreApplication.translate("Status", "New"),
        "picking": QCoreApplication.translate("Status", "Picking"),
        "packed": QCoreApplication.translate("Status", "Packed"),
        "shipped": QCoreApplication.translate("Status", "Shipped"),
        "cancelled": QCoreApplication.translate("Status", "Cancelled"),
        "problem": QCoreApplication.translate("Status", "Problem"),
        "open": QCoreApplication.translate("Status", "Open"),
        "in_progress": QCoreApplication.translate("Status", "In progress"),
        "done": QCoreApplication.translate("Status", "Done"),
        "all": QCoreApplication.translate("Status", "All"),
    }
    return labels.get(status, status)


def status_colours(status: str) -> tuple[QColor, QColor]:
    return colour(_PILLS.get(status, "status_other")), colour("on_accent")


class StatusPillDelegate(QStyledItemDelegate):
    """Paints the status as a coloured rounded label, so it reads at a glance from afar."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        status = index.data(STATUS_ROLE)
        if not status:
            super().paint(painter, option, index)
            return
        # Selection/background first, without the text.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        background, foreground = status_colours(status)
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 20, option.rect.width() - 8)
        height = min(metrics.height() + 8, option.rect.height() - 4)
        rect = QRectF(option.rect.left() + 6, option.rect.center().y() - height / 2 + 1,
                      width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(foreground)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
