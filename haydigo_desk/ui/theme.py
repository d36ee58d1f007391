"""Light and dark themes: Fusion style, the Qt palette and the style sheet, both made from
the colours of ``ui/palette.py``."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from haydigo_desk.resources_path import resource
from haydigo_desk.ui.palette import COLOURS, THEMES, check_theme, colour_sheet, set_current

__all__ = ["BASE_POINT_SIZE", "THEMES", "apply_theme", "palette", "style_sheet"]

log = logging.getLogger(__name__)

# Read at arm's length on a warehouse screen; the style sheets size titles and scan fields
# relative to this.
BASE_POINT_SIZE = 11


def style_sheet(name: str) -> str:
    """common.qss (sizes and shapes) followed by the theme's colours (``ui/palette.py``)."""
    check_theme(name)
    return resource("themes", "common.qss").read_text("utf-8") + "\n" + colour_sheet(name)


def palette(name: str) -> QPalette:
    colours = {key: QColor(value) for key, value in COLOURS[check_theme(name)].items()}
    result = QPalette()
    role = QPalette.ColorRole
    for roles, key in (
        ((role.Window,), "window"),
        ((role.Base,), "input"),
        ((role.AlternateBase,), "table_alt"),
        ((role.WindowText, role.Text, role.ButtonText, role.PlaceholderText), "text"),
        ((role.Button,), "button"),
        ((role.Highlight,), "accent"),
        ((role.HighlightedText,), "on_accent"),
        ((role.ToolTipBase,), "tooltip"),
        ((role.ToolTipText,), "tooltip_text"),
        ((role.Link,), "link"),
    ):
        for one in roles:
            result.setColor(one, colours[key])
    placeholder = QColor(colours["text"])
    placeholder.setAlphaF(0.55)
    result.setColor(role.PlaceholderText, placeholder)
    for one in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, one, colours["disabled_text"])
    return result


def apply_theme(app: QApplication, name: str) -> None:
    """Switch the whole application to ``light`` or ``dark``; safe to call again at run time."""
    sheet = style_sheet(name)
    set_current(name)  # before any widget asks the palette for a colour or an icon
    app.setStyle("Fusion")  # the one style that follows palettes and style sheets everywhere
    app.setPalette(palette(name))
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(sheet)
    log.info("Theme: %s", name)
