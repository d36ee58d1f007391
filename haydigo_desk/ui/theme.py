"""Light and dark themes: Fusion style, a matching palette and the shipped style sheets."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from haydigo_desk.resources_path import resource

log = logging.getLogger(__name__)

THEMES = ("light", "dark")
# Read at arm's length on a warehouse screen; the style sheets size titles and scan fields
# relative to this.
BASE_POINT_SIZE = 11

# Colours the style sheets use for the window, text and accents, repeated in the palette so
# widgets the sheets do not cover (menus' submenus, standard dialogs, check marks) match.
_PALETTES = {
    "light": {"window": "#F5F7FA", "base": "#FFFFFF", "alt": "#F0F4F8", "text": "#1A1F24",
              "button": "#FFFFFF", "highlight": "#1565C0", "highlighted_text": "#FFFFFF",
              "disabled": "#7A8590", "tooltip": "#263238", "tooltip_text": "#FFFFFF",
              "link": "#1565C0"},
    "dark": {"window": "#1B2127", "base": "#10151A", "alt": "#1D252C", "text": "#ECEFF1",
             "button": "#29323B", "highlight": "#1E88E5", "highlighted_text": "#FFFFFF",
             "disabled": "#7D8A96", "tooltip": "#ECEFF1", "tooltip_text": "#1A1F24",
             "link": "#90CAF9"},
}


def style_sheet(name: str) -> str:
    """common.qss followed by the theme's colours."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    parts = [resource("themes", "common.qss"), resource("themes", f"{name}.qss")]
    return "\n".join(path.read_text("utf-8") for path in parts)


def palette(name: str) -> QPalette:
    colours = {key: QColor(value) for key, value in _PALETTES[name].items()}
    result = QPalette()
    role = QPalette.ColorRole
    for roles, key in (
        ((role.Window,), "window"),
        ((role.Base,), "base"),
        ((role.AlternateBase,), "alt"),
        ((role.WindowText, role.Text, role.ButtonText, role.PlaceholderText), "text"),
        ((role.Button,), "button"),
        ((role.Highlight,), "highlight"),
        ((role.HighlightedText,), "highlighted_text"),
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
        result.setColor(QPalette.ColorGroup.Disabled, one, colours["disabled"])
    return result


def apply_theme(app: QApplication, name: str) -> None:
    """Switch the whole application to ``light`` or ``dark``; safe to call again at run time."""
    sheet = style_sheet(name)
    app.setStyle("Fusion")  # the one style that follows palettes and style sheets everywhere
    app.setPalette(palette(name))
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(sheet)
    log.info("Theme: %s", name)
