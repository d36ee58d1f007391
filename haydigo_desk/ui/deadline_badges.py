"""How an order's deadline and "via bol" look in lists: translated badge words, their colours
and the delegate that paints them as pills after the cell's date. The rule behind the badge is
:mod:`haydigo_desk.domain.deadlines`; this module only says it in words and colours."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from haydigo_desk.domain import deadlines
from haydigo_desk.domain.deadlines import Badge, BadgeKind
from haydigo_desk.ui.palette import colour

BADGES_ROLE = Qt.ItemDataRole.UserRole + 21  # list of (kind, text) pills, read by the delegate
VIA_BOL = "via_bol"
DATE_FORMAT = "%d-%m-%Y"
SHORT_DATE_FORMAT = "%d-%m"  # in a list cell: deadlines are days away, the pills need room

# kind -> the palette's pill colour (white text, "on_accent", on every pill).
_PILLS: dict[str, str] = {
    BadgeKind.LATE: "badge_late",
    BadgeKind.EXPIRES: "badge_expires",
    BadgeKind.SHIP_TODAY: "badge_ship_today",
    BadgeKind.TOMORROW: "badge_tomorrow",
    VIA_BOL: "badge_via_bol",
}


class DeadlineBadge(QObject):
    """The badges' translation context for a plural: PySide's lupdate marks ``self.tr(text,
    "", n)`` in a method as one, not ``QCoreApplication.translate`` with a count."""

    def expires_in(self, hours: int) -> str:
        return self.tr("Expires in %n h", "", hours)


@cache
def _plural_words() -> DeadlineBadge:
    return DeadlineBadge()


def badge_text(badge: Badge) -> str:
    """The badge in the user's language ("" for none)."""
    if badge.kind is BadgeKind.LATE:
        return QCoreApplication.translate("DeadlineBadge", "Late")
    if badge.kind is BadgeKind.EXPIRES:
        return _plural_words().expires_in(badge.hours)
    if badge.kind is BadgeKind.SHIP_TODAY:
        return QCoreApplication.translate("DeadlineBadge", "Ship today")
    if badge.kind is BadgeKind.TOMORROW:
        return QCoreApplication.translate("DeadlineBadge", "Tomorrow")
    return ""


def via_bol_text() -> str:
    return QCoreApplication.translate("DeadlineBadge", "via bol")


def badges(deadline: date | None, expiry: date | None, via_bol: bool, cutoff: time | None,
           now: datetime, *, still_to_leave: bool = True) -> list[tuple[str, str]]:
    """The pills of one order: its deadline badge (only while it still has to leave) and
    "via bol" when bol.com delivers it."""
    pills: list[tuple[str, str]] = []
    if still_to_leave:
        badge = deadlines.badge(deadline, expiry, now, cutoff)
        if badge.kind is not BadgeKind.NONE:
            pills.append((str(badge.kind), badge_text(badge)))
    if via_bol:
        pills.append((VIA_BOL, via_bol_text()))
    return pills


def format_day(day: date | None, pattern: str = DATE_FORMAT) -> str:
    return day.strftime(pattern) if day else ""


def short_day(day: date | None) -> str:
    return format_day(day, SHORT_DATE_FORMAT)


def tooltip(day: date | None, pills: list[tuple[str, str]]) -> str | None:
    """The cell's full date and every pill's words (also those the cell had no room for)."""
    return "\n".join(part for part in (format_day(day), *(text for _k, text in pills))
                     if part) or None


class BadgesDelegate(QStyledItemDelegate):
    """The cell's text, then its BADGES_ROLE pills (rounded, bold, coloured)."""

    GAP = 6
    PADDING = 14  # a pill's text to its ends, both sides together

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        pills = index.data(BADGES_ROLE) or []
        if not pills:
            super().paint(painter, option, index)
            return
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        text = base.text
        base.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget)
        metrics = option.fontMetrics
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = option.rect.left() + self.GAP
        if text:
            painter.setPen(base.palette.color(
                base.palette.ColorGroup.Normal,
                base.palette.ColorRole.HighlightedText
                if option.state & QStyle.StateFlag.State_Selected else base.palette.ColorRole.Text))
            text_rect = QRectF(x, option.rect.top(), metrics.horizontalAdvance(text) + 2,
                               option.rect.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
            x = text_rect.right() + self.GAP
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        bold = painter.fontMetrics()
        height = min(bold.height() + 6, option.rect.height() - 4)
        for kind, label in pills:
            width = bold.horizontalAdvance(label) + self.PADDING
            if x + width > option.rect.right():
                break  # no room: the tooltip still says it
            rect = QRectF(x, option.rect.center().y() - height / 2 + 1, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(_PILLS.get(kind, "badge_tomorrow")))
            painter.drawRoundedRect(rect, height / 2, height / 2)
            painter.setPen(colour("on_accent"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            x = rect.right() + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        pills = index.data(BADGES_ROLE) or []
        extra = sum(option.fontMetrics.horizontalAdvance(label) + self.PADDING + self.GAP + 4
                    for _kind, label in pills)
        return QSize(hint.width() + extra, hint.height())
